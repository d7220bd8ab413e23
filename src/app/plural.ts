/** English plural rules (Intl.PluralRules), not `n === 1` scattered around. */
export const EN_PLURAL = new Intl.PluralRules('en-US');

/** `1 error`, `2 errors`, `0 errors`. */
export function count(n: number, one: string, other: string): string {
  return `${n} ${EN_PLURAL.select(n) === 'one' ? one : other}`;
}
