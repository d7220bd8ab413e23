import { checkWorkbook, isExcelError, parseA1 } from '../core';
import type { CellValue, CheckResult, FillCell, FillReason, Finding, Lang, SheetGrid } from '../core';
import type { CommentLike, ExcelLike, NoteLike, RequestContextLike, RequirementsLike, WorksheetLike } from './excel-like';
import { HostError, type FillOutcome, type FillRequest, type Progress, type ValidateOutcome, type ValidateRequest, type ZipingHost } from './host';
import { entryNoteId, MARK_KEY, noteId, parseMarkRecord, planFills, recorded, wantedMarks, type MarkEntry, type MarkRecord } from './marks';
import { writeSummarySheet } from './summarySheet';
import { needsMoreMerges, queueMoreMerges, queueProbe, readChunked, takeWhole, tooMuchAtOnce, TooLarge, type Fill, type ReadOptions, type SheetProbe, type SheetRead } from './read';

export interface HostOptions {
  /**
   * cells per read sync on the bounded path, taken only when Office refuses a sheet's used range in one
   * response (5 MB on the web, or more than 512 merged areas); default 5000, far below 5 MB
   */
  readonly cellBudget?: number;
  /** cells of one sheet's used range above which reading stops with TOO_LARGE; default 2 000 000 */
  readonly maxCells?: number;
  /** pause before the one retry after Excel reported cell-edit mode; default 1500 ms */
  readonly retryDelayMs?: number;
  /** clock for the undo record's timestamp */
  readonly now?: () => Date;
  /** UTF-8 bytes the undo record and the record of the marks may take together; default SETTINGS_BUDGET_BYTES */
  readonly settingsBudgetBytes?: number;
}

export const UNDO_KEY = 'ziping.undo';
/** minimum, as the manifest declares: getRangeByIndexes (1.7), workbook.settings (1.4), getUsedRange(valuesOnly), protection */
export const MIN_EXCEL_API = '1.7';

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

/**
 * UTF-8 bytes the add-in's settings (the undo record and the record of the marks) may take together. Office keeps
 * at most 2 MB of settings per add-in (reference of Office.Settings.set; the limit is on the total, so spreading a
 * record over several keys gains nothing), and Excel has been seen refusing about 1 MB with InvalidArgument
 * (office-js#3957). A fill or marking that would need more stops with TOO_LARGE before writing anything.
 */
export const SETTINGS_BUDGET_BYTES = 1_000_000;

const UTF8 = new TextEncoder();

/** UTF-8 size of a string, as Office counts payload and settings bytes. */
export function utf8Bytes(s: string): number {
  return UTF8.encode(s).length;
}

const jsonBytes = (v: unknown): number => (v === null || v === undefined ? 0 : utf8Bytes(JSON.stringify(v)));
const REASONS: readonly FillReason[] = ['score', 'rate', 'fundsScore', 'total', 'note', 'overwriteScore'];

/**
 * Text Excel could turn into something else when written to `values` gets a leading apostrophe, and Excel stores
 * the rest as text. Office documents only `=`, `+`, `-` (formulas) and ISO dates; typing also converts numbers,
 * percents, currency, `(5)`, `#N/A`, booleans, times and English dates such as `May 5`, so anything that starts
 * like one of those is quoted. Text that starts with a CJK character (the drafted notes) is written as it is.
 */
