/**
 * The ZipingHost over the WPS 表格 (ET) object model (`window.Application` in a WPS 加载项, or the ET emulator).
 * The model is synchronous and every property get/set and method call crosses into the WPS process, so the host
 * reads each sheet's used range whole (read.ts), writes runs of cells as arrays (write.ts), and reports the calls it
 * made: `readSyncs` = calls before the first write, `writeSyncs` = calls from the first write on (the Excel host
 * reports `context.sync()` round trips in the same fields).
 */
import {
  checkWorkbook, gridValueAt, isExcelError, MAX_SHEET_CELLS, sameCellValue, type CheckResult, type ColumnMap, type FillCell, type FillReason,
  type SheetGrid,
} from '../core';
import { HostError, type FillOutcome, type FillRequest, type Progress, type SelectedCell, type ValidateOutcome, type ValidateRequest, type ZipingHost } from '../host';
import { checkWithMap, parseStoredMap } from '../host/columnMap';
import { counted, type CallCounter } from './counted';
import { isVisible, sheetNamed, type EtApplicationLike, type EtWorkbookLike, type EtWorksheetLike } from './et-like';
import { markSheet, parseMarks, wanted, type WpsMark, type WpsMarkRecord } from './marks';
import { readSheet, type WpsSheetRead } from './read';
import { readStore, writeStore, type Store } from './store';
import { fillWrites, parseUndo, restoreWrites, writeCells, type WpsUndoCell, type WpsUndoRecord } from './write';

export interface WpsHostOptions {
  /** clock for the undo record's timestamp */
  readonly now?: () => Date;
  /** cells of one sheet's used range above which reading stops with TOO_LARGE; default MAX_SHEET_CELLS */
  readonly maxCells?: number;
}

const REASONS: readonly FillReason[] = ['score', 'rate', 'fundsScore', 'total', 'note', 'overwriteScore'];

interface Op {
  readonly app: EtApplicationLike;
  readonly wb: EtWorkbookLike;
  readonly c: CallCounter;
  /** calls made before the first write; null until then */
  readCalls: number | null;
}

interface ReadAll {
  readonly sheets: WpsSheetRead[];
  readonly active: EtWorksheetLike | null;
  readonly store: Store;
  /** all sheets only: sheets left out as TOO_LARGE (the others were read) */
  readonly tooLarge: string[];
}

function counts(plan: readonly FillCell[]): Record<FillReason, number> {
  const out = Object.fromEntries(REASONS.map((k) => [k, 0])) as Record<FillReason, number>;
  for (const f of plan) out[f.reason]++;
  return out;
}

function bySheet<T extends { sheet: string }>(cells: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const c of cells) m.set(c.sheet, [...(m.get(c.sheet) ?? []), c]);
  return m;
}

function patched(sheets: readonly WpsSheetRead[], plan: readonly FillCell[]): SheetGrid[] {
  return sheets.map((s) => {
    const values = s.grid.values.map((line) => [...line]);
    const formats = (s.grid.formats ?? []).map((line) => [...line]);
    const formulas = (s.grid.formulas ?? []).map((line) => [...line]);
    for (const f of plan) {
      if (f.sheet !== s.name) continue;
      const i = f.row - s.grid.origin.row, j = f.col - s.grid.origin.col;
      if (!values[i] || j < 0 || j >= values[i].length) continue;
      values[i][j] = f.value;
      if (formulas[i]) formulas[i][j] = null;
      if (f.numberFormat && formats[i]) formats[i][j] = f.numberFormat;
    }
    return { ...s.grid, values, formats, formulas };
  });
}

/** What an exception of the object model means for the person; `sheets`: the sheets the operation wrote. */
function toHostError(e: unknown, sheets: readonly EtWorksheetLike[] = []): HostError {
  if (e instanceof HostError) return e;
  const message = String((e as Error)?.message ?? e);
  // WPS's messages are localised: a refusal is told by the state, not the text
  for (const ws of sheets) {
    try {
      if (ws.ProtectContents) return new HostError('PROTECTED', { sheet: ws.Name }, message);
    } catch {
      // the sheet is gone: the original failure is what counts
    }
  }
  return new HostError('UNKNOWN', { code: String((e as { number?: unknown })?.number ?? '') }, message);
}

