import fc from 'fast-check';
import { buildReport, checkWorkbook, ColumnMapError, MAPPABLE_ROLES, parseColumnMap, type CheckOptions } from '../../../src/core';
import { sheetGrid } from '../../fixtures/grid';
import { findingList } from '../variants/helpers';
import { TEMPLATE_TOTAL, templateForm, unplacedHeaderForm, type TemplateLit as Lit, type TemplateOptions } from '../../fixtures/templates';

/** The template with its indicator header relabelled in words no synonym list holds. */
function unknownHeaders(o: TemplateOptions): { lit: Lit; headerRow: number; columns: Record<string, string> } {
  const lit = templateForm(o);
  // the person points at the header's last row (the two-row header's lower row): merged-down labels resolve there
  const lower = lit.rows.findIndex((r) => r.includes('一级指标') || r.includes('一級指標'));
  const row = lit.rows[lower - 1]?.some((v) => v === '实际完成值' || v === '實際完成值') ? lower - 1 : lower;
  const names: Record<string, [string, string]> = {
    年度指标值: ['计划达成标准', 'target'], 实际完成值: ['今年做到', 'actual'], 分值: ['满分', 'weight'], 得分: ['评定分', 'score'],
    偏差原因分析及改进措施: ['情况说明', 'note'], 指标值: ['数', 'target'], 指标性质: ['符', 'targetSign'], 度量单位: ['量纲', 'targetUnit'],
  };
  const columns: Record<string, string> = {};
  for (const r of row === lower ? [row] : [row, lower]) {
    lit.rows[r] = lit.rows[r].map((v, c) => {
      const hit = typeof v === 'string' ? names[v] : undefined;
      if (!hit) return v;
      columns[String.fromCharCode(65 + c)] = hit[1];
      return hit[0];
    });
  }
  return { lit, headerRow: lower + 1, columns };
}

function check(lit: Lit, options: CheckOptions = {}, at = 'A1') {
  return checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit, at }])] }, options);
}

