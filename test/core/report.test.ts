import { buildReport, checkSheet } from '../../src/core';
import { buildForm, sheetOf, standardIndicators, type FormSpec } from '../fixtures/forms';

const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });
const reportOf = (o: Partial<FormSpec> = {}) => buildReport(checkSheet(sheetOf([buildForm(spec(o))], { sheet: '综合部门' })), 'forms.xlsx');
/** A decimal as SPEC §7 writes it: a plain string, no exponent, no float formatting. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

describe('the JSON report (SPEC §7)', () => {
  it('has the keys of the example, in its order', () => {
    const r = reportOf();
    expect(Object.keys(r)).toEqual(['version', 'file', 'ruleSet', 'forms']);
    const f = r.forms[0];
    expect(Object.keys(f)).toEqual(['sheet', 'range', 'project', 'year', 'funds', 'indicators', 'total', 'grade', 'findings']);
    expect(Object.keys(f.funds ?? {})).toEqual(['budget', 'executed', 'rate', 'weight', 'statedScore', 'computedScore', 'cell']);
    expect(Object.keys(f.indicators[0])).toEqual([
      'cell', 'level1', 'level2', 'name', 'target', 'actual', 'kind', 'weight', 'statedScore', 'computedScore', 'status', 'scoreCell', 'noteCell',
    ]);
    expect(Object.keys(f.total)).toEqual(['weight', 'stated', 'computed', 'undetermined', 'cell']);
    const withFinding = reportOf({ totalScore: 98 }).forms[0].findings[0];
    expect(Object.keys(withFinding)).toEqual(['code', 'severity', 'sheet', 'cell', 'message', 'params']);
  });

  it.each<[string, number, string]>([
    ['a tiny amount', 1e-7, '0.0000001'],
    ['a huge amount', 1e21, '1000000000000000000000'],
    ['a formula result with binary noise', 125.50000000000001, '125.5'],
    ['an amount with cents', 56322477.69, '56322477.69'],
  ])('writes %s as an exact plain decimal string', (_name, executed, expected) => {
    const f = reportOf({ executed, budget: 1e21 }).forms[0];
    expect(f.funds?.executed).toBe(expected);
    expect(f.funds?.budget).toBe('1000000000000000000000');
    for (const v of [f.funds?.rate, f.funds?.computedScore]) expect(v).toMatch(DECIMAL);
    const json = JSON.stringify(buildReport(checkSheet(sheetOf([buildForm(spec({ executed, budget: 1e21 }))])), 'x.xlsx'));
    expect(json).not.toMatch(/\d[eE][-+]?\d/);
  });

  it('writes null where a value is not there, and enums from their lists', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], score: null, weight: null, note: '—' };
    ind[1] = { ...ind[1], target: '有效', actual: '按计划推进' };
    const f = reportOf({ indicators: ind, totalScore: null, totalWeight: null, fundsScore: null, rate: null }).forms[0];
    expect(f.indicators[0]).toMatchObject({ weight: null, statedScore: null });
    expect(f.indicators[1]).toMatchObject({ kind: 'qualitative', status: 'undetermined', computedScore: null });
    expect(f.total).toMatchObject({ weight: null, stated: null });
    expect(f.funds).toMatchObject({ statedScore: null, computedScore: '10' });
    for (const i of f.indicators) {
      expect(['atLeast', 'moreThan', 'atMost', 'lessThan', 'equal', 'range', 'rank', 'qualitative']).toContain(i.kind);
      expect(['achieved', 'partial', 'notAchieved', 'undetermined']).toContain(i.status);
    }
    for (const x of f.findings) expect(['error', 'warning', 'info']).toContain(x.severity);
  });
});
