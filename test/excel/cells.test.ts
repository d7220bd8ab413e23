import { asText, bySheet, queueCells, runs } from '../../src/excel/cells';
import { cellAt, emuFromGrids } from '../../src/workbench/emulator';
import { gridOf } from '../fixtures/grid';
import { inBatch } from './emu-batch';

describe('runs', () => {
  it('groups the cells of one column that follow each other, column by column', () => {
    const cells = [{ row: 3, col: 1 }, { row: 1, col: 1 }, { row: 2, col: 1 }, { row: 5, col: 1 }, { row: 2, col: 0 }];
    expect(runs(cells)).toEqual([[{ row: 2, col: 0 }], [{ row: 1, col: 1 }, { row: 2, col: 1 }, { row: 3, col: 1 }], [{ row: 5, col: 1 }]]);
    expect(runs([])).toEqual([]);
  });

  it('bySheet keeps the order of each sheet\'s cells', () => {
    const m = bySheet([{ sheet: 'a', n: 1 }, { sheet: 'b', n: 2 }, { sheet: 'a', n: 3 }]);
    expect([...m].map(([k, v]) => [k, v.map((x) => x.n)])).toEqual([['a', [1, 3]], ['b', [2]]]);
  });
});

describe('queueCells', () => {
  it('writes each column run as one range: values, formulas and formats; a null format leaves the cell\'s', async () => {
    const emu = emuFromGrids([gridOf([[1, 2], [3, 4], [5, 6]], { sheet: 'S', formats: { A1: '0.00' } })]);
    const ranges: number[][] = [];
    await inBatch(emu, async (b) => {
      const ws = b.ctx.workbook.worksheets.getItem('S');
      const byIndexes = ws.getRangeByIndexes.bind(ws);
      ws.getRangeByIndexes = (...a) => { ranges.push(a); return byIndexes(...a); };
      queueCells(ws, [
        { row: 0, col: 0, value: 10, formula: null, numberFormat: null },
        { row: 1, col: 0, value: null, formula: '=A1*2', numberFormat: '0%' },
        { row: 2, col: 1, value: '=not a formula', formula: null, numberFormat: null },
      ]);
      await b.syncs.write();
    });
    expect(ranges).toEqual([[0, 0, 2, 1], [2, 1, 1, 1]]);
    expect(cellAt(emu, 'S', 'A1')).toMatchObject({ value: 10, formula: null, numberFormat: '0.00' });
    expect(cellAt(emu, 'S', 'A2')).toMatchObject({ value: 20, formula: '=A1*2', numberFormat: '0%' });
    expect(cellAt(emu, 'S', 'B3')).toMatchObject({ value: '=not a formula', formula: null, quotePrefix: true });
    expect(cellAt(emu, 'S', 'A3').value).toBe(5);
  });

  it('asText quotes what Excel would convert and leaves CJK text alone', () => {
    expect(['12', '=1', 'TRUE', 'May 5', '说明', ''].map(asText)).toEqual(["'12", "'=1", "'TRUE", "'May 5", '说明', '']);
  });
});
