import type { CellRange, CellValue, SheetGrid } from '../core/grid';
import { excelErrorFromString } from '../core/grid';
import type { CellPropertiesLike, RangeLike, RequestContextLike, WorksheetLike } from './excel-like';
import { inferMerges } from './infer';

/** A cell's fill as read: a `#RRGGBB` colour, or null for no fill. */
export type Fill = string | null;

export interface ReadOptions {
  /** ExcelApi 1.13: read merged areas; otherwise infer them */
  readonly merges: boolean;
  /** ExcelApi 1.9 and marking: read the fill of every cell (to restore it when marks are cleared) */
  readonly fills: boolean;
  /** cells per sync (values + formats + formulas [+ fills]); keeps the web's 5 MB response limit far away */
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

/** Queued loads of one rectangle; `take()` after the sync. */
interface Block {
  rect: CellRange;
  range: RangeLike;
  areas: { readonly isNullObject: boolean; readonly address: string } | null;
  props: { readonly value: CellPropertiesLike[][] } | null;
}

export function queueBlock(ws: WorksheetLike, rect: CellRange, o: ReadOptions): Block {
  const range = ws.getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
  range.load(['values', 'numberFormat', 'formulas']);
  let areas: Block['areas'] = null;
  if (o.merges) {
    const a = range.getMergedAreasOrNullObject();
    a.load('address');
    areas = a;
  }
  const props = o.fills ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) : null;
  return { rect, range, areas, props };
}

const AREA = /(?:'(?:[^']|'')*'|[^,']*?)!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** Parses a RangeAreas address (`S!A2:A3,'My S'!B3:C3`) into ranges. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(AREA)) {
    const top = Number(m[2]) - 1, left = colIndex(m[1]);
    const bottom = m[4] ? Number(m[4]) - 1 : top, right = m[3] ? colIndex(m[3]) : left;
    out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return out;
}

export function fillOf(p: CellPropertiesLike | undefined): Fill {
  const f = p?.format?.fill;
  if (!f || f.pattern === 'None' || !f.color) return null;
  return f.color.toUpperCase();
}

/** Assembles the used range from blocks (blocks may extend beyond it; merges are taken once, by top-left). */
export function assemble(name: string, isProtected: boolean, used: CellRange | null, blocks: Block[], o: ReadOptions, merges: CellRange[] | null): SheetRead {
  const area = used ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const mk = <T>(v: T): T[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
  const rawValues = mk<unknown>('');
  const rawFormats = mk('General');
  const formulas = mk<string | null>(null);
  const fills = o.fills ? mk<Fill>(null) : null;
  const found: CellRange[] = merges ? [...merges] : [];
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
    if (b.areas && !b.areas.isNullObject) found.push(...parseAreas(b.areas.address));
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
    merges: inferred ? inferMerges({ sheet: name, origin: { row: area.top, col: area.left }, values, merges: [] }) : dedupe(found),
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

/** The first window read together with the sheet's metadata, before the used range is known. */
export function firstWindow(budget: number): CellRange {
  const cols = 26;
  return { top: 0, left: 0, bottom: Math.max(1, Math.floor(budget / cols)) - 1, right: cols - 1 };
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return inner.top >= outer.top && inner.left >= outer.left && inner.bottom <= outer.bottom && inner.right <= outer.right;
}

export interface SheetProbe {
  ws: WorksheetLike;
  used: RangeLike;
  /** null when the probe was retried without it (too many merged areas in the window) */
  window: Block | null;
  /** A1's value, to tell a blank sheet (whose used range is A1) */
  a1: RangeLike;
}

/** Queues the first sync of a sheet: name, protection, used range, and (normally) the first window. */
export function queueProbe(ws: WorksheetLike, o: ReadOptions, withWindow = true): SheetProbe {
  ws.load(['name']);
  ws.protection.load('protected');
  const used = ws.getUsedRange(true);
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  const window = withWindow ? queueBlock(ws, firstWindow(o.cellBudget), o) : null;
  let a1 = window?.range;
  if (!a1) {
    a1 = ws.getRange('A1');
    a1.load('values');
  }
  return { ws, used, window, a1 };
}

/** A blank sheet's used range is A1 holding ''. */
export function usedRect(probe: SheetProbe): CellRange | null {
  const used = probe.used;
  const r = { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 };
  if (r.top === 0 && r.left === 0 && used.rowCount === 1 && used.columnCount === 1) {
    const v = (probe.a1.values as unknown[][])[0]?.[0];
    if (v === '' || v === null || v === undefined) return null;
  }
  return r;
}

export type Sync = () => Promise<void>;

export class TooLarge extends Error {
  constructor(readonly cells: number) {
    super(`too large: ${cells} cells`);
  }
}

/**
 * Reads one sheet after its probe was synced: more bands when the used range leaves the first window, one
 * sync per band. Merged areas over 512 in a band make Office fail the band: it is split and read again.
 */
export async function readRest(
  ctx: RequestContextLike,
  probe: SheetProbe,
  o: ReadOptions,
  sync: Sync,
  onBand: (done: number, total: number) => void,
): Promise<SheetRead> {
  const name = probe.ws.name;
  const isProtected = probe.ws.protection.protected;
  const used = usedRect(probe);
  if (!used) return assemble(name, isProtected, null, [], o, null);
  const win = probe.window?.rect ?? { top: -1, left: -1, bottom: -1, right: -1 };
  const cells = (used.bottom - used.top + 1) * (used.right - used.left + 1);
  if (cells > o.maxCells) throw new TooLarge(cells);
  let blocks: Block[];
  let todo: CellRange[];
  if (probe.window && contains(win, used)) {
    blocks = [probe.window];
    todo = [];
  } else if (probe.window && used.right <= win.right && used.left >= win.left) {
    blocks = [probe.window];
    todo = bands({ ...used, top: Math.max(used.top, win.bottom + 1) }, o.cellBudget);
  } else {
    blocks = [];
    todo = bands(used, o.cellBudget);
  }
  const total = todo.length + 1;
  onBand(1, total);
  let done = 1;
  for (const rect of todo) {
    blocks.push(...(await readBand(ctx, probe.ws, rect, o, sync)));
    onBand(++done, total);
  }
  return assemble(name, isProtected, used, blocks, o, null);
}

async function readBand(ctx: RequestContextLike, ws: WorksheetLike, rect: CellRange, o: ReadOptions, sync: Sync): Promise<Block[]> {
  const b = queueBlock(ws, rect, o);
  try {
    await sync();
    return [b];
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!o.merges || code !== 'GeneralException' || rect.top === rect.bottom) throw e;
    const mid = Math.floor((rect.top + rect.bottom) / 2);
    return [
      ...(await readBand(ctx, ws, { ...rect, bottom: mid }, o, sync)),
      ...(await readBand(ctx, ws, { ...rect, top: mid + 1 }, o, sync)),
    ];
  }
}
