import type { CellRange, CellValue, SheetGrid } from '../core';
import { columnIndex, columnLetters, excelErrorFromString, parseRangeA1 } from '../core';
import { decodeEscapes, guard, isExceljsDateFormat, type XlsxPackage } from './package';
import { XmlDecoder } from './encoding';
import { buildGrid, CellList } from './grid-build';
import { attrValue, nextAttr, tagAttr, XmlScanner, type AttrSpan, type TagText } from './scan';

/** The used range of a sheet holds more cells than the limit; the sheet is not read. */
export class SheetTooLarge extends Error {
  constructor(readonly cells: number, readonly limit: number) {
    super(`sheet too large: ${cells} > ${limit}`);
  }
}

export interface SheetContext {
  readonly strings: readonly string[];
  /** number format of each cell style index, null for General */
  readonly formats: readonly (string | null)[];
  readonly date1904: boolean;
  /** the most cells a sheet's used range may span */
  readonly maxCells: number;
}


const MS_PER_DAY = 86_400_000;

/** A date-formatted number as the exceljs reader gave it: through a JS Date, so rounded to the millisecond. */
function dateSerial(v: number, date1904: boolean): number {
  // the same float steps as exceljs's excelToDate and the old reader's dateToSerial, so both agree to the bit
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return ms / MS_PER_DAY + (date1904 ? 24107 : 25569);
}

/**
 * A `<v>` of a number cell: a date-formatted one as exceljs gives it (see {@link dateSerial}). Text that is no number
 * (Excel would not open the file) stays text, so that no NaN reaches the checks.
 */
function numberOf(text: string, isDate: boolean, date1904: boolean): number | string {
  const n = parseFloat(text);
  if (!Number.isFinite(n)) return text;
  return isDate ? dateSerial(n, date1904) : n;
}

const ISO_ZONE = '(?:Z|[+-]\\d{2}(?::?\\d{2})?)?';
const ISO_TIME = '(\\d{2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?';
const ISO_DATE_TIME = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]${ISO_TIME})?${ISO_ZONE}$`);
const ISO_TIME_ONLY = new RegExp(`^T?${ISO_TIME}${ISO_ZONE}$`);

/**
 * A `t="d"` cell's ISO 8601 date, time or both (ECMA-376 Part 1, 18.18.11: Excel writes them in Strict files,
 * openpyxl and SheetJS on request) as the serial number Excel shows for it; null when the text is no such date.
 * Excel keeps no time zone: an offset is dropped, the wall time kept. In the 1900 system the serial counts Excel's
 * phantom 29 February 1900, so days before March 1900 are one less.
 */
export function isoDateSerial(text: string, date1904: boolean): number | null {
  const t = text.trim();
  const dt = ISO_DATE_TIME.exec(t);
  const tm = dt ? null : ISO_TIME_ONLY.exec(t);
  const time = dt ? dt.slice(4, 7) : tm?.slice(1, 4);
  if (!time) return null;
  const [h, mi, sec] = time.map((x) => Number(x ?? 0));
  if (h > 24 || mi > 59 || sec >= 60) return null;
  const fraction = (h * 3600 + mi * 60 + sec) / 86_400;
  // a time alone is a fraction of a day (day 0)
  if (!dt) return fraction;
  const [y, mo, d] = [Number(dt[1]), Number(dt[2]), Number(dt[3])];
  const day = Date.UTC(y, mo - 1, d);
  const check = new Date(day);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < Date.UTC(1900, 2, 1) ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const serial = Math.round((day - epoch) / MS_PER_DAY) + fraction;
  // Excel has no dates before its first day; such text stays text
  return serial < (date1904 ? 0 : 1) ? null : serial;
}

/** Columns per row in a cell index: Excel's 16,384 (XFD). */
const COLS = 16384;

/** `B7` → its 0-based row × {@link COLS} + column (a number, not an object per cell); -1 when it is no cell reference. */
export function cellIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i > 3 || i === ref.length || col > COLS) return -1;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? (row - 1) * COLS + col - 1 : -1;
}

/** A `<c>` tag as the reader needs it: `r` as a {@link cellIndex} (-1: absent or no cell reference), `s` and `t`. */
export interface CellTag {
  index: number;
  style: number;
  type: string;
}

const span: AttrSpan = { key: 0, keyEnd: 0, value: 0, valueEnd: 0 };
const CELL_TYPES = ['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd'];

/**
 * Reads a `<c>` tag in place: every cell of a sheet passes here. A plain value (`B7`, `3`, `s`) is read from the
 * tag's characters; anything else (entities, white space, odd text) goes through {@link attrValue} and the same
 * rules, so both ways give the same answer. The first `r`, `s` and `t` count.
 */
export function readCellTag(tag: TagText, out: CellTag): void {
  const raw = tag.s;
  let r: number | null = null;
  let s: number | null = null;
  let t: string | null = null;
  for (let i = nextAttr(raw, tag.start, span, tag.end); i >= 0; i = nextAttr(raw, i, span, tag.end)) {
    if (span.keyEnd - span.key !== 1) continue;
    const k = raw.charCodeAt(span.key);
    if (k === 114 /* r */ && r === null) r = plainIndex(raw, span.value, span.valueEnd) ?? refIndex(attrValue(raw, span));
    else if (k === 115 /* s */ && s === null) s = plainInt(raw, span.value, span.valueEnd) ?? styleIndex(attrValue(raw, span));
    else if (k === 116 /* t */ && t === null) t = knownType(raw, span.value, span.valueEnd) ?? attrValue(raw, span);
  }
  out.index = r ?? -1;
  out.style = s ?? 0;
  out.type = t ?? 'n';
}

/** `r` as the reader takes it: '' is none. */
function refIndex(ref: string): number {
  return ref ? cellIndex(ref) : -1;
}

/** `s` as the reader takes it: '' and what is no number are style 0. */
function styleIndex(s: string): number {
  return s ? Number(s) || 0 : 0;
}

/** 1–3 letters and 1–15 digits at [from, to), as {@link cellIndex} reads them; null for anything else. */
function plainIndex(raw: string, from: number, to: number): number | null {
  let i = from;
  let col = 0;
  for (let c = raw.charCodeAt(i) & ~32; i < to && c >= 65 && c <= 90; c = raw.charCodeAt(++i) & ~32) col = col * 26 + (c - 64);
  const letters = i - from;
  let row = 0;
  for (let c = raw.charCodeAt(i); i < to && c >= 48 && c <= 57; c = raw.charCodeAt(++i)) row = row * 10 + (c - 48);
  const digits = i - from - letters;
  if (i !== to || letters < 1 || letters > 3 || digits < 1 || digits > 15) return null;
  return col > COLS || row < 1 ? -1 : (row - 1) * COLS + col - 1;
}

/** 1–9 digits at [from, to) as a number; null for anything else. */
function plainInt(raw: string, from: number, to: number): number | null {
  if (to - from < 1 || to - from > 9) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A cell type written plainly at [from, to), without a copy; null for any other text. */
function knownType(raw: string, from: number, to: number): string | null {
  for (let k = 0; k < CELL_TYPES.length; k++) {
    const type = CELL_TYPES[k];
    if (type.length === to - from && raw.startsWith(type, from)) return type;
  }
  return null;
}

const SHARED_REF = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_PART = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;


/** A shared formula's text moved from its master cell to another (relative references shift), as exceljs does. */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(SHARED_REF, (match: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return match;
    const m = CELL_PART.exec(addr);
    if (!m) return match;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
    const col = columnIndex(letters) + (m[1] ? 0 : to.col - from.col);
    const row = Number(m[4]) + (m[3] ? 0 : to.row - from.row);
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(col)}${m[3] ?? ''}${row}`;
  });
}

