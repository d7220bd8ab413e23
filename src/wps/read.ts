/**
 * Reading a sheet through the ET object model in few calls: the used range's `Value2` and `Formula` as whole
 * arrays (one call each); `NumberFormat` of the whole range, and where the cells' formats differ (the model then
 * answers null, never an array) by column, then by halves of a column's rows; merged areas from `MergeCells` of
 * runs of empty cells and `MergeArea` of the cells in runs that have some.
 */
import type { CellRange, CellValue, SheetGrid } from '../core';
import { MAX_SHEET_CELLS, parseRangeA1, rangeToA1 } from '../core';
import { HostError } from '../host';
import { CVERR, isVisible, type EtRangeLike, type EtWorksheetLike } from './et-like';

const ERROR_OF = new Map(Object.entries(CVERR).map(([code, n]) => [n, code]));

/** One sheet as read: the grid for the core plus what the undo record needs. */
export interface WpsSheetRead {
  readonly name: string;
  readonly ws: EtWorksheetLike;
  readonly isProtected: boolean;
  readonly hidden: boolean;
  readonly grid: SheetGrid;
  /** formula text aligned with the grid, null for constants */
  readonly formulas: (string | null)[][];
  /** number formats aligned with the grid (`General` included) */
  readonly formats: string[][];
}

function table(v: unknown): unknown[][] {
  return Array.isArray(v) ? (v as unknown[][]) : [[v]];
}

/** A `Value2` item as the core's CellValue; a CVErr number is an error unless the cell's formula text is that number. */
export function cellValue(v: unknown, formula: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') {
    const code = ERROR_OF.get(v);
    if (code !== undefined && String(formula) !== String(v)) return { kind: 'error', code };
    return v;
  }
  if (typeof v === 'boolean') return v;
  return String(v);
}

function address(r: CellRange): string {
  return rangeToA1(r);
}

/** Number formats of `r` (0-based, absolute), filled into `out` (rows/cols relative to `origin`). */
function readFormats(ws: EtWorksheetLike, used: EtRangeLike, r: CellRange, out: string[][]): void {
  const put = (x: CellRange, f: string) => {
    for (let row = x.top; row <= x.bottom; row++) for (let col = x.left; col <= x.right; col++) out[row - r.top][col - r.left] = f;
  };
  const whole = used.NumberFormat as string | null;
  if (whole !== null && whole !== undefined) return put(r, String(whole));
  const rows = (x: CellRange): void => {
    const f = ws.Range(address(x)).NumberFormat as string | null;
    if (f !== null && f !== undefined) return put(x, String(f));
    if (x.top === x.bottom) return put(x, 'General');
    const mid = Math.floor((x.top + x.bottom) / 2);
    rows({ ...x, bottom: mid });
    rows({ ...x, top: mid + 1 });
  };
  for (let col = r.left; col <= r.right; col++) rows({ top: r.top, bottom: r.bottom, left: col, right: col });
}

/**
 * The merged areas whose top-left lies in `r`. A merged area of two or more cells holds its value in its top-left
 * cell only, so every area has an empty cell: only empty cells are asked about. Each row's runs of empty cells not
 * yet covered: `MergeCells` of the run (false: none merged), then `MergeArea` of its cells one by one (a single empty
 * cell is asked for its `MergeArea` directly).
 */
function readMerges(ws: EtWorksheetLike, used: EtRangeLike, r: CellRange, values: readonly (readonly CellValue[])[]): CellRange[] {
  if (used.MergeCells === false) return [];
  const found: CellRange[] = [];
  const covered = (row: number, col: number) => found.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  const empty = (row: number, col: number) => {
    const v = values[row - r.top]?.[col - r.left];
    return v === null || v === undefined;
  };
  const areaOf = (row: number, col: number) => {
    const a = parseRangeA1(ws.Range(address({ top: row, left: col, bottom: row, right: col })).MergeArea.Address());
    if (a.bottom > a.top || a.right > a.left) found.push(a);
  };
  for (let row = r.top; row <= r.bottom; row++) {
    let col = r.left;
    while (col <= r.right) {
      if (!empty(row, col) || covered(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end + 1 <= r.right && empty(row, end + 1) && !covered(row, end + 1)) end++;
      if (end === col || ws.Range(address({ top: row, left: col, bottom: row, right: end })).MergeCells !== false) {
        for (let c = col; c <= end; c++) if (!covered(row, c)) areaOf(row, c);
      }
      col = end + 1;
    }
  }
  return found.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
}

/**
 * Reads one worksheet: name, protection, visibility (unless the caller knows it) and its used range's values,
 * formulas, formats and merges. A used range of more than `maxCells` cells: TOO_LARGE naming the sheet, before its
 * values are asked for.
 */
export function readSheet(ws: EtWorksheetLike, knownHidden?: boolean, maxCells = MAX_SHEET_CELLS): WpsSheetRead {
  const name = ws.Name;
  const isProtected = Boolean(ws.ProtectContents);
  const hidden = knownHidden ?? !isVisible(ws.Visible);
  const used = ws.UsedRange;
  const top = used.Row - 1, left = used.Column - 1;
  const r: CellRange = { top, left, bottom: top + used.Rows.Count - 1, right: left + used.Columns.Count - 1 };
  const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
  if (cells > maxCells) throw new HostError('TOO_LARGE', { cells, sheet: name });
  const raw = table(used.Value2);
  const fo = table(used.Formula);
  const blank = r.top === 0 && r.left === 0 && r.bottom === 0 && r.right === 0 && cellValue(raw[0]?.[0], fo[0]?.[0]) === null && !fo[0]?.[0];
  if (blank) {
    return { name, ws, isProtected, hidden, grid: { sheet: name, origin: { row: 0, col: 0 }, values: [], formats: [], formulas: [], merges: [], hidden }, formulas: [], formats: [] };
  }
  const values: CellValue[][] = raw.map((line, i) => line.map((v, j) => cellValue(v, fo[i]?.[j])));
  const formulas = fo.map((line, i) => line.map((f, j) => (typeof f === 'string' && f.startsWith('=') && f !== raw[i]?.[j] ? f : null)));
  const formats = values.map((line) => line.map(() => 'General'));
  readFormats(ws, used, r, formats);
  const grid: SheetGrid = {
    sheet: name,
    origin: { row: top, col: left },
    values,
    formats: formats.map((line) => line.map((f) => (f === 'General' ? null : f))),
    formulas,
    merges: readMerges(ws, used, r, values),
    hidden,
  };
  return { name, ws, isProtected, hidden, grid, formulas, formats };
}
