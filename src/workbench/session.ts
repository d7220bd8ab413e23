import type ExcelJS from 'exceljs';
import { isExcelError, toA1, type CellValue, type WorkbookGrid } from '../core';
import type { FillOutcome, ValidateOutcome, ZipingHost } from '../host';
import { emuFromGrids, type EmuWorkbook, type SheetExtras } from './emulator';
import { cellKey, keyPos } from './emulator/model';
import { loadWorkbook, workbookGridOf } from '../xlsx/read';
import type { CellWrite } from '../xlsx/write';

/** A workbook opened in the workbench: the original bytes, what they held, and the emulated Excel over them. */
export interface Session {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly original: WorkbookGrid;
  readonly emu: EmuWorkbook;
}

/** `#RRGGBB` of a solid pattern fill, or null (theme and indexed colours are not resolved). */
function solidFill(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== 'pattern' || f.pattern !== 'solid') return null;
  const argb = f.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

export async function openSession(name: string, data: ArrayBuffer | Uint8Array): Promise<Session> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // the same bytes read once: the grid for the emulator, the fills for the picture
  const wb = await loadWorkbook(bytes.slice());
  const original = workbookGridOf(wb);
  const extras: Record<string, SheetExtras> = {};
  for (const ws of wb.worksheets) {
    const fills: Record<string, string> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = solidFill(cell);
        if (fill) fills[toA1(Number(cell.row) - 1, Number(cell.col) - 1)] = fill;
      }),
    );
    extras[ws.name] = { fills, visibility: ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible' };
  }
  const emu = emuFromGrids(original, extras);
  const firstVisible = emu.sheets.findIndex((s) => s.visibility === 'Visible');
  if (firstVisible > 0) emu.activeIndex = firstVisible;
  return { name, bytes, original, emu };
}

const blank = (v: CellValue | string | number | boolean | undefined): boolean => v === undefined || v === null || v === '';

function sameValue(a: CellValue, b: string | number | boolean): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (isExcelError(a)) return a.code === b;
  return a === b;
}

/**
 * The cells whose value or number format the emulated workbook changed (a fill, an undo, a hand edit), as writes
 * onto the original file. Formula cells still holding their formula are left alone: Excel recalculates them.
 */
export function changedCells(s: Session): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const g of s.original.sheets) {
    const sheet = s.emu.sheet(g.sheet);
    if (!sheet) continue;
    const seen = new Set<number>();
    const consider = (row: number, col: number, value: CellValue, format: string | null, formula: string | null) => {
      const k = cellKey(row, col);
      seen.add(k);
      const c = sheet.get(row, col);
      const now = c?.value ?? '';
      const nowFormat = c?.numberFormat ?? 'General';
      const nowFormula = c?.formula ?? null;
      if (nowFormula !== null && nowFormula === formula) return;
      const valueChanged = nowFormula !== formula || !sameValue(value, now);
      const formatChanged = (format ?? 'General') !== nowFormat;
      if (!valueChanged && !formatChanged) return;
      writes.push({
        sheet: g.sheet,
        cell: toA1(row, col),
        value: now === '' ? null : typeof now === 'boolean' ? String(now).toUpperCase() : now,
        numberFormat: formatChanged ? nowFormat : null,
      });
    };
    g.values.forEach((line, i) =>
      line.forEach((v, j) => consider(g.origin.row + i, g.origin.col + j, v, g.formats?.[i]?.[j] ?? null, g.formulas?.[i]?.[j] ?? null)),
    );
    for (const [k, c] of sheet.cells) {
      if (seen.has(k) || (c.value === '' && c.formula === null && c.numberFormat === 'General')) continue;
      const p = keyPos(k);
      consider(p.row, p.col, null, null, null);
    }
  }
  return writes;
}

export interface OpRecord {
  readonly op: 'validate' | 'fill' | 'undoFill' | 'hasUndo' | 'select';
  /** context.sync() calls the operation made on the emulator */
  readonly syncs: number;
  /** of which carried writes */
  readonly writeSyncs: number;
  readonly readSyncs?: number;
  readonly ok: boolean;
}

/**
 * Wraps the host so the workbench (and its browser tests) see every operation: the emulator's sync counts
 * before and after, and a callback to redraw the grid.
 */
export function instrument(host: ZipingHost, emu: EmuWorkbook, onOp: (r: OpRecord) => void): ZipingHost {
  async function measure<T>(op: OpRecord['op'], run: () => Promise<T>, readSyncs?: (t: T) => number): Promise<T> {
    const s0 = emu.syncCount;
    const w0 = emu.writeSyncCount;
    try {
      const t = await run();
      onOp({ op, syncs: emu.syncCount - s0, writeSyncs: emu.writeSyncCount - w0, readSyncs: readSyncs?.(t), ok: true });
      return t;
    } catch (e) {
      onOp({ op, syncs: emu.syncCount - s0, writeSyncs: emu.writeSyncCount - w0, ok: false });
      throw e;
    }
  }
  return {
    validate: (r, p) => measure('validate', () => host.validate(r, p), (o: ValidateOutcome) => o.readSyncs),
    fill: (r, p) => measure('fill', () => host.fill(r, p), (o: FillOutcome) => o.readSyncs),
    undoFill: () => measure('undoFill', () => host.undoFill()),
    hasUndo: () => measure('hasUndo', () => host.hasUndo()),
    select: (sheet, cell) => measure('select', () => host.select(sheet, cell)),
  };
}
