/** Marking findings on the sheets: the marks planned (marks.ts) against what was read, queued, and written. */
import { parseA1, type Finding, type Lang } from '../core';
import { beginWrite, endWrite, jsonBytes, notesMayHaveFailed, refusedAsProtected, type Batch } from './batch';
import type { CommentLike, NoteLike, WorksheetLike } from './excel-like';
import { HostError } from './host';
import { entryNoteId, MARK_KEY, noteId, planFills, recorded, wantedMarks, type MarkEntry, type MarkRecord } from './marks';
import type { Fill, SheetRead } from './read';
import type { NoteItems, Snapshot } from './snapshot';

/** The marks of a read, ready to be queued in a write batch. */
export interface PreparedMarks {
  /** whether any fill is to be set or restored */
  readonly work: boolean;
  /** UTF-8 bytes of the record of the marks once written */
  readonly recordBytes: number;
  /** whether the marks delete or add notes/comments (the part of the batch some hosts refuse) */
  readonly notes: boolean;
  /**
   * The record first: when a later operation of the batch fails (Office applies what came before it), the
   * record already describes every fill and note the batch may have made, so the next run can take them away.
   */
  queueRecord(): void;
  /** fills, then notes/comments last */
  queueMarks(): void;
  /** protected sheets left as they are, their findings not marked */
  readonly skipped: readonly string[];
}

/**
 * Works out the marks of the sheets read (and takes away the previous ones); returns what to queue in the
 * write batch. A protected sheet with marks to change is left as it is and named in `skipped` (decision 115). Reads
 * once more only when it must: foreign notes whose cells are unknown, or fills that the
 * host cannot report per cell (ExcelApi < 1.9).
 */
