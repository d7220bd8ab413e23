/*
 * 全部工作表 with one sheet too large to read (a 10 MB cell above Office's 5 MB response limit, or a used range above
 * maxCells): that sheet is named as TOO_LARGE and the other sheets are still checked.
 */
import { checkWorkbook, type SheetGrid } from '../../src/core';
import { createExcelHost } from '../../src/excel/createExcelHost';
import { HostError, type Progress, type ValidateRequest } from '../../src/excel/host';
import { createExcelApi, emuFromGrids, PAYLOAD_LIMIT_BYTES } from '../../src/workbench/emulator';
import { formGrid } from '../fixtures/forms';

const ALL: ValidateRequest = { allSheets: true, options: {}, mark: false, lang: 'zh-CN' };
const NAMES = ['一', '二', '三', '四', '五'];

function setup(big: string, hostOptions = {}) {
  const grids: SheetGrid[] = NAMES.map((n) => formGrid(n));
  const emu = emuFromGrids(grids, {});
  const host = createExcelHost(createExcelApi(emu), emu, { retryDelayMs: 0, ...hostOptions });
  return { emu, host, grids, others: grids.filter((g) => g.sheet !== big) };
}

const formsOf = (sheets: SheetGrid[]) => checkWorkbook({ sheets }).forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`);

describe('all sheets with one sheet too large to read', () => {
  it('a 10 MB cell: that sheet is named TOO_LARGE and the four others are checked', async () => {
    const { emu, host, others } = setup('三');
    emu.sheet('三')!.cell(30, 2).value = 'x'.repeat(10 * 1024 * 1024);
    expect(10 * 1024 * 1024).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    const progress: Progress[] = [];
    const out = await host.validate(ALL, (p) => progress.push(p));
    expect(out.tooLarge).toEqual(['三']);
    expect(out.sheets).toEqual(['一', '二', '四', '五']);
    expect(out.result.forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`)).toEqual(formsOf(others));
    expect(out.result.forms).toHaveLength(4);
    expect(progress[progress.length - 1]).toMatchObject({ done: 5, total: 5 });
  });

  it('the same sheet alone (active-sheet mode) still stops with TOO_LARGE naming it', async () => {
    const { emu, host } = setup('三');
    emu.sheet('三')!.cell(30, 2).value = 'x'.repeat(10 * 1024 * 1024);
    emu.setActive('三');
    const e = await host.validate({ ...ALL, allSheets: false }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect([(e as HostError).code, (e as HostError).detail.sheet]).toEqual(['TOO_LARGE', '三']);
  });

  it('a used range above maxCells: named TOO_LARGE, the others checked, on the whole and on the bounded path', async () => {
    const { emu, host, others } = setup('二', { maxCells: 400, cellBudget: 60 });
    emu.sheet('二')!.cell(99, 8).value = '远处';
    const out = await host.validate(ALL);
    expect(out.tooLarge).toEqual(['二']);
    expect(out.sheets).toEqual(['一', '三', '四', '五']);
    expect(out.result.forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`)).toEqual(formsOf(others));

    // no whole sheet fits in a response: each is read in bands, and 二 is refused from its dimensions alone
    emu.payloadLimitBytes = 4000;
    const bounded = await host.validate(ALL);
    expect(bounded.readSyncs).toBeGreaterThan(10);
    expect(bounded.tooLarge).toEqual(['二']);
    expect(bounded.result.forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`)).toEqual(formsOf(others));
  });

  it('no sheet too large: nothing named', async () => {
    const { host, grids } = setup('');
    const out = await host.validate(ALL);
    expect(out.tooLarge).toEqual([]);
    expect(out.result.forms.map((f) => `${f.sheet}!${f.range} ${f.total.computed?.toString()}`)).toEqual(formsOf(grids));
  });
});
