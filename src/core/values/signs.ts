import type { ComparatorKind } from './types';

/** Where a comparator is written: before the number (`≥95%`) or after the number and unit (`95%以上`). */
export type SignPlace = 'prefix' | 'suffix';

/** One written form of a comparator, as a person or an export writes it. */
export interface SignEntry {
  /** as written on the sheet (before NFKC) */
  readonly text: string;
  readonly kind: ComparatorKind;
  readonly place: SignPlace;
  /** yields to a suffix: `达到90%以上` is decided by 以上, `=90%以上` too */
  readonly weak: boolean;
  /** a sign (not a word): alone before nothing measurable it makes a target malformed (`>=%`) */
  readonly symbol: boolean;
  /** what the form is, for the docs */
  readonly note: string;
}

type Row = readonly [text: string, note: string];

function rows(kind: ComparatorKind, place: SignPlace, weak: boolean, symbol: boolean, list: readonly Row[]): SignEntry[] {
  return list.map(([text, note]) => ({ text, kind, place, weak, symbol, note }));
}

/**
 * Every written form of = ≥ ≤ > < that a target may use (SPEC §3, issue 9): ASCII, full-width, small forms,
 * box-drawing and mathematical variants, and the words. The lexer, the malformed-target check and the README's
 * table all read this one list; a new look-alike is one more row here.
 */
export const SIGN_TABLE: readonly SignEntry[] = [
  ...rows('atLeast', 'prefix', false, true, [
    ['>=', 'ASCII'], ['=>', 'ASCII, reversed'], ['≥', 'mathematical'], ['≧', 'doubled line'], ['⩾', 'slanted'],
    ['≮', 'not less than'], ['＞＝', 'full-width'], ['﹥﹦', 'small forms'], ['>═', 'box-drawing equals'],
  ]),
  ...rows('atLeast', 'prefix', false, false, [
    ['大于或等于', 'word'], ['大于等于', 'word'], ['不低于', 'word'], ['不少于', 'word'], ['不小于', 'word'],
    ['至少', 'word'], ['最少', 'word'], ['最低', 'word'],
  ]),
  ...rows('atLeast', 'prefix', true, false, [['达到', 'word'], ['完成', 'word'], ['实现', 'word']]),
  ...rows('moreThan', 'prefix', false, true, [['>', 'ASCII'], ['＞', 'full-width'], ['﹥', 'small form']]),
  ...rows('moreThan', 'prefix', false, false, [['超过', 'word'], ['高于', 'word'], ['多于', 'word'], ['大于', 'word']]),
  ...rows('atMost', 'prefix', false, true, [
    ['<=', 'ASCII'], ['=<', 'ASCII, reversed'], ['≤', 'mathematical'], ['≦', 'doubled line'], ['⩽', 'slanted'],
    ['≯', 'not more than'], ['＜＝', 'full-width'], ['﹤﹦', 'small forms'], ['<═', 'box-drawing equals'],
  ]),
  ...rows('atMost', 'prefix', false, false, [
    ['小于或等于', 'word'], ['小于等于', 'word'], ['不高于', 'word'], ['不超过', 'word'], ['不多于', 'word'],
    ['不大于', 'word'], ['至多', 'word'], ['最多', 'word'], ['最高', 'word'],
  ]),
  ...rows('atMost', 'prefix', true, false, [['控制在', 'word']]),
  ...rows('lessThan', 'prefix', false, true, [['<', 'ASCII'], ['＜', 'full-width'], ['﹤', 'small form']]),
  ...rows('lessThan', 'prefix', false, false, [['小于', 'word'], ['低于', 'word'], ['少于', 'word'], ['不足', 'word']]),
  ...rows('equal', 'prefix', true, true, [
    ['=', 'ASCII'], ['==', 'ASCII, doubled'], ['＝', 'full-width'], ['﹦', 'small form'], ['═', 'box-drawing'],
    ['⩵', 'mathematical, doubled'],
  ]),
  ...rows('equal', 'prefix', true, false, [['等于', 'word'], ['为', 'word']]),
  ...rows('atLeast', 'suffix', false, false, [['及以上', 'word'], ['或以上', 'word'], ['以上', 'word']]),
  ...rows('atMost', 'suffix', false, false, [['及以下', 'word'], ['或以下', 'word'], ['以下', 'word'], ['以内', 'word'], ['之内', 'word']]),
  ...rows('equal', 'suffix', true, false, [['左右', 'word']]),
];

/** The separators of a range (`90%-95%`, `90%～95%`, `90%至95%`), as written. */
export const RANGE_SEPARATORS: readonly Row[] = [
  ['-', 'ASCII hyphen'], ['－', 'full-width hyphen'], ['﹣', 'small hyphen'], ['~', 'ASCII tilde'], ['～', 'full-width tilde'],
  ['〜', 'wave dash'], ['—', 'em dash'], ['–', 'en dash'], ['至', 'word'], ['到', 'word'],
];

/** The form the lexer reads: NFKC, as {@link parseableText} folds the cell text before parsing. */
export function foldedSign(text: string): string {
  return text.normalize('NFKC');
}

/** Range separators after NFKC, deduplicated, longest first. */
export const RANGE_SEPARATOR_TEXTS: readonly string[] = [...new Set(RANGE_SEPARATORS.map(([t]) => foldedSign(t)))]
  .sort((a, b) => b.length - a.length);

const KIND_SIGN: Readonly<Record<ComparatorKind, string>> = {
  atLeast: '≥', moreThan: '>', atMost: '≤', lessThan: '<', equal: '=',
};

/**
 * The Markdown table of {@link SIGN_TABLE} and {@link RANGE_SEPARATORS} that `src/core/values/README.md` holds
 * between its `signs` markers (a test keeps the two in sync).
 */
export function signTableMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const code = (s: string) => `\`${esc(s)}\``;
  const lines = ['| written | reads as | where | yields to a suffix | form |', '| --- | --- | --- | --- | --- |'];
  for (const e of SIGN_TABLE) {
    lines.push(`| ${code(e.text)} | ${KIND_SIGN[e.kind]} | ${e.place === 'prefix' ? 'before' : 'after'} | ${e.weak ? 'yes' : 'no'} | ${e.note} |`);
  }
  lines.push('', '| range separator | form |', '| --- | --- |');
  for (const [t, note] of RANGE_SEPARATORS) lines.push(`| ${code(t)} | ${note} |`);
  return lines.join('\n');
}