export async function prepareMarks(b: Batch, r: Snapshot, findings: readonly Finding[], lang: Lang, addNotes = true): Promise<PreparedMarks> {
  const { ctx } = b;
  type Plan = { ws: WorksheetLike; read: SheetRead; old: readonly MarkEntry[]; wanted: ReturnType<typeof wantedMarks>; ours: (NoteLike | CommentLike)[]; foreign: (NoteLike | CommentLike)[]; kind: NoteItems['kind'] | null; fills: Map<string, ReturnType<WorksheetLike['getRange']>> };
  const plans: Plan[] = [];
  let prep = false;
  const skipped: string[] = [];
  for (const read of r.sheets) {
    const old = r.marks.sheets[read.name] ?? [];
    const wanted = wantedMarks(findings, read.name, lang);
    if (old.length === 0 && wanted.size === 0) continue;
    if (read.isProtected) {
      skipped.push(read.name);
      continue;
    }
    const ws = r.worksheets.get(read.name)!;
    const items = r.notes.get(read.name);
    const ids = new Map<string, number>();
    for (const e of old) {
      const id = entryNoteId(e);
      if (id) ids.set(id, (ids.get(id) ?? 0) + 1);
    }
    const ours: Plan['ours'] = [];
    const foreign: Plan['foreign'] = [];
    for (const it of items?.items ?? []) {
      const id = noteId(it.content);
      const n = ids.get(id) ?? 0;
      if (n > 0) { ids.set(id, n - 1); ours.push(it); } else foreign.push(it);
    }
    if (addNotes) foreign.push(...(items?.others ?? []));
    const fills = new Map<string, ReturnType<WorksheetLike['getRange']>>();
    if (!read.fills) {
      for (const a1 of new Set([...old.map((e) => e.cell), ...wanted.keys()])) {
        const g = ws.getRange(a1);
        g.format.fill.load('color');
        fills.set(a1, g);
        prep = true;
      }
    }
    const plan: Plan = { ws, read, old, wanted, ours, foreign, kind: items?.kind ?? null, fills };
    plans.push(plan);
    if (addNotes && foreign.length && wanted.size) prep = true;
  }
  const locations = new Map<Plan, ReturnType<NoteLike['getLocation']>[]>();
  if (prep) {
    for (const p of plans) {
      if (p.foreign.length && p.wanted.size) locations.set(p, p.foreign.map((f) => { const l = f.getLocation(); l.load('address'); return l; }));
    }
    await b.syncs.read();
  }
  const next: Record<string, MarkEntry[]> = {};
  for (const [name, entries] of Object.entries(r.marks.sheets)) next[name] = [...entries];
  const fillSteps: (() => void)[] = [];
  const noteSteps: (() => void)[] = [];
  for (const p of plans) {
    const taken = new Set((locations.get(p) ?? []).map((l) => l.address.slice(l.address.lastIndexOf('!') + 1).replace(/\$/g, '')));
    const noteCells = new Set(p.kind && addNotes ? [...p.wanted.keys()].filter((a) => !taken.has(a)) : []);
    let read = p.read;
    if (p.fills.size) {
      // without per-cell properties, a white fill cannot be told from none: both count as none
      const fillsGrid: Fill[][] = [];
      for (const [a1, g] of p.fills) {
        const pos = parseA1(a1);
        const row = pos.row - read.grid.origin.row;
        const col = pos.col - read.grid.origin.col;
        if (row < 0 || col < 0) continue;
        while (fillsGrid.length <= row) fillsGrid.push([]);
        const color = g.format.fill.color;
        fillsGrid[row][col] = !color || color.toUpperCase() === '#FFFFFF' ? null : color.toUpperCase();
      }
      read = { ...read, fills: fillsGrid };
    }
    const change = planFills(read, p.old, p.wanted, noteCells);
    next[p.read.name] = change.entries.map(recorded);
    fillSteps.push(() => {
      for (const x of change.restore) {
        const fill = p.ws.getRange(x.cell).format.fill;
        if (x.fill === null) fill.clear();
        else fill.color = x.fill;
      }
      for (const x of change.paint) p.ws.getRange(x.cell).format.fill.color = x.color;
    });
    const adds = change.entries.filter((e) => e.note);
    if (p.ours.length || adds.length) {
      noteSteps.push(() => {
        for (const it of p.ours) it.delete();
        for (const e of adds) {
          if (p.kind === 'notes') p.ws.notes.add(p.ws.getRange(e.cell), e.note!);
          else if (p.kind === 'comments') p.ws.comments.add(p.ws.getRange(e.cell), e.note!);
        }
      });
    }
  }
  for (const k of Object.keys(next)) if (next[k].length === 0) delete next[k];
  const empty = Object.keys(next).length === 0;
  const record: MarkRecord | null = empty ? null : { v: 1, sheets: next };
  return {
    work: fillSteps.length > 0,
    skipped,
    recordBytes: jsonBytes(record),
    notes: noteSteps.length > 0,
    queueRecord() {
      if (!record) {
        if (r.markExists) ctx.workbook.settings.getItem(MARK_KEY).delete();
      } else ctx.workbook.settings.add(MARK_KEY, record);
    },
    queueMarks() {
      for (const s of fillSteps) s();
      for (const s of noteSteps) s();
    },
  };
}

/**
 * Writes the marks of `findings` over the sheets of `read` in one write sync (nothing when no fill changes), and
 * stops with TOO_LARGE when the records would pass `settingsBudget`. A host that refuses notes or comments is
 * marked again with fills only, after a fresh read through `reread`. A sheet protected when read is left as it is:
 * its name is returned, and the findings are shown in the pane only (a template is often protected but for its
 * input cells; refusing the whole check would hide them). A sheet protected between the read and the write is
 * PROTECTED.
 */
export async function markFindings(
  b: Batch, read: Snapshot, findings: readonly Finding[], lang: Lang, settingsBudget: number, reread: () => Promise<Snapshot>, addNotes = true,
): Promise<readonly string[]> {
  const marks = await prepareMarks(b, read, findings, lang, addNotes);
  if (!marks.work) return marks.skipped;
  const bytes = marks.recordBytes + jsonBytes(read.undo) + read.mapBytes;
  if (bytes > settingsBudget) throw new HostError('TOO_LARGE', { bytes });
  beginWrite(b);
  marks.queueRecord();
  marks.queueMarks();
  endWrite(b);
  try {
    await b.syncs.write();
  } catch (e) {
    const locked = await refusedAsProtected(b.ctx, e, read.sheets.map((x) => x.name));
    if (locked) throw locked;
    if (!addNotes || !marks.notes || !notesMayHaveFailed(e)) throw e;
    // some hosts refuse notes or comments (NotImplemented, a cell that holds the other kind): fills only
    return markFindings(b, await reread(), findings, lang, settingsBudget, reread, false);
  }
  return marks.skipped;
}
