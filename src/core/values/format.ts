import type { CellValue } from '../grid';
import { isExcelError } from '../grid';
import { excelNumber, formatCore, formatDecimals, isPercentFormat } from './cells';
import { dateText, isDateFormat, serialToDate } from './dates';
import type { Quantity } from './types';

const MAGNITUDE_CHARS: Readonly<Record<string, string>> = { '10000': '万', '100000000': '亿' };

/**
 * Canonical text of a quantity that parses back to the same quantity: the number as written before its
 * magnitude (no exponent, no thousands separators), the magnitude character, then the unit (`1.2万户`, `75%`).
 */
export function formatQuantity(q: Quantity): string {
  const mag = MAGNITUDE_CHARS[q.magnitude.toFixed()];
  const written = mag ? q.value.dividedBy(q.magnitude) : q.value;
  return `${written.toFixed()}${mag ?? ''}${q.unit}`;
}

/**
 * A cell as the sheet shows it, for reports and messages: a date cell as `2021年12月31日`, a percentage-formatted number
 * as `96.5%` (the format's decimals), a number with fixed decimals as that many (`28.57`, with separators when the
 * format has them), any other number at Excel's 15 significant digits, text as written.
 */
export function displayText(value: CellValue, format: string | null): string {
  if (value === null) return '';
  if (isExcelError(value)) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (isDateFormat(format)) {
    const d = serialToDate(value);
    if (d) return dateText(d);
  }
  const n = excelNumber(value);
  const places = formatDecimals(format);
  if (isPercentFormat(format)) return `${n.times(100).toFixed(places ?? 0)}%`;
  if (places === null) return n.toFixed();
  const fixed = n.toFixed(places);
  if (!formatCore(format).includes(',')) return fixed;
  const [i, f] = fixed.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/gu, ',')}${f === undefined ? '' : `.${f}`}`;
}
