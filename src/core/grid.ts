/**
 * The snapshot of a worksheet that the core works on. It is what Excel's `range.values` /
 * `range.numberFormat` / merged areas give: a merged area's value is only in its top-left cell.
 * Coordinates are absolute, 0-based (row 0 / col 0 is A1).
 */
import { memoByNumber } from './memo';
export interface ExcelError {
  readonly kind: 'error';
  /** e.g. `#DIV/0!`, `#N/A`, `#VALUE!` */
  readonly code: string;
}

export type CellValue = string | number | boolean | null | ExcelError;

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly sheet: string;
  /** absolute position of values[0][0] */
  readonly origin: { readonly row: number; readonly col: number };
  /** row-major; rows may be ragged or shorter than the used width (missing = null) */
  readonly values: readonly (readonly CellValue[])[];
  /** number formats aligned with values (`General`, `0.00%`, `#,##0.00`); missing = General */
  readonly formats?: readonly (readonly (string | null)[])[];
  /** formula text aligned with values where the cell holds a formula (values then hold the cached result) */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** merged areas in absolute coordinates */
  readonly merges: readonly CellRange[];
  /** a hidden or very hidden sheet (lookup lists, old versions): not checked, as the add-in reads only visible ones */
  readonly hidden?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}

/**
 * The most cells a sheet's used range may span to be checked, in the add-in and the CLI alike: a larger sheet is
 * refused with this limit in its message (issue 10).
 */
export const MAX_SHEET_CELLS = 2_000_000;

export const EXCEL_ERROR_CODES = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!',
  '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!', '#EXTERNAL!',
] as const;

/** Whether a cell value is an Excel error (`#N/A`, `#DIV/0!`, …). */
export function isExcelError(v: unknown): v is ExcelError {
  return typeof v === 'object' && v !== null && (v as ExcelError).kind === 'error';
}

/** Excel hosts give errors as strings in `values`; adapters turn them into ExcelError with this. */
export function excelErrorFromString(s: string): ExcelError | null {
  return (EXCEL_ERROR_CODES as readonly string[]).includes(s) ? { kind: 'error', code: s } : null;
}

/** A cell value as text, exactly as written (white space kept): `#DIV/0!` for an error, `TRUE`/`FALSE`, '' for empty. */
export function cellTextAsWritten(v: CellValue): string {
  if (v === null) return '';
  if (isExcelError(v)) return v.code;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** A cell value as text without its leading and trailing white space (see {@link cellTextAsWritten}). */
export function trimmedCellText(v: CellValue): string {
  return cellTextAsWritten(v).trim();
}

/**
 * Whether two cell values are the same for a reader: Excel errors by code, an empty cell and blank text alike,
 * anything else strictly (`1` is not `'1'`). Hosts compare what a cell holds now with what a plan was made from.
 */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  if (isExcelError(a) || isExcelError(b)) return isExcelError(a) && isExcelError(b) && a.code === b.code;
  const blank = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b;
}

/** The value a grid holds at a sheet position (0-based row and column of the sheet); null outside the grid. */
export function gridValueAt(g: SheetGrid, row: number, col: number): CellValue {
  const v = g.values[row - g.origin.row]?.[col - g.origin.col];
  return v === undefined ? null : v;
}

/** Column letters of a 0-based column index (0 → `A`, 26 → `AA`). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based position. */
export function toA1(row: number, col: number): string {
  // a check names the same few hundred cells on every form of a pile (every cell a check reads carries its A1)
  return row >= 0 && col >= 0 && col < 16384 && row < 1048576 ? a1Of(row * 16384 + col) : `${columnLetters(col)}${row + 1}`;
}

const a1Of = memoByNumber((k: number): string => `${columnLetters(k % 16384)}${Math.floor(k / 16384) + 1}`);

/** A1 address of a range (`A1:I29`; one cell as `B3`). */
export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Parses `B7`, `$B$7`, `ab12` → 0-based {row, col}; throws on a broken address (a contract, not data). */
export function parseA1(a1: string): { row: number; col: number } {
  // /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/ read by hand: every merged area of every sheet passes here
  const s = a1.trim();
  let i = s.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  const lettersAt = i;
  let col = 0;
  for (let c = s.charCodeAt(i) & ~32; c >= 65 && c <= 90; c = s.charCodeAt(++i) & ~32) col = col * 26 + (c - 64);
  const letters = i - lettersAt;
  if (s.charCodeAt(i) === 36) i++;
  const digitsAt = i;
  let row = 0;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) row = row * 10 + (c - 48);
  const digits = i - digitsAt;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || i !== s.length) throw new Error(`not an A1 address: ${a1}`);
  return { row: row - 1, col: col - 1 };
}

