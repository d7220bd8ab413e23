import DecimalBase from 'decimal.js';

/** The one Decimal configuration of Ziping: generous precision, half-up rounding. Never touch the global config. */
export const D = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = DecimalBase;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/** Exact plain-decimal string (no exponent), the form decimals take in reports. */
export function decString(d: Dec): string {
  return d.toFixed();
}

/** Round to `places` decimals, half up (the budget system's rule). */
export function roundHalfUp(d: Dec, places: number): Dec {
  return d.toDecimalPlaces(places, DecimalBase.ROUND_HALF_UP);
}

/** Round to `places` decimals away from zero (Excel's ROUNDUP). */
export function roundUp(d: Dec, places: number): Dec {
  return d.toDecimalPlaces(places, DecimalBase.ROUND_UP);
}

/** Cut to `places` decimals toward zero (Excel's ROUNDDOWN, TRUNC). */
export function roundDown(d: Dec, places: number): Dec {
  return d.toDecimalPlaces(places, DecimalBase.ROUND_DOWN);
}

type DecimalParts = Dec & { readonly d: number[] | null; readonly e: number; readonly s: number };

/**
 * `a.comparedTo(b)` of decimal.js (1, -1, 0, or NaN when either is NaN) without the copy of `b` it makes first: a
 * Decimal and a digits array for every comparison, tens of thousands in a check. The copy reads `b` as Infinity past
 * `maxE` and as 0 below `minE`; so does this. The steps are decimal.js's (`P.comparedTo`), on its documented fields
 * `d` (digits), `e` (exponent) and `s` (sign).
 */
export function compare(a: Dec, b: Dec): number {
  const x = a as DecimalParts;
  const y = b as DecimalParts;
  const Ctor = x.constructor as typeof D;
  const xd = x.d;
  const yd = !y.d || y.e > Ctor.maxE ? null : y.e < Ctor.minE ? [0] : y.d;
  const ye = yd === null ? NaN : y.e < Ctor.minE ? 0 : y.e;
  const xs = x.s;
  const ys = y.s;
  // either NaN or ±Infinity
  if (!xd || !yd) return !xs || !ys ? NaN : xs !== ys ? xs : xd === yd ? 0 : !xd !== xs < 0 ? 1 : -1;
  // either zero
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== ye) return x.e > ye !== xs < 0 ? 1 : -1;
  const xdL = xd.length;
  const ydL = yd.length;
  for (let i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return xd[i] > yd[i] !== xs < 0 ? 1 : -1;
  }
  return xdL === ydL ? 0 : xdL > ydL !== xs < 0 ? 1 : -1;
}

/** `a < b` as `a.lt(b)`, without decimal.js's copy (see {@link compare}). */
export const lt = (a: Dec, b: Dec): boolean => compare(a, b) < 0;
/** `a > b` as `a.gt(b)`. */
export const gt = (a: Dec, b: Dec): boolean => compare(a, b) > 0;
/** `a <= b` as `a.lte(b)`. */
export const lte = (a: Dec, b: Dec): boolean => compare(a, b) < 1;
/** `a >= b` as `a.gte(b)`. */
export const gte = (a: Dec, b: Dec): boolean => {
  const k = compare(a, b);
  return k === 1 || k === 0;
};
/** `a = b` as `a.eq(b)`. */
export const eq = (a: Dec, b: Dec): boolean => compare(a, b) === 0;

/**
 * `num.times(factor)` without the multiplication when `factor` is 1 and `num` fits the precision (at most 35
 * significant digits: five of decimal.js's seven-digit words), where the product is `num` itself. Quantities are
 * scaled by their magnitude (万, 亿) this way, and most have none: thousands of multiplications by 1 in a check.
 */
export function timesMagnitude(num: Dec, factor: Dec): Dec {
  const d = (num as DecimalParts).d;
  if (d !== null && d.length <= 5 && compare(factor, ONE) === 0) return num;
  return num.times(factor);
}
