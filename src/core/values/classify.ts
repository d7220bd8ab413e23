import { parseableText, trimTrailingPunct } from './text';
import type { QualitativeClass } from './types';

/** SPEC §3 vocabulary, kept as data. */
export const ACHIEVED_WORDS: readonly string[] = [
  '达成', '已达成', '达到', '完成', '已完成', '有效', '及时', '满足', '满意', '有利', '形成', '提升', '推动', '节约',
  '显著', '良好', '合格', '达标', '按时', '按期', '如期', '准时',
];
export const PARTIAL_WORDS: readonly string[] = ['部分达成', '基本达成', '基本完成', '部分完成', '基本满意', '较好'];
export const NOT_ACHIEVED_WORDS: readonly string[] = ['未达成', '未完成', '无效', '不及时', '不满意', '不合格'];

/** Answers that count only as the whole cell: `是` inside 但是/是否 and `否` inside 是否 are not answers. */
export const WHOLE_ANSWERS: Readonly<Record<string, QualitativeClass>> = {
  是: 'achieved', 是的: 'achieved', 否: 'notAchieved',
};

/** Written right before an achieved word, these make it not achieved (`未达到`, `没有完成`, `不显著`). */
export const NEGATIONS: readonly string[] = ['没有', '尚未', '未能', '不能', '没能', '未', '不', '没', '无', '有待', '尚待'];
/** Written right before an achieved word, these make it partial (`基本达到`, `部分满足`). */
export const PARTIAL_MODIFIERS: readonly string[] = ['基本上', '大部分', '基本', '部分', '大体'];
/** May stand between a negation or modifier and its word: `未按时完成`, `基本按期完成`. */
export const ADVERBS: readonly string[] = ['按时', '按期', '如期', '全部', '完全', '全面', '能够', '能', '得到', '得', '及时'];
/** Words ending in a negation character that do not negate the word after them: `无不满意` is all satisfied. */
export const NOT_NEGATIONS: readonly string[] = ['无不', '莫不', '不得不'];
/** After an achieved word these make it a noun (`满意度`, `完成率`, `合格率`), not an answer. */
export const NOUN_SUFFIXES: readonly string[] = ['度', '率', '值', '情况'];

interface Word {
  readonly text: string;
  readonly cls: 'achieved' | 'partial' | 'notAchieved';
}

const WORDS: readonly Word[] = [
  ...ACHIEVED_WORDS.map((text) => ({ text, cls: 'achieved' as const })),
  ...PARTIAL_WORDS.map((text) => ({ text, cls: 'partial' as const })),
  ...NOT_ACHIEVED_WORDS.map((text) => ({ text, cls: 'notAchieved' as const })),
].sort((a, b) => b.text.length - a.text.length);

function endsWithAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.endsWith(w));
}

/** What stands before position `i` once adverbs are skipped: a negation, a partial modifier, or nothing. */
function modifierBefore(s: string, i: number): 'negation' | 'partial' | null {
  let before = s.slice(0, i);
  for (let guard = 0; guard < 3; guard++) {
    if (endsWithAny(before, PARTIAL_MODIFIERS)) return 'partial';
    const neg = endsWithAny(before, NEGATIONS);
    if (neg) {
      return NOT_NEGATIONS.some((w) => before.endsWith(w)) ? null : 'negation';
    }
    const adv = endsWithAny(before, ADVERBS);
    if (!adv) return null;
    before = before.slice(0, before.length - adv.length);
  }
  return null;
}

/**
 * The class of a qualitative actual (SPEC §3): achieved, partial or not achieved by vocabulary, longest word
 * first; a negation right before an achieved word makes it not achieved, 基本/部分 makes it partial; `是`/`否`
 * count only as the whole answer; a word followed by 度/率 is a noun (`满意度`). Several classes in one text give
 * partial (some done, some not). No vocabulary word → undetermined.
 */
export function classifyQualitative(text: string): QualitativeClass {
  const s = trimTrailingPunct(parseableText(text));
  const whole = WHOLE_ANSWERS[s];
  if (whole) return whole;
  const seen = new Set<Word['cls']>();
  let i = 0;
  let prevNegatedEnd = -1;
  while (i < s.length) {
    const w = WORDS.find((x) => s.startsWith(x.text, i));
    if (!w) {
      i++;
      continue;
    }
    if (w.cls === 'notAchieved' && NOT_NEGATIONS.some((n) => s.slice(0, i + 1).endsWith(n))) {
      i++;
      continue;
    }
    const end = i + w.text.length;
    if (NOUN_SUFFIXES.some((n) => s.startsWith(n, end))) {
      i = end;
      continue;
    }
    let cls = w.cls;
    if (cls === 'achieved') {
      // a negation reaches over adjacent words: `无显著提升`, `未有效推动`
      const mod = prevNegatedEnd === i ? 'negation' : modifierBefore(s, i);
      if (mod === 'negation') cls = 'notAchieved';
      else if (mod === 'partial') cls = 'partial';
    }
    if (cls === 'notAchieved') prevNegatedEnd = end;
    seen.add(cls);
    i = end;
  }
  if (seen.size === 0) return 'undetermined';
  if (seen.size === 1) return [...seen][0];
  return 'partial';
}
