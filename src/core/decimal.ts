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
