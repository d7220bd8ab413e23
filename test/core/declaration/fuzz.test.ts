import fc from 'fast-check';
import { cellValueArb } from '../../fixtures/arbitraries';
import { buildReport, checkWorkbook, FINDING_CODES, parseA1, renderMessage, type CellValue, type CheckResult, type SheetGrid } from '../../../src/core';
import { sheetGrid } from '../../fixtures/grid';
import { declarationForm, standardDeclared, type DeclarationSpec } from '../../fixtures/declarations';

const LABELS = [
  '项目支出绩效目标申报表', '绩效目标表', '财政项目支出绩效自评表', '项目名称', '项目属性', '项目期', '项目周期', '中期资金总额', '年度资金总额',
  '其中：财政拨款', '其他资金', '总体目标', '中期目标', '年度目标', '绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '年度指标值',
  '中期指标值', '指标性质', '度量单位', '实际完成值', '分值', '得分', '产出指标', '数量指标', '成本指标', '时效指标', '满意度指标', '项目屬性',
];
const VALUES = [
  '≥10个', '≥95%', '≤20万元', '≥20万元', '≥30个工作日', '2021年12月31日前', '12月底前', '2024年6月30日前', '6月30日前完成', '2021年—2023年',
  '2021.1-2022.6', '1年', '三年', '待定', '××', 'XX', '*', '≥%', '≥120%', '≥50%', '逐步健全', '定性', '=', '≥', '个', '%', '万元', '', ' ',
  '=SUM(C7:C8)', '<b>x</b>', '—', '0', '1e21', '≥0.02万人',
];
const ERRORS: CellValue[] = [{ kind: 'error', code: '#DIV/0!' }, { kind: 'error', code: '#N/A' }];

const cellArb = cellValueArb({ labels: LABELS, values: VALUES, errors: ERRORS, empty: 3, valueWeight: 4 });

const specArb: fc.Arbitrary<DeclarationSpec> = fc.record({
  layout: fc.constantFrom('ministry' as const, 'provincial' as const),
  title: fc.constantFrom(undefined, null, '绩效目标表'),
  midColumn: fc.boolean(),
  midGroup: fc.boolean(),
  midFunds: fc.constantFrom(undefined, null),
  period: fc.constantFrom(undefined, '2021.1-2021.6', '三年', null),
});

/** Roles a declaration may lack and still be named in HEADER_MISSING: only those it needs (三级指标, a target). */
const DECLARATION_ROLES = new Set(['level3', 'target']);

function expectSound(result: CheckResult, grid: SheetGrid): void {
  const known = new Set<string>(FINDING_CODES);
  const height = grid.values.length;
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  for (const f of result.findings) {
    expect(known.has(f.code)).toBe(true);
    expect(f.sheet).toBe(grid.sheet);
    const p = parseA1(f.cell);
    expect({ code: f.code, cell: f.cell, inside: p.row >= 0 && p.row < height && p.col >= 0 && p.col < width })
      .toEqual({ code: f.code, cell: f.cell, inside: true });
  }
  for (const form of result.forms.filter((x) => x.kind === 'declaration')) {
    for (const f of form.findings) {
      expect(f.code).not.toMatch(/^SCORE_/u);
      if (f.code === 'HEADER_MISSING') {
        const roles = String(f.params.roles).split(',');
        expect({ roles, onlyNeeded: roles.every((r) => DECLARATION_ROLES.has(r)) }).toEqual({ roles, onlyNeeded: true });
      }
    }
    expect(form.total.weight).toBeNull();
    expect(form.grade).toBeNull();
  }
  for (const lang of ['zh-CN', 'en-US'] as const) {
    for (const f of result.findings) expect(renderMessage(f, lang)).not.toMatch(/undefined|NaN|\[object/u);
    const rep = buildReport(result, 'd.xlsx', lang);
    expect(JSON.parse(JSON.stringify(rep))).toEqual(rep);
  }
}

describe('checkWorkbook on declarations with cells replaced at random', () => {
  it('never throws; every finding is inside its sheet; a declaration never gets SCORE_* or HEADER_MISSING for a score column', () => {
    let declarations = 0;
    fc.assert(fc.property(
      specArb,
      fc.array(fc.tuple(fc.nat(40), fc.nat(9), cellArb), { minLength: 1, maxLength: 10 }),
      fc.constantFrom('A1', 'C4'),
      fc.boolean(),
      (spec, edits, at, compare) => {
        const lit = declarationForm(spec);
        const rows = lit.rows.map((r) => [...r]);
        for (const [r0, c, v] of edits) {
          const r = r0 % rows.length;
          while (rows[r].length <= c) rows[r].push(null);
          rows[r][c] = v;
        }
        const grid = sheetGrid('申报表', [{ lit: { ...lit, rows }, at }]);
        const result = checkWorkbook({ sheets: [grid] }, { compareDeclarations: compare });
        if (result.forms.some((f) => f.kind === 'declaration')) declarations++;
        expectSound(result, grid);
      },
    ), { numRuns: 300 });
    // the property is about declarations: most edited forms must still be read as one
    expect(declarations).toBeGreaterThan(150);
  });

  it('keeps the untouched declaration sound in every layout (no finding at all)', () => {
    for (const spec of [{}, { layout: 'provincial' as const }, { midGroup: true }, { midColumn: true }]) {
      const grid = sheetGrid('申报表', [{ lit: declarationForm({ ...spec, indicators: standardDeclared() }) }]);
      const result = checkWorkbook({ sheets: [grid] });
      expect(result.forms.map((f) => f.kind)).toEqual(['declaration']);
      expect(result.findings).toEqual([]);
    }
  });
});
