import { checkSheet, renderMessage, type CellValue, type CheckResult, type Finding, type FindingCode } from '../../src/core';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../fixtures/forms';

const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });
function check(first: Partial<IndicatorSpec> = {}, o: Partial<FormSpec> = {}): CheckResult {
  const ind = standardIndicators();
  ind[0] = { ...ind[0], ...first };
  return checkSheet(sheetOf([buildForm(spec({ indicators: ind, ...o }))], { sheet: '项目' }));
}
const only = (r: CheckResult, code: FindingCode): Finding[] => r.findings.filter((f) => f.code === code);
const DIV0: CellValue = { kind: 'error', code: '#DIV/0!' };

describe('CELL_UNREADABLE names what the cell shows', () => {
  it.each<[string, Partial<IndicatorSpec>, Partial<FormSpec>, string, string]>([
    ['an Excel error in a 分值 cell', { weight: DIV0 }, {}, 'G13', '#DIV/0!'],
    ['an Excel error in a 得分 cell', { score: { kind: 'error', code: '#VALUE!' } }, {}, 'H13', '#VALUE!'],
    ['an Excel error in a funds cell', {}, { budget: { kind: 'error', code: '#REF!' } }, 'D6', '#REF!'],
    ['a boolean in a 分值 cell', { weight: true }, {}, 'G13', 'TRUE'],
  ])('%s', (_name, first, o, cell, shown) => {
    const f = only(check(first, o), 'CELL_UNREADABLE');
    expect(f.map((x) => [x.cell, x.severity, x.params.value])).toEqual([[cell, 'warning', shown]]);
    expect(renderMessage(f[0])).toContain(`“${shown}”不是数值`);
    expect(renderMessage(f[0], 'en-US')).toContain(`"${shown}"`);
  });
});

