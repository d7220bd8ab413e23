import type { ColumnMap } from './columnMap';
import type { FormKind } from './detect/types';
import type { Dec } from './decimal';
import type { Finding } from './findings';
import type { CellValue } from './grid';
import type { QualitativeClass, TargetKind } from './values/types';

export type Lang = 'zh-CN' | 'en-US';
export type Grade = '优' | '良' | '中' | '差';
export type IndicatorStatus = QualitativeClass;

export {
  FINDING_CODES, sortFindings, severityRank, countSeverities, findingCells, groupRowFindings, ROW_GROUPED_CODES,
  type Finding, type FindingCode, type FindingOf, type FindingParams, type ParamValue, type ParamScalar, type CellParams,
  type Severity, type WeightOf, type UncomputableReason,
} from './findings';
export interface FundsResult {
  readonly budget: Dec | null;
  readonly executed: Dec | null;
  /** exact 全年执行数 / 全年预算数 */
  readonly rate: Dec | null;
  readonly statedRate: Dec | null;
  readonly weight: Dec | null;
  readonly statedScore: Dec | null;
  readonly computedScore: Dec | null;
  /** A1 of the score cell (and rate cell) */
  readonly cell: string | null;
  readonly rateCell: string | null;
}

/** One funds block of a declaration (中期 or 年度), in the sheet's unit (万元 or 元). */
export interface DeclaredFundsResult {
  readonly total: Dec | null;
  /** 其中：财政拨款 */
  readonly fiscal: Dec | null;
  /** 其他资金 */
  readonly other: Dec | null;
  /** A1 of the total */
  readonly cell: string | null;
}

/** What a declaration states above its indicators. */
export interface DeclarationResult {
  /** 项目期 as written ('' when absent) */
  readonly period: string;
  readonly midTermFunds: DeclaredFundsResult | null;
  readonly annualFunds: DeclaredFundsResult | null;
}

export interface IndicatorResult {
  readonly cell: string;
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  /** the target and actual as the sheet shows them */
  readonly target: string;
  readonly actual: string;
  readonly kind: TargetKind;
  readonly weight: Dec | null;
  readonly statedScore: Dec | null;
  readonly computedScore: Dec | null;
  readonly status: IndicatorStatus;
  readonly overachieved: boolean;
  readonly scoreCell: string | null;
  readonly noteCell: string | null;
  readonly note: string;
  readonly targetCell: string | null;
  readonly actualCell: string | null;
}

export interface TotalResult {
  readonly weight: Dec | null;
  readonly stated: Dec | null;
  readonly computed: Dec | null;
  /** indicators whose stated score was used because the rules leave it to a person */
  readonly undetermined: number;
  readonly cell: string | null;
}

export interface FormResult {
  readonly sheet: string;
  /** a year-end 自评表, or a 绩效目标申报表 (no scores: its total and grade are null, its fill is empty) */
  readonly kind: FormKind;
  readonly range: string;
  readonly project: string;
  readonly department: string;
  /** 实施单位 as the sheet shows it, '' when absent */
  readonly implementer: string;
  readonly year: string | null;
  readonly goal: { readonly target: string; readonly actual: string } | null;
  readonly funds: FundsResult | null;
  readonly indicators: readonly IndicatorResult[];
  readonly total: TotalResult;
  readonly grade: Grade | null;
  readonly findings: readonly Finding[];
  /** a declaration's 项目期 and funds blocks (absent or null for a self-evaluation) */
  readonly declaration?: DeclarationResult | null;
}

/** Why a cell is in the fill plan. */
export type FillReason = 'score' | 'rate' | 'fundsScore' | 'total' | 'note' | 'overwriteScore';

export interface FillCell {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  /** what the cell holds now (as read); the writer refuses to write if the sheet no longer holds it */
  readonly current: CellValue;
  /** number for scores and rates (exact decimal string kept in `exact`), string for notes: always written as a value */
  readonly value: number | string;
  readonly exact: string | null;
  /** number format to set with a numeric value (`0.00%` for rates), or null to leave the format alone */
  readonly numberFormat: string | null;
  readonly reason: FillReason;
}

export interface FillPlan {
  readonly cells: readonly FillCell[];
  /** counts by reason, for the preview ("将写入 23 个单元格（得分 18、执行率 1、总分 1、偏差说明草稿 3）") */
  readonly counts: Readonly<Record<FillReason, number>>;
}

export interface CheckOptions {
  /** rule set name; default `mof-2020` */
  readonly ruleSet?: string;
  /** override of the rule set's over-achievement threshold (1.2 = 120%) */
  readonly overachieveThreshold?: string | number;
  /** with consent, the fill also overwrites stated scores that mismatch */
  readonly overwriteScores?: boolean;
  /** language of drafted notes */
  readonly lang?: Lang;
  /** a person's column map for forms whose header the labels do not tell (see docs/column-map.md) */
  readonly columnMap?: ColumnMap;
  /** check each self-evaluation against a declaration of the same workbook (TARGET_CHANGED…; docs/declaration.md) */
  readonly compareDeclarations?: boolean;
}

export interface SheetResult {
  readonly sheet: string;
  readonly forms: readonly FormResult[];
  /** findings not tied to a form (NO_FORM) */
  readonly findings: readonly Finding[];
}

export interface CheckResult {
  readonly ruleSet: string;
  readonly forms: readonly FormResult[];
  /** every finding, forms' and sheets' */
  readonly findings: readonly Finding[];
  readonly fillPlan: FillPlan;
  /** sheets read that hold no form (NO_FORM is reported only when no sheet holds one) */
  readonly sheetsWithoutForm: readonly string[];
  /** hidden sheets, not checked */
  readonly hiddenSheets: readonly string[];
}
