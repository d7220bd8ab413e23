import { checkSheet, renderMessage, type CellValue, type CheckResult, type SheetGrid } from '../../../src/core';
import { gridOf } from '../../fixtures/grid';

/** A small form (A1:I14): funds on row 6, indicators on rows 10–13, 总分 on row 14; every score and the rate empty. */
function form(w: { funds?: CellValue; ind?: CellValue[]; total?: CellValue; executed?: CellValue; budget?: CellValue } = {}): SheetGrid {
  const [w1, w2, w3, w4] = w.ind ?? [20, 30, 30, 10];
  return gridOf([
    ['财政项目支出绩效自评表'],
    ['(2021 年度)'],
    ['项目名称', '测试项目'],
    ['主管部门', '某某局', null, null, null, '实施单位', '某某中心'],
    ['项目资金 (元)', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 1000000, w.budget ?? 1000000, w.executed ?? 900000, w.funds ?? 10, null, null],
    ['年度总体目标', '预算目标', null, null, null, '实际完成情况'],
    [null, '完成年度工作', null, null, null, '已完成年度工作'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '举办活动', '>=100场', 50, w1, null, null],
    [null, '产出指标', '数量指标', '培训人数', '≥200人', '200人', w2, null, null],
    [null, '效益指标', '社会效益指标', '受益户数', '>=10户', 10, w3, null, null],
    [null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%', '95%', w4, null, null],
    ['总分', null, null, null, null, null, w.total ?? 100, null],
  ], { sheet: '项目', formats: { G6: '0.00%' } });
}

const plan = (r: CheckResult) => r.fillPlan.cells.map((c) => [c.cell, c.value, c.reason]);

const invalid = (r: CheckResult) => r.findings.filter((f) => f.code === 'WEIGHT_INVALID');
const planned = (r: CheckResult, cell: string) => r.fillPlan.cells.find((c) => c.cell === cell)?.value;

/** Every score the plan writes lies in [0, 分值] of its row, and a total is at most 100. */
function planWithinWeights(g: SheetGrid, r: CheckResult): void {
  for (const c of r.fillPlan.cells) {
    if (c.reason === 'note' || c.reason === 'rate') continue;
    expect(typeof c.value).toBe('number');
    const v = c.value as number;
    expect(v).toBeGreaterThanOrEqual(0);
    // the funds 分值 is in column F, an indicator's in G
    const limit = c.reason === 'total' ? 100 : Number(g.values[c.row][c.reason === 'fundsScore' ? 5 : 6]);
    expect(v).toBeLessThanOrEqual(limit);
  }
}

describe('WEIGHT_INVALID (SPEC §5): a 分值 that cannot be one', () => {
  it('the form as built is sound: its scores and 总分 are planned, no finding is an error', () => {
    const r = checkSheet(form());
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(plan(r)).toEqual(expect.arrayContaining([['H6', 9, 'fundsScore'], ['H10', 10, 'score'], ['H14', 89, 'total']]));
    expect(r.forms[0].grade).toBe('良');
  });

  it('a funds 分值 of -10 balancing indicators of 110 is an error, and the fill writes neither -9 nor 101', () => {
    const g = form({ funds: -10, ind: [30, 40, 30, 10] });
    const r = checkSheet(g);
    expect(invalid(r).map((f) => [f.cell, f.severity, f.params.what, f.params.reason, f.params.value])).toEqual([['F6', 'error', 'funds', 'negative', '-10']]);
    expect(planned(r, 'H6')).toBeUndefined();
    expect(planned(r, 'H14')).toBeUndefined();
    expect(r.fillPlan.cells.filter((c) => c.reason !== 'note' && c.reason !== 'rate' && (c.value as number) < 0)).toEqual([]);
    expect(r.forms[0].funds?.computedScore).toBeNull();
    expect(r.forms[0].total.computed).toBeNull();
    expect(r.forms[0].grade).toBeNull();
    planWithinWeights(g, r);
    expect(renderMessage(invalid(r)[0])).toBe('年度资金总额的分值 -10 为负数，不能小于 0：请更正分值。未按此分值计算或填写得分。');
    expect(renderMessage(invalid(r)[0], 'en-US')).toBe('the funds weight -10 is negative; a weight cannot be below 0. Correct the weight; no score is computed or filled from it.');
  });

  it('a 分值 of 1e308 gives no score of 5e307, no total and no grade', () => {
    const g = form({ ind: [1e308, 30, 30, 10] });
    const r = checkSheet(g);
    expect(invalid(r).map((f) => [f.cell, f.params.reason, f.params.value, f.params.name])).toEqual([['G10', 'aboveLimit', '1e+308', '举办活动']]);
    const ind = r.forms[0].indicators[0];
    expect([ind.weight, ind.computedScore]).toEqual([null, null]);
    expect(r.forms[0].total.computed).toBeNull();
    expect(r.forms[0].grade).toBeNull();
    expect(planned(r, 'H10')).toBeUndefined();
    expect(planned(r, 'H14')).toBeUndefined();
    expect(r.fillPlan.cells.every((c) => typeof c.value === 'string' || Math.abs(c.value) <= 100)).toBe(true);
    planWithinWeights(g, r);
    expect(renderMessage(invalid(r)[0])).toBe('“举办活动”分值 1e+308 超过 100：请更正分值。未按此分值计算或填写得分。');
    expect(renderMessage(invalid(r)[0], 'en-US')).toBe('"举办活动": the weight 1e+308 is above 100. Correct the weight; no score is computed or filled from it.');
  });

  it.each<[string, CellValue, string]>([
    ['NaN text', 'NaN', 'notFinite'],
    ['Infinity text', 'Infinity', 'notFinite'],
    ['-Infinity text', '-Infinity', 'notFinite'],
    ['an infinity sign', '∞', 'notFinite'],
    ['exponent text above 100', '1e308', 'aboveLimit'],
    ['exponent text beyond any number', '1e999999', 'aboveLimit'],
    ['a number just above 100', 100.5, 'aboveLimit'],
    ['a negative number', -0.5, 'negative'],
  ])('%s as an indicator 分值 is WEIGHT_INVALID, not CELL_UNREADABLE, and scores nothing', (_name, weight, reason) => {
    const g = form({ ind: [weight, 30, 30, 10] });
    const r = checkSheet(g);
    expect(invalid(r).map((f) => [f.cell, f.severity, f.params.reason])).toEqual([['G10', 'error', reason]]);
    expect(r.findings.filter((f) => f.code === 'CELL_UNREADABLE')).toEqual([]);
    expect(r.forms[0].indicators[0].computedScore).toBeNull();
    expect(planned(r, 'H10')).toBeUndefined();
    expect(planned(r, 'H14')).toBeUndefined();
    for (const lang of ['zh-CN', 'en-US'] as const) expect(renderMessage(invalid(r)[0], lang)).not.toMatch(/undefined|NaN$|\[object/);
    expect(renderMessage(invalid(r)[0])).toMatch(/分值/);
  });

  it('a 分值 of exactly 100 or 0 is a 分值; text that is no number stays CELL_UNREADABLE', () => {
    expect(invalid(checkSheet(form({ ind: [100, 0, 0, 0], funds: 0 })))).toEqual([]);
    const r = checkSheet(form({ ind: ['二十', 30, 30, 10] }));
    expect(invalid(r)).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'CELL_UNREADABLE').map((f) => f.cell)).toEqual(['G10']);
  });

  it('a 总分 分值 above 100 is an error too', () => {
    const r = checkSheet(form({ total: 1e308 }));
    expect(invalid(r).map((f) => [f.cell, f.params.what])).toEqual([['G14', 'total']]);
    expect(renderMessage(invalid(r)[0])).toBe('总分的分值 1e+308 超过 100：请更正分值。未按此分值计算或填写得分。');
    expect(renderMessage(invalid(r)[0], 'en-US')).toContain('the total weight 1e+308 is above 100');
  });
});

describe('the fill never plans a score outside [0, 分值] nor a total above 100', () => {
  it('weights each valid but adding to 150: the scores are planned, the total of 149 is not', () => {
    const g = form({ ind: [60, 40, 30, 10], funds: 10 });
    const r = checkSheet(g);
    expect(r.findings.map((f) => f.code)).toContain('WEIGHT_SUM');
    expect(planned(r, 'H11')).toBe(40);
    expect(planned(r, 'H14')).toBeUndefined();
    planWithinWeights(g, r);
  });

  it('a negative 全年执行数 scores the funds 0, not below', () => {
    const r = checkSheet(form({ executed: -100000 }));
    expect(planned(r, 'H6')).toBe(0);
    expect(r.forms[0].funds?.computedScore?.toFixed()).toBe('0');
  });
});
