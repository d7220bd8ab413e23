import ExcelJS from 'exceljs';
import { openSheets, readWorkbook, readWorkbookGrid, XlsxReadError, type SheetProblem } from '../../src/xlsx/read';
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

describe('openSheets: the worksheets read one at a time', () => {
  async function firstMissing(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('甲').getCell('A1').value = 1;
    wb.addWorksheet('乙').getCell('B2').value = '文字';
    wb.addWorksheet('丙').getCell('C3').value = 3;
    const zip = openZip(await bytesOf(wb));
    const part = zip.byName.get('xl/worksheets/sheet2.xml');
    if (!part) throw new Error('sheet2');
    return rewriteZip(zip, new Map(), new Set([part]));
  }

  it('reads each sheet when the iteration reaches it, and gives what readWorkbook gives', async () => {
    const data = await firstMissing();
    const opened = openSheets(data);
    // nothing of the worksheets is read before the iteration: the missing one is not yet known
    expect(opened.problems).toEqual([]);
    expect(opened.count).toBe(0);
    const it = opened.sheets[Symbol.iterator]();
    expect(it.next().value?.sheet).toBe('甲');
    expect(opened.problems).toEqual([]);
    expect(opened.count).toBe(1);
    // the next step passes the missing sheet (a problem) and reads the third
    expect(it.next().value?.sheet).toBe('丙');
    expect(opened.problems).toEqual([{ sheet: '乙', kind: 'missing' }]);
    expect(it.next().done).toBe(true);
    expect(opened.count).toBe(2);
    const whole = readWorkbook(data);
    expect(whole.problems).toEqual(opened.problems);
    expect([...openSheets(data).sheets]).toEqual(whole.grid.sheets);
  });

  it('refuses a file that is no package at once, before any sheet is asked for', () => {
    expect(refusal(() => openSheets(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).kind).toBe('corrupt');
  });
});
