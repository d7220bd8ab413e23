import { amount, divided, eachCell, gap, pct, plain, ratePct, ratioPct, text } from './format';
import type { FindingParams, UncomputableReason, WeightOf } from '../findings';
import type { MessageTable } from './types';
import { declarationEn } from './declaration';

/** ends every drafted note; a note still holding it is a draft, not a reason */
const PLACEHOLDER = '(to be completed)';

const who = (p: { readonly name?: string }) => (p.name ? `"${p.name}": ` : '');
const KIND: Record<string, string> = {
  atLeast: 'positive indicator', moreThan: 'positive indicator', atMost: 'reverse indicator', lessThan: 'reverse indicator',
  equal: 'exact-value indicator', range: 'range indicator', rank: 'rank indicator', qualitative: 'qualitative indicator',
};
const RATIO: Record<string, string> = { atLeast: 'completion', moreThan: 'completion', equal: 'completion' };
const MAGNITUDE: Record<string, string> = { '10000': '万', '100000000': '亿' };
const st = (p: { readonly statedText?: string | null; readonly stated?: string | null }) => (p.statedText ? p.statedText : plain(p.stated));

function mismatch(p: Readonly<FindingParams['SCORE_MISMATCH']>): string {
  const head = `${who(p)}score ${st(p)} does not match the computed ${plain(p.computed)}: `;
  if (p.funds) return `${head}execution rate ${pct(p.rate, 4)}, weight ${plain(p.weight)}; the rules give ${plain(p.computed)} (weight × rate, a rate above 100% counts as 100%).`;
  const kind = text(p.kind);
  const actual = text(p.actual) || '—';
  const target = text(p.target) || '—';
  if (p.status === 'achieved') {
    return `${head}actual ${actual} meets the target ${target} (${KIND[kind] ?? ''}); the rules give the full ${plain(p.computed)}.`;
  }
  const ratio = p.ratio ? `, ${RATIO[kind] ?? 'share of the weight'} ${pct(p.ratio, 4)}` : '';
  return `${head}actual ${actual}, target ${target} (${KIND[kind] ?? ''}, ${STATUS[text(p.status)] ?? ''})${ratio}, weight ${plain(p.weight)}; the rules give ${plain(p.computed)}.`;
}

function band(p: Readonly<FindingParams['SCORE_OUT_OF_BAND']>): string {
  const low = plain(p.low);
  const high = plain(p.high);
  if (p.highInclusive) return `between ${low} and ${high}`;
  if (Number(p.low) === 0) return `below ${high}`;
  return `at least ${low} and below ${high}`;
}

function scaleGuess(p: Readonly<FindingParams['SCALE_GUESSED']>): string {
  const actual = `${who(p)}actual "${text(p.actual)}" has no unit`;
  const unit = text(p.unit);
  const mag = text(p.magnitude);
  if (mag === '100') return `${actual}; read as a fraction, ${plain(p.value)}% (target ${text(p.target)}). Please verify.`;
  const m = MAGNITUDE[mag];
  if (m) return `${actual}; read at the scale of the target "${text(p.target)}" as ${plain(divided(p.value, mag))}${m}${unit} (${plain(p.value)}${unit}). Please verify.`;
  const tm = MAGNITUDE[text(p.targetMagnitude)];
  if (tm) return `${actual}; read as ${plain(p.value)}${unit}, not ${plain(p.value)}${tm}${unit} (target ${text(p.target)}). Please verify.`;
  return `${actual}; read as ${plain(p.value)}${unit} (target ${text(p.target)}). Please verify.`;
}
const STATUS: Record<string, string> = { achieved: 'achieved', partial: 'partly achieved', notAchieved: 'not achieved', undetermined: 'undetermined' };
const WHAT: Record<string, string> = { weight: 'weight', score: 'score', funds: 'funds' };
const WEIGHT_OF: Partial<Record<WeightOf, string>> = { funds: 'funds ', total: 'total ' };

function weightProblem(p: Readonly<FindingParams['WEIGHT_INVALID']>): string {
  if (p.reason === 'notFinite') return `"${text(p.value)}" is not a finite number`;
  if (p.reason === 'negative') return `${text(p.value)} is negative; a weight cannot be below 0`;
  return `${text(p.value)} is above ${plain(p.limit)}`;
}

function fundsBreakdown(p: Readonly<FindingParams['FUNDS_BREAKDOWN']>): string {
  const one = (q: Readonly<FindingParams['FUNDS_BREAKDOWN']>, cell = '') =>
    `the sub-rows${q.column ? ` of ${text(q.column)}` : ''}${cell && ` (${cell})`} sum to ${amount(q.sum)} (${String(q.parts ?? '').split('+').map((x) => amount(x)).join(' + ')}) ≠ annual total ${amount(q.total)} (${gap(q.difference, 'more', 'less', true)})`;
  const cells = eachCell(p);
  return `Funds breakdown does not add up: ${cells ? cells.map((c) => one(c, c.cell)).join('; ') : one(p)}. Check the sources of funds.`;
}

