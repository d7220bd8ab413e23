import ExcelJS from 'exceljs';
import { readWorkbook, readWorkbookGrid, XlsxReadError, type SheetProblem } from '../../src/xlsx/read';
import { openZip, rewriteZip } from '../../src/xlsx/zip';
import { bytesOf, declare, refusal, twoSheets } from './zip-bombs';

describe('compression bombs are refused before or while inflating', () => {
  it('refuses a sheet part that declares more than the per-part limit, without inflating it', async () => {
    const bomb = declare(await twoSheets(), 'xl/worksheets/sheet1.xml', 2 ** 31);
    const e = refusal(() => readWorkbook(bomb));
    expect(e.kind).toBe('tooLarge');
    expect(e.message).toMatch(/^工作簿解压后过大/);
    expect(e.message).toMatch(/上限 256 MB/);
    expect(e.message).toMatch(/--max-size/);
    expect(e.messageEn).toMatch(/too large/);
  });

  it('refuses parts that together declare more than the total limit, each under the per-part limit', async () => {
    let data = declare(await twoSheets(), 'xl/worksheets/sheet1.xml', 200 * 1024 * 1024);
    data = declare(data, 'xl/worksheets/sheet2.xml', 200 * 1024 * 1024);
    data = declare(data, 'xl/sharedstrings.xml', 200 * 1024 * 1024);
    const e = refusal(() => readWorkbook(data));
    expect(e.kind).toBe('tooLarge');
    expect(e.message).toMatch(/上限 512 MB/);
  });

  it('never inflates a part the workbook does not reference', async () => {
    // an unreferenced part that declares 4 GB − 1 (past every limit) is not even looked at
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('甲').getCell('A1').value = 1;
    const data = declare(await bytesOf(wb), 'docprops/app.xml', 0xfffffffe);
    expect(readWorkbook(data).grid.sheets[0].values).toEqual([[1]]);
  });

  it('reads past the defaults when the limits are raised (--max-size)', async () => {
    const data = await twoSheets();
    expect(readWorkbook(data, { limits: { part: 10 * 1024 * 1024, total: 20 * 1024 * 1024 } }).grid.sheets).toHaveLength(2);
    expect(refusal(() => readWorkbook(data, { limits: { part: 100, total: 1000 } })).kind).toBe('tooLarge');
  });
});

describe('huge sheets and missing sheet parts', () => {
  it('refuses a sheet whose used range passes the cell limit, names it and gives the limit; reads the others', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('小表').getCell('A1').value = 1;
    const big = wb.addWorksheet('大表');
    big.getCell('A1').value = 1;
    big.getCell('J20').value = 2;
    const { grid, problems } = readWorkbook(await bytesOf(wb), { maxCells: 100 });
    expect(grid.sheets.map((s) => s.sheet)).toEqual(['小表']);
    expect(problems).toEqual<SheetProblem[]>([{ sheet: '大表', kind: 'tooLarge', cells: 200, limit: 100 }]);
  });

  it('does not count formatted empty rows as cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = 1;
    ws.getCell('B2').value = 2;
    for (let r = 3; r <= 3000; r++) ws.getCell(r, 1).numFmt = '0.00';
    const { grid, problems } = readWorkbook(await bytesOf(wb), { maxCells: 100 });
    expect(problems).toEqual([]);
    expect(grid.sheets[0].values).toEqual([[1, null], [null, 2]]);
  });

  it('says which sheet could not be read when its part is missing from the package', async () => {
    const data = await twoSheets();
    const zip = openZip(data);
    const part = zip.byName.get('xl/worksheets/sheet2.xml');
    if (!part) throw new Error('sheet2');
    const broken = rewriteZip(zip, new Map(), new Set([part]));
    const { grid, problems } = readWorkbook(broken);
    expect(grid.sheets.map((s) => s.sheet)).toEqual(['甲']);
    expect(problems).toEqual([{ sheet: '乙', kind: 'missing' }]);
    await expect(readWorkbookGrid(broken)).rejects.toBeInstanceOf(XlsxReadError);
  });
});
