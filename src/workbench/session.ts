import type ExcelJS from 'exceljs';
import { isExcelError, toA1, type CellValue, type ColumnMap, type Table, type WorkbookGrid } from '../core';
import type { FillOutcome, ValidateOutcome, ZipingHost } from '../host';
import { emuFromGrids, type EmuWorkbook, type SheetExtras } from './emulator';
import { cellKey, keyPos } from './emulator/model';
import { loadWorkbook } from '../xlsx/exceljs-read';
import { readWorkbookGrid } from '../xlsx/read';
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

/**
 * The fill colours and visibility of each sheet, which the snapshot does not keep, from exceljs; null when exceljs
 * cannot load the package (openpyxl's drawings, UTF-16 parts, ZIP64 records): the grid is then drawn without them.
 */
async function sheetExtras(bytes: Uint8Array): Promise<Record<string, SheetExtras> | null> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes.slice());
  } catch {
    return null;
  }
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
  return extras;
}

export async function openSession(name: string, data: ArrayBuffer | Uint8Array): Promise<Session> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // the cells as the CLI reads them (src/xlsx); throws XlsxReadError, whose message is Chinese, for a file it refuses
  const original = await readWorkbookGrid(bytes);
  const extras = (await sheetExtras(bytes)) ?? Object.fromEntries(original.sheets.map((g) => [g.sheet, { fills: {}, visibility: g.hidden ? 'Hidden' : 'Visible' } satisfies SheetExtras]));
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
  readonly op: 'validate' | 'fill' | 'undoFill' | 'hasUndo' | 'select' | 'writeSummary' | 'selectedCell' | 'writeColumnMap';
  /** context.sync() calls the operation made on the emulator (with ?host=wps: object-model calls) */
  readonly syncs: number;
  /** of which carried writes */
  readonly writeSyncs: number;
  readonly readSyncs?: number;
  readonly ok: boolean;
}

/** What the instrumentation counts: an EmuWorkbook's syncs, or the ET emulator's object-model calls (its `meter`). */
export interface OpMeter {
  readonly syncCount: number;
  readonly writeSyncCount: number;
}

/**
 * Wraps the host so the workbench (and its browser tests) see every operation: the emulator's sync counts (for the
 * WPS host, object-model calls) before and after, and a callback to redraw the grid.
 */
export function instrument(host: ZipingHost, emu: OpMeter, onOp: (r: OpRecord) => void): ZipingHost {
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
    ...(host.writeSummary ? { writeSummary: (t: Table) => measure('writeSummary', () => host.writeSummary!(t)) } : {}),
    ...(host.selectedCell ? { selectedCell: () => measure('selectedCell', () => host.selectedCell!()) } : {}),
    ...(host.writeColumnMap ? { writeColumnMap: (m: ColumnMap | null) => measure('writeColumnMap', () => host.writeColumnMap!(m)) } : {}),
  };
}
