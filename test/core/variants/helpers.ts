import { checkWorkbook, renderMessage, type CheckOptions, type CheckResult, type Finding, type FormResult } from '../../../src/core';
import type { SheetGrid } from '../../../src/core/grid';
import { sheetGrid, type Lit } from '../../fixtures/grid';

/** One variant on one sheet, checked. */
export function checkLit(lit: Lit, options: CheckOptions = {}, sheet = '自评表'): CheckResult {
  return checkWorkbook({ sheets: [sheetGrid(sheet, [{ lit }])] }, options);
}

export function checkGrids(sheets: SheetGrid[], options: CheckOptions = {}): CheckResult {
  return checkWorkbook({ sheets }, options);
}

/** Findings as `SEVERITY CODE CELL`, in the engine's order. */
export function findingList(r: { findings: readonly Finding[] }): string[] {
  return r.findings.map((f) => `${f.severity} ${f.code} ${f.cell}`);
}

/** The errors and warnings only (a correct form must have none). */
export function problems(r: { findings: readonly Finding[] }): string[] {
  return findingList({ findings: r.findings.filter((f) => f.severity !== 'info') });
}

/** Indicator rows as `cell kind computed status`. */
export function indicatorList(f: FormResult): string[] {
  return f.indicators.map((i) => `${i.cell} ${i.kind} ${i.computedScore?.toFixed() ?? '-'} ${i.status}`);
}

/** Every message of a result, both languages, for the wording checks. */
export function messages(r: CheckResult): { zh: string; en: string; f: Finding }[] {
  return r.findings.map((f) => ({ zh: renderMessage(f, 'zh-CN'), en: renderMessage(f, 'en-US'), f }));
}
