import { columnIndex } from './grid';
import type { QualitativeClass, TargetKind } from './values/types';

export type Severity = 'error' | 'warning' | 'info';

/** Message parameters are plain values: exact decimal strings, cell text, counts. Messages format them. */
export type ParamValue = string | number | boolean | null;

/** Exact decimal string of a number, or null where the value is not there. */
type Num = string | null;

/** Where an indicator's findings say which indicator: its name, and its target and actual as the sheet shows them. */
type Named = { name?: string; target?: string; actual?: string };

/** A stated score against its rule: an indicator's (kind, status, ratio) or the funds row's (`funds`, rate). */
type ScoreParams = Named & {
  kind?: TargetKind;
  status?: QualitativeClass;
  weight?: Num;
  stated?: Num;
  computed?: Num;
  ratio?: Num;
  /** the stated number as the sheet shows it (`28.57` for 28.571428571428573 in a `0.00` cell) */
  statedText?: string | null;
  funds?: boolean;
  rate?: Num;
};

type RateParams = {
  stated: Num; computed: Num; exact: Num; places: number; halfUp: Num; roundUp: Num; budget: Num; executed: Num;
};

/** Which 分值 a WEIGHT_INVALID is about. */
export type WeightOf = 'funds' | 'indicator' | 'total';

/**
 * Every finding code with the parameters it carries: the one map that the function raising a finding, both message
 * tables and the checks' declared codes are typed against. A new code is a new key here; the compiler then asks for
 * its messages (zh-CN, en-US) and for its place in {@link FINDING_CODES}.
 */
export type FindingParams = {
  NO_FORM: { sheet: string; looked: string };
  HEADER_MISSING: { roles: string; labels: string };
  SCORE_MISMATCH: ScoreParams;
  SCORE_OVER_WEIGHT: ScoreParams;
  SCORE_MISSING: ScoreParams & { computable: boolean; formula?: string };
  SCORE_OUT_OF_BAND: ScoreParams & { low: Num; high: Num; highInclusive: boolean };
  WEIGHT_SUM: { sum: Num; expected: Num; funds: Num; indicators: Num };
  WEIGHT_INVALID: Named & {
    what: WeightOf;
    /** the cell as the sheet shows it */
    value: string;
    reason: 'negative' | 'aboveLimit' | 'notFinite';
    limit: string;
  };
  TOTAL_MISMATCH: { stated: Num; computed: Num; statedText: string | null };
  RATE_MISMATCH: RateParams;
  RATE_ROUNDING: RateParams;
  FUNDS_BREAKDOWN: { column: string; total: Num; sum: Num; parts: string; difference: Num };
  OVER_EXECUTION: { budget: Num; executed: Num };
  GOAL_MISSING: Record<never, never>;
  NOTE_MISSING: Named & { reason: 'below' | 'overachieved'; score: Num; weight: Num; status: QualitativeClass; draft: boolean };
  OVERACHIEVED: Named & { ratio: Num; threshold: string; hasNote: boolean };
  TARGET_MALFORMED: Named;
  VALUE_UNPARSED: Named & { reason: 'empty' | 'unparsed' };
  UNIT_MISMATCH: Named & { detail: string | null };
  QUALITATIVE_REVIEW: ScoreParams & { review?: 'reverseExceeded' | 'equalDiffers' };
  VALUE_FROM_TEXT: Named & { used: string; value: Num; unit: string };
  WEIGHT_SPLIT: { level1: string; weight: Num; expected: string };
  SCALE_GUESSED: Named & { value: Num; unit: string; magnitude: Num; targetMagnitude: Num };
  CELL_UNREADABLE: Named & { what: 'funds' | 'weight' | 'score'; value: string };
  TEXT_TRUNCATED: Named & { length: number; limit: number };
};

export type FindingCode = keyof FindingParams;

export const FINDING_CODES = [
  'NO_FORM', 'HEADER_MISSING', 'SCORE_MISMATCH', 'SCORE_OVER_WEIGHT', 'SCORE_MISSING', 'SCORE_OUT_OF_BAND',
  'WEIGHT_SUM', 'TOTAL_MISMATCH', 'RATE_MISMATCH', 'RATE_ROUNDING', 'FUNDS_BREAKDOWN', 'OVER_EXECUTION',
  'GOAL_MISSING', 'NOTE_MISSING', 'OVERACHIEVED', 'TARGET_MALFORMED', 'VALUE_UNPARSED', 'UNIT_MISMATCH',
  'QUALITATIVE_REVIEW', 'VALUE_FROM_TEXT', 'WEIGHT_SPLIT', 'SCALE_GUESSED', 'CELL_UNREADABLE', 'WEIGHT_INVALID',
  'TEXT_TRUNCATED',
] as const satisfies readonly FindingCode[];

// the list holds every key of the map: a code missing from it fails here
type Unlisted = Exclude<FindingCode, (typeof FINDING_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

/**
 * A finding as hosts, reports and tests carry it: any code, its parameters as plain values. Messages read it
 * through the typed map; one raised by Ziping is a {@link FindingOf} its code.
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell the finding is about */
  readonly cell: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** A finding of one of the codes `C`, with that code's parameters. */
export type FindingOf<C extends FindingCode> = C extends FindingCode
  ? Omit<Finding, 'code' | 'params'> & { readonly code: C; readonly params: Readonly<FindingParams[C]> }
  : never;

/** A finding of a code at a cell; its params are typed by the code. */
export function finding<C extends FindingCode>(code: C, severity: Severity, sheet: string, cell: string, params: FindingParams[C]): FindingOf<C> {
  return { code, severity, sheet, cell, params } as FindingOf<C>;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Row and column (0-based) of a finding's A1 cell; a finding about no cell ('') sorts as A1. */
function position(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  return m ? [Number(m[2]) - 1, columnIndex(m[1])] : [0, 0];
}

/**
 * The order findings are shown and reported in: errors first, then warnings, then infos; within a severity by row,
 * then column; otherwise as raised. Returns a new array.
 */
export function sortFindings<F extends Pick<Finding, 'severity' | 'cell'>>(fs: readonly F[]): F[] {
  return fs
    .map((f, i) => ({ f, i, p: position(f.cell) }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.f);
}

/** Severity rank for sorting (error 0, warning 1, info 2). */
export function severityRank(s: Severity): number {
  return SEVERITY_ORDER[s];
}
