import { memoByText } from '../memo';

/** NFKC fold (full-width digits, letters and punctuation become ASCII) and remove all white space. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+|\u200b|\u200c|\u200d/gu, '');
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text a parser reads: HTML tags left over from a web export removed (a tag needs a letter after `<`, so
 * `<0.002%` and `<=15分钟` survive), the common entities decoded, then {@link normalizeText}.
 */
export const parseableText: (s: string) => string = memoByText((s) => {
  const noTags = s
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/&(nbsp|lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e])
    .replace(/&#(\d{1,6});/g, (_, n: string) => String.fromCodePoint(Number(n)));
  return normalizeText(noTags);
});

const TRAILING_PUNCT = /[。；;，,.！!、:：]+$/u;

/** Drops the sentence punctuation people leave at the end of a cell (`满意；`). */
export function trimTrailingPunct(s: string): string {
  return s.replace(TRAILING_PUNCT, '');
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Reads a small Chinese numeral (`三`, `十二`, `二十`, `一百零五`, `两`); null when it is not one. */
export function chineseNumeral(s: string): number | null {
  if (s === '' || ![...s].every((c) => c in CN_DIGITS || c in CN_UNITS)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (digit !== null && digit !== 0 && CN_DIGITS[c] !== 0) return null; // 三四: not a numeral
      digit = CN_DIGITS[c];
    } else {
      const u = CN_UNITS[c];
      if (u >= lastUnit) return null;
      total += (digit ?? (total === 0 ? 1 : NaN)) * u;
      if (Number.isNaN(total)) return null;
      digit = null;
      lastUnit = u;
    }
  }
  if (digit !== null) total += digit;
  return total;
}
