import { checkSheet, renderMessage, type CellValue, type CheckResult, type Finding } from '../../src/core';
import { buildForm, sheetOf, standardIndicators, type FormSpec } from '../fixtures/forms';

// the funds row is row 6: D 全年预算数, E 全年执行数, F 分值, G 执行率, H 得分
function check(o: Partial<FormSpec>, formulas?: Record<string, string>): CheckResult {
  return checkSheet(sheetOf([buildForm({ indicators: standardIndicators(), totalScore: 100, ...o })], { sheet: '项目', formulas }));
}
const uncomputable = (r: CheckResult): Finding[] => r.findings.filter((f) => f.code === 'FUNDS_SCORE_UNCOMPUTABLE');
const NOT_A_NUMBER: CellValue = '约一百万';

describe('a funds score that cannot be computed says why, at the stated score (issue 14)', () => {
  it.each<[string, Partial<FormSpec>, 'warning' | 'info', string, string, string, string]>([
    ['全年预算数 0', { budget: 0, executed: 0 }, 'warning', 'budgetZero', 'D6',
      '全年预算数为 0，无法计算执行率，表内得分 10 未核对：请核对全年预算数（D6）。',
      'Funds score 10 not checked: the annual budget is 0, so no execution rate can be computed. Check the annual budget (D6).'],
    ['a negative 全年预算数', { budget: -1000 }, 'warning', 'budgetNegative', 'D6',
      '全年预算数 -1,000.00 为负数，无法计算执行率，表内得分 10 未核对：请核对全年预算数（D6）。',
      'Funds score 10 not checked: the annual budget -1,000.00 is negative, so no execution rate can be computed. Check the annual budget (D6).'],
    ['an empty 全年预算数', { budget: null }, 'warning', 'budgetMissing', 'D6',
      '全年预算数为空，无法计算执行率，表内得分 10 未核对：请核对全年预算数（D6）。',
      'Funds score 10 not checked: the annual budget is empty, so no execution rate can be computed. Check the annual budget (D6).'],
    ['a 全年预算数 that is no number (CELL_UNREADABLE says so)', { budget: NOT_A_NUMBER }, 'info', 'budgetUnreadable', 'D6',
      '全年预算数不是数值，无法计算执行率，表内得分 10 未核对：请核对全年预算数（D6）。',
      'Funds score 10 not checked: the annual budget is not a number, so no execution rate can be computed. Check the annual budget (D6).'],
    ['an empty 全年执行数', { executed: '—' }, 'warning', 'executedMissing', 'E6',
      '全年执行数为空，无法计算执行率，表内得分 10 未核对：请核对全年执行数（E6）。',
      'Funds score 10 not checked: the amount executed is empty, so no execution rate can be computed. Check the amount executed (E6).'],
    ['a 全年执行数 that is no number', { executed: { kind: 'error', code: '#REF!' } }, 'info', 'executedUnreadable', 'E6',
      '全年执行数不是数值，无法计算执行率，表内得分 10 未核对：请核对全年执行数（E6）。',
      'Funds score 10 not checked: the amount executed is not a number, so no execution rate can be computed. Check the amount executed (E6).'],
    ['an empty funds 分值', { fundsWeight: null, totalScore: 100 }, 'warning', 'weightMissing', 'F6',
      '资金分值为空，无法计算得分，表内得分 10 未核对：请核对分值（F6）。',
      'Funds score 10 not checked: the funds weight is empty, so no score can be computed. Check the funds weight (F6).'],
    ['a funds 分值 that cannot be one (WEIGHT_INVALID says so)', { fundsWeight: -10 }, 'info', 'weightInvalid', 'F6',
      '资金分值无效，无法计算得分，表内得分 10 未核对：请核对分值（F6）。',
      'Funds score 10 not checked: the funds weight cannot be a weight, so no score can be computed. Check the funds weight (F6).'],
    ['全年预算数 0 and no score stated', { budget: 0, executed: 0, fundsScore: null, totalScore: 90 }, 'warning', 'budgetZero', 'D6',
      '全年预算数为 0，无法计算执行率，得分无法计算，未填写：请核对全年预算数（D6）。',
      'Funds score cannot be computed or filled: the annual budget is 0, so no execution rate can be computed. Check the annual budget (D6).'],
  ])('%s', (_name, o, severity, reason, at, zh, en) => {
    const r = check(o);
    const fs = uncomputable(r);
    expect(fs.map((f) => [f.cell, f.severity, f.params.reason, f.params.at])).toEqual([['H6', severity, reason, at]]);
    expect(renderMessage(fs[0])).toBe(zh);
    expect(renderMessage(fs[0], 'en-US')).toBe(en);
    // nothing is filled into the funds score that cannot be computed
    expect(r.fillPlan.cells.filter((c) => c.reason === 'fundsScore')).toEqual([]);
  });

  it('carries the stated score as the sheet shows it, and the amounts read', () => {
    const [f] = uncomputable(check({ budget: 0, executed: 56322477.69, fundsScore: 9.876, fundsFormats: { G: '0.00%', H: '0.00' }, totalScore: 99.88 }));
    expect(f.params).toMatchObject({ stated: '9.876', statedText: '9.88', budget: '0', executed: '56322477.69', weight: '10' });
    expect(renderMessage(f)).toContain('表内得分 9.88 未核对');
  });

  it.each<[string, Partial<FormSpec>, Record<string, string> | null]>([
    ['a computable score', {}, null],
    ['a funds row with nothing in it', { initial: null, budget: null, executed: null, rate: null, fundsScore: null, totalScore: 90 }, null],
    ['a score that is a formula without a result (SCORE_MISSING says so)', { budget: 0, fundsScore: null }, { H6: '=F6*E6/D6' }],
  ])('none for %s', (_name, o, formulas) => {
    const r = check(o, formulas ?? undefined);
    expect(uncomputable(r)).toEqual([]);
    if (formulas) expect(r.findings.filter((f) => f.cell === 'H6').map((f) => f.code)).toEqual(['SCORE_MISSING']);
  });
});