/** 0-based index of column letters (`A` → 0, `AA` → 26; case-insensitive): the inverse of {@link columnLetters}. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return col - 1;
}

/** Parses `A1:C3` or `A1` into a CellRange. */
export function parseRangeA1(a1: string): CellRange {
  // `A1:B2` → A1 and B2 (a third part is ignored); without the array and iterator of split and destructuring
  const colon = a1.indexOf(':');
  const a = colon < 0 ? a1 : a1.slice(0, colon);
  const next = colon < 0 ? -1 : a1.indexOf(':', colon + 1);
  const b = colon < 0 ? undefined : a1.slice(colon + 1, next < 0 ? a1.length : next);
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row), left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col),
  };
}

/**
 * Read access to a SheetGrid that resolves merged areas: any cell of a merged area reads the
 * area's top-left value. Built once per sheet; lookups are O(1).
 */
export class GridView {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly grid: SheetGrid;
  /**
   * Merged area index + 1 of each cell of the merges' bounding box, row by row (0: not merged); a Map keyed by
   * row × {@link GridView.COLS} + column when that box is too big for an array (merges far apart).
   */
  private readonly mergeIndex: Int32Array | Map<number, number> | null = null;
  private readonly mergeBox = { top: 0, left: 0, width: 0, height: 0 };
  private static readonly COLS = 20000;
  private static readonly MAX_ARRAY = 4_000_000;

  constructor(grid: SheetGrid) {
    this.grid = grid;
    this.sheet = grid.sheet;
    this.top = grid.origin.row;
    this.left = grid.origin.col;
    let width = 0;
    for (let i = 0; i < grid.values.length; i++) width = Math.max(width, grid.values[i].length);
    this.bottom = grid.origin.row + grid.values.length - 1;
    this.right = grid.origin.col + width - 1;
    const merges = grid.merges;
    if (merges.length === 0) return;
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i];
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    const box = { top, left, width: right - left + 1, height: bottom - top + 1 };
    this.mergeBox = box;
    if (box.width * box.height <= GridView.MAX_ARRAY) {
      const index = new Int32Array(box.width * box.height);
      for (let i = 0; i < merges.length; i++) {
        const m = merges[i];
        for (let r = m.top; r <= m.bottom; r++) index.fill(i + 1, (r - top) * box.width + m.left - left, (r - top) * box.width + m.right - left + 1);
      }
      this.mergeIndex = index;
    } else {
      const index = new Map<number, number>();
      for (let i = 0; i < merges.length; i++) {
        const m = merges[i];
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) index.set(r * GridView.COLS + c, i + 1);
        }
      }
      this.mergeIndex = index;
    }
  }

  /** The merged area containing the cell, if any. */
  mergeOf(row: number, col: number): CellRange | null {
    const index = this.mergeIndex;
    if (index === null) return null;
    let i: number | undefined;
    if (index instanceof Int32Array) {
      const b = this.mergeBox;
      const r = row - b.top;
      const c = col - b.left;
      if (r < 0 || r >= b.height || c < 0 || c >= b.width) return null;
      i = index[r * b.width + c];
    } else i = index.get(row * GridView.COLS + col);
    return i ? this.grid.merges[i - 1] : null;
  }

  /** The cell that holds the value for (row, col): itself, or its merged area's top-left. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.mergeOf(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The value as stored, without merge resolution. */
  raw(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** The value a reader sees at (row, col), merges resolved. */
  // value, format and formula resolve the merge without an anchor object: they run for every cell a check reads
  value(row: number, col: number): CellValue {
    const m = this.mergeOf(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  format(row: number, col: number): string | null {
    return this.layer(this.grid.formats, row, col);
  }

  formula(row: number, col: number): string | null {
    return this.layer(this.grid.formulas, row, col);
  }

  private layer(rows: readonly (readonly (string | null)[])[] | undefined, row: number, col: number): string | null {
    if (!rows) return null;
    const m = this.mergeOf(row, col);
    const r = rows[(m ? m.top : row) - this.top];
    return r?.[(m ? m.left : col) - this.left] ?? null;
  }

  /** Text of a cell for label matching: '' for empty, numbers as written. */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    if (v === null) return '';
    if (isExcelError(v)) return v.code;
    return String(v);
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }
}
