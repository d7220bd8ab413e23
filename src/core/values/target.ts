import { D, eq, gt, ONE, type Dec } from '../decimal';
import { memoByText } from '../memo';
import type { CellValue } from '../grid';
import { cellTextAsWritten, isExcelError } from '../grid';
import { excelNumber, isPercentFormat } from './cells';
import { dateText, isDateFormat, serialToDate } from './dates';
import {
  COUNTERS, isUnitLike, looksLikeYear, magnitudeAt, numberAt, prefixAtEnd, prepare, quantity, suffixAtEnd,
  wholeQuantity, PREFIX_COMPARATORS, SUFFIX_COMPARATORS, type Comparator,
} from './lex';
import { RANGE_SEPARATOR_TEXTS } from './signs';
import { chineseNumeral, CN_NUMERAL_CHARS } from './text';
import type { ComparatorKind, Quantity, Target } from './types';
import { convertUnit, UNIT_FAMILIES } from './units';

const TIME_LIKE = new Set([
  ...Object.keys(UNIT_FAMILIES.time), ...Object.keys(UNIT_FAMILIES.workday), ...Object.keys(UNIT_FAMILIES.month),
]);

/**
 * Reads a 年度指标值 (SPEC §3): a comparator with a quantity, a range, a rank, or qualitative text. A number cell
 * is an exact value (with a `%` format, in percent points). Text that looks numeric but has no number
 * (`满足国内%以上的主流浏览器`) is qualitative with `malformed: true`.
 */
export function parseTarget(value: CellValue, format: string | null): Target {
  const text = cellTextAsWritten(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'qualitative', text, malformed: true };
    // a date cell is a deadline (`2021/12/31`), read as the date it shows
    const date = isDateFormat(format) ? serialToDate(value) : null;
    if (date) return { kind: 'qualitative', text: dateText(date), malformed: false };
    const q = isPercentFormat(format)
      ? quantity(excelNumber(value).times(100), ONE, '%')
      : quantity(excelNumber(value), ONE, '');
    return { kind: 'equal', text, quantity: q };
  }
  if (value === null || typeof value === 'boolean') return { kind: 'qualitative', text, malformed: false };
  if (isExcelError(value)) return { kind: 'qualitative', text, malformed: true };
  return targetOfText(value);
}

const targetOfText = memoByText((value: string): Target => {
  const s = prepare(value);
  const rank = parseRank(s);
  if (rank) return { kind: 'rank', text: value, rank };
  const range = parseRange(s);
  if (range) return { kind: 'range', text: value, low: range[0], high: range[1] };
  const cmp = parseComparison(s);
  if (cmp) return { kind: cmp.kind, text: value, quantity: cmp.quantity };
  return { kind: 'qualitative', text: value, malformed: looksMalformed(s) };
});

const RANK = new RegExp(`^([^\\d]{0,8}?)(前|第)(\\d+|[${CN_NUMERAL_CHARS}]+)(名|位)?(以内)?$`, 'u');

/** `前三名`, `前3名`, `第一`, `全国排名第2位`: the rank N to reach; null when `s` is not a rank. */
export function parseRank(s: string): Dec | null {
  // RANK needs 前 or 第: most targets have neither
  if (!s.includes('前') && !s.includes('第')) return null;
  const m = RANK.exec(s);
  if (!m) return null;
  const n = /^\d+$/u.test(m[3]) ? Number(m[3]) : chineseNumeral(m[3]);
  if (n === null || n < 1) return null;
  return new D(n);
}

const escape = (t: string) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const SEP_ALT = RANGE_SEPARATOR_TEXTS.map(escape).join('|');
const RANGE_SEP = new RegExp(`^(${SEP_ALT})`, 'u');
const RANGE_SEP_BEFORE_NUMBER = new RegExp(`(${SEP_ALT})-?\\d`, 'u');

