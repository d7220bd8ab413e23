import { ZERO, decString, roundHalfUp, type Dec } from './decimal';
import { isPlaceholder, type CellRef, type EvaluatedForm, type EvaluatedIndicator } from './form';
import type { FillCell, FillPlan, FillReason, Finding, Lang } from './model';
import { NOTE_TEMPLATES } from './messages';
import { pct, score2 } from './messages/format';

function isBlank(c: CellRef): boolean {
  return c.formula === null && isPlaceholder(c.value);
}

function numberCell(sheet: string, c: CellRef, v: Dec, reason: FillReason, numberFormat: string | null = null): FillCell {
  return { sheet, cell: c.a1, row: c.row, col: c.col, current: c.value, value: v.toNumber(), exact: decString(v), numberFormat, reason };
}

function draftNote(i: EvaluatedIndicator, reason: 'below' | 'overachieved', lang: Lang): string {
  const t = NOTE_TEMPLATES[lang];
  const target = i.targetText || '—';
  const actual = i.actualText || '—';
  const ratio = i.outcome.ratio;
  const rate = ratio && i.target.kind !== 'qualitative' ? pct(decString(ratio), 4) : null;
  if (reason === 'overachieved') return t.over({ actual, target, rate });
  const w = i.weight?.value ?? ZERO;
  const s = i.computed ?? i.stated?.value ?? ZERO;
  return t.below({ actual, target, rate, deduct: score2(decString(roundHalfUp(w.minus(s), 2))) });
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
  const mismatched = new Set(findings.filter((f) => f.code === 'SCORE_MISMATCH').map((f) => f.cell));
  let complete = true;
  let total = ZERO;

  const f = form.funds;
  if (f) {
    if (f.statedRate && f.rate && isBlank(f.statedRate.cell)) {
      const fmt = f.statedRate.cell.format && f.statedRate.cell.format.includes('%') ? null : '0.00%';
      out.push(numberCell(sheet, f.statedRate.cell, roundHalfUp(f.rate, 6), 'rate', fmt));
    }
    let fundsScore = f.statedScore?.value ?? null;
    if (f.statedScore && f.computed) {
      if (isBlank(f.statedScore.cell)) {
        out.push(numberCell(sheet, f.statedScore.cell, f.computed, 'fundsScore'));
        fundsScore = f.computed;
      } else if (overwrite && mismatched.has(f.statedScore.cell.a1) && f.statedScore.cell.formula === null) {
        out.push(numberCell(sheet, f.statedScore.cell, f.computed, 'overwriteScore'));
        fundsScore = f.computed;
      }
    }
    if (fundsScore) total = total.plus(fundsScore);
    else if (f.weight?.value) complete = false;
  }

  for (const i of form.indicators) {
    let score = i.stated?.value ?? null;
    const sc = i.stated?.cell;
    if (sc && i.computed) {
      if (isBlank(sc)) {
        out.push(numberCell(sheet, sc, i.computed, 'score'));
        score = i.computed;
      } else if (overwrite && mismatched.has(sc.a1) && sc.formula === null) {
        out.push(numberCell(sheet, sc, i.computed, 'overwriteScore'));
        score = i.computed;
      }
    }
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
  if (ts && complete && form.indicators.length > 0 && isBlank(ts.cell)) {
    out.push(numberCell(sheet, ts.cell, roundHalfUp(total, 2), 'total'));
  }
  return out;
}

/** The plan of these cells, with counts by reason for the preview. */
export function countFill(cells: readonly FillCell[]): FillPlan {
  const counts: Record<FillReason, number> = { score: 0, rate: 0, fundsScore: 0, total: 0, note: 0, overwriteScore: 0 };
  for (const c of cells) counts[c.reason]++;
  return { cells, counts };
}
