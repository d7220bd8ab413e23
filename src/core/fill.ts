import { eq, gt, HUNDRED, lt, ZERO, decString, roundHalfUp, type Dec } from './decimal';
import { finding, type Finding, type FindingCode, type FindingOf } from './findings';
import { isPlaceholder, weighs, type CellRef, type EvaluatedForm, type EvaluatedIndicator, type NumberRead } from './form';
import type { FillCell, FillPlan, FillReason, Lang } from './model';
import { EXCEL_LIMITS, excelCellNumber, fitCellText } from './limits';
import { NOTE_TEMPLATES } from './messages';
import { pct, score2 } from './messages/format';

function isBlank(c: CellRef): boolean {
  return c.formula === null && isPlaceholder(c.value);
}

/** A number to write; null when Excel cannot hold it (beyond its range, from an absurd amount). */
function numberCell(sheet: string, c: CellRef, v: Dec, reason: FillReason, numberFormat: string | null = null): FillCell | null {
  // the cell takes an IEEE double at 15 significant digits, as Excel stores every number; `exact` keeps the decimal
  const value = excelCellNumber(v);
  if (value === null) return null;
  return { sheet, cell: c.a1, row: c.row, col: c.col, current: c.value, value, exact: decString(v), numberFormat, reason };
}

/** The codes the fill plan may raise: a drafted note cut to what a cell holds. */
export const FILL_CODES = ['TEXT_TRUNCATED'] as const satisfies readonly FindingCode[];

/** What the fill of one form writes, and what it has to say about it. */
export interface FormFill {
  readonly cells: FillCell[];
  readonly findings: FindingOf<(typeof FILL_CODES)[number]>[];
}

function draftNote(i: EvaluatedIndicator, reason: 'below' | 'overachieved', lang: Lang): FittedNote {
  const t = NOTE_TEMPLATES[lang];
  const target = i.targetText || '—';
  const actual = i.actualText || '—';
  const ratio = i.outcome.ratio;
  const rate = ratio && i.target.kind !== 'qualitative' ? pct(decString(ratio), 4) : null;
  if (reason === 'overachieved') return fitNote((a, b) => t.over({ actual: a, target: b, rate }), actual, target);
  const w = i.weight?.value ?? ZERO;
  // no score yet (a qualitative indicator the person still has to score): no deduction to state
  const s = i.computed ?? i.stated?.value ?? null;
  const deduct = s === null ? null : score2(decString(roundHalfUp(w.minus(s), 2)));
  return fitNote((a, b) => t.below({ actual: a, target: b, rate, deduct }), actual, target);
}

/**
 * A note from its template within what a cell holds: the quoted actual and target are cut (each ending in `…`) so
 * that the template's own words, and the placeholder that marks the note a draft, stay whole.
 */
function fitNote(note: (actual: string, target: string) => string, actual: string, target: string): FittedNote {
  const full = note(actual, target);
  const limit = EXCEL_LIMITS.cellText;
  if (full.length <= limit) return { text: full, cut: null };
  const room = Math.max(2, limit - (full.length - actual.length - target.length));
  // the shorter text keeps what it can of its half; the longer one takes the rest
  const short = Math.min(actual.length, target.length, Math.floor(room / 2));
  const long = room - short;
  const [a, b] = actual.length <= target.length ? [fitCellText(actual, short), fitCellText(target, long)] : [fitCellText(actual, long), fitCellText(target, short)];
  return { text: fitCellText(note(a, b), limit), cut: full.length };
}

/** A drafted note as written, and the length it had before it was cut to fit a cell (null when it was not). */
interface FittedNote {
  readonly text: string;
  readonly cut: number | null;
}

/**
 * The fill plan of one form: empty scores, the funds 执行率 and 得分, the 总分, and drafted deviation notes for
 * empty note cells; with `overwriteScores`, also stated scores that mismatch. Never a cell holding a formula.
 */
