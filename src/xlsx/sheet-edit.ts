/**
 * Edits `<c>` elements of a worksheet's XML text in place: every byte outside the edited cells stays as it was.
 * The scanner only looks at `<sheetData>`, `<row>` and `<c>` tags (and the `<col>` styles before them), passing
 * over comments and CDATA sections whole, so a cell element ends at its own closing tag.
 */
import { columnIndex } from '../core';

export interface ScannedCell {
  readonly row: number;
  readonly col: number;
  readonly start: number;
  readonly end: number;
  readonly attrs: Record<string, string>;
  /** the text between the open and close tags ('' for `<c/>`) */
  readonly inner: string;
}

export interface ScannedRow {
  readonly row: number;
  /** the row's style when it applies to its unallocated cells (`customFormat="1"`, ECMA-376 Part 1, 18.3.1.73) */
  readonly style: string | undefined;
  readonly start: number;
  readonly openEnd: number;
  /** start of `</row>`, or -1 for `<row/>` */
  readonly closeStart: number;
  readonly end: number;
  readonly cells: ScannedCell[];
}

export interface ScannedSheet {
  readonly xml: string;
  /** namespace prefix of the sheet's elements (`x:`), usually '' */
  readonly prefix: string;
  readonly rows: ScannedRow[];
  /** `<col>` ranges (0-based columns) with a style: the style of their unallocated cells (18.3.1.13) */
  readonly colStyles: readonly { readonly min: number; readonly max: number; readonly style: string }[];
  /** where a new row goes when it follows every row: `</sheetData>`, or the `<sheetData/>` tag to replace */
  readonly dataEnd: number;
  readonly dataSelfClosing: { start: number; end: number } | null;
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

function unescapeXml(s: string): string {
  return s.includes('&') ? s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  }) : s;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Cell text as Excel stores it: control characters as `_xHHHH_`, and a literal `_xHHHH_` protected by `_x005F_`. */
export function escapeCellText(s: string): string {
  const t = s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeXml(t);
}

function refOf(a: string | undefined): { row: number; col: number } | null {
  if (!a) return null;
  const m = /^([A-Z]{1,3})(\d+)$/i.exec(a);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** the tags the writer needs; comments and CDATA sections are matched too, so that no tag is seen inside one */
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([\w.-]+:)?(sheetData|row|c)(?=[\s/>])([^>]*?)(\/?)>/g;

/** Finds the rows and cells of a worksheet's XML text. */
export function scanSheet(xml: string): ScannedSheet {
  const rows: ScannedRow[] = [];
  let prefix = '';
  let dataEnd = -1;
  let dataSelfClosing: ScannedSheet['dataSelfClosing'] = null;
  let inData = false;
  let row: { row: number; style: string | undefined; start: number; openEnd: number; cells: ScannedCell[] } | null = null;
  let colStyles: ScannedSheet['colStyles'] = [];
  let lastRow = -1;
  let lastCol = -1;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [whole, close, pfx = '', name, attrText, selfClose] = m;
    if (name === undefined) continue;
    const start = m.index;
    const end = start + whole.length;
    if (name === 'sheetData') {
      if (close) {
        dataEnd = start;
        break;
      }
      prefix = pfx;
      colStyles = columnStyles(xml.slice(0, start));
      inData = true;
      if (selfClose) {
        dataSelfClosing = { start, end };
        dataEnd = start;
        break;
      }
      continue;
    }
    if (!inData) continue;
    if (name === 'row') {
      if (close) {
        if (row) rows.push({ ...row, closeStart: start, end });
        row = null;
        continue;
      }
      const a = parseAttrs(attrText);
      const r = a.r ? Number(a.r) - 1 : lastRow + 1;
      lastRow = Number.isInteger(r) && r >= 0 ? r : lastRow + 1;
      lastCol = -1;
      const style = a.customFormat === '1' || a.customFormat === 'true' ? a.s : undefined;
      if (selfClose) rows.push({ row: lastRow, style, start, openEnd: end, closeStart: -1, end, cells: [] });
      else row = { row: lastRow, style, start, openEnd: end, cells: [] };
      continue;
    }
    if (close || !row) continue;
    const a = parseAttrs(attrText);
    const ref = refOf(a.r);
    const col = ref ? ref.col : lastCol + 1;
    lastCol = col;
    let cellEnd = end;
    let inner = '';
    if (!selfClose) {
      // the cell's own closing tag, past any CDATA section that holds the text `</c>`
      TAG.lastIndex = end;
      let closing = TAG.exec(xml);
      while (closing && !(closing[1] && closing[3] === 'c')) closing = TAG.exec(xml);
      if (!closing || closing[2] !== (pfx || undefined)) throw new Error('unclosed cell');
      inner = xml.slice(end, closing.index);
      cellEnd = closing.index + closing[0].length;
      TAG.lastIndex = cellEnd;
    }
    row.cells.push({ row: ref ? ref.row : row.row, col, start, end: cellEnd, attrs: a, inner });
  }
  if (dataEnd < 0) throw new Error('no sheetData');
  return { xml, prefix, rows, colStyles, dataEnd, dataSelfClosing };
}

