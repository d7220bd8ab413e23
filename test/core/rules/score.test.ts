import fc from 'fast-check';
import { D, type Dec } from '../../../src/core/decimal';
import { RULE_SETS, getRuleSet, ruleSetNames } from '../../../src/core/rules/ruleSets';
import { bandOf, gradeOf, scoreIndicator } from '../../../src/core/rules/score';
import type { ComparatorKind, Measure, Target } from '../../../src/core/values/types';

const mof = getRuleSet('mof-2020');
const q = (v: string, unit = '') => ({ value: new D(v), unit, magnitude: new D(1) });
const cmp = (kind: ComparatorKind, v: string, unit = ''): Target => ({ kind, text: `${kind}${v}`, quantity: q(v, unit) });
const num = (v: string | Dec): Measure => ({ ok: true, kind: 'number', value: new D(v), notes: [] });
const W = new D(10);
const score = (t: Target, b: string, rules = mof) => scoreIndicator(t, num(b), W, rules).computed?.toFixed(2) ?? null;

describe('numeric scoring (mof-2020)', () => {
  it.each([
    ['atLeast', '100', '100', '10.00'],
    ['atLeast', '100', '120', '10.00'],
    ['atLeast', '100', '80', '8.00'],
    ['atLeast', '3', '2', '6.67'],
    ['atLeast', '3', '1', '3.33'],
    ['moreThan', '85', '85', '10.00'],
    ['moreThan', '85', '80', '9.41'],
    ['equal', '4', '4', '10.00'],
    ['equal', '4', '3', '7.50'],
    ['equal', '4', '5', '10.00'],
    ['atMost', '15', '15', '10.00'],
    ['atMost', '15', '20', '7.50'],
    ['atMost', '15', '10', '10.00'],
    ['lessThan', '0.002', '0.001', '10.00'],
    ['lessThan', '2', '3', '6.67'],
    ['atMost', '0', '0', '10.00'],
    ['atMost', '0', '1', '0.00'],
    ['equal', '0', '0', '10.00'],
    ['equal', '0', '2', '0.00'],
    ['atLeast', '100', '0', '0.00'],
    ['atLeast', '100', '-5', '0.00'],
  ] as const)('%s %s, actual %s → %s', (kind, a, b, expected) => {
    expect(score(cmp(kind, a), b)).toBe(expected);
  });

  it('rounds half up from the exact ratio, not a displayed rate', () => {
    // 10 × 2.5 / 4 = 6.25 exactly; 10 × 0.98805 → 9.8805 → 9.88
    expect(score(cmp('atLeast', '4'), '2.5')).toBe('6.25');
    expect(score(cmp('atLeast', '200000'), '197610')).toBe('9.88');
    expect(score(cmp('atLeast', '8'), '7.9996')).toBe('10.00');
    expect(score(cmp('atLeast', '1000'), '998.5')).toBe('9.99'); // 9.985 → 9.99 half up
  });

  it.each([
    ['80', '90', '85', '10.00'],
    ['80', '90', '80', '10.00'],
    ['80', '90', '60', '7.50'],
    ['80', '90', '100', '9.00'],
  ])('range %s–%s, actual %s → %s', (lo, hi, b, expected) => {
    const t: Target = { kind: 'range', text: `${lo}-${hi}`, low: q(lo), high: q(hi) };
    expect(score(t, b)).toBe(expected);
  });

  it.each([
    ['3', '1', '10.00', 'achieved'],
    ['3', '3', '10.00', 'achieved'],
    ['3', '5', '6.00', 'partial'],
  ])('rank ≤ %s, actual rank %s → %s', (n, r, expected, status) => {
    const t: Target = { kind: 'rank', text: `前${n}名`, rank: new D(n) };
    const out = scoreIndicator(t, { ok: true, kind: 'rank', rank: new D(r), notes: [] }, W, mof);
    expect(out.computed?.toFixed(2)).toBe(expected);
    expect(out.status).toBe(status);
  });

  it('flags over-achievement at the threshold for positive kinds only', () => {
    expect(scoreIndicator(cmp('atLeast', '100'), num('120'), W, mof).overachieved).toBe(true);
    expect(scoreIndicator(cmp('atLeast', '100'), num('119.99'), W, mof).overachieved).toBe(false);
    expect(scoreIndicator(cmp('equal', '4'), num('5'), W, mof).overachieved).toBe(true);
    expect(scoreIndicator(cmp('atMost', '15'), num('100'), W, mof).overachieved).toBe(false);
    expect(scoreIndicator(cmp('atLeast', '100'), num('125'), W, getRuleSet('guangxi')).overachieved).toBe(false);
    expect(scoreIndicator(cmp('atLeast', '100'), num('130'), W, getRuleSet('guangxi')).overachieved).toBe(true);
  });

  it('scores reverse indicators linearly under the linear-reverse variant', () => {
    const lin = getRuleSet('linear-reverse');
    expect(score(cmp('atMost', '10'), '15', lin)).toBe('5.00');
    expect(score(cmp('atMost', '10'), '20', lin)).toBe('0.00');
    expect(score(cmp('atMost', '10'), '25', lin)).toBe('0.00');
    expect(score(cmp('atMost', '10'), '15', mof)).toBe('6.67');
  });

  it('raises Tianjin review flags without changing the score', () => {
    const tj = getRuleSet('tianjin');
    const rev = scoreIndicator(cmp('atMost', '10'), num('12'), W, tj);
    expect(rev.review).toBe('reverseExceeded');
    expect(rev.computed?.toFixed(2)).toBe(scoreIndicator(cmp('atMost', '10'), num('12'), W, mof).computed?.toFixed(2));
    expect(scoreIndicator(cmp('equal', '4'), num('3'), W, tj).review).toBe('equalDiffers');
    expect(scoreIndicator(cmp('equal', '4'), num('3'), W, mof).review).toBeNull();
  });

  it('leaves the score to a person when the measure is unreadable or the weight missing', () => {
    expect(scoreIndicator(cmp('atLeast', '1'), { ok: false, reason: 'unparsed' }, W, mof).computed).toBeNull();
    expect(scoreIndicator(cmp('atLeast', '1'), num('1'), null, mof).computed).toBeNull();
  });
});

