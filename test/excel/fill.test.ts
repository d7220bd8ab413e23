import { checkWorkbook, countFill, parseA1 } from '../../src/core';
import { fill, type FillSettings } from '../../src/excel/fill';
import type { FillRequest } from '../../src/excel/host';
import { UNDO_KEY, undoFill } from '../../src/excel/undo';
import { cellAt, emuFromGrids, workbookGrid } from '../../src/workbench/emulator';
import { formGrid } from '../fixtures/forms';
import { inBatch } from './emu-batch';

const AT = new Date('2026-03-04T05:06:07.000Z');
const SETTINGS: FillSettings = { cellBudget: 5000, maxCells: 2_000_000, now: () => AT, settingsBudget: 1_000_000 };

function request(expected: FillRequest['expected'], mark = false): FillRequest {
  return { allSheets: false, options: {}, mark, lang: 'zh-CN', expected };
}

describe('fill', () => {
  it('counts what it writes with core\'s countFill, and dates the undo record with the clock', async () => {
    const emu = emuFromGrids([formGrid()]);
    const expected = checkWorkbook(workbookGrid(emu), { lang: 'zh-CN' }).fillPlan;
    expect(expected.cells.length).toBeGreaterThan(1);
    const out = await inBatch(emu, (b) => fill(b, SETTINGS, request(expected)));
    expect(out.written).toBe(expected.cells.length);
    expect(out.counts).toEqual(countFill(expected.cells).counts);
    expect(out.counts).toEqual(expected.counts);
    expect([out.readSyncs, out.writeSyncs]).toEqual([1, 1]);
    const record = JSON.parse(emu.settings.get(UNDO_KEY)!);
    expect([record.at, record.sheets, record.cells.length]).toEqual([AT.toISOString(), ['测试'], expected.cells.length]);
    expect(out.result.fillPlan.cells).toEqual([]);
  });

  it('an empty plan reads, writes nothing and keeps the previous undo record', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.settings.set(UNDO_KEY, '{"v":1,"at":"x","sheets":[],"cells":[]}');
    const out = await inBatch(emu, (b) => fill(b, SETTINGS, request(countFill([]))));
    expect([out.written, out.writeSyncs, emu.writeSyncCount]).toEqual([0, 0, 0]);
    expect(Object.values(out.counts).every((n) => n === 0)).toBe(true);
    expect(emu.settings.get(UNDO_KEY)).toBe('{"v":1,"at":"x","sheets":[],"cells":[]}');
  });

  it('a sheet of the plan protected since the preview: PROTECTED before any write', async () => {
    const emu = emuFromGrids([formGrid()]);
    const expected = checkWorkbook(workbookGrid(emu), { lang: 'zh-CN' }).fillPlan;
    emu.sheet('测试')!.protected = true;
    await expect(inBatch(emu, (b) => fill(b, SETTINGS, request(expected)))).rejects.toMatchObject({ code: 'PROTECTED', detail: { sheet: '测试' } });
    expect(emu.writeSyncCount).toBe(0);
  });

  describe('on a protected sheet', () => {
    const planOf = (emu: ReturnType<typeof emuFromGrids>) => checkWorkbook(workbookGrid(emu), { lang: 'zh-CN' }).fillPlan;
    const protect = (emu: ReturnType<typeof emuFromGrids>, cells: readonly string[], allowFormatCells: boolean) => {
      const s = emu.sheet('测试')!;
      for (const a1 of cells) { const p = parseA1(a1); s.cell(p.row, p.col).locked = false; }
      s.protected = true;
      s.allowFormatCells = allowFormatCells;
    };

    it('every cell of the plan unlocked: written (one more read for the locks), the sheet\'s marks left alone, and undone', async () => {
      const emu = emuFromGrids([formGrid()]);
      const expected = planOf(emu);
      protect(emu, expected.cells.map((f) => f.cell), true);
      const out = await inBatch(emu, (b) => fill(b, SETTINGS, request(expected, true)));
      expect([out.written, out.readSyncs, out.writeSyncs]).toEqual([expected.cells.length, 2, 1]);
      for (const f of expected.cells) expect(cellAt(emu, '测试', f.cell).value).toEqual(f.value);
      expect(emu.sheet('测试')!.notes.size).toBe(0);
      expect(await inBatch(emu, (b) => undoFill(b))).toEqual({ restored: expected.cells.length });
      expect(workbookGrid(emu).sheets[0].values).toEqual(formGrid().values);
    });

    it('one cell of the plan locked: PROTECTED, nothing written', async () => {
      const emu = emuFromGrids([formGrid()]);
      const expected = planOf(emu);
      protect(emu, expected.cells.slice(1).map((f) => f.cell), true);
      await expect(inBatch(emu, (b) => fill(b, SETTINGS, request(expected)))).rejects.toMatchObject({ code: 'PROTECTED', detail: { sheet: '测试' } });
      expect(emu.writeSyncCount).toBe(0);
    });

    it('cells unlocked but a number format to change where the protection forbids formatting cells: PROTECTED, nothing written', async () => {
      const emu = emuFromGrids([formGrid()]);
      const expected = planOf(emu);
      expect(expected.cells.some((f) => f.numberFormat !== null)).toBe(true);
      protect(emu, expected.cells.map((f) => f.cell), false);
      await expect(inBatch(emu, (b) => fill(b, SETTINGS, request(expected)))).rejects.toMatchObject({ code: 'PROTECTED' });
      expect(emu.writeSyncCount).toBe(0);
    });
  });

  it('with marking, the marks of the sheet after the fill go in the same write sync', async () => {
    const emu = emuFromGrids([formGrid()]);
    const expected = checkWorkbook(workbookGrid(emu), { lang: 'zh-CN' }).fillPlan;
    const out = await inBatch(emu, (b) => fill(b, SETTINGS, request(expected, true)));
    expect(out.writeSyncs).toBe(1);
    const marked = out.result.findings.filter((f) => /^[A-Z]+\d+$/.test(f.cell)).length;
    expect(marked).toBeGreaterThan(0);
    expect(emu.settings.has('ziping.marks')).toBe(true);
    expect(emu.sheet('测试')!.notes.size).toBeGreaterThan(0);
  });
});
