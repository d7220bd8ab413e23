import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { checkWorkbook } from '../../src/core';
import { readWorkbookGridExceljs } from '../../src/xlsx/exceljs-read';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { scanSheet } from '../../src/xlsx/sheet-edit';
import { applyCellWrites, applyFillPlan, type CellWrite } from '../../src/xlsx/write';

// made by scripts/make-xlsx-fixtures.py (openpyxl); committed so that the tests need no Python
const DIR = path.join(__dirname, '..', 'fixtures', 'xlsx');
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(DIR, name)));

function parts(data: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(data);
}

const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

/** The parts that differ between two packages, and the parts only one of them has. */
function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = parts(a);
  const pb = parts(b);
  const names = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...names].filter((n) => !pa[n] || !pb[n] || Buffer.compare(Buffer.from(pa[n]), Buffer.from(pb[n])) !== 0).sort();
}

/** `<c>` elements of a sheet by address, as their exact XML text. */
function cellTexts(xml: string): Map<string, string> {
  const scan = scanSheet(xml);
  const out = new Map<string, string>();
  for (const r of scan.rows) for (const c of r.cells) out.set(`${c.row},${c.col}`, xml.slice(c.start, c.end));
  return out;
}

const WRITES: CellWrite[] = [
  { sheet: '项目表', cell: 'F5', value: 9.2 }, // an empty cell in an existing row
  { sheet: '项目表', cell: 'F4', value: 9.5, numberFormat: '0.00' }, // an existing number, a new format
  { sheet: '项目表', cell: 'G12', value: '=1+1 仍是文字 & <b>' }, // a new row, text that looks like a formula
];