/**
 * The ZipingHost over WPS 表格. `application` is `window.Application` in WPS (or the emulator's `app`); undefined
 * outside WPS, where every operation fails with NOT_IN_EXCEL.
 */
export function createWpsHost(application: EtApplicationLike | undefined, options: WpsHostOptions = {}): ZipingHost {
  const now = options.now ?? (() => new Date());
  const maxCells = options.maxCells ?? MAX_SHEET_CELLS;

  function run<T>(body: (op: Op) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      try {
        if (!application) throw new HostError('NOT_IN_EXCEL');
        const c: CallCounter = { calls: 0 };
        const app = counted(application, c);
        const wb = app.ActiveWorkbook;
        if (!wb) throw new HostError('NOT_IN_EXCEL');
        resolve(body({ app, wb, c, readCalls: null }));
      } catch (e) {
        reject(toHostError(e));
      }
    });
  }

  function readAll(op: Op, allSheets: boolean, also: readonly string[], onProgress?: (p: Progress) => void): ReadAll {
    const active = op.app.ActiveSheet;
    const store = readStore(op.wb);
    const sheets: WpsSheetRead[] = [];
    const list: EtWorksheetLike[] = [];
    if (allSheets) {
      // hidden sheets (our records' sheet among them) are not checked, as in Excel: one call each to know
      const ws = op.wb.Worksheets;
      const n = ws.Count;
      for (let i = 1; i <= n; i++) {
        const one = ws.Item(i);
        if (isVisible(one.Visible)) list.push(one);
      }
    } else if (active) list.push(active);
    const tooLarge: string[] = [];
    const needed = (name: string) => also.some((a) => a.toLowerCase() === name.toLowerCase());
    for (const ws of list) {
      let name: string;
      try {
        const s = readSheet(ws, allSheets ? false : undefined, maxCells);
        sheets.push(s);
        name = s.name;
      } catch (e) {
        // in all-sheets mode a sheet too large to read is left out and named, as in Excel, unless the fill needs it
        if (!allSheets || !(e instanceof HostError) || e.code !== 'TOO_LARGE' || needed(String(e.detail.sheet))) throw e;
        name = String(e.detail.sheet);
        tooLarge.push(name);
      }
      onProgress?.({ done: sheets.length + tooLarge.length, total: list.length, sheet: name });
    }
    for (const name of also) {
      if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) continue;
      const ws = sheetNamed(op.wb, name);
      if (!ws) throw new HostError('SHEET_GONE', { sheet: name });
      sheets.push(readSheet(ws, undefined, maxCells));
    }
    return { sheets, active, store, tooLarge };
  }

  const grids = (r: ReadAll) => r.sheets.map((s) => s.grid);

  function beginWrite(op: Op): void {
    if (op.readCalls === null) op.readCalls = op.c.calls;
  }

  /** The sheets whose marks change: old marks to take away or findings to mark. */
  function markWork(r: ReadAll, result: CheckResult, lang: ValidateRequest['lang']) {
    const old = parseMarks(r.store.content.marks);
    const work = r.sheets.map((s) => ({ s, old: old.sheets[s.name] ?? [], want: wanted(result.findings, s.name, lang) })).filter((w) => w.old.length || w.want.size);
    return { old, work };
  }

  /**
   * Marks the findings on the sheets read; returns the new record of the marks (null when nothing changed). A
   * protected sheet is left as it is (its findings are in the pane only) and named in `unmarked`, as in Excel.
   */
  function mark(op: Op, r: ReadAll, result: CheckResult, lang: ValidateRequest['lang']): { record: WpsMarkRecord | null; unmarked: string[] } {
    const { old, work } = markWork(r, result, lang);
    const next: Record<string, readonly WpsMark[]> = { ...old.sheets };
    const unmarked = work.filter((w) => w.s.isProtected).map((w) => w.s.name);
    const open = work.filter((w) => !w.s.isProtected);
    if (!open.length) return { record: null, unmarked };
    beginWrite(op);
    for (const w of open) {
      const marks = markSheet(w.s.ws, w.old, w.want, true);
      if (marks.length) next[w.s.name] = marks;
      else delete next[w.s.name];
    }
    return { record: { v: 1, sheets: next }, unmarked };
  }

  function withScreenOff<T>(op: Op, body: () => T): T {
    beginWrite(op);
    op.app.ScreenUpdating = false;
    try {
      return body();
    } finally {
      op.app.ScreenUpdating = true;
    }
  }

  function undoCells(r: ReadAll, plan: readonly FillCell[]): WpsUndoCell[] {
    return plan.map((f) => {
      const s = r.sheets.find((x) => x.name === f.sheet)!;
      const i = f.row - s.grid.origin.row, j = f.col - s.grid.origin.col;
      const v = s.grid.values[i]?.[j] ?? null;
      const formula = s.formulas[i]?.[j] ?? null;
      return {
        sheet: f.sheet,
        cell: f.cell,
        value: isExcelError(v) ? null : v,
        // an error constant comes back through Formula, which WPS parses as typed
        formula: formula ?? (isExcelError(v) ? v.code : null),
        numberFormat: s.formats[i]?.[j] ?? 'General',
        formatSet: false,
        merged: s.grid.merges.some((m) => f.row >= m.top && f.row <= m.bottom && f.col >= m.left && f.col <= m.right),
      };
    });
  }

  function fill(op: Op, request: FillRequest, onProgress?: (p: Progress) => void): FillOutcome {
    const plan = request.expected.cells;
    const also = [...new Set(plan.map((f) => f.sheet))];
    const r = readAll(op, request.allSheets, also, onProgress);
    const checked = checkWithMap({ sheets: grids(r) }, { lang: request.lang, ...request.options }, parseStoredMap(r.store.content.map));
    const stored = checked.columnMap && !checked.columnMap.refused ? checked.columnMap.map : undefined;
    const options = { lang: request.lang, ...request.options, columnMap: request.options.columnMap ?? stored };
    const fresh = checked.result;
    const freshBy = new Map(fresh.fillPlan.cells.map((f) => [`${f.sheet}!${f.cell}`, f]));
    const conflicts = plan.filter((f) => {
      const s = r.sheets.find((x) => x.name.toLowerCase() === f.sheet.toLowerCase())!;
      const again = freshBy.get(`${s.name}!${f.cell}`);
      return !sameCellValue(gridValueAt(s.grid, f.row, f.col), f.current) || !again || again.value !== f.value || again.numberFormat !== f.numberFormat;
    });
    if (conflicts.length) throw new HostError('CONFLICT', { cells: conflicts.map((f) => (also.length > 1 ? `${f.sheet}!${f.cell}` : f.cell)).join(',') });
    const locked = r.sheets.find((s) => also.includes(s.name) && s.isProtected);
    if (locked) throw new HostError('PROTECTED', { sheet: locked.name });
    const after = checkWorkbook({ sheets: patched(r.sheets, plan) }, options);
    if (plan.length === 0) return { written: 0, counts: counts(plan), result: after, readSyncs: op.c.calls, writeSyncs: 0 };
    const formatOf = (f: FillCell) => {
      const s = r.sheets.find((x) => x.name === f.sheet)!;
      return s.formats[f.row - s.grid.origin.row]?.[f.col - s.grid.origin.col] ?? 'General';
    };
    const writes = new Map(also.map((name) => [name, fillWrites(plan.filter((f) => f.sheet === name), formatOf)]));
    const set = new Set(plan.filter((f) => f.numberFormat !== null || (typeof f.value === 'number' && formatOf(f) === '@')).map((f) => `${f.sheet}!${f.cell}`));
    const record: WpsUndoRecord = {
      v: 1,
      at: now().toISOString(),
      sheets: also,
      cells: undoCells(r, plan).map((u) => ({ ...u, formatSet: set.has(`${u.sheet}!${u.cell}`) })),
    };
    const sheetOf = (name: string) => r.sheets.find((s) => s.name === name)!;
    withScreenOff(op, () => {
      // the undo record first: a failure half-way leaves a record of every cell the fill may have written
      const store = writeStore(op.wb, r.store, { undo: record, marks: r.store.content.marks }, r.active);
      try {
        for (const [name, cells] of writes) writeCells(sheetOf(name).ws, cells, sheetOf(name).grid.merges);
      } catch (e) {
        compensate(op, record, r, store);
        throw toHostError(e, also.map((n) => sheetOf(n).ws));
      }
      if (request.mark) {
        const marks = mark(op, r, after, request.lang).record;
        if (marks) writeStore(op.wb, store, { undo: record, marks }, r.active);
      }
    });
    return { written: plan.length, counts: counts(plan), result: after, readSyncs: op.readCalls ?? op.c.calls, writeSyncs: op.c.calls - (op.readCalls ?? op.c.calls) };
  }

  /** After a failed write: put the touched cells back (best effort) and the previous undo record. */
  function compensate(op: Op, record: WpsUndoRecord, r: ReadAll, store: Store): void {
    let restored = true;
    for (const [sheet, cells] of bySheet(record.cells)) {
      const s = r.sheets.find((x) => x.name === sheet)!;
      try {
        writeCells(s.ws, restoreWrites(cells), s.grid.merges);
      } catch {
        restored = false;
      }
    }
    if (!restored) return;
    try {
      writeStore(op.wb, store, { undo: r.store.content.undo, marks: r.store.content.marks }, r.active);
    } catch {
      // the original failure is what the person needs to hear about
    }
  }

  return {
    validate(request: ValidateRequest, onProgress?: (p: Progress) => void): Promise<ValidateOutcome> {
      return run((op) => {
        const r = readAll(op, request.allSheets, [], onProgress);
        const { result, columnMap } = checkWithMap({ sheets: grids(r) }, { lang: request.lang, ...request.options }, parseStoredMap(r.store.content.map));
        const work = request.mark ? markWork(r, result, request.lang).work : [];
        const unmarked = work.filter((w) => w.s.isProtected).map((w) => w.s.name);
        if (work.length > unmarked.length) {
          withScreenOff(op, () => {
            const marks = mark(op, r, result, request.lang).record;
            if (marks) writeStore(op.wb, r.store, { undo: r.store.content.undo, marks }, r.active);
          });
        }
        const readSyncs = op.readCalls ?? op.c.calls;
        return { result, sheets: r.sheets.map((s) => s.name), tooLarge: r.tooLarge, unmarked, columnMap, readSyncs, writeSyncs: op.c.calls - readSyncs };
      });
    },

    fill(request: FillRequest, onProgress?: (p: Progress) => void): Promise<FillOutcome> {
      return run((op) => fill(op, request, onProgress));
    },

    undoFill(): Promise<{ restored: number }> {
      return run((op) => {
        const store = readStore(op.wb);
        const record = parseUndo(store.content.undo);
        if (!record) throw new HostError('NO_UNDO');
        const sheets = new Map<string, EtWorksheetLike>();
        for (const name of record.sheets) {
          const ws = sheetNamed(op.wb, name);
          if (!ws) throw new HostError('SHEET_GONE', { sheet: name });
          if (ws.ProtectContents) throw new HostError('PROTECTED', { sheet: name });
          sheets.set(name, ws);
        }
        const active = op.app.ActiveSheet;
        withScreenOff(op, () => {
          try {
            for (const [name, cells] of bySheet(record.cells)) writeCells(sheets.get(name)!, restoreWrites(cells), []);
          } catch (e) {
            throw toHostError(e, [...sheets.values()]);
          }
          writeStore(op.wb, store, { undo: null, marks: store.content.marks }, active);
        });
        return { restored: record.cells.length };
      });
    },

    selectedCell(): Promise<SelectedCell> {
      return run((op) => {
        const ws = op.app.ActiveSheet;
        const sel = op.app.Selection;
        if (!ws || !sel) throw new HostError('NOT_IN_EXCEL');
        return { sheet: ws.Name, address: sel.Address(false, false).replace(/\$/gu, '') };
      });
    },

    writeColumnMap(map: ColumnMap | null): Promise<void> {
      return run((op) => {
        const store = readStore(op.wb);
        if (map === null && !store.sheet) return;
        writeStore(op.wb, store, { undo: store.content.undo, marks: store.content.marks, map }, op.app.ActiveSheet);
      });
    },

    hasUndo(): Promise<boolean> {
      return run((op) => parseUndo(readStore(op.wb).content.undo) !== null);
    },

    select(sheet: string, cell: string): Promise<void> {
      return run((op) => {
        const ws = sheetNamed(op.wb, sheet);
        if (!ws) throw new HostError('SHEET_GONE', { sheet });
        ws.Activate();
        ws.Range(cell).Select();
      });
    },
  };
}
