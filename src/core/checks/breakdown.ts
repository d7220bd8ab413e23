import { eq, ZERO, type Dec } from '../decimal';
import type { EvaluatedForm, EvaluatedIndicator } from '../form';
import type { FindingOf } from '../findings';
import { convertUnit } from '../values';
import { defineCheck } from './check';
import { ds, finding } from './finding';

/** The target's number and unit when it is a count or an amount (a share, a rank or a range does not add up). */
function addable(i: EvaluatedIndicator): { value: Dec; unit: string } | null {
  const t = i.target;
  if (t.kind === 'qualitative' || t.kind === 'rank' || t.kind === 'range') return null;
  if (t.quantity.unit === '%' || t.quantity.unit === '‰' || t.quantity.unit === '') return null;
  return { value: t.quantity.value, unit: t.quantity.unit };
}

/** The actual in its own target's unit, or null. */
function actualOf(i: EvaluatedIndicator): Dec | null {
  return i.measure.ok && i.measure.kind === 'number' ? i.measure.value : null;
}

/**
 * Breakdown rows whose targets are counts or amounts in the parent's unit should add up to the parent (areas,
 * counts): BREAKDOWN_SUM (info) for the targets and for the actuals when they do not. Shares (%), ranks, ranges and
 * qualitative rows are not summed.
 */
function breakdownChecks(form: EvaluatedForm): FindingOf<'BREAKDOWN_SUM'>[] {
  const out: FindingOf<'BREAKDOWN_SUM'>[] = [];
  for (const b of form.breakdowns) {
    const p = addable(b.parent);
    if (!p) continue;
    const parts = b.parts.map((x) => ({ x, t: addable(x) }));
    if (parts.some((q) => !q.t || convertUnit(ZERO, q.t.unit, p.unit) === null)) continue;
    const inParent = (v: Dec, unit: string) => convertUnit(v, unit, p.unit) as Dec;
    const sumT = parts.reduce((a, q) => a.plus(inParent(q.t!.value, q.t!.unit)), ZERO);
    const base = { name: b.parent.name, unit: p.unit, parts: b.parts.length };
    if (!eq(sumT, p.value)) {
      out.push(finding('BREAKDOWN_SUM', 'info', form.sheet, b.parent.targetCell?.a1 ?? '', { ...base, what: 'target', parent: ds(p.value), sum: ds(sumT) }));
    }
    const pa = actualOf(b.parent);
    const actuals = parts.map((q) => actualOf(q.x));
    if (pa === null || actuals.some((a) => a === null)) continue;
    const sumA = parts.reduce((a, q, k) => a.plus(inParent(actuals[k] as Dec, q.t!.unit)), ZERO);
    if (!eq(sumA, pa)) {
      out.push(finding('BREAKDOWN_SUM', 'info', form.sheet, b.parent.actualCell?.a1 ?? '', { ...base, what: 'actual', parent: ds(pa), sum: ds(sumA) }));
    }
  }
  return out;
}

/** The breakdown check with the code it declares. */
export const breakdownCheck = defineCheck('breakdown', ['BREAKDOWN_SUM'], breakdownChecks);
