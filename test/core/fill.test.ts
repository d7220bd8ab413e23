import { checkSheet, type CellValue, type CheckOptions, type CheckResult, type FindingCode, type SheetGrid } from '../../src/core';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../fixtures/forms';

const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });
const gridWith = (first: Partial<IndicatorSpec>, o: Partial<FormSpec> = {}, formulas?: Record<string, string>): SheetGrid => {
  const ind = standardIndicators();
  ind[0] = { ...ind[0], ...first };
  return sheetOf([buildForm(spec({ indicators: ind, ...o }))], formulas ? { formulas } : {});
};

/** The sheet as the fill leaves it: every planned cell written, as the writers do. */
function applied(g: SheetGrid, r: CheckResult): SheetGrid {
  const values = g.values.map((row) => [...row]);
  for (const c of r.fillPlan.cells) {
    const row = values[c.row - g.origin.row];
    while (row.length <= c.col - g.origin.col) row.push(null);
    row[c.col - g.origin.col] = c.value as CellValue;
  }
  return { ...g, values };
}

const plan = (r: CheckResult) => r.fillPlan.cells.map((c) => [c.cell, c.value, c.reason]);
const errorsOf = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`);

/** Fills, re-checks the filled sheet, and returns both results. */
function fillAndRecheck(g: SheetGrid, options: CheckOptions = {}) {
  const before = checkSheet(g, options);
  const after = checkSheet(applied(g, before), options);
  return { before, after };
}

describe('fill with consent to overwrite (SPEC §6)', () => {
  it('rewrites the 总分 with the overwritten score, so the fill leaves no TOTAL_MISMATCH behind', () => {
    // 52 of >=65场 at weight 20 scores 16; the sheet says 20 and a total of 100 that agrees with it
    const g = gridWith({ actual: 52, score: 20, note: '场地受限' });
    const { before, after } = fillAndRecheck(g, { overwriteScores: true });
    expect(errorsOf(before)).toEqual(['SCORE_MISMATCH@H13']);
    expect(plan(before)).toEqual([['H13', 16, 'overwriteScore'], ['H19', 96, 'overwriteScore']]);
    expect(errorsOf(after)).toEqual([]);
  });

  it('corrects a stated 总分 that was not the sum, and nothing else, when every score is right', () => {
    const { before, after } = fillAndRecheck(gridWith({}, { totalScore: 98 }), { overwriteScores: true });
    expect(errorsOf(before)).toEqual(['TOTAL_MISMATCH@H19']);
    expect(plan(before)).toEqual([['H19', 100, 'overwriteScore']]);
    expect(errorsOf(after)).toEqual([]);
  });

  it('replaces a score above its 分值 with the rules\' score', () => {
    const { before, after } = fillAndRecheck(gridWith({ score: 25 }, { totalScore: 105 }), { overwriteScores: true });
    expect(errorsOf(before)).toEqual(['SCORE_OVER_WEIGHT@H13']);
    expect(plan(before)).toEqual([['H13', 20, 'overwriteScore'], ['H19', 100, 'overwriteScore']]);
    expect(errorsOf(after)).toEqual([]);
  });

  it('never writes over a formula 总分, and without consent never over any stated value', () => {
    const g = gridWith({ actual: 52, score: 20, note: '场地受限' }, {}, { H19: '=SUM(H6,H13:H18)' });
    expect(plan(checkSheet(g, { overwriteScores: true }))).toEqual([['H13', 16, 'overwriteScore']]);
    expect(plan(checkSheet(gridWith({ actual: 52, score: 20, note: '场地受限' })))).toEqual([]);
    expect(plan(checkSheet(gridWith({}, { totalScore: 98 })))).toEqual([]);
  });
});

describe('the fill plan (SPEC §6)', () => {
  it('writes the 总分 only when every weighted indicator has a score after the fill', () => {
    // a qualitative actual nobody can classify leaves its empty score to a person: no total is guessed
    const g = gridWith({ target: '有效', actual: '按计划推进', score: null }, { totalScore: null });
    const r = checkSheet(g);
    expect(r.fillPlan.cells.map((c) => c.reason)).not.toContain('total');
    expect(r.findings.filter((f) => f.code === 'SCORE_MISSING').map((f) => [f.cell, f.params.computable])).toEqual([['H13', false], ['H19', true]]);
    // once the person scores it, the fill completes the total from the stated scores
    const done = checkSheet(gridWith({ target: '有效', actual: '按计划推进', score: 17 }, { totalScore: null }));
    expect(plan(done).filter((c) => c[2] !== 'note')).toEqual([['H19', 97, 'total']]);
  });

  it.each<[string, CellValue, boolean]>([
    ['an empty note cell', null, true],
    ['a dash', '—', true],
    ['a slash', '/', true],
    ['an empty paragraph of a web export', '<p>&nbsp;</p>', true],
    ['a reason', '见附件', false],
    ['a word', '无', false],
  ])('drafts a note into %s: %p', (_name, note, drafted) => {
    const r = checkSheet(gridWith({ actual: 52, note }, { totalScore: 96 }));
    expect(r.fillPlan.cells.filter((c) => c.reason === 'note').map((c) => c.cell)).toEqual(drafted ? ['I13'] : []);
    expect(r.findings.filter((f) => f.code === 'NOTE_MISSING').map((f) => f.cell)).toEqual(drafted ? ['I13'] : []);
  });

  it.each<[string, Partial<IndicatorSpec>, Partial<FormSpec>]>([
    ['empty scores and total', { score: null }, { totalScore: null }],
    ['an empty funds block result', {}, { rate: null, fundsScore: null, executed: 987654.32, totalScore: null }],
    ['a missed target with no note', { actual: 52, score: null }, { totalScore: null }],
    ['an over-achievement with no note', { actual: 130, score: null }, { totalScore: null }],
  ])('leaves no SCORE_MISSING and no new error after filling %s', (_name, first, o) => {
    const { before, after } = fillAndRecheck(gridWith(first, o));
    expect(after.findings.filter((f) => f.code === 'SCORE_MISSING')).toEqual([]);
    const had = new Set(errorsOf(before));
    expect(errorsOf(after).filter((e) => !had.has(e))).toEqual([]);
    const codes = (r: CheckResult, c: FindingCode) => r.findings.filter((f) => f.code === c).length;
    expect(codes(after, 'NOTE_MISSING')).toBe(codes(before, 'NOTE_MISSING'));
  });

  it('plans no number Excel cannot hold', () => {
    const r = checkSheet(gridWith({ weight: Number.MAX_VALUE, score: 20 }), { overwriteScores: true });
    expect(r.fillPlan.cells.every((c) => typeof c.value === 'string' || Number.isFinite(c.value))).toBe(true);
  });
});
