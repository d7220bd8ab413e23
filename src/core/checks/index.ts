import type { FindingCode } from '../findings';
import type { FormCheck } from './check';
import { formCheck, fundsCheck } from './form';
import { noteCheck, scoreCheck, valueCheck } from './indicators';
import { weightCheck } from './weights';

export type { FormCheck } from './check';

/** Every check of a complete form, in the order their findings are raised. */
export const FORM_CHECKS: readonly FormCheck[] = [weightCheck, fundsCheck, valueCheck, scoreCheck, noteCheck, formCheck];

/** The checks of a form that lacks an indicator column: what can be read without it. */
export const PARTIAL_FORM_CHECKS: readonly FormCheck[] = [weightCheck, fundsCheck];

/** Codes the sheet-level check raises itself (no form, or a form without a column it needs). */
export const SHEET_CODES = ['NO_FORM', 'HEADER_MISSING'] as const satisfies readonly FindingCode[];