function parseRange(s: string): [Quantity, Quantity] | null {
  // a range has a separator before its high end's number (checked again below, after the low end): most targets have none
  if (!RANGE_SEP_BEFORE_NUMBER.test(s)) return null;
  const body = s.replace(/(之间|区间)$/u, '');
  const first = body.search(/\d/u);
  if (first < 0) return null;
  // a lone sign before the first number is the low end's (`-5%~5%`), not a label
  const negLow = body.slice(0, first) === '-';
  let label = negLow ? '' : body.slice(0, first);
  // `=90%-95%`: an equal sign before a range is the range; any other comparator makes it no range
  const sign = prefixAtEnd(label);
  if (sign?.kind === 'equal' && sign.symbol) label = label.slice(0, label.length - sign.text.length);
  else if (sign) return null;
  if (label.length > 10) return null;
  const a = numberAt(body, first);
  if (!a) return null;
  const am = magnitudeAt(body, a.end);
  const sepAt = body.slice(am.end).search(RANGE_SEP_BEFORE_NUMBER);
  if (sepAt < 0) return null;
  const unitA = body.slice(am.end, am.end + sepAt);
  const sep = RANGE_SEP.exec(body.slice(am.end + sepAt));
  if (!sep) return null;
  const bStart = am.end + sepAt + sep[0].length;
  const negHigh = body[bStart] === '-';
  const b = numberAt(body, negHigh ? bStart + 1 : bStart);
  if (!b) return null;
  const av = negLow ? a.value.negated() : a.value;
  const bv = negHigh ? b.value.negated() : b.value;
  const bm = magnitudeAt(body, b.end);
  const unitB = body.slice(bm.end);
  if (!isUnitLike(unitA) || !isUnitLike(unitB)) return null;
  if (looksLikeYear(av, unitA || unitB) || looksLikeYear(bv, unitB)) return null;
  const high = quantity(bv, bm.magnitude, unitB || unitA);
  // `1-2万户` is 1万 to 2万: a bare low end takes the high end's magnitude and unit
  const lowMag = unitA === '' && eq(am.magnitude, ONE) ? bm.magnitude : am.magnitude;
  let low = quantity(av, lowMag, unitA || unitB);
  if (low.unit !== high.unit) {
    const v = convertUnit(low.value, low.unit, high.unit);
    if (!v) return null;
    low = { value: v, unit: high.unit, magnitude: low.magnitude };
  }
  if (gt(low.value, high.value)) return null;
  return [low, high];
}

function resolveKind(prefix: Comparator | null, suffix: Comparator | null): ComparatorKind {
  if (prefix && suffix) return prefix.weak && !suffix.weak ? suffix.kind : prefix.kind;
  return (prefix ?? suffix)?.kind ?? 'equal';
}

function parseComparison(s: string): { kind: ComparatorKind; quantity: Quantity } | null {
  const suffix = suffixAtEnd(s);
  const core = suffix ? s.slice(0, s.length - suffix.text.length) : s;
  const w = wholeQuantity(core, true);
  if (!w) return null;
  const prefix = prefixAtEnd(w.head);
  const label = prefix ? w.head.slice(0, w.head.length - prefix.text.length) : w.head;
  // a label is fine only before a comparator: `满意度达到90%以上`, not `完成率100%`
  if (label !== '' && !prefix && !suffix) return null;
  if (label !== '' && /^[-+]/u.test(label)) return null;
  let kind = resolveKind(prefix, suffix);
  let q = w.quantity;
  if (!prefix && !suffix && q.unit.endsWith('内') && TIME_LIKE.has(q.unit.slice(0, -1))) {
    kind = 'atMost';
    q = { ...q, unit: q.unit.slice(0, -1) };
  }
  return { kind, quantity: q };
}

/**
 * Text that has the shape of a numeric target but no number: a `%` without digits, a comparator sign with
 * nothing measurable after it, or a comparator word followed by only a unit (`不少于份`, `不低于`).
 */
function looksMalformed(s: string): boolean {
  if (/\d/u.test(s)) return false;
  if (/[%‰]/u.test(s)) return true;
  if (PREFIX_COMPARATORS.some((c) => c.symbol && s.startsWith(c.text))) return true;
  let rest = s;
  const p = PREFIX_COMPARATORS.find((c) => !c.weak && rest.startsWith(c.text));
  if (p) rest = rest.slice(p.text.length);
  const suf = SUFFIX_COMPARATORS.find((c) => !c.weak && rest.endsWith(c.text));
  if (suf) rest = rest.slice(0, rest.length - suf.text.length);
  if (!p && !suf) return false;
  if (rest !== '' && [...rest].some((c) => CN_NUMERAL_CHARS.includes(c))) return false;
  return rest === '' || COUNTERS.includes(rest);
}
