import { ZERO, decString, roundHalfUp, type Dec } from './decimal';
import { isPlaceholder, type CellRef, type EvaluatedForm, type EvaluatedIndicator, type NumberRead } from './form';
import type { FillCell, FillPlan, FillReason, Finding, Lang } from './model';
import { NOTE_TEMPLATES } from './messages';
import { pct, score2 } from './messages/format';

function isBlank(c: CellRef): boolean {
  return c.formula === null && isPlaceholder(c.value);
}

/** A number to write; null when Excel cannot hold it (beyond ±1.8e308, from an absurd 分值 or amount). */
function numberCell(sheet: string, c: CellRef, v: Dec, reason: FillReason, numberFormat: string | null = null): FillCell | null {
  // the cell takes an IEEE double, as Excel stores every number; `exact` keeps the decimal for the preview
  const value = v.toNumber();
  if (!Number.isFinite(value)) return null;
  return { sheet, cell: c.a1, row: c.row, col: c.col, current: c.value, value, exact: decString(v), numberFormat, reason };
}

function draftNote(i: EvaluatedIndicator, reason: 'below' | 'overachieved', lang: Lang): string {
  const t = NOTE_TEMPLATES[lang];
  const target = i.targetText || '—';
  const actual = i.actualText || '—';
  const ratio = i.outcome.ratio;
  const rate = ratio && i.target.kind !== 'qualitative' ? pct(decString(ratio), 4) : null;
  if (reason === 'overachieved') return t.over({ actual, target, rate });
  const w = i.weight?.value ?? ZERO;
  // no score yet (a qualitative indicator the person still has to score): no deduction to state
  const s = i.computed ?? i.stated?.value ?? null;
  return t.below({ actual, target, rate, deduct: s === null ? null : score2(decString(roundHalfUp(w.minus(s), 2))) });
}

/**
 * The fill plan of one form: empty scores, the funds 执行率 and 得分, the 总分, and drafted deviation notes for
 * empty note cells; with `overwriteScores`, also stated scores that mismatch. Never a cell holding a formula.
 */
export function planFormFill(form: EvaluatedForm, findings: readonly Finding[]): FillCell[] {
  const out: FillCell[] = [];
  const sheet = form.sheet;
  const lang = form.options.lang ?? 'zh-CN';
  const overwrite = form.options.overwriteScores === true;
  // a score above its 分值 (or below 0) is a mismatch too: with consent the rules' score replaces it
  const mismatched = new Set(findings.filter((f) => f.code === 'SCORE_MISMATCH' || f.code === 'SCORE_OVER_WEIGHT').map((f) => f.cell));
  const write = (c: CellRef, v: Dec, reason: FillReason, numberFormat: string | null = null): boolean => {
    const cell = numberCell(sheet, c, v, reason, numberFormat);
    if (cell) out.push(cell);
    return cell !== null;
  };
  /** the score a cell holds after the fill: the computed one where the fill writes it, else the stated one */
  const scoreAfter = (stated: NumberRead | null, computed: Dec | null, reason: 'score' | 'fundsScore'): Dec | null => {
    const sc = stated?.cell;
    if (!sc || !computed) return stated?.value ?? null;
    if (isBlank(sc)) return write(sc, computed, reason) ? computed : null;
    if (overwrite && mismatched.has(sc.a1) && sc.formula === null && write(sc, computed, 'overwriteScore')) return computed;
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
    const fundsScore = scoreAfter(f.statedScore, f.computed, 'fundsScore');
    if (fundsScore) total = total.plus(fundsScore);
    else if (f.weight?.value) complete = false;
  }

  for (const i of form.indicators) {
    const score = scoreAfter(i.stated, i.computed, 'score');
    if (score) total = total.plus(score);
    else if (i.weight?.value) complete = false;
  }

  for (const n of findings) {
    if (n.code !== 'NOTE_MISSING') continue;
    const i = form.indicators.find((x) => x.noteCell?.a1 === n.cell);
    if (!i?.noteCell || !isBlank(i.noteCell)) continue;
    const c = i.noteCell;
    out.push({
      sheet, cell: c.a1, row: c.row, col: c.col, current: c.value, value: draftNote(i, n.params.reason === 'overachieved' ? 'overachieved' : 'below', lang),
      exact: null, numberFormat: null, reason: 'note',
    });
  }

  const ts = form.total?.stated;
  if (ts && complete && form.indicators.length > 0) {
    const sum = roundHalfUp(total, 2);
    if (isBlank(ts.cell)) write(ts.cell, sum, 'total');
    // with consent, a stated 总分 that is not the sum (before the fill, or after overwritten scores) is written too:
    // otherwise overwriting one score would leave a TOTAL_MISMATCH the sheet did not have
    else if (overwrite && ts.cell.formula === null && ts.value !== null && !roundHalfUp(ts.value, 2).eq(sum)) write(ts.cell, sum, 'overwriteScore');
  }
  return out;
}

/** The plan of these cells, with counts by reason for the preview. */
export function countFill(cells: readonly FillCell[]): FillPlan {
  const counts: Record<FillReason, number> = { score: 0, rate: 0, fundsScore: 0, total: 0, note: 0, overwriteScore: 0 };
  for (const c of cells) counts[c.reason]++;
  return { cells, counts };
}
