import fc from 'fast-check';
import { compare, D, eq, gt, gte, lt, lte, ONE, timesMagnitude, type Dec } from '../../src/core/decimal';

/** Decimals of every kind a check meets and some it never should: signs, zeros, huge and tiny exponents, NaN, ±Infinity. */
const decimalArb: fc.Arbitrary<Dec> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => new D(n)),
  fc.double({ noNaN: false }).map((n) => new D(n)),
  fc.tuple(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.integer({ min: -60, max: 60 })).map(([m, e]) => new D(`${m}e${e}`)),
  fc.constantFrom('0', '-0', 'NaN', 'Infinity', '-Infinity', '1e9000000000000000', '1e-9000000000000000', '0.1', '0.10', '100').map((s) => new D(s)),
);

describe('compare and its predicates (decimal.js comparisons without the copy)', () => {
  it('answer as decimal.js does, for any two decimals', () => {
    fc.assert(fc.property(decimalArb, decimalArb, (a, b) => {
      expect(Object.is(compare(a, b), a.comparedTo(b)) || (Number.isNaN(compare(a, b)) && Number.isNaN(a.comparedTo(b)))).toBe(true);
      expect([lt(a, b), gt(a, b), lte(a, b), gte(a, b), eq(a, b)]).toEqual([a.lt(b), a.gt(b), a.lte(b), a.gte(b), a.eq(b)]);
    }), { numRuns: 5000 });
  });

  it.each<[string, string, number]>([
    ['1', '2', -1], ['2', '1', 1], ['-1', '-2', 1], ['0', '-0', 0], ['1.10', '1.1', 0], ['Infinity', '1e300', 1], ['-Infinity', 'Infinity', -1],
  ])('%s against %s', (a, b, k) => {
    expect(compare(new D(a), new D(b))).toBe(k);
  });
});

describe('timesMagnitude (a quantity scaled by its magnitude, skipping the multiplication by 1)', () => {
  const factorArb = fc.oneof(fc.constantFrom('1', '1.0', '10000', '100000000', '-1', '0').map((s) => new D(s)), decimalArb);

  it('gives what decimal.js times gives, for any number and factor', () => {
    fc.assert(fc.property(decimalArb, factorArb, (num, factor) => {
      const fast = timesMagnitude(num, factor);
      const slow = num.times(factor);
      expect(fast.toString()).toBe(slow.toString());
      expect(Object.is(fast.isNegative(), slow.isNegative())).toBe(true);
    }), { numRuns: 5000 });
  });

  it.each<[string]>([['254'], ['-0'], ['0.000001'], ['12345678901234567890123456789012345'], ['1234567890123456789012345678901234567890123']])(
    '%s times 1 is itself, rounded to 40 digits only past 35', (n) => {
      expect(timesMagnitude(new D(n), ONE).toString()).toBe(new D(n).times(1).toString());
    },
  );
});
