import type { Grade } from '../model';
import type { TargetKind } from '../values/types';

/**
 * A rule set is data: a province's variant is a new object, never a branch in the scoring code.
 * Decimal parameters are strings so that the object stays plain and serialisable.
 */
export interface RuleSet {
  readonly name: string;
  readonly label: { readonly 'zh-CN': string; readonly 'en-US': string };
  /** B ≥ threshold × A is a deviation that needs a written reason */
  readonly overachieveThreshold: string;
  /** target kinds the over-achievement rule applies to */
  readonly overachieveKinds: readonly TargetKind[];
  /** reverse indicators: `ratio` W × A / B; `linear` W × (1 − (B − A) / A), 0 at B ≥ 2A */
  readonly reverseFormula: 'ratio' | 'linear';
  /** how the budget system rounds the displayed 执行率; the other common rounding only gives an info finding */
  readonly rateRounding: 'halfUp' | 'roundUp';
  /** lower bound of the grade, best first */
  readonly grades: readonly { readonly grade: Grade; readonly min: string }[];
  /** qualitative bands as fractions of W: [low, high), the achieved band includes its high end */
  readonly qualitativeBands: {
    readonly achieved: readonly [string, string];
    readonly partial: readonly [string, string];
    readonly notAchieved: readonly [string, string];
  };
  /**
   * The expected 一级 weight split; null to skip WEIGHT_SPLIT. A group sums the level-1 labels that contain one of
   * its stems (`产出指标（50分）` contains 产出; 成本指标 of the 2021+ template counts with 产出).
   */
  readonly weightSplit: readonly { readonly label: string; readonly stems: readonly string[]; readonly weight: string }[] | null;
  /** extra review flags some provinces raise (info findings, never a score change) */
  readonly review: {
    /** a reverse indicator whose actual exceeds the target */
    readonly reverseExceeded: boolean;
    /** an equal target whose actual differs */
    readonly equalDiffers: boolean;
  };
}

const MOF_2020: RuleSet = {
  name: 'mof-2020',
  label: { 'zh-CN': '财政部 2020（财预〔2020〕10号）', 'en-US': 'Ministry of Finance 2020' },
  overachieveThreshold: '1.2',
  overachieveKinds: ['atLeast', 'moreThan', 'equal'],
  reverseFormula: 'ratio',
  rateRounding: 'halfUp',
  grades: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
  qualitativeBands: { achieved: ['0.8', '1'], partial: ['0.6', '0.8'], notAchieved: ['0', '0.6'] },
  weightSplit: [
    { label: '产出指标', stems: ['产出', '成本'], weight: '50' },
    { label: '效益指标', stems: ['效益'], weight: '30' },
    { label: '满意度指标', stems: ['满意度'], weight: '10' },
  ],
  review: { reverseExceeded: false, equalDiffers: false },
};

export const RULE_SETS: Readonly<Record<string, RuleSet>> = {
  'mof-2020': MOF_2020,
  guangxi: {
    ...MOF_2020,
    name: 'guangxi',
    label: { 'zh-CN': '广西（超额 130% 需说明）', 'en-US': 'Guangxi (reason above 130%)' },
    overachieveThreshold: '1.3',
  },
  tianjin: {
    ...MOF_2020,
    name: 'tianjin',
    label: { 'zh-CN': '天津（反向超标、等值不符需复核）', 'en-US': 'Tianjin (review reverse and equal deviations)' },
    review: { reverseExceeded: true, equalDiffers: true },
  },
  'linear-reverse': {
    ...MOF_2020,
    name: 'linear-reverse',
    label: { 'zh-CN': '反向指标线性扣分', 'en-US': 'Linear scoring of reverse indicators' },
    reverseFormula: 'linear',
  },
};

export const DEFAULT_RULE_SET = 'mof-2020';

/** Names of the rule sets, the default first. */
export function ruleSetNames(): string[] {
  return Object.keys(RULE_SETS);
}

/** The named rule set; throws on an unknown name (callers validate user input first). */
export function getRuleSet(name: string = DEFAULT_RULE_SET): RuleSet {
  const r = RULE_SETS[name];
  if (!r) throw new Error(`unknown rule set: ${name}`);
  return r;
}
