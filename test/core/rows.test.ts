import {
  buildReport, checkSheet, checkWorkbook, findingCells, groupRowFindings, renderMessage,
  type CheckResult, type Finding, type FindingCode,
} from '../../src/core';
import { declarationForm, declaredWith } from '../fixtures/declarations';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../fixtures/forms';
import { sheetGrid } from '../fixtures/grid';

// the funds row is row 6: C 年初预算数, D 全年预算数, E 全年执行数, F 分值, G 执行率, H 得分; the first indicator is row 13
function check(o: Partial<FormSpec> = {}, first: Partial<IndicatorSpec> = {}): CheckResult {
  const ind = standardIndicators();
  ind[0] = { ...ind[0], ...first };
  return checkSheet(sheetOf([buildForm({ indicators: ind, totalScore: 100, ...o })], { sheet: '项目' }));
}
const only = (r: CheckResult, code: FindingCode): Finding[] => r.findings.filter((f) => f.code === code);
const declared = (indicators: ReturnType<typeof declaredWith>): CheckResult =>
  checkWorkbook({ sheets: [sheetGrid('申报表', [{ lit: declarationForm({ indicators }) }])] });

/** 年度资金总额 0 in the three amount columns while the 其中 rows below hold amounts (issue 14's example). */
const ZERO_TOTAL: Partial<FormSpec> = {
  initial: 0, budget: 0, executed: 0, sub: { current: [600000, 700000, 650000], carryover: [400000, 300000, 300000] },
};

