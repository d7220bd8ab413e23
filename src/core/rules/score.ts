import { D, eq, gt, gte, lt, lte, ONE, ZERO, roundHalfUp, type Dec } from '../decimal';
import { memoByText } from '../memo';
import type { IndicatorStatus } from '../model';
import type { Measure, Target } from '../values/types';
import type { RuleSet } from './ruleSets';

export interface ScoreOutcome {
  /** null where the rules leave the score to a person */
  readonly computed: Dec | null;
  readonly status: IndicatorStatus;
  /** B / A for positive kinds, A / B for reverse ones (exact), when measurable */
  readonly ratio: Dec | null;
  readonly met: boolean;
  readonly overachieved: boolean;
  /** a review flag raised by the rule set (Tianjin), not a score change */
  readonly review: 'reverseExceeded' | 'equalDiffers' | null;
}

const UNDETERMINED: ScoreOutcome = {
  computed: null, status: 'undetermined', ratio: null, met: false, overachieved: false, review: null,
};

/** Clamp to [0, W] and round to 2 decimals half up. */
export function finalScore(raw: Dec, weight: Dec): Dec {
  const clamped = lt(raw, ZERO) ? ZERO : gt(raw, weight) ? weight : raw;
  return roundHalfUp(clamped, 2);
}

function statusOf(ratio: Dec, met: boolean): IndicatorStatus {
  if (met) return 'achieved';
  return gt(ratio, ZERO) ? 'partial' : 'notAchieved';
}

const decimalOf = memoByText((s: string): Dec => new D(s));

function numeric(target: Target, b: Dec, w: Dec, rules: RuleSet): ScoreOutcome {
  const threshold = decimalOf(rules.overachieveThreshold);
  const over = (a: Dec) => rules.overachieveKinds.includes(target.kind) && gt(a, ZERO) && gte(b, threshold.times(a));
  switch (target.kind) {
    case 'atLeast':
    case 'moreThan':
    case 'equal': {
      const a = target.quantity.value;
      const met = target.kind === 'atLeast' ? gte(b, a) : target.kind === 'moreThan' ? gt(b, a) : eq(b, a);
      if (lte(a, ZERO)) {
        // no ratio to a target of 0 or below: met → W, otherwise 0. `=0` is "at most 0" (SPEC §4); `>=0` any B ≥ 0
        const ok = target.kind === 'equal' && a.isZero() ? lte(b, ZERO) : met;
        return { computed: ok ? w : ZERO, status: ok ? 'achieved' : 'notAchieved', ratio: null, met: ok, overachieved: false, review: null };
      }
      const ratio = b.div(a);
      const raw = met ? w : w.times(ratio);
      const review = target.kind === 'equal' && !met && rules.review.equalDiffers ? 'equalDiffers' : null;
      // an equal target exceeded is met in substance (over-achievement is reported separately)
      const metEff = met || (target.kind === 'equal' && gt(b, a));
      return { computed: finalScore(raw, w), status: statusOf(ratio, metEff), ratio, met: metEff, overachieved: over(a), review };
    }
    case 'atMost':
    case 'lessThan': {
      const a = target.quantity.value;
      const met = target.kind === 'atMost' ? lte(b, a) : lt(b, a);
      if (lte(a, ZERO)) {
        // `<=0`, `<0`: B ≤ 0 → W (SPEC §4); a negative bound (`<=-5%`) must be met
        const ok = a.isZero() ? lte(b, ZERO) : met;
        return { computed: ok ? w : ZERO, status: ok ? 'achieved' : 'notAchieved', ratio: null, met: ok, overachieved: false, review: null };
      }
      const review = !met && rules.review.reverseExceeded ? 'reverseExceeded' : null;
      if (met) return { computed: finalScore(w, w), status: 'achieved', ratio: gt(b, ZERO) ? a.div(b) : null, met, overachieved: false, review };
      let raw: Dec;
      if (rules.reverseFormula === 'linear') {
        raw = w.times(ONE.minus(b.minus(a).div(a)));
      } else {
        raw = w.times(a).div(b);
      }
      const ratio = a.div(b);
      return { computed: finalScore(raw, w), status: statusOf(ratio, false), ratio, met, overachieved: false, review };
    }
    case 'range': {
      const lo = target.low.value;
      const hi = target.high.value;
      if (gte(b, lo) && lte(b, hi)) return { computed: finalScore(w, w), status: 'achieved', ratio: ONE, met: true, overachieved: false, review: null };
      // B / L and U / B are shares of W only with positive numbers; across or below 0 the share is 0
      if (lt(b, lo)) {
        const ratio = gt(lo, ZERO) && gt(b, ZERO) ? b.div(lo) : ZERO;
        return { computed: finalScore(w.times(ratio), w), status: statusOf(ratio, false), ratio, met: false, overachieved: false, review: null };
      }
      const ratio = gt(hi, ZERO) ? hi.div(b) : ZERO;
      return { computed: finalScore(w.times(ratio), w), status: statusOf(ratio, false), ratio, met: false, overachieved: false, review: null };
    }
    default:
      return UNDETERMINED;
  }
}

/**
 * Scores one indicator under a rule set (SPEC §4). The measure is the actual already read against the target;
 * a null weight or an unreadable measure leaves the score to a person.
 */
export function scoreIndicator(target: Target, measure: Measure, weight: Dec | null, rules: RuleSet): ScoreOutcome {
  if (!measure.ok) return UNDETERMINED;
  if (measure.kind === 'class') {
    const status = measure.cls;
    const computed = status === 'achieved' && weight ? finalScore(weight, weight) : null;
    return { computed, status, ratio: null, met: status === 'achieved', overachieved: false, review: null };
  }
  if (!weight) return { ...UNDETERMINED };
  if (measure.kind === 'rank') {
    if (target.kind !== 'rank') return UNDETERMINED;
    const n = target.rank;
    const r = measure.rank;
    if (lte(r, n)) return { computed: finalScore(weight, weight), status: 'achieved', ratio: ONE, met: true, overachieved: false, review: null };
    const ratio = n.div(r);
    return { computed: finalScore(weight.times(ratio), weight), status: 'partial', ratio, met: false, overachieved: false, review: null };
  }
  if (target.kind === 'qualitative' || target.kind === 'rank') return UNDETERMINED;
  return numeric(target, measure.value, weight, rules);
}

/** The qualitative band [low, high] of W for a class, as absolute scores. */
export function bandOf(cls: 'achieved' | 'partial' | 'notAchieved', weight: Dec, rules: RuleSet): { low: Dec; high: Dec; highInclusive: boolean } {
  const [lo, hi] = rules.qualitativeBands[cls];
  return { low: weight.times(lo), high: weight.times(hi), highInclusive: cls === 'achieved' };
}

/** The grade (优/良/中/差) of a total under the rule set's bands. */
export function gradeOf(total: Dec, rules: RuleSet): (typeof rules.grades)[number]['grade'] {
  for (const g of rules.grades) if (total.gte(g.min)) return g.grade;
  return rules.grades[rules.grades.length - 1].grade;
}
