import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readWorkbookGridExceljs } from '../../src/xlsx/exceljs-read';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyCellWrites } from '../../src/xlsx/write';

// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

async function exceljsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目表');
  ws.addRows([['项目支出绩效自评表'], ['指标', '年度指标值', '实际完成值', '得分'], ['培训人次', '≥100人次', 120, 10], ['满意度', '≥90%', 0.955, 9.5]]);
  ws.mergeCells('A1:D1');
  ws.getCell('C4').numFmt = '0.00%';
  ws.getCell('D5').value = { formula: 'SUM(D3:D4)', result: 19.5 };
  ws.getCell('A3').note = '人次以签到表为准';
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'F2:G4');
  ws.getCell('D3').dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 10], allowBlank: true };
  const other = wb.addWorksheet('说明');
  other.getCell('A1').value = '另一张表';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  const names = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...names].filter((n) => !pa[n] || !pb[n] || Buffer.compare(Buffer.from(pa[n]), Buffer.from(pb[n])) !== 0).sort();
}

describe('workbooks written by exceljs with a comment and an image', () => {
  it('read as the exceljs reader reads them; after writing cells only the written sheet and the allowed parts change', async () => {
    const input = await exceljsWorkbook();
    const inp = unzipSync(input);
    expect(Object.keys(inp).some((p) => p.startsWith('xl/media/'))).toBe(true);
    expect(Object.keys(inp).some((p) => /comments/.test(p))).toBe(true);
    expect(await readWorkbookGrid(input)).toEqual(await readWorkbookGridExceljs(input));

    const out = await applyCellWrites(input, [
      { sheet: '项目表', cell: 'D3', value: 9 },
      { sheet: '项目表', cell: 'E4', value: '=1+1 仍是文字', numberFormat: '@' },
    ]);
    const changed = changedParts(input, out);
    expect(changed.filter((p) => !['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/calcChain.xml'].includes(p))).toEqual([]);
    expect(changed).toContain('xl/worksheets/sheet1.xml');
    const o = unzipSync(out);
    for (const p of Object.keys(inp).filter((x) => /media|comments|vml|drawing|sheet2/.test(x))) {
      expect([p, Buffer.from(o[p]).equals(Buffer.from(inp[p]))]).toEqual([p, true]);
    }
    const g = await readWorkbookGrid(out);
    expect(g).toEqual(await readWorkbookGridExceljs(out));
    expect(g.sheets[0].values[2][3]).toBe(9);
    expect(g.sheets[0].values[3][4]).toBe('=1+1 仍是文字');
    expect(g.sheets[0].formulas?.[3]?.[4] ?? null).toBeNull();
  });
});
