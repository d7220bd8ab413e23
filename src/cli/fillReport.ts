import {
  countSeverities, D, decString, isExcelError, reportFinding,
  type CellValue, type CheckResult, type FillPlan, type FillReason, type Lang, type ReportFinding, type Severity,
} from '../core';

/**
 * A cell's value in `fill --json`: its type and the value as text (a number as an exact plain decimal string, an
 * Excel error by its code), so that text that looks like a number or an error code is never mistaken for one.
 */
export type FillCellValue =
  | { type: 'number'; value: string }
  | { type: 'text'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; value: string };

export interface FillReportCell {
  cell: string;
  /** what the cell is: `score`, `rate`, `fundsScore`, `total`, `note` (a drafted 偏差原因) or `overwriteScore` */
  kind: FillReason;
  /** what the cell held before; null for an empty cell */
  old: FillCellValue | null;
  new: FillCellValue;
  /** the number format set with the value (`0.00%` for a rate), null when the cell's format was left alone */
  numberFormat: string | null;
}

/** What `ziping fill --json` prints (docs/report-json.md): the cells written, by sheet, and what the copy still holds. */
export interface FillReport {
  version: 1;
  command: 'fill';
  file: string;
  output: string;
  ruleSet: string;
  written: number;
  counts: Record<FillReason, number>;
  sheets: { sheet: string; cells: FillReportCell[] }[];
  /** the written copy checked again */
  after: { counts: Record<Severity, number>; findings: ReportFinding[] };
}

function cellValue(v: CellValue): FillCellValue | null {
  if (v === null) return null;
  if (isExcelError(v)) return { type: 'error', value: v.code };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (typeof v === 'number') return { type: 'number', value: decString(new D(v)) };
  return { type: 'text', value: v };
}

/**
 * The `fill --json` document of a plan written from `file` to `output`; `after` is the check of the written copy.
 * Keys come in a fixed order (the order below), sheets and cells in the plan's order.
 */
export function buildFillReport(file: string, output: string, plan: FillPlan, after: CheckResult, lang: Lang): FillReport {
  const sheets: FillReport['sheets'] = [];
  for (const c of plan.cells) {
    let s = sheets[sheets.length - 1];
    if (s?.sheet !== c.sheet) {
      s = sheets.find((x) => x.sheet === c.sheet) ?? { sheet: c.sheet, cells: [] };
      if (!sheets.includes(s)) sheets.push(s);
    }
    const written: FillCellValue = typeof c.value === 'number'
      ? { type: 'number', value: c.exact ?? decString(new D(c.value)) }
      : { type: 'text', value: c.value };
    s.cells.push({ cell: c.cell, kind: c.reason, old: cellValue(c.current), new: written, numberFormat: c.numberFormat });
  }
  const { score, rate, fundsScore, total, note, overwriteScore } = plan.counts;
  const { error, warning, info } = countSeverities(after.findings);
  return {
    version: 1,
    command: 'fill',
    file,
    output,
    ruleSet: after.ruleSet,
    written: plan.cells.length,
    counts: { score, rate, fundsScore, total, note, overwriteScore },
    sheets,
    after: { counts: { error, warning, info }, findings: after.findings.map((f) => reportFinding(f, lang)) },
  };
}
