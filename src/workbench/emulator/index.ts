export { EmuWorkbook, EMULATED_EXCEL_API, PAYLOAD_LIMIT_BYTES, compareVersions } from './workbook';
export { EmuSheet, parseAddress, rangeAddress, quoteSheet, type EmuCell, type Visibility } from './model';
export { createExcelApi, EmuRequestContext, type EmuExcel } from './api';
export { EmuError } from './errors';
export { emuFromGrids, sheetState, workbookGrid, cellAt, type SheetExtras, type SheetState } from './build';
export { enter, evaluate } from './formula';
