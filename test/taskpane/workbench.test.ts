import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/xlsx/exceljs-read';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { displayValue } from '../../src/workbench/format';
import { changedCells, instrument, openSession } from '../../src/workbench/session';
import { fakeHost, form, result } from '../fixtures/host';

describe('displayValue', () => {
  it.each([
    [0.98806, '0.00%', '98.81%'],
    [1, '0.00%', '100.00%'],
    [0.5, '0%', '50%'],
    [56322477.69, '#,##0.00', '56,322,477.69'],
    [16221100, '#,##0', '16,221,100'],
    [9.876, '0.00', '9.88'],
    [0.1 + 0.2, 'General', '0.3'],
    [99.88, 'General', '99.88'],
    ['<p>目标</p>', 'General', '<p>目标</p>'],
    [true, 'General', 'TRUE'],
  ] as const)('%j with %s → %s', (value, format, expected) => {
    expect(displayValue(value, format)).toBe(expected);
  });
});

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表一');
  ws.getCell('A1').value = '项目名称';
  ws.getCell('B1').value = '测试';
  ws.mergeCells('B1:D1');
  ws.getCell('E2').value = 5;
  ws.getCell('F2').value = { formula: 'E2*2', result: 10 };
  ws.getCell('G2').value = 0.5;
  ws.getCell('G2').numFmt = '0.00%';
  ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  wb.addWorksheet('隐藏').state = 'hidden';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('workbench session', () => {
  it('opens an .xlsx into the emulator with merges, formulas and fills', async () => {
    const s = await openSession('t.xlsx', await xlsx());
    const sheet = s.emu.sheet('表一')!;
    expect(sheet.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
    expect(sheet.get(1, 5)).toMatchObject({ value: 10, formula: '=E2*2' });
    expect(sheet.get(2, 0)?.fill).toBe('#FFC7CE');
    expect(s.emu.sheet('隐藏')!.visibility).toBe('Hidden');
    expect(changedCells(s)).toEqual([]);
  });

  it('opens, as the CLI reads it, a workbook exceljs refuses (openpyxl chart and image), without fill colours', async () => {
    const data = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'xlsx', 'openpyxl-features.xlsx')));
    await expect(loadWorkbook(data)).rejects.toThrow();
    const s = await openSession('openpyxl.xlsx', data);
    expect(s.original).toEqual(await readWorkbookGrid(data));
    expect(s.emu.sheets.map((x) => [x.name, x.visibility])).toEqual([['项目表', 'Visible'], ['下拉选项', 'Hidden'], ['锁定表', 'Visible']]);
    expect(s.emu.sheet('项目表')!.get(0, 0)?.value).toBe('项目支出绩效自评表');
    expect(changedCells(s)).toEqual([]);
  });

  it('refuses what the CLI refuses, with its Chinese message', async () => {
    await expect(openSession('x.xlsx', new TextEncoder().encode('a,b,c'))).rejects.toThrow(/不是 \.xlsx 工作簿/);
  });

  it('lists only the cells the emulator changed, leaving live formulas to Excel', async () => {
    const s = await openSession('t.xlsx', await xlsx());
    const sheet = s.emu.sheet('表一')!;
    sheet.cell(1, 4).value = 7; // E2: F2's formula recalculates, and must not be written as a constant
    s.emu.recalc();
    sheet.cell(4, 7).value = 9.5; // H5, new
    sheet.cell(1, 6).numberFormat = '0%'; // G2 format only
    sheet.cell(0, 1).value = '=危险'; // text that looks like a formula stays a value
    expect(changedCells(s)).toEqual([
      { sheet: '表一', cell: 'B1', value: '=危险', numberFormat: null },
      { sheet: '表一', cell: 'E2', value: 7, numberFormat: null },
      { sheet: '表一', cell: 'G2', value: 0.5, numberFormat: '0%' },
      { sheet: '表一', cell: 'H5', value: 9.5, numberFormat: null },
    ]);
  });

  it('measures the syncs each host operation made', async () => {
    const s = await openSession('t.xlsx', await xlsx());
    const ops: unknown[] = [];
    const host = fakeHost(result([form({ sheet: '表一' })]));
    const wrapped = instrument(
      { ...host, validate: async (r, p) => { s.emu.syncCount += 1; return host.validate(r, p); } },
      s.emu,
      (r) => ops.push(r),
    );
    await wrapped.validate({ allSheets: false, options: {}, mark: false, lang: 'zh-CN' });
    await wrapped.select('表一', 'A1');
    expect(ops).toEqual([
      { op: 'validate', syncs: 1, writeSyncs: 0, readSyncs: 1, ok: true },
      { op: 'select', syncs: 0, writeSyncs: 0, readSyncs: undefined, ok: true },
    ]);
  });
});
