import { gt, gte, lt, lte, ONE, ZERO, roundHalfUp, type Dec } from './decimal';
import type { Pos, FormLayout } from './detect/types';
import { GridView, toA1, rangeToA1, trimmedCellText, type CellValue } from './grid';
import type { CheckOptions, IndicatorStatus } from './model';
import { bandOf, finalScore, scoreIndicator, type ScoreOutcome } from './rules/score';
import type { RuleSet } from './rules/ruleSets';
import { setApartUnscored, type Breakdown } from './breakdown';
import { displayText, isPercentFormat, measure, parseActual, parseNumberCell, parseTarget, statedPrecision } from './values';
import { normalizeText, parseableText } from './values/text';
import type { Actual, Measure, Target } from './values/types';
import { weightProblem, type WeightProblem } from './values/weight';

/** A cell the checks talk about: where it is (the anchor of its merged area), what it holds. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
  readonly a1: string;
  readonly value: CellValue;
  readonly format: string | null;
  readonly formula: string | null;
}

/** A number read from a cell: the value, or why not. */
export interface NumberRead {
  readonly cell: CellRef;
  readonly value: Dec | null;
  /** the cell holds something that is neither empty nor a number */
  readonly unreadable: boolean;
}

/** A 分值 read from a cell: one that cannot be a 分值 has no value (nothing is scored from it) and says why. */
export interface WeightRead extends NumberRead {
  readonly invalid: WeightProblem | null;
}

export interface EvaluatedIndicator {
  readonly row: number;
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly nameCell: CellRef | null;
  readonly targetCell: CellRef | null;
  readonly actualCell: CellRef | null;
  readonly noteCell: CellRef | null;
  readonly targetText: string;
  readonly actualText: string;
  readonly note: string;
  readonly target: Target;
  readonly actual: Actual;
  readonly measure: Measure;
  readonly weight: WeightRead | null;
  readonly stated: NumberRead | null;
  readonly outcome: ScoreOutcome;
  /** the score the rules give, or the person's score where the rules accept it; null where left to a person */
  readonly computed: Dec | null;
  readonly status: IndicatorStatus;
  /** stated score outside its qualitative band */
  readonly outOfBand: { low: Dec; high: Dec } | null;
}

export interface EvaluatedFunds {
  readonly budget: NumberRead | null;
  readonly executed: NumberRead | null;
  readonly weight: WeightRead | null;
  readonly statedRate: NumberRead | null;
  readonly statedScore: NumberRead | null;
  readonly rate: Dec | null;
  readonly computed: Dec | null;
  /** for each amount column: the total-row cell, and the 其中 rows' cells */
  readonly breakdown: readonly { total: NumberRead; parts: readonly NumberRead[] }[];
  readonly ratePrecision: number | null;
}

export interface EvaluatedForm {
  readonly layout: FormLayout;
  readonly sheet: string;
  readonly range: string;
  readonly project: string;
  readonly department: string;
  readonly implementer: string;
  readonly year: string | null;
  readonly goal: { target: CellRef | null; actual: CellRef | null } | null;
  readonly funds: EvaluatedFunds | null;
  /** the scored rows (breakdown rows and rows of "/" or "无" are not among them) */
  readonly indicators: readonly EvaluatedIndicator[];
  readonly breakdowns: readonly Breakdown[];
  readonly total: { label: CellRef; weight: WeightRead | null; stated: NumberRead | null } | null;
  readonly rules: RuleSet;
  readonly options: CheckOptions;
}

/** The cell that holds the value at a position (its merged area's top-left), with value, format and formula. */
export function cellRef(view: GridView, pos: Pos): CellRef {
  return cellRefAt(view, pos.row, pos.col);
}

// by row and column, without a position or anchor object: a check reads tens of thousands of cells
function cellRefAt(view: GridView, row: number, col: number): CellRef {
  const m = view.mergeOf(row, col);
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  return { row: r, col: c, a1: toA1(r, c), value: view.raw(r, c), format: view.format(r, c), formula: view.formula(r, c) };
}

/**
 * Empty, or a placeholder dash or slash: a cell waiting for a value. Tags and entities left by a web export
 * (`<p>&nbsp;</p>`) and white space are nothing either.
 */
export function isPlaceholder(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  return /^[—–―\-/]*$/.test(parseableText(v));
}

/** A number cell at a position (merges resolved), with whether it holds something that is no number. */
export function readNumber(view: GridView, pos: Pos | null): NumberRead | null {
  return pos ? numberAt(view, pos.row, pos.col) : null;
}

