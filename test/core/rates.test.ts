import { checkSheet, type CellValue } from '../../src/core';
import type { SheetGrid } from '../../src/core/grid';
import { buildForm, sheetOf, standardIndicators } from '../fixtures/forms';

/** The form with 全年执行数 982,806 of 1,000,000 (B/A = 0.982806) and G6 holding `rate` with `format`. */
function rateFinding(rate: CellValue, format: string | null): string {
  const g = sheetOf([buildForm({ indicators: standardIndicators(), executed: 982806, rate, fundsScore: 9.83, totalScore: 99.83 })]);
  const formats = (g.formats ?? []).map((r) => [...r]);
  formats[5][6] = format;
  const r = checkSheet({ ...g, formats } as SheetGrid);
  const f = r.findings.filter((x) => x.code === 'RATE_MISMATCH' || x.code === 'RATE_ROUNDING');
  expect(f.every((x) => x.cell === 'G6')).toBe(true);
  expect(r.findings.filter((x) => x.code === 'SCORE_MISMATCH')).toEqual([]);
  return f.map((x) => `${x.code}/${x.severity}`).join(',') || 'ok';
}

describe('SPEC §4: the stated 执行率 is compared at the precision it is written with', () => {
  it.each<[string, CellValue, string | null, string]>([
    // four decimals of the fraction (0.00%): 0.9828 half up, 0.9829 round up
    ['0.00% half up', 0.9828, '0.00%', 'ok'],
    ['0.00% rounded up', 0.9829, '0.00%', 'RATE_ROUNDING/info'],
    ['0.00% wrong', 0.9827, '0.00%', 'RATE_MISMATCH/error'],
    ['0.00% with more stored decimals', 0.982806123, '0.00%', 'ok'],
    // two decimals (0%)
    ['0% half up', 0.98, '0%', 'ok'],
    ['0% rounded up', 0.99, '0%', 'RATE_ROUNDING/info'],
    ['0% wrong', 0.97, '0%', 'RATE_MISMATCH/error'],
    ['0% as 100%', 1, '0%', 'RATE_MISMATCH/error'],
    // six decimals (0.0000%)
    ['0.0000% exact', 0.982806, '0.0000%', 'ok'],
    ['0.0000% wrong', 0.982807, '0.0000%', 'RATE_MISMATCH/error'],
    // General numbers: their own decimals (0.99 at two, 1 at none)
    ['General 0.9829', 0.9829, null, 'RATE_ROUNDING/info'],
    ['General 0.98', 0.98, null, 'ok'],
    ['General 0.99', 0.99, null, 'RATE_ROUNDING/info'],
    ['General 1', 1, null, 'ok'],
    ['General 0', 0, null, 'RATE_MISMATCH/error'],
    ['General 98.29 (percent points)', 98.29, null, 'RATE_ROUNDING/info'],
    // text
    ['text 98.29%', '98.29%', null, 'RATE_ROUNDING/info'],
    ['text 98.28%', '98.28%', null, 'ok'],
    ['text 98.3%', '98.3%', null, 'ok'],
    ['text 98.2%', '98.2%', null, 'RATE_MISMATCH/error'],
    ['text 98%', '98%', null, 'ok'],
    ['text 99%', '99%', null, 'RATE_ROUNDING/info'],
    ['text 100%', '100%', null, 'RATE_MISMATCH/error'],
    ['text 0.9829', '0.9829', null, 'RATE_ROUNDING/info'],
    ['text 98.29 (percent points)', '98.29', null, 'RATE_ROUNDING/info'],
  ])('%s → %s', (_name, rate, format, expected) => {
    expect(rateFinding(rate, format)).toBe(expected);
  });

  it('accepts 100% for an over-executed budget (the score caps the rate at 100%)', () => {
    const g = sheetOf([buildForm({ indicators: standardIndicators(), executed: 1050000, rate: 1, fundsScore: 10, totalScore: 100 })]);
    const r = checkSheet(g);
    expect(r.findings.map((f) => f.code)).toContain('OVER_EXECUTION');
    expect(r.findings.filter((f) => f.code.startsWith('RATE_'))).toEqual([]);
  });
});
