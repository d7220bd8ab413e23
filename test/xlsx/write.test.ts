import ExcelJS from 'exceljs';
import type { FillCell, FillPlan, FillReason } from '../../src/core/model';
import { applyCellWrites, applyFillPlan, XlsxWriteError } from '../../src/xlsx/write';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildSampleWorkbook } from '../bench/sample';
import { changedCells, snapshotOf } from '../fixtures/xlsx';
import { zipEntry } from './zip';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** The `<c r="…">` element of a cell in the first sheet's XML. */
function cellXml(xlsx: Uint8Array, a1: string): string {
  const xml = zipEntry(xlsx, 'xl/worksheets/sheet1.xml') ?? '';
  const m = new RegExp(`<c r="${a1}"[^>]*?(/>|>.*?</c>)`).exec(xml);
  return m ? m[0] : '';
}

function fillPlan(cells: Omit<FillCell, 'row' | 'col' | 'exact'>[]): FillPlan {
  const counts: Record<FillReason, number> = { score: 0, rate: 0, fundsScore: 0, total: 0, note: 0, overwriteScore: 0 };
  for (const c of cells) counts[c.reason] += 1;
  return { cells: cells.map((c) => ({ ...c, row: 0, col: 0, exact: null })), counts };
}

describe('applyCellWrites', () => {
  it.each(['=1+1', '=SUM(A1:A3)', '+8613800000000', '-5', '-', '@SUM(A1)', '=HYPERLINK("http://x","y")'])(
    'writes %p as text, never as a formula', async (text) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('S').getCell('A1').value = 1;
      const out = await applyCellWrites(await bytesOf(wb), [{ sheet: 'S', cell: 'B2', value: text }]);
      const xml = cellXml(out, 'B2');
      expect(xml).toMatch(/t="s"/);
      expect(xml).not.toMatch(/<f>/);
      const c = (await load(out)).getWorksheet('S')?.getCell('B2');
      expect(c?.type).toBe(ExcelJS.ValueType.String);
      expect(c?.value).toBe(text);
      expect((await readWorkbookGrid(out)).sheets[0].formulas).toBeUndefined();
    });

  it('writes numbers as numbers with an optional format, and null clears', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'old';
    ws.getCell('C3').value = 0.5;
    ws.getCell('C3').numFmt = '0.0%';
    const out = await applyCellWrites(await bytesOf(wb), [
      { sheet: 'S', cell: 'B2', value: 9.88 },
      { sheet: 'S', cell: 'B3', value: 0.9881, numberFormat: '0.00%' },
      { sheet: 'S', cell: 'C3', value: 0.25, numberFormat: null },
      { sheet: 'S', cell: 'A1', value: null },
    ]);
    expect(cellXml(out, 'B2')).toMatch(/<v>9\.88<\/v>/);
    expect(cellXml(out, 'B2')).not.toMatch(/t="/);
    const s = (await load(out)).getWorksheet('S');
    expect(s?.getCell('B3').value).toBe(0.9881);
    expect(s?.getCell('B3').numFmt).toBe('0.00%');
    expect(s?.getCell('C3').numFmt).toBe('0.0%');
    expect(s?.getCell('A1').value).toBeNull();
  });

  it('keeps every other cell, style, merge and column width of the sample workbook', async () => {
    const before = await bytesOf(buildSampleWorkbook());
    const writes = [
      { sheet: '城建项目', cell: 'H36', value: 20 },
      { sheet: '城建项目', cell: 'I13', value: '=实际完成 108,000（目标 ≥120,000）' },
      { sheet: '社区养老', cell: 'G6', value: 0.953, numberFormat: '0.00%' },
    ];
    const after = await applyCellWrites(before, writes);
    const a = await snapshotOf(before);
    const b = await snapshotOf(after);
    expect(changedCells(a, b)).toEqual(['城建项目!H36', '城建项目!I13', '社区养老!G6'].sort());
    expect(b.merges).toEqual(a.merges);
    expect(b.widths).toEqual(a.widths);
    expect([...b.cells.keys()].length).toBeGreaterThan(300);
  });

  it('writes into the top-left cell when given a cell inside a merged area', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('H6').value = null;
    ws.mergeCells('H6:I6');
    const out = await applyCellWrites(await bytesOf(wb), [{ sheet: 'S', cell: 'I6', value: 9.88 }]);
    const s = (await load(out)).getWorksheet('S');
    expect(s?.getCell('H6').value).toBe(9.88);
    expect(s?.model.merges).toEqual(['H6:I6']);
  });

  it('keeps the clones of a shared formula whose master is overwritten', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1*10', result: 10, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 } as ExcelJS.CellSharedFormulaValue;
    const out = await applyCellWrites(await bytesOf(wb), [{ sheet: 'S', cell: 'B1', value: 7 }]);
    const g = (await readWorkbookGrid(out)).sheets[0];
    expect(g.values).toEqual([[1, 7], [2, 20]]);
    expect(g.formulas?.[1][1]).toBe('=A2*10');
  });

  it('asks Excel to recalculate on open (a SUM 总分 depends on written scores)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const out = await applyCellWrites(await bytesOf(wb), [{ sheet: 'S', cell: 'A2', value: 2 }]);
    expect(zipEntry(out, 'xl/workbook.xml')).toMatch(/fullCalcOnLoad="1"/);
  });

  it.each([
    ['an unknown sheet', { sheet: '不存在', cell: 'A1', value: 1 }, 'noSheet', /找不到工作表/],
    ['a broken address', { sheet: 'S', cell: 'A0B', value: 1 }, 'badCell', /单元格地址无效/],
  ])('refuses %s and writes nothing', async (_name, write, kind, message) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const err = await applyCellWrites(await bytesOf(wb), [{ sheet: 'S', cell: 'A2', value: 2 }, write]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxWriteError);
    expect((err as XlsxWriteError).kind).toBe(kind);
    expect((err as XlsxWriteError).message).toMatch(message);
  });
});

describe('applyFillPlan', () => {
  async function book(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('G13').value = 5;
    ws.getCell('H14').value = 3;
    return bytesOf(wb);
  }

  it('writes the plan where cells still hold what was read', async () => {
    const out = await applyFillPlan(await book(), fillPlan([
      { sheet: '表', cell: 'H13', current: null, value: 5, numberFormat: null, reason: 'score' },
      { sheet: '表', cell: 'I13', current: null, value: '实际完成 80（目标 ≥100）。原因：（待填写）', numberFormat: null, reason: 'note' },
      { sheet: '表', cell: 'H14', current: 3, value: 4, numberFormat: '0.00', reason: 'overwriteScore' },
    ]));
    const s = (await readWorkbookGrid(out)).sheets[0];
    expect(s.values).toEqual([[5, 5, '实际完成 80（目标 ≥100）。原因：（待填写）'], [null, 4, null]]);
    expect(s.formats?.[1][1]).toBe('0.00');
  });

  it('refuses the whole plan when a cell changed since it was read', async () => {
    const err = await applyFillPlan(await book(), fillPlan([
      { sheet: '表', cell: 'H13', current: null, value: 5, numberFormat: null, reason: 'score' },
      { sheet: '表', cell: 'H14', current: null, value: 4, numberFormat: null, reason: 'score' },
    ])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxWriteError);
    expect((err as XlsxWriteError).kind).toBe('changed');
    expect((err as XlsxWriteError).cells).toEqual(['表!H14']);
    expect((err as XlsxWriteError).message).toMatch(/未写入任何内容/);
  });
});
