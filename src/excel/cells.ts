/** Writing cells (values, formulas, number formats) in column runs, text kept as text. */
import { asText } from '../core';
import type { WorksheetLike } from './excel-like';

export { asText };

/** Contiguous vertical runs of cells of one sheet. */
export function runs<T extends { row: number; col: number }>(cells: readonly T[]): T[][] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: T[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.col === c.col && prev.row + 1 === c.row) last.push(c);
    else out.push([c]);
  }
  return out;
}

export function bySheet<T extends { sheet: string }>(cells: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const c of cells) {
    const l = m.get(c.sheet) ?? [];
    l.push(c);
    m.set(c.sheet, l);
  }
  return m;
}

/** A cell to write: a formula, or else a value (strings through asText); a null number format is left alone. */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: unknown;
  readonly formula: string | null;
  readonly numberFormat: string | null;
}

/** Queues values/formulas/formats of cells, column runs as 2-D arrays; text stays text. */
export function queueCells(ws: WorksheetLike, cells: readonly CellWrite[]): void {
  for (const run of runs(cells)) {
    const range = ws.getRangeByIndexes(run[0].row, run[0].col, run.length, 1);
    if (run.some((x) => x.numberFormat !== null)) range.numberFormat = run.map((x) => [x.numberFormat]);
    if (run.some((x) => x.formula === null)) {
      range.values = run.map((x) => [x.formula !== null ? null : typeof x.value === 'string' ? asText(x.value) : x.value]);
    }
    if (run.some((x) => x.formula !== null)) range.formulas = run.map((x) => [x.formula]);
  }
}
