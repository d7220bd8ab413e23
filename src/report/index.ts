export * from './summary';
export * from './table';
export { REPORT_TEXT, type ReportText } from './text';
