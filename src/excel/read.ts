import { excelErrorFromString, type CellRange, type CellValue, type SheetGrid } from '../core';
import type { CellPropertiesLike, MergedAreasLike, RangeLike, WorksheetLike } from './excel-like';
import { inferMerges } from './infer';

/** A cell's fill as read: a `#RRGGBB` colour, or null for no fill. */
export type Fill = string | null;

export interface ReadOptions {
  /** ExcelApi 1.13: read merged areas; otherwise infer them */
  readonly merges: boolean;
  /** ExcelApi 1.9 and marking: read the fill of every cell (to restore it when marks are cleared) */
  readonly fills: boolean;
  /** cells per sync on the bounded path (only when Office refused the whole used range in one response) */
  readonly cellBudget: number;
  /** more cells than this on one sheet: TOO_LARGE */
  readonly maxCells: number;
}

/** One sheet as read: the grid for the core plus what the writers need. */
export interface SheetRead {
  readonly name: string;
  readonly isProtected: boolean;
  /** the values-only used range; null for a blank sheet */
  readonly used: CellRange | null;
  readonly grid: SheetGrid;
  /** raw `values` / `numberFormat` / formula text aligned with the grid (for the undo record) */
  readonly raw: { values: unknown[][]; formats: string[][]; formulas: (string | null)[][] };
  /** fills aligned with the grid, when asked */
  readonly fills: Fill[][] | null;
  readonly mergesInferred: boolean;
}

/** A merged-areas answer: a RangeAreas whose `areas` items are loaded with their place. */
type Areas = MergedAreasLike;

/** Queued loads of one rectangle, read after the sync. */
interface Block {
  rect: CellRange;
  range: RangeLike;
  /** merged-area queries whose answers cover the rectangle (they may reach beyond it) */
  areas: Areas[];
  props: { readonly value: CellPropertiesLike[][] } | null;
}

const CELLS = ['values', 'numberFormat', 'formulas'];
const PLACE = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

/**
 * Rows per merged-area query of a whole read. Office fails a query over more than 512 areas; a form holds
 * about one per row, and a sheet of forms easily more than 512 in all, so a sheet is asked in bands of rows.
 */
export const MERGE_BAND_ROWS = 128;
/** Rows the whole read asks merged areas for before the used range is known; a taller sheet needs one more sync. */
export const MERGE_COVER_ROWS = 4096;

function queueFills(range: RangeLike, o: ReadOptions): Block['props'] {
  return o.fills ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) : null;
}

/**
 * Queues a merged-areas query of `range` with the place of each area (RangeAreas.areas, a RangeCollection: Excel
 * reference of Range.getMergedAreasOrNullObject and RangeAreas, ExcelApi 1.13 / 1.9): numbers, not an address to
 * parse. The items are read only when the query is not a null object.
 */
function queueMerged(range: RangeLike): Areas {
  const a = range.getMergedAreasOrNullObject();
  a.areas.load(PLACE.map((p) => `items/${p}`));
  return a;
}

/** Merged-area queries over whole rows `from` … `to - 1`, in bands of MERGE_BAND_ROWS rows. */
function queueMergeBands(ws: WorksheetLike, from: number, to: number): Areas[] {
  const out: Areas[] = [];
  for (let top = from; top < Math.min(to, SHEET_ROWS); top += MERGE_BAND_ROWS) {
    out.push(queueMerged(ws.getRangeByIndexes(top, 0, Math.min(MERGE_BAND_ROWS, SHEET_ROWS - top, to - top), SHEET_COLUMNS)));
  }
  return out;
}

export function queueBlock(ws: WorksheetLike, rect: CellRange, o: ReadOptions): Block {
  const range = ws.getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
  range.load(CELLS);
  const areas: Areas[] = [];
  if (o.merges) areas.push(queueMerged(range));
  return { rect, range, areas, props: queueFills(range, o) };
}

/** The rectangles of a synced merged-areas answer (none for a null object). */
export function mergedRects(a: Areas): CellRange[] {
  if (a.isNullObject) return [];
  return a.areas.items.map((r) => ({ top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 }));
}

export function fillOf(p: CellPropertiesLike | undefined): Fill {
  const f = p?.format?.fill;
  if (!f || f.pattern === 'None' || !f.color) return null;
  return f.color.toUpperCase();
}

