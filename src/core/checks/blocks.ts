import { D, eq, gt, ZERO, decString, type Dec } from '../decimal';
import { normalizeLabel } from '../detect';
import type { FindingOf } from '../findings';
import type { EvaluatedForm } from '../form';
import { defineCheck } from './check';
import { ds, finding } from './finding';

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
function blockWeightChecks(form: EvaluatedForm): FindingOf<'WEIGHT_SPLIT'>[] {
  const out: FindingOf<'WEIGHT_SPLIT'>[] = [];
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
    if (!eq(got, b.weight)) {
      out.push(finding('WEIGHT_SPLIT', 'info', sheet, cellOf(b.rows[0]), { level1: b.label, weight: ds(got), expected: decString(b.weight), stated: true }));
    }
  }
  const split = form.rules.weightSplit;
  if (!split) return out;
  const stems = split.flatMap((g) => g.stems);
  const unplaced = rest.some((i) => (i.weight?.value ? gt(i.weight.value, ZERO) : false) && !stems.some((st) => normalizeLabel(i.level1).includes(st)));
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

/** The block-weight check with the code it declares. */
export const blockWeightCheck = defineCheck('blockWeights', ['WEIGHT_SPLIT'], blockWeightChecks);