export function asText(s: string): string {
  if (s === '') return s;
  const risky = /^[=+\-@'#$¥￥€£(.\s\d０-９]/.test(s)
    || /^(true|false)$/i.test(s.trim())
    || (/^[A-Za-z]/.test(s) && /\d/.test(s));
  return risky ? `'${s}` : s;
}

function errorCode(e: unknown): string {
  return String((e as { code?: unknown })?.code ?? '');
}

function toHostError(e: unknown, sheet = ''): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof TooLarge) return new HostError('TOO_LARGE', { cells: e.cells, sheet });
  const code = errorCode(e);
  const message = String((e as Error)?.message ?? e);
  switch (code) {
    case 'InvalidOperationInCellEditMode': return new HostError('EDIT_MODE', {}, message);
    case 'ApiNotFound': return new HostError('UNSUPPORTED', { needed: /ExcelApi [\d.]+/.exec(message)?.[0] ?? 'ExcelApi' }, message);
    case 'ItemNotFound': return new HostError('SHEET_GONE', { sheet }, message);
    case 'AccessDenied': return new HostError('PROTECTED', { sheet }, message);
    case 'InvalidOperation': return /protect/i.test(message) ? new HostError('PROTECTED', { sheet }, message) : new HostError('UNKNOWN', { code }, message);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded': return new HostError('TOO_LARGE', { sheet }, message);
    default: return new HostError('UNKNOWN', { code }, message);
  }
}

class Counter {
  reads = 0;
  writes = 0;
  /** the write batch turns events off and back on at its end */
  eventsOff = false;
  constructor(private readonly ctx: RequestContextLike) {}
  read = async () => { this.reads++; await this.ctx.sync(); };
  write = async () => {
    this.writes++;
    try {
      await this.ctx.sync();
    } catch (e) {
      // Office applied the batch up to the failing operation: the switch back on at its end may not have run
      if (this.eventsOff) {
        try {
          this.ctx.runtime.enableEvents = true;
          await this.ctx.sync();
        } catch {
          // the original failure is what the person needs to hear about
        }
      }
      throw e;
    } finally {
      this.eventsOff = false;
    }
  };
}

interface NoteItems {
  kind: 'notes' | 'comments';
  items: (NoteLike | CommentLike)[];
  /** threaded comments of a sheet marked with notes: Excel keeps a note and a comment off the same cell */
  others: CommentLike[];
}

interface Scope {
  readonly allSheets: boolean;
  /** sheets to read besides the scope (a fill's plan may refer to a sheet that is no longer active) */
  readonly also: readonly string[];
  readonly mark: boolean;
}

/** Whether a failed mark batch that added notes or comments is worth marking again with fills only. */
function notesMayHaveFailed(e: unknown): boolean {
  const code = errorCode(e);
  return code !== 'InvalidOperationInCellEditMode' && code !== 'ItemNotFound' && code !== 'AccessDenied';
}

interface ReadAll {
  sheets: SheetRead[];
  worksheets: Map<string, WorksheetLike>;
  notes: Map<string, NoteItems>;
  undo: UndoRecord | null;
  marks: MarkRecord;
  markExists: boolean;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isExcelError(a) || isExcelError(b)) return isExcelError(a) && isExcelError(b) && a.code === b.code;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return a === b;
}

function valueAt(g: SheetGrid, row: number, col: number): CellValue {
  const v = g.values[row - g.origin.row]?.[col - g.origin.col];
  return v === undefined ? null : v;
}

/** Contiguous vertical runs of cells of one sheet. */
function runs<T extends { row: number; col: number }>(cells: readonly T[]): T[][] {
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

function bySheet<T extends { sheet: string }>(cells: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const c of cells) {
    const l = m.get(c.sheet) ?? [];
    l.push(c);
    m.set(c.sheet, l);
  }
  return m;
}

function parseUndo(v: unknown): UndoRecord | null {
  const r = v as UndoRecord | null;
  return r && r.v === 1 && Array.isArray(r.cells) ? r : null;
}

/**
 * The ZipingHost over the Excel JavaScript API. `api` is the global `Excel` in the add-in or the emulator's
 * `createExcelApi(emu)`; `env` answers requirement-set questions (`Office.context.requirements`, or the
 * EmuWorkbook); without it, `Office.context.requirements` is used when present, else everything is assumed.
 */