function breakdownSum(p: Readonly<FindingParams['BREAKDOWN_SUM']>): string {
  const one = (q: Readonly<FindingParams['BREAKDOWN_SUM']>, first: boolean, cell = '') =>
    `${first ? `the ${plain(p.parts)} breakdown rows'` : 'their'} ${q.what === 'actual' ? 'actuals' : 'targets'} add up to ${plain(q.sum)}${text(q.unit)}, not the row's ${plain(q.parent)}${text(q.unit)}${cell && ` (${cell})`}`;
  const cells = eachCell(p);
  return `${who(p)}${cells ? cells.map((c, i) => one(c, i === 0, c.cell)).join('; ') : one(p, true)}. Check them (breakdown rows are not scored).`;
}

function unreadable(p: Readonly<FindingParams['CELL_UNREADABLE']>): string {
  const cells = eachCell(p);
  if (!cells) return `${who(p)}the ${WHAT[text(p.what)] ?? ''} cell holds "${text(p.value)}", which is not a number. Enter a number.`;
  return `${who(p)}${cells.map((c) => `the ${WHAT[text(c.what)] ?? ''} cell ${c.cell} holds "${text(c.value)}"`).join(', ')}; none of them is a number. Enter numbers.`;
}

const UNCOMPUTABLE: Record<UncomputableReason, (p: Readonly<FindingParams['FUNDS_SCORE_UNCOMPUTABLE']>) => string> = {
  budgetZero: () => 'the annual budget is 0, so no execution rate can be computed',
  budgetNegative: (p) => `the annual budget ${amount(p.budget)} is negative, so no execution rate can be computed`,
  budgetMissing: () => 'the annual budget is empty, so no execution rate can be computed',
  budgetUnreadable: () => 'the annual budget is not a number, so no execution rate can be computed',
  executedMissing: () => 'the amount executed is empty, so no execution rate can be computed',
  executedUnreadable: () => 'the amount executed is not a number, so no execution rate can be computed',
  weightMissing: () => 'the funds weight is empty, so no score can be computed',
  weightUnreadable: () => 'the funds weight is not a number, so no score can be computed',
  weightInvalid: () => 'the funds weight cannot be a weight, so no score can be computed',
};
const UNCOMPUTABLE_CELL: Record<string, string> = { budget: 'annual budget', executed: 'amount executed', weight: 'funds weight' };

function uncomputable(p: Readonly<FindingParams['FUNDS_SCORE_UNCOMPUTABLE']>): string {
  const reason = UNCOMPUTABLE[p.reason]?.(p) ?? 'the funds score cannot be computed';
  const field = UNCOMPUTABLE_CELL[/^[a-z]+/.exec(text(p.reason))?.[0] ?? ''] ?? 'funds figures';
  const head = p.stated === null || p.stated === undefined ? 'Funds score cannot be computed or filled' : `Funds score ${st(p)} not checked`;
  return `${head}: ${reason}. Check the ${field}${p.at ? ` (${text(p.at)})` : ''}.`;
}

export const enUS: MessageTable = {
  NO_FORM: (p) => `No performance self-evaluation form found on sheet "${text(p.sheet)}". It needs headers such as 年度指标值 (Annual target), 实际完成值 (Actual value), 分值 (Weight) and 得分 (Score).`,
  HEADER_MISSING: (p) => `The indicator table lacks the column(s): ${text(p.labels)}. Add the header (synonyms such as 全年实际值 or 权重 work).`,
  SCORE_MISMATCH: (p) => mismatch(p),
  SCORE_OVER_WEIGHT: (p) =>
    p.weight === null || p.weight === undefined
      ? `${who(p)}score ${st(p)} is negative; a score cannot be below 0. Correct it.`
      : `${who(p)}score ${st(p)} is outside 0–${plain(p.weight)}. Correct the score or the weight.`,
  SCORE_MISSING: (p) =>
    p.formula
      ? `${who(p)}the score cell holds a formula (${text(p.formula)}) with no computed result${p.computed ? `; the rules give ${plain(p.computed)}` : ''}. Recalculate and save in Excel; formula cells are never filled.`
      : p.computable
        ? `${who(p)}score is empty${p.computed ? `; the rules give ${plain(p.computed)} (Fill scores can write it)` : '; Fill scores can compute it'}.`
        : `${who(p)}score is empty and needs a person's judgement (${STATUS[text(p.status)] ?? 'undetermined'}).`,
  SCORE_OUT_OF_BAND: (p) =>
    `${who(p)}qualitative indicator judged "${STATUS[text(p.status)] ?? ''}": its score should be ${band(p)}, the sheet has ${st(p)}. Check the judgement or the score.`,
  WEIGHT_SUM: (p) => `Weights add up to ${plain(p.sum)} (funds ${plain(p.funds)} + indicators ${plain(p.indicators)}), not the total weight ${plain(p.expected)}. Check the weights.`,
  WEIGHT_INVALID: (p) => `${who(p)}the ${WEIGHT_OF[p.what] ?? ''}weight ${weightProblem(p)}. Correct the weight; no score is computed or filled from it.`,
  TOTAL_MISMATCH: (p) => `Total score ${st(p)} is not the sum of the funds score and the indicator scores, ${plain(p.computed)}. Check the total.`,
  RATE_MISMATCH: (p) =>
    `Execution rate ${pct(p.stated, p.places)} does not match the computed ${ratePct(p)} (executed ${amount(p.executed)} ÷ budget ${amount(p.budget)}). Correct the rate.`,
  RATE_ROUNDING: (p) =>
    p.way === 'down'
      ? `Execution rate ${pct(p.stated, p.places)} is truncated (extra decimals cut off); rounded half up it is ${pct(p.halfUp, p.places)}. The score is not affected.`
      : `Execution rate ${pct(p.stated, p.places)} is rounded up; rounded half up it is ${pct(p.halfUp, p.places)}. The score is not affected.`,
  FUNDS_BREAKDOWN: (p) => fundsBreakdown(p),
  FUNDS_SCORE_UNCOMPUTABLE: (p) => uncomputable(p),
  OVER_EXECUTION: (p) => `Executed ${amount(p.executed)} exceeds the annual budget ${amount(p.budget)}; please verify.`,
  GOAL_MISSING: () => 'The overall goal\'s 实际完成情况 (actual completion) is empty.',
  NOTE_MISSING: (p) =>
    p.draft
      ? `${who(p)}the deviation note is still a draft: replace "${PLACEHOLDER}" with the actual reason and improvement.`
      : p.reason === 'overachieved'
      ? `${who(p)}far exceeds its target with no reason given: explain it under Deviation analysis and improvement.`
      : `${who(p)}target not met (${p.score === null || p.score === undefined ? `judged "${STATUS[text(p.status)] ?? ''}"` : `score ${plain(p.score)}`} of ${plain(p.weight)}) and the Deviation analysis and improvement is empty: give the reason and the improvement.`,
  OVERACHIEVED: (p) =>
    `${who(p)}actual ${text(p.actual)} is ${pct(p.ratio, 4)} of the target ${text(p.target)} (≥ ${ratioPct(p.threshold)}, far above)${p.hasNote ? '; a reason is given' : '; a reason is required'}.`,
  TARGET_MALFORMED: (p) => `${who(p)}target "${text(p.target)}" looks numeric but has lost its number; treated as qualitative. Please correct it.`,
  VALUE_UNPARSED: (p) =>
    p.reason === 'empty'
      ? `${who(p)}the actual value is empty; no score can be computed. Enter the actual value.`
      : `${who(p)}actual value "${text(p.actual)}" is not a readable number (target ${text(p.target)}); no score can be computed. Enter the exact value, or score it by hand.`,
  UNIT_MISMATCH: (p) => `${who(p)}actual "${text(p.actual)}" and target "${text(p.target)}" use units that cannot be converted. Use the same unit, or score it by hand.`,
  QUALITATIVE_REVIEW: (p) =>
    p.review === 'reverseExceeded'
      ? `${who(p)}reverse indicator: actual ${text(p.actual)} exceeds the target ${text(p.target)}; review it.`
      : p.review === 'equalDiffers'
        ? `${who(p)}actual ${text(p.actual)} differs from the target ${text(p.target)}; review it.`
        : `${who(p)}"${text(p.actual)}" cannot be judged automatically; review the score${p.stated ? ` (sheet: ${plain(p.stated)})` : ''}.`,
  VALUE_FROM_TEXT: (p) => `${who(p)}took the number ${text(p.used)} from "${text(p.actual)}".`,
  WEIGHT_SPLIT: (p) =>
    p.stated
      ? `The rows under level-1 indicator "${text(p.level1)}" weigh ${plain(p.weight)} in all, not the stated ${plain(p.expected)}. Check the weights.`
      : `Level-1 indicator "${text(p.level1)}" weighs ${plain(p.weight)} in all; usually ${plain(p.expected)}.`,
  SCALE_GUESSED: (p) => scaleGuess(p),
  BREAKDOWN_SUM: (p) => breakdownSum(p),
  CELL_UNREADABLE: (p) => unreadable(p),
  TEXT_TRUNCATED: (p) =>
    `${who(p)}the drafted deviation note has ${plain(p.length)} characters, above Excel's limit of ${plain(p.limit)} per cell; it was cut to end in "…". Check and complete it.`,
  ...declarationEn,
};

export const enUSNote = {
  placeholder: PLACEHOLDER,
  below: (p: { actual: string; target: string; rate: string | null; deduct: string | null }) =>
    `Actual ${p.actual} (target ${p.target})${p.rate ? `, ${p.rate} achieved` : ''}${p.deduct ? `, ${p.deduct} points deducted` : ', target not met'}. Reason: ${PLACEHOLDER}`,
  over: (p: { actual: string; target: string; rate: string | null }) =>
    `Actual ${p.actual} (target ${p.target})${p.rate ? `, ${p.rate} of target` : ''}, far above the target. Reason: ${PLACEHOLDER}`,
};
