import { memoByText } from '../core';
import { attrsOf, tagAttr, XmlScanner } from './scan';
import { decodeXml, XmlDecoder } from './encoding';
import { XlsxReadError } from './errors';
import { inflateEntry, openZip, ZipFormatError, ZipSizeError, type ZipEntry, type ZipPackage } from './zip';

const MB = 1024 * 1024;

/** Limits on what a workbook may inflate to; see docs/decisions.md (issue 10). */
export interface SizeLimits {
  /** bytes one part (a sheet, the shared strings) may inflate to */
  readonly part: number;
  /** bytes all the parts read may inflate to together */
  readonly total: number;
}

export const DEFAULT_SIZE_LIMITS: SizeLimits = { part: 256 * MB, total: 512 * MB };

/** Limits raised to `mb` megabytes per part, and at least twice that in total (`--max-size`). */
export function sizeLimitsOf(mb: number): SizeLimits {
  return { part: mb * MB, total: Math.max(DEFAULT_SIZE_LIMITS.total, 2 * mb * MB) };
}

export const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** the target part name, resolved (no leading `/`), or the raw target for an external one */
  readonly target: string;
  readonly external: boolean;
}

export interface SheetRef {
  readonly name: string;
  readonly hidden: boolean;
  /** the worksheet part, or null when the relationship is missing */
  readonly part: string | null;
}

/**
 * The parts of an .xlsx that the reader and the writer need, opened lazily from the zip. Only referenced parts
 * are inflated, each within the size limits.
 */
export class XlsxPackage {
  readonly zip: ZipPackage;
  readonly workbookPart: string;
  private readonly limits: SizeLimits;
  private inflated = 0;

  private constructor(zip: ZipPackage, limits: SizeLimits) {
    this.zip = zip;
    this.limits = limits;
    const root = this.rels('');
    const doc = root.find((r) => REL_OFFICE_DOCUMENT.test(r.type) && !r.external);
    this.workbookPart = doc?.target ?? 'xl/workbook.xml';
  }

  /** Opens the zip; throws XlsxReadError `corrupt` for a zip that cannot be read. */
  static open(bytes: Uint8Array, limits: SizeLimits = DEFAULT_SIZE_LIMITS): XlsxPackage {
    return guard(() => new XlsxPackage(openZip(bytes), limits));
  }

  entry(part: string): ZipEntry | undefined {
    return this.zip.byName.get(part.replace(/^\//, '').toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** Inflates a part within the limits (streaming its chunks to `onChunk` when given). */
  bytes(part: string, onChunk?: (chunk: Uint8Array) => void): Uint8Array {
    const e = this.entry(part);
    if (!e) throw new XlsxReadError('corrupt', `missing part ${part}`);
    if (e.size > this.limits.part) throw new XlsxReadError('tooLarge', part, { part, size: e.size, limit: this.limits.part });
    const room = this.limits.total - this.inflated;
    if (e.size > room) throw new XlsxReadError('tooLarge', part, { part, size: this.inflated + e.size, limit: this.limits.total });
    let out: Uint8Array;
    try {
      out = inflateEntry(this.zip, e, Math.min(this.limits.part, room), onChunk);
    } catch (err) {
      // what `onChunk` throws (a sheet past the cell limit, bad XML) is the caller's to judge
      throw err instanceof ZipSizeError || err instanceof ZipFormatError ? guardError(err) : err;
    }
    this.inflated += e.size;
    return out;
  }

  /** Refuses, before inflating anything, a part declaring more than the part limit, or parts more than the total. */
  precheck(parts: readonly (string | null)[]): void {
    let sum = this.inflated;
    for (const part of new Set(parts)) {
      const e = part ? this.entry(part) : undefined;
      if (!e || !part) continue;
      if (e.size > this.limits.part) throw new XlsxReadError('tooLarge', part, { part, size: e.size, limit: this.limits.part });
      sum += e.size;
      if (sum > this.limits.total) throw new XlsxReadError('tooLarge', part ?? '', { part: part ?? '', size: sum, limit: this.limits.total });
    }
  }

  text(part: string): string {
    return decodeXml(this.bytes(part)).text;
  }

  /** The relationships of a part (`''` for the package's own). */
  rels(part: string): Relationship[] {
    const slash = part.lastIndexOf('/');
    const dir = slash < 0 ? '' : part.slice(0, slash);
    const relsPart = `${dir ? `${dir}/` : ''}_rels/${part.slice(slash + 1)}.rels`;
    if (!this.has(relsPart)) return [];
    const out: Relationship[] = [];
    eachElement(this.text(relsPart), (name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      const external = a.TargetMode === 'External';
      out.push({ id: a.Id, type: a.Type ?? '', target: external ? a.Target : resolveTarget(dir, a.Target), external });
    });
    return out;
  }

  relsOfWorkbook(): Relationship[] {
    return this.rels(this.workbookPart);
  }

  sheets(rels: readonly Relationship[] = this.relsOfWorkbook()): { sheets: SheetRef[]; date1904: boolean } {
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: SheetRef[] = [];
    let date1904 = false;
    if (!this.has(this.workbookPart)) throw new XlsxReadError('noSheets');
    eachElement(this.text(this.workbookPart), (name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rid = Object.keys(a).find((k) => k === 'r:id' || k.endsWith(':id'));
      // a sheet with no relationship named at all (`r:id=""`, as an Excel 5 module sheet is left when saved as
      // .xlsx) has no part, and Excel opens the file without it: nothing is lost by passing over it
      if (!rid || a[rid] === '') return;
      const rel = byId.get(a[rid]);
      // chart sheets, dialog and macro sheets hold no cells to check
      if (rel && !REL_WORKSHEET.test(rel.type)) return;
      sheets.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', part: rel && !rel.external ? rel.target : null });
    });
    return { sheets, date1904 };
  }

  /** The part of the workbook's styles or shared strings, if it has one. */
  workbookPartOf(kind: 'styles' | 'sharedStrings', rels: readonly Relationship[] = this.relsOfWorkbook()): string | null {
    const re = kind === 'styles' ? REL_STYLES : REL_SHARED_STRINGS;
    const r = rels.find((x) => re.test(x.type) && !x.external);
    return r && this.has(r.target) ? r.target : null;
  }
}

/** Runs a zip or XML step, turning its failures into XlsxReadError. */
export function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof ZipSizeError) throw new XlsxReadError('tooLarge', e.part, { part: e.part, size: e.size, limit: e.limit });
    if (e instanceof ZipFormatError) throw new XlsxReadError('corrupt', e.message);
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
  }
}

