import { D, ZERO, roundDown, roundHalfUp, roundUp, type Dec } from '../decimal';
import { cellText, isPlaceholder, type EvaluatedForm } from '../form';
import type { Finding } from '../model';
import { normalizeLabel } from '../detect';
import { ds, finding } from './finding';
import { sheetScore, shownNumber } from './indicators';

/** 执行率, funds score, funds breakdown, over-execution. */
export function fundsChecks(form: EvaluatedForm): Finding[] {
  const f = form.funds;
  if (!f) return [];
  const out: Finding[] = [];
  const sheet = form.sheet;
  for (const n of [f.budget, f.executed, f.weight, f.statedRate, f.statedScore]) {
    if (n?.unreadable) out.push(finding('CELL_UNREADABLE', 'warning', sheet, n.cell.a1, { what: 'funds', value: cellText(n.cell.value) }));
  }
  if (f.budget?.value && f.executed?.value && f.executed.value.gt(f.budget.value)) {
    out.push(finding('OVER_EXECUTION', 'warning', sheet, f.executed.cell.a1, { budget: ds(f.budget.value), executed: ds(f.executed.value) }));
  }
  if (f.rate && f.statedRate?.value && f.ratePrecision !== null) {
    const places = f.ratePrecision;
    // as displayed: a rate stored with more decimals than its format shows (a formula, a filled rate) reads rounded
    const stated = roundHalfUp(f.statedRate.value, places);
    const candidates = (r: Dec) => ({ halfUp: roundHalfUp(r, places), up: roundUp(r, places), down: roundDown(r, places) });
    const exact = candidates(f.rate);
    const capped = candidates(f.rate.gt(1) ? new D(1) : f.rate);
    const primary = form.rules.rateRounding === 'halfUp' ? 'halfUp' : 'up';
    const other = primary === 'halfUp' ? 'up' : 'halfUp';
    const matches = (c: { halfUp: Dec; up: Dec; down: Dec }, k: 'halfUp' | 'up' | 'down') => c[k].eq(stated);
    const params = {
      stated: ds(stated), computed: ds(exact[primary]), exact: ds(f.rate), places,
      halfUp: ds(exact.halfUp), roundUp: ds(exact.up), budget: ds(f.budget?.value), executed: ds(f.executed?.value),
    };
    if (matches(exact, primary) || matches(capped, primary)) {
      // as the budget system shows it
    } else if (matches(exact, other) || matches(capped, other)) {
      out.push(finding('RATE_ROUNDING', 'info', sheet, f.statedRate.cell.a1, { ...params, way: other }));
    } else if (places >= 2 && (matches(exact, 'down') || matches(capped, 'down'))) {
      // published forms also cut the rate (97.8086% written 97.80%); below whole percent points a cut means nothing
      out.push(finding('RATE_ROUNDING', 'info', sheet, f.statedRate.cell.a1, { ...params, way: 'down' }));
    } else {
      out.push(finding('RATE_MISMATCH', 'error', sheet, f.statedRate.cell.a1, params));
    }
  }
  const w = f.weight?.value ?? null;
  const s = f.statedScore?.value ?? null;
  if (f.statedScore) {
    const cell = f.statedScore.cell.a1;
    const p = {
      name: '年度资金总额', funds: true, weight: ds(w), stated: ds(s), computed: ds(f.computed), rate: ds(f.rate),
      statedText: shownNumber(f.statedScore.cell),
    };
    const formula = s === null ? f.statedScore.cell.formula : null;
    if (s !== null && (s.lt(ZERO) || (w !== null && s.gt(w)))) out.push(finding('SCORE_OVER_WEIGHT', 'error', sheet, cell, p));
    else if (s === null && formula) out.push(finding('SCORE_MISSING', 'warning', sheet, cell, { ...p, computable: f.computed !== null, formula }));
    else if (s === null && !f.statedScore.unreadable && f.computed) out.push(finding('SCORE_MISSING', 'warning', sheet, cell, { ...p, computable: true }));
    else if (s !== null && f.computed && !roundHalfUp(s, 2).eq(f.computed)) out.push(finding('SCORE_MISMATCH', 'error', sheet, cell, p));
  }
  const headers = form.layout.funds?.headerRow;
  for (const b of f.breakdown) {
    const filled = b.parts.filter((p) => p.value !== null);
    if (filled.length === 0 || b.total.value === null) continue;
    const sum = filled.reduce((acc, p) => acc.plus(p.value as Dec), ZERO);
    if (!sum.eq(b.total.value)) {
      out.push(finding('FUNDS_BREAKDOWN', 'warning', sheet, b.total.cell.a1, {
        column: headers === undefined ? '' : columnLabel(form, b.total.cell.col),
        total: ds(b.total.value), sum: ds(sum), parts: filled.map((p) => ds(p.value)).join('+'),
        difference: ds(sum.minus(b.total.value)),
      }));
    }
  }
  return out;
}

