import type { FindingCode, FindingOf } from '../findings';
import type { EvaluatedForm } from '../form';

/**
 * A check of an evaluated form with the codes it may raise, declared as Zod's checks declare their issues: `run`
 * returns findings of those codes only (the compiler holds it to that), and a test holds the running code to it.
 */
export interface FormCheck<C extends FindingCode = FindingCode> {
  readonly name: string;
  readonly codes: readonly C[];
  readonly run: (form: EvaluatedForm) => FindingOf<C>[];
}

/** A check from its name, its declared codes (a literal list) and its function. */
export function defineCheck<const C extends FindingCode>(
  name: string, codes: readonly C[], run: (form: EvaluatedForm) => FindingOf<C>[],
): FormCheck<C> {
  return { name, codes, run };
}
