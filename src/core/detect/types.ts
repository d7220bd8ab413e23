import type { CellRange } from '../grid';

/** 0-based absolute cell position. */
export interface Pos {
  readonly row: number;
  readonly col: number;
}

/**
 * `targetSign` / `targetUnit`: 年度指标值 split over 指标性质 / 指标值 / 度量单位 (the value is then `target`);
 * `midTarget`: a declaration's 中期指标值.
 */
export type IndicatorRole =
  | 'level1' | 'level2' | 'level3' | 'target' | 'targetSign' | 'targetUnit' | 'midTarget' | 'actual' | 'weight' | 'score' | 'note';

/** What a form is: a year-end 自评表, or the 绩效目标申报表 (target declaration) set at budget time. */
export type FormKind = 'selfEvaluation' | 'declaration';

/** One funds block of a declaration (中期 or 年度): the value cells of its total and parts. */
export interface DeclarationFundsLayout {
  readonly total: Pos | null;
  readonly fiscal: Pos | null;
  readonly other: Pos | null;
}

/** What a declaration has above its indicator table; value cells, null where the form has none. */
export interface DeclarationLayout {
  readonly projectType: Pos | null;
  readonly period: Pos | null;
  readonly midTermFunds: DeclarationFundsLayout | null;
  readonly annualFunds: DeclarationFundsLayout | null;
  readonly midTermGoal: Pos | null;
  readonly annualGoal: Pos | null;
}
export type FundsColumnRole = 'initialBudget' | 'budget' | 'executed' | 'weight' | 'rate' | 'score';
export type FundsRowRole = 'total' | 'current' | 'carryover' | 'other';

/** The funds block (项目资金): its header row, columns by role and rows by role. */
export interface FundsLayout {
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<FundsColumnRole, number>>>;
  readonly rows: Readonly<Partial<Record<FundsRowRole, number>>>;
  /** 元 or 万元 when the label says (项目资金（万元）), else null */
  readonly unit: string | null;
}

/** One indicator row: cells by role (merges resolved by the reader, positions are where the row reads them). */
export interface IndicatorLayout {
  readonly row: number;
}

export interface TotalLayout {
  readonly row: number;
  /** the 总分 label cell */
  readonly label: Pos;
  /** cell holding the total 分值 (weight), if the form has one */
  readonly weight: Pos | null;
  /** cell holding the stated 总分 score */
  readonly score: Pos | null;
}

/** Where one form sits on a sheet and where each thing the checks need is. Found by labels, never by coordinates. */
export interface FormLayout {
  readonly sheet: string;
  readonly kind: FormKind;
  /** a declaration's upper part; null for a self-evaluation */
  readonly declaration: DeclarationLayout | null;
  /** the form's whole extent (title to 总分 row, all columns used) */
  readonly range: CellRange;
  readonly title: Pos | null;
  /** the year as written, digits only (`2021`), from the `(2021 年度)` line or the title */
  readonly year: string | null;
  /** value cells (not label cells) of the header block */
  readonly project: Pos | null;
  readonly department: Pos | null;
  readonly implementer: Pos | null;
  readonly funds: FundsLayout | null;
  /** 年度总体目标: the 预算目标 and 实际完成情况 value cells */
  readonly goal: { readonly target: Pos | null; readonly actual: Pos | null } | null;
  /** the indicator header row and each role's column (the column a merged header starts in) */
  readonly indicatorHeaderRow: number;
  readonly columns: Readonly<Partial<Record<IndicatorRole, number>>>;
  /** required roles (target, actual, weight, score; a declaration's level3, target) no header matched: HEADER_MISSING */
  readonly missing: readonly IndicatorRole[];
  readonly indicators: readonly IndicatorLayout[];
  readonly total: TotalLayout | null;
}

export interface DetectResult {
  readonly forms: readonly FormLayout[];
}
