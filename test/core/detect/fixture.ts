import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../../src/core/grid';
import { excelErrorFromString, parseRangeA1 } from '../../../src/core/grid';

/** The shared sample workbook; absent in a fresh clone, where the tests that need it skip with a message. */
export const FIXTURE = path.join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'sheitc-2021.xlsx');
export const fixtureAvailable = fs.existsSync(FIXTURE);

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return excelErrorFromString(String(v.error)) ?? String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  return null;
}

/** Reads a workbook the way a host gives it: values only in each merged area's top-left cell. */
export async function readSheets(file: string): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      const row = ws.getRow(r);
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const ownValue = !cell.isMerged || cell.master.address === cell.address;
        vr.push(ownValue ? cellValue(cell.value) : null);
        fr.push(cell.numFmt ?? null);
      }
      values.push(vr);
      formats.push(fr);
    }
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRangeA1);
    out.push({ sheet: ws.name, origin: { row: 0, col: 0 }, values, formats, merges });
  });
  return out;
}
