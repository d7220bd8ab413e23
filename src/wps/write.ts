/**
 * Writing cells through the ET object model: vertical runs of cells as one `Value2` array each (one call for the
 * range, one for the assignment); cells of merged areas one by one, since WPS, like Excel, refuses a write to part
 * of a merged area. Text that WPS would turn into something else gets a leading apostrophe.
 */
import type { CellRange, FillCell } from '../core';
import { asText, parseA1, rangeToA1 } from '../core';
import type { EtWorksheetLike } from './et-like';

/** What the fill remembers of each cell it touches, stored with the workbook. */
export interface WpsUndoCell {
  readonly sheet: string;
  readonly cell: string;
  /** the cell's value (null for empty; an error as its code text) */
  readonly value: string | number | boolean | null;
  readonly formula: string | null;
  readonly numberFormat: string;
  /** the fill set the number format: undo puts `numberFormat` back */
  readonly formatSet: boolean;
  /** the cell belongs to a merged area (written on its own) */
  readonly merged?: boolean;
}

export interface WpsUndoRecord {
  readonly v: 1;
  readonly at: string;
  readonly sheets: readonly string[];
  readonly cells: readonly WpsUndoCell[];
}

export function parseUndo(v: unknown): WpsUndoRecord | null {
  const r = v as WpsUndoRecord | null;
  return r && r.v === 1 && Array.isArray(r.cells) && Array.isArray(r.sheets) ? r : null;
}

export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: string | number | boolean | null;
  readonly formula: string | null;
  /** number format to set first, or null */
  readonly numberFormat: string | null;
  /** write on its own (a cell of a merged area) */
  readonly alone?: boolean;
}

function inMerge(merges: readonly CellRange[], row: number, col: number): boolean {
  return merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (m.bottom > m.top || m.right > m.left));
}

/** Vertical runs of plain cells; a merged or formula cell is a run of its own. */
function runs(cells: readonly CellWrite[], merges: readonly CellRange[]): CellWrite[][] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: CellWrite[][] = [];
  let open = false;
  for (const c of sorted) {
    const alone = c.formula !== null || c.alone === true || inMerge(merges, c.row, c.col);
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (open && !alone && prev && prev.col === c.col && prev.row + 1 === c.row) last.push(c);
    else out.push([c]);
    open = !alone;
  }
  return out;
}

const valueOf = (v: CellWrite['value']) => (typeof v === 'string' ? asText(v) : v);

/** Writes the cells of one sheet: formats first (a number into a Text cell would stay text), then values. */
export function writeCells(ws: EtWorksheetLike, cells: readonly CellWrite[], merges: readonly CellRange[]): void {
  for (const c of cells) if (c.numberFormat !== null) ws.Range(rangeToA1({ top: c.row, left: c.col, bottom: c.row, right: c.col })).NumberFormat = c.numberFormat;
  for (const run of runs(cells, merges)) {
    const first = run[0];
    const r = ws.Range(rangeToA1({ top: first.row, left: first.col, bottom: first.row + run.length - 1, right: first.col }));
    if (first.formula !== null) r.Formula = first.formula;
    else if (run.length === 1) r.Value2 = valueOf(first.value);
    else r.Value2 = run.map((c) => [valueOf(c.value)]);
  }
}

/** The undo record's cells as writes. */
export function restoreWrites(cells: readonly WpsUndoCell[]): CellWrite[] {
  return cells.map((u) => {
    const p = parseA1(u.cell);
    return { row: p.row, col: p.col, value: u.value, formula: u.formula, numberFormat: u.formatSet ? u.numberFormat : null, alone: u.merged === true };
  });
}

export function fillWrites(plan: readonly FillCell[], formatOf: (f: FillCell) => string): CellWrite[] {
  return plan.map((f) => {
    // a number written into a Text cell would stay text, and a SUM over it would skip it
    const text = typeof f.value === 'number' && f.numberFormat === null && formatOf(f) === '@';
    return { row: f.row, col: f.col, value: f.value, formula: null, numberFormat: text ? 'General' : f.numberFormat };
  });
}
