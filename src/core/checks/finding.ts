import { decString, type Dec } from '../decimal';

export { finding } from '../findings';

/** Exact string of a decimal for params, or null. */
export function ds(d: Dec | null | undefined): string | null {
  return d ? decString(d) : null;
}
