import type { CellRange, CellValue, SheetGrid } from '../core';

/** A cell as a reader found it: 0-based position, its value, and its number format and formula when it has them. */
export interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  format: string | null;
  formula: string | null;
}

/** Merged areas by row, to drop the values of cells hidden under a merge as Excel does. */
function mergeSlaveTest(merges: readonly CellRange[]): (r: number, c: number) => boolean {
  if (merges.length === 0) return () => false;
  const byRow = new Map<number, CellRange[]>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return (r, c) => {
    const list = byRow.get(r);
    if (list === undefined) return false;
    for (let i = 0; i < list.length; i++) {
      const m = list[i];
      if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) return true;
    }
    return false;
  };
}

/**
 * The snapshot of a sheet from the cells a reader found (both .xlsx readers: the package's and exceljs's): the
 * rectangle `b`, values hidden under a merge dropped, formats and formulas only where some cell has one.
 */
export function buildGrid(sheet: string, cells: RawCell[], formatOnly: RawCell[], merges: CellRange[], b: CellRange): SheetGrid {
  if (b.bottom < 0) return { sheet, origin: { row: 0, col: 0 }, values: [], merges };
  const height = b.bottom - b.top + 1;
  const width = b.right - b.left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  let formats: (string | null)[][] | undefined;
  let formulas: (string | null)[][] | undefined;
  const blank = (): (string | null)[][] => Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const slave = mergeSlaveTest(merges);
  for (const list of [cells, formatOnly]) {
    for (let i = 0; i < list.length; i++) {
      const cell = list[i];
      const r = cell.row - b.top;
      const c = cell.col - b.left;
      if (r < 0 || r >= height || c < 0 || c >= width || slave(cell.row, cell.col)) continue;
      values[r][c] = cell.value;
      if (cell.format !== null) (formats ??= blank())[r][c] = cell.format;
      if (cell.formula !== null) (formulas ??= blank())[r][c] = cell.formula;
    }
  }
  return { sheet, origin: { row: b.top, col: b.left }, values, formats, formulas, merges };
}
