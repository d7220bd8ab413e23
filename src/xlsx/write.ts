import ExcelJS from 'exceljs';
import { isExcelError, parseA1, toA1, type CellValue, type FillPlan } from '../core';
import { cellValueOf, loadWorkbook } from './read';
import { recalcDependents } from './recalc';

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

interface Target {
  ws: ExcelJS.Worksheet;
  cell: ExcelJS.Cell;
  write: CellWrite;
}

function resolve(wb: ExcelJS.Workbook, writes: readonly CellWrite[]): Target[] {
  const missing: string[] = [];
  const bad: string[] = [];
  const out: Target[] = [];
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) {
      missing.push(w.sheet);
      continue;
    }
    let p: { row: number; col: number };
    try {
      p = parseA1(w.cell);
    } catch {
      bad.push(`${w.sheet}!${w.cell}`);
      continue;
    }
    let cell = ws.getCell(p.row + 1, p.col + 1);
    if (cell.type === ExcelJS.ValueType.Merge) cell = cell.master;
    out.push({ ws, cell, write: w });
  }
  if (missing.length) throw new XlsxWriteError('noSheet', [...new Set(missing)]);
  if (bad.length) throw new XlsxWriteError('badCell', bad);
  return out;
}

/** Before a shared formula's master is overwritten, its clones get their own (translated) formula. */
function unshare(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const v = master.value as (ExcelJS.CellFormulaValue & { shareType?: string }) | null;
  if (master.type !== ExcelJS.ValueType.Formula || !v || v.shareType !== 'shared') return;
  const address = master.address;
  ws.eachRow((row) => {
    row.eachCell((c) => {
      const cv = c.value as ExcelJS.CellSharedFormulaValue | null;
      if (c.type === ExcelJS.ValueType.Formula && cv && cv.sharedFormula === address) {
        c.value = { formula: c.formula, result: cv.result } as ExcelJS.CellFormulaValue;
      }
    });
  });
}

function set(t: Target): void {
  const { ws, cell, write } = t;
  unshare(ws, cell);
  if (write.value === null) cell.value = null;
  else if (typeof write.value === 'number') {
    if (!Number.isFinite(write.value)) throw new XlsxWriteError('badCell', [`${write.sheet}!${write.cell}`]);
    cell.value = write.value;
  } else {
    // exceljs stores a JS string as a string cell (a shared string), whatever its first character: `=1+1` stays text.
    cell.value = String(write.value);
  }
  if (write.numberFormat) cell.numFmt = write.numberFormat;
}

/** Writes the cells, then brings the cached results of the formulas that read them up to date. */
function setAll(targets: readonly Target[]): void {
  targets.forEach(set);
  const bySheet = new Map<ExcelJS.Worksheet, Set<string>>();
  for (const t of targets) {
    const cells = bySheet.get(t.ws) ?? new Set<string>();
    cells.add(toA1(Number(t.cell.row) - 1, Number(t.cell.col) - 1));
    bySheet.set(t.ws, cells);
  }
  for (const [ws, cells] of bySheet) recalcDependents(ws, cells);
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  // cached results of formulas that depend on written cells (a SUM 总分) are stale until Excel recalculates
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

/**
 * Loads an .xlsx, sets exactly the given cells and returns the new file's bytes; every other cell, style, merge
 * and column width is kept as exceljs read it. Throws XlsxReadError for unreadable input and XlsxWriteError (before
 * changing anything) for an unknown sheet or a broken address.
 */
export async function applyCellWrites(data: ArrayBuffer | Uint8Array, writes: readonly CellWrite[]): Promise<Uint8Array> {
  const wb = await loadWorkbook(data);
  setAll(resolve(wb, writes));
  return save(wb);
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isExcelError(a) || isExcelError(b)) return isExcelError(a) && isExcelError(b) && a.code === b.code;
  const blank = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b;
}

/**
 * Writes a fill plan into a copy of the workbook. Refuses (XlsxWriteError `changed`, nothing written) when a cell
 * no longer holds the value the plan was computed from.
 */
export async function applyFillPlan(data: ArrayBuffer | Uint8Array, plan: FillPlan): Promise<Uint8Array> {
  const wb = await loadWorkbook(data);
  const date1904 = Boolean(wb.properties?.date1904);
  const targets = resolve(wb, plan.cells.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.value, numberFormat: c.numberFormat })));
  const changed = targets
    .filter((t, i) => !sameValue(cellValueOf(t.cell, date1904), plan.cells[i].current))
    .map((t) => `${t.write.sheet}!${toA1(Number(t.cell.row) - 1, Number(t.cell.col) - 1)}`);
  if (changed.length) throw new XlsxWriteError('changed', changed);
  setAll(targets);
  return save(wb);
}
