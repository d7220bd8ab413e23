import { eq, gt, lt, ONE, ZERO, roundHalfUp } from '../decimal';
import { isPlaceholder, type EvaluatedForm, type EvaluatedIndicator } from '../form';
import { trimmedCellText, type CellValue } from '../grid';
import type { FindingCode, FindingOf } from '../findings';
import { defineCheck } from './check';
import { displayText } from '../values';
import { isDraftNote } from '../messages';
import { ds, finding } from './finding';

function base(i: EvaluatedIndicator) {
  return { name: i.name, target: i.targetText, actual: i.actualText };
}

/** The codes valueChecks may raise. */
export const VALUE_CODES = [
  'TARGET_MALFORMED', 'UNIT_MISMATCH', 'VALUE_UNPARSED', 'QUALITATIVE_REVIEW',
  'VALUE_FROM_TEXT', 'SCALE_GUESSED', 'CELL_UNREADABLE',
] as const satisfies readonly FindingCode[];
type ValueCode = (typeof VALUE_CODES)[number];

/** Value grammar findings: malformed targets, unreadable actuals, unit trouble, numbers taken from text. */
export function valueChecks(form: EvaluatedForm): FindingOf<ValueCode>[] {
  const out: FindingOf<ValueCode>[] = [];
  const sheet = form.sheet;
  for (const i of form.indicators) {
    const tCell = i.targetCell?.a1 ?? i.nameCell?.a1 ?? '';
    const aCell = i.actualCell?.a1 ?? tCell;
    if (i.target.kind === 'qualitative' && i.target.malformed) {
      out.push(finding('TARGET_MALFORMED', 'warning', sheet, tCell, base(i)));
    }
    const m = i.measure;
    if (!m.ok) {
      if (m.reason === 'unitMismatch') out.push(finding('UNIT_MISMATCH', 'warning', sheet, aCell, { ...base(i), detail: m.detail ?? null }));
      else out.push(finding('VALUE_UNPARSED', 'warning', sheet, aCell, { ...base(i), reason: m.reason }));
      continue;
    }
    if (m.kind === 'class' && m.cls === 'undetermined') {
      out.push(finding('QUALITATIVE_REVIEW', 'info', sheet, aCell, { ...base(i), stated: ds(i.stated?.value) }));
    }
    for (const n of m.notes) {
      if (n.kind === 'fromText') out.push(finding('VALUE_FROM_TEXT', 'info', sheet, aCell, { ...base(i), used: n.text, value: ds(n.value), unit: n.unit }));
      else {
        out.push(finding('SCALE_GUESSED', 'info', sheet, aCell, {
          ...base(i), value: ds(n.value), unit: n.unit, magnitude: ds(n.magnitude), targetMagnitude: ds(targetMagnitude(i)),
        }));
      }
    }
    if (i.weight?.unreadable) out.push(finding('CELL_UNREADABLE', 'warning', sheet, i.weight.cell.a1, { ...base(i), what: 'weight', value: trimmedCellText(i.weight.cell.value) }));
    if (i.stated?.unreadable) out.push(finding('CELL_UNREADABLE', 'warning', sheet, i.stated.cell.a1, { ...base(i), what: 'score', value: trimmedCellText(i.stated.cell.value) }));
  }
  return out;
}

function targetMagnitude(i: EvaluatedIndicator) {
  const t = i.target;
  if (t.kind === 'range') return eq(t.high.magnitude, ONE) ? t.low.magnitude : t.high.magnitude;
  return t.kind === 'qualitative' || t.kind === 'rank' ? null : t.quantity.magnitude;
}

/** The codes scoreChecks may raise. */
export const SCORE_CODES = [
  'SCORE_OVER_WEIGHT', 'SCORE_MISSING', 'SCORE_OUT_OF_BAND', 'SCORE_MISMATCH', 'QUALITATIVE_REVIEW',
] as const satisfies readonly FindingCode[];
type ScoreCode = (typeof SCORE_CODES)[number];

