import type { FormResult, Severity } from '../../../core';
import type { Strings } from '../../../app';

export interface FormSummaryProps {
  readonly form: FormResult;
  readonly strings: Strings;
  /** id of the heading, so the form's finding list can point at it */
  readonly headingId?: string;
}

export interface FormSummaryState {
  readonly project: string;
  readonly year: string | null;
  readonly total: string;
  /** computed total differs from the sheet's */
  readonly totalDiffers: boolean;
  readonly grade: string | null;
  readonly counts: ReadonlyArray<{ readonly severity: Severity; readonly icon: string; readonly label: string; readonly count: number }>;
}
