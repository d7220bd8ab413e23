export * from './model';
export * from './grid';
export { D, decString, type Dec } from './decimal';
export type { Target, Actual, Measure, Quantity, QualitativeClass, TargetKind } from './values/types';
export type { FormLayout } from './detect/types';
export { checkWorkbook, checkSheet } from './check';
export { buildReport, reportFinding, type Report, type ReportFinding } from './report';
export { renderMessage, MESSAGES } from './messages';
export { RULE_SETS, DEFAULT_RULE_SET, getRuleSet, ruleSetNames, type RuleSet } from './rules/ruleSets';