describe('one fault seen in several cells of a row is one finding naming the cells (issue 14)', () => {
  type Case = [string, () => CheckResult, FindingCode, string[], RegExp[], RegExp[]];
  it.each<Case>([
    ['a 年度资金总额 of 0 under 其中 amounts, in three columns', () => check(ZERO_TOTAL), 'FUNDS_BREAKDOWN', ['C6', 'D6', 'E6'],
      [/^资金构成不符：年初预算数（C6）的“其中”各项之和 1,000,000\.00（600,000\.00 \+ 400,000\.00）≠ 年度资金总额 0\.00（多 1,000,000\.00）；全年预算数（D6）的.+；全年执行数（E6）的“其中”各项之和 950,000\.00.+：请核对各项资金来源。$/],
      [/the sub-rows of 年初预算数 \(C6\) sum to 1,000,000\.00 .+; the sub-rows of 全年预算数 \(D6\) .+; the sub-rows of 全年执行数 \(E6\) sum to 950,000\.00/]],
    ['two funds amounts that are no numbers', () => check({ budget: '约一百万', executed: '不详' }), 'CELL_UNREADABLE', ['D6', 'E6'],
      [/^项目资金单元格 D6 的内容“约一百万”、项目资金单元格 E6 的内容“不详”不是数值：请改为数值。$/],
      [/the funds cell D6 holds "约一百万", the funds cell E6 holds "不详"; none of them is a number/]],
    ['an indicator whose 分值 and 得分 are no numbers', () => check({ totalScore: null }, { weight: '二十', score: '二十' }), 'CELL_UNREADABLE', ['G13', 'H13'],
      [/^“举办活动”分值单元格 G13 的内容“二十”、得分单元格 H13 的内容“二十”不是数值/], [/^"举办活动": the weight cell G13 holds "二十", the score cell H13 holds "二十"/]],
    ['placeholders in a declared indicator\'s name and target', () => declared(declaredWith(0, { name: '建成××社区数量', target: '≥*个' })), 'DECL_PLACEHOLDER', ['D12', 'E12'],
      [/指标名称（D\d+）“建成××社区数量”、指标值（E\d+）“≥\*个”含未替换的占位内容/], [/the name \(D\d+\) "建成××社区数量", the target \(E\d+\) "≥\*个" still hold placeholders/]],
  ])('%s: one finding naming the cells', (_name, run, code, cells, zh, en) => {
    const fs = only(run(), code);
    expect(fs).toHaveLength(1);
    const [f] = fs;
    expect(f.cell).toBe(cells[0]);
    expect(findingCells(f)).toEqual(cells);
    const items = f.params.cells as readonly Record<string, unknown>[];
    expect(items.map((c) => c.cell)).toEqual(findingCells(f));
    for (const re of zh) expect(renderMessage(f)).toMatch(re);
    for (const re of en) expect(renderMessage(f, 'en-US')).toMatch(re);
  });

  it('each cell keeps its own figures; the finding\'s own params are its first cell\'s', () => {
    const [f] = only(check(ZERO_TOTAL), 'FUNDS_BREAKDOWN');
    expect(f.params).toMatchObject({ column: '年初预算数', total: '0', sum: '1000000', difference: '1000000' });
    expect(f.params.cells).toEqual([
      { cell: 'C6', column: '年初预算数', total: '0', sum: '1000000', parts: '600000+400000', difference: '1000000' },
      { cell: 'D6', column: '全年预算数', total: '0', sum: '1000000', parts: '700000+300000', difference: '1000000' },
      { cell: 'E6', column: '全年执行数', total: '0', sum: '950000', parts: '650000+300000', difference: '950000' },
    ]);
  });

  it('a fault in one cell keeps the shape it had: no cells list', () => {
    const [f] = only(check({ sub: { current: [null, 900000, null] } }), 'FUNDS_BREAKDOWN');
    expect(f.cell).toBe('D6');
    expect(f.params.cells).toBeUndefined();
    expect(findingCells(f)).toEqual(['D6']);
  });

  it('the same code on different rows, and different codes on one row, stay apart', () => {
    const r = check({ totalScore: null }, { weight: '二十' });
    const ind = standardIndicators();
    ind[1] = { ...ind[1], weight: '十' };
    ind[0] = { ...ind[0], weight: '二十' };
    const two = checkSheet(sheetOf([buildForm({ indicators: ind, totalScore: null })], { sheet: '项目' }));
    expect(only(two, 'CELL_UNREADABLE').map((f) => f.cell)).toEqual(['G13', 'G14']);
    expect(only(r, 'CELL_UNREADABLE').map((f) => findingCells(f))).toEqual([['G13']]);
    const rate = check({ executed: 950000, rate: 0.9, fundsScore: 9, totalScore: 99 });
    expect(rate.findings.filter((f) => f.cell.endsWith('6')).map((f) => `${f.code} ${f.cell}`)).toEqual(['RATE_MISMATCH G6', 'SCORE_MISMATCH H6']);
  });

  it('groups by code, sheet, row, severity and indicator; keeps everything else and the order', () => {
    const f = (code: FindingCode, cell: string, severity: Finding['severity'] = 'warning', sheet = 'S', name?: string): Finding =>
      ({ code, severity, sheet, cell, params: name ? { name, what: 'score', value: 'x' } : { what: 'funds', value: 'x' } });
    const fs = [
      f('CELL_UNREADABLE', 'E6'), f('SCORE_MISMATCH', 'H6', 'error'), f('CELL_UNREADABLE', 'D6'), f('CELL_UNREADABLE', 'F6', 'info'),
      f('CELL_UNREADABLE', 'D6', 'warning', 'T'), f('CELL_UNREADABLE', 'G7', 'warning', 'S', 'a'), f('CELL_UNREADABLE', 'H7', 'warning', 'S', 'b'),
      f('OVER_EXECUTION', 'E8'), f('OVER_EXECUTION', 'F8'),
    ];
    const out = groupRowFindings(fs);
    expect(out.map((x) => `${x.code} ${x.sheet}!${findingCells(x).join(',')}`)).toEqual([
      'CELL_UNREADABLE S!D6,E6', 'SCORE_MISMATCH S!H6', 'CELL_UNREADABLE S!F6', 'CELL_UNREADABLE T!D6',
      'CELL_UNREADABLE S!G7', 'CELL_UNREADABLE S!H7', 'OVER_EXECUTION S!E8', 'OVER_EXECUTION S!F8',
    ]);
    expect(groupRowFindings(out)).toEqual(out);
  });

  it('the --json report keeps its shape: the cells ride in params.cells, and a report read back renders the same message', () => {
    const r = check(ZERO_TOTAL);
    const rep = buildReport(r, 'a.xlsx');
    const fb = rep.forms[0].findings.filter((f) => f.code === 'FUNDS_BREAKDOWN');
    expect(fb).toHaveLength(1);
    expect(Object.keys(fb[0]).sort()).toEqual(['cell', 'code', 'message', 'params', 'severity', 'sheet']);
    expect(fb[0].cell).toBe('C6');
    const back = JSON.parse(JSON.stringify(fb[0])) as Finding & { message: string };
    expect(findingCells(back)).toEqual(['C6', 'D6', 'E6']);
    expect(renderMessage(back)).toBe(fb[0].message);
  });
});