/** {@link readNumber} by row and column; null when the form has no such column. */
function numberAt(view: GridView, row: number, col: number | undefined): NumberRead | null {
  if (col === undefined) return null;
  const cell = cellRefAt(view, row, col);
  const value = parseNumberCell(cell.value, cell.format);
  return { cell, value, unreadable: value === null && !isPlaceholder(cell.value) };
}

function readWeight(view: GridView, pos: Pos | null): WeightRead | null {
  return pos ? weightAt(view, pos.row, pos.col) : null;
}

function weightAt(view: GridView, row: number, col: number | undefined): WeightRead | null {
  const n = numberAt(view, row, col);
  if (!n) return null;
  const invalid = weightProblem(n.cell.value, n.value);
  return { cell: n.cell, value: invalid ? null : n.value, unreadable: invalid ? false : n.unreadable, invalid };
}

/** Whether a score is expected for this 分值: it is a number, or one that cannot be a 分值 (a score is then missing). */
export function weighs(w: WeightRead | null): boolean {
  return Boolean(w?.value || w?.invalid);
}

/** Words in a 指标性质 column that say what kind of target it is, not how it compares. */
const TARGET_NATURE = /^(定性|定量|正向|反向|正向指标|反向指标|定性指标|定量指标)$/u;

/**
 * 年度指标值 written over 指标性质 / 指标值 / 度量单位 (issue 9): the target as if written in one cell (`≥95%`), or
 * null when the form has no such columns or they add nothing to the value cell. A value cell that already shows its
 * unit (a `%` format) does not take it twice.
 */
function splitTarget(sign: CellRef | null, value: CellRef | null, unit: CellRef | null): string | null {
  if (!sign && !unit) return null;
  const s = sign ? trimmedCellText(sign.value) : '';
  const u = unit ? trimmedCellText(unit.value) : '';
  const v = value ? displayText(value.value, value.format).trim() : '';
  const op = TARGET_NATURE.test(normalizeText(s)) ? '' : s;
  if (op === '' && u === '') return null;
  if (v === '') return `${op}${u}`; // a sign and a unit with no number: TARGET_MALFORMED quotes what is there
  if (isPlaceholder(value?.value ?? null)) return v;
  if (!/\d/u.test(v)) {
    // text: `两` + `家` is a count, `好` after `=` stays the qualitative text it is
    const full = `${op}${v}${u}`;
    return parseTarget(full, null).kind === 'qualitative' ? v : full;
  }
  const own = parseTarget(v, null);
  // a value that carries its own comparator (`≥95`) or range keeps it; one that shows a unit (`95%`) keeps that
  const signed = own.kind === 'equal' ? `${op}${v}` : v;
  const unitShown = own.kind === 'range' ? own.high.unit !== '' : own.kind !== 'qualitative' && own.kind !== 'rank' && own.quantity.unit !== '';
  return unitShown ? signed : `${signed}${u}`;
}

function evaluateIndicator(view: GridView, layout: FormLayout, row: number, rules: RuleSet): EvaluatedIndicator {
  const c = layout.columns;
  const ref = (col: number | undefined) => (col === undefined ? null : cellRefAt(view, row, col));
  // the text alone: no cell reference (address, format, formula) is needed for it
  const text = (col: number | undefined) => (col === undefined ? '' : trimmedCellText(view.value(row, col)));
  const shown = (r: CellRef | null) => (r ? displayText(r.value, r.format).trim() : '');
  const targetCell = ref(c.target);
  const actualCell = ref(c.actual);
  const noteCell = ref(c.note);
  const split = splitTarget(ref(c.targetSign), targetCell, ref(c.targetUnit));
  const target = split ? parseTarget(split, null) : parseTarget(targetCell?.value ?? null, targetCell?.format ?? null);
  const actual = parseActual(actualCell?.value ?? null, actualCell?.format ?? null);
  const m = measure(target, actual);
  const weight = weightAt(view, row, c.weight);
  const stated = numberAt(view, row, c.score);
  const w = weight?.value ?? null;
  const outcome = scoreIndicator(target, m, w, rules);
  let computed = outcome.computed;
  let outOfBand: EvaluatedIndicator['outOfBand'] = null;
  const s = stated?.value ?? null;
  // a weight of 0 scores nothing: no band to lie in
  if (m.ok && m.kind === 'class' && w && gt(w, ZERO) && outcome.status !== 'undetermined') {
    const cls = outcome.status as 'achieved' | 'partial' | 'notAchieved';
    const band = bandOf(cls, w, rules);
    if (s) {
      const inBand = gte(s, band.low) && (band.highInclusive ? lte(s, band.high) : lt(s, band.high));
      if (!inBand) outOfBand = { low: roundHalfUp(band.low, 2), high: roundHalfUp(band.high, 2) };
      // a person's score inside the achieved band is a judgement the rules accept
      if (cls === 'achieved' && inBand) computed = roundHalfUp(s, 2);
    }
  }
  const nameCol = c.level3 ?? c.level2 ?? c.level1;
  const nameCell = ref(nameCol);
  return {
    row,
    level1: text(c.level1), level2: text(c.level2), name: nameCell ? trimmedCellText(nameCell.value) : '',
    nameCell, targetCell, actualCell, noteCell,
    targetText: split ?? shown(targetCell), actualText: shown(actualCell), note: text(c.note),
    target, actual, measure: m, weight, stated, outcome, computed, status: outcome.status, outOfBand,
  };
}

