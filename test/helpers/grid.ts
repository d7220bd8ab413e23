import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { parseA1, parseRangeA1 } from '../../src/core/grid';

export interface GridLiteralOptions {
  sheet?: string;
  /** A1 address of the literal's first cell (default A1) */
  at?: string;
  /** merged areas in A1 (`A5:A9`), absolute */
  merges?: string[];
  /** number formats by absolute A1 address */
  formats?: Record<string, string>;
  /** formulas by absolute A1 address (values hold the cached result) */
  formulas?: Record<string, string>;
}

/** Builds a SheetGrid from rows of cell values; `undefined` and '' stay as written, use null for empty. */
export function gridOf(rows: CellValue[][], o: GridLiteralOptions = {}): SheetGrid {
  const origin = parseA1(o.at ?? 'A1');
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i])));
  const aligned = <T>(m: Record<string, T> | undefined): (T | null)[][] | undefined => {
    if (!m) return undefined;
    const out = values.map((r) => r.map(() => null as T | null));
    for (const [a1, v] of Object.entries(m)) {
      const p = parseA1(a1);
      const row = out[p.row - origin.row];
      if (!row || p.col - origin.col < 0 || p.col - origin.col >= width) throw new Error(`${a1} outside the literal`);
      row[p.col - origin.col] = v;
    }
    return out;
  };
  return {
    sheet: o.sheet ?? 'Sheet1',
    origin,
    values,
    formats: aligned(o.formats),
    formulas: aligned(o.formulas),
    merges: (o.merges ?? []).map(parseRangeA1),
  };
}

export function workbookOf(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** Stacks literals vertically with `gap` empty rows between them (two forms on one sheet). */
export function stack(gap: number, ...parts: CellValue[][][]): CellValue[][] {
  const out: CellValue[][] = [];
  parts.forEach((p, i) => {
    if (i > 0) for (let g = 0; g < gap; g++) out.push([]);
    out.push(...p);
  });
  return out;
}
