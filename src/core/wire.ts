import { D } from './decimal';
import type { CheckPart } from './check';

/** How a Decimal travels: its exact text (a structured clone would keep the digits but lose the methods). */
interface WireDecimal {
  readonly $dec: string;
}

function encode(v: unknown): unknown {
  if (v instanceof D) return { $dec: v.toString() } satisfies WireDecimal;
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = encode(x);
    return o;
  }
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object') {
    if (typeof (v as Partial<WireDecimal>).$dec === 'string' && Object.keys(v).length === 1) return new D((v as WireDecimal).$dec);
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = decode(x);
    return o;
  }
  return v;
}

/**
 * A check part as plain data, for another thread (structured clone) or a file: every Decimal as its exact text.
 * {@link partFromWire} gives back a part equal to the one given.
 */
export function partToWire(part: CheckPart): unknown {
  return encode(part);
}

/** The check part {@link partToWire} made. */
export function partFromWire(wire: unknown): CheckPart {
  return decode(wire) as CheckPart;
}