const COL = /<!--[\s\S]*?-->|<(?:[\w.-]+:)?col\s([^>]*?)\/?>/g;

/** The styled `<col>` ranges of the part before `<sheetData>`. */
function columnStyles(head: string): ScannedSheet['colStyles'] {
  const out: { min: number; max: number; style: string }[] = [];
  for (const m of head.matchAll(COL)) {
    if (m[1] === undefined) continue;
    const a = parseAttrs(m[1]);
    const [min, max] = [Number(a.min), Number(a.max)];
    if (a.style !== undefined && Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) out.push({ min: min - 1, max: max - 1, style: a.style });
  }
  return out;
}

/**
 * The style Excel gives a cell that has no `<c>` yet when something is typed into it: its row's (`row`, the cell's
 * scanned row if it has one), when the row is formatted, else its column's (a score written into a bordered column
 * keeps the border); undefined for none.
 */
export function unallocatedStyle(scan: ScannedSheet, row: ScannedRow | undefined, col: number): string | undefined {
  if (row?.style !== undefined) return row.style;
  return scan.colStyles.find((c) => col >= c.min && col <= c.max)?.style;
}

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping edits (inserts at one position keep their order). */
export function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const { e } of sorted) {
    out.push(xml.slice(at, e.start), e.text);
    at = Math.max(at, e.end);
  }
  out.push(xml.slice(at));
  return out.join('');
}

function attrsText(attrs: Record<string, string>): string {
  return Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
}

/** A `<c>` element holding a number, a text (inline, never a formula) or nothing, with the given style. */
export function cellXml(prefix: string, ref: string, style: string | undefined, value: number | string | null): string {
  const attrs: Record<string, string> = { r: ref };
  if (style && style !== '0') attrs.s = style;
  if (value === null) return `<${prefix}c${attrsText(attrs)}/>`;
  if (typeof value === 'number') return `<${prefix}c${attrsText(attrs)}><${prefix}v>${String(value)}</${prefix}v></${prefix}c>`;
  attrs.t = 'inlineStr';
  return `<${prefix}c${attrsText(attrs)}><${prefix}is><${prefix}t xml:space="preserve">${escapeCellText(value)}</${prefix}t></${prefix}is></${prefix}c>`;
}

const F_ELEMENT = /<([\w.-]+:)?f(?=[\s/>])[^>]*?(\/>|>[\s\S]*?<\/([\w.-]+:)?f>)/;
const V_ELEMENT = /<([\w.-]+:)?v(?=[\s/>])[^>]*?(\/>|>[\s\S]*?<\/([\w.-]+:)?v>)/;

/** A formula cell with a new cached number result (its formula and other attributes kept). */
export function withResult(prefix: string, cell: ScannedCell, result: number): string {
  const attrs = { ...cell.attrs };
  delete attrs.t;
  const inner = cell.inner.replace(V_ELEMENT, '');
  const f = F_ELEMENT.exec(inner);
  const v = `<${prefix}v>${String(result)}</${prefix}v>`;
  const body = f ? inner.slice(0, f.index + f[0].length) + v + inner.slice(f.index + f[0].length) : v + inner;
  return `<${prefix}c${attrsText(attrs)}>${body}</${prefix}c>`;
}

/** A clone of a shared formula given its own formula text (its master is being overwritten). */
export function withOwnFormula(prefix: string, cell: ScannedCell, formula: string): string {
  const inner = cell.inner.replace(F_ELEMENT, `<${prefix}f>${escapeXml(formula)}</${prefix}f>`);
  return `<${prefix}c${attrsText(cell.attrs)}>${inner}</${prefix}c>`;
}

/** The shared formula group a cell's `<f>` belongs to, and whether it is the group's master. */
export function sharedFormulaOf(cell: ScannedCell): { si: string; master: boolean } | null {
  const f = F_ELEMENT.exec(cell.inner);
  if (!f) return null;
  const open = /^<[^>]*/.exec(f[0])?.[0] ?? '';
  const a = parseAttrs(open);
  if (a.t !== 'shared' || a.si === undefined) return null;
  return { si: a.si, master: a.ref !== undefined };
}
