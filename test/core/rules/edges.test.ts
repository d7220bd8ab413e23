import { checkSheet, checkWorkbook, type CellValue, type CheckOptions, type CheckResult } from '../../../src/core';
import { D } from '../../../src/core/decimal';
import { getRuleSet } from '../../../src/core/rules/ruleSets';
import { scoreIndicator } from '../../../src/core/rules/score';
import { measure, parseActual, parseTarget } from '../../../src/core/values';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../../fixtures/forms';

const mof = getRuleSet('mof-2020');

/** Score of an indicator written as the sheet writes it: target text, actual cell, weight. */
function scored(target: string, actual: CellValue, weight = '10', actualFormat: string | null = null) {
  const t = parseTarget(target, null);
  const out = scoreIndicator(t, measure(t, parseActual(actual, actualFormat)), new D(weight), mof);
  return { kind: t.kind, score: out.computed?.toFixed() ?? null, status: out.status, over: out.overachieved };
}

describe('SPEC §4 scoring at the edges, from the sheet text', () => {
  it.each<[string, CellValue, string | null, string]>([
    // strict comparators at equality: not met, yet W × B / A = W (SPEC's formula leaves no deduction)
    ['>85%', '85%', '10', 'partial'],
    ['<2%', '2%', '10', 'partial'],
    // negative actuals
    ['>=100', -5, '0', 'notAchieved'],
    ['<=15分钟', '-3分钟', '10', 'achieved'],
    // a target of 0, each comparator (SPEC: `=0`, `<=0`: B ≤ 0 → W, otherwise 0)
    ['=0', 0, '10', 'achieved'],
    ['=0', 2, '0', 'notAchieved'],
    ['=0', -1, '10', 'achieved'],
    ['<=0', 0, '10', 'achieved'],
    ['<=0', 1, '0', 'notAchieved'],
    ['<0', 0, '10', 'achieved'],
    ['<0', 0.5, '0', 'notAchieved'],
    ['>=0', 0, '10', 'achieved'],
    ['>=0', -1, '0', 'notAchieved'],
    ['>0', 0, '0', 'notAchieved'],
    ['>0', 3, '10', 'achieved'],
    // a negative target: met → W; there is no ratio to a negative number
    ['>=-5%', '-3%', '10', 'achieved'],
    ['>=-5%', '-8%', '0', 'notAchieved'],
    ['<=-5%', '-8%', '10', 'achieved'],
    ['<=-5%', '-1%', '0', 'notAchieved'],
    ['=-2', -2, '10', 'achieved'],
    ['=-2', -1, '0', 'notAchieved'],
    // ranges: L = 0, an actual of 0, ends below 0
    ['0-5%', '0%', '10', 'achieved'],
    ['0-5%', '8%', '6.25', 'partial'],
    ['80%-90%', '0%', '0', 'notAchieved'],
    ['-5%～5%', '-3%', '10', 'achieved'],
    ['-5%～5%', '-8%', '0', 'notAchieved'],
    ['-5%～5%', '8%', '6.25', 'partial'],
    ['-10%~-5%', '-7%', '10', 'achieved'],
    ['-10%~-5%', '-3%', '0', 'notAchieved'],
    // ranks
    ['前3名', '第3名', '10', 'achieved'],
    ['前3名', '第4名', '7.5', 'partial'],
    ['第一', '第1名', '10', 'achieved'],
  ])('%s against %p → %s (%s)', (target, actual, score, status) => {
    expect(scored(target, actual)).toMatchObject({ score, status });
  });

  it('clamps to [0, W] and rounds half up to 2 decimals from the exact ratio', () => {
    // 10 × 2 / 3 = 6.666… → 6.67; 10 × 0.9995 → 9.995 → 10.00 (not 9.99); 7 × 1/3 = 2.333… → 2.33
    expect(scored('>=3', 2).score).toBe('6.67');
    expect(scored('>=2000', 1999).score).toBe('10');
    expect(scored('>=3', 1, '7').score).toBe('2.33');
    expect(scored('>=3', 1, '7.5').score).toBe('2.5');
    expect(scored('>=300', 1, '0').score).toBe('0');
    expect(scored('<=2', 3, '0.01').score).toBe('0.01');
    expect(scored('>=100', 1000).score).toBe('10');
  });

  it('over-achievement: at least and equal targets at exactly the threshold, not reverse or range ones', () => {
    expect(scored('=100', 120).over).toBe(true);
    expect(scored('=100', 119.99).over).toBe(false);
    expect(scored('>=100', 120)).toMatchObject({ over: true, score: '10' });
    expect(scored('<=100', 10).over).toBe(false);
    expect(scored('80-90', 200).over).toBe(false);
    expect(scored('>=0', 5).over).toBe(false);
  });
});

describe('weights, thresholds and grades through a form', () => {
  const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });
  function check(first: Partial<IndicatorSpec>, o: Partial<FormSpec> = {}, options: CheckOptions = {}): CheckResult {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], ...first };
    return checkSheet(sheetOf([buildForm(spec({ indicators: ind, ...o }))]), options);
  }
  const first = (r: CheckResult) => r.forms[0].indicators[0];

  it.each<[string, CellValue, CellValue, string]>([
    ['a weight written 20分', '20分', 16, '16'],
    ['a weight written ２０ 分 (full width, spaced)', '２０ 分', 16, '16'],
    ['a weight with decimals', 20.5, 16.4, '16.4'],
    ['a weight of 0', 0, 0, '0'],
  ])('%s scores from its number', (_name, weight, score, expected) => {
    const r = check({ actual: 52, weight, score, note: '受场地限制' }, { totalWeight: null, totalScore: null });
    expect(first(r).computedScore?.toFixed()).toBe(expected);
    expect(r.findings.filter((f) => f.code === 'SCORE_MISMATCH' || f.code === 'CELL_UNREADABLE')).toEqual([]);
  });

  it('takes the over-achievement threshold from the options', () => {
    const codes = (o: CheckOptions) => check({ actual: 85 }, {}, o).findings.filter((f) => f.code === 'OVERACHIEVED').length;
    expect(codes({})).toBe(1); // 85 ≥ 1.2 × 65
    expect(codes({ overachieveThreshold: '1.5' })).toBe(0);
    expect(codes({ overachieveThreshold: 1.3 })).toBe(1);
    expect(() => checkWorkbook({ sheets: [] }, { overachieveThreshold: '0' })).toThrow(/threshold/);
  });

  it.each<[CellValue, string, string]>([
    [0.8999, '89.99', '良'], [0.9, '90', '优'], [0.8, '80', '良'], [0.7999, '79.99', '中'], [0.6, '60', '中'], [0.5999, '59.99', '差'],
  ])('grades at the band edge: a satisfaction of %p gives %s → %s', (ratio, total, grade) => {
    // one indicator of weight 100 (no funds weight): the total is its score
    const r = checkSheet(sheetOf([buildForm({
      fundsWeight: 0, fundsScore: 0, totalScore: null,
      indicators: [{ level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '>=100%', actual: ratio, weight: 100, score: null, note: '说明' }],
    })], { formats: { F13: '0.00%' } }));
    expect([r.forms[0].total.computed?.toFixed(), r.forms[0].grade]).toEqual([total, grade]);
  });

  it('counts the undetermined indicators in the total at their stated score', () => {
    const r = check({ target: '有效', actual: '按计划推进', score: 17 }, { totalScore: 97 });
    expect(r.forms[0].total).toMatchObject({ undetermined: 1 });
    expect(r.forms[0].total.computed?.toFixed()).toBe('97');
  });
});
