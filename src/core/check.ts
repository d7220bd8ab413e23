import { D, ZERO, roundHalfUp } from './decimal';
import { detectForms } from './detect';
import type { IndicatorRole } from './detect/types';
import { evaluateForm, type EvaluatedForm } from './form';
import { countFill, planFormFill } from './fill';
import { GridView, toA1, trimmedCellText, type CellValue, type SheetGrid, type WorkbookGrid } from './grid';
import type { CheckOptions, CheckResult, DeclaredFundsResult, FillCell, FormResult } from './model';
import { groupRowFindings, sortFindings, type Finding } from './findings';
import { getRuleSet, type RuleSet } from './rules/ruleSets';
import { gradeOf } from './rules/score';
import { finding } from './checks/finding';
import { FORM_CHECKS, PARTIAL_FORM_CHECKS } from './checks';
import { DECLARATION_CHECKS, PARTIAL_DECLARATION_CHECKS } from './declaration/checks';
import { checkAgainstDeclarations } from './declaration/compare';
import { evaluateDeclaration, textOf as declarationText, type DeclarationForm, type DeclaredFunds } from './declaration/evaluate';
import { checkMapCells, checkMapInside, checkMapSheets, sheetMappings } from './columnMap';
import { effectiveScore } from './checks/indicators';

const ROLE_LABEL: Record<IndicatorRole, string> = {
  level1: '一级指标', level2: '二级指标', level3: '三级指标', target: '年度指标值', actual: '实际完成值',
  targetSign: '指标性质', targetUnit: '度量单位', midTarget: '中期指标值',
  weight: '分值', score: '得分', note: '偏差原因分析及改进措施',
};
function effectiveRules(options: CheckOptions): RuleSet {
  const rules = getRuleSet(options.ruleSet);
  if (options.overachieveThreshold === undefined) return rules;
  const t = new D(String(options.overachieveThreshold));
  if (!t.isFinite() || t.lte(ZERO)) throw new Error(`bad over-achievement threshold: ${options.overachieveThreshold}`);
  return { ...rules, overachieveThreshold: t.toFixed() };
}

function summarize(form: EvaluatedForm, findings: Finding[]): FormResult {
  const funds = form.funds;
  const fundsScore = funds ? (funds.computed ?? funds.statedScore?.value ?? null) : null;
  let computed = fundsScore ?? ZERO;
  let undetermined = 0;
  for (const i of form.indicators) {
    if (i.computed === null) undetermined++;
    computed = computed.plus(effectiveScore(i) ?? ZERO);
  }
  computed = roundHalfUp(computed, 2);
  // a 分值 that cannot be one gives no total and no grade: the total would be computed from it
  const invalidWeight = Boolean(funds?.weight?.invalid) || form.indicators.some((i) => i.weight?.invalid);
  const hasScores = form.indicators.length > 0 && !invalidWeight;
  return {
    sheet: form.sheet,
    kind: 'selfEvaluation',
    range: form.range,
    project: form.project,
    department: form.department,
    implementer: form.implementer,
    year: form.year,
    goal: form.goal ? { target: textOf(form.goal.target?.value), actual: textOf(form.goal.actual?.value) } : null,
    funds: funds
      ? {
          budget: funds.budget?.value ?? null, executed: funds.executed?.value ?? null, rate: funds.rate,
          statedRate: funds.statedRate?.value ?? null, weight: funds.weight?.value ?? null,
          statedScore: funds.statedScore?.value ?? null, computedScore: funds.computed,
          cell: funds.statedScore?.cell.a1 ?? null, rateCell: funds.statedRate?.cell.a1 ?? null,
        }
      : null,
    indicators: form.indicators.map((i) => ({
      cell: i.nameCell?.a1 ?? i.targetCell?.a1 ?? toA1(i.row, form.layout.range.left),
      level1: i.level1, level2: i.level2, name: i.name, target: i.targetText, actual: i.actualText, kind: i.target.kind,
      weight: i.weight?.value ?? null, statedScore: i.stated?.value ?? null, computedScore: i.computed, status: i.status,
      overachieved: i.outcome.overachieved, scoreCell: i.stated?.cell.a1 ?? null, noteCell: i.noteCell?.a1 ?? null,
      note: i.note, targetCell: i.targetCell?.a1 ?? null, actualCell: i.actualCell?.a1 ?? null,
    })),
    total: {
      weight: form.total?.weight?.value ?? null,
      stated: form.total?.stated?.value ?? null,
      computed: hasScores ? computed : null,
      undetermined,
      cell: form.total?.stated?.cell.a1 ?? null,
    },
    grade: hasScores ? gradeOf(computed, form.rules) : null,
    findings,
  };
}

/** A declaration as a form result: its indicators and targets; no scores, total or grade. */
function summarizeDeclaration(d: DeclarationForm, findings: Finding[]): FormResult {
  const r = summarize(d.form, findings);
  const funds = (f: DeclaredFunds | null): DeclaredFundsResult | null => f && {
    total: f.total?.value ?? null, fiscal: f.fiscal?.value ?? null, other: f.other?.value ?? null, cell: f.total?.cell.a1 ?? null,
  };
  return {
    ...r,
    kind: 'declaration',
    indicators: r.indicators.map((i) => ({ ...i, computedScore: null })),
    total: { weight: null, stated: null, computed: null, undetermined: 0, cell: null },
    grade: null,
    declaration: { period: declarationText(d.period), midTermFunds: funds(d.midTermFunds), annualFunds: funds(d.annualFunds) },
  };
}

