import { normalizeLabel } from '../detect';
import type { DateValue } from '../values';

const YEAR = /((?:19|20)\d{2})/gu;
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/**
 * The last day of a 项目期 as written: the last year (and month) of a span (`2021年—2023年`, `2021.1-2022.6`), or,
 * for a length (`1年`, `三年`), the end of that many years from the budget year. Null when it says neither.
 */
export function periodEnd(text: string, budgetYear: string | null): DateValue | null {
  const n = normalizeLabel(text);
  const years = [...n.matchAll(YEAR)].map((m) => Number(m[1]));
  if (years.length > 0) {
    const last = Math.max(...years);
    const month = new RegExp(`${last}(?:年|[.\\-/])(\\d{1,2})(?:月|$|[^\\d])`, 'u').exec(n.slice(n.lastIndexOf(String(last))));
    const m = month && years.length > 1 ? Number(month[1]) : 12;
    return m >= 1 && m <= 12 ? { year: last, month: m, day: new Date(Date.UTC(last, m, 0)).getUTCDate() } : null;
  }
  const len = /^(\d+|[一二两三四五])年(?:期)?$/u.exec(n);
  if (!len || budgetYear === null) return null;
  const count = CN_DIGIT[len[1]] ?? Number(len[1]);
  if (!Number.isInteger(count) || count < 1) return null;
  return { year: Number(budgetYear) + count - 1, month: 12, day: 31 };
}

/** The first year a 项目期 names (`2021年—2023年` → 2021), or null. */
export function periodFirstYear(text: string): number | null {
  const years = [...normalizeLabel(text).matchAll(YEAR)].map((m) => Number(m[1]));
  return years.length > 0 ? Math.min(...years) : null;
}

/** Whether `a` falls after `b` (a date without a year is read in `year`). */
export function isAfter(a: DateValue, b: DateValue, year: number): boolean {
  const key = (d: DateValue) => (d.year ?? year) * 10000 + d.month * 100 + d.day;
  return key(a) > key(b);
}

/** `2023年12月31日` */
export function dateWords(d: DateValue, year: number): string {
  return `${d.year ?? year}年${d.month}月${d.day}日`;
}
