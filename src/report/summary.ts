import { buildReport, D, decString, type CheckResult, type Dec, type Lang, type Report, type Severity } from '../core';

/** What the §7 report leaves out of a form and the summaries group by. */
export interface FormUnits {
  readonly department: string;
  readonly implementer: string;
}

/** One row of 汇总: a form. Decimals stay exact strings; the writers decide how to show them. */
export interface FormRow {
  readonly file: string;
  readonly sheet: string;
  readonly range: string;
  readonly project: string;
  readonly department: string;
  readonly implementer: string;
  readonly year: string | null;
  readonly stated: string | null;
  readonly computed: string | null;
  /** 表内总分 − 计算总分, null unless both are there */
  readonly diff: string | null;
  readonly grade: string | null;
  /** 执行率 as a fraction (0.9881 = 98.81%) */
  readonly rate: string | null;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** the cell of the form's first error, for "jump to the first error" */
  readonly firstError: string | null;
}

/** One row of 问题清单: a finding. */
export interface FindingRow {
  readonly file: string;
  readonly sheet: string;
  readonly project: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** A file that gave no form: unreadable, or no form in it. */
export interface FileProblem {
  readonly file: string;
  /** a sentence that names the file */
  readonly reason: string;
}

/** All a pile's reports need of one file; small next to the file's report. */
export interface FileSummary {
  readonly file: string;
  readonly forms: readonly FormRow[];
  readonly findings: readonly FindingRow[];
  readonly problem: FileProblem | null;
}

/** One row of 按单位. */
export interface UnitRow {
  readonly department: string;
  readonly implementer: string;
  readonly forms: number;
  /** mean of the computed totals there are, two decimals half up */
  readonly averageComputed: string | null;
  readonly formsWithErrors: number;
}

export interface PileSummary {
  readonly files: number;
  readonly forms: readonly FormRow[];
  readonly findings: readonly FindingRow[];
  readonly problems: readonly FileProblem[];
  readonly units: readonly UnitRow[];
  /** forms per grade, in the order 优 良 中 差, then forms without a grade under '' */
  readonly grades: readonly { grade: string; forms: number }[];
  /** finding codes by how often they occur, most frequent first (ties by code) */
  readonly codes: readonly { code: string; count: number }[];
  readonly totals: { readonly error: number; readonly warning: number; readonly info: number; readonly formsWithErrors: number };
}

const SEVERITY_ORDER: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info' };
const GRADES = ['优', '良', '中', '差'] as const;

function dec(s: string | null): Dec | null {
  return s === null ? null : new D(s);
}

/**
 * The summary rows of one file's §7 report. `units` are the forms' 主管部门/实施单位, in the report's form order
 * (missing entries read as blank).
 */
export function summarizeReport(report: Report, units: readonly FormUnits[] = []): FileSummary {
  const forms: FormRow[] = [];
  const findings: FindingRow[] = [];
  report.forms.forEach((f, i) => {
    const c = { error: 0, warning: 0, info: 0 };
    let firstError: string | null = null;
    for (const x of f.findings) {
      const severity = SEVERITY_ORDER[x.severity] ?? 'info';
      c[severity] += 1;
      if (severity === 'error' && firstError === null) firstError = x.cell;
      findings.push({ file: report.file, sheet: x.sheet, project: f.project, cell: x.cell, severity, code: x.code, message: x.message });
    }
    const stated = dec(f.total.stated);
    const computed = dec(f.total.computed);
    forms.push({
      file: report.file, sheet: f.sheet, range: f.range, project: f.project,
      department: units[i]?.department ?? '', implementer: units[i]?.implementer ?? '', year: f.year,
      stated: f.total.stated, computed: f.total.computed, diff: stated && computed ? decString(stated.minus(computed)) : null,
      grade: f.grade, rate: f.funds?.rate ?? null, errors: c.error, warnings: c.warning, infos: c.info, firstError,
    });
  });
  return { file: report.file, forms, findings, problem: null };
}

/** The summary rows of a check result (the CLI's per file, the pane's for the workbook). */
export function summarizeResult(result: CheckResult, file: string, lang: Lang): FileSummary {
  const units = result.forms.map((f) => ({ department: f.department, implementer: f.implementer }));
  return summarizeReport(buildReport(result, file, lang), units);
}

/** A file that gave no report rows. */
export function fileProblem(file: string, reason: string): FileSummary {
  return { file, forms: [], findings: [], problem: { file, reason } };
}

/**
 * The summary of a pile, from its files' summaries in the order the reports list them. `findings` keeps each form's
 * findings together in form order: form i's are the next `errors + warnings + infos` rows.
 */
export function summarizePile(files: readonly FileSummary[]): PileSummary {
  const forms = files.flatMap((f) => f.forms);
  const findings = files.flatMap((f) => f.findings);
  const units = new Map<string, { department: string; implementer: string; forms: number; sum: Dec; counted: number; withErrors: number }>();
  const grades = new Map<string, number>([...GRADES.map((g): [string, number] => [g, 0]), ['', 0]]);
  for (const f of forms) {
    const key = JSON.stringify([f.department, f.implementer]);
    const u = units.get(key) ?? { department: f.department, implementer: f.implementer, forms: 0, sum: new D(0), counted: 0, withErrors: 0 };
    u.forms += 1;
    if (f.computed !== null) {
      u.sum = u.sum.plus(f.computed);
      u.counted += 1;
    }
    if (f.errors > 0) u.withErrors += 1;
    units.set(key, u);
    const g = f.grade ?? '';
    grades.set(g, (grades.get(g) ?? 0) + 1);
  }
  const codes = new Map<string, number>();
  const totals = { error: 0, warning: 0, info: 0, formsWithErrors: forms.filter((f) => f.errors > 0).length };
  for (const x of findings) {
    codes.set(x.code, (codes.get(x.code) ?? 0) + 1);
    totals[x.severity] += 1;
  }
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    files: files.length,
    forms,
    findings,
    problems: files.flatMap((f) => (f.problem ? [f.problem] : [])),
    units: [...units.values()]
      .sort((a, b) => byText(a.department, b.department) || byText(a.implementer, b.implementer))
      .map((u) => ({
        department: u.department, implementer: u.implementer, forms: u.forms, formsWithErrors: u.withErrors,
        averageComputed: u.counted > 0 ? u.sum.div(u.counted).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2) : null,
      })),
    grades: [...grades].map(([grade, n]) => ({ grade, forms: n })),
    codes: [...codes].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || byText(a.code, b.code)),
    totals,
  };
}