describe('workbooks written by openpyxl (charts, images, comments, validation, absolute part names)', () => {
  it('reads the workbook with a chart and an image that exceljs cannot load, as exceljs reads the same cells', async () => {
    const plain = await readWorkbookGridExceljs(fixture('openpyxl-plain.xlsx'));
    await expect(readWorkbookGridExceljs(fixture('openpyxl-features.xlsx'))).rejects.toThrow();
    expect(await readWorkbookGrid(fixture('openpyxl-features.xlsx'))).toEqual(plain);
    expect(await readWorkbookGrid(fixture('openpyxl-macro.xlsm'))).toEqual(plain);
    expect(await readWorkbookGrid(fixture('openpyxl-plain.xlsx'))).toEqual(plain);
  });

  it('reads hidden and protected sheets, merged cells, dates, percentages and inline strings', async () => {
    const g = await readWorkbookGrid(fixture('openpyxl-features.xlsx'));
    expect(g.sheets.map((s) => [s.sheet, s.hidden ?? false])).toEqual([['项目表', false], ['下拉选项', true], ['锁定表', false]]);
    const s = g.sheets[0];
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(s.values[0][0]).toBe('项目支出绩效自评表');
    expect(s.values[3][3]).toBe(0.9881);
    expect(s.formats?.[3][3]).toBe('0.00%');
    expect(s.formulas?.[6][5]).toBe('=SUM(F3:F6)');
    expect(s.values[7][1]).toBe(45366);
    expect(s.values[7][3]).toBe('a & b < c > "d"');
    expect(s.values[8][0]).toBe('=1+1 写成文字');
    expect(g.sheets[2].values).toEqual([[12345.678]]);
  });

  it.each(['openpyxl-features.xlsx', 'openpyxl-macro.xlsm'])('%s: after writing cells only the written sheet and the styles change', async (name) => {
    const input = fixture(name);
    const out = await applyCellWrites(input, WRITES);
    // openpyxl already asks for fullCalcOnLoad, so its workbook part stays as it was
    expect(changedParts(input, out)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect(Object.keys(parts(out))).toEqual(Object.keys(parts(input)));
    expect(text(parts(out)['xl/workbook.xml'])).toMatch(/fullCalcOnLoad="1"/);

    // validation, conditional formats, protection, drawings, print settings: all outside sheetData, all kept
    const outside = (xml: string): string[] => [xml.slice(0, xml.indexOf('<sheetData')), xml.slice(xml.indexOf('</sheetData>'))];
    const sheetIn = text(parts(input)['xl/worksheets/sheet1.xml']);
    const sheetOut = text(parts(out)['xl/worksheets/sheet1.xml']);
    expect(outside(sheetOut)).toEqual(outside(sheetIn));
    expect(outside(sheetIn)[1]).toMatch(/<dataValidations[\s\S]*<drawing /);
    const before = cellTexts(text(parts(input)['xl/worksheets/sheet1.xml']));
    const after = cellTexts(text(parts(out)['xl/worksheets/sheet1.xml']));
    const written = new Set(['4,5', '3,5', '11,6', '6,5']); // F7 = SUM(F3:F6) reads written cells
    for (const [k, v] of before) if (!written.has(k)) expect(after.get(k)).toBe(v);
    expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual(['11,6', '4,5']);
    expect(after.get('11,6')).not.toMatch(/<f>/);

    const g = (await readWorkbookGrid(out)).sheets[0];
    const orig = (await readWorkbookGrid(input)).sheets[0];
    expect(g.values[4][5]).toBe(9.2);
    expect(g.values[3][5]).toBe(9.5);
    expect(g.formats?.[3][5]).toBe('0.00');
    expect(g.values[11][6]).toBe('=1+1 仍是文字 & <b>');
    expect(g.formulas?.[11]?.[6] ?? null).toBeNull();
    expect(g.values[6][5]).toBe(38.7);
    // every cell not written reads as before
    orig.values.forEach((row, r) => row.forEach((v, c) => {
      if (!(r === 4 && c === 5) && !(r === 3 && c === 5) && !(r === 6 && c === 5)) expect([r, c, g.values[r][c]]).toEqual([r, c, v]);
    }));
  });

  it('keeps the .xlsm macro-enabled with its VBA project and custom properties', async () => {
    const input = fixture('openpyxl-macro.xlsm');
    const out = parts(await applyCellWrites(input, WRITES));
    const inp = parts(input);
    expect(out['xl/vbaProject.bin']).toEqual(inp['xl/vbaProject.bin']);
    expect(text(out['[Content_Types].xml'])).toMatch(/macroEnabled\.main\+xml/);
    expect(text(out['xl/_rels/workbook.xml.rels'])).toMatch(/vbaProject/);
    expect(out['docProps/custom.xml']).toEqual(inp['docProps/custom.xml']);
  });

  it('fills the forms of a workbook openpyxl saved with a chart and an image, changing only the filled sheet', async () => {
    const input = fixture('sample-openpyxl.xlsx');
    const grid = await readWorkbookGrid(input);
    const result = checkWorkbook(grid, {});
    expect(result.forms.length).toBeGreaterThan(0);
    expect(result.fillPlan.cells.length).toBeGreaterThan(0);
    const out = await applyFillPlan(input, result.fillPlan);
    const sheets = new Set(result.fillPlan.cells.map((c) => c.sheet));
    const names = (await readWorkbookGrid(input)).sheets.map((s) => s.sheet);
    const sheetParts = [...sheets].map((s) => `xl/worksheets/sheet${names.indexOf(s) + 1}.xml`);
    const allowed = new Set(['xl/styles.xml', 'xl/workbook.xml', ...sheetParts]);
    const changed = changedParts(input, out);
    expect(changed.filter((p) => !allowed.has(p))).toEqual([]);
    expect(changed.length).toBeGreaterThan(0);
    expect(text(parts(out)['xl/workbook.xml'])).toMatch(/fullCalcOnLoad="1"/);
    const again = checkWorkbook(await readWorkbookGrid(out), {});
    expect(again.fillPlan.cells.filter((c) => c.reason !== 'note').length).toBe(0);
  });
});
