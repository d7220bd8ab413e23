import type { Dec } from './decimal';

/** What an Excel cell holds (Excel specifications and limits), for everything Ziping writes into one. */
export const EXCEL_LIMITS = {
  /** characters (UTF-16 code units) in a cell */
  cellText: 32767,
  /** the largest magnitude of a number a cell holds */
  maxNumber: 9.99999999999999e307,
  /** digits of precision Excel keeps of a number */
  significantDigits: 15,
} as const;

const ELLIPSIS = '…';

/**
 * Text cut to at most `max` characters (Excel's per-cell limit by default), ending in `…` when cut; a surrogate pair
 * is never split. Text within the limit is returned as it is.
 */
export function fitCellText(text: string, max: number = EXCEL_LIMITS.cellText): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, Math.max(0, end)) + ELLIPSIS;
}

/**
 * The number a cell is written with: the decimal at Excel's 15 significant digits, as a double; null when Excel
 * cannot hold it (not finite, or beyond ±9.99999999999999E+307).
 */
export function excelCellNumber(d: Dec): number | null {
  if (!d.isFinite()) return null;
  const value = d.toSignificantDigits(EXCEL_LIMITS.significantDigits).toNumber();
  if (!Number.isFinite(value) || Math.abs(value) > EXCEL_LIMITS.maxNumber) return null;
  return Object.is(value, -0) ? 0 : value;
}
