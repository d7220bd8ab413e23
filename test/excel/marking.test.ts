import { checkWorkbook, findingCells, renderMessage, type Finding } from '../../src/core';
import { SETTINGS_BUDGET_BYTES, type Batch } from '../../src/excel/batch';
import { UNDO_KEY } from '../../src/excel/undo';
import { MARK_COLORS, MARK_KEY, noteId } from '../../src/excel/marks';
import { markFindings, prepareMarks } from '../../src/excel/marking';
import { readWorkbook, type Scope } from '../../src/excel/snapshot';
import { cellAt, emuFromGrids, sheetState, type EmuWorkbook } from '../../src/workbench/emulator';
import { buildForm, formGrid, sheetOf, standardIndicators } from '../fixtures/forms';
import { inBatch } from './emu-batch';

const LIMITS = { cellBudget: 5000, maxCells: 2_000_000 };
const SCOPE: Scope = { allSheets: false, also: [], mark: true };

async function readAndCheck(b: Batch) {
  const r = await readWorkbook(b, LIMITS, SCOPE);
  return { r, findings: checkWorkbook({ sheets: r.sheets.map((s) => s.grid) }, { lang: 'zh-CN' }).findings };
}

/** Runs markFindings over a fresh read; the syncs it took. */
function mark(emu: EmuWorkbook, budget = 1_000_000, findings?: (f: readonly Finding[]) => readonly Finding[]) {
  return inBatch(emu, async (b) => {
    const { r, findings: all } = await readAndCheck(b);
    const reads = b.syncs.reads;
    await markFindings(b, r, findings ? findings(all) : all, 'zh-CN', budget, () => readWorkbook(b, LIMITS, SCOPE));
    return { reads: b.syncs.reads - reads, writes: b.syncs.writes, findings: all };
  });
}

const cellsOf = (fs: readonly Finding[]) => [...new Set(fs.filter((f) => f.sheet === '测试').flatMap((f) => findingCells(f)).filter((c) => /^[A-Z]+\d+$/.test(c)))];

describe('prepareMarks', () => {
  it('nothing to mark and nothing marked before: no work, no record', async () => {
    const emu = emuFromGrids([formGrid()]);
    const out = await inBatch(emu, async (b) => {
      const { r } = await readAndCheck(b);
      const m = await prepareMarks(b, r, [], 'zh-CN');
      m.queueRecord();
      m.queueMarks();
      await b.syncs.write();
      return m;
    });
    expect([out.work, out.notes, out.recordBytes]).toEqual([false, false, 0]);
    expect(emu.settings.has(MARK_KEY)).toBe(false);
  });

  it('queues the record, the fills and the notes without a sync of its own when the read had the fills', async () => {
    const emu = emuFromGrids([formGrid()]);
    const out = await inBatch(emu, async (b) => {
      const { r, findings } = await readAndCheck(b);
      const syncs = emu.syncCount;
      const m = await prepareMarks(b, r, findings, 'zh-CN');
      const own = emu.syncCount - syncs;
      m.queueRecord();
      m.queueMarks();
      await b.syncs.write();
      return { m, own, findings };
    });
    expect(out.own).toBe(0);
    expect([out.m.work, out.m.notes]).toEqual([true, true]);
    const record = emu.settings.get(MARK_KEY)!;
    expect(out.m.recordBytes).toBe(Buffer.byteLength(record));
    const marked = cellsOf(out.findings);
    expect(marked.length).toBeGreaterThan(0);
    const entries = JSON.parse(record).sheets['测试'] as { cell: string; noteId?: string }[];
    expect(entries.map((e) => e.cell).sort()).toEqual([...marked].sort());
    for (const e of entries) {
      expect(Object.values(MARK_COLORS)).toContain(cellAt(emu, '测试', e.cell).fill);
      expect(e.noteId).toBe(noteId(cellAt(emu, '测试', e.cell).note!));
    }
  });

  it('ExcelApi 1.8 (no per-cell fills in the read): one more read sync for the fills of the cells concerned', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.requirements = { ExcelApi: '1.8' };
    const own = await inBatch(emu, async (b) => {
      const { r, findings } = await readAndCheck(b);
      expect(r.sheets[0].fills).toBeNull();
      const before = b.syncs.reads;
      const m = await prepareMarks(b, r, findings, 'zh-CN');
      expect([m.work, m.notes]).toEqual([true, false]);
      return b.syncs.reads - before;
    });
    expect(own).toBe(1);
  });

  it('a protected sheet with something to mark is left as it is and named (decision 115): nothing queued', async () => {
    const emu = emuFromGrids([formGrid()], { 测试: { protected: true } });
    const m = await inBatch(emu, async (b) => {
      const { r, findings } = await readAndCheck(b);
      return prepareMarks(b, r, findings, 'zh-CN');
    });
    expect(m.skipped).toEqual(['测试']);
    expect([m.work, m.notes]).toEqual([false, false]);
  });
});

