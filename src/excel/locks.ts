/**
 * Writing on a protected sheet. Excel lets an add-in change the contents of unlocked cells there, and formats only
 * when the protection allows formatting cells (references of Excel.FormatProtection.locked and
 * Excel.WorksheetProtectionOptions.allowFormatCells, ExcelApi 1.2). Every cell is locked until someone unlocks it.
 */
import type { Batch } from './batch';
import { runs } from './cells';
import type { WorksheetLike } from './excel-like';
import { HostError } from './host';

export interface CellAt {
  readonly row: number;
  readonly col: number;
}

/** What a protected sheet allows for the cells asked about. */
export interface SheetLocks {
  /** every cell asked about is unlocked */
  readonly unlocked: boolean;
  /** the protection allows formatting cells */
  readonly formatCells: boolean;
  /** the number format each cell asked about has now, by `row,col` */
  readonly formats: ReadonlyMap<string, string>;
}

export const cellKey = (c: CellAt): string => `${c.row},${c.col}`;

/**
 * Reads, in one sync, whether the cells of each protected sheet are all unlocked, whether its protection allows
 * formatting cells, and their number formats now. `FormatProtection.locked` is null when the cells of a range
 * differ, which counts as locked.
 */
export async function readLocks(b: Batch, sheets: ReadonlyMap<string, { ws: WorksheetLike; cells: readonly CellAt[] }>): Promise<Map<string, SheetLocks>> {
  const queued = [...sheets].map(([name, { ws, cells }]) => {
    ws.protection.load('options');
    const ranges = runs(cells).map((run) => {
      const range = ws.getRangeByIndexes(run[0].row, run[0].col, run.length, 1);
      range.load('numberFormat');
      range.format.protection.load('locked');
      return { run, range };
    });
    return { name, ws, ranges };
  });
  await b.syncs.read();
  const out = new Map<string, SheetLocks>();
  for (const { name, ws, ranges } of queued) {
    const formats = new Map<string, string>();
    for (const { run, range } of ranges) run.forEach((c, i) => formats.set(cellKey(c), String(range.numberFormat[i]?.[0] ?? 'General')));
    out.set(name, {
      unlocked: ranges.every(({ range }) => range.format.protection.locked === false),
      formatCells: ws.protection.options?.allowFormatCells === true,
      formats,
    });
  }
  return out;
}

/**
 * The number format to write to a cell of a protected sheet: none when it already has it; PROTECTED when it
 * would change and the protection does not allow formatting cells.
 */
export function formatOnProtected(locks: SheetLocks, sheet: string, cell: CellAt, format: string | null): string | null {
  if (format === null || locks.formats.get(cellKey(cell)) === format) return null;
  if (!locks.formatCells) throw new HostError('PROTECTED', { sheet });
  return format;
}

/** PROTECTED unless every cell asked about on every protected sheet is unlocked. */
export function refuseLocked(locks: ReadonlyMap<string, SheetLocks>): void {
  for (const [sheet, l] of locks) if (!l.unlocked) throw new HostError('PROTECTED', { sheet });
}
