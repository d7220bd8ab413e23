import type { CellRange, CellValue, SheetGrid } from '../core';

const BLOCK_BITS = 14;
const BLOCK = 1 << BLOCK_BITS;

/**
 * The cells a reader found, in blocks of 16,384 with an array per field, instead of an object per cell: about 40
 * bytes a cell instead of 72, and beyond the first block no array that grows by copying. A sheet just under the cell
 * limit (2,000,000) is held whole before its grid is built; as objects, such a sheet took the CLI past 300 MB.
 */
export class CellList {
  private readonly rowBlocks: number[][] = [];
  private readonly colBlocks: number[][] = [];
  private readonly valueBlocks: CellValue[][] = [];
  private readonly formatBlocks: (string | null)[][] = [];
  private readonly formulaBlocks: (string | null)[][] = [];
  length = 0;

  push(row: number, col: number, value: CellValue, format: string | null, formula: string | null): void {
    const b = this.length >> BLOCK_BITS;
    const i = this.length & (BLOCK - 1);
    this.length++;
    if (b === 0) {
      // the first block grows as it is filled: a form's sheet has a few hundred cells
      if (i === 0) this.addBlock([], [], [], [], []);
      this.rowBlocks[0].push(row);
      this.colBlocks[0].push(col);
      this.valueBlocks[0].push(value);
      this.formatBlocks[0].push(format);
      this.formulaBlocks[0].push(formula);
      return;
    }
    // the next ones are made whole, so that a large sheet leaves no copies of growing arrays behind
    if (i === 0) {
      this.addBlock(new Array<number>(BLOCK).fill(0), new Array<number>(BLOCK).fill(0), new Array<CellValue>(BLOCK).fill(null),
        new Array<string | null>(BLOCK).fill(null), new Array<string | null>(BLOCK).fill(null));
    }
    this.rowBlocks[b][i] = row;
    this.colBlocks[b][i] = col;
    this.valueBlocks[b][i] = value;
    this.formatBlocks[b][i] = format;
    this.formulaBlocks[b][i] = formula;
  }

  private addBlock(rows: number[], cols: number[], values: CellValue[], formats: (string | null)[], formulas: (string | null)[]): void {
    this.rowBlocks.push(rows);
    this.colBlocks.push(cols);
    this.valueBlocks.push(values);
    this.formatBlocks.push(formats);
    this.formulaBlocks.push(formulas);
  }

  row(k: number): number {
    return this.rowBlocks[k >> BLOCK_BITS][k & (BLOCK - 1)];
  }

  col(k: number): number {
    return this.colBlocks[k >> BLOCK_BITS][k & (BLOCK - 1)];
  }

  value(k: number): CellValue {
    return this.valueBlocks[k >> BLOCK_BITS][k & (BLOCK - 1)];
  }

  format(k: number): string | null {
    return this.formatBlocks[k >> BLOCK_BITS][k & (BLOCK - 1)];
  }

  formula(k: number): string | null {
    return this.formulaBlocks[k >> BLOCK_BITS][k & (BLOCK - 1)];
  }

  /** The cells inside `b`, in order, as a new list. */
  inside(b: CellRange): CellList {
    const out = new CellList();
    for (let k = 0; k < this.length; k++) {
      const r = this.row(k);
      const c = this.col(k);
      if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) out.push(r, c, this.value(k), this.format(k), this.formula(k));
    }
    return out;
  }
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
export function buildGrid(sheet: string, cells: CellList, formatOnly: CellList, merges: CellRange[], b: CellRange): SheetGrid {
  if (b.bottom < 0) return { sheet, origin: { row: 0, col: 0 }, values: [], merges };
  const height = b.bottom - b.top + 1;
  const width = b.right - b.left + 1;
  const values = blankRows<CellValue>(height, width);
  let formats: (string | null)[][] | undefined;
  let formulas: (string | null)[][] | undefined;
  const blank = (): (string | null)[][] => blankRows<string | null>(height, width);
  const hidden = hiddenByMerges(merges, b, height, width);
  for (const list of [cells, formatOnly]) {
    const n = list.length;
    for (let k = 0; k < n; k++) {
      const r = list.row(k) - b.top;
      const c = list.col(k) - b.left;
      if (r < 0 || r >= height || c < 0 || c >= width || (hidden !== null && hidden[r * width + c] > 0)) continue;
      values[r][c] = list.value(k);
      const format = list.format(k);
      if (format !== null) (formats ??= blank())[r][c] = format;
      const formula = list.formula(k);
      if (formula !== null) (formulas ??= blank())[r][c] = formula;
    }
  }
  return { sheet, origin: { row: b.top, col: b.left }, values, formats, formulas, merges };
}
