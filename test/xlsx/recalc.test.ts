import ExcelJS from 'exceljs';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyCellWrites } from '../../src/xlsx/write';
import type { CellValue } from '../../src/core/grid';

type Setup = Record<string, ExcelJS.CellValue>;

/** Writes `writes` into a one-sheet workbook built from `setup`, and returns what a reader sees at `cells`. */
async function afterWrite(setup: Setup, writes: Record<string, number | string | null>, cells: string[], other?: Setup): Promise<CellValue[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  for (const [a1, v] of Object.entries(setup)) ws.getCell(a1).value = v;
  if (other) {
    const o = wb.addWorksheet('T');
    for (const [a1, v] of Object.entries(other)) o.getCell(a1).value = v;
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const out = await applyCellWrites(bytes, Object.entries(writes).map(([cell, value]) => ({ sheet: 'S', cell, value })));
  const g = (await readWorkbookGrid(out)).sheets[0];
  return cells.map((a1) => {
    const row = Number(/\d+/.exec(a1)?.[0]) - 1 - g.origin.row;
    const col = a1.charCodeAt(0) - 65 - g.origin.col;
    return g.values[row]?.[col] ?? null;
  });
}

const f = (formula: string, result: number): ExcelJS.CellFormulaValue => ({ formula, result }) as ExcelJS.CellFormulaValue;

describe('cached results of formulas that read written cells', () => {
  it('a SUM 总分 over filled scores reads the new sum, as Excel will show it', async () => {
    const setup: Setup = { A1: 10, A2: null, A3: 20, A4: f('SUM(A1:A3)', 30) };
    expect(await afterWrite(setup, { A2: 16.5 }, ['A4'])).toEqual([46.5]);
  });

  it.each<[string, Setup, Record<string, number>, string, CellValue]>([
    ['a funds score plus a SUM', { A1: 9.88, B1: 5, B2: 5, C1: f('A1+SUM(B1:B2)', 19.88) }, { B2: 4 }, 'C1', 18.88],
    ['a chain of formulas', { A1: 1, A2: f('A1*2', 2), A3: f('A2+1', 3) }, { A1: 5 }, 'A3', 11],
    ['ROUND and ROUNDUP', { A1: 2, A2: 3, A3: f('ROUNDUP(A1/A2,4)', 0.6667), A4: f('ROUND(A1/A2*10,2)', 6.67) }, { A1: 1 }, 'A3', 0.3334],
    ['text inside a SUM range is skipped, as Excel does', { A1: '小计', A2: 3, A3: f('SUM(A1:A2)', 3) }, { A2: 4 }, 'A3', 4],
    ['absolute references', { A1: 1, A2: 2, A3: f('$A$1+A$2', 3) }, { A1: 10 }, 'A3', 12],
    ['MIN and MAX', { A1: 0.9, A2: f('MIN(A1,1)*10', 9) }, { A1: 1.2 }, 'A2', 10],
  ])('%s', async (_name, setup, writes, cell, expected) => {
    expect(await afterWrite(setup, writes, [cell])).toEqual([expected]);
  });

  it.each<[string, Setup, Setup | undefined]>([
    ['a function it does not know', { A1: 1, A2: f('SUMPRODUCT(A1:A1,A1:A1)', 1) }, undefined],
    ['a reference to another sheet', { A1: 1, A2: f('A1+T!A1', 8) }, { A1: 7 }],
    ['a division by zero', { A1: 1, B1: 0, A2: f('A1/B1', 1) }, undefined],
    ['text in arithmetic', { A1: 1, B1: '无', A2: f('A1+B1', 1) }, undefined],
  ])('keeps the cached result of %s (Excel recalculates it on open)', async (_name, setup, other) => {
    const before = (setup.A2 as { result: number }).result;
    expect(await afterWrite(setup, { A1: 2 }, ['A2'], other)).toEqual([before]);
  });

  it('leaves formulas that do not read a written cell alone', async () => {
    expect(await afterWrite({ A1: 1, B1: 2, B2: f('B1*2', 5) }, { A1: 3 }, ['B2'])).toEqual([5]);
  });
});
