import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { readWorkbookGridExceljs } from '../../src/xlsx/exceljs-read';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyCellWrites } from '../../src/xlsx/write';

// SheetJS (the npm `xlsx` package) writes its own package layout: no calcChain, docProps as it likes, comments as
// legacy VML drawings, its own shared-strings order
function sheetjsWorkbook(): Uint8Array {
  const ws: XLSX.WorkSheet = XLSX.utils.aoa_to_sheet([
    ['项目支出绩效自评表', null, null, null],
    ['指标', '年度指标值', '实际完成值', '得分'],
    ['培训人次', '≥100人次', 120, 10],
    ['满意度', '≥90%', 0.955, 9.5],
    ['合计', null, null, null],
    ['日期', null, new Date(Date.UTC(2024, 2, 15)), 'a & b < c > "d"'],
  ]);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }];
  ws.C4.z = '0.00%';
  ws.D5 = { t: 'n', v: 19.5, f: 'SUM(D3:D4)' };
  ws.C6.z = 'yyyy-mm-dd';
  ws.A3.c = [{ a: '审核人', t: '人次以签到表为准' }];
  const hidden = XLSX.utils.aoa_to_sheet([['是'], ['否']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '项目表');
  XLSX.utils.book_append_sheet(wb, hidden, '下拉选项');
  wb.Workbook = { Sheets: [{ name: '项目表', Hidden: 0 }, { name: '下拉选项', Hidden: 1 }] };
  wb.Props = { Title: '自评表', Author: 'SheetJS' };
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: false, bookSST: true }) as Buffer);
}

function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  const names = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...names].filter((n) => !pa[n] || !pb[n] || Buffer.compare(Buffer.from(pa[n]), Buffer.from(pb[n])) !== 0).sort();
}

describe('workbooks written by SheetJS', () => {
  it('reads as the exceljs reader reads the same file', async () => {
    const input = sheetjsWorkbook();
    const ours = await readWorkbookGrid(input);
    expect(ours).toEqual(await readWorkbookGridExceljs(input));
    expect(ours.sheets.map((s) => [s.sheet, s.hidden ?? false])).toEqual([['项目表', false], ['下拉选项', true]]);
    const s = ours.sheets[0];
    expect(s.values[3][2]).toBe(0.955);
    expect(s.formats?.[3][2]).toBe('0.00%');
    expect(s.formulas?.[4][3]).toBe('=SUM(D3:D4)');
    expect(s.values[5][3]).toBe('a & b < c > "d"');
  });

  it('after writing cells, only the written sheet, the styles and the workbook part change; the comment stays', async () => {
    const input = sheetjsWorkbook();
    const out = await applyCellWrites(input, [
      { sheet: '项目表', cell: 'D3', value: 9 },
      { sheet: '项目表', cell: 'E4', value: 0.5, numberFormat: '0.0%' },
    ]);
    const changed = changedParts(input, out);
    expect(changed.filter((p) => !['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml'].includes(p))).toEqual([]);
    expect(changed).toContain('xl/worksheets/sheet1.xml');
    expect(Object.keys(unzipSync(out)).sort()).toEqual(Object.keys(unzipSync(input)).sort());
    expect(Object.keys(unzipSync(input)).some((p) => /comments/.test(p))).toBe(true);
    const g = (await readWorkbookGrid(out)).sheets[0];
    expect(g.values[2][3]).toBe(9);
    expect(g.values[3][4]).toBe(0.5);
    expect(g.formats?.[3][4]).toBe('0.0%');
    expect(await readWorkbookGrid(out)).toEqual(await readWorkbookGridExceljs(out));
  });
});
