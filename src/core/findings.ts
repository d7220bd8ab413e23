import { columnIndex } from './grid';
import type { QualitativeClass, TargetKind } from './values/types';

export type Severity = 'error' | 'warning' | 'info';

/** A plain message parameter: an exact decimal string, cell text, a count, a flag. */
export type ParamScalar = string | number | boolean | null;

/** One cell of a finding that names several cells of a row: its A1 address and the figures seen there. */
export type CellParams = { readonly cell: string; readonly [key: string]: ParamScalar };

/**
 * Message parameters are plain values, which messages format; `cells` alone holds a list, the cells of a finding
 * that names several (see {@link groupRowFindings}).
 */
export type ParamValue = ParamScalar | readonly CellParams[];

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

/**
 * A finding that names several cells of one row (one fault seen in each, {@link groupRowFindings}): every cell with
 * the params it would have had alone, the finding's own cell first. Absent when the finding names one cell.
 */
type InCells<P> = P & { cells?: readonly (P & { cell: string })[] };

type FundsBreakdownParams = { column: string; total: Num; sum: Num; parts: string; difference: Num };
type BreakdownSumParams = Named & { what: 'target' | 'actual'; unit: string; parts: number; parent: Num; sum: Num };
type UnreadableParams = Named & { what: 'funds' | 'weight' | 'score'; value: string };
type PlaceholderParams = Named & { field: 'name' | 'target' | 'midTarget'; text: string };

/**
 * Why a funds score cannot be computed: 全年预算数 of 0, below 0, empty or not a number; 全年执行数 empty or not a
 * number; the funds 分值 empty, not a number, or not one (WEIGHT_INVALID).
 */
export type UncomputableReason =
  | 'budgetZero' | 'budgetNegative' | 'budgetMissing' | 'budgetUnreadable'
  | 'executedMissing' | 'executedUnreadable' | 'weightMissing' | 'weightUnreadable' | 'weightInvalid';

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
  /** how the stated rate was rounded: the other convention than the rule set's (`up`, `halfUp`), or cut (`down`) */
  RATE_ROUNDING: RateParams & { way: 'up' | 'halfUp' | 'down' };
  /** one finding per row: the amount columns (年初预算数, 全年预算数, 全年执行数) that do not add up in `cells` */
  FUNDS_BREAKDOWN: InCells<FundsBreakdownParams>;
  /** the stated funds score, which cannot be checked (nor filled): `reason` says why; budget and executed as read */
  FUNDS_SCORE_UNCOMPUTABLE: {
    reason: UncomputableReason; budget: Num; executed: Num; weight: Num; stated: Num; statedText: string | null;
    /** the cell whose content is the reason (全年预算数, 全年执行数 or 分值) */
    at: string;
  };
  OVER_EXECUTION: { budget: Num; executed: Num };
  GOAL_MISSING: Record<never, never>;
  NOTE_MISSING: Named & { reason: 'below' | 'overachieved'; score: Num; weight: Num; status: QualitativeClass; draft: boolean };
  OVERACHIEVED: Named & { ratio: Num; threshold: string; hasNote: boolean };
  TARGET_MALFORMED: Named;
  VALUE_UNPARSED: Named & { reason: 'empty' | 'unparsed' };
  UNIT_MISMATCH: Named & { detail: string | null };
  QUALITATIVE_REVIEW: ScoreParams & { review?: 'reverseExceeded' | 'equalDiffers' };
  VALUE_FROM_TEXT: Named & { used: string; value: Num; unit: string };
  /** `stated`: `expected` is the weight the level-1 label states (产出指标（50分）), not the rule set's usual split */
  WEIGHT_SPLIT: { level1: string; weight: Num; expected: string; stated?: boolean };
  SCALE_GUESSED: Named & { value: Num; unit: string; magnitude: Num; targetMagnitude: Num };
  CELL_UNREADABLE: InCells<UnreadableParams>;
  TEXT_TRUNCATED: Named & { length: number; limit: number };
  /** breakdown rows (其中…) whose targets or actuals do not add up to their parent row's, in the parent's unit */
  BREAKDOWN_SUM: InCells<BreakdownSumParams>;
  // the 绩效目标申报表 (declaration), docs/declaration.md
  /** 资金总额 ≠ 财政拨款 + 其他资金 in the 中期 or 年度 block */
  DECL_FUNDS_SUM: { block: DeclaredBlock; total: Num; fiscal: Num; other: Num; sum: Num; difference: Num };
  /** a 一级 dimension (产出/效益/满意度), or under 产出 数量 or any of 质量/时效/成本, is absent */
  DECL_DIMENSION_MISSING: { level: 1 | 2; missing: string };
  DECL_TARGET_MISSING: Named;
  /** a qualitative target where its 二级指标 asks for a quantity */
  DECL_TARGET_QUALITATIVE: Named & { level2: string };
  /** a placeholder (`*`, `××`, `XX`, `待定`, `%` with no number) left in a name or a target */
  DECL_PLACEHOLDER: InCells<PlaceholderParams>;
  /** a lower bound on a cost or on a duration: the larger, the better, which is seldom meant */
  DECL_DIRECTION: Named & { level2: string; what: 'cost' | 'duration' };
  DECL_PERCENT_ABOVE_100: Named & { value: Num };
  DECL_SATISFACTION_LOW: Named & { value: Num };
  /** a deadline after the end of 项目期 (or of the budget year when 项目期 is one year) */
  DECL_DEADLINE_AFTER_PERIOD: Named & { deadline: string; periodEnd: string; period: string };
  /** the annual quantity above the mid-term quantity of the same indicator (same unit) */
  DECL_ANNUAL_ABOVE_MIDTERM: Named & { mid: string };
  // a self-evaluation against its declaration
  /** `target`: as evaluated; `declared`: as declared */
  TARGET_CHANGED: Named & { declared: string; declaredSheet: string; declaredCell: string };
  INDICATOR_NOT_DECLARED: Named;
  DECLARED_NOT_EVALUATED: Named & { declaredSheet: string; declaredCell: string };
};

