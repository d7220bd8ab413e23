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
