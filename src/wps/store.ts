/**
 * The records the WPS host keeps with the workbook (the undo record of the last fill, the record of the marks), on a
 * very hidden worksheet: row 1 holds the headers, column A the undo record's JSON, column B the marks' JSON and
 * column C the column map's, in
 * pieces of STORE_CHUNK characters (a cell holds at most 32 767). Why a sheet and not document properties:
 * docs/decisions.md (WPS section). Every piece is written with a leading apostrophe so that WPS keeps it as text.
 */
import { sheetNamed, XL_SHEET_VERY_HIDDEN, type EtWorkbookLike, type EtWorksheetLike } from './et-like';

export const STORE_SHEET = 'ZipingData';
export const STORE_CHUNK = 30_000;
const HEADERS = ['ziping.undo', 'ziping.marks', 'ziping.columnMap'];

export interface StoreContent {
  readonly undo: unknown;
  readonly marks: unknown;
  /** the person's column map (column C); left as stored when a write does not name it */
  readonly map?: unknown;
}

export interface Store {
  readonly sheet: EtWorksheetLike | null;
  readonly content: StoreContent;
  /** rows the sheet holds now (to clear them when the records shrink) */
  readonly rows: number;
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Reads the records (4 calls when the sheet exists, 3 when it does not). */
export function readStore(wb: EtWorkbookLike): Store {
  const sheet = sheetNamed(wb, STORE_SHEET);
  if (!sheet) return { sheet: null, content: { undo: null, marks: null, map: null }, rows: 0 };
  const v = sheet.UsedRange.Value2 as unknown;
  const rows = Array.isArray(v) ? (v as unknown[][]) : [[v]];
  const col = (j: number) => rows.slice(1).map((r) => (typeof r[j] === 'string' ? r[j] : '')).join('');
  return { sheet, content: { undo: parse(col(0)), marks: parse(col(1)), map: parse(col(2)) }, rows: rows.length };
}

function pieces(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const s = JSON.stringify(v);
  const out: string[] = [];
  for (let i = 0; i < s.length; i += STORE_CHUNK) out.push(s.slice(i, i + STORE_CHUNK));
  return out;
}

/**
 * Writes both records in one `Value2` assignment (plus one to clear rows left over). Creates the sheet when it is
 * missing: `Worksheets.Add` activates the new sheet, so `active` is activated again. Returns the store as written.
 */
export function writeStore(wb: EtWorkbookLike, store: Store, content: StoreContent, active: EtWorksheetLike | null): Store {
  let sheet = store.sheet;
  if (!sheet) {
    // after the last sheet, so that no sheet's index moves
    const all = wb.Worksheets;
    sheet = all.Add(undefined, all.Item(all.Count));
    sheet.Name = STORE_SHEET;
    sheet.Visible = XL_SHEET_VERY_HIDDEN;
    active?.Activate();
  }
  const kept = { ...content, map: content.map === undefined ? store.content.map : content.map };
  const cols = [pieces(kept.undo), pieces(kept.marks), pieces(kept.map)];
  const n = Math.max(...cols.map((c) => c.length));
  const rows: string[][] = [HEADERS.map((h) => `'${h}`)];
  for (let i = 0; i < n; i++) rows.push(cols.map((c) => (c[i] === undefined ? '' : `'${c[i]}`)));
  if (store.rows > rows.length) sheet.Range(`A${rows.length + 1}:C${store.rows}`).Value2 = null;
  sheet.Range(`A1:C${rows.length}`).Value2 = rows;
  return { sheet, content: kept, rows: rows.length };
}
