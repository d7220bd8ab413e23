import type { FindingOf, FindingParams } from '../findings';
import type { WeightRead } from '../form';
import { WEIGHT_LIMIT, weightText } from '../values/weight';
import { defineCheck } from './check';
import { finding } from './finding';

function params(w: WeightRead, what: FindingParams['WEIGHT_INVALID']['what']): FindingParams['WEIGHT_INVALID'] | null {
  if (!w.invalid) return null;
  return { what, value: weightText(w.cell.value, w.cell.format), reason: w.invalid, limit: WEIGHT_LIMIT.toFixed() };
}

/** 分值 that cannot be one (SPEC §5 WEIGHT_INVALID): negative, above 100, NaN or Infinity. Nothing is scored from them. */
export const weightCheck = defineCheck('weights', ['WEIGHT_INVALID'], (form) => {
  const out: FindingOf<'WEIGHT_INVALID'>[] = [];
  const sheet = form.sheet;
  const fw = form.funds?.weight;
  const fp = fw && params(fw, 'funds');
  if (fw && fp) out.push(finding('WEIGHT_INVALID', 'error', sheet, fw.cell.a1, fp));
  for (const i of form.indicators) {
    const p = i.weight && params(i.weight, 'indicator');
    if (i.weight && p) out.push(finding('WEIGHT_INVALID', 'error', sheet, i.weight.cell.a1, { ...p, name: i.name, target: i.targetText, actual: i.actualText }));
  }
  const tw = form.total?.weight;
  const tp = tw && params(tw, 'total');
  if (tw && tp) out.push(finding('WEIGHT_INVALID', 'error', sheet, tw.cell.a1, tp));
  return out;
});
