import fc from 'fast-check';
import { buildReport, checkSheet, RATIO_DIGITS, RATIO_PARAMS, reportFinding, type Finding, type Report } from '../../src/core';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../fixtures/forms';

const reportOf = (o: Partial<FormSpec>): Report =>
  buildReport(checkSheet(sheetOf([buildForm({ indicators: standardIndicators(), totalScore: 100, ...o })], { sheet: '表一' })), 'x.xlsx');

/** Significant digits of a plain decimal string: `0.0012300` has 3, `120` has 2 (trailing zeros of an integer do not count). */
function significantDigits(s: string): number {
  return s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Every computed ratio of a report: the funds 执行率 and the ratio parameters of every finding. */
function ratios(r: Report): { where: string; value: string }[] {
  const out: { where: string; value: string }[] = [];
  for (const f of r.forms) {
    if (f.funds?.rate) out.push({ where: 'funds.rate', value: f.funds.rate });
    for (const x of f.findings) {
      const cells = Array.isArray(x.params.cells) ? x.params.cells : [];
      for (const [where, params] of [[x.code, x.params], ...cells.map((c) => [`${x.code}.cells.${c.cell}`, c] as const)] as const) {
        for (const k of RATIO_PARAMS) {
          const v = (params as Record<string, unknown>)[k];
          if (typeof v === 'string') out.push({ where: `${where}.${k}`, value: v });
        }
      }
    }
  }
  return out;
}

/** Every decimal string anywhere in the report, with its path. */
function decimals(v: unknown, path = ''): { where: string; value: string }[] {
  if (typeof v === 'string') return /^-?\d+(\.\d+)?$/.test(v) ? [{ where: path, value: v }] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => decimals(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => decimals(x, `${path}.${k}`));
  return [];
}

describe('ratios in the JSON report', () => {
  it('carry ten significant digits: a 1/3 rate and completion ratio print as 0.3333333333', () => {
    const indicators: IndicatorSpec[] = [{ ...standardIndicators()[0], target: '>=3场', actual: 1, score: 20 }, ...standardIndicators().slice(1)];
    const f = reportOf({ budget: 3, executed: 1, rate: 0.5, indicators }).forms[0];
    expect(f.funds?.rate).toBe('0.3333333333');
    expect(f.funds?.budget).toBe('3');
    const rate = f.findings.find((x) => x.code === 'RATE_MISMATCH');
    expect(rate?.params).toMatchObject({ exact: '0.3333333333', stated: '0.5' });
    const score = f.findings.find((x) => x.code === 'SCORE_MISMATCH' && x.cell === f.indicators[0].scoreCell);
    expect(score?.params.ratio).toBe('0.3333333333');
    // the score computed from the ratio is a score: two decimals, as the rules round it
    expect(f.indicators[0].computedScore).toBe('6.67');
  });

  it('are cut in every cell of a finding that names several cells of a row', () => {
    const f = {
      code: 'OVERACHIEVED', severity: 'info', sheet: '表一', cell: 'F13',
      params: { name: '场次', target: '>=3场', actual: '4场', ratio: '1.333333333333333333333333333333333333333', threshold: '1.2', hasNote: true,
        cells: [{ cell: 'F13', ratio: '1.333333333333333333333333333333333333333' }, { cell: 'G13', ratio: '0.1111111111111111111111111111111111111111', budget: '1234567890.123456789' }] },
    } as unknown as Finding;
    const r = reportFinding(f, 'zh-CN');
    expect(r.params.ratio).toBe('1.333333333');
    expect(r.params.cells).toEqual([{ cell: 'F13', ratio: '1.333333333' }, { cell: 'G13', ratio: '0.1111111111', budget: '1234567890.123456789' }]);
    // the finding itself is left as the checks made it
    expect((f.params as { ratio: string }).ratio).toHaveLength(41);
  });

  it('round half up at the tenth digit and leave short ratios alone', () => {
    expect(reportOf({ budget: 3, executed: 2 }).forms[0].funds?.rate).toBe('0.6666666667');
    expect(reportOf({ budget: 8, executed: 7 }).forms[0].funds?.rate).toBe('0.875');
    expect(reportOf({ budget: 100, executed: 100 }).forms[0].funds?.rate).toBe('1');
  });

  it('leave money, weights and the sheet’s figures whole', () => {
    const f = reportOf({ budget: 1234567890.12, executed: 1234567889.99 }).forms[0];
    expect(f.funds).toMatchObject({ budget: '1234567890.12', executed: '1234567889.99' });
    expect(significantDigits(f.funds!.rate!)).toBeLessThanOrEqual(RATIO_DIGITS);
  });

  it('over random forms: every ratio has at most ten significant digits, and no value is an unrounded quotient', () => {
    const amount = fc.oneof(fc.integer({ min: 1, max: 2_000_000_000 }), fc.double({ min: 0.01, max: 1e9, noNaN: true }).map((x) => Math.round(x * 100) / 100));
    const unit = fc.constantFrom('场', '人', '%', '万元', '');
    const indicator = fc.record({
      target: fc.tuple(fc.constantFrom('>=', '≤', '<', '>', '='), fc.integer({ min: 1, max: 99_999 }), unit).map(([op, n, u]) => `${op}${n}${u}`),
      actual: fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.double({ min: 0, max: 1e5, noNaN: true })),
      score: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })),
    });
    fc.assert(fc.property(
      amount, amount, fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1.5, noNaN: true })), fc.array(indicator, { minLength: 1, maxLength: 6 }),
      (budget, executed, rate, specs) => {
        const base = standardIndicators();
        const indicators = base.map((b, i) => (specs[i] ? { ...b, ...specs[i], weight: b.weight } : b));
        const r = reportOf({ budget, executed, rate, fundsScore: null, indicators });
        for (const x of ratios(r)) expect({ ...x, digits: significantDigits(x.value) <= RATIO_DIGITS }).toEqual({ ...x, digits: true });
        // a quotient left whole has the Decimal configuration's 40 digits; nothing in the report comes near
        for (const x of decimals(r)) expect({ ...x, digits: significantDigits(x.value) <= 30 }).toEqual({ ...x, digits: true });
      },
    ), { numRuns: 200 });
  });
});
