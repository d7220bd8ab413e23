import { D, type Dec } from '../decimal';
import type { ParamValue } from '../findings';

/** A parameter as a message reads it: undefined where the finding does not carry it. */
type P = ParamValue | undefined;

function dec(v: P) {
  if (v === null || v === undefined || v === '') return null;
  try {
    return new D(String(v));
  } catch {
    return null;
  }
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Money: thousands separators and two decimals (`123,020,298.00`). */
export function amount(v: P): string {
  const d = dec(v);
  if (!d) return String(v ?? '—');
  const [i, f] = d.toFixed(2).split('.');
  return `${group(i)}.${f}`;
}

/** A score or count as the sheet writes it: no trailing zeros beyond what it has, separators for large numbers. */
export function plain(v: P): string {
  const d = dec(v);
  if (!d) return String(v ?? '—');
  const [i, f] = d.toFixed().split('.');
  return f ? `${group(i)}.${f}` : group(i);
}

/**
 * A score as a reader compares it: rounded half up to 2 decimals, no trailing zeros (`96.8714285714286` → `96.87`,
 * `100.00` → `100`). Scores are compared at 2 decimals, so they are shown at 2 decimals at most.
 */
export function scoreText(v: P | Dec): string {
  const d = D.isDecimal(v) ? (v as Dec) : dec(v as P);
  if (!d) return '—';
  return d.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed().replace(/^-0$/, '0');
}

/** A score to two decimals (`2.00`). */
export function score2(v: P): string {
  const d = dec(v);
  return d ? d.toFixed(2) : String(v ?? '—');
}

/** A fraction as a percentage with `places` fraction decimals (0.9829, 4 → `98.29%`). */
export function pct(v: P, places: P = 4): string {
  const d = dec(v);
  if (!d) return String(v ?? '—');
  const n = Number(places);
  return `${d.times(100).toFixed(Number.isInteger(n) ? Math.min(20, Math.max(0, n - 2)) : 2)}%`;
}

/**
 * The computed 执行率 of a RATE_MISMATCH: at the stated precision, and never coarser than two percent decimals, so
 * that a stated `0%` or `100%` is not answered with a rate rounded to the same few digits (`98.28%`, not `98%`).
 */
export function ratePct(p: { readonly places?: P; readonly exact?: P; readonly computed?: P }): string {
  const places = Number(p.places);
  const at = Number.isInteger(places) ? Math.max(4, places) : 4;
  return pct(p.exact ?? p.computed, at);
}

/** A signed money difference as words: `多 66,018,998.00` / `少 837,762.00` (`66,018,998.00 more` with `after`). */
export function gap(v: P, more: string, less: string, after = false): string {
  const d = dec(v);
  if (!d) return String(v ?? '—');
  const word = d.isNegative() ? less : more;
  const n = amount(d.abs().toFixed());
  return after ? `${n} ${word}` : `${word} ${n}`;
}

/** Threshold 1.2 → `120%`. */
export function ratioPct(v: P): string {
  const d = dec(v);
  return d ? `${d.times(100).toFixed()}%` : String(v ?? '—');
}

/** A parameter as text; '' when absent. */
export function text(v: P): string {
  return v === null || v === undefined ? '' : String(v);
}

/** `value` divided by `by`, exactly (a quantity shown at its written magnitude: 13000 / 10000 → `1.3`). */
export function divided(value: P, by: P): string {
  const a = dec(value);
  const b = dec(by);
  return a && b && !b.isZero() ? a.div(b).toFixed() : String(value ?? '—');
}

/** The cells of a finding that names several (`params.cells`, two or more), each with its own params; else null. */
export function eachCell<T extends { readonly cell: string }>(p: { readonly cells?: readonly T[] }): readonly T[] | null {
  return Array.isArray(p.cells) && p.cells.length > 1 ? p.cells : null;
}
