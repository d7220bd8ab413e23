/*
 * 全部工作表 with one sheet whose used range is above the cell limit: as with the Excel host, that sheet is named in
 * `tooLarge` and the others are checked; alone (active-sheet mode) or needed by a fill it stops with TOO_LARGE.
 */
import { checkWorkbook, MAX_SHEET_CELLS, type SheetGrid } from '../../src/core';
import { HostError, type Progress, type ValidateRequest } from '../../src/host';
import { emuFromGrids } from '../../src/workbench/emulator';
import { EtEmulator } from '../../src/workbench/wps-emulator';
import { createWpsHost } from '../../src/wps/createWpsHost';
import { formGrid } from '../fixtures/forms';

const ALL: ValidateRequest = { allSheets: true, options: {}, mark: false, lang: 'zh-CN' };
const NAMES = ['一', '二', '三', '四'];

function setup(big: string, maxCells?: number) {
  const grids: SheetGrid[] = NAMES.map((n) => formGrid(n));
  const emu = emuFromGrids(grids, {});
  const et = new EtEmulator(emu);
  const host = createWpsHost(et.app, maxCells === undefined ? {} : { maxCells });
  return { emu, et, host, grids, others: grids.filter((g) => g.sheet !== big) };
}

const formsOf = (sheets: SheetGrid[]) => checkWorkbook({ sheets }).forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`);

async function refusal(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof HostError)) throw new Error(`expected a HostError, got ${String(e)}`);
  return e;
}

describe('WPS host: all sheets with one sheet too large to read', () => {
  it('a used range above MAX_SHEET_CELLS: named TOO_LARGE, its values never asked for, the three others checked', async () => {
    const { emu, et, host, others } = setup('三');
    // a cell far out makes the used range 1 048 576 × 3 cells, above the default limit
    emu.sheet('三')!.cell(1048575, 2).value = '远处';
    expect(1048576 * 3).toBeGreaterThan(MAX_SHEET_CELLS);
    const progress: Progress[] = [];
    const out = await host.validate(ALL, (p) => progress.push(p));
    expect(out.tooLarge).toEqual(['三']);
    expect(out.sheets).toEqual(['一', '二', '四']);
    expect(out.result.forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`)).toEqual(formsOf(others));
    expect(et.byMember.get('Range.Value2')).toBe(3); // the three other sheets (no records' sheet yet)
    expect(progress.map((p) => `${p.done}/${p.total} ${p.sheet}`)).toEqual(['1/4 一', '2/4 二', '3/4 三', '4/4 四']);
  });

  it('the same sheet alone (active-sheet mode) stops with TOO_LARGE naming it', async () => {
    const { emu, host } = setup('二', 400);
    emu.sheet('二')!.cell(99, 8).value = '远处';
    emu.setActive('二');
    const e = await refusal(host.validate({ ...ALL, allSheets: false }));
    expect([e.code, e.detail.sheet]).toEqual(['TOO_LARGE', '二']);
  });

  it('a fill whose plan is on the large sheet stops with TOO_LARGE; one on another sheet goes ahead', async () => {
    const { emu, host } = setup('二', 400);
    const before = await host.validate(ALL);
    expect(before.tooLarge).toEqual([]);
    const planOn = (sheet: string) => ({ ...before.result.fillPlan, cells: before.result.fillPlan.cells.filter((c) => c.sheet === sheet) });
    expect(planOn('二').cells.length).toBeGreaterThan(0);
    emu.sheet('二')!.cell(99, 8).value = '远处';
    const e = await refusal(host.fill({ ...ALL, expected: planOn('二') }));
    expect([e.code, e.detail.sheet]).toEqual(['TOO_LARGE', '二']);
    const done = await host.fill({ ...ALL, expected: planOn('一') });
    expect(done.written).toBe(planOn('一').cells.length);
  });

  it('no sheet too large: nothing named', async () => {
    const { host, grids } = setup('');
    const out = await host.validate(ALL);
    expect(out.tooLarge).toEqual([]);
    expect(out.result.forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`)).toEqual(formsOf(grids));
  });
});
