import fc from 'fast-check';
import { cellValueArb } from '../fixtures/arbitraries';
import { buildReport, checkWorkbook, FINDING_CODES, parseA1, renderMessage, toA1, type CellValue, type CheckResult, type SheetGrid } from '../../src/core';
import { gridOf } from '../fixtures/grid';
import { buildForm, sheetOf, standardIndicators } from '../fixtures/forms';
import { templateForm } from '../fixtures/templates';

const LABELS = [
  '财政项目支出绩效自评表', '(2021 年度)', '项目名称', '主管部门', '实施单位', '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数',
  '分值', '执行率', '得分', '年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金', '年度总体目标', '预算目标', '实际完成情况',
  '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '合计', '权重', '自评得分',
  '产出指标', '效益指标', '满意度指标', '数量指标', '指标性质', '指标值', '度量单位', '计量单位', '项目名稱', '年度指標值', '產出指標（50分）',
  '（30分）', '其中：城区', '★',
];
const VALUES = [
  '>=65场', '≥90%', '<=15分钟', '<0.002%', '=100%', '80%-90%', '前三名', '有效', '及时', '满足国内%以上', '>=1.2万户', '≤200万元', '第2名',
  '未完成', '基本完成', '约95', 'N/A', '—', '-', '/', '10分', '98.29%', '16,221,100', '<p>已完成</p>', '=SUM(H1:H9)', '2021年12月底前',
  '1亿人次', '0', '100', '', ' ', '（待填写）', '-5%', '=-2', '≥', '＞＝', '═', '⩾', '个', '%', '定性', '无', '萬元', '97.80%',
];
const ERRORS: CellValue[] = [{ kind: 'error', code: '#DIV/0!' }, { kind: 'error', code: '#N/A' }, { kind: 'error', code: '#VALUE!' }];

const cellArb = cellValueArb({ labels: LABELS, values: VALUES, errors: ERRORS, empty: 4, valueWeight: 3 });
const formatArb = fc.constantFrom(null, '0.00%', '0%', '#,##0.00', '0.00', 'yyyy"年"m"月"d"日"', '@', 'General');

/** Non-overlapping merged areas (Excel never lets two overlap), as absolute ranges inside a box. */
function mergesArb(rows: number, cols: number) {
  return fc.array(fc.tuple(fc.nat(Math.max(0, rows - 1)), fc.nat(Math.max(0, cols - 1)), fc.nat(3), fc.nat(3)), { maxLength: 8 }).map((ms) => {
    const taken = new Set<string>();
    const out: string[] = [];
    for (const [r, c, h, w] of ms) {
      const cells: string[] = [];
      for (let i = r; i <= r + h; i++) for (let j = c; j <= c + w; j++) cells.push(`${i},${j}`);
      if (cells.length < 2 || cells.some((k) => taken.has(k))) continue;
      cells.forEach((k) => taken.add(k));
      out.push(`${toA1(r, c)}:${toA1(r + h, c + w)}`);
    }
    return out;
  });
}

