import type { CellRange, CellValue, SheetGrid } from '../core';

/** A cell as a reader found it: 0-based position, its value, and its number format and formula when it has them. */
export interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  format: string | null;
  formula: string | null;
}

/**
 * Which cells of the rectangle `b` (row by row) a merged area hides, as Excel does: a cell is hidden when a merge
 * covers it and it is not that merge's top-left. Each cell counts the merges over it, less the ones it is the
 * top-left of: hidden when that stays above 0 (overlapping merges included).
 */
function hiddenByMerges(merges: readonly CellRange[], b: CellRange, height: number, width: number): Int32Array | null {
  if (merges.length === 0) return null;
  const count = new Int32Array(height * width);
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    const left = Math.max(m.left, b.left) - b.left;
    const right = Math.min(m.right, b.right) - b.left;
    for (let r = Math.max(m.top, b.top); r <= Math.min(m.bottom, b.bottom); r++) {
      const row = (r - b.top) * width;
      for (let c = left; c <= right; c++) count[row + c]++;
    }
    if (m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right) count[(m.top - b.top) * width + m.left - b.left]--;
  }
  return count;
}

/** `height` rows of `width` nulls, built with plain loops (every sheet is read so; `Array.from` with a callback is slow cold). */
function blankRows<T>(height: number, width: number): (T | null)[][] {
  const rows: (T | null)[][] = [];
  for (let r = 0; r < height; r++) {
    const row: (T | null)[] = [];
    for (let c = 0; c < width; c++) row.push(null);
    rows.push(row);
  }
  return rows;
}

/**
 * The snapshot of a sheet from the cells a reader found (both .xlsx readers: the package's and exceljs's): the
 * rectangle `b`, values hidden under a merge dropped, formats and formulas only where some cell has one.
 */
export function buildGrid(sheet: string, cells: RawCell[], formatOnly: RawCell[], merges: CellRange[], b: CellRange): SheetGrid {
  if (b.bottom < 0) return { sheet, origin: { row: 0, col: 0 }, values: [], merges };
  const height = b.bottom - b.top + 1;
  const width = b.right - b.left + 1;
  const values = blankRows<CellValue>(height, width);
  let formats: (string | null)[][] | undefined;
  let formulas: (string | null)[][] | undefined;
  const blank = (): (string | null)[][] => blankRows<string | null>(height, width);
  const hidden = hiddenByMerges(merges, b, height, width);
  for (const list of [cells, formatOnly]) {
    for (let i = 0; i < list.length; i++) {
      const cell = list[i];
      const r = cell.row - b.top;
      const c = cell.col - b.left;
      if (r < 0 || r >= height || c < 0 || c >= width || (hidden !== null && hidden[r * width + c] > 0)) continue;
      values[r][c] = cell.value;
      if (cell.format !== null) (formats ??= blank())[r][c] = cell.format;
      if (cell.formula !== null) (formulas ??= blank())[r][c] = cell.formula;
    }
  }
  return { sheet, origin: { row: b.top, col: b.left }, values, formats, formulas, merges };
}