export function createExcelHost(api: ExcelLike | undefined, env?: RequirementsLike, options: HostOptions = {}): ZipingHost {
  const cellBudget = options.cellBudget ?? 5000;
  const maxCells = options.maxCells ?? 2_000_000;
  const retryDelayMs = options.retryDelayMs ?? 1500;
  const now = options.now ?? (() => new Date());
  const settingsBudget = options.settingsBudgetBytes ?? SETTINGS_BUDGET_BYTES;
  const requirements: RequirementsLike = env
    ?? (typeof Office !== 'undefined' && Office.context?.requirements ? Office.context.requirements : { isSetSupported: () => true });
  const supports = (v: string) => requirements.isSetSupported('ExcelApi', v);

  async function run<T>(batch: (ctx: RequestContextLike, c: Counter) => Promise<T>): Promise<T> {
    if (!api) throw new HostError('NOT_IN_EXCEL');
    if (!supports(MIN_EXCEL_API)) throw new HostError('UNSUPPORTED', { needed: `ExcelApi ${MIN_EXCEL_API}` });
    const once = () => api.run((ctx) => batch(ctx, new Counter(ctx))).catch((e: unknown) => { throw toHostError(e); });
    try {
      return await once();
    } catch (e) {
      if (!(e instanceof HostError) || e.code !== 'EDIT_MODE') throw e;
      await new Promise((r) => setTimeout(r, retryDelayMs));
      return once();
    }
  }

  async function readAll(ctx: RequestContextLike, c: Counter, scope: Scope, onProgress?: (p: Progress) => void): Promise<ReadAll> {
    const base: ReadOptions = { merges: supports('1.13'), fills: scope.mark && supports('1.9'), cellBudget, maxCells };
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
    // one report per read sync that completes sheets; a single sheet read in bands reports each band instead
    const sheetsDone = (sheet: string) => onProgress?.({ done: single ? 1 : byName.size, total: single ? 1 : targets.length, sheet });
    const take = (name: string, p: SheetProbe, read: SheetRead) => {
      byName.set(name, read);
      worksheets.set(name, p.ws);
      if (noteKind) {
        const others = noteKind === 'notes' && supports('1.10') ? p.ws.comments.items : [];
        notes.set(name, { kind: noteKind, items: noteKind === 'notes' ? p.ws.notes.items : p.ws.comments.items, others });
      }
    };
    const chunked = async (name: string, p: SheetProbe) => {
      const read = await readChunked(p, base, c.read, (done, total) => {
        if (single) onProgress?.({ done, total, sheet: name });
      }).catch((e: unknown) => { throw toHostError(e, name); });
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
          throw toHostError(e, name);
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
        await c.read().catch((e2: unknown) => { throw toHostError(e2, group[0]); });
        await chunked(group[0], p);
        return;
      }
      await takeWholes(queued);
    };
    const rest = targets.filter((n) => !byName.has(n));
    if (rest.length) await readGroup(rest);
    return {
      sheets: targets.map((n) => byName.get(n)!),
      worksheets,
      notes,
      undo: first.undo.isNullObject ? null : parseUndo(first.undo.value),
      marks: first.marks.isNullObject ? { v: 1, sheets: {} } : parseMarkRecord(first.marks.value),
      markExists: !first.marks.isNullObject,
    };
  }

  /**
   * Works out the marks of the sheets read (and takes away the previous ones); returns what to queue in the
   * write batch. Reads once more only when it must: foreign notes whose cells are unknown, or fills that the
   * host cannot report per cell (ExcelApi < 1.9).
   */
  async function prepareMarks(ctx: RequestContextLike, c: Counter, r: ReadAll, findings: readonly Finding[], lang: Lang, addNotes = true) {
    type Plan = { ws: WorksheetLike; read: SheetRead; old: readonly MarkEntry[]; wanted: ReturnType<typeof wantedMarks>; ours: (NoteLike | CommentLike)[]; foreign: (NoteLike | CommentLike)[]; kind: NoteItems['kind'] | null; fills: Map<string, ReturnType<WorksheetLike['getRange']>> };
    const plans: Plan[] = [];
    let prep = false;
    for (const read of r.sheets) {
      const old = r.marks.sheets[read.name] ?? [];
      const wanted = wantedMarks(findings, read.name, lang);
      if (old.length === 0 && wanted.size === 0) continue;
      if (read.isProtected) throw new HostError('PROTECTED', { sheet: read.name });
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
      await c.read();
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
      /** UTF-8 bytes of the record of the marks once written */
      recordBytes: jsonBytes(record),
      /** whether the marks delete or add notes/comments (the part of the batch some hosts refuse) */
      notes: noteSteps.length > 0,
      /**
       * The record first: when a later operation of the batch fails (Office applies what came before it), the
       * record already describes every fill and note the batch may have made, so the next run can take them away.
       */
      queueRecord() {
        if (!record) {
          if (r.markExists) ctx.workbook.settings.getItem(MARK_KEY).delete();
        } else ctx.workbook.settings.add(MARK_KEY, record);
      },
      /** fills, then notes/comments last */
      queueMarks() {
        for (const s of fillSteps) s();
        for (const s of noteSteps) s();
      },
    };
  }

  function beginWrite(ctx: RequestContextLike, c: Counter) {
    if (supports('1.9')) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    if (supports('1.8')) {
      ctx.runtime.enableEvents = false;
      c.eventsOff = true;
    }
  }
  function endWrite(ctx: RequestContextLike) {
    if (supports('1.8')) ctx.runtime.enableEvents = true;
  }

  /** Queues values/formulas/formats of cells, column runs as 2-D arrays; text stays text. */
  function queueCells(ws: WorksheetLike, cells: readonly { row: number; col: number; value: unknown; formula: string | null; numberFormat: string | null }[]) {
    for (const run of runs(cells)) {
      const range = ws.getRangeByIndexes(run[0].row, run[0].col, run.length, 1);
      if (run.some((x) => x.numberFormat !== null)) range.numberFormat = run.map((x) => [x.numberFormat]);
      if (run.some((x) => x.formula === null)) {
        range.values = run.map((x) => [x.formula !== null ? null : typeof x.value === 'string' ? asText(x.value) : x.value]);
      }
      if (run.some((x) => x.formula !== null)) range.formulas = run.map((x) => [x.formula]);
    }
  }

  function undoCells(r: ReadAll, plan: readonly FillCell[]): UndoCell[] {
    return plan.map((f) => {
      const s = r.sheets.find((x) => x.name === f.sheet)!;
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

  function patched(r: ReadAll, plan: readonly FillCell[]): SheetGrid[] {
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

  function counts(plan: readonly FillCell[]): Record<FillReason, number> {
    const out = Object.fromEntries(REASONS.map((k) => [k, 0])) as Record<FillReason, number>;
    for (const f of plan) out[f.reason]++;
    return out;
  }

  async function fillOnce(ctx: RequestContextLike, c: Counter, request: FillRequest, addNotes: boolean, onProgress?: (p: Progress) => void): Promise<FillOutcome> {
    const plan = request.expected.cells;
    const also = [...new Set(plan.map((f) => f.sheet))];
    const r = await readAll(ctx, c, { allSheets: request.allSheets, also, mark: request.mark }, onProgress);
    const options = { lang: request.lang, ...request.options };
    const fresh: CheckResult = checkWorkbook({ sheets: r.sheets.map((s) => s.grid) }, options);
    const freshBy = new Map(fresh.fillPlan.cells.map((f) => [`${f.sheet}!${f.cell}`, f]));
    const conflicts: FillCell[] = [];
    for (const f of plan) {
      const s = r.sheets.find((x) => x.name.toLowerCase() === f.sheet.toLowerCase())!;
      const now = valueAt(s.grid, f.row, f.col);
      const again = freshBy.get(`${s.name}!${f.cell}`);
      if (!sameValue(now, f.current) || !again || again.value !== f.value || again.numberFormat !== f.numberFormat) conflicts.push(f);
    }
    if (conflicts.length) {
      const many = also.length > 1;
      throw new HostError('CONFLICT', { cells: conflicts.map((f) => (many ? `${f.sheet}!${f.cell}` : f.cell)).join(',') });
    }
    for (const name of also) {
      const s = r.sheets.find((x) => x.name === name)!;
      if (s.isProtected) throw new HostError('PROTECTED', { sheet: name });
    }
    const after = checkWorkbook({ sheets: patched(r, plan) }, options);
    if (plan.length === 0) return { written: 0, counts: counts(plan), result: after, readSyncs: c.reads, writeSyncs: 0 };
    const record: UndoRecord = { v: 1, at: now().toISOString(), sheets: also, cells: undoCells(r, plan) };
    const marks = request.mark ? await prepareMarks(ctx, c, r, after.findings, request.lang, addNotes) : null;
    const markBytes = marks ? marks.recordBytes : r.markExists ? jsonBytes(r.marks) : 0;
    if (jsonBytes(record) + markBytes > settingsBudget) throw new HostError('TOO_LARGE', { cells: plan.length, bytes: jsonBytes(record) + markBytes });
    beginWrite(ctx, c);
    // the records first: Office applies what precedes a failing operation, and the records must cover it
    ctx.workbook.settings.add(UNDO_KEY, record);
    marks?.queueRecord();
    const formatBefore = new Map(record.cells.map((u) => [`${u.sheet}!${u.cell}`, u.numberFormat]));
    for (const [sheet, cells] of bySheet(plan)) {
      queueCells(r.worksheets.get(sheet)!, cells.map((f) => {
        // a number written into a Text cell would stay text, and a SUM over it would skip it
        const text = typeof f.value === 'number' && f.numberFormat === null && formatBefore.get(`${f.sheet}!${f.cell}`) === '@';
        return { row: f.row, col: f.col, value: f.value, formula: null, numberFormat: text ? 'General' : f.numberFormat };
      }));
    }
    marks?.queueMarks();
    endWrite(ctx);
    try {
      await c.write();
    } catch (e) {
      if (errorCode(e) !== 'InvalidOperationInCellEditMode') await compensate(ctx, r, record);
      const locked = await refusedAsProtected(ctx, e, also);
      if (locked) throw locked;
      // some hosts refuse notes or comments: put the cells back and fill again, marking with fills only
      if (addNotes && marks?.notes && notesMayHaveFailed(e)) return fillOnce(ctx, c, request, false);
      throw toHostError(e);
    }
    return { written: plan.length, counts: counts(plan), result: after, readSyncs: c.reads, writeSyncs: c.writes };
  }

  return {
    validate(request: ValidateRequest, onProgress?: (p: Progress) => void): Promise<ValidateOutcome> {
      return run(async (ctx, c) => {
        const scope: Scope = { allSheets: request.allSheets, also: [], mark: request.mark };
        const r = await readAll(ctx, c, scope, onProgress);
        const result = checkWorkbook({ sheets: r.sheets.map((s) => s.grid) }, { lang: request.lang, ...request.options });
        if (request.mark) {
          const mark = async (read: ReadAll, addNotes: boolean): Promise<void> => {
            const marks = await prepareMarks(ctx, c, read, result.findings, request.lang, addNotes);
            if (!marks.work) return;
            if (marks.recordBytes + jsonBytes(read.undo) > settingsBudget) throw new HostError('TOO_LARGE', { bytes: marks.recordBytes + jsonBytes(read.undo) });
            beginWrite(ctx, c);
            marks.queueRecord();
            marks.queueMarks();
            endWrite(ctx);
            try {
              await c.write();
            } catch (e) {
              const locked = await refusedAsProtected(ctx, e, read.sheets.map((x) => x.name));
              if (locked) throw locked;
              if (!addNotes || !marks.notes || !notesMayHaveFailed(e)) throw e;
              // some hosts refuse notes or comments (NotImplemented, a cell that holds the other kind): fills only
              await mark(await readAll(ctx, c, scope), false);
            }
          };
          await mark(r, true);
        }
        return { result, sheets: r.sheets.map((s) => s.name), readSyncs: c.reads, writeSyncs: c.writes };
      });
    },

    fill(request: FillRequest, onProgress?: (p: Progress) => void): Promise<FillOutcome> {
      return run((ctx, c) => fillOnce(ctx, c, request, true, onProgress));
    },

    undoFill(): Promise<{ restored: number }> {
      return run(async (ctx, c) => {
        const s = ctx.workbook.settings.getItemOrNullObject(UNDO_KEY);
        s.load('value');
        ctx.workbook.worksheets.load(['items/name', 'items/protection/protected']);
        await c.read();
        const record = s.isNullObject ? null : parseUndo(s.value);
        if (!record) throw new HostError('NO_UNDO');
        const sheets = new Map(ctx.workbook.worksheets.items.map((w) => [w.name, w]));
        for (const name of record.sheets) {
          const ws = sheets.get(name);
          if (!ws) throw new HostError('SHEET_GONE', { sheet: name });
          if (ws.protection.protected) throw new HostError('PROTECTED', { sheet: name });
        }
        beginWrite(ctx, c);
        if (record.added) ctx.workbook.worksheets.getItem(record.added).delete();
        else queueRestore(ctx, record);
        ctx.workbook.settings.getItem(UNDO_KEY).delete();
        endWrite(ctx);
        await c.write();
        return { restored: record.cells.length };
      });
    },

    writeSummary(table) {
      return run((ctx, c) => writeSummarySheet(ctx, table, {
        read: c.read, write: c.write, now, begin: () => beginWrite(ctx, c), end: () => endWrite(ctx),
        record: (undo) => ctx.workbook.settings.add(UNDO_KEY, undo),
      }));
    },

    hasUndo(): Promise<boolean> {
      return run(async (ctx, c) => {
        const s = ctx.workbook.settings.getItemOrNullObject(UNDO_KEY);
        s.load('value');
        await c.read();
        return !s.isNullObject && parseUndo(s.value) !== null;
      });
    },

    select(sheet: string, cell: string): Promise<void> {
      return run(async (ctx, c) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await c.read().catch((e: unknown) => { throw toHostError(e, sheet); });
      });
    },
  };

  function queueRestore(ctx: RequestContextLike, record: UndoRecord) {
    for (const [sheet, cells] of bySheet(record.cells)) {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      queueCells(ws, cells.map((u) => {
        const p = parseA1(u.cell);
        return { row: p.row, col: p.col, value: u.value, formula: u.formula, numberFormat: u.numberFormat };
      }));
    }
  }

  /** Which of `names` are protected now (Office's messages are localized, so a refusal is told by the state). */
  async function protectedSheets(ctx: RequestContextLike, names: readonly string[]): Promise<string[]> {
    try {
      ctx.workbook.worksheets.load(['items/name', 'items/protection/protected']);
      await ctx.sync();
      return ctx.workbook.worksheets.items.filter((w) => names.includes(w.name) && w.protection.protected).map((w) => w.name);
    } catch {
      return [];
    }
  }

  /** A write Office refused with InvalidOperation or AccessDenied because a sheet is protected: PROTECTED. */
  async function refusedAsProtected(ctx: RequestContextLike, e: unknown, names: readonly string[]): Promise<HostError | null> {
    const code = errorCode(e);
    if (code !== 'InvalidOperation' && code !== 'AccessDenied') return null;
    const locked = await protectedSheets(ctx, names);
    return locked.length ? new HostError('PROTECTED', { sheet: locked[0] }, String((e as Error)?.message ?? code)) : null;
  }

  /**
   * After a failed write batch (Office applies what precedes the failing operation): put the touched cells back,
   * one sheet per sync so that a sheet that refuses does not keep the others from being restored. The previous
   * undo record comes back only when every sheet was restored (a sheet that is gone has nothing to restore);
   * otherwise the new record stays, so that the person can still undo what may have been written.
   */
  async function compensate(ctx: RequestContextLike, r: ReadAll, record: UndoRecord) {
    let restored = true;
    // a sheet protected now refused the write as it refuses the restore: nothing of it needs putting back
    const locked = new Set(await protectedSheets(ctx, record.sheets));
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
      if (r.undo) ctx.workbook.settings.add(UNDO_KEY, r.undo);
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
}