/** A declaration's funds block: 中期 or 年度. */
export type DeclaredBlock = 'midTerm' | 'annual';

export type FindingCode = keyof FindingParams;

export const FINDING_CODES = [
  'NO_FORM', 'HEADER_MISSING', 'SCORE_MISMATCH', 'SCORE_OVER_WEIGHT', 'SCORE_MISSING', 'SCORE_OUT_OF_BAND',
  'WEIGHT_SUM', 'TOTAL_MISMATCH', 'RATE_MISMATCH', 'RATE_ROUNDING', 'FUNDS_BREAKDOWN', 'OVER_EXECUTION',
  'GOAL_MISSING', 'NOTE_MISSING', 'OVERACHIEVED', 'TARGET_MALFORMED', 'VALUE_UNPARSED', 'UNIT_MISMATCH',
  'QUALITATIVE_REVIEW', 'VALUE_FROM_TEXT', 'WEIGHT_SPLIT', 'SCALE_GUESSED', 'CELL_UNREADABLE', 'WEIGHT_INVALID',
  'TEXT_TRUNCATED', 'BREAKDOWN_SUM', 'FUNDS_SCORE_UNCOMPUTABLE',
  'DECL_FUNDS_SUM', 'DECL_DIMENSION_MISSING', 'DECL_TARGET_MISSING', 'DECL_TARGET_QUALITATIVE', 'DECL_PLACEHOLDER',
  'DECL_DIRECTION', 'DECL_PERCENT_ABOVE_100', 'DECL_SATISFACTION_LOW', 'DECL_DEADLINE_AFTER_PERIOD',
  'DECL_ANNUAL_ABOVE_MIDTERM', 'TARGET_CHANGED', 'INDICATOR_NOT_DECLARED', 'DECLARED_NOT_EVALUATED',
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
  /** A1 address of the cell the finding is about (the first of `params.cells` when it names several) */
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

/** Row and column (0-based) of a finding's A1 cell; a finding about no cell ('') sorts after those with one. */
function position(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  return m ? [Number(m[2]) - 1, columnIndex(m[1])] : [Number.MAX_SAFE_INTEGER, 0];
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

/** How many findings of each severity. */
export function countSeverities(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity] += 1;
  return c;
}

/** Every cell a finding names: its cell, and the other cells of `params.cells` when it names several. */
export function findingCells(f: Pick<Finding, 'cell' | 'params'>): string[] {
  const list = f.params.cells;
  if (!Array.isArray(list)) return [f.cell];
  const cells = [f.cell];
  for (const c of list as readonly CellParams[]) if (typeof c?.cell === 'string' && !cells.includes(c.cell)) cells.push(c.cell);
  return cells;
}

/**
 * The codes one fault of which is seen in several cells of a row, each cell raising the same finding: the amount
 * columns of the 年度资金总额 row, a breakdown's target and actual, the number cells of a row that are no numbers,
 * a declaration row's placeholders.
 */
export const ROW_GROUPED_CODES = ['FUNDS_BREAKDOWN', 'BREAKDOWN_SUM', 'CELL_UNREADABLE', 'DECL_PLACEHOLDER'] as const satisfies readonly FindingCode[];

const GROUPED: ReadonlySet<FindingCode> = new Set(ROW_GROUPED_CODES);

/**
 * One finding for one fault seen in several cells of a row: findings of a {@link ROW_GROUPED_CODES} code with the
 * same sheet, row, severity and indicator (`name`) become one: the leftmost of them, whose `params.cells` lists every
 * cell with its own params, left to right. Others, and a group of one, are kept as they are, in their order.
 */
export function groupRowFindings<F extends Finding>(fs: readonly F[]): F[] {
  const groups = new Map<string, F[]>();
  const keyOf = (f: F): string | null => {
    if (!GROUPED.has(f.code) || Array.isArray(f.params.cells)) return null;
    const m = /^[A-Z]+(\d+)$/.exec(f.cell);
    return m ? JSON.stringify([f.code, f.sheet, m[1], f.severity, f.params.name ?? null]) : null;
  };
  for (const f of fs) {
    const k = keyOf(f);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const out: F[] = [];
  for (const f of fs) {
    const k = keyOf(f);
    const g = k === null ? undefined : groups.get(k);
    if (!g || g.length === 1) out.push(f);
    else if (g[0] === f) {
      const byColumn = [...g].sort((a, b) => position(a.cell)[1] - position(b.cell)[1]);
      out.push({ ...byColumn[0], params: { ...byColumn[0].params, cells: byColumn.map((x) => cellParams(x)) } } as F);
    }
  }
  return out;
}

function cellParams(f: Finding): CellParams {
  const p: Record<string, ParamScalar> = { cell: f.cell };
  for (const [k, v] of Object.entries(f.params)) if (!Array.isArray(v)) p[k] = v as ParamScalar;
  return p as CellParams;
}
