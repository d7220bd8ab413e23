/** A fill: read again, refuse on a conflict, then the plan, its undo record and the marks in one write sync. */
import { checkWorkbook, countFill, type FillCell, type SheetGrid } from '../core';
import { beginWrite, endWrite, errorCode, jsonBytes, notesMayHaveFailed, refusedAsProtected, toHostError, type Batch } from './batch';
import { bySheet, queueCells, type CellWrite } from './cells';
import { refuseConflicts } from './conflict';
import { formatOnProtected, readLocks, refuseLocked, type SheetLocks } from './locks';
import { HostError, type FillOutcome, type FillRequest, type Progress } from './host';
import { prepareMarks } from './marking';
import { readWorkbook, type ReadLimits, type Snapshot } from './snapshot';
import { checkWithMap } from './columnMap';
import { compensate, UNDO_KEY, undoCells, type UndoRecord } from './undo';

export interface FillSettings extends ReadLimits {
  /** clock for the undo record's timestamp */
  readonly now: () => Date;
  /** UTF-8 bytes the undo record and the record of the marks may take together */
  readonly settingsBudget: number;
}

/** The grids as they will be once the plan is written (formulas of written cells gone). */
function patched(r: Snapshot, plan: readonly FillCell[]): SheetGrid[] {
  return r.sheets.map((s) => {
    const values = s.grid.values.map((line) => [...line]);
    const formats = (s.grid.formats ?? []).map((line) => [...line]);
    const formulas = (s.grid.formulas ?? []).map((line) => [...line]);
    for (const f of plan) {
      if (f.sheet !== s.name) continue;
      const i = f.row - s.grid.origin.row;
      const j = f.col - s.grid.origin.col;
      if (!values[i] || j < 0 || j >= values[i].length) continue;
      values[i][j] = f.value;
      if (formulas[i]) formulas[i][j] = null;
      if (f.numberFormat && formats[i]) formats[i][j] = f.numberFormat;
    }
    return { ...s.grid, values, formats, formulas };
  });
}

/**
 * Fills `request.expected`. A failed write is put back (compensate); a host that refused the notes or comments of
 * the marks gets the fill again with fills only (`addNotes` false).
 */
export async function fill(b: Batch, settings: FillSettings, request: FillRequest, addNotes = true, onProgress?: (p: Progress) => void): Promise<FillOutcome> {
  const { ctx, syncs } = b;
  const plan = request.expected.cells;
  const also = [...new Set(plan.map((f) => f.sheet))];
  const r = await readWorkbook(b, settings, { allSheets: request.allSheets, also, mark: request.mark }, onProgress);
  const checked = checkWithMap({ sheets: r.sheets.map((s) => s.grid) }, { lang: request.lang, ...request.options }, r.columnMap);
  const options = { lang: request.lang, ...request.options, columnMap: checked.columnMap?.refused ? undefined : (request.options.columnMap ?? r.columnMap ?? undefined) };
  refuseConflicts(r.sheets, plan, checked.result);
  // a protected sheet takes the plan when every cell it writes is unlocked (one more read sync, only then)
  const guarded = also.filter((name) => r.sheets.find((x) => x.name === name)!.isProtected);
  const locks = guarded.length && plan.length
    ? await readLocks(b, new Map(guarded.map((name) => [name, { ws: r.worksheets.get(name)!, cells: plan.filter((f) => f.sheet === name) }])))
    : new Map<string, SheetLocks>();
  refuseLocked(locks);
  const after = checkWorkbook({ sheets: patched(r, plan) }, options);
  const { counts } = countFill(plan);
  if (plan.length === 0) return { written: 0, counts, result: after, readSyncs: syncs.reads, writeSyncs: 0 };
  const record: UndoRecord = { v: 1, at: settings.now().toISOString(), sheets: also, cells: undoCells(r.sheets, plan) };
  // Excel refuses fills and notes on a protected sheet: its marks stay as they were
  const marks = request.mark ? await prepareMarks(b, r, after.findings, request.lang, addNotes) : null;
  const markBytes = (marks ? marks.recordBytes : r.markExists ? jsonBytes(r.marks) : 0) + r.mapBytes;
  if (jsonBytes(record) + markBytes > settings.settingsBudget) throw new HostError('TOO_LARGE', { cells: plan.length, bytes: jsonBytes(record) + markBytes });
  const formatBefore = new Map(record.cells.map((u) => [`${u.sheet}!${u.cell}`, u.numberFormat]));
  const writes = [...bySheet(plan)].map(([sheet, cells]) => [sheet, cells.map((f): CellWrite => {
    // a number written into a Text cell would stay text, and a SUM over it would skip it
    const text = typeof f.value === 'number' && f.numberFormat === null && formatBefore.get(`${f.sheet}!${f.cell}`) === '@';
    const format = text ? 'General' : f.numberFormat;
    const l = locks.get(sheet);
    return { row: f.row, col: f.col, value: f.value, formula: null, numberFormat: l ? formatOnProtected(l, sheet, f, format) : format };
  })] as const);
  beginWrite(b);
  // the records first: Office applies what precedes a failing operation, and the records must cover it
  ctx.workbook.settings.add(UNDO_KEY, record);
  marks?.queueRecord();
  for (const [sheet, cells] of writes) queueCells(r.worksheets.get(sheet)!, cells);
  marks?.queueMarks();
  endWrite(b);
  try {
    await syncs.write();
  } catch (e) {
    if (errorCode(e) !== 'InvalidOperationInCellEditMode') await compensate(ctx, r.undo, record, new Set(guarded));
    const locked = await refusedAsProtected(ctx, e, also);
    if (locked) throw locked;
    // some hosts refuse notes or comments: put the cells back and fill again, marking with fills only
    if (addNotes && marks?.notes && notesMayHaveFailed(e)) return fill(b, settings, request, false);
    throw toHostError(e);
  }
  return { written: plan.length, counts, result: after, readSyncs: syncs.reads, writeSyncs: syncs.writes };
}
