import { columnLetters, parseRangeA1, toA1, type CellRange } from '../../core';

/** What one cell of the emulated workbook holds. An absent cell is empty, General, unfilled. */
export interface EmuCell {
  /** the value Excel reports in `values`: '' for empty, error codes as strings (`#DIV/0!`) */
  value: string | number | boolean;
  /** formula text (`=E6/D6`) or null for a constant */
  formula: string | null;
  numberFormat: string;
  /** fill colour `#RRGGBB`, or null for no fill */
  fill: string | null;
  /** the constant was entered with a leading apostrophe (stays text) */
  quotePrefix: boolean;
  /** Format Cells › Protection › Locked: true for every cell until unlocked, as in Excel */
  locked: boolean;
}

export interface EmuNote {
  content: string;
  author: string;
}

export interface EmuComment {
  id: string;
  key: number;
  content: string;
}

/** A rectangle of one sheet: what a Range proxy stands for. */
export interface RangeRef {
  sheet: EmuSheet;
  r: CellRange;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyPos(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLS), col: key % MAX_COLS };
}

export class EmuSheet {
  name: string;
  readonly cells = new Map<number, EmuCell>();
  merges: CellRange[] = [];
  protected = false;
  /** WorksheetProtectionOptions.allowFormatCells: formats may change while the sheet is protected */
  allowFormatCells = false;
  visibility: Visibility = 'Visible';
  /** notes by cell key (ExcelApi 1.18) */
  readonly notes = new Map<number, EmuNote>();
  /** threaded comments (ExcelApi 1.10) */
  comments: EmuComment[] = [];
  selection: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };
  /** rows kept in view at the top (Worksheet.freezePanes, ExcelApi 1.7) */
  frozenRows = 0;

  constructor(name: string) {
    this.name = name;
  }

  get(row: number, col: number): EmuCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** Whether a cell is locked (an absent cell is: Excel locks every cell until told otherwise). */
  locked(row: number, col: number): boolean {
    return this.get(row, col)?.locked ?? true;
  }

  /** The cell, created empty when absent (for writes). */
  cell(row: number, col: number): EmuCell {
    const k = cellKey(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: '', formula: null, numberFormat: 'General', fill: null, quotePrefix: false, locked: true };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Bounding box of the cells holding a value (valuesOnly) or anything at all; null when blank. */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    const take = (row: number, col: number) => {
      top = Math.min(top, row); left = Math.min(left, col);
      bottom = Math.max(bottom, row); right = Math.max(right, col);
    };
    for (const [k, c] of this.cells) {
      const hasValue = c.value !== '' || c.formula !== null;
      if (hasValue || (!valuesOnly && (c.fill !== null || c.numberFormat !== 'General'))) {
        const p = keyPos(k);
        take(p.row, p.col);
      }
    }
    if (!valuesOnly) for (const m of this.merges) { take(m.top, m.left); take(m.bottom, m.right); }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

/** Quotes a sheet name the way Excel does in addresses (`'My Sheet'!A1`). */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rangeAddress(sheet: string, r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** Parses an address as Office accepts it: `A1`, `A1:C3`, `Sheet1!A1:B2`, `'My Sheet'!A1`, `A:C`, `3:5`. */
export function parseAddress(address: string): { sheet: string | null; range: CellRange } {
  let sheet: string | null = null;
  let ref = address.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref);
  if (cols) {
    const a = parseRangeA1(`${cols[1]}1:${cols[2]}1`);
    return { sheet, range: { top: 0, bottom: MAX_ROWS - 1, left: a.left, right: a.right } };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) {
    const t = Number(rows[1]) - 1, b = Number(rows[2]) - 1;
    return { sheet, range: { top: Math.min(t, b), bottom: Math.max(t, b), left: 0, right: MAX_COLS - 1 } };
  }
  return { sheet, range: parseRangeA1(ref) };
}

export { columnLetters };