describe('markFindings', () => {
  it('one write sync; the next run without findings takes the marks and the record away', async () => {
    const emu = emuFromGrids([formGrid()], { 测试: { fills: { A3: '#123456' } } });
    const before = sheetState(emu, '测试');
    expect((await mark(emu)).writes).toBe(1);
    expect(Object.keys(sheetState(emu, '测试').notes).length).toBeGreaterThan(0);
    expect((await mark(emu, 1_000_000, () => [])).writes).toBe(1);
    expect(sheetState(emu, '测试')).toEqual(before);
    expect(emu.settings.has(MARK_KEY)).toBe(false);
  });

  it('records that would pass the budget: TOO_LARGE, nothing written', async () => {
    const emu = emuFromGrids([formGrid()]);
    await expect(mark(emu, 50)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(emu.writeSyncCount).toBe(0);
  });

  it('an undo record of 600 KB already in the workbook: the marks stop with TOO_LARGE under the 512 KB budget, though Office would take 1 MB', async () => {
    const emu = emuFromGrids([formGrid()]);
    const cells = Array.from({ length: 6000 }, (_, i) => ({ sheet: '测试', cell: `Z${i + 1}`, value: 'x'.repeat(80), formula: null, numberFormat: 'General' }));
    emu.settings.set(UNDO_KEY, JSON.stringify({ v: 1, at: '2026-01-01T00:00:00.000Z', sheets: ['测试'], cells }));
    expect(emu.settings.get(UNDO_KEY)!.length).toBeGreaterThan(600 * 1024);
    emu.settingsLimitBytes = 1_000_000;
    await expect(mark(emu, SETTINGS_BUDGET_BYTES)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(emu.writeSyncCount).toBe(0);
  });

  it('a finding that names several cells of a row (a 年度资金总额 of 0 under 其中 amounts) marks every one of them', async () => {
    const grid = sheetOf([buildForm({
      indicators: standardIndicators(), totalScore: 100, initial: 0, budget: 0, executed: 0,
      sub: { current: [600000, 700000, 650000], carryover: [400000, 300000, 300000] },
    })], { sheet: '测试' });
    const emu = emuFromGrids([grid]);
    const out = await mark(emu);
    const fb = out.findings.filter((f) => f.code === 'FUNDS_BREAKDOWN');
    expect(fb.map((f) => findingCells(f))).toEqual([['C6', 'D6', 'E6']]);
    const s = sheetState(emu, '测试');
    for (const cell of ['C6', 'D6', 'E6']) {
      expect(s.fills[cell]).toBe(MARK_COLORS.warning);
      expect(s.notes[cell]).toContain(renderMessage(fb[0]));
    }
  });

  it('a host that refuses comments: read again and marked with fills only, in a second write sync', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.requirements = { ExcelApi: '1.12' };
    emu.threadedComments = false;
    const out = await mark(emu);
    expect([out.reads, out.writes]).toEqual([1, 2]);
    const s = sheetState(emu, '测试');
    expect(Object.keys(s.comments)).toEqual([]);
    expect(Object.keys(s.fills).sort()).toEqual(cellsOf(out.findings).sort());
  });
});
