/** The undo record of a fill, kept in the workbook's settings: made, restored, and used to put back a failed write. */
import { parseA1, type FillCell } from '../core';
import { beginWrite, endWrite, errorCode, protectedSheets, type Batch } from './batch';
import { bySheet, queueCells } from './cells';
import type { RequestContextLike, WorksheetLike } from './excel-like';
import { formatOnProtected, readLocks, refuseLocked, type CellAt, type SheetLocks } from './locks';
import { HostError } from './host';
import type { SheetRead } from './read';

export const UNDO_KEY = 'ziping.undo';

/** What the fill remembers of each cell it touches, stored in the workbook's settings. */
export interface UndoCell {
  readonly sheet: string;
  readonly cell: string;
  /** `values` as Excel gave it ('' for empty) */
  readonly value: unknown;
  readonly formula: string | null;
  readonly numberFormat: string;
}

export interface UndoRecord {
  readonly v: 1;
  readonly at: string;
  readonly sheets: readonly string[];
  readonly cells: readonly UndoCell[];
  /** a sheet the recorded write added (写入汇总表): undo deletes it instead of restoring cells */
  readonly added?: string;
}

export function parseUndo(v: unknown): UndoRecord | null {
  const r = v as UndoRecord | null;
  return r && r.v === 1 && Array.isArray(r.cells) ? r : null;
}

/** What the cells of `plan` hold now, as read (a cell outside the used range is empty and General). */
export function undoCells(sheets: readonly SheetRead[], plan: readonly FillCell[]): UndoCell[] {
  return plan.map((f) => {
    const s = sheets.find((x) => x.name === f.sheet)!;
    const i = f.row - s.grid.origin.row;
    const j = f.col - s.grid.origin.col;
    const inside = i >= 0 && j >= 0 && i < s.raw.values.length && j < (s.raw.values[i]?.length ?? 0);
    return {
      sheet: f.sheet,
      cell: f.cell,
      value: inside ? s.raw.values[i][j] : '',
      formula: inside ? s.raw.formulas[i][j] : null,
      numberFormat: inside ? s.raw.formats[i][j] : 'General',
    };
  });
}

/**
 * Queues writing the record's cells back as they were; `format` says which number format to write to a cell
 * (by default the recorded one; null leaves the cell's format alone).
 */
export function queueRestore(ctx: RequestContextLike, record: UndoRecord, format: (u: UndoCell, at: CellAt) => string | null = (u) => u.numberFormat): void {
  for (const [sheet, cells] of bySheet(record.cells)) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    queueCells(ws, cells.map((u) => {
      const p = parseA1(u.cell);
      return { row: p.row, col: p.col, value: u.value, formula: u.formula, numberFormat: format(u, p) };
    }));
  }
}

/**
 * After a failed write batch (Office applies what precedes the failing operation): put the touched cells back,
 * one sheet per sync so that a sheet that refuses does not keep the others from being restored. The previous
 * undo record comes back only when every sheet was restored (a sheet that is gone has nothing to restore);
 * otherwise the new record stays, so that the person can still undo what may have been written.
 */
export async function compensate(ctx: RequestContextLike, previous: UndoRecord | null, record: UndoRecord, written: ReadonlySet<string> = new Set()): Promise<void> {
  let restored = true;
  // a sheet protected now refused the write as it refuses the restore: nothing of it needs putting back, unless the
  // fill found its cells unlocked and wrote there (`written`)
  const locked = new Set((await protectedSheets(ctx, record.sheets)).filter((s) => !written.has(s)));
  for (const [sheet, cells] of bySheet(record.cells)) {
    if (locked.has(sheet)) continue;
    try {
      queueRestore(ctx, { ...record, cells });
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) !== 'ItemNotFound') restored = false;
    }
  }
  if (!restored) return;
  try {
    if (previous) ctx.workbook.settings.add(UNDO_KEY, previous);
    else {
      const s = ctx.workbook.settings.getItemOrNullObject(UNDO_KEY);
      s.load('value');
      await ctx.sync();
      if (!s.isNullObject) s.delete();
    }
    await ctx.sync();
  } catch {
    // the original failure is what the person needs to hear about
  }
}

/**
 * Restores the cells of the workbook's undo record in one write sync and removes the record. On a protected sheet
 * the cells must all be unlocked (one more read sync), and a number format is put back only where it changed.
 */
export async function undoFill(b: Batch): Promise<{ restored: number }> {
  const { ctx } = b;
  const s = ctx.workbook.settings.getItemOrNullObject(UNDO_KEY);
  s.load('value');
  ctx.workbook.worksheets.load(['items/name', 'items/protection/protected']);
  await b.syncs.read();
  const record = s.isNullObject ? null : parseUndo(s.value);
  if (!record) throw new HostError('NO_UNDO');
  const sheets = new Map(ctx.workbook.worksheets.items.map((w) => [w.name, w]));
  const guarded = new Map<string, { ws: WorksheetLike; cells: CellAt[] }>();
  for (const name of record.sheets) {
    const ws = sheets.get(name);
    if (!ws) throw new HostError('SHEET_GONE', { sheet: name });
    if (ws.protection.protected) guarded.set(name, { ws, cells: record.cells.filter((u) => u.sheet === name).map((u) => parseA1(u.cell)) });
  }
  const locks = guarded.size ? await readLocks(b, guarded) : new Map<string, SheetLocks>();
  refuseLocked(locks);
  const formats = new Map(record.cells.map((u) => {
    const l = locks.get(u.sheet);
    return [u, l ? formatOnProtected(l, u.sheet, parseA1(u.cell), u.numberFormat) : u.numberFormat] as const;
  }));
  beginWrite(b);
  if (record.added) ctx.workbook.worksheets.getItem(record.added).delete();
  else queueRestore(ctx, record, (u) => formats.get(u) ?? null);
  ctx.workbook.settings.getItem(UNDO_KEY).delete();
  endWrite(b);
  await b.syncs.write();
  return { restored: record.cells.length };
}

/** Whether the workbook holds an undo record. */
export async function hasUndo(b: Batch): Promise<boolean> {
  const s = b.ctx.workbook.settings.getItemOrNullObject(UNDO_KEY);
  s.load('value');
  await b.syncs.read();
  return !s.isNullObject && parseUndo(s.value) !== null;
}
