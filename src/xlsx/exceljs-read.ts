/*
 * exceljs's reading of a workbook: the workbench takes its fill colours and sheet states from it (the cells come from
 * src/xlsx/read, as in the CLI), and the tests hold src/xlsx/read to the same snapshot (readWorkbookGridExceljs).
 */
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from '../core';
import { excelErrorFromString, parseRangeA1 } from '../core';
import { buildGrid, CellList } from './grid-build';
import { notZipKind, startsWith, toBytes, XlsxReadError, ZIP_MAGIC } from './errors';

/** Days from 1899-12-30 (Excel's day 0 in the 1900 system) and from 1904-01-01 to 1970-01-01. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;
const MS_PER_DAY = 86_400_000;

export { toBytes };

/** Loads .xlsx bytes into an exceljs workbook, turning every failure into an XlsxReadError. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = toBytes(data);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError(notZipKind(bytes));
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types ask for a Node Buffer; JSZip underneath takes any Uint8Array (browser included).
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
  }
  if (wb.worksheets.length === 0) throw new XlsxReadError('noSheets');
  return wb;
}

/** Excel's serial day number for a date as exceljs gives it (a UTC instant). */
export function dateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / MS_PER_DAY + (date1904 ? EPOCH_1904 : EPOCH_1900);
}

type Scalar = CellValue | Date | undefined;

function richTextToString(rt: { richText?: { text?: string }[] }): string {
  return (rt.richText ?? []).map((r) => r.text ?? '').join('');
}

function plain(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return excelErrorFromString(o.error) ?? { kind: 'error', code: o.error };
  if (Array.isArray(o.richText)) return richTextToString(o as { richText: { text?: string }[] });
  if ('hyperlink' in o || 'text' in o) {
    const t = o.text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object') return plain(t, date1904);
    return typeof o.hyperlink === 'string' ? o.hyperlink : null;
  }
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return plain(o.result as Scalar, date1904);
  return null;
}


function sheetGrid(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const merges: CellRange[] = (ws.model.merges ?? []).map((m: string) => parseRangeA1(m));
  const cells = new CellList();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: number, c: number): void => {
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  };
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const value = plain(cell.value, date1904);
      let formula: string | null = null;
      if (cell.type === ExcelJS.ValueType.Formula) {
        const f = cell.formula;
        formula = f ? `=${f}` : null;
      }
      const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
      if (value === null && formula === null && format === null) return;
      cells.push(r, c, value, format, formula);
      // a formatted but empty cell (a blank 得分 with `0.00`) keeps its format without widening the used area
      if (value !== null || formula !== null) extend(r, c);
    });
  });
  for (const m of merges) {
    // as src/xlsx/sheet.ts: a merged area widens the range by its top-left cell only
    extend(m.top, m.left);
  }
  return buildGrid(ws.name, cells, new CellList(), merges, { top, left, bottom, right });
}

/**
 * Reads .xlsx bytes into the core's snapshot, one SheetGrid per worksheet, as Excel's API would show them:
 * merged areas keep their value only in the top-left cell, formulas give their cached result (formula text in
 * `formulas`, with its leading `=`), dates become Excel serial numbers (the format stays in `formats`), rich text and
 * hyperlinks become their text, Excel errors become `{kind:'error'}`. Throws XlsxReadError for anything that is not
 * a readable .xlsx.
 */
export async function readWorkbookGridExceljs(data: ArrayBuffer | Uint8Array): Promise<WorkbookGrid> {
  const wb = await loadWorkbook(data);
  return workbookGridOf(wb);
}

/** The snapshot of an already loaded exceljs workbook. */
export function workbookGridOf(wb: ExcelJS.Workbook): WorkbookGrid {
  const date1904 = Boolean(wb.properties?.date1904);
  return { sheets: wb.worksheets.map((ws) => (ws.state === 'visible' || !ws.state ? sheetGrid(ws, date1904) : { ...sheetGrid(ws, date1904), hidden: true })) };
}

/** The value one cell shows as read into a grid (merge slaves read null). */
export function cellValueOf(cell: ExcelJS.Cell, date1904: boolean): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plain(cell.value, date1904);
}