/** Score findings: mismatch, above weight, missing, outside the qualitative band, rule-set review flags. */
export function scoreChecks(form: EvaluatedForm): FindingOf<ScoreCode>[] {
  const out: FindingOf<ScoreCode>[] = [];
  const sheet = form.sheet;
  for (const i of form.indicators) {
    const w = i.weight?.value ?? null;
    const s = i.stated?.value ?? null;
    const cell = i.stated?.cell.a1 ?? i.actualCell?.a1 ?? '';
    // params are built only for the findings raised: most indicators raise none
    const p = () => ({
      ...base(i), kind: i.target.kind, status: i.status, weight: ds(w), stated: ds(s), computed: ds(i.computed),
      ratio: ds(i.outcome.ratio), statedText: i.stated ? shownNumber(i.stated.cell) : null,
    });
    if (s !== null && (lt(s, ZERO) || (w !== null && gt(s, w)))) {
      out.push(finding('SCORE_OVER_WEIGHT', 'error', sheet, cell, p()));
      continue;
    }
    if (s === null && !i.stated?.unreadable) {
      const formula = i.stated?.cell.formula ?? null;
      if (formula) out.push(finding('SCORE_MISSING', 'warning', sheet, cell, { ...p(), computable: i.computed !== null, formula }));
      else if (i.computed) out.push(finding('SCORE_MISSING', 'warning', sheet, cell, { ...p(), computable: true }));
      else if (w) out.push(finding('SCORE_MISSING', 'warning', sheet, cell, { ...p(), computable: false }));
      continue;
    }
    if (s !== null && i.outOfBand) {
      out.push(finding('SCORE_OUT_OF_BAND', 'warning', sheet, cell, {
        ...p(), low: ds(i.outOfBand.low), high: ds(i.outOfBand.high), highInclusive: i.status === 'achieved',
      }));
      continue;
    }
    if (s !== null && i.computed && !eq(roundHalfUp(s, 2), i.computed)) {
      out.push(finding('SCORE_MISMATCH', 'error', sheet, cell, p()));
    }
    if (i.outcome.review) {
      out.push(finding('QUALITATIVE_REVIEW', 'info', sheet, i.actualCell?.a1 ?? cell, { ...p(), review: i.outcome.review }));
    }
  }
  return out;
}

/** A stated number as the sheet shows it (`28.57` for a formula's 28.571428571428573 in a `0.00` cell). */
export function shownNumber(c: { value: CellValue; format: string | null }): string | null {
  return typeof c.value === 'number' ? displayText(c.value, c.format) : null;
}

/** The score an indicator carries into the sheet's arithmetic: the stated one, else the computed one. */
export function sheetScore(i: EvaluatedIndicator) {
  return i.stated?.value ?? i.computed;
}

/** The score the indicator is worth by the rules (the stated one where the rules leave it to a person). */
export function effectiveScore(i: EvaluatedIndicator) {
  return i.computed ?? i.stated?.value ?? null;
}

/** The codes noteChecks may raise. */
export const NOTE_CODES = [
  'OVERACHIEVED', 'NOTE_MISSING',
] as const satisfies readonly FindingCode[];
type NoteCode = (typeof NOTE_CODES)[number];

/** Deviation notes: a score below its weight, or an over-achievement, needs a written reason. */
export function noteChecks(form: EvaluatedForm): FindingOf<NoteCode>[] {
  const out: FindingOf<NoteCode>[] = [];
  const sheet = form.sheet;
  const threshold = form.rules.overachieveThreshold;
  for (const i of form.indicators) {
    const w = i.weight?.value ?? null;
    const draft = isDraftNote(i.note);
    // a dash, a slash or an empty web-export paragraph (`<p>&nbsp;</p>`) gives no reason
    const hasNote = !isPlaceholder(i.note) && !draft;
    if (i.outcome.overachieved) {
      const ratio = i.outcome.ratio;
      out.push(finding('OVERACHIEVED', hasNote ? 'info' : 'warning', sheet, i.actualCell?.a1 ?? '', {
        ...base(i), ratio: ds(ratio), threshold: String(threshold), hasNote,
      }));
    }
    if (hasNote || !i.noteCell) continue;
    const score = effectiveScore(i);
    // a qualitative indicator judged partial or not achieved is below W whatever score the person gives it
    const missed = score === null && i.measure.ok && i.measure.kind === 'class' && (i.status === 'partial' || i.status === 'notAchieved');
    const below = w !== null && gt(w, ZERO) && ((score !== null && lt(score, w)) || missed);
    if (below || i.outcome.overachieved) {
      out.push(finding('NOTE_MISSING', 'warning', sheet, i.noteCell.a1, {
        ...base(i), reason: below ? 'below' : 'overachieved', score: ds(score), weight: ds(w), status: i.status, draft,
      }));
    }
  }
  return out;
}

/** The checks of this module, each with the codes it declares. */
export const valueCheck = defineCheck('value', VALUE_CODES, valueChecks);
export const scoreCheck = defineCheck('score', SCORE_CODES, scoreChecks);
export const noteCheck = defineCheck('note', NOTE_CODES, noteChecks);
