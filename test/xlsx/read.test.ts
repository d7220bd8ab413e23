import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { GridView, parseA1, parseRangeA1 } from '../../src/core/grid';
import { readWorkbookGrid, XlsxReadError } from '../../src/xlsx/read';
import { minimalBook, storedZip } from './zip';
import { SEED_PRESENT, SEED_XLSX } from '../helpers/shared';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function gridOfBook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<SheetGrid> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('表1'), wb);
  const g = await readWorkbookGrid(await bytesOf(wb));
  return g.sheets[0];
}

function at(g: SheetGrid, a1: string): CellValue {
  return new GridView(g).raw(parseA1(a1).row, parseA1(a1).col);
}

describe('readWorkbookGrid', () => {
  it.each<[string, unknown, CellValue]>([
    ['a number', 57001300, 57001300],
    ['a decimal', 56322477.69, 56322477.69],
    ['a string', '年度指标值', '年度指标值'],
    ['text with thousands separators', '16,221,100', '16,221,100'],
    ['text that looks like a formula', '=1+1', '=1+1'],
    ['HTML left over from web export', '<p>上海超算<b>中心</b></p>', '<p>上海超算<b>中心</b></p>'],
    ['a boolean', true, true],
    ['rich text', { richText: [{ text: '服务' }, { font: { bold: true }, text: '满意度' }] }, '服务满意度'],
    ['a hyperlink', { text: '项目公示', hyperlink: 'https://example.org/x' }, '项目公示'],
    ['an Excel error', { error: '#N/A' }, { kind: 'error', code: '#N/A' }],
    ['a formula error result', { formula: 'E6/D6', result: { error: '#DIV/0!' } }, { kind: 'error', code: '#DIV/0!' }],
    ['a formula number result', { formula: 'E6/D6', result: 0.9881 }, 0.9881],
    ['a formula text result', { formula: '"前"&"三名"', result: '前三名' }, '前三名'],
    ['a date (as Excel serial)', new Date(Date.UTC(2021, 11, 31)), 44561],
    ['a date and time (as Excel serial)', new Date(Date.UTC(2021, 11, 31, 12)), 44561.5],
  ])('reads %s', async (_name, input, expected) => {
    const g = await gridOfBook((ws) => {
      ws.getCell('A1').value = 'x';
      ws.getCell('B2').value = input as ExcelJS.CellValue;
    });
    expect(at(g, 'B2')).toEqual(expected);
  });

  it('keeps a merged area value only in its top-left cell and lists the merge', async () => {
    const g = await gridOfBook((ws) => {
      ws.getCell('A5').value = '项目资金 (元)';
      ws.mergeCells('A5:A9');
      ws.getCell('H6').value = 9.88;
      ws.mergeCells('H6:I6');
    });
    expect(at(g, 'A5')).toBe('项目资金 (元)');
    for (const a of ['A6', 'A7', 'A8', 'A9']) expect(at(g, a)).toBeNull();
    expect(at(g, 'I6')).toBeNull();
    expect(g.merges).toEqual(expect.arrayContaining([parseRangeA1('A5:A9'), parseRangeA1('H6:I6')]));
    expect(new GridView(g).value(8, 0)).toBe('项目资金 (元)');
  });

  it('keeps number formats: percentages as fractions with their format', async () => {
    const g = await gridOfBook((ws) => {
      ws.getCell('G6').value = 0.9881;
      ws.getCell('G6').numFmt = '0.00%';
      ws.getCell('C6').value = 63430000;
      ws.getCell('C6').numFmt = '#,##0.00';
      ws.getCell('F6').value = 10;
      ws.getCell('H7').numFmt = '0.00';
      ws.getCell('I8').value = '—';
    });
    const v = new GridView(g);
    expect(v.value(5, 6)).toBe(0.9881);
    expect(v.format(5, 6)).toBe('0.00%');
    expect(v.format(5, 2)).toBe('#,##0.00');
    expect(v.format(5, 5)).toBeNull();
    // a formatted empty cell inside the used area keeps its format
    expect(v.value(6, 7)).toBeNull();
    expect(v.format(6, 7)).toBe('0.00');
  });

  it('gives formulas as text with = and their cached results as values, shared formulas translated', async () => {
    const g = await gridOfBook((ws) => {
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('B1').value = { formula: 'A1*10', result: 10, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('C1').value = { formula: 'SUM(B1:B2)', result: 30 };
    });
    const v = new GridView(g);
    expect([v.value(0, 1), v.value(1, 1), v.value(0, 2)]).toEqual([10, 20, 30]);
    expect([v.formula(0, 1), v.formula(1, 1), v.formula(0, 2)]).toEqual(['=A1*10', '=A2*10', '=SUM(B1:B2)']);
    expect(v.formula(0, 0)).toBeNull();
  });

  it('sets the origin at the first used cell and reads absolute positions', async () => {
    const g = await gridOfBook((ws) => {
      ws.getCell('C3').value = '财政项目支出绩效自评表';
      ws.mergeCells('C3:K3');
      ws.getCell('D7').value = 5;
    });
    expect(g.origin).toEqual({ row: 2, col: 2 });
    expect(at(g, 'C3')).toBe('财政项目支出绩效自评表');
    expect(at(g, 'D7')).toBe(5);
    // the merged title widens the range by its top-left cell only; the area itself is kept whole (decision 139)
    const v = new GridView(g);
    expect([v.bottom, v.right]).toEqual([6, 3]);
    expect(g.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 10 }]);
  });

  it('reads a sheet with a whole column merged (B1:B1048576) as its cells, not as a sheet too large to check', async () => {
    // written by hand: exceljs makes an object for each of the million merged cells
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const g = (await readWorkbookGrid(minimalBook(`<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row><row r="30"><c r="A30"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B1:B1048576"/></mergeCells></worksheet>`))).sheets[0];
    expect([g.values.length, g.values[0].length]).toEqual([30, 2]);
    expect(g.merges).toEqual([{ top: 0, left: 1, bottom: 1048575, right: 1 }]);
  });

  it('reads every worksheet in order, an empty one as an empty grid at A1', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('甲').getCell('A1').value = 1;
    wb.addWorksheet('空');
    wb.addWorksheet('乙').getCell('B2').value = 2;
    const g = await readWorkbookGrid(await bytesOf(wb));
    expect(g.sheets.map((s) => s.sheet)).toEqual(['甲', '空', '乙']);
    expect(g.sheets[1]).toMatchObject({ origin: { row: 0, col: 0 }, values: [], merges: [] });
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = '得分';
    const bytes = await bytesOf(wb);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readWorkbookGrid(ab)).sheets[0].values).toEqual([['得分']]);
  });

  /**
   * The shape of a password-encrypted .xlsx as Excel writes it: an OLE compound file whose directory names the
   * streams EncryptionInfo and EncryptedPackage (UTF-16LE names in 128-byte entries after a 512-byte header).
   */
  function encryptedLike(): Uint8Array {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    const entry = (name: string, at: number) => Array.from(name).forEach((ch, i) => { b[at + 2 * i] = ch.charCodeAt(0); });
    entry('Root Entry', 1024);
    entry('EncryptionInfo', 1024 + 128);
    entry('EncryptedPackage', 1024 + 256);
    return b;
  }

  describe('unreadable input throws XlsxReadError with a Chinese message', () => {
    it.each<[string, () => Promise<Uint8Array>, string]>([
      ['plain text', async () => new TextEncoder().encode('项目名称,得分\n'), 'notXlsx'],
      ['a CSV saved with an .xlsx name', async () => new TextEncoder().encode('\ufeff项目名称,年度指标值,实际完成值\r\n测试,>=65场,65\r\n'), 'notXlsx'],
      ['an empty file', async () => new Uint8Array(0), 'empty'],
      ['an old .xls (OLE) header', async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls'],
      ['an .xlsx encrypted with a password (an OLE file with an EncryptionInfo stream)', async () => encryptedLike(), 'encrypted'],
      ['a zip that is not a workbook', async () => storedZip({ 'readme.txt': 'hello' }), 'noSheets'],
      ['a truncated xlsx', async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('S').getCell('A1').value = 1;
        const b = await bytesOf(wb);
        return b.subarray(0, Math.floor(b.length / 2));
      }, 'corrupt'],
      ['a garbled xlsx', async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('S').getCell('A1').value = 1;
        const b = await bytesOf(wb);
        for (let i = 200; i < b.length - 200; i += 7) b[i] ^= 0x5a;
        return b;
      }, 'corrupt'],
    ])('%s', async (_name, make, kind) => {
      const data = await make();
      const err = await readWorkbookGrid(data).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(XlsxReadError);
      expect((err as XlsxReadError).kind).toBe(kind);
      expect((err as XlsxReadError).message).toMatch(/[\u4e00-\u9fff]/);
      expect((err as XlsxReadError).messageEn).toMatch(/[A-Za-z]/);
      expect((err as XlsxReadError).message).toMatch({ empty: /空/, xls: /\.xls.*另存为/, encrypted: /密码/, notXlsx: /另存为/, corrupt: /损坏/, noSheets: /没有工作表/ }[kind] ?? /./);
    });
  });

  const seed = SEED_XLSX;
  const seedIt = SEED_PRESENT ? it : it.skip;
  if (!SEED_PRESENT) console.warn(`跳过 seed 测试: ${seed} 不存在 (../shared is absent)`);
  seedIt('reads the published 2021 forms as Excel shows them', async () => {
    const g = await readWorkbookGrid(fs.readFileSync(seed));
    expect(g.sheets).toHaveLength(5);
    const s = g.sheets.find((x) => x.sheet === '综合部门');
    expect(s).toBeDefined();
    const v = new GridView(s as SheetGrid);
    const cell = (a1: string): CellValue => v.value(parseA1(a1).row, parseA1(a1).col);
    expect(cell('B3')).toBe('综合部门重点工作');
    expect(cell('E6')).toBe(56322477.69);
    expect(v.format(5, 6)).toBe('0.00%');
    expect(cell('G6')).toBe(0.9881);
    expect(cell('I6')).toBe(9.88); // merged H6:I6 resolves to H6
    expect(v.raw(5, 8)).toBeNull();
    expect(cell('H29')).toBe(99.88);
    expect(cell('E13')).toBe('>=65场');
  });
});
