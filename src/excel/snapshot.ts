/**
 * Reading for a validate or a fill: the active sheet (or every visible sheet), the undo record and the record of
 * the marks, in as few syncs as Office allows (one for the active sheet; src/excel/read.ts reads each sheet).
 */
import type { CommentLike, NoteLike, WorksheetLike } from './excel-like';
import { toHostError, type Batch } from './batch';
import { HostError, type Progress } from './host';
import { MARK_KEY, parseMarkRecord, type MarkRecord } from './marks';
import { needsMoreMerges, queueMoreMerges, queueProbe, readChunked, takeWhole, tooMuchAtOnce, type ReadOptions, type SheetProbe, type SheetRead } from './read';
import { parseUndo, UNDO_KEY, type UndoRecord } from './undo';

/** The notes (or comments) of a sheet to be marked. */
export interface NoteItems {
  kind: 'notes' | 'comments';
  items: (NoteLike | CommentLike)[];
  /** threaded comments of a sheet marked with notes: Excel keeps a note and a comment off the same cell */
  others: CommentLike[];
}

export interface Scope {
  readonly allSheets: boolean;
  /** sheets to read besides the scope (a fill's plan may refer to a sheet that is no longer active) */
  readonly also: readonly string[];
  readonly mark: boolean;
}

/** Cells per read sync on the bounded path, and the most cells of one sheet's used range. */
export type ReadLimits = Pick<ReadOptions, 'cellBudget' | 'maxCells'>;

/** What one read gives: the sheets in scope, and the add-in's records in the workbook. */
export interface Snapshot {
  sheets: SheetRead[];
  worksheets: Map<string, WorksheetLike>;
  /** by sheet, when marking on a host with notes (ExcelApi 1.18) or comments (1.10) */
  notes: Map<string, NoteItems>;
  undo: UndoRecord | null;
  marks: MarkRecord;
  markExists: boolean;
  /** sheets of an all-sheets read left out as TOO_LARGE (the others were read) */
  tooLarge: string[];
}

/**
 * Reads the sheets of `scope`: the active sheet (with the records) in one sync, whole when Office answers, else in
 * bands; in all-sheets mode, the list and records first, then every other sheet in one sync, a group halved only
 * when Office refuses it. A sheet of `scope.also` that is gone: SHEET_GONE.
 */