/** Every finding names its sheet and a cell inside that sheet's grid (or its form's range). */
function expectFindingsInside(result: CheckResult, sheets: readonly SheetGrid[]): void {
  const known = new Set<string>(FINDING_CODES);
  for (const f of result.findings) {
    expect(known.has(f.code)).toBe(true);
    expect(['error', 'warning', 'info']).toContain(f.severity);
    if (sheets.length === 0) continue;
    const grid = sheets.find((s) => s.sheet === f.sheet);
    expect({ code: f.code, sheet: grid?.sheet ?? null }).toEqual({ code: f.code, sheet: f.sheet });
    if (!grid) continue;
    const p = parseA1(f.cell);
    const height = grid.values.length;
    const width = Math.max(0, ...grid.values.map((r) => r.length));
    const bottom = Math.max(grid.origin.row + height - 1, ...grid.merges.map((m) => m.bottom));
    const right = Math.max(grid.origin.col + width - 1, ...grid.merges.map((m) => m.right));
    const inGrid = p.row >= grid.origin.row && p.row <= Math.max(bottom, grid.origin.row) && p.col >= grid.origin.col && p.col <= Math.max(right, grid.origin.col);
    const form = result.forms.find((x) => x.findings.includes(f));
    const inForm = form ? (() => {
      const [a, b] = form.range.split(':').map(parseA1);
      return p.row >= a.row && p.row <= b.row && p.col >= a.col && p.col <= b.col;
    })() : false;
    expect({ code: f.code, cell: f.cell, inside: inGrid || inForm }).toEqual({ code: f.code, cell: f.cell, inside: true });
  }
  for (const lang of ['zh-CN', 'en-US'] as const) {
    for (const f of result.findings) expect(renderMessage(f, lang)).not.toMatch(/undefined|NaN|\[object/);
    const rep = buildReport(result, 'x.xlsx', lang);
    expect(JSON.parse(JSON.stringify(rep))).toEqual(rep);
  }
}

describe('checkWorkbook on arbitrary sheets', () => {
  it('never throws on random grids with random merges and formats; every finding is inside its sheet', () => {
    fc.assert(fc.property(
      fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 24 }),
      fc.nat(5), fc.nat(3),
      fc.array(fc.tuple(fc.nat(23), fc.nat(9), formatArb), { maxLength: 10 }),
      (rows, dr, dc, fmts) => {
        const at = toA1(dr, dc);
        const width = Math.max(1, ...rows.map((r) => r.length));
        return fc.assert(fc.property(mergesArb(rows.length, width), (rel) => {
          const merges = rel.map((m) => m.split(':').map((x) => { const p = parseA1(x); return toA1(p.row + dr, p.col + dc); }).join(':'));
          const formats: Record<string, string> = {};
          // the literal is as wide as its longest row (gridOf), which can be 0 where `width` is 1
          const literalWidth = Math.max(0, ...rows.map((r) => r.length));
          for (const [r, c, f] of fmts) if (f && r < rows.length && c < literalWidth) formats[toA1(r + dr, c + dc)] = f;
          const grid = gridOf(rows.length ? rows : [[]], { at, merges, formats });
          const result = checkWorkbook({ sheets: [grid] });
          expectFindingsInside(result, [grid]);
        }), { numRuns: 3 });
      },
    ), { numRuns: 150 });
  });

  it('never throws on a real form with cells replaced at random; every finding is inside the form', () => {
    const base = buildForm({ indicators: standardIndicators(), totalScore: 100 });
    const height = base.rows.length;
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.nat(height - 1), fc.nat(9), cellArb), { minLength: 1, maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(height - 1), fc.nat(8), formatArb), { maxLength: 4 }),
      fc.boolean(),
      fc.constantFrom('A1', 'C4', 'B30'),
      (edits, fmts, overwrite, at) => {
        const rows = base.rows.map((r) => [...r]);
        for (const [r, c, v] of edits) {
          while (rows[r].length <= c) rows[r].push(null);
          rows[r][c] = v;
        }
        const formats: Record<string, string> = {};
        for (const [r, c, f] of fmts) if (f) formats[toA1(r, c)] = f;
        const grid = sheetOf([{ ...base, rows, formats: { ...base.formats, ...formats } }], { at, sheet: '表一' });
        const result = checkWorkbook({ sheets: [grid] }, { overwriteScores: overwrite });
        expectFindingsInside(result, [grid]);
        for (const c of result.fillPlan.cells) {
          expect(c.sheet).toBe('表一');
          expect(typeof c.value === 'number' ? Number.isFinite(c.value) : typeof c.value === 'string').toBe(true);
        }
      },
    ), { numRuns: 400 });
  });

  it('never throws on two-row headers and split targets with cells replaced at random; every finding is inside', () => {
    fc.assert(fc.property(
      fc.record({ split: fc.boolean(), twoRowHeader: fc.boolean(), breakdown: fc.constantFrom(false, true, 'off' as const), naRow: fc.boolean(), fundsFromB: fc.boolean(), level1Weights: fc.constantFrom(undefined, 'named' as const, 'bare' as const) }),
      fc.array(fc.tuple(fc.nat(40), fc.nat(12), cellArb), { minLength: 1, maxLength: 10 }),
      fc.constantFrom('A1', 'C4'),
      (o, edits, at) => {
        const lit = templateForm(o);
        const rows = lit.rows.map((r) => [...r]);
        for (const [r0, c, v] of edits) {
          const r = r0 % rows.length;
          while (rows[r].length <= c) rows[r].push(null);
          rows[r][c] = v;
        }
        const origin = parseA1(at);
        const shift = (a1: string) => { const p = parseA1(a1); return toA1(p.row + origin.row, p.col + origin.col); };
        const grid = gridOf(rows, { at, sheet: '表二', merges: lit.merges.map((m) => m.split(':').map(shift).join(':')) });
        const result = checkWorkbook({ sheets: [grid] });
        expectFindingsInside(result, [grid]);
      },
    ), { numRuns: 300 });
  });

  it('reports NO_FORM at A1 of the first sheet for an empty workbook and for empty sheets', () => {
    for (const sheets of [[], [gridOf([])], [gridOf([[null]], { sheet: '空表' }), gridOf([], { sheet: '空表2' })]]) {
      const r = checkWorkbook({ sheets });
      expect(r.forms).toEqual([]);
      expect(r.findings.map((f) => [f.code, f.severity])).toEqual(sheets.length === 0 ? [['NO_FORM', 'error']] : sheets.map(() => ['NO_FORM', 'error']));
      expectFindingsInside(r, sheets);
    }
  });
});
