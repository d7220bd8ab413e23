import fc from 'fast-check';
import { D } from '../../../src/core/decimal';
import { classifyQualitative, formatQuantity, measure, parseActual, parseTarget } from '../../../src/core/values';
import type { Actual, Quantity, Target } from '../../../src/core/values';

const UNITS = ['', '%', '场', '家', '核小时', '人次', '个工作日', '分钟', '元', '户', '份'];

function withSeparators(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A number as people write it: digits with or without thousands separators, decimals, full-width digits. */
const writtenNumber = fc
  .record({
    int: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    frac: fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
    separators: fc.boolean(),
    fullWidth: fc.boolean(),
  })
  .map(({ int, frac, separators, fullWidth }) => {
    const i = int.toString();
    const s = `${separators ? withSeparators(i) : i}${frac === undefined ? '' : `.${frac}`}`;
    return fullWidth ? s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : s;
  });

const writtenQuantity = fc
  .record({
    num: writtenNumber,
    negative: fc.boolean(),
    magnitude: fc.constantFrom('', '万', '亿'),
    unit: fc.constantFrom(...UNITS),
  })
  .map(({ num, negative, magnitude, unit }) => ({
    text: `${negative ? '-' : ''}${num}${unit === '%' ? '' : magnitude}${unit}`,
    negative,
  }));

function quantityOf(a: Actual): Quantity {
  if (a.kind !== 'number') throw new Error(`not a number: ${JSON.stringify(a)}`);
  return a.quantity;
}

function targetQuantity(t: Target): Quantity {
  if (t.kind === 'qualitative' || t.kind === 'rank' || t.kind === 'range') throw new Error(`not a comparison: ${t.text}`);
  return t.quantity;
}

function same(a: Quantity, b: Quantity): boolean {
  return a.value.eq(b.value) && a.unit === b.unit && a.magnitude.eq(b.magnitude);
}

describe('parse → formatQuantity → parse is stable', () => {
  it('for actuals: integers, decimals, thousands separators, 万/亿, %', () => {
    fc.assert(
      fc.property(writtenQuantity, ({ text }) => {
        const first = quantityOf(parseActual(text, null));
        const again = quantityOf(parseActual(formatQuantity(first), null));
        return same(first, again);
      }),
      { numRuns: 400 },
    );
  });

  it('for targets behind every comparator', () => {
    const comparator = fc.constantFrom('>=', '≥', '>', '<=', '≤', '<', '=', '不低于', '不超过', '低于', '大于');
    fc.assert(
      fc.property(comparator, writtenQuantity, (c, { text }) => {
        const first = parseTarget(`${c}${text}`, null);
        const again = parseTarget(`${c}${formatQuantity(targetQuantity(first))}`, null);
        return first.kind === again.kind && same(targetQuantity(first), targetQuantity(again));
      }),
      { numRuns: 400 },
    );
  });

  it('reads the written digits exactly (no floats)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (n, scale) => {
        const digits = n.toString().padStart(scale + 1, '0');
        const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        const qy = quantityOf(parseActual(`${text}万元`, null));
        return qy.value.eq(new D(text).times(10000)) && qy.unit === '元' && formatQuantity(qy) === `${new D(text).toFixed()}万元`;
      }),
      { numRuns: 300 },
    );
  });

  it('formats any quantity so that it parses back to itself', () => {
    const quantityArb = fc
      .record({
        n: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        scale: fc.integer({ min: 0, max: 6 }),
        magnitude: fc.constantFrom('1', '10000', '100000000'),
        unit: fc.constantFrom(...UNITS),
      })
      .filter(({ unit, magnitude }) => !(unit === '%' && magnitude !== '1'))
      .map(({ n, scale, magnitude, unit }): Quantity => {
        const mag = new D(magnitude);
        return { value: new D(n.toString()).dividedBy(new D(10).pow(scale)).times(mag), unit, magnitude: mag };
      });
    fc.assert(
      fc.property(quantityArb, (qy) => same(quantityOf(parseActual(formatQuantity(qy), null)), qy)),
      { numRuns: 400 },
    );
  });
});

describe('untrusted sheet text never breaks the parsers', () => {
  const alphabet = fc.constantFrom(
    ...'0123456789.,%万亿>=<≥≤＞＝～~-前第三名以上以下内约达到不低于满意度完成未基本是否<p></p>&lt; 　\n'.split(''),
  );
  const messy = fc.oneof(fc.string({ unit: alphabet, maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));

  it('parses, measures and classifies any text without throwing', () => {
    fc.assert(
      fc.property(messy, messy, (t, a) => {
        const m = measure(parseTarget(t, null), parseActual(a, null));
        classifyQualitative(a);
        return typeof m.ok === 'boolean';
      }),
      { numRuns: 1000 },
    );
  });
});
