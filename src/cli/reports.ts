/*
 * The report writers behind `--report`: the charting and workbook libraries are most of the CLI's code, so the bin
 * bundles them into a second file (build/src/cli/reports.js) that `check` loads only when a report is asked for.
 */
export { summaryWorkbook } from './reportXlsx';
export { reportHtml } from './reportHtml';
