/**
 * Sheet literals for the variant corpus: rows of cell values with merges, formats and formulas in the literal's own
 * A1 coordinates, placed on a sheet at any offset, side by side or stacked, and written as .xlsx with exceljs so that
 * the same variant can go through the reader the CLI uses.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../src/core/grid';
import { columnLetters, isExcelError, parseA1, parseRangeA1, rangeToA1 } from '../../../src/core/grid';
import { readWorkbookGrid } from '../../../src/xlsx/read';

export interface Lit {
  rows: CellValue[][];
  /** A1 ranges relative to the literal's first cell */
  merges?: string[];
  formats?: Record<string, string>;
  /** formula text (with `=`) by relative A1; the value in `rows` is the cached result */
  formulas?: Record<string, string>;
}

function shiftA1(a1: string, dr: number, dc: number): string {
  const p = parseA1(a1);
  return `${columnLetters(p.col + dc)}${p.row + dr + 1}`;
}

function shiftRange(r: string, dr: number, dc: number): string {
  const x = parseRangeA1(r);
  return rangeToA1({ top: x.top + dr, bottom: x.bottom + dr, left: x.left + dc, right: x.right + dc });
}

/** The literal's parts moved by whole rows and columns. */
export function moved(l: Lit, at: string): Lit {
  const p = parseA1(at);
  const rows: CellValue[][] = [];
  for (let i = 0; i < p.row; i++) rows.push([]);
  for (const r of l.rows) rows.push([...new Array<CellValue>(p.col).fill(null), ...r]);
  const mapKeys = (m: Record<string, string> | undefined) =>
    m ? Object.fromEntries(Object.entries(m).map(([k, v]) => [shiftA1(k, p.row, p.col), v])) : undefined;
  return {
    rows,
    merges: (l.merges ?? []).map((m) => shiftRange(m, p.row, p.col)),
    formats: mapKeys(l.formats),
    formulas: mapKeys(l.formulas),
  };
}

/** Several literals on one sheet, each at its own A1 offset; later cells overwrite earlier ones. */
export function sheetGrid(name: string, parts: readonly { lit: Lit; at?: string }[]): SheetGrid {
  const cells = new Map<string, CellValue>();
  const formats: Record<string, string> = {};
  const formulas: Record<string, string> = {};
  const merges: string[] = [];
  let height = 0;
  let width = 0;
  for (const part of parts) {
    const l = moved(part.lit, part.at ?? 'A1');
    l.rows.forEach((r, i) => r.forEach((v, j) => {
      if (v !== null && v !== undefined) cells.set(`${i},${j}`, v);
      width = Math.max(width, j + 1);
    }));
    height = Math.max(height, l.rows.length);
    Object.assign(formats, l.formats ?? {});
    Object.assign(formulas, l.formulas ?? {});
    merges.push(...(l.merges ?? []));
    for (const m of l.merges ?? []) {
      const r = parseRangeA1(m);
      height = Math.max(height, r.bottom + 1);
      width = Math.max(width, r.right + 1);
    }
  }
  const values: CellValue[][] = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => cells.get(`${i},${j}`) ?? null));
  const aligned = (m: Record<string, string>) => {
    if (Object.keys(m).length === 0) return undefined;
    const out = values.map((r) => r.map(() => null as string | null));
    for (const [a1, v] of Object.entries(m)) {
      const p = parseA1(a1);
      out[p.row][p.col] = v;
    }
    return out;
  };
  return { sheet: name, origin: { row: 0, col: 0 }, values, formats: aligned(formats), formulas: aligned(formulas), merges: merges.map(parseRangeA1) };
}

export interface XlsxSheet {
  grid: SheetGrid;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** rows (1-based) whose cells A..lastCol get a thin border and nothing else: the trailing empty rows of a template */
  borderedRows?: { from: number; to: number; lastCol: number };
}

const DATE_FORMAT = /(^|[^"\\])[ymdhs]/iu;

/** Writes the grids with exceljs (values, formulas with cached results, formats, merges, sheet state) as .xlsx bytes. */
export async function xlsxBytes(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.grid.sheet, { state: s.state ?? 'visible' });
    const g = s.grid;
    g.values.forEach((row, i) => row.forEach((v, j) => {
      const r = g.origin.row + i + 1;
      const c = g.origin.col + j + 1;
      const formula = g.formulas?.[i]?.[j] ?? null;
      const format = g.formats?.[i]?.[j] ?? null;
      if (v === null && formula === null && format === null) return;
      const cell = ws.getCell(r, c);
      if (formula) {
        cell.value = { formula: formula.replace(/^=/u, ''), result: v as number } as ExcelJS.CellValue;
      } else if (isExcelError(v)) {
        cell.value = { error: v.code } as ExcelJS.CellValue;
      } else if (typeof v === 'number' && format && DATE_FORMAT.test(format)) {
        cell.value = new Date(Math.round((v - 25569) * 86_400_000));
      } else {
        cell.value = v;
      }
      if (format) cell.numFmt = format;
    }));
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (s.borderedRows) {
      const { from, to, lastCol } = s.borderedRows;
      for (let r = from; r <= to; r++) {
        for (let c = 1; c <= lastCol; c++) {
          const t = { style: 'thin' as const };
          ws.getCell(r, c).border = { top: t, left: t, bottom: t, right: t };
        }
      }
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The grids written as .xlsx and read back the way the CLI reads a file. */
export async function throughXlsx(sheets: readonly XlsxSheet[]): Promise<WorkbookGrid> {
  return readWorkbookGrid(await xlsxBytes(sheets));
}
