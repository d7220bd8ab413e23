import type { FindingCode, FindingParams } from '../findings';

/**
 * A message for every finding code, reading that code's parameters as {@link FindingParams} types them. A code
 * without a message does not compile. A message must still read a parameter that is absent (a finding from an older
 * report, a test's sample) as "not there": the format helpers take undefined.
 */
export type MessageTable = { readonly [C in FindingCode]: (p: Readonly<FindingParams[C]>) => string };
