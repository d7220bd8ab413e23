import type { SheetGrid, WorkbookGrid } from '../core';
import { MAX_SHEET_CELLS } from '../core';
import { notZipKind, startsWith, toBytes, XlsxReadError, ZIP_MAGIC, type SheetProblem } from './errors';
import { DEFAULT_SIZE_LIMITS, readCellFormats, readSharedStrings, XlsxPackage, type SheetRef, type SizeLimits } from './package';
import { readSheet, SheetTooLarge, type SheetContext } from './sheet';

export { XLSX_READ_MESSAGES, XlsxReadError, sheetProblemMessage, toBytes, type SheetProblem, type XlsxReadErrorKind } from './errors';
export { DEFAULT_SIZE_LIMITS, sizeLimitsOf, type SizeLimits } from './package';

export interface ReadOptions {
  /** bytes the parts read may inflate to (per part and in total); default 256 MB / 512 MB */
  readonly limits?: SizeLimits;
  /** the most cells a sheet's used range may span; default MAX_SHEET_CELLS, as in the add-in */
  readonly maxCells?: number;
}

export interface WorkbookRead {
  /** every worksheet that could be read, in workbook order */
  readonly grid: WorkbookGrid;
  /** the worksheets that could not be read (a missing part, a used range past the cell limit) */
  readonly problems: readonly SheetProblem[];
}

/** Opens the package, telling an .xls, an encrypted, an empty or a non-zip file apart. */
export function openPackage(data: ArrayBuffer | Uint8Array, limits: SizeLimits = DEFAULT_SIZE_LIMITS): XlsxPackage {
  const bytes = toBytes(data);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError(notZipKind(bytes));
  return XlsxPackage.open(bytes, limits);
}

/** Shared strings, number formats and the date system: what every sheet of the package is read with. */
export function sheetContext(pkg: XlsxPackage, maxCells = MAX_SHEET_CELLS): { ctx: SheetContext; sheets: SheetRef[] } {
  const rels = pkg.relsOfWorkbook();
  const { sheets, date1904 } = pkg.sheets(rels);
  if (sheets.length === 0) throw new XlsxReadError('noSheets');
  const stylesPart = pkg.workbookPartOf('styles', rels);
  const stringsPart = pkg.workbookPartOf('sharedStrings', rels);
  pkg.precheck([stylesPart, stringsPart, ...sheets.map((s) => s.part)]);
  const formats = readCellFormats(pkg, stylesPart);
  const strings = readSharedStrings(pkg, stringsPart);
  return { ctx: { strings, formats, date1904, maxCells }, sheets };
}

/** One sheet read, or the reason it could not be. */
export function readSheetRef(pkg: XlsxPackage, ref: SheetRef, ctx: SheetContext): SheetGrid | SheetProblem {
  if (!ref.part || !pkg.has(ref.part)) return { sheet: ref.name, kind: 'missing' };
  try {
    const g = readSheet(pkg, ref.part, ref.name, ctx);
    return ref.hidden ? { ...g, hidden: true } : g;
  } catch (e) {
    if (e instanceof SheetTooLarge) return { sheet: ref.name, kind: 'tooLarge', cells: e.cells, limit: e.limit };
    if (e instanceof XlsxReadError && e.kind === 'corrupt') return { sheet: ref.name, kind: 'corrupt' };
    throw e;
  }
}

/**
 * Reads .xlsx bytes into the core's snapshot without a workbook model: only the workbook's sheet list, the shared
 * strings, the number formats of the cell styles and the worksheet parts are inflated (streamed, within the size
 * limits); charts, drawings, pivot tables, VBA and every other part are never inflated. A worksheet that cannot be
 * read is listed in `problems` with the reason; the others are read. Throws XlsxReadError for a file that is not a
 * readable .xlsx, or one whose parts pass the size limits.
 */
export function readWorkbook(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): WorkbookRead {
  const opened = openSheets(data, options);
  return { grid: { sheets: [...opened.sheets] }, problems: opened.problems };
}

/** The worksheets of a package, read one at a time ({@link openSheets}). */
export interface SheetsRead {
  /** every worksheet that can be read, in workbook order, each read when the iteration reaches it; iterate once */
  readonly sheets: Iterable<SheetGrid>;
  /** the worksheets that could not be read, so far: complete once `sheets` is iterated through */
  readonly problems: SheetProblem[];
  /** how many worksheets were read, so far */
  readonly count: number;
}

/**
 * {@link readWorkbook} a sheet at a time: the package, its sheet list, shared strings and number formats are read
 * here (and throw here), each worksheet when the iteration reaches it. A caller that checks each sheet and lets it
 * go (core's `checkSheets`) holds one sheet's cells at a time: in the CLI's check of 200 forms, the grids then die
 * young instead of being copied through V8's young generation into the old one (docs/decisions.md, 124).
 */
export function openSheets(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): SheetsRead {
  const pkg = openPackage(data, options.limits);
  const { ctx, sheets } = sheetContext(pkg, options.maxCells);
  const out = { sheets: each(), problems: [] as SheetProblem[], count: 0 };
  function* each(): Generator<SheetGrid, void, undefined> {
    for (const ref of sheets) {
      const r = readSheetRef(pkg, ref, ctx);
      if ('kind' in r) out.problems.push(r);
      else {
        out.count++;
        yield r;
      }
    }
  }
  return out;
}

/**
 * Reads .xlsx bytes into the core's snapshot, one SheetGrid per worksheet, as Excel's API would show them:
 * merged areas keep their value only in the top-left cell, formulas give their cached result (formula text in
 * `formulas`, with its leading `=`), dates become Excel serial numbers (the format stays in `formats`), rich text
 * becomes its text, Excel errors become `{kind:'error'}`. Throws XlsxReadError for anything that is not a readable
 * .xlsx, and `corrupt` when a worksheet cannot be read (readWorkbook tells which).
 */
export async function readWorkbookGrid(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookGrid> {
  const r = readWorkbook(data, options);
  if (r.problems.length > 0) throw new XlsxReadError('corrupt', r.problems.map((p) => `${p.sheet}: ${p.kind}`).join('; '));
  return r.grid;
}