function textOf(v: CellValue | undefined): string {
  return v === undefined ? '' : trimmedCellText(v);
}

interface SheetOutcome {
  forms: FormResult[];
  fill: FillCell[];
  noForm: Finding | null;
}

function checkSheetGrid(grid: SheetGrid, rules: RuleSet, options: CheckOptions): SheetOutcome {
  const view = new GridView(grid);
  const mapped = sheetMappings(options.columnMap, grid.sheet);
  for (const m of mapped) checkMapCells(view, m);
  const layouts = detectForms(view, mapped);
  const spans = layouts.map((l) => ({ headerRow: l.indicatorHeaderRow, headerBottom: l.indicatorHeaderRow + 1, left: l.range.left, right: l.range.right }));
  for (const m of mapped) checkMapInside(m, spans);
  if (layouts.length === 0) {
    return {
      forms: [], fill: [],
      noForm: finding('NO_FORM', 'error', grid.sheet, toA1(grid.origin.row, grid.origin.col), {
        sheet: grid.sheet, looked: '年度指标值、实际完成值、分值、得分',
      }),
    };
  }
  const forms: FormResult[] = [];
  const fill: FillCell[] = [];
  for (const layout of layouts) {
    const fs: Finding[] = [];
    const complete = layout.missing.length === 0;
    if (!complete) {
      const cell = toA1(layout.indicatorHeaderRow, layout.range.left);
      fs.push(finding('HEADER_MISSING', 'error', grid.sheet, cell, {
        roles: layout.missing.join(','), labels: layout.missing.map((r) => ROLE_LABEL[r]).join('、'),
      }));
    }
    if (layout.kind === 'declaration') {
      const d = evaluateDeclaration(view, layout, rules, options);
      for (const c of complete ? DECLARATION_CHECKS : PARTIAL_DECLARATION_CHECKS) fs.push(...c.run(d));
      forms.push(summarizeDeclaration(d, sortFindings(groupRowFindings(fs))));
      continue;
    }
    const form = evaluateForm(view, layout, rules, options);
    for (const c of complete ? FORM_CHECKS : PARTIAL_FORM_CHECKS) fs.push(...c.run(form));
    const sorted = sortFindings(groupRowFindings(fs));
    if (!complete) {
      forms.push(summarize(form, sorted));
      continue;
    }
    const planned = planFormFill(form, sorted);
    forms.push(summarize(form, planned.findings.length > 0 ? sortFindings([...sorted, ...planned.findings]) : sorted));
    fill.push(...planned.cells);
  }
  return { forms, fill, noForm: null };
}

/**
 * Checks every sheet of a workbook snapshot: finds the forms, scores them under the rule set, returns each form with
 * its findings, and the fill plan. A sheet without a form gives NO_FORM only when no sheet has one. A column map
 * (`options.columnMap`) that names a sheet the workbook lacks or points outside a form throws
 * {@link ColumnMapError} (message in Chinese).
 */
export function checkWorkbook(workbook: WorkbookGrid, options: CheckOptions = {}): CheckResult {
  checkMapSheets(options.columnMap, workbook.sheets.map((s) => s.sheet));
  return checkEach(workbook.sheets, options);
}

/**
 * {@link checkWorkbook} over sheets that come one at a time, from a reader that reads each when it is asked for:
 * nothing of a sheet is kept past its check but its results, so a pile of forms never holds every sheet's cells at
 * once. A column map's sheet names are not checked against the workbook here (checkWorkbook does it first): give a
 * column map to checkWorkbook.
 */
export function checkSheets(sheets: Iterable<SheetGrid>, options: CheckOptions = {}): CheckResult {
  if (options.columnMap) throw new Error('checkSheets: a column map is checked against every sheet first; use checkWorkbook');
  return checkEach(sheets, options);
}

function checkEach(sheets: Iterable<SheetGrid>, options: CheckOptions): CheckResult {
  const rules = effectiveRules(options);
  const forms: FormResult[] = [];
  const fill: FillCell[] = [];
  const noForm: Finding[] = [];
  const hidden: string[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) {
      hidden.push(sheet.sheet);
      continue;
    }
    const r = checkSheetGrid(sheet, rules, options);
    forms.push(...r.forms);
    fill.push(...r.fill);
    if (r.noForm) noForm.push(r.noForm);
  }
  const result = finish(rules, forms, fill, noForm, hidden);
  return options.compareDeclarations ? checkAgainstDeclarations(result, result.forms, true) : result;
}

function finish(rules: RuleSet, forms: FormResult[], fill: FillCell[], noForm: Finding[], hidden: string[]): CheckResult {
  const sheetFindings = forms.length === 0 ? (noForm.length > 0 ? noForm : [finding('NO_FORM', 'error', '', 'A1', { sheet: '', looked: '年度指标值、实际完成值、分值、得分' })]) : [];
  return {
    ruleSet: rules.name,
    forms,
    findings: [...sheetFindings, ...forms.flatMap((f) => f.findings)],
    fillPlan: countFill(fill),
    sheetsWithoutForm: noForm.map((f) => f.sheet),
    hiddenSheets: hidden,
  };
}

/** Checks one sheet snapshot (the add-in's active sheet). */
export function checkSheet(sheet: SheetGrid, options: CheckOptions = {}): CheckResult {
  return checkWorkbook({ sheets: [sheet] }, options);
}
