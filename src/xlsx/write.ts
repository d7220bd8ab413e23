import type { CellValue, SheetGrid } from '../core';
import { GridView, parseA1, sameCellValue, toA1 } from '../core';
import type { FillPlan } from '../core';
import { XlsxReadError } from './errors';
import { decodeXml, encodeXml, type XmlEncoding } from './encoding';
import { guard, type XlsxPackage } from './package';
import { openPackage, readSheetRef, sheetContext } from './read';
import { recalcDependents } from './recalc';
import { applyEdits, cellXml, scanSheet, sharedFormulaOf, unallocatedStyle, withOwnFormula, withResult, type Edit, type ScannedCell, type ScannedSheet } from './sheet-edit';
import { StylesEditor, withFullCalcOnLoad, withoutOverride, withoutRelationships } from './workbook-edit';
import { rewriteZip, type ZipEntry } from './zip';

export interface CellWrite {
  readonly sheet: string;
  /** A1 address; a cell inside a merged area writes to the area's top-left cell */
  readonly cell: string;
  /** null clears the cell; a string is always written as text, never as a formula */
  readonly value: number | string | null;
  /** number format to set, or null/absent to keep the cell's format */
  readonly numberFormat?: string | null;
}

export type XlsxWriteErrorKind = 'noSheet' | 'badCell' | 'changed';

/** A write that could not be done; nothing is written. `message` is Chinese; `messageEn` English. */
export class XlsxWriteError extends Error {
  readonly kind: XlsxWriteErrorKind;
  readonly messageEn: string;
  /** the sheet!cell addresses concerned */
  readonly cells: readonly string[];

  constructor(kind: XlsxWriteErrorKind, cells: readonly string[]) {
    const list = cells.slice(0, 5).join('、') + (cells.length > 5 ? ` 等 ${cells.length} 个` : '');
    const listEn = cells.slice(0, 5).join(', ') + (cells.length > 5 ? ` and ${cells.length - 5} more` : '');
    const zh: Record<XlsxWriteErrorKind, string> = {
      noSheet: `找不到工作表：${list}。未写入任何内容。`,
      badCell: `单元格地址无效：${list}。未写入任何内容。`,
      changed: `单元格 ${list} 的内容与校验时不同（工作簿已被修改）。未写入任何内容，请重新校验。`,
    };
    const en: Record<XlsxWriteErrorKind, string> = {
      noSheet: `Worksheet not found: ${listEn}. Nothing was written.`,
      badCell: `Invalid cell address: ${listEn}. Nothing was written.`,
      changed: `Cell ${listEn} no longer holds what was validated (the workbook changed). Nothing was written; validate again.`,
    };
    super(zh[kind]);
    this.name = 'XlsxWriteError';
    this.kind = kind;
    this.messageEn = en[kind];
    this.cells = cells;
  }
}

interface SheetTarget {
  readonly part: string;
  readonly grid: SheetGrid;
  readonly view: GridView;
  /** anchor A1 → the write (the last one given for a cell wins) */
  readonly writes: Map<string, { row: number; col: number; write: CellWrite; index: number }>;
}

const REL_CALC_CHAIN = /\/calcChain$/;

function resolve(pkg: XlsxPackage, writes: readonly CellWrite[]): Map<string, SheetTarget> {
  const { ctx, sheets } = sheetContext(pkg, Infinity);
  const missing: string[] = [];
  const bad: string[] = [];
  const targets = new Map<string, SheetTarget>();
  writes.forEach((w, index) => {
    const ref = sheets.find((s) => s.name === w.sheet);
    if (!ref) {
      missing.push(w.sheet);
      return;
    }
    let p: { row: number; col: number };
    try {
      p = parseA1(w.cell);
    } catch {
      bad.push(`${w.sheet}!${w.cell}`);
      return;
    }
    if (typeof w.value === 'number' && !Number.isFinite(w.value)) {
      bad.push(`${w.sheet}!${w.cell}`);
      return;
    }
    let t = targets.get(w.sheet);
    if (!t) {
      const read = readSheetRef(pkg, ref, ctx);
      if ('kind' in read || !ref.part) throw new XlsxReadError('corrupt', `${w.sheet}: ${'kind' in read ? read.kind : 'missing'}`);
      t = { part: ref.part, grid: read, view: new GridView(read), writes: new Map() };
      targets.set(w.sheet, t);
    }
    const a = t.view.anchor(p.row, p.col);
    t.writes.set(toA1(a.row, a.col), { ...a, write: w, index });
  });
  if (missing.length) throw new XlsxWriteError('noSheet', [...new Set(missing)]);
  if (bad.length) throw new XlsxWriteError('badCell', bad);
  return targets;
}

