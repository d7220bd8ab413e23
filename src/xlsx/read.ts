import ExcelJS from 'exceljs';
import { excelErrorFromString, parseRangeA1, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../core';

export type XlsxReadErrorKind = 'notXlsx' | 'empty' | 'xls' | 'encrypted' | 'corrupt' | 'noSheets';

/** The file could not be read as an .xlsx workbook. `message` is Chinese; `messageEn` English. */
export class XlsxReadError extends Error {
  readonly kind: XlsxReadErrorKind;
  readonly messageEn: string;
  readonly detail: string;

  constructor(kind: XlsxReadErrorKind, detail = '') {
    super(XLSX_READ_MESSAGES[kind]['zh-CN']);
    this.name = 'XlsxReadError';
    this.kind = kind;
    this.messageEn = XLSX_READ_MESSAGES[kind]['en-US'];
    this.detail = detail;
  }
}

export const XLSX_READ_MESSAGES: Record<XlsxReadErrorKind, { 'zh-CN': string; 'en-US': string }> = {
  notXlsx: {
    'zh-CN': '文件不是 .xlsx 工作簿（可能是 CSV、文本或其他格式的文件）：请在 Excel 中打开并另存为 Excel 工作簿（*.xlsx）后重试。',
    'en-US': 'The file is not an .xlsx workbook (it may be a CSV, text or other file). Open it in Excel, save it as an Excel Workbook (*.xlsx) and try again.',
  },
  empty: {
    'zh-CN': '文件是空的（0 字节），不是 Excel 工作簿。',
    'en-US': 'The file is empty (0 bytes); it is not an Excel workbook.',
  },
  xls: {
    'zh-CN': '这是 Excel 97-2003 格式（.xls）的工作簿，仅支持 .xlsx：请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后重试。',
    'en-US': 'This is an Excel 97-2003 (.xls) workbook; only .xlsx is supported. Save it as an Excel Workbook (*.xlsx) in Excel and try again.',
  },
  encrypted: {
    'zh-CN': '工作簿设有打开密码（已加密），无法读取：请在 Excel 中取消“用密码进行加密”并保存后重试。',
    'en-US': 'The workbook is password-protected (encrypted) and cannot be read. Remove "Encrypt with Password" in Excel, save and try again.',
  },
  corrupt: {
    'zh-CN': '工作簿已损坏，无法读取。请在 Excel 中打开并另存为 .xlsx 后重试。',
    'en-US': 'The workbook is damaged and cannot be read. Open it in Excel, save it as .xlsx and try again.',
  },
  noSheets: {
    'zh-CN': '文件中没有工作表，可能不是 Excel 工作簿。',
    'en-US': 'The file holds no worksheet; it may not be an Excel workbook.',
  },
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an .xls workbook, or an .xlsx encrypted with a password (its package inside the CFB). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** `EncryptionInfo` as a UTF-16LE directory entry name: the stream every password-encrypted OOXML file holds. */
const ENCRYPTION_INFO = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why bytes that are not a ZIP cannot be an .xlsx: empty, an .xls or encrypted workbook, or something else. */
function notZipKind(bytes: Uint8Array): XlsxReadErrorKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, CFB_MAGIC)) return contains(bytes, ENCRYPTION_INFO) ? 'encrypted' : 'xls';
  return 'notXlsx';
}
/** Days from 1899-12-30 (Excel's day 0 in the 1900 system) and from 1904-01-01 to 1970-01-01. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;
const MS_PER_DAY = 86_400_000;

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

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

interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  format: string | null;
  formula: string | null;
}

function sheetGrid(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const merges: CellRange[] = (ws.model.merges ?? []).map((m: string) => parseRangeA1(m));
  const cells: RawCell[] = [];
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
      cells.push({ row: r, col: c, value, format, formula });
      // a formatted but empty cell (a blank 得分 with `0.00`) keeps its format without widening the used area
      if (value !== null || formula !== null) extend(r, c);
    });
  });
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.right);
  }
  if (bottom < 0) return { sheet: ws.name, origin: { row: 0, col: 0 }, values: [], merges };

  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  let formats: (string | null)[][] | undefined;
  let formulas: (string | null)[][] | undefined;
  const blank = (): (string | null)[][] => Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  for (const cell of cells) {
    const r = cell.row - top;
    const c = cell.col - left;
    if (r < 0 || r >= height || c < 0 || c >= width) continue;
    values[r][c] = cell.value;
    if (cell.format !== null) (formats ??= blank())[r][c] = cell.format;
    if (cell.formula !== null) (formulas ??= blank())[r][c] = cell.formula;
  }
  return { sheet: ws.name, origin: { row: top, col: left }, values, formats, formulas, merges };
}

/**
 * Reads .xlsx bytes into the core's snapshot, one SheetGrid per worksheet, as Excel's API would show them:
 * merged areas keep their value only in the top-left cell, formulas give their cached result (formula text in
 * `formulas`, with its leading `=`), dates become Excel serial numbers (the format stays in `formats`), rich text and
 * hyperlinks become their text, Excel errors become `{kind:'error'}`. Throws XlsxReadError for anything that is not
 * a readable .xlsx.
 */
export async function readWorkbookGrid(data: ArrayBuffer | Uint8Array): Promise<WorkbookGrid> {
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
