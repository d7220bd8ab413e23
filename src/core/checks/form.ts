import { D, eq, gt, lt, ONE, ZERO, roundDown, roundHalfUp, roundUp, type Dec } from '../decimal';
import { isPlaceholder, type EvaluatedForm, type EvaluatedFunds, type NumberRead } from '../form';
import { trimmedCellText } from '../grid';
import type { FindingCode, FindingOf, UncomputableReason } from '../findings';
import { defineCheck } from './check';
import { ds, finding } from './finding';
import { sheetScore, shownNumber } from './indicators';

/** The codes fundsChecks may raise. */
export const FUNDS_CODES = [
  'CELL_UNREADABLE', 'OVER_EXECUTION', 'RATE_ROUNDING', 'RATE_MISMATCH', 'SCORE_OVER_WEIGHT',
  'SCORE_MISSING', 'SCORE_MISMATCH', 'FUNDS_BREAKDOWN', 'FUNDS_SCORE_UNCOMPUTABLE',
] as const satisfies readonly FindingCode[];
type FundsCode = (typeof FUNDS_CODES)[number];

/** 执行率, funds score, funds breakdown, over-execution. */
export function fundsChecks(form: EvaluatedForm): FindingOf<FundsCode>[] {
  const f = form.funds;
  if (!f) return [];
  const out: FindingOf<FundsCode>[] = [];
  const sheet = form.sheet;
  for (const n of [f.budget, f.executed, f.weight, f.statedRate, f.statedScore]) {
    if (n?.unreadable) out.push(finding('CELL_UNREADABLE', 'warning', sheet, n.cell.a1, { what: 'funds', value: trimmedCellText(n.cell.value) }));
  }
  if (f.budget?.value && f.executed?.value && gt(f.executed.value, f.budget.value)) {
    out.push(finding('OVER_EXECUTION', 'warning', sheet, f.executed.cell.a1, { budget: ds(f.budget.value), executed: ds(f.executed.value) }));
  }
  if (f.rate && f.statedRate?.value && f.ratePrecision !== null) {
    const places = f.ratePrecision;
    // as displayed: a rate stored with more decimals than its format shows (a formula, a filled rate) reads rounded
    const stated = roundHalfUp(f.statedRate.value, places);
    const candidates = (r: Dec) => ({ halfUp: roundHalfUp(r, places), up: roundUp(r, places), down: roundDown(r, places) });
    const exact = candidates(f.rate);
    const capped = candidates(gt(f.rate, ONE) ? ONE : f.rate);
    const primary = form.rules.rateRounding === 'halfUp' ? 'halfUp' : 'up';
    const other = primary === 'halfUp' ? 'up' : 'halfUp';
    const matches = (c: { halfUp: Dec; up: Dec; down: Dec }, k: 'halfUp' | 'up' | 'down') => eq(c[k], stated);
    // made only for a finding: most forms state their rate right, and each figure is a Decimal turned to text
    const params = () => ({
      stated: ds(stated), computed: ds(exact[primary]), exact: ds(f.rate), places,
      halfUp: ds(exact.halfUp), roundUp: ds(exact.up), budget: ds(f.budget?.value), executed: ds(f.executed?.value),
    });
    if (matches(exact, primary) || matches(capped, primary)) {
      // as the budget system shows it
    } else if (matches(exact, other) || matches(capped, other)) {
      out.push(finding('RATE_ROUNDING', 'info', sheet, f.statedRate.cell.a1, { ...params(), way: other }));
    } else if (places >= 2 && (matches(exact, 'down') || matches(capped, 'down'))) {
      // published forms also cut the rate (97.8086% written 97.80%); below whole percent points a cut means nothing
      out.push(finding('RATE_ROUNDING', 'info', sheet, f.statedRate.cell.a1, { ...params(), way: 'down' }));
    } else {
      out.push(finding('RATE_MISMATCH', 'error', sheet, f.statedRate.cell.a1, params()));
    }
  }
  const w = f.weight?.value ?? null;
  const s = f.statedScore?.value ?? null;
  if (f.statedScore) {
    const cell = f.statedScore.cell.a1;
    const score = f.statedScore;
    const p = () => ({
      name: '年度资金总额', funds: true as const, weight: ds(w), stated: ds(s), computed: ds(f.computed), rate: ds(f.rate),
      statedText: shownNumber(score.cell),
    });
    const formula = s === null ? f.statedScore.cell.formula : null;
    if (s !== null && (lt(s, ZERO) || (w !== null && gt(s, w)))) out.push(finding('SCORE_OVER_WEIGHT', 'error', sheet, cell, p()));
    else if (s === null && formula) out.push(finding('SCORE_MISSING', 'warning', sheet, cell, { ...p(), computable: f.computed !== null, formula }));
    else if (s === null && !f.statedScore.unreadable && f.computed) out.push(finding('SCORE_MISSING', 'warning', sheet, cell, { ...p(), computable: true }));
    else if (s !== null && f.computed && !eq(roundHalfUp(s, 2), f.computed)) out.push(finding('SCORE_MISMATCH', 'error', sheet, cell, p()));
    const why = formula || f.statedScore.unreadable ? null : whyUncomputable(f);
    if (why && (s !== null || [f.budget, f.executed].some(filled))) {
      // where the reason has a finding of its own (a cell that is no number, a 分值 that is none) this one only explains
      const explained = why.reason.endsWith('Unreadable') || why.reason === 'weightInvalid';
      out.push(finding('FUNDS_SCORE_UNCOMPUTABLE', explained ? 'info' : 'warning', sheet, cell, {
        ...why, budget: ds(f.budget?.value), executed: ds(f.executed?.value), weight: ds(w), stated: ds(s), statedText: shownNumber(score.cell),
      }));
    }
  }
  const headers = form.layout.funds?.headerRow;
  for (const b of f.breakdown) {
    const filled = b.parts.filter((p) => p.value !== null);
    if (filled.length === 0 || b.total.value === null) continue;
    const sum = filled.reduce((acc, p) => acc.plus(p.value as Dec), ZERO);
    if (!eq(sum, b.total.value)) {
      out.push(finding('FUNDS_BREAKDOWN', 'warning', sheet, b.total.cell.a1, {
        column: headers === undefined ? '' : columnLabel(form, b.total.cell.col),
        total: ds(b.total.value), sum: ds(sum), parts: filled.map((p) => ds(p.value)).join('+'),
        difference: ds(sum.minus(b.total.value)),
      }));
    }
  }
  return out;
}

