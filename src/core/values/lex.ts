import { D, ONE, timesMagnitude, type Dec } from '../decimal';
import { memoByText } from '../memo';
import { CN_NUMERAL_CHARS, chineseNumeral, parseableText, trimTrailingPunct } from './text';
import { foldedSign, SIGN_TABLE, type SignPlace } from './signs';
import type { ComparatorKind, Quantity } from './types';

export const MAGNITUDES: Readonly<Record<string, string>> = { 万: '10000', 亿: '100000000', 萬: '10000', 億: '100000000' };

/** An ASCII number with optional thousands separators (groups of three) and decimals. */
const NUM_SOURCE = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const NUM_AT = new RegExp(`${NUM_SOURCE}`, 'y');
export const NUM_GLOBAL = new RegExp(`(?<![\\d.])${NUM_SOURCE}`, 'g');

/**
 * Text prepared for value parsing: tags stripped, NFKC, no white space, no trailing punctuation or `（含）`,
 * `百分之95` → `95%`.
 */
export function prepare(s: string): string {
  return trimTrailingPunct(trimTrailingPunct(parseableText(s)).replace(/\(含[^()]{0,6}\)$/u, ''))
    .replace(/百分之([\d.,]+|[零〇一二两三四五六七八九十百]+)/gu, (_, n: string) => {
      const cn = chineseNumeral(n);
      return `${cn === null ? n : String(cn)}%`;
    })
    .replace(/(\d)百分比/gu, '$1%');
}

export interface NumberToken {
  readonly value: Dec;
  /** decimals as written */
  readonly decimals: number;
  readonly start: number;
  readonly end: number;
}

/** The number token starting at `i` (digits, separators, decimals, Chinese numerals), or null. */
export function numberAt(s: string, i: number): NumberToken | null {
  NUM_AT.lastIndex = i;
  const m = NUM_AT.exec(s);
  if (!m) return null;
  const digits = m[0].includes(',') ? m[0].replace(/,/g, '') : m[0];
  const dot = digits.indexOf('.');
  return { value: new D(digits), decimals: dot < 0 ? 0 : digits.length - dot - 1, start: i, end: i + m[0].length };
}

/** The magnitude written at `i` (万 → 1e4, 亿 → 1e8, none → 1) and where it ends. */
export function magnitudeAt(s: string, i: number): { magnitude: Dec; end: number } {
  const size = MAGNITUDES[s[i]];
  return size ? { magnitude: new D(size), end: i + 1 } : { magnitude: ONE, end: i };
}

/**
 * Words that count things, accepted after a Chinese numeral (`不少于两家`, `三场以上`); a Chinese numeral with
 * any other text after it is a word, not a number (`一般`, `统一服务`).
 */
export const COUNTERS: readonly string[] = [
  '个', '家', '场', '次', '人', '人次', '份', '期', '项', '户', '件', '篇', '本', '台', '套', '所', '座', '条', '批', '轮',
  '天', '日', '年', '个月', '月', '周', '小时', '个小时', '分钟', '个工作日', '工作日', '年度', '类', '部', '款', '种',
  '处', '位', '名', '支', '块', '张', '册', '门', '节', '辆', '家次', '人天', '课时', '学时', '季度', '个季度',
];

// made when first needed: `unitShape` rarely needs it
let unitShapeExpression: RegExp | null = null;

/**
 * Whether a non-empty text has the shape of a unit: `/^[\p{L}%‰°][\p{L}\p{N}%‰°/·]*$/u`. The units forms write
 * (CJK ideographs, ASCII letters, digits after the first character, %‰°/·) are decided without the expression, whose
 * Unicode property classes cost V8 about 2 ms to compile on first use; any other character goes to the expression.
 */
export function unitShape(u: string): boolean {
  for (let i = 0; i < u.length; i++) {
    const c = u.charCodeAt(i);
    const lower = c | 32;
    if ((c >= 0x4e00 && c <= 0x9fff) || (lower >= 97 && lower <= 122) || c === 0x25 || c === 0x2030 || c === 0xb0) continue;
    if (i > 0 && ((c >= 48 && c <= 57) || c === 0x2f || c === 0xb7)) continue;
    return (unitShapeExpression ??= /^[\p{L}%‰°][\p{L}\p{N}%‰°/·]*$/u).test(u);
  }
  return u.length > 0;
}

/** Text that makes a tail a phrase rather than a unit (`年底前完成`, `以上的用户`). */
const NOT_IN_UNIT = ['的', '和', '及', '或', '并', '且', '前', '后', '底', '完成', '达到', '实现', '以上', '以下', '以内', '之内', '左右', '满足'];