/** Assembles the used range from blocks (blocks and merged areas may extend beyond it; merges are taken once, by a top-left inside it). */
export function assemble(name: string, isProtected: boolean, used: CellRange | null, blocks: Block[], o: ReadOptions): SheetRead {
  const area = used ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const mk = <T>(v: T): T[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
  const rawValues = mk<unknown>('');
  const rawFormats = mk('General');
  const formulas = mk<string | null>(null);
  const fills = o.fills ? mk<Fill>(null) : null;
  const found: CellRange[] = [];
  for (const b of blocks) {
    const vals = b.range.values, fmts = b.range.numberFormat, fors = b.range.formulas;
    const props = b.props?.value;
    for (let i = 0; i < vals.length; i++) {
      const row = b.rect.top + i - area.top;
      if (row < 0 || row >= rows) continue;
      for (let j = 0; j < vals[i].length; j++) {
        const col = b.rect.left + j - area.left;
        if (col < 0 || col >= cols) continue;
        rawValues[row][col] = vals[i][j];
        rawFormats[row][col] = String(fmts[i][j] ?? 'General');
        const f = fors[i][j];
        // a formula reads back as `=…` in formulas and as its result in values; text `=…` reads the same in both
        formulas[row][col] = typeof f === 'string' && f.startsWith('=') && f !== vals[i][j] ? f : null;
        if (fills && props) fills[row][col] = fillOf(props[i]?.[j]);
      }
    }
    for (const a of b.areas) found.push(...mergedRects(a));
  }
  const values: CellValue[][] = rawValues.map((line) => line.map(toCellValue));
  const formats = rawFormats.map((line) => line.map((f) => (f === 'General' ? null : f)));
  const inferred = !o.merges;
  const grid: SheetGrid = {
    sheet: name,
    origin: { row: area.top, col: area.left },
    values,
    formats,
    formulas,
    merges: inferred
      ? inferMerges({ sheet: name, origin: { row: area.top, col: area.left }, values, merges: [] })
      : dedupe(found.filter((m) => m.top >= area.top && m.top <= area.bottom && m.left >= area.left && m.left <= area.right)),
  };
  return { name, isProtected, used, grid, raw: { values: rawValues, formats: rawFormats, formulas }, fills, mergesInferred: inferred };
}

function dedupe(ms: CellRange[]): CellRange[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = `${m.top},${m.left},${m.bottom},${m.right}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  return excelErrorFromString(s) ?? s;
}

/** Row bands over `rect`, each at most `budget` cells (at least one row). */
export function bands(rect: CellRange, budget: number): CellRange[] {
  const width = rect.right - rect.left + 1;
  const step = Math.max(1, Math.floor(budget / width));
  const out: CellRange[] = [];
  for (let top = rect.top; top <= rect.bottom; top += step) {
    out.push({ top, left: rect.left, bottom: Math.min(rect.bottom, top + step - 1), right: rect.right });
  }
  return out;
}

/** Office's answers to a sync that asked for too much at once: split the read and ask again. */
const SIZE_CODES = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/** Codes that say the read is wrong rather than too big: asking for less would fail the same way. */
const FINAL_CODES = new Set(['ItemNotFound', 'InvalidOperationInCellEditMode', 'AccessDenied', 'ApiNotFound', 'PropertyNotLoaded', 'PropertyNotFound', 'InvalidReference']);

/**
 * Whether a failed read sync is worth splitting: the payload or cell limit, or, with merged areas, any other Office
 * error: Office's reference says only that the merged-areas query fails above 512 areas, not with which code.
 */
export function tooMuchAtOnce(e: unknown, o: ReadOptions): boolean {
  const code = String((e as { code?: unknown })?.code ?? '');
  return SIZE_CODES.has(code) || (o.merges && code !== '' && !FINAL_CODES.has(code));
}

/**
 * Queued loads of one sheet: name, protection, its values-only used range and, when `whole`, every cell of that
 * range (values, formats, formulas, fills) and the merged areas of the sheet's first MERGE_COVER_ROWS rows: no
 * address needs to be known before the sync.
 */
export interface SheetProbe {
  readonly ws: WorksheetLike;
  readonly used: RangeLike;
  readonly whole: boolean;
  readonly areas: Areas[];
  readonly props: Block['props'];
}

export function queueProbe(ws: WorksheetLike, o: ReadOptions, whole: boolean): SheetProbe {
  ws.load(['name']);
  ws.protection.load('protected');
  const used = ws.getUsedRange(true);
  used.load(whole ? [...PLACE, ...CELLS] : PLACE);
  const areas = whole && o.merges ? queueMergeBands(ws, 0, MERGE_COVER_ROWS) : [];
  return { ws, used, whole, areas, props: whole ? queueFills(used, o) : null };
}

/** After a whole probe's sync: whether its used range reaches below the merged areas it asked for. */
export function needsMoreMerges(p: SheetProbe, o: ReadOptions): boolean {
  const r = rectOf(p.used);
  return p.whole && o.merges && r.bottom >= MERGE_COVER_ROWS && cellsOf(r) <= o.maxCells;
}

/** Queues the merged areas of the rest of the used range (for a sheet `needsMoreMerges`). */
export function queueMoreMerges(p: SheetProbe): void {
  p.areas.push(...queueMergeBands(p.ws, MERGE_COVER_ROWS, rectOf(p.used).bottom + 1));
}

function rectOf(used: RangeLike): CellRange {
  return { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 };
}

/** A blank sheet's used range is A1 holding ''. */
function blank(r: CellRange, a1: unknown): boolean {
  return r.top === 0 && r.left === 0 && r.bottom === 0 && r.right === 0 && (a1 === '' || a1 === null || a1 === undefined);
}

export type Sync = () => Promise<void>;

export class TooLarge extends Error {
  constructor(readonly cells: number) {
    super(`too large: ${cells} cells`);
  }
}

function cellsOf(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function checkSize(r: CellRange, o: ReadOptions): void {
  if (cellsOf(r) > o.maxCells) throw new TooLarge(cellsOf(r));
}

/**
 * The sheet as read by a synced whole probe, or null when Office delivered no cells: above its 5 000 000-cell
 * read limit it may answer null instead of failing, and the sheet is then read in bands like a refused one.
 */
export function takeWhole(probe: SheetProbe, o: ReadOptions): SheetRead | null {
  const name = probe.ws.name;
  const isProtected = probe.ws.protection.protected;
  const r = rectOf(probe.used);
  checkSize(r, o);
  if (!probe.used.values || !probe.used.numberFormat || !probe.used.formulas) return null;
  if (blank(r, (probe.used.values as unknown[][])[0]?.[0])) return assemble(name, isProtected, null, [], o);
  return assemble(name, isProtected, r, [{ rect: r, range: probe.used, areas: probe.areas, props: probe.props }], o);
}

/**
 * The bounded path, after a synced probe without cells: row bands of at most `cellBudget` cells, one sync each.
 * A band Office refuses (payload limit, more than 512 merged areas) is halved and read again. `onBand` hears
 * (0, bands) before the first band, then once after each band read; `total` grows when a band is halved.
 */
export async function readChunked(probe: SheetProbe, o: ReadOptions, sync: Sync, onBand: (done: number, total: number) => void): Promise<SheetRead> {
  const name = probe.ws.name;
  const isProtected = probe.ws.protection.protected;
  const r = rectOf(probe.used);
  checkSize(r, o);
  const todo = bands(r, o.cellBudget);
  let total = todo.length;
  let done = 0;
  onBand(done, total);
  const blocks: Block[] = [];
  while (todo.length) {
    const rect = todo.shift()!;
    const b = queueBlock(probe.ws, rect, o);
    try {
      await sync();
    } catch (e) {
      if (!tooMuchAtOnce(e, o) || rect.top === rect.bottom) throw e;
      const mid = Math.floor((rect.top + rect.bottom) / 2);
      todo.unshift({ ...rect, bottom: mid }, { ...rect, top: mid + 1 });
      total++;
      continue;
    }
    blocks.push(b);
    onBand(++done, total);
  }
  if (blank(r, (blocks[0]?.range.values as unknown[][] | undefined)?.[0]?.[0])) return assemble(name, isProtected, null, [], o);
  return assemble(name, isProtected, r, blocks, o);
}
