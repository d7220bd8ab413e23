import { amount, pct, plain, ratioPct, text } from './format';
import type { MessageTable } from './types';

const who = (p: Record<string, unknown>) => (p.name ? `"${text(p.name as string)}": ` : '');
const KIND: Record<string, string> = {
  atLeast: 'at least the target', moreThan: 'above the target', atMost: 'at most the target', lessThan: 'below the target',
  equal: 'equal to the target', range: 'within the range', rank: 'rank within the target', qualitative: 'qualitative',
};
const STATUS: Record<string, string> = { achieved: 'achieved', partial: 'partly achieved', notAchieved: 'not achieved', undetermined: 'undetermined' };
const WHAT: Record<string, string> = { weight: 'weight', score: 'score', funds: 'funds' };

export const enUS: MessageTable = {
  NO_FORM: (p) => `No performance self-evaluation form found on sheet "${text(p.sheet)}". It needs headers such as 年度指标值 (Annual target), 实际完成值 (Actual value), 分值 (Weight) and 得分 (Score).`,
  HEADER_MISSING: (p) => `The indicator table lacks the column(s): ${text(p.labels)}. Add the header (synonyms such as 全年实际值 or 权重 work).`,
  SCORE_MISMATCH: (p) =>
    `${who(p)}score ${plain(p.stated)} does not match the computed ${plain(p.computed)}: actual ${text(p.actual) || '—'}, target ${text(p.target) || '—'} (${KIND[text(p.kind)] ?? ''}, ${STATUS[text(p.status)] ?? ''}), weight ${plain(p.weight)}; the rules give ${plain(p.computed)}.`,
  SCORE_OVER_WEIGHT: (p) => `${who(p)}score ${plain(p.stated)} is outside 0–${plain(p.weight)}.`,
  SCORE_MISSING: (p) =>
    p.computable
      ? `${who(p)}score is empty${p.computed ? `; the rules give ${plain(p.computed)} (Fill scores can write it)` : '; Fill scores can compute it'}.`
      : `${who(p)}score is empty and needs a person's judgement (${STATUS[text(p.status)] ?? 'undetermined'}).`,
  SCORE_OUT_OF_BAND: (p) =>
    `${who(p)}qualitative indicator judged "${STATUS[text(p.status)] ?? ''}": its score should lie in ${plain(p.low)}–${plain(p.high)}, the sheet has ${plain(p.stated)}.`,
  WEIGHT_SUM: (p) => `Weights add up to ${plain(p.sum)} (funds ${plain(p.funds)} + indicators ${plain(p.indicators)}), not the total weight ${plain(p.expected)}.`,
  TOTAL_MISMATCH: (p) => `Total score ${plain(p.stated)} is not the sum of the scores, ${plain(p.computed)}.`,
  RATE_MISMATCH: (p) =>
    `Execution rate ${pct(p.stated, p.places)} does not match the computed ${pct(p.computed, p.places)} (executed ${amount(p.executed)} ÷ budget ${amount(p.budget)}).`,
  RATE_ROUNDING: (p) =>
    `Execution rate ${pct(p.stated, p.places)} is rounded up; rounded half up it is ${pct(p.halfUp, p.places)}. The score is not affected.`,
  FUNDS_BREAKDOWN: (p) =>
    `Funds breakdown does not add up: the sub-rows of ${text(p.column)} sum to ${amount(p.sum)} (${String(p.parts ?? '').split('+').map((x) => amount(x)).join(' + ')}) ≠ annual total ${amount(p.total)}.`,
  OVER_EXECUTION: (p) => `Executed ${amount(p.executed)} exceeds the annual budget ${amount(p.budget)}; please verify.`,
  GOAL_MISSING: () => 'The overall goal\'s 实际完成情况 (actual completion) is empty.',
  NOTE_MISSING: (p) =>
    p.reason === 'overachieved'
      ? `${who(p)}far exceeds its target with no reason given: explain it under Deviation analysis and improvement.`
      : `${who(p)}score ${plain(p.score)} is below its weight ${plain(p.weight)} and the Deviation analysis and improvement is empty.`,
  OVERACHIEVED: (p) =>
    `${who(p)}actual ${text(p.actual)} is ${pct(p.ratio, 4)} of the target ${text(p.target)}, above ${ratioPct(p.threshold)}${p.hasNote ? '; a reason is given' : '; a reason is required'}.`,
  TARGET_MALFORMED: (p) => `${who(p)}target "${text(p.target)}" looks numeric but has lost its number; treated as qualitative. Please correct it.`,
  VALUE_UNPARSED: (p) =>
    p.reason === 'empty'
      ? `${who(p)}the actual value is empty; no score can be computed.`
      : `${who(p)}actual value "${text(p.actual)}" is not a readable number (target ${text(p.target)}); no score can be computed.`,
  UNIT_MISMATCH: (p) => `${who(p)}actual "${text(p.actual)}" and target "${text(p.target)}" use units that cannot be converted.`,
  QUALITATIVE_REVIEW: (p) =>
    p.review === 'reverseExceeded'
      ? `${who(p)}reverse indicator: actual ${text(p.actual)} exceeds the target ${text(p.target)}; review it.`
      : p.review === 'equalDiffers'
        ? `${who(p)}actual ${text(p.actual)} differs from the target ${text(p.target)}; review it.`
        : `${who(p)}"${text(p.actual)}" cannot be judged automatically; review the score${p.stated ? ` (sheet: ${plain(p.stated)})` : ''}.`,
  VALUE_FROM_TEXT: (p) => `${who(p)}took the number ${text(p.used)} from "${text(p.actual)}".`,
  WEIGHT_SPLIT: (p) => `Level-1 indicator "${text(p.level1)}" weighs ${plain(p.weight)} in all; usually ${plain(p.expected)}.`,
  SCALE_GUESSED: (p) => `${who(p)}actual "${text(p.actual)}" has no unit; read at the target's scale as ${plain(p.value)}${text(p.unit)}. Please verify.`,
  CELL_UNREADABLE: (p) => `${who(p)}the ${WHAT[text(p.what)] ?? ''} cell holds "${text(p.value)}", which is not a number.`,
};

export const enUSNote = {
  below: (p: { actual: string; target: string; rate: string | null; deduct: string }) =>
    `Actual ${p.actual} (target ${p.target})${p.rate ? `, ${p.rate} achieved` : ''}, ${p.deduct} points deducted. Reason: (to be completed)`,
  over: (p: { actual: string; target: string; rate: string | null }) =>
    `Actual ${p.actual} (target ${p.target})${p.rate ? `, ${p.rate} of target` : ''}, far above the target. Reason: (to be completed)`,
};
