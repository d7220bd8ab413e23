import { excelErrorFromString, isExcelError, parseA1, parseRangeA1, toA1, type CellValue, type SheetGrid, type WorkbookGrid } from '../../core';
import { cellKey, keyPos, type Visibility } from './model';
import { EmuWorkbook } from './workbook';

/** What a grid does not carry: fills, notes, comments, protection, visibility (by A1 address). */
export interface SheetExtras {
  fills?: Record<string, string>;
  notes?: Record<string, string>;
  comments?: Record<string, string>;
  protected?: boolean;
  /** ranges (A1) whose cells are unlocked: writable while the sheet is protected */
  unlocked?: string[];
  /** the protection lets formats change (WorksheetProtectionOptions.allowFormatCells) */
  allowFormatCells?: boolean;
  visibility?: Visibility;
}

/**
 * Builds an emulated workbook from grids (values as Excel reports them, formats, formulas with their cached
 * results, merges). The first sheet is active.
 */
export function emuFromGrids(sheets: WorkbookGrid | readonly SheetGrid[], extras: Record<string, SheetExtras> = {}): EmuWorkbook {
  const emu = new EmuWorkbook();
  const list = Array.isArray(sheets) ? (sheets as readonly SheetGrid[]) : (sheets as WorkbookGrid).sheets;
  for (const g of list) {
    const s = emu.addSheet(g.sheet);
    g.values.forEach((line, i) => {
      line.forEach((v, j) => {
        const row = g.origin.row + i;
        const col = g.origin.col + j;
        const formula = g.formulas?.[i]?.[j] ?? null;
        const format = g.formats?.[i]?.[j] ?? null;
        if (v === null && formula === null && (format === null || format === 'General')) return;
        const c = s.cell(row, col);
        c.value = v === null ? '' : isExcelError(v) ? v.code : v;
        c.formula = formula;
        if (format) c.numberFormat = format;
      });
    });
    s.merges = g.merges.map((m) => ({ ...m }));
    const x = extras[g.sheet] ?? {};
    for (const [a1, color] of Object.entries(x.fills ?? {})) {
      const p = parseA1(a1);
      s.cell(p.row, p.col).fill = color.toUpperCase();
    }
    for (const [a1, content] of Object.entries(x.notes ?? {})) {
      const p = parseA1(a1);
      s.notes.set(cellKey(p.row, p.col), { content, author: 'User' });
    }
    for (const [a1, content] of Object.entries(x.comments ?? {})) {
      const p = parseA1(a1);
      s.comments.push({ id: emu.newCommentId(), key: cellKey(p.row, p.col), content });
    }
    s.protected = x.protected ?? false;
    s.allowFormatCells = x.allowFormatCells ?? false;
    for (const a1 of x.unlocked ?? []) {
      const r = parseRangeA1(a1);
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) s.cell(row, col).locked = false;
    }
    s.visibility = x.visibility ?? (g.hidden ? 'Hidden' : 'Visible');
  }
  return emu;
}

export interface SheetState {
  /** values, formats, formulas and merges of the used range (valuesOnly = false), as a grid */
  grid: SheetGrid;
  fills: Record<string, string>;
  notes: Record<string, string>;
  comments: Record<string, string>;
  /** cells entered with a leading apostrophe */
  quotePrefixed: string[];
}

/** Reads a sheet back for assertions and for saving the workbench's workbook. */
export function sheetState(emu: EmuWorkbook, name: string): SheetState {
  const s = emu.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  const used = s.usedRange(false);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const fills: Record<string, string> = {};
  const quotePrefixed: string[] = [];
  if (used) {
    for (let row = used.top; row <= used.bottom; row++) {
      const v: CellValue[] = [], f: (string | null)[] = [], fo: (string | null)[] = [];
      for (let col = used.left; col <= used.right; col++) {
        const c = s.get(row, col);
        const raw = c?.value ?? '';
        v.push(raw === '' ? null : typeof raw === 'string' ? (c?.quotePrefix ? raw : excelErrorFromString(raw) ?? raw) : raw);
        f.push(c && c.numberFormat !== 'General' ? c.numberFormat : null);
        fo.push(c?.formula ?? null);
        if (c?.fill) fills[toA1(row, col)] = c.fill;
        if (c?.quotePrefix) quotePrefixed.push(toA1(row, col));
      }
      values.push(v); formats.push(f); formulas.push(fo);
    }
  }
  const at = (k: number) => { const p = keyPos(k); return toA1(p.row, p.col); };
  return {
    grid: {
      sheet: s.name,
      origin: used ? { row: used.top, col: used.left } : { row: 0, col: 0 },
      values, formats, formulas,
      merges: s.merges.map((m) => ({ ...m })),
    },
    fills,
    notes: Object.fromEntries([...s.notes].map(([k, n]) => [at(k), n.content])),
    comments: Object.fromEntries(s.comments.map((c) => [at(c.key), c.content])),
    quotePrefixed,
  };
}

/** The workbook as grids (every sheet, hidden ones included). */
export function workbookGrid(emu: EmuWorkbook): WorkbookGrid {
  return { sheets: emu.sheets.map((s) => sheetState(emu, s.name).grid) };
}

/** One cell as Excel shows it: value ('' empty), formula, number format, fill. */
export function cellAt(emu: EmuWorkbook, sheet: string, a1: string) {
  const s = emu.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const p = parseA1(a1);
  const c = s.get(p.row, p.col);
  return {
    value: c?.value ?? '',
    formula: c?.formula ?? null,
    numberFormat: c?.numberFormat ?? 'General',
    fill: c?.fill ?? null,
    quotePrefix: c?.quotePrefix ?? false,
    note: s.notes.get(cellKey(p.row, p.col))?.content ?? null,
  };
}
