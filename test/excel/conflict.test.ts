import { checkWorkbook } from '../../src/core';
import { conflicts, refuseConflicts } from '../../src/excel/conflict';
import { HostError } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/snapshot';
import { emuFromGrids, type EmuWorkbook } from '../../src/workbench/emulator';
import { formGrid } from '../fixtures/forms';
import { inBatch } from './emu-batch';

const LIMITS = { cellBudget: 5000, maxCells: 2_000_000 };

async function readNow(emu: EmuWorkbook) {
  const r = await inBatch(emu, (b) => readWorkbook(b, LIMITS, { allSheets: true, also: [], mark: false }));
  return { sheets: r.sheets, fresh: checkWorkbook({ sheets: r.sheets.map((s) => s.grid) }, { lang: 'zh-CN' }) };
}

describe('conflicts', () => {
  it('none when the sheets still give the plan', async () => {
    const emu = emuFromGrids([formGrid()]);
    const { sheets, fresh } = await readNow(emu);
    expect(fresh.fillPlan.cells.length).toBeGreaterThan(0);
    expect(conflicts(sheets, fresh.fillPlan.cells, fresh)).toEqual([]);
    expect(() => refuseConflicts(sheets, fresh.fillPlan.cells, fresh)).not.toThrow();
  });

  it('a planned cell that now holds something: that cell, and the 总分 that sums it', async () => {
    const emu = emuFromGrids([formGrid()]);
    const plan = (await readNow(emu)).fresh.fillPlan.cells;
    const h13 = plan.find((f) => f.cell === 'H13')!;
    emu.sheet('测试')!.cell(h13.row, h13.col).value = 7;
    const { sheets, fresh } = await readNow(emu);
    expect(conflicts(sheets, plan, fresh).map((f) => f.cell)).toEqual(['H13', 'H18']);
  });

  it('an input of a planned value changed: the planned cell, though it is still empty', async () => {
    const emu = emuFromGrids([formGrid()]);
    const plan = (await readNow(emu)).fresh.fillPlan.cells;
    emu.sheet('测试')!.cell(5, 4).value = 80; // E6, the funds' 全年执行数: the 执行率 and its score change
    const { sheets, fresh } = await readNow(emu);
    const changed = conflicts(sheets, plan, fresh).map((f) => f.cell);
    expect(changed).toContain('G6');
    expect(changed).not.toContain('H13');
  });

  it('CONFLICT names the cells, with their sheet when the plan spans several sheets', async () => {
    const emu = emuFromGrids([formGrid('甲'), formGrid('乙')]);
    const plan = (await readNow(emu)).fresh.fillPlan.cells;
    for (const s of ['甲', '乙']) emu.sheet(s)!.cell(12, 7).value = 1; // H13
    const { sheets, fresh } = await readNow(emu);
    const error = (p: typeof plan) => { try { refuseConflicts(sheets, p, fresh); } catch (e) { return e as HostError; } throw new Error('no conflict'); };
    expect(error(plan).detail).toEqual({ cells: '甲!H13,甲!H18,乙!H13,乙!H18' });
    expect(error(plan.filter((f) => f.sheet === '乙')).detail).toEqual({ cells: 'H13,H18' });
  });
});