function cellsByAddress(scan: ScannedSheet): Map<string, ScannedCell> {
  const out = new Map<string, ScannedCell>();
  for (const r of scan.rows) for (const c of r.cells) out.set(toA1(c.row, c.col), c);
  return out;
}

/** The formulas of a sheet and the values its cells hold once the writes are done. */
function afterWrites(t: SheetTarget): { formulas: Map<string, string>; valueAt: (a1: string) => CellValue } {
  const formulas = new Map<string, string>();
  const { grid } = t;
  grid.formulas?.forEach((row, r) => row.forEach((f, c) => {
    const a1 = toA1(grid.origin.row + r, grid.origin.col + c);
    if (f !== null && !t.writes.has(a1)) formulas.set(a1, f);
  }));
  const valueAt = (a1: string): CellValue => {
    const w = t.writes.get(a1);
    if (w) return w.write.value;
    const p = parseA1(a1);
    return t.view.raw(p.row, p.col);
  };
  return { formulas, valueAt };
}

/** The edited worksheet XML; `formulaOverwritten` tells whether a written cell held a formula. */
function editSheet(xml: string, t: SheetTarget, styles: StylesEditor | null): { xml: string; formulaOverwritten: boolean } {
  const scan = scanSheet(xml);
  const p = scan.prefix;
  const cells = cellsByAddress(scan);
  const edits: Edit[] = [];
  let formulaOverwritten = false;
  const masters = new Set<string>();
  const newRows = new Map<number, string[]>();
  const intoEmptyRows = new Map<ScannedSheet['rows'][number], string[]>();
  const sorted = [...t.writes.entries()].sort((a, b) => a[1].row - b[1].row || a[1].col - b[1].col);
  for (const [a1, { row, col, write }] of sorted) {
    const existing = cells.get(a1);
    const r = existing ? undefined : scan.rows.find((x) => x.row === row);
    let style = existing ? existing.attrs.s : unallocatedStyle(scan, r, col);
    if (write.numberFormat && styles && t.view.format(row, col) !== write.numberFormat) {
      const s = styles.styleWith(Number(style ?? 0) || 0, write.numberFormat);
      if (s !== null) style = String(s);
    }
    const text = cellXml(p, a1, style, write.value);
    if (existing) {
      if (t.view.formula(row, col) !== null || /<([\w.-]+:)?f[\s/>]/.test(existing.inner)) formulaOverwritten = true;
      const shared = sharedFormulaOf(existing);
      if (shared?.master) masters.add(shared.si);
      edits.push({ start: existing.start, end: existing.end, text });
      continue;
    }
    if (r) {
      const next = r.cells.find((c) => c.col > col);
      if (next) edits.push({ start: next.start, end: next.start, text });
      else if (r.closeStart >= 0) edits.push({ start: r.closeStart, end: r.closeStart, text });
      else {
        const list = intoEmptyRows.get(r) ?? [];
        list.push(text);
        intoEmptyRows.set(r, list);
      }
    } else {
      const list = newRows.get(row) ?? [];
      list.push(text);
      newRows.set(row, list);
    }
  }
  for (const [r, texts] of intoEmptyRows) {
    const open = scan.xml.slice(r.start, r.end).replace(/\s*\/>$/, '>');
    edits.push({ start: r.start, end: r.end, text: `${open}${texts.join('')}</${p}row>` });
  }
  const rowXml = (row: number, texts: string[]): string => `<${p}row r="${row + 1}">${texts.join('')}</${p}row>`;
  if (scan.dataSelfClosing && newRows.size > 0) {
    const rows = [...newRows].map(([row, texts]) => rowXml(row, texts)).join('');
    edits.push({ start: scan.dataSelfClosing.start, end: scan.dataSelfClosing.end, text: `<${p}sheetData>${rows}</${p}sheetData>` });
  } else {
    for (const [row, texts] of newRows) {
      const next = scan.rows.find((x) => x.row > row);
      const at = next ? next.start : scan.dataEnd;
      edits.push({ start: at, end: at, text: rowXml(row, texts) });
    }
  }

  const { formulas, valueAt } = afterWrites(t);
  const results = recalcDependents(formulas, valueAt, new Set(t.writes.keys()));
  for (const [a1, cell] of cells) {
    if (t.writes.has(a1)) continue;
    const shared = sharedFormulaOf(cell);
    const orphan = shared !== null && !shared.master && masters.has(shared.si);
    const result = results.get(a1);
    if (!orphan && result === undefined) continue;
    let text = orphan ? withOwnFormula(p, cell, (formulas.get(a1) ?? '').replace(/^=/, '')) : null;
    if (result !== undefined) {
      const base = text ? scanSheet(`<sheetData><row>${text}</row></sheetData>`).rows[0].cells[0] : cell;
      text = withResult(p, base, result);
    }
    if (text !== null) edits.push({ start: cell.start, end: cell.end, text });
  }
  return { xml: applyEdits(xml, edits), formulaOverwritten };
}