describe('qualitative scoring', () => {
  const t: Target = { kind: 'qualitative', text: '有效', malformed: false };
  it.each([
    ['achieved', '10.00'],
    ['partial', null],
    ['notAchieved', null],
    ['undetermined', null],
  ] as const)('%s → %s', (cls, expected) => {
    const out = scoreIndicator(t, { ok: true, kind: 'class', cls, notes: [] }, W, mof);
    expect(out.computed?.toFixed(2) ?? null).toBe(expected);
    expect(out.status).toBe(cls);
  });

  it('bands are fractions of W from the rule set', () => {
    const b = bandOf('partial', W, mof);
    expect([b.low.toFixed(), b.high.toFixed(), b.highInclusive]).toEqual(['6', '8', false]);
    expect(bandOf('achieved', W, mof).highInclusive).toBe(true);
  });
});

describe('grades and rule sets', () => {
  it.each([
    ['100', '优'], ['90', '优'], ['89.99', '良'], ['80', '良'], ['79.99', '中'], ['60', '中'], ['59.99', '差'], ['0', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(new D(total), mof)).toBe(grade);
  });

  it('every rule set is a complete plain object with a distinct name', () => {
    expect(ruleSetNames()).toEqual(expect.arrayContaining(['mof-2020', 'guangxi', 'tianjin']));
    for (const [name, r] of Object.entries(RULE_SETS)) {
      expect(r.name).toBe(name);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      expect(new D(r.overachieveThreshold).gt(1)).toBe(true);
    }
    expect(() => getRuleSet('nowhere')).toThrow(/unknown rule set/);
  });
});

describe('properties', () => {
  const decimal = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new D(n).div(100));
  const positive = fc.integer({ min: 1, max: 10_000_000 }).map((n) => new D(n).div(100));
  const weight = fc.integer({ min: 1, max: 4000 }).map((n) => new D(n).div(100));
  const rules = fc.constantFrom(...Object.values(RULE_SETS));

  it('every score lies in [0, W] with at most 2 decimals', () => {
    fc.assert(
      fc.property(fc.constantFrom<ComparatorKind>('atLeast', 'moreThan', 'atMost', 'lessThan', 'equal'), decimal, decimal, weight, rules, (kind, a, b, w, r) => {
        const c = scoreIndicator(cmp(kind, a.toFixed()), num(b), w, r).computed;
        expect(c).not.toBeNull();
        expect(c!.gte(0) && c!.lte(w)).toBe(true);
        expect(c!.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('positive scores never fall as the actual rises; reverse ones never rise', () => {
    fc.assert(
      fc.property(positive, decimal, decimal, weight, rules, (a, b1, b2, w, r) => {
        const [lo, hi] = b1.lte(b2) ? [b1, b2] : [b2, b1];
        for (const kind of ['atLeast', 'moreThan', 'equal'] as const) {
          const s1 = scoreIndicator(cmp(kind, a.toFixed()), num(lo), w, r).computed!;
          const s2 = scoreIndicator(cmp(kind, a.toFixed()), num(hi), w, r).computed!;
          expect(s2.gte(s1)).toBe(true);
        }
        for (const kind of ['atMost', 'lessThan'] as const) {
          const s1 = scoreIndicator(cmp(kind, a.toFixed()), num(lo), w, r).computed!;
          const s2 = scoreIndicator(cmp(kind, a.toFixed()), num(hi), w, r).computed!;
          expect(s2.lte(s1)).toBe(true);
        }
      }),
    );
  });
});
