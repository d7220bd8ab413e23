import { MARK_KEY } from '../../src/excel/marks';
import { readWorkbook, type Scope } from '../../src/excel/snapshot';
import { UNDO_KEY } from '../../src/excel/undo';
import { emuFromGrids, type EmuWorkbook } from '../../src/workbench/emulator';
import type { Progress } from '../../src/excel/host';
import { formGrid } from '../fixtures/forms';
import { inBatch } from './emu-batch';

const LIMITS = { cellBudget: 5000, maxCells: 2_000_000 };
const ACTIVE: Scope = { allSheets: false, also: [], mark: false };

function read(emu: EmuWorkbook, scope: Scope, onProgress?: (p: Progress) => void) {
  return inBatch(emu, async (b) => ({ r: await readWorkbook(b, LIMITS, scope, onProgress), reads: b.syncs.reads }));
}

describe('readWorkbook', () => {
  it('the active sheet and both records in one sync', async () => {
    const emu = emuFromGrids([formGrid('甲'), formGrid('乙')]);
    emu.setActive('乙');
    const undo = { v: 1, at: 'x', sheets: ['乙'], cells: [] };
    emu.settings.set(UNDO_KEY, JSON.stringify(undo));
    emu.settings.set(MARK_KEY, JSON.stringify({ v: 1, sheets: { 乙: [] } }));
    const { r, reads } = await read(emu, ACTIVE);
    expect(reads).toBe(1);
    expect(emu.syncCount).toBe(1);
    expect(r.sheets.map((s) => s.name)).toEqual(['乙']);
    expect([...r.worksheets.keys()]).toEqual(['乙']);
    expect(r.undo).toEqual(undo);
    expect([r.markExists, r.marks]).toEqual([true, { v: 1, sheets: { 乙: [] } }]);
    expect(r.sheets[0].grid.values[2]).toEqual(formGrid('乙').values[2]);
  });

  it('no records: no undo, an empty record of the marks that does not exist', async () => {
    const { r } = await read(emuFromGrids([formGrid()]), ACTIVE);
    expect([r.undo, r.marks, r.markExists]).toEqual([null, { v: 1, sheets: {} }, false]);
  });

  it('all sheets: visible ones only, in order, in two syncs, one progress report per sync that completes sheets', async () => {
    const emu = emuFromGrids([formGrid('甲'), formGrid('乙'), formGrid('丙')], { 乙: { visibility: 'Hidden' } });
    const progress: Progress[] = [];
    const { r, reads } = await read(emu, { ...ACTIVE, allSheets: true }, (p) => progress.push(p));
    expect(r.sheets.map((s) => s.name)).toEqual(['甲', '丙']);
    expect(reads).toBe(2);
    expect(progress).toEqual([{ done: 2, total: 2, sheet: '丙' }]);
  });

  it('a sheet of `also` is read besides the active one, matched without case; one that is gone: SHEET_GONE', async () => {
    const emu = emuFromGrids([formGrid('Sheet1'), formGrid('Other')]);
    const { r } = await read(emu, { ...ACTIVE, also: ['other'] });
    expect(r.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Other']);
    await expect(read(emu, { ...ACTIVE, also: ['Gone'] })).rejects.toMatchObject({ code: 'SHEET_GONE', detail: { sheet: 'Gone' } });
  });

  it('marking: notes of each sheet (and its threaded comments apart) and fills are read with the cells', async () => {
    const emu = emuFromGrids([formGrid()], { 测试: { notes: { A1: 'n' }, comments: { B1: 'c' }, fills: { C3: '#ff0000' } } });
    const { r, reads } = await read(emu, { ...ACTIVE, mark: true });
    expect(reads).toBe(1);
    const n = r.notes.get('测试')!;
    expect([n.kind, n.items.map((x) => x.content), n.others.map((x) => x.id)]).toEqual(['notes', ['n'], ['emu-comment-1']]);
    expect(r.sheets[0].fills?.[2][2]).toBe('#FF0000');
  });

  it('marking on ExcelApi 1.12: comments stand for notes; without marking nothing of them is read', async () => {
    const emu = emuFromGrids([formGrid()], { 测试: { comments: { B1: 'c' } } });
    emu.requirements = { ExcelApi: '1.12' };
    const marked = (await read(emu, { ...ACTIVE, mark: true })).r.notes.get('测试')!;
    expect([marked.kind, marked.items.map((x) => x.content), marked.others]).toEqual(['comments', ['c'], []]);
    expect((await read(emu, ACTIVE)).r.notes.size).toBe(0);
  });

  it('a read above maxCells stops as TOO_LARGE with the sheet', async () => {
    const emu = emuFromGrids([formGrid()]);
    const e = inBatch(emu, (b) => readWorkbook(b, { ...LIMITS, maxCells: 10 }, ACTIVE));
    await expect(e).rejects.toMatchObject({ code: 'TOO_LARGE', detail: { sheet: '测试' } });
  });
});
