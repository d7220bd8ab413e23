import { D, gt, HUNDRED, lt, ZERO, type Dec } from '../decimal';
import type { CellValue } from '../grid';
import { displayText } from './format';
import { parseableText } from './text';

/** The largest 分值 a form can give: the whole form weighs 100 (SPEC §5). */
export const WEIGHT_LIMIT = HUNDRED;

/** Why a 分值 cannot be one: below 0, above {@link WEIGHT_LIMIT}, or not a finite number. */
export type WeightProblem = 'negative' | 'aboveLimit' | 'notFinite';

const NOT_FINITE = /^[-+]?(?:nan|inf|infinity|∞)$/iu;
const EXPONENT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)e[-+]?\d+$/iu;

/**
 * What is wrong with a 分值 cell, or null when nothing is (or it is empty or plain unreadable text). `read` is the
 * number the cell gave; text the cell reader does not take is still judged when it is `NaN`/`Infinity` or a
 * number in exponent form (`1e308`).
 */
export function weightProblem(value: CellValue, read: Dec | null): WeightProblem | null {
  let n = read;
  if (n === null) {
    if (typeof value === 'number') return Number.isFinite(value) ? null : 'notFinite';
    if (typeof value !== 'string') return null;
    const s = parseableText(value);
    if (NOT_FINITE.test(s)) return 'notFinite';
    if (!EXPONENT.test(s)) return null;
    n = new D(s);
  }
  if (!n.isFinite()) return 'notFinite';
  if (lt(n, ZERO)) return 'negative';
  return gt(n, WEIGHT_LIMIT) ? 'aboveLimit' : null;
}

/** A 分值 cell as a message quotes it: as the sheet shows it, a number too long for that in exponent form. */
export function weightText(value: CellValue, format: string | null): string {
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) >= 1e15) return String(value);
  return displayText(value, format);
}