describe('the column map (issue 9)', () => {
  it.each<[string, TemplateOptions]>([
    ['plain', {}],
    ['split target, two-row header', { split: true, twoRowHeader: true }],
    ['traditional, funds from B, breakdown rows', { traditional: true, fundsFromB: true, breakdown: 'off' }],
  ])('%s: unknown headers + map give the same report as known headers', (_name, o) => {
    const known = check(templateForm(o));
    const u = unknownHeaders(o);
    const without = check(u.lit);
    expect(without.forms.length === 0 || without.forms[0].total.computed?.toFixed() !== TEMPLATE_TOTAL).toBe(true);
    const map = parseColumnMap({ forms: [{ sheet: '自评表', headerRow: u.headerRow, columns: u.columns }] });
    const mapped = check(u.lit, { columnMap: map });
    expect(buildReport(mapped, 'x.xlsx')).toEqual(buildReport(known, 'x.xlsx'));
    expect(mapped.fillPlan).toEqual(known.fillPlan);
  });

  it('roles may be written as the labels Ziping knows; the map wins over a label of the same role', () => {
    const u = unknownHeaders({});
    const columns = Object.fromEntries(Object.entries(u.columns).map(([c, r]) => [c, { target: '年度指标值', actual: '实际完成值', weight: '分值', score: '得分', note: 'note' }[r] ?? r]));
    const r = check(u.lit, { columnMap: parseColumnMap([{ sheet: '自评表', headerRow: u.headerRow, columns }]) });
    expect(findingList(r)).toEqual([]);
    expect(r.forms[0].total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
  });

  it('a form found by its labels with one role unknown: the map places that role', () => {
    const lit = templateForm({});
    const row = lit.rows.findIndex((r) => r.includes('实际完成值'));
    const col = lit.rows[row].indexOf('实际完成值');
    lit.rows[row][col] = '今年做到';
    expect(findingList(check(lit))).toContain(`error HEADER_MISSING A${row + 1}`);
    const r = check(lit, { columnMap: parseColumnMap({ forms: [{ sheet: '自评表', headerRow: row + 1, columns: { [String.fromCharCode(65 + col)]: 'actual' } }] }) });
    expect(findingList(r)).toEqual([]);
  });

  it('a two-row header with a merged-down label and a lower-row part unknown: one entry at the lower row places both', () => {
    const { lit, cells } = unplacedHeaderForm({ 实际完成值: '今年做到', 指标值: '数' }, { split: true, twoRowHeader: true });
    expect(findingList(check(lit))).toContain('error HEADER_MISSING A12');
    const lower = Number(cells.指标值.replace(/[A-Z]+/u, ''));
    const columns = { [cells.实际完成值.replace(/\d+/u, '')]: 'actual', [cells.指标值.replace(/\d+/u, '')]: 'target' };
    const r = check(lit, { columnMap: parseColumnMap({ forms: [{ sheet: '自评表', headerRow: lower, columns }] }) });
    expect(findingList(r)).toEqual([]);
    expect(r.forms[0].total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
  });

  it.each<[string, unknown, RegExp]>([
    ['a header row below the form', { headerRow: 200, columns: { E: 'target' } }, /单元格 自评表!E200 是空的，不在自评表的表头内/u],
    ['a column right of the form', { headerRow: 12, columns: { E: 'actual', Z: 'target' } }, /单元格 自评表!Z12 是空的/u],
    ['a sheet the workbook lacks', { sheet: '表二', headerRow: 12, columns: { E: 'target' } }, /工作表“表二”不在工作簿中/u],
    ['a row of the upper part that makes no form', { headerRow: 1, columns: { A: 'target' } }, /表头行 自评表!1 不在任何自评表内/u],
  ])('refuses %s with a clear Chinese message', (_name, entry, message) => {
    const u = unknownHeaders({});
    const map = parseColumnMap({ forms: [{ sheet: '自评表', ...(entry as object) }] });
    expect(() => check(u.lit, { columnMap: map })).toThrow(ColumnMapError);
    expect(() => check(u.lit, { columnMap: map })).toThrow(message);
  });

  it.each<[unknown, RegExp]>([
    [{}, /forms 数组/u],
    [{ forms: [{ sheet: '自评表', headerRow: 0, columns: { E: 'target' } }] }, /headerRow/u],
    [{ forms: [{ sheet: '自评表', headerRow: 3, columns: { E1: 'target' } }] }, /不是列字母/u],
    [{ forms: [{ sheet: '自评表', headerRow: 3, columns: { E: '目标' } }] }, /角色“目标”无法识别/u],
    [{ forms: [{ sheet: '自评表', headerRow: 3, columns: { E: 'target', F: '年度指标值' } }] }, /出现了两次/u],
    [{ forms: [{ headerRow: 3, columns: { E: 'target' } }] }, /缺少工作表名称/u],
  ])('refuses a malformed map: %j', (json, message) => {
    expect(() => parseColumnMap(json)).toThrow(message);
  });

  it('any map either works or is refused with a ColumnMapError, never anything else', () => {
    const u = unknownHeaders({ split: true, twoRowHeader: true });
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }),
      fc.uniqueArray(fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOP'), fc.constantFrom(...MAPPABLE_ROLES)), { minLength: 1, maxLength: 6, selector: ([c]) => c }),
      (headerRow, cols) => {
        const columns = Object.fromEntries(cols);
        if (new Set(Object.values(columns)).size !== cols.length) return;
        const map = parseColumnMap({ forms: [{ sheet: '自评表', headerRow, columns }] });
        try {
          const r = check(u.lit, { columnMap: map });
          expect(r.forms.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(ColumnMapError);
          expect((e as ColumnMapError).message).toMatch(/列映射/u);
        }
      },
    ), { numRuns: 300 });
  });
});
