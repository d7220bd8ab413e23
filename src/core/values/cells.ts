import { D, type Dec } from '../decimal';
import { memoByNumber, memoByText } from '../memo';
import type { CellValue } from '../grid';
import { excelErrorFromString, isExcelError } from '../grid';
import { numberAt } from './lex';
import { parseableText, trimTrailingPunct } from './text';

/** The first section of a number format with quoted text, `[...]` parts and escaped characters removed. */
export function formatCore(format: string | null): string {
  return format ? coreOf(format) : '';
}

// a workbook has a handful of number formats and tens of thousands of cells asking about them
const coreOf = memoByText((format: string): string => {
  const section = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/u)[0] ?? '';
  return section.replace(/"[^"]*"/gu, '').replace(/\[[^\]]*\]/gu, '').replace(/\\./gu, '').replace(/_./gu, '');
});

/** True when a number format shows the value as a percentage (`0%`, `0.00%`, `#,##0.0%`). */
export function isPercentFormat(format: string | null): boolean {
  return format ? coreOf(format).includes('%') : false;
}

/** Decimals a number format shows (`0.00%` → 2, `#,##0` → 0); null for General, text or no format. */
export function formatDecimals(format: string | null): number | null {
  return format ? decimalsOf(format) : null;
}

const decimalsOf = memoByText((format: string): number | null => {
  const core = coreOf(format);
  if (!/[0#?]/u.test(core)) return null;
  const m = /\.([0#?]*)/u.exec(core);
  return m ? m[1].length : 0;
});

/**
 * A number as Excel holds it: at most 15 significant digits. A formula's cached result may carry binary noise past
 * that (`=C7+C8` stored as 125.50000000000001); Excel shows and compares it as 125.5, and so does Ziping. Answers are
 * kept per number: a form reads its 分值 and 得分 cells several times, and a pile repeats them.
 */
export const excelNumber: (v: number) => Dec = memoByNumber((v) => {
  const d = new D(String(v));
  return d.precision() > 15 ? d.toSignificantDigits(15).plus(0) : d;
});

export type NumberCell =
  | { readonly kind: 'number'; readonly value: Dec; readonly decimals: number; readonly percentText: boolean }
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'unreadable'; readonly text: string };

/** Cell text that means "nothing here" in a numeric column (the 其中 rows' 分值 `—`). */
const EMPTY_MARKS = new Set(['', '-', '—', '——', '–', '/', '\\', '―', '−']);

/** A number with optional sign, ¥, separators and `%`; a trailing `分` (a weight or score written `10分`) is allowed. */
const PLAIN_NUMBER = /^([-+]?)¥?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(%?)分?$/u;

/**
 * A funds amount, weight, score or rate cell read as an exact decimal, or why it could not be: a number cell as
 * Excel stores it; text with thousands separators, full-width digits or spaces; `98.81%` text as the fraction
 * 0.9881; `—`, `-` and blank as empty.
 */
export function readNumberCell(value: CellValue): NumberCell {
  if (value === null) return { kind: 'empty' };
  if (isExcelError(value)) return { kind: 'error', code: value.code };
  if (typeof value === 'boolean') return { kind: 'unreadable', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'unreadable', text: String(value) };
    const d = excelNumber(value);
    return { kind: 'number', value: d, decimals: d.decimalPlaces(), percentText: false };
  }
  const err = excelErrorFromString(value.trim());
  if (err) return { kind: 'error', code: err.code };
  const s = trimTrailingPunct(parseableText(value));
  if (EMPTY_MARKS.has(s)) return { kind: 'empty' };
  const m = PLAIN_NUMBER.exec(s);
  if (!m) return { kind: 'unreadable', text: value };
  const num = numberAt(m[2], 0);
  if (!num) return { kind: 'unreadable', text: value };
  let v = m[1] === '-' ? num.value.negated() : num.value;
  if (m[3] === '%') v = v.dividedBy(100);
  return { kind: 'number', value: v, decimals: num.decimals + (m[3] === '%' ? 2 : 0), percentText: m[3] === '%' };
}

/** The cell's number (a fraction for percentages, as Excel stores them), or null when empty or unreadable. */
export function parseNumberCell(value: CellValue, _format: string | null): Dec | null {
  const r = readNumberCell(value);
  return r.kind === 'number' ? r.value : null;
}

/** Why a numeric cell gives no number: `empty`, `error` (an Excel error), `unreadable` text; null when it does. */
export function numberCellProblem(value: CellValue): 'empty' | 'error' | 'unreadable' | null {
  const r = readNumberCell(value);
  return r.kind === 'number' ? null : r.kind;
}

/**
 * The decimals of the fraction a stated rate is written with: a number with `0.00%` → 4, `0%` → 2, `0.0%` → 3;
 * a number with a fixed format → that format's decimals; a General number → its own decimals (0.99 → 2, 1 → 0);
 * text `98.29%` → 4, text `0.9829` → 4. 0 when the cell gives no number.
 */
export function statedPrecision(value: CellValue, format: string | null): number {
  const r = readNumberCell(value);
  if (r.kind !== 'number') return 0;
  if (typeof value === 'number') {
    const fd = formatDecimals(format);
    if (fd === null) return r.decimals;
    return isPercentFormat(format) ? fd + 2 : fd;
  }
  return r.decimals;
}