const filled = (n: NumberRead | null): boolean => n !== null && (n.value !== null || n.unreadable);

/**
 * Why the funds score cannot be computed (SPEC §4: 分值 × 全年执行数 / 全年预算数), and the cell that holds the reason
 * ('' when its column is absent); null when it can be.
 */
function whyUncomputable(f: EvaluatedFunds): { reason: UncomputableReason; at: string } | null {
  if (f.computed !== null) return null;
  const at = (n: NumberRead | null) => n?.cell.a1 ?? '';
  const b = f.budget;
  if (!b?.value) return { reason: b?.unreadable ? 'budgetUnreadable' : 'budgetMissing', at: at(b) };
  if (b.value.isZero()) return { reason: 'budgetZero', at: at(b) };
  if (lt(b.value, ZERO)) return { reason: 'budgetNegative', at: at(b) };
  const e = f.executed;
  if (!e?.value) return { reason: e?.unreadable ? 'executedUnreadable' : 'executedMissing', at: at(e) };
  const w = f.weight;
  if (!w?.value) return { reason: w?.invalid ? 'weightInvalid' : w?.unreadable ? 'weightUnreadable' : 'weightMissing', at: at(w) };
  return null;
}

function columnLabel(form: EvaluatedForm, col: number): string {
  const f = form.layout.funds;
  if (!f) return '';
  const names: Record<string, string> = { initialBudget: '年初预算数', budget: '全年预算数', executed: '全年执行数' };
  for (const [k, v] of Object.entries(f.columns)) if (v === col && names[k]) return names[k];
  return '';
}

/** The codes formChecks may raise. */
export const FORM_CODES = [
  'WEIGHT_SUM', 'TOTAL_MISMATCH', 'SCORE_MISSING', 'GOAL_MISSING',
] as const satisfies readonly FindingCode[];
type FormCode = (typeof FORM_CODES)[number];

/** 分值 sum, 总分 arithmetic, overall goal. */
export function formChecks(form: EvaluatedForm): FindingOf<FormCode>[] {
  const out: FindingOf<FormCode>[] = [];
  const sheet = form.sheet;
  const fundsW = form.funds?.weight?.value ?? ZERO;
  const indicatorW = form.indicators.reduce((a, i) => a.plus(i.weight?.value ?? ZERO), ZERO);
  const sumW = fundsW.plus(indicatorW);
  const expectedW = form.total?.weight?.value ?? new D(100);
  const totalCell = form.total?.weight?.cell.a1 ?? form.total?.label.a1 ?? form.indicators[0]?.weight?.cell.a1 ?? '';
  if (form.indicators.length > 0 && !eq(sumW, expectedW)) {
    out.push(finding('WEIGHT_SUM', 'error', sheet, totalCell, { sum: ds(sumW), expected: ds(expectedW), funds: ds(fundsW), indicators: ds(indicatorW) }));
  }
  if (form.total?.stated?.value) {
    const stated = form.total.stated.value;
    const fundsScore = form.funds ? (form.funds.statedScore?.value ?? form.funds.computed ?? ZERO) : ZERO;
    const sum = form.indicators.reduce((a, i) => a.plus(sheetScore(i) ?? ZERO), fundsScore);
    if (!eq(roundHalfUp(stated, 2), roundHalfUp(sum, 2))) {
      out.push(finding('TOTAL_MISMATCH', 'error', sheet, form.total.stated.cell.a1, {
        stated: ds(stated), computed: ds(roundHalfUp(sum, 2)), statedText: shownNumber(form.total.stated.cell),
      }));
    }
  } else if (form.total?.stated && !form.total.stated.unreadable && form.indicators.length > 0) {
    const formula = form.total.stated.cell.formula;
    out.push(finding('SCORE_MISSING', 'warning', sheet, form.total.stated.cell.a1, formula ? { name: '总分', computable: true, formula } : { name: '总分', computable: true }));
  }
  if (form.goal?.actual) {
    if (isPlaceholder(form.goal.actual.value)) out.push(finding('GOAL_MISSING', 'warning', sheet, form.goal.actual.a1, {}));
  }
  return out;
}

/** The checks of this module, each with the codes it declares. */
export const fundsCheck = defineCheck('funds', FUNDS_CODES, fundsChecks);
export const formCheck = defineCheck('form', FORM_CODES, formChecks);