function guardError(e: unknown): unknown {
  try {
    return guard(() => {
      throw e;
    });
  } catch (x) {
    return x;
  }
}

/** A relationship target resolved against its source part's folder: absolute (`/xl/…`) or relative (`../…`). */
export function resolveTarget(dir: string, target: string): string {
  const t = target.replace(/\\/g, '/').split('#')[0];
  const segments = t.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(decodeURIComponentSafe(s));
  }
  return segments.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Calls `f` with each element's local name and attributes, in document order. For small parts. */
export function eachElement(xml: string, f: (name: string, attrs: Record<string, string>) => void): void {
  const p = new XmlScanner({ open: (name, tag) => f(name, attrsOf(tag.raw())), text: () => undefined, close: () => undefined });
  p.write(xml);
  p.close();
}

/** Decodes Excel's `_xHHHH_` escapes in cell text (a control character, or `_x005F_` for a literal `_`). */
export function decodeEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The shared strings table: rich text runs joined, phonetic runs (`rPh`) left out. */
export function readSharedStrings(pkg: XlsxPackage, part: string | null): string[] {
  if (!part) return [];
  const out: string[] = [];
  let inPhonetic = 0;
  let inT = false;
  let cur: string[] | null = null;
  const p = new XmlScanner({
    open: (name) => {
      if (name === 'si') cur = [];
      else if (name === 'rPh') inPhonetic++;
      else if (name === 't' && !inPhonetic) inT = true;
    },
    text: (t) => {
      if (inT && cur) cur.push(t);
    },
    close: (name) => {
      if (name === 'si' && cur) {
        out.push(decodeEscapes(cur.length === 1 ? cur[0] : cur.join('')));
        cur = null;
      } else if (name === 'rPh') inPhonetic--;
      else if (name === 't') inT = false;
    },
  });
  const decoder = new XmlDecoder();
  guard(() => {
    pkg.bytes(part, (chunk) => p.write(decoder.decode(chunk, { stream: true })));
    p.write(decoder.decode());
    p.close();
  });
  return out;
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** The built-in number format of an id, as exceljs names them (ids without one give undefined). */
export function builtinFormat(id: number): string | undefined {
  return BUILTIN_FORMATS[id];
}

/**
 * The built-in formats whose code depends on the language Excel runs in (ECMA-376 Part 1, 18.8.30), as zh-CN Excel
 * and WPS show them: a 2021年3月4日 picked in Chinese Excel is stored as id 31 with no code in the file. exceljs gives
 * these no format (so their dates read as plain numbers); Office.js gives the add-in the Chinese code, and so does
 * this reader. Only read: the writer never names a format by these ids, whose meaning changes with the language.
 */
const ZH_CN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** The number format code of each cell style (`cellXfs` index), null for General or none. */
export function readCellFormats(pkg: XlsxPackage, part: string | null): (string | null)[] {
  if (!part) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inXfs = false;
  // a conditional format's or table's differential format (`<dxfs><dxf><numFmt>`) names ids of its own, often the
  // same as the cell formats'; only `<numFmts>` serves cell styles (as the writer's StylesEditor reads it)
  let inNumFmts = false;
  const p = new XmlScanner({
    open: (name, tag) => {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'numFmt' && inNumFmts) {
        const id = tagAttr(tag, 'numFmtId');
        if (id !== undefined) custom.set(Number(id), (tagAttr(tag, 'formatCode') ?? '').replace(/\\(.)/g, '$1')); // `yyyy\-mm\-dd`, as exceljs reads it
      } else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) ids.push(Number(tagAttr(tag, 'numFmtId') ?? 0));
    },
    text: () => undefined,
    close: (name) => {
      if (name === 'cellXfs') inXfs = false;
      else if (name === 'numFmts') inNumFmts = false;
    },
  });
  guard(() => {
    p.write(pkg.text(part));
    p.close();
  });
  return ids.map((id) => {
    const f = id ? custom.get(id) || builtinFormat(id) || ZH_CN_FORMATS[id] : undefined;
    return f && f !== 'General' ? f : null;
  });
}

/** Whether a number format shows a date or time (exceljs's rule: y m d h s b outside quotes and brackets). */
export function isExceljsDateFormat(fmt: string | null): boolean {
  return fmt ? exceljsDateFormat(fmt) : false;
}

// asked for every cell with a format; a workbook has a handful of formats
const exceljsDateFormat = memoByText((fmt: string): boolean => /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')));
