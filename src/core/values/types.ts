import type { Dec } from '../decimal';

/**
 * A quantity as written: the number in base units (magnitudes 万/亿 applied, percent kept as percent points:
 * `75%` → value 75, unit '%'), its unit text and the magnitude that was written (1, 1e4, 1e8) so that an
 * actual without magnitude can be read at the target's scale.
 */
export interface Quantity {
  readonly value: Dec;
  /** '' when none; '%' for percentages; otherwise the text after the number (`场`, `核小时`, `人次`) */
  readonly unit: string;
  /** 1, 10000 or 100000000: the magnitude character written (`1.2万户` → 10000) */
  readonly magnitude: Dec;
}

export type ComparatorKind = 'atLeast' | 'moreThan' | 'atMost' | 'lessThan' | 'equal';

export type TargetKind = ComparatorKind | 'range' | 'rank' | 'qualitative';

/** A parsed 年度指标值. */
export type Target =
  | { readonly kind: ComparatorKind; readonly text: string; readonly quantity: Quantity }
  | { readonly kind: 'range'; readonly text: string; readonly low: Quantity; readonly high: Quantity }
  | { readonly kind: 'rank'; readonly text: string; readonly rank: Dec }
  | {
      readonly kind: 'qualitative';
      readonly text: string;
      /** looked numeric but lost its number (`满足国内%以上的主流浏览器`): TARGET_MALFORMED */
      readonly malformed: boolean;
    };

/** A parsed 实际完成值, before it is read against a target. */
export type Actual =
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly code: string }
  /** a number cell or a text that is just a number with optional unit/magnitude */
  | { readonly kind: 'number'; readonly text: string; readonly quantity: Quantity; readonly unitGiven: boolean }
  | { readonly kind: 'rank'; readonly text: string; readonly rank: Dec }
  /** anything else: a sentence, `约95`, `N/A`, `有效`; numbers inside are found when measured */
  | { readonly kind: 'text'; readonly text: string };

export type QualitativeClass = 'achieved' | 'partial' | 'notAchieved' | 'undetermined';

/**
 * The actual read against its target: a number in the target's unit and scale, a rank, a class for a
 * qualitative target, or why it could not be read.
 */
export type Measure =
  | {
      readonly ok: true;
      readonly kind: 'number';
      /** in the target's unit and base scale (percent points when the target is a percentage) */
      readonly value: Dec;
      /** how the number was obtained, each an info finding for the person */
      readonly notes: readonly MeasureNote[];
    }
  | { readonly ok: true; readonly kind: 'rank'; readonly rank: Dec; readonly notes: readonly MeasureNote[] }
  | { readonly ok: true; readonly kind: 'class'; readonly cls: QualitativeClass; readonly notes: readonly MeasureNote[] }
  | { readonly ok: false; readonly reason: 'empty' | 'unparsed' | 'unitMismatch'; readonly detail?: string };

export type MeasureNote =
  /** the number came from a sentence or an actual with its own comparator; `text` is the piece used */
  | { readonly kind: 'fromText'; readonly text: string; readonly value: Dec; readonly unit: string }
  /** a bare actual against a target with 万/亿 was read at the nearer scale */
  | { readonly kind: 'scaleGuess'; readonly value: Dec; readonly unit: string; readonly magnitude: Dec };
