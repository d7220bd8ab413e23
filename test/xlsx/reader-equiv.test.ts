import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readWorkbookGridExceljs } from '../../src/xlsx/exceljs-read';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildSampleWorkbook } from '../bench/sample';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const FORMATS = ['0.00', '0.00%', '#,##0.00', 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '@', 'General', 'h:mm', '0'];
const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!'];

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('=1+1', '  ', '', '项目名称', '<b>x</b>', 'a&b<c>"d\'', '_x0041_', '≥95%'),
  fc.boolean(),
  fc.constantFrom(...ERRORS).map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.record({ a: fc.string({ maxLength: 5 }), b: fc.string({ maxLength: 5 }) }).map(({ a, b }) => ({ richText: [{ text: a }, { text: b, font: { bold: true } }] })),
  fc.integer({ min: 1, max: 60000 }).map((n) => ({ formula: `A1+${n}`, result: n }) as ExcelJS.CellFormulaValue),
  fc.constantFrom({ formula: 'SUM(A1:A3)', result: 'x' }, { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'A1', result: true }) as fc.Arbitrary<ExcelJS.CellValue>,
  fc.integer({ min: 0, max: 2_000_000_000_000 }).map((ms) => new Date(ms)),
  fc.constant(null),
);

const cell = fc.record({
  row: fc.integer({ min: 1, max: 30 }),
  col: fc.integer({ min: 1, max: 12 }),
  value: cellValue,
  numFmt: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
});

const sheet = fc.record({
  cells: fc.array(cell, { maxLength: 40 }),
  merges: fc.array(fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 10 }), h: fc.integer({ min: 0, max: 2 }), w: fc.integer({ min: 0, max: 2 }) }), { maxLength: 3 }),
  state: fc.constantFrom('visible', 'visible', 'hidden', 'veryHidden') as fc.Arbitrary<ExcelJS.WorksheetState>,
});

function build(sheets: { cells: { row: number; col: number; value: ExcelJS.CellValue; numFmt?: string }[]; merges: { row: number; col: number; h: number; w: number }[]; state: ExcelJS.WorksheetState }[], date1904: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`, { state: s.state });
    const written = new Set<string>();
    for (const c of s.cells) {
      // one value per cell: a second write keeps the first one's date format, under which exceljs turns a formula's
      // text result into NaN (the guard below judges a format only with the value written with it)
      if (written.has(`${c.row},${c.col}`)) continue;
      written.add(`${c.row},${c.col}`);
      const target = ws.getCell(c.row, c.col);
      target.value = c.value;
      // exceljs turns a formula's text, error or boolean result under a date format into a date (NaN for text and
      // errors); the new reader keeps the result as it is
      const result = (c.value as { formula?: string; result?: unknown } | null)?.formula !== undefined ? (c.value as { result?: unknown }).result : 0;
      // and a number past JS Date's range under a date format into NaN; Excel has no dates outside 0…2958465
      const n = typeof c.value === 'number' ? c.value : typeof result === 'number' ? result : 0;
      const noDateFormat = typeof result !== 'number' || n < 0 || n > 2958465;
      if (c.numFmt && !(noDateFormat && /[ymdh]/.test(c.numFmt))) target.numFmt = c.numFmt;
    }
    const taken = new Set<string>();
    for (const m of s.merges) {
      const keys: string[] = [];
      for (let r = m.row; r <= m.row + m.h; r++) for (let c = m.col; c <= m.col + m.w; c++) keys.push(`${r},${c}`);
      if ((m.h === 0 && m.w === 0) || keys.some((k) => taken.has(k))) continue;
      keys.forEach((k) => taken.add(k));
      ws.mergeCells(m.row, m.col, m.row + m.h, m.col + m.w);
    }
  });
  return wb;
}

describe('the streaming reader gives the snapshot the exceljs reader gives', () => {
  it('for random grids written by exceljs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, date1904) => {
        const data = await bytesOf(build(sheets, date1904));
        expect(await readWorkbookGrid(data)).toEqual(await readWorkbookGridExceljs(data));
      }),
      { numRuns: Number(process.env.EQUIV_RUNS ?? 60) },
    );
  }, 120_000);

  it('for the sample workbook', async () => {
    const data = await bytesOf(buildSampleWorkbook());
    expect(await readWorkbookGrid(data)).toEqual(await readWorkbookGridExceljs(data));
  });

  const seed = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'sheitc-2021.xlsx');
  const seedIt = fs.existsSync(seed) ? it : it.skip;
  if (!fs.existsSync(seed)) console.warn(`跳过 seed 测试: ${seed} 不存在 (../shared is absent)`);
  seedIt('for the published 2021 forms (../shared)', async () => {
    const data = fs.readFileSync(seed);
    expect(await readWorkbookGrid(data)).toEqual(await readWorkbookGridExceljs(data));
  });
});
