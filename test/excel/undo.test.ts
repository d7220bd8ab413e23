import type { FillCell } from '../../src/core';
import { readWorkbook } from '../../src/excel/snapshot';
import { compensate, hasUndo, parseUndo, queueRestore, UNDO_KEY, undoCells, undoFill, type UndoRecord } from '../../src/excel/undo';
import { cellAt, emuFromGrids, type EmuWorkbook } from '../../src/workbench/emulator';
import { gridOf } from '../fixtures/grid';
import { inBatch } from './emu-batch';

const cell = (sheet: string, a1: string, row: number, col: number): FillCell => ({ sheet, cell: a1, row, col, current: null, value: 1, exact: '1', numberFormat: null, reason: 'score' });

function twoSheets(): EmuWorkbook {
  return emuFromGrids([
    gridOf([[1, 'a'], [null, 2]], { sheet: '甲', formats: { B2: '0.00' }, formulas: { B2: '=A1*2' } }),
    gridOf([['x']], { sheet: '乙' }),
  ]);
}

const record = (cells: UndoRecord['cells']): UndoRecord => ({ v: 1, at: '2026-01-01T00:00:00.000Z', sheets: [...new Set(cells.map((c) => c.sheet))], cells });

describe('the undo record', () => {
  it('parseUndo takes only a version-1 record with cells', () => {
    const r = record([]);
    expect(parseUndo(r)).toBe(r);
    for (const bad of [null, undefined, 'x', { v: 2, cells: [] }, { v: 1, cells: 'A1' }]) expect(parseUndo(bad)).toBeNull();
  });

  it('undoCells keeps value, formula and format as read; a cell outside the used range is empty and General', async () => {
    const emu = twoSheets();
    const r = await inBatch(emu, (b) => readWorkbook(b, { cellBudget: 5000, maxCells: 1e6 }, { allSheets: true, also: [], mark: false }));
    expect(undoCells(r.sheets, [cell('甲', 'B2', 1, 1), cell('甲', 'A2', 1, 0), cell('乙', 'C5', 4, 2)])).toEqual([
      { sheet: '甲', cell: 'B2', value: 2, formula: '=A1*2', numberFormat: '0.00' },
      { sheet: '甲', cell: 'A2', value: '', formula: null, numberFormat: 'General' },
      { sheet: '乙', cell: 'C5', value: '', formula: null, numberFormat: 'General' },
    ]);
  });

  it('queueRestore writes formulas as formulas and text as text', async () => {
    const emu = twoSheets();
    await inBatch(emu, async (b) => {
      queueRestore(b.ctx, record([
        { sheet: '甲', cell: 'A2', value: '', formula: '=A1+1', numberFormat: 'General' },
        { sheet: '乙', cell: 'A1', value: '=1+1', formula: null, numberFormat: '@' },
      ]));
      await b.syncs.write();
    });
    expect(cellAt(emu, '甲', 'A2')).toMatchObject({ value: 2, formula: '=A1+1' });
    expect(cellAt(emu, '乙', 'A1')).toMatchObject({ value: '=1+1', formula: null, numberFormat: '@' });
  });
});

