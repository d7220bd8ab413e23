import { ONE } from '../decimal';
import { memoByText } from '../memo';
import type { CellValue } from '../grid';
import { cellTextAsWritten, excelErrorFromString, isExcelError } from '../grid';
import { excelNumber, isPercentFormat } from './cells';
import { dateText, isDateFormat, serialToDate } from './dates';
import { prepare, quantity, wholeQuantity } from './lex';
import { parseRank } from './target';
import type { Actual } from './types';

const EMPTY_MARKS = new Set(['', '-', '—', '——', '–', '/', '\\', '―']);

/**
 * Reads a 实际完成值: empty, an Excel error, a number (a number cell, or text that is one number with optional
 * magnitude and unit: `16,221,100`, `98.81%`, `1亿人次`, `１２３`), a rank (`前三`, `第2名`), or other text whose
 * numbers are looked for when it is measured against its target.
 */
export function parseActual(value: CellValue, format: string | null): Actual {
  if (value === null) return { kind: 'empty' };
  if (isExcelError(value)) return { kind: 'error', code: value.code };
  const text = cellTextAsWritten(value);
  if (typeof value === 'boolean') return { kind: 'text', text };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'text', text };
    const date = isDateFormat(format) ? serialToDate(value) : null;
    if (date) return { kind: 'text', text: dateText(date) };
    const pct = isPercentFormat(format);
    const v = excelNumber(value);
    return pct
      ? { kind: 'number', text, quantity: quantity(v.times(100), ONE, '%'), unitGiven: true }
      : { kind: 'number', text, quantity: quantity(v, ONE, ''), unitGiven: false };
  }
  return actualOfText(value);
}

const actualOfText = memoByText((value: string): Actual => {
  const err = excelErrorFromString(value.trim());
  if (err) return { kind: 'error', code: err.code };
  const s = prepare(value);
  if (EMPTY_MARKS.has(s)) return { kind: 'empty' };
  const rank = parseRank(s);
  if (rank) return { kind: 'rank', text: value, rank };
  const w = wholeQuantity(s, false);
  if (w) return { kind: 'number', text: value, quantity: w.quantity, unitGiven: w.quantity.unit !== '' };
  return { kind: 'text', text: value };
});