/** Whether a text can be a unit: short, starting with a letter or %, and holding no connective or comparator word. */
export const isUnitLike: (u: string) => boolean = memoByText((u) => {
  if (u === '') return true;
  if (u.length > 8 || !unitShape(u)) return false;
  if (/^[余多]/u.test(u)) return false; // `25万余人次`, `100多家`: approximate
  if ((u.includes('%') || u.includes('‰')) && u !== '%' && u !== '‰') return false;
  return !NOT_IN_UNIT.some((w) => u.includes(w));
});

/** The canonical unit of a unit text (`百分比` → `%`). */
export function unitOf(u: string): string {
  return u === '百分比' ? '%' : u;
}

/** A quantity in base units: the number times its magnitude, with its unit. */
export function quantity(num: Dec, magnitude: Dec, unit: string): Quantity {
  return { value: timesMagnitude(num, magnitude), unit: unitOf(unit), magnitude };
}

/** A 4-digit year followed by 年 is a date (`2021年底前`), not a count of years. */
export function looksLikeYear(num: Dec, unit: string): boolean {
  return unit.startsWith('年') && num.isInteger() && num.gte(1900) && num.lte(2100);
}

/** Where the first ASCII digit of `s` is (what `/\d/u` finds), or -1. */
function firstDigit(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return -1;
}

export interface WholeQuantity {
  readonly quantity: Quantity;
  readonly decimals: number;
  /** digits-free text before the number (a label such as `满意度`), possibly ending in a comparator */
  readonly head: string;
}

/**
 * `s` as one optionally signed number with magnitude and unit, with `head` before it and nothing after:
 * `16,221,100`, `-3.5%`, `1亿人次`, `两家` (Chinese numerals only with a counter). Null otherwise.
 */
export function wholeQuantity(s: string, allowHead: boolean): WholeQuantity | null {
  const first = firstDigit(s);
  if (first < 0) return chineseQuantity(s, allowHead);
  let head = s.slice(0, first);
  if (!allowHead && head !== '' && head !== '-' && head !== '+') return null;
  const num = numberAt(s, first);
  if (!num) return null;
  let value = num.value;
  const last = head.charCodeAt(head.length - 1);
  if ((last === 45 /* - */ || last === 43 /* + */) && (head.length === 1 || prefixAtEnd(head.slice(0, -1)))) {
    if (head.endsWith('-')) value = value.negated();
    head = head.slice(0, -1);
  }
  const mag = magnitudeAt(s, num.end);
  const unit = s.slice(mag.end);
  if (!isUnitLike(unit) || looksLikeYear(num.value, unit)) return null;
  return { quantity: quantity(value, mag.magnitude, unit), decimals: num.decimals, head };
}

const CN_RUN = new RegExp(`[${CN_NUMERAL_CHARS}]+`, 'u');

function chineseQuantity(s: string, allowHead: boolean): WholeQuantity | null {
  const m = CN_RUN.exec(s);
  if (!m) return null;
  const head = s.slice(0, m.index);
  if (head !== '' && !allowHead) return null;
  const n = chineseNumeral(m[0]);
  if (n === null) return null;
  const mag = magnitudeAt(s, m.index + m[0].length);
  const unit = s.slice(mag.end);
  if (!COUNTERS.includes(unit.endsWith('内') ? unit.slice(0, -1) : unit)) return null;
  return { quantity: quantity(new D(n), mag.magnitude, unit), decimals: 0, head };
}

export interface Comparator {
  /** as the lexer reads it (NFKC-folded) */
  readonly text: string;
  readonly kind: ComparatorKind;
  /** yields to a suffix: `达到90%以上` is decided by 以上, `=90%以上` too */
  readonly weak: boolean;
  /** a sign, not a word (`≥`, `＞＝`) */
  readonly symbol: boolean;
}

/** The {@link SIGN_TABLE} rows at `place`, folded as the parser reads text, one per folded text, longest first. */
function comparators(place: SignPlace): Comparator[] {
  const byText = new Map<string, Comparator>();
  for (const e of SIGN_TABLE) {
    if (e.place !== place) continue;
    const text = foldedSign(e.text);
    if (!byText.has(text)) byText.set(text, { text, kind: e.kind, weak: e.weak, symbol: e.symbol });
  }
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
}

/** Comparators written before the number, longest first. */
export const PREFIX_COMPARATORS: readonly Comparator[] = comparators('prefix');

/** Comparators written after the number and unit, longest first. */
export const SUFFIX_COMPARATORS: readonly Comparator[] = comparators('suffix');

/** The comparator that ends `head`, the text before a number (`>=`, `不低于`, `达到`), or null. */
export function prefixAtEnd(head: string): Comparator | null {
  return PREFIX_COMPARATORS.find((c) => head.endsWith(c.text)) ?? null;
}

/** The comparator that ends a target text, after its number and unit (`65场以上`, `3个工作日以内`), or null. */
export function suffixAtEnd(rest: string): Comparator | null {
  return SUFFIX_COMPARATORS.find((c) => rest.endsWith(c.text)) ?? null;
}