/**
 * A 执行率 written in percent points without `%` (`98.81` in a General cell): no rate of 2 or more is a fraction
 * (over-execution stays below 200 %), so it is read as 0.9881.
 */
function inPercentPoints(n: NumberRead | null): n is NumberRead & { value: Dec } {
  if (!n?.value || n.value.lt(2) || n.value.gt(200) || isPercentFormat(n.cell.format)) return false;
  return !(typeof n.cell.value === 'string' && n.cell.value.includes('%'));
}

function evaluateFunds(view: GridView, layout: FormLayout): EvaluatedFunds | null {
  const f = layout.funds;
  if (!f || f.rows.total === undefined) return null;
  const r = f.rows.total;
  const budget = numberAt(view, r, f.columns.budget);
  const executed = numberAt(view, r, f.columns.executed);
  const weight = weightAt(view, r, f.columns.weight);
  const rateRead = numberAt(view, r, f.columns.rate);
  const points = inPercentPoints(rateRead);
  const statedRate = points ? { ...rateRead, value: rateRead.value.div(100) } : rateRead;
  const statedScore = numberAt(view, r, f.columns.score);
  let rate: Dec | null = null;
  if (budget?.value && executed?.value && gt(budget.value, ZERO)) rate = executed.value.div(budget.value);
  let computed: Dec | null = null;
  if (rate && weight?.value) {
    const capped = gt(rate, ONE) ? ONE : rate;
    computed = finalScore(weight.value.times(capped), weight.value);
  }
  const subRows = (['current', 'carryover', 'other'] as const).map((k) => f.rows[k]).filter((x): x is number => x !== undefined);
  const breakdown: { total: NumberRead; parts: NumberRead[] }[] = [];
  for (const col of [f.columns.initialBudget, f.columns.budget, f.columns.executed]) {
    if (col === undefined) continue;
    const total = numberAt(view, r, col);
    if (!total) continue;
    breakdown.push({ total, parts: subRows.map((sr) => numberAt(view, sr, col)).filter((x): x is NumberRead => x !== null) });
  }
  const ratePrecision = statedRate && statedRate.value
    ? statedPrecision(statedRate.cell.value, statedRate.cell.format) + (points ? 2 : 0)
    : null;
  return { budget, executed, weight, statedRate, statedScore, rate, computed, breakdown, ratePrecision };
}

/** Reads one detected form into parsed values and rule outcomes; the checks and the fill plan work from this. */
export function evaluateForm(view: GridView, layout: FormLayout, rules: RuleSet, options: CheckOptions): EvaluatedForm {
  const t = layout.total;
  const rows = setApartUnscored(layout.indicators.map((i) => evaluateIndicator(view, layout, i.row, rules)));
  return {
    layout,
    sheet: layout.sheet,
    range: rangeToA1(layout.range),
    project: layout.project ? trimmedCellText(cellRef(view, layout.project).value) : '',
    department: layout.department ? trimmedCellText(cellRef(view, layout.department).value) : '',
    implementer: layout.implementer ? trimmedCellText(cellRef(view, layout.implementer).value) : '',
    year: layout.year,
    goal: layout.goal
      ? { target: layout.goal.target ? cellRef(view, layout.goal.target) : null, actual: layout.goal.actual ? cellRef(view, layout.goal.actual) : null }
      : null,
    funds: evaluateFunds(view, layout),
    indicators: rows.scored,
    breakdowns: rows.breakdowns,
    total: t ? { label: cellRef(view, t.label), weight: readWeight(view, t.weight), stated: readNumber(view, t.score) } : null,
    rules,
    options,
  };
}
