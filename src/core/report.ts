import { D, decString, type Dec } from './decimal';
import type { CellParams, CheckResult, DeclaredFundsResult, Finding, Lang, ParamScalar, ParamValue } from './model';
import { renderMessage } from './messages';

export interface ReportFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  params: Record<string, ParamValue>;
}

export interface ReportDeclaredFunds {
  total: string | null;
  fiscal: string | null;
  other: string | null;
  cell: string | null;
}

export interface Report {
  version: 1;
  file: string;
  ruleSet: string;
  forms: {
    sheet: string;
    range: string;
    project: string;
    year: string | null;
    funds: {
      budget: string | null; executed: string | null; rate: string | null; weight: string | null;
      statedScore: string | null; computedScore: string | null; cell: string | null;
    } | null;
    indicators: {
      cell: string; level1: string; level2: string; name: string; target: string; actual: string; kind: string;
      weight: string | null; statedScore: string | null; computedScore: string | null; status: string;
      scoreCell: string | null; noteCell: string | null;
    }[];
    total: { weight: string | null; stated: string | null; computed: string | null; undetermined: number; cell: string | null };
    grade: string | null;
    findings: ReportFinding[];
    /** `selfEvaluation` (自评表) or `declaration` (绩效目标申报表; no scores: total and grade null) */
    kind: 'selfEvaluation' | 'declaration';
    /** a declaration's 项目期 and funds (decimals as exact strings); null for a self-evaluation */
    declaration?: {
      period: string;
      midTermFunds: ReportDeclaredFunds | null;
      annualFunds: ReportDeclaredFunds | null;
    } | null;
  }[];
}

/**
 * Significant digits of a computed ratio (执行率, 完成率, the ratios of finding parameters) in the report. A quotient
 * is exact to the 40 digits of the Decimal configuration; past ten digits they tell a reader nothing and make every
 * consumer round. Money, weights, scores and the sheet's own figures are never rounded.
 */
export const RATIO_DIGITS = 10;

/** Finding parameters that hold a computed ratio (see {@link RATIO_DIGITS}). */
export const RATIO_PARAMS: readonly string[] = ['ratio', 'rate', 'exact'];

const DECIMAL = /^-?\d+(\.\d+)?$/;
const s = (d: Dec | null): string | null => (d ? decString(d) : null);

/** A computed ratio as the report writes it: at most {@link RATIO_DIGITS} significant digits, half up. */
export function ratioString(d: Dec): string {
  return decString(d.toSignificantDigits(RATIO_DIGITS));
}

const ratio = (d: Dec | null): string | null => (d ? ratioString(d) : null);

const ratioParam = (k: string, v: ParamScalar): ParamScalar =>
  typeof v === 'string' && RATIO_PARAMS.includes(k) && DECIMAL.test(v) ? ratioString(new D(v)) : v;

/** A finding's parameters with their ratios cut, the cells of a finding that names several (`cells`) included. */
function reportParams(params: Readonly<Record<string, ParamValue>>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  const keys = Object.keys(params);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = params[k];
    out[k] = Array.isArray(v)
      ? (v as readonly CellParams[]).map((c) => Object.fromEntries(Object.entries(c).map(([ck, cv]) => [ck, ratioParam(ck, cv)])) as CellParams)
      : ratioParam(k, v as ParamScalar);
  }
  return out;
}
const declaredFunds = (f: DeclaredFundsResult | null): ReportDeclaredFunds | null =>
  f && { total: s(f.total), fiscal: s(f.fiscal), other: s(f.other), cell: f.cell };

/** A finding as the report carries it, with its message rendered in the language and its ratios cut to {@link RATIO_DIGITS}. */
export function reportFinding(f: Finding, lang: Lang): ReportFinding {
  return { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: renderMessage(f, lang), params: reportParams(f.params) };
}

/**
 * The CLI's `--json` report (SPEC §7, docs/report-json.md): decimals as exact strings, computed ratios to
 * {@link RATIO_DIGITS} significant digits, null where a value is not there.
 */
export function buildReport(result: CheckResult, file: string, lang: Lang = 'zh-CN'): Report {
  return {
    version: 1,
    file,
    ruleSet: result.ruleSet,
    forms: result.forms.map((f) => ({
      sheet: f.sheet,
      range: f.range,
      project: f.project,
      year: f.year,
      funds: f.funds
        ? {
            budget: s(f.funds.budget), executed: s(f.funds.executed), rate: ratio(f.funds.rate), weight: s(f.funds.weight),
            statedScore: s(f.funds.statedScore), computedScore: s(f.funds.computedScore), cell: f.funds.cell,
          }
        : null,
      indicators: f.indicators.map((i) => ({
        cell: i.cell, level1: i.level1, level2: i.level2, name: i.name, target: i.target, actual: i.actual, kind: i.kind,
        weight: s(i.weight), statedScore: s(i.statedScore), computedScore: s(i.computedScore), status: i.status,
        scoreCell: i.scoreCell, noteCell: i.noteCell,
      })),
      total: { weight: s(f.total.weight), stated: s(f.total.stated), computed: s(f.total.computed), undetermined: f.total.undetermined, cell: f.total.cell },
      grade: f.grade,
      findings: f.findings.map((x) => reportFinding(x, lang)),
      kind: f.kind,
      declaration: f.declaration
        ? { period: f.declaration.period, midTermFunds: declaredFunds(f.declaration.midTermFunds), annualFunds: declaredFunds(f.declaration.annualFunds) }
        : null,
    })),
  };
}
