import type { Finding, FindingCode, ParamValue, Severity } from '../model';
import { decString, type Dec } from '../decimal';

/** A finding of a code at a cell; params are plain values the messages format. */
export function finding(code: FindingCode, severity: Severity, sheet: string, cell: string, params: Record<string, ParamValue> = {}): Finding {
  return { code, severity, sheet, cell, params };
}

/** Exact string of a decimal for params, or null. */
export function ds(d: Dec | null | undefined): string | null {
  return d ? decString(d) : null;
}