describe('SPEC §5: every code with its severity, the cell it is about and its params', () => {
  type Case = [FindingCode, string, () => CheckResult, string, 'error' | 'warning' | 'info', Record<string, unknown>];
  it.each<Case>([
    ['SCORE_MISMATCH', 'a full score for a missed target', () => check({ actual: 52, note: '受限' }), 'H13', 'error', { stated: '20', computed: '16' }],
    ['SCORE_OVER_WEIGHT', 'a score above its 分值', () => check({ score: 25 }, { totalScore: 105 }), 'H13', 'error', { stated: '25', weight: '20' }],
    ['SCORE_OVER_WEIGHT', 'a negative score', () => check({ score: -2, note: '无' }, { totalScore: 78 }), 'H13', 'error', { stated: '-2' }],
    ['SCORE_OVER_WEIGHT', 'a negative score with no 分值', () => check({ weight: null, score: -2, note: '无' }, { totalScore: 78 }), 'H13', 'error', { stated: '-2', weight: null }],
    ['SCORE_OVER_WEIGHT', 'a funds score above its 分值', () => check({}, { fundsScore: 12, totalScore: 102 }), 'H6', 'error', { stated: '12', weight: '10' }],
    ['SCORE_MISSING', 'an empty score', () => check({ score: null }, { totalScore: 80 }), 'H13', 'warning', { computable: true, computed: '20' }],
    ['SCORE_OUT_OF_BAND', 'a partial qualitative scored full', () => check({ target: '有效', actual: '基本完成', note: '部分完成' }), 'H13', 'warning', { low: '12', high: '16' }],
    ['WEIGHT_SUM', 'weights adding to 95', () => check({ weight: 15, score: 15 }, { totalScore: 95 }), 'G19', 'error', { sum: '95', expected: '100' }],
    ['WEIGHT_SUM', 'weights adding to 100 against a 总分 分值 of 90', () => check({}, { totalWeight: 90 }), 'G19', 'error', { sum: '100', expected: '90' }],
    ['TOTAL_MISMATCH', 'a total that is not the sum', () => check({}, { totalScore: 98 }), 'H19', 'error', { stated: '98', computed: '100' }],
    ['RATE_MISMATCH', 'a wrong rate', () => check({}, { executed: 950000, rate: 0.9, fundsScore: 9.5, totalScore: 99.5 }), 'G6', 'error', { stated: '0.9', computed: '0.95' }],
    ['RATE_ROUNDING', 'a rate rounded up', () => check({}, { executed: 982806, rate: 0.9829, fundsScore: 9.83, totalScore: 99.83 }), 'G6', 'info', { stated: '0.9829', halfUp: '0.9828', roundUp: '0.9829' }],
    ['FUNDS_BREAKDOWN', 'sub-rows that do not add up', () => check({}, { sub: { current: [null, 900000, null] } }), 'D6', 'warning', { total: '1000000', sum: '900000', column: '全年预算数' }],
    ['FUNDS_SCORE_UNCOMPUTABLE', 'a 全年预算数 of 0', () => check({}, { budget: 0, executed: 0 }), 'H6', 'warning', { reason: 'budgetZero', at: 'D6', stated: '10' }],
    ['OVER_EXECUTION', 'executed above budget', () => check({}, { executed: 1100000, rate: 1.1 }), 'E6', 'warning', { budget: '1000000', executed: '1100000' }],
    ['GOAL_MISSING', 'an empty goal actual', () => check({}, { goalActual: null }), 'F11', 'warning', {}],
    ['GOAL_MISSING', 'a goal actual holding only HTML tags', () => check({}, { goalActual: '<p></p>' }), 'F11', 'warning', {}],
    ['GOAL_MISSING', 'a goal actual holding an empty web-export paragraph', () => check({}, { goalActual: '<p>&nbsp;</p>' }), 'F11', 'warning', {}],
    ['GOAL_MISSING', 'a goal actual holding a dash', () => check({}, { goalActual: '—' }), 'F11', 'warning', {}],
    ['NOTE_MISSING', 'a missed target whose note is a dash', () => check({ actual: 52, score: 16, note: '—' }, { totalScore: 96 }), 'I13', 'warning', { reason: 'below' }],
    ['OVERACHIEVED', 'an over-achievement whose note is an empty paragraph', () => check({ actual: 78, note: '<p></p>' }), 'F13', 'warning', { hasNote: false }],
    ['NOTE_MISSING', 'a missed target with no note', () => check({ actual: 52, score: 16 }, { totalScore: 96 }), 'I13', 'warning', { reason: 'below', score: '16', weight: '20' }],
    ['NOTE_MISSING', 'a qualitative not achieved, not yet scored', () => check({ target: '有效', actual: '未完成', score: null }, { totalScore: 80 }), 'I13', 'warning', { reason: 'below', score: null, status: 'notAchieved' }],
    ['OVERACHIEVED', 'an actual at 120% of the target', () => check({ actual: 78 }), 'F13', 'warning', { ratio: '1.2', threshold: '1.2', hasNote: false }],
    ['OVERACHIEVED', 'an over-achievement with a reason', () => check({ actual: 78, note: '需求增加' }), 'F13', 'info', { hasNote: true }],
    ['TARGET_MALFORMED', 'a target that lost its number', () => check({ target: '满足国内%以上的主流浏览器', actual: '满足' }), 'E13', 'warning', {}],
    ['VALUE_UNPARSED', 'an approximate actual', () => check({ actual: '约95', note: '约' }), 'F13', 'warning', { reason: 'unparsed' }],
    ['VALUE_UNPARSED', 'an Excel error as actual', () => check({ actual: DIV0, note: '—' }), 'F13', 'warning', {}],
    ['UNIT_MISMATCH', 'units that do not convert', () => check({ actual: '65个工作日', target: '<=60天', note: '—' }), 'F13', 'warning', {}],
    ['QUALITATIVE_REVIEW', 'an actual nobody can classify', () => check({ target: '有效', actual: '按计划推进' }), 'F13', 'info', { stated: '20' }],
    ['VALUE_FROM_TEXT', 'a number from a sentence', () => check({ actual: '共举办65场活动' }), 'F13', 'info', { value: '65' }],
    ['WEIGHT_SPLIT', '产出 weighing 45', () => check({ weight: 15, score: 15 }, { totalScore: 95, totalWeight: 95 }), 'G13', 'info', { level1: '产出指标', weight: '45', expected: '50' }],
  ])('%s for %s', (code, _name, run, cell, severity, params) => {
    const r = run();
    const f = only(r, code);
    expect(f.map((x) => [x.cell, x.severity, x.sheet])).toContainEqual([cell, severity, '项目']);
    expect(f.find((x) => x.cell === cell)?.params).toMatchObject(params);
    for (const x of f) {
      expect(renderMessage(x)).toMatch(/[\u4e00-\u9fff]/);
      expect(renderMessage(x, 'en-US')).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('FUNDS_BREAKDOWN only in a column where a 其中 row is filled', () => {
    // 年初预算数 and 全年执行数 have no 其中 amounts: only 全年预算数 is checked
    const r = check({}, { sub: { current: [null, 600000, null], carryover: [null, 300000, null], other: [null, 0, null] } });
    expect(only(r, 'FUNDS_BREAKDOWN').map((f) => [f.cell, f.params.difference])).toEqual([['D6', '-100000']]);
    const none = check({}, { sub: { current: ['—', null, '/'], carryover: [null, null, null] } });
    expect(only(none, 'FUNDS_BREAKDOWN')).toEqual([]);
    const ok = check({}, { sub: { current: [700000, 700000, '700,000.00'], carryover: [300000, 300000, 300000] } });
    expect(only(ok, 'FUNDS_BREAKDOWN')).toEqual([]);
  });

  it('a missing 偏差原因 for a missed qualitative indicator is drafted without a deduction the person has not made', () => {
    const r = check({ target: '有效', actual: '未完成', score: null }, { totalScore: null });
    const note = r.fillPlan.cells.find((c) => c.reason === 'note');
    expect(note?.value).toBe('实际完成 未完成（目标 有效），未达到目标。原因：（待填写）');
    expect(renderMessage(only(r, 'NOTE_MISSING')[0])).toBe('“举办活动”未达到目标（判定为“未达成”，分值 20），“偏差原因分析及改进措施”为空：请说明原因和改进措施。');
  });
});