export async function readWorkbook(b: Batch, limits: ReadLimits, scope: Scope, onProgress?: (p: Progress) => void): Promise<Snapshot> {
  const { ctx, supports } = b;
  const c = b.syncs;
  const base: ReadOptions = { merges: supports('1.13'), fills: scope.mark && supports('1.9'), cellBudget: limits.cellBudget, maxCells: limits.maxCells };
  const noteKind: NoteItems['kind'] | null = scope.mark ? (supports('1.18') ? 'notes' : supports('1.10') ? 'comments' : null) : null;
  const wb = ctx.workbook;
  const probe = (ws: WorksheetLike, whole: boolean): SheetProbe => {
    if (noteKind === 'notes') {
      ws.notes.load('items/content');
      if (supports('1.10')) ws.comments.load('items/id');
    }
    if (noteKind === 'comments') ws.comments.load(['items/id', 'items/content']);
    return queueProbe(ws, base, whole);
  };
  // names are unknown before the first sync: in all-sheets mode it reads only the list and the records
  const queueFirst = (whole: boolean) => {
    const undo = wb.settings.getItemOrNullObject(UNDO_KEY);
    undo.load('value');
    const marks = wb.settings.getItemOrNullObject(MARK_KEY);
    marks.load('value');
    wb.worksheets.load(['items/name', 'items/visibility']);
    return { undo, marks, active: scope.allSheets ? null : probe(wb.worksheets.getActiveWorksheet(), whole) };
  };
  let first = queueFirst(true);
  try {
    await c.read();
  } catch (e) {
    if (scope.allSheets || !tooMuchAtOnce(e, base)) throw e;
    first = queueFirst(false);
    await c.read();
  }
  const names = wb.worksheets.items.map((w) => w.name);
  const targets: string[] = scope.allSheets
    ? wb.worksheets.items.filter((w) => w.visibility === 'Visible').map((w) => w.name)
    : [first.active!.ws.name];
  for (const s of scope.also) {
    const hit = names.find((n) => n.toLowerCase() === s.toLowerCase());
    if (!hit) throw new HostError('SHEET_GONE', { sheet: s });
    if (!targets.includes(hit)) targets.push(hit);
  }
  const single = targets.length === 1;
  const byName = new Map<string, SheetRead>();
  const worksheets = new Map<string, WorksheetLike>();
  const notes = new Map<string, NoteItems>();
  const tooLarge: string[] = [];
  /** In all-sheets mode a sheet too large to read is left out and named; any other failure stops the read. */
  const failed = (name: string, e: unknown): void => {
    const err = toHostError(e, name);
    if (!scope.allSheets || err.code !== 'TOO_LARGE' || scope.also.includes(name)) throw err;
    tooLarge.push(name);
  };
  // one report per read sync that completes sheets; a single sheet read in bands reports each band instead
  const sheetsDone = (sheet: string) => onProgress?.({ done: single ? 1 : byName.size + tooLarge.length, total: single ? 1 : targets.length, sheet });
  const take = (name: string, p: SheetProbe, read: SheetRead) => {
    byName.set(name, read);
    worksheets.set(name, p.ws);
    if (noteKind) {
      const others = noteKind === 'notes' && supports('1.10') ? p.ws.comments.items : [];
      notes.set(name, { kind: noteKind, items: noteKind === 'notes' ? p.ws.notes.items : p.ws.comments.items, others });
    }
  };
  const chunked = async (name: string, p: SheetProbe) => {
    let read: SheetRead;
    try {
      read = await readChunked(p, base, c.read, (done, total) => {
        if (single) onProgress?.({ done, total, sheet: name });
      });
    } catch (e) {
      failed(name, e);
      return;
    }
    take(name, p, read);
    if (!single) sheetsDone(name);
  };
  /** Takes synced whole probes; a sheet taller than the merged areas asked for needs one more sync. */
  const takeWholes = async (probes: (readonly [string, SheetProbe])[]) => {
    const tall = probes.filter(([, p]) => needsMoreMerges(p, base));
    let refused = false;
    if (tall.length) {
      for (const [, p] of tall) queueMoreMerges(p);
      try {
        await c.read();
      } catch (e) {
        if (!tooMuchAtOnce(e, base)) throw toHostError(e, tall.length === 1 ? tall[0][0] : undefined);
        refused = true;
      }
    }
    const empty: (readonly [string, SheetProbe])[] = [];
    for (const [name, p] of probes) {
      if (refused && tall.some(([n]) => n === name)) continue;
      let read: SheetRead | null;
      try {
        read = takeWhole(p, base);
      } catch (e) {
        failed(name, e);
        continue;
      }
      if (read) take(name, p, read);
      else empty.push([name, p]);
    }
    if (byName.has(probes[probes.length - 1][0])) sheetsDone(probes[probes.length - 1][0]);
    if (refused) for (const [name, p] of tall) await chunked(name, p);
    for (const [name, p] of empty) await chunked(name, p);
  };
  if (first.active) {
    const name = first.active.ws.name;
    if (first.active.whole) await takeWholes([[name, first.active]]);
    else await chunked(name, first.active);
  }
  // the other sheets' used ranges, whole, in one sync; a group is halved only when Office refuses it
  const readGroup = async (group: string[]): Promise<void> => {
    const queued = group.map((name) => [name, probe(wb.worksheets.getItem(name), true)] as const);
    try {
      await c.read();
    } catch (e) {
      if (!tooMuchAtOnce(e, base)) throw toHostError(e, group.length === 1 ? group[0] : undefined);
      if (group.length > 1) {
        const mid = Math.ceil(group.length / 2);
        await readGroup(group.slice(0, mid));
        await readGroup(group.slice(mid));
        return;
      }
      const p = probe(wb.worksheets.getItem(group[0]), false);
      try {
        await c.read();
      } catch (e2) {
        failed(group[0], e2);
        return;
      }
      await chunked(group[0], p);
      return;
    }
    await takeWholes(queued);
  };
  const rest = targets.filter((n) => !byName.has(n));
  if (rest.length) await readGroup(rest);
  return {
    sheets: targets.filter((n) => byName.has(n)).map((n) => byName.get(n)!),
    tooLarge,
    worksheets,
    notes,
    undo: first.undo.isNullObject ? null : parseUndo(first.undo.value),
    marks: first.marks.isNullObject ? { v: 1, sheets: {} } : parseMarkRecord(first.marks.value),
    markExists: !first.marks.isNullObject,
  };
}