function columnLabel(form: EvaluatedForm, col: number): string {
  const f = form.layout.funds;
  if (!f) return '';
  const names: Record<string, string> = { initialBudget: '年初预算数', budget: '全年预算数', executed: '全年执行数' };
  for (const [k, v] of Object.entries(f.columns)) if (v === col && names[k]) return names[k];
  return '';
}

/** 分值 sum, 一级 split, 总分 arithmetic, overall goal. */
export function formChecks(form: EvaluatedForm): Finding[] {
  const out: Finding[] = [];
  const sheet = form.sheet;
  const fundsW = form.funds?.weight?.value ?? ZERO;
  const indicatorW = form.indicators.reduce((a, i) => a.plus(i.weight?.value ?? ZERO), ZERO);
  const sumW = fundsW.plus(indicatorW);
  const expectedW = form.total?.weight?.value ?? new D(100);
  const totalCell = form.total?.weight?.cell.a1 ?? form.total?.label.a1 ?? form.indicators[0]?.weight?.cell.a1 ?? '';
  if (form.indicators.length > 0 && !sumW.eq(expectedW)) {
    out.push(finding('WEIGHT_SUM', 'error', sheet, totalCell, { sum: ds(sumW), expected: ds(expectedW), funds: ds(fundsW), indicators: ds(indicatorW) }));
  }
  out.push(...blockWeightChecks(form));
  if (form.total?.stated?.value) {
    const stated = form.total.stated.value;
    const fundsScore = form.funds ? (form.funds.statedScore?.value ?? form.funds.computed ?? ZERO) : ZERO;
    const sum = form.indicators.reduce((a, i) => a.plus(sheetScore(i) ?? ZERO), fundsScore);
    if (!roundHalfUp(stated, 2).eq(roundHalfUp(sum, 2))) {
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

/** `产出指标（50分）`, `（50分）`, `产出指标(50)`: the block weight a level-1 label states, or null. */
export function statedBlockWeight(label: string): Dec | null {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/u.exec(label.trim());
  return m ? new D(m[1]) : null;
}

/**
 * 一级 block weights (issue 9): a level-1 label that states its weight (`产出指标（50分）`) is checked against the
 * weights of the rows under it; the rule set's usual split applies to the rows of labels that state none. A usual
 * block with no rows is not reported as 0 when rows it cannot place (labels without its stems) carry weights.
 */
function blockWeightChecks(form: EvaluatedForm): Finding[] {
  const out: Finding[] = [];
  if (form.indicators.length === 0) return out;
  const sheet = form.sheet;
  const cellOf = (i: EvaluatedForm['indicators'][number]) => i.weight?.cell.a1 ?? i.nameCell?.a1 ?? '';
  const blocks: { label: string; weight: Dec; rows: EvaluatedForm['indicators'][number][] }[] = [];
  const rest: EvaluatedForm['indicators'][number][] = [];
  let current: (typeof blocks)[number] | null = null;
  for (const i of form.indicators) {
    const w = i.level1 === '' ? null : statedBlockWeight(i.level1);
    if (w && (!current || current.label !== i.level1)) {
      current = { label: i.level1, weight: w, rows: [] };
      blocks.push(current);
    } else if (!w && i.level1 !== '') {
      current = null;
    }
    if (current) current.rows.push(i);
    else rest.push(i);
  }
  for (const b of blocks) {
    const got = b.rows.reduce((a, i) => a.plus(i.weight?.value ?? ZERO), ZERO);
    if (!got.eq(b.weight)) {
      out.push(finding('WEIGHT_SPLIT', 'info', sheet, cellOf(b.rows[0]), { level1: b.label, weight: ds(got), expected: ds(b.weight), stated: true }));
    }
  }
  const split = form.rules.weightSplit;
  if (!split) return out;
  const stems = split.flatMap((g) => g.stems);
  const unplaced = rest.some((i) => (i.weight?.value?.gt(ZERO) ?? false) && !stems.some((st) => normalizeLabel(i.level1).includes(st)));
  for (const group of split) {
    const members = rest.filter((i) => group.stems.some((st) => normalizeLabel(i.level1).includes(st)));
    if (members.length === 0 && (blocks.length > 0 || unplaced)) continue;
    const got = members.reduce((a, i) => a.plus(i.weight?.value ?? ZERO), ZERO);
    if (!got.eq(group.weight)) {
      const first = members[0] ?? form.indicators[0];
      out.push(finding('WEIGHT_SPLIT', 'info', sheet, cellOf(first), { level1: group.label, weight: ds(got), expected: group.weight }));
    }
  }
  return out;
}