describe('compensate', () => {
  const written = record([
    { sheet: '甲', cell: 'A2', value: '', formula: null, numberFormat: 'General' },
    { sheet: '乙', cell: 'A1', value: 'x', formula: null, numberFormat: 'General' },
  ]);
  const previous = record([{ sheet: '乙', cell: 'B1', value: 'old', formula: null, numberFormat: 'General' }]);

  function afterWrite(): EmuWorkbook {
    const emu = twoSheets();
    emu.sheet('甲')!.cell(1, 0).value = 5;
    emu.sheet('乙')!.cell(0, 0).value = 6;
    emu.settings.set(UNDO_KEY, JSON.stringify(written));
    return emu;
  }

  it('puts every sheet back and brings the previous record back (or none)', async () => {
    const emu = afterWrite();
    await inBatch(emu, (b) => compensate(b.ctx, previous, written));
    expect([cellAt(emu, '甲', 'A2').value, cellAt(emu, '乙', 'A1').value]).toEqual(['', 'x']);
    expect(JSON.parse(emu.settings.get(UNDO_KEY)!)).toEqual(previous);
    const none = afterWrite();
    await inBatch(none, (b) => compensate(b.ctx, null, written));
    expect(none.settings.has(UNDO_KEY)).toBe(false);
  });

  it('a sheet that refuses the restore keeps the new record; the other sheets are still put back', async () => {
    const emu = afterWrite();
    await inBatch(emu, (b) => {
      let n = 0;
      const sync = b.ctx.sync.bind(b.ctx);
      // the protection check, then one sync per sheet: 甲's fails
      Object.assign(b.ctx, { sync: async () => { if (++n === 2) emu.failNextSyncWith('GeneralException'); return sync(); } });
      return compensate(b.ctx, previous, written);
    });
    expect([cellAt(emu, '甲', 'A2').value, cellAt(emu, '乙', 'A1').value]).toEqual([5, 'x']);
    expect(JSON.parse(emu.settings.get(UNDO_KEY)!)).toEqual(written);
  });

  it('a sheet gone or protected since has nothing to put back: the previous record still comes back', async () => {
    const emu = afterWrite();
    emu.deleteSheet('甲');
    emu.sheet('乙')!.protected = true;
    await inBatch(emu, (b) => compensate(b.ctx, previous, written));
    expect(cellAt(emu, '乙', 'A1').value).toBe(6);
    expect(JSON.parse(emu.settings.get(UNDO_KEY)!)).toEqual(previous);
  });
});

describe('undoFill and hasUndo', () => {
  it('no record (or a broken one): hasUndo false and NO_UNDO', async () => {
    const emu = twoSheets();
    expect(await inBatch(emu, hasUndo)).toBe(false);
    await expect(inBatch(emu, undoFill)).rejects.toMatchObject({ code: 'NO_UNDO' });
    emu.settings.set(UNDO_KEY, JSON.stringify({ v: 9 }));
    expect(await inBatch(emu, hasUndo)).toBe(false);
  });

  it('restores in one read and one write sync and removes the record', async () => {
    const emu = twoSheets();
    emu.settings.set(UNDO_KEY, JSON.stringify(record([{ sheet: '甲', cell: 'A1', value: 'back', formula: null, numberFormat: 'General' }])));
    expect(await inBatch(emu, hasUndo)).toBe(true);
    const syncs = emu.syncCount;
    expect(await inBatch(emu, undoFill)).toEqual({ restored: 1 });
    expect([emu.syncCount - syncs, emu.writeSyncCount]).toEqual([2, 1]);
    expect(cellAt(emu, '甲', 'A1').value).toBe('back');
    expect(emu.settings.has(UNDO_KEY)).toBe(false);
  });

  it('a sheet of the record gone: SHEET_GONE; protected: PROTECTED; nothing restored', async () => {
    const emu = twoSheets();
    const r = record([{ sheet: '甲', cell: 'A1', value: 'back', formula: null, numberFormat: 'General' }, { sheet: '乙', cell: 'A1', value: 'y', formula: null, numberFormat: 'General' }]);
    emu.settings.set(UNDO_KEY, JSON.stringify(r));
    emu.sheet('乙')!.protected = true;
    await expect(inBatch(emu, undoFill)).rejects.toMatchObject({ code: 'PROTECTED', detail: { sheet: '乙' } });
    emu.deleteSheet('乙');
    await expect(inBatch(emu, undoFill)).rejects.toMatchObject({ code: 'SHEET_GONE', detail: { sheet: '乙' } });
    expect(cellAt(emu, '甲', 'A1').value).toBe(1);
    expect(emu.writeSyncCount).toBe(0);
  });
});