/**
 * A part's text for editing, with a byte order mark kept as U+FEFF, and the encoding to write it back in: an edited
 * part changes only where it is edited, a UTF-16 part stays UTF-16 (src/xlsx/encoding.ts).
 */
function partText(pkg: XlsxPackage, part: string): { text: string; encoding: XmlEncoding } {
  return decodeXml(pkg.bytes(part), true);
}

function write(pkg: XlsxPackage, targets: Map<string, SheetTarget>): Uint8Array {
  const replace = new Map<ZipEntry, Uint8Array>();
  const remove = new Set<ZipEntry>();
  const entry = (part: string): ZipEntry => {
    const e = pkg.entry(part);
    if (!e) throw new XlsxReadError('corrupt', `missing part ${part}`);
    return e;
  };
  /** sets a part to `edit` of its text, in the part's own encoding */
  const edit = (part: string, f: (xml: string) => string): void => {
    const { text, encoding } = partText(pkg, part);
    replace.set(entry(part), encodeXml(f(text), encoding));
  };
  const rels = pkg.relsOfWorkbook();
  const stylesPart = pkg.workbookPartOf('styles', rels);
  const stylesIn = stylesPart ? partText(pkg, stylesPart) : null;
  const styles = stylesIn ? new StylesEditor(stylesIn.text) : null;
  let formulaOverwritten = false;
  for (const t of targets.values()) {
    if (t.writes.size === 0) continue;
    edit(t.part, (xml) => {
      const edited = guard(() => editSheet(xml, t, styles));
      formulaOverwritten ||= edited.formulaOverwritten;
      return edited.xml;
    });
  }
  if (replace.size === 0) return pkg.zip.bytes.slice();
  const newStyles = styles?.result();
  if (stylesPart && stylesIn && newStyles) replace.set(entry(stylesPart), encodeXml(newStyles, stylesIn.encoding));
  // cached results of formulas that depend on written cells (a SUM 总分) are stale until Excel recalculates
  edit(pkg.workbookPart, withFullCalcOnLoad);
  const chain = rels.find((r) => REL_CALC_CHAIN.test(r.type) && !r.external);
  if (formulaOverwritten && chain && pkg.has(chain.target)) {
    // the calculation chain lists the overwritten formula cells; Excel rebuilds it when it is absent
    remove.add(entry(chain.target));
    const slash = pkg.workbookPart.lastIndexOf('/');
    const relsPart = `${pkg.workbookPart.slice(0, slash + 1)}_rels/${pkg.workbookPart.slice(slash + 1)}.rels`;
    edit(relsPart, (xml) => withoutRelationships(xml, REL_CALC_CHAIN));
    if (pkg.has('[Content_Types].xml')) edit('[Content_Types].xml', (xml) => withoutOverride(xml, chain.target));
  }
  return rewriteZip(pkg.zip, replace, remove);
}

/**
 * Sets exactly the given cells of an .xlsx and returns the new file's bytes: the package is copied part for part,
 * and only the written cells' `<c>` elements change in their sheets (plus a cell style when a number format must
 * change, the cached results of same-sheet formulas that read them, `fullCalcOnLoad`, and the calculation chain
 * when a formula was overwritten). Every other part — charts, drawings, comments, VBA, custom properties, other
 * sheets — stays byte-identical. Throws XlsxReadError for unreadable input and XlsxWriteError (before changing
 * anything) for an unknown sheet or a broken address.
 */
export async function applyCellWrites(data: ArrayBuffer | Uint8Array, writes: readonly CellWrite[]): Promise<Uint8Array> {
  const pkg = openPackage(data);
  return write(pkg, resolve(pkg, writes));
}

/**
 * Writes a fill plan into a copy of the workbook, surgically as applyCellWrites does. Refuses (XlsxWriteError
 * `changed`, nothing written) when a cell no longer holds the value the plan was computed from.
 */
export async function applyFillPlan(data: ArrayBuffer | Uint8Array, plan: FillPlan): Promise<Uint8Array> {
  const pkg = openPackage(data);
  const writes = plan.cells.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.value, numberFormat: c.numberFormat }));
  const targets = resolve(pkg, writes);
  const changed: string[] = [];
  for (const t of targets.values()) {
    for (const [a1, w] of t.writes) {
      if (!sameCellValue(t.view.raw(w.row, w.col), plan.cells[w.index].current)) changed.push(`${w.write.sheet}!${a1}`);
    }
  }
  if (changed.length) throw new XlsxWriteError('changed', changed);
  return write(pkg, targets);
}
