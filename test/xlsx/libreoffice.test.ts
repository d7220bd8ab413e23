import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { readWorkbookGridExceljs } from '../../src/xlsx/exceljs-read';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyCellWrites } from '../../src/xlsx/write';

// made by scripts/make-xlsx-libreoffice.sh (LibreOffice Calc saving the openpyxl workbook with a chart, an image, a
// comment and custom properties); committed so that the tests need no LibreOffice
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'xlsx', name)));

function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  const names = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...names].filter((n) => !pa[n] || !pb[n] || Buffer.compare(Buffer.from(pa[n]), Buffer.from(pb[n])) !== 0).sort();
}

describe('a workbook saved by LibreOffice with a chart, a comment and custom properties', () => {
  it('reads as the exceljs reader reads it, and as openpyxl wrote the same cells', async () => {
    const input = fixture('libreoffice-features.xlsx');
    const ours = await readWorkbookGrid(input);
    expect(ours).toEqual(await readWorkbookGridExceljs(input));
    // openpyxl stores formulas without a cached result; LibreOffice computed and stored them, and it writes a
    // boolean as the formula =TRUE() with its result: the same formulas otherwise, every other cell the same value
    const plain = await readWorkbookGrid(fixture('openpyxl-plain.xlsx'));
    const formulas = (g: typeof ours): unknown[] =>
      g.sheets.map((s) => s.formulas?.map((row) => row.map((f) => (f === '=TRUE()' || f === '=FALSE()' ? null : f))));
    expect(formulas(ours)).toEqual(formulas(plain));
    const masked = (g: typeof ours): unknown[] =>
      g.sheets.map((s, i) => s.values.map((row, r) => row.map((v, c) => (plain.sheets[i].formulas?.[r][c] ? 'formula' : v))));
    expect(masked(ours)).toEqual(masked(plain));
    expect(ours.sheets[0].values[6][5]).toBe(29.88);
  });

  it('after writing cells on one sheet, the chart, the comment and the custom properties are byte-identical', async () => {
    const input = fixture('libreoffice-features.xlsx');
    const out = await applyCellWrites(input, [
      { sheet: '项目表', cell: 'F5', value: 9.2 },
      { sheet: '项目表', cell: 'F4', value: 9.5, numberFormat: '0.00' },
      { sheet: '项目表', cell: 'G12', value: '=1+1 仍是文字' },
    ]);
    const changed = changedParts(input, out);
    expect(changed.filter((p) => !['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml'].includes(p))).toEqual([]);
    expect(changed).toContain('xl/worksheets/sheet1.xml');
    const inp = unzipSync(input);
    const o = unzipSync(out);
    expect(Object.keys(o).sort()).toEqual(Object.keys(inp).sort());
    for (const p of ['xl/charts/chart1.xml', 'xl/comments1.xml', 'docProps/custom.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png']) {
      expect([p, Buffer.from(o[p]).equals(Buffer.from(inp[p]))]).toEqual([p, true]);
    }
    const g = (await readWorkbookGrid(out)).sheets[0];
    expect(g.values[4][5]).toBe(9.2);
    expect(g.values[3][5]).toBe(9.5);
    expect(g.formats?.[3][5]).toBe('0.00');
    expect(g.values[11][6]).toBe('=1+1 仍是文字');
    expect(g.formulas?.[11]?.[6] ?? null).toBeNull();
  });
});
