export * from './model';
export * from './grid';
export type { Target, Actual, Measure, Quantity, QualitativeClass, TargetKind } from './values/types';
export type { FormLayout } from './detect/types';