/**
 * Reads one worksheet part into a SheetGrid, streaming its XML: the same snapshot the exceljs reader gives
 * (merged areas keep only their top-left value, formulas give their cached result, dates their serial number).
 * Throws SheetTooLarge as soon as the used range passes `maxCells`.
 */
export function readSheet(pkg: XlsxPackage, part: string, name: string, ctx: SheetContext): SheetGrid {
  const cells = new CellList();
  let formatOnly = new CellList();
  const merges: CellRange[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: number, c: number): void => {
    let grown = false;
    if (r < top) { top = r; grown = true; }
    if (c < left) { left = c; grown = true; }
    if (r > bottom) { bottom = r; grown = true; }
    if (c > right) { right = c; grown = true; }
    if (grown) {
      const area = (bottom - top + 1) * (right - left + 1);
      if (area > ctx.maxCells) throw new SheetTooLarge(area, ctx.maxCells);
    }
  };
  const sharedMasters = new Map<string, { formula: string; row: number; col: number }>();

  let rowIdx = -1;
  let colIdx = -1;
  // the <c> being read, in locals rather than an object per cell: a sheet has tens of thousands
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cT = 'n';
  let cS = 0;
  let cV: string | null = null;
  let cF: string | null = null;
  let cShared = false;
  let cSi: string | null = null;
  let cRef = false;
  let cInline: string | null = null;
  const cellTag: CellTag = { index: -1, style: 0, type: 'n' };
  let collect: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let inPhonetic = 0;

  const finish = (): void => {
    if (!inCell) return;
    inCell = false;
    const format = cS ? ctx.formats[cS] ?? null : null;
    if (cV === null && cF === null && !cShared && cInline === null && format === null) return;
    const isDate = isExceljsDateFormat(format);
    let value: CellValue = null;
    let formula: string | null = null;
    if (cF || cShared) {
      if (cF) formula = cF;
      if (cShared && cSi !== null) {
        if (cRef && cF) sharedMasters.set(cSi, { formula: cF, row: cRow, col: cCol });
        else if (!cF) {
          const m = sharedMasters.get(cSi);
          formula = m ? slideFormula(m.formula, m, { row: cRow, col: cCol }) : null;
        }
      }
      if (cV) {
        if (cT === 'str') value = cV;
        else if (cT === 'b') value = parseInt(cV, 10) !== 0;
        else if (cT === 'e') value = excelErrorFromString(cV) ?? { kind: 'error', code: cV };
        else if (cT === 'd') value = isoDateSerial(cV, ctx.date1904) ?? cV;
        else value = numberOf(cV, isDate, ctx.date1904);
      }
      if (formula !== null) formula = `=${formula}`;
      else if (value === null && format === null) return;
    } else if (cV !== null || cInline !== null) {
      const v = cV ?? '';
      switch (cT) {
        case 's': value = ctx.strings[parseInt(v, 10)] ?? null; break;
        case 'str': value = v; break;
        case 'inlineStr': value = cInline ?? v; break;
        case 'b': value = parseInt(v, 10) !== 0; break;
        case 'e': value = excelErrorFromString(v) ?? { kind: 'error', code: v }; break;
        case 'd': value = isoDateSerial(v, ctx.date1904) ?? v; break;
        default: value = numberOf(v, isDate, ctx.date1904);
      }
    } else if (format === null) return;
    if (value !== null || formula !== null) {
      extend(cRow, cCol);
      cells.push(cRow, cCol, value, format, formula);
    } else {
      formatOnly.push(cRow, cCol, value, format, formula);
      // formatted empty rows are not cells: past the limit, keep only the formats inside the range used so far
      if (formatOnly.length > ctx.maxCells) formatOnly = formatOnly.inside({ top, left, bottom, right });
    }
  };

  const p = new XmlScanner({ open: (name, tag) => {
    switch (name) {
      case 'row': {
        const ar = tagAttr(tag, 'r');
        const r = ar ? Number(ar) - 1 : rowIdx + 1;
        rowIdx = Number.isInteger(r) && r >= 0 ? r : rowIdx + 1;
        colIdx = -1;
        break;
      }
      case 'c': {
        readCellTag(tag, cellTag);
        const at = cellTag.index;
        cRow = at >= 0 ? Math.floor(at / COLS) : Math.max(rowIdx, 0);
        cCol = at >= 0 ? at % COLS : colIdx + 1;
        colIdx = cCol;
        inCell = true;
        cT = cellTag.type;
        cS = cellTag.style;
        cV = null;
        cF = null;
        cShared = false;
        cSi = null;
        cRef = false;
        cInline = null;
        break;
      }
      case 'v':
        if (inCell) { collect = 'v'; cV = ''; }
        break;
      case 'f':
        if (inCell) {
          collect = 'f';
          cF = '';
          cShared = tagAttr(tag, 't') === 'shared';
          cSi = tagAttr(tag, 'si') ?? null;
          cRef = tagAttr(tag, 'ref') !== undefined;
        }
        break;
      case 'is':
        if (inCell) { inInline = true; cInline = ''; }
        break;
      case 'rPh':
        inPhonetic++;
        break;
      case 't':
        if (inInline && !inPhonetic) collect = 't';
        break;
      case 'mergeCell': {
        const ref = tagAttr(tag, 'ref');
        if (ref) {
          const m = parseRangeA1(ref);
          merges.push(m);
          // a merged area widens the used range by its top-left cell only (decision 139): the rest holds nothing,
          // and a whole column merged (B1:B1048576) must not make the sheet "too large"
          extend(m.top, m.left);
        }
        break;
      }
    }
  }, text: (t) => {
    if (!collect || !inCell) return;
    if (collect === 'v') cV += t;
    else if (collect === 'f') cF += t;
    else cInline += t;
  }, close: (name) => {
    if (name === 'c') finish();
    else if (name === 'v' || name === 'f' || name === 't') collect = null;
    else if (name === 'is') {
      inInline = false;
      if (inCell && cInline !== null) cInline = decodeEscapes(cInline);
    } else if (name === 'rPh') inPhonetic--;
  } });
  const decoder = new XmlDecoder();
  try {
    pkg.bytes(part, (chunk) => p.write(decoder.decode(chunk, { stream: true })));
    guard(() => {
      p.write(decoder.decode());
      p.close();
    });
  } catch (e) {
    if (e instanceof SheetTooLarge) throw e;
    throw guardError(e);
  }
  return buildGrid(name, cells, formatOnly, merges, { top, left, bottom, right });
}

function guardError(e: unknown): unknown {
  try {
    guard(() => {
      throw e;
    });
  } catch (x) {
    return x;
  }
  return e;
}