export function planFormFill(form: EvaluatedForm, findings: readonly Finding[]): FormFill {
  const out: FillCell[] = [];
  const said: FormFill['findings'] = [];
  const sheet = form.sheet;
  const lang = form.options.lang ?? 'zh-CN';
  const overwrite = form.options.overwriteScores === true;
  // a score above its 分值 (or below 0) is a mismatch too: with consent the rules' score replaces it
  const mismatched = new Set(findings.filter((f) => f.code === 'SCORE_MISMATCH' || f.code === 'SCORE_OVER_WEIGHT').map((f) => f.cell));
  const write = (c: CellRef, v: Dec, reason: FillReason, numberFormat: string | null = null, max: Dec | null = null): boolean => {
    // a score outside [0, 分值] or a total above 100 is never written, whatever the sheet's numbers
    if (max && (lt(v, ZERO) || gt(v, max))) return false;
    const cell = numberCell(sheet, c, v, reason, numberFormat);
    if (cell) out.push(cell);
    return cell !== null;
  };
  /** the score a cell holds after the fill: the computed one where the fill writes it, else the stated one */
  const scoreAfter = (stated: NumberRead | null, computed: Dec | null, weight: Dec | null, reason: 'score' | 'fundsScore'): Dec | null => {
    const sc = stated?.cell;
    if (!sc || !computed || !weight) return stated?.value ?? null;
    if (isBlank(sc)) return write(sc, computed, reason, null, weight) ? computed : null;
    if (overwrite && mismatched.has(sc.a1) && sc.formula === null && write(sc, computed, 'overwriteScore', null, weight)) return computed;
    return stated.value;
  };
  let complete = true;
  let total = ZERO;

  const f = form.funds;
  if (f) {
    if (f.statedRate && f.rate && isBlank(f.statedRate.cell)) {
      const fmt = f.statedRate.cell.format && f.statedRate.cell.format.includes('%') ? null : '0.00%';
      write(f.statedRate.cell, roundHalfUp(f.rate, 6), 'rate', fmt);
    }
    const fundsScore = scoreAfter(f.statedScore, f.computed, f.weight?.value ?? null, 'fundsScore');
    if (fundsScore) total = total.plus(fundsScore);
    else if (weighs(f.weight)) complete = false;
  }

  for (const i of form.indicators) {
    const score = scoreAfter(i.stated, i.computed, i.weight?.value ?? null, 'score');
    if (score) total = total.plus(score);
    else if (weighs(i.weight)) complete = false;
  }

  for (const n of findings) {
    if (n.code !== 'NOTE_MISSING') continue;
    const i = form.indicators.find((x) => x.noteCell?.a1 === n.cell);
    if (!i?.noteCell || !isBlank(i.noteCell)) continue;
    const c = i.noteCell;
    const note = draftNote(i, n.params.reason === 'overachieved' ? 'overachieved' : 'below', lang);
    out.push({ sheet, cell: c.a1, row: c.row, col: c.col, current: c.value, value: note.text, exact: null, numberFormat: null, reason: 'note' });
    if (note.cut !== null) {
      said.push(finding('TEXT_TRUNCATED', 'info', sheet, c.a1, {
        name: i.name, target: i.targetText, actual: i.actualText, length: note.cut, limit: EXCEL_LIMITS.cellText,
      }));
    }
  }

  const ts = form.total?.stated;
  if (ts && complete && form.indicators.length > 0) {
    const sum = roundHalfUp(total, 2);
    if (isBlank(ts.cell)) write(ts.cell, sum, 'total', null, HUNDRED);
    // with consent, a stated 总分 that is not the sum (before the fill, or after overwritten scores) is written too:
    // otherwise overwriting one score would leave a TOTAL_MISMATCH the sheet did not have
    else if (overwrite && ts.cell.formula === null && ts.value !== null && !eq(roundHalfUp(ts.value, 2), sum)) write(ts.cell, sum, 'overwriteScore', null, HUNDRED);
  }
  return { cells: out, findings: said };
}

/** The plan of these cells, with counts by reason for the preview. */
export function countFill(cells: readonly FillCell[]): FillPlan {
  const counts: Record<FillReason, number> = { score: 0, rate: 0, fundsScore: 0, total: 0, note: 0, overwriteScore: 0 };
  for (const c of cells) counts[c.reason]++;
  return { cells, counts };
}
