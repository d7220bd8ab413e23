import { batchRunner, beginWrite, endWrite, jsonBytes, MIN_EXCEL_API, notesMayHaveFailed, refusedAsProtected, toHostError, utf8Bytes } from '../../src/excel/batch';
import { HostError } from '../../src/excel/host';
import { TooLarge } from '../../src/excel/read';
import { createExcelApi, EmuError, emuFromGrids } from '../../src/workbench/emulator';
import { formGrid } from '../fixtures/forms';
import { inBatch } from './emu-batch';

const officeError = (code: string, message = code) => new EmuError(code, message);

describe('toHostError', () => {
  it.each([
    ['InvalidOperationInCellEditMode', 'x', 'EDIT_MODE'],
    ['ItemNotFound', 'x', 'SHEET_GONE'],
    ['AccessDenied', 'x', 'PROTECTED'],
    ['InvalidOperation', 'The cell is on a protected sheet.', 'PROTECTED'],
    ['InvalidOperation', 'The operation is invalid for the object.', 'UNKNOWN'],
    ['RequestPayloadSizeLimitExceeded', 'x', 'TOO_LARGE'],
    ['ResponsePayloadSizeLimitExceeded', 'x', 'TOO_LARGE'],
    ['GeneralException', 'x', 'UNKNOWN'],
  ])('%s (%s) → %s', (code, message, want) => {
    const e = toHostError(officeError(code, message), '表1');
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(want);
    if (want === 'SHEET_GONE' || want === 'PROTECTED' || want === 'TOO_LARGE') expect(e.detail.sheet).toBe('表1');
    if (want === 'UNKNOWN') expect(e.detail.code).toBe(code);
  });

  it('ApiNotFound: UNSUPPORTED naming the API from debugInfo, never parsed from the (localized) message', () => {
    const e = toHostError(new EmuError('ApiNotFound', 'The API you are trying to use could not be found. (ExcelApi 1.9)', 'Range.getCellProperties'));
    expect([e.code, e.detail]).toEqual(['UNSUPPORTED', { api: 'Range.getCellProperties' }]);
    // a message that looks like it names a set is not read
    expect(toHostError(officeError('ApiNotFound', '找不到 ExcelApi 1.13')).detail).toEqual({});
  });

  it('a read above maxCells is TOO_LARGE with its cell count; a HostError stays itself', () => {
    expect(toHostError(new TooLarge(12), 'S').detail).toEqual({ cells: 12, sheet: 'S' });
    const h = new HostError('CONFLICT', { cells: 'A1' });
    expect(toHostError(h)).toBe(h);
  });

  it('only refusals that may come from notes are worth a retry with fills only', () => {
    expect(notesMayHaveFailed(officeError('NotImplemented'))).toBe(true);
    expect(notesMayHaveFailed(officeError('InvalidArgument'))).toBe(true);
    for (const code of ['InvalidOperationInCellEditMode', 'ItemNotFound', 'AccessDenied']) expect(notesMayHaveFailed(officeError(code))).toBe(false);
  });
});

describe('batchRunner', () => {
  it('without an api: NOT_IN_EXCEL; below the manifest floor: UNSUPPORTED naming it', async () => {
    const emu = emuFromGrids([formGrid()]);
    await expect(batchRunner(undefined, emu, 0)(async () => 1)).rejects.toMatchObject({ code: 'NOT_IN_EXCEL' });
    emu.requirements = { ExcelApi: '1.6' };
    await expect(batchRunner(createExcelApi(emu), emu, 0)(async () => 1)).rejects.toMatchObject({ code: 'UNSUPPORTED', detail: { needed: `ExcelApi ${MIN_EXCEL_API}` } });
    expect(emu.syncCount).toBe(0);
  });

  it('counts read syncs and answers requirement questions from the host', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.requirements = { ExcelApi: '1.12' };
    const out = await batchRunner(createExcelApi(emu), emu, 0)(async (b) => {
      b.ctx.workbook.worksheets.load('items/name');
      await b.syncs.read();
      await b.syncs.read();
      return { reads: b.syncs.reads, writes: b.syncs.writes, s13: b.supports('1.13'), s12: b.supports('1.12') };
    });
    expect(out).toEqual({ reads: 2, writes: 0, s13: false, s12: true });
  });

  it('cell-edit mode: the batch runs once more after the delay; twice → EDIT_MODE', async () => {
    const emu = emuFromGrids([formGrid()]);
    const run = batchRunner(createExcelApi(emu), emu, 0);
    let runs = 0;
    const batch = async (b: Parameters<Parameters<typeof run>[0]>[0]) => { runs++; await b.syncs.read(); return runs; };
    emu.failNextSyncWith('InvalidOperationInCellEditMode');
    expect(await run(batch)).toBe(2);
    emu.failNextSyncWith('InvalidOperationInCellEditMode');
    emu.failNextSyncWith('InvalidOperationInCellEditMode');
    await expect(run(batch)).rejects.toMatchObject({ code: 'EDIT_MODE' });
    expect(runs).toBe(4);
  });

  it('asks Excel to wait while a cell is edited (delayForCellEdit): the batch runs once, after the edit ends', async () => {
    const emu = emuFromGrids([formGrid()]);
    const run = batchRunner(createExcelApi(emu), emu, 0);
    let runs = 0;
    emu.editCell();
    const done = run(async (b) => { runs++; b.ctx.workbook.worksheets.load('items/name'); await b.syncs.read(); return b.ctx.workbook.worksheets.items.length; });
    await new Promise((r) => setTimeout(r, 5));
    expect(emu.syncCount).toBe(1);
    emu.endCellEdit();
    expect(await done).toBe(1);
    expect(runs).toBe(1);
  });

  it('a host that ignores delayForCellEdit fails the batch in cell-edit mode: one retry, then EDIT_MODE', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.honoursDelayForCellEdit = false;
    emu.editCell();
    let runs = 0;
    await expect(batchRunner(createExcelApi(emu), emu, 0)(async (b) => { runs++; await b.syncs.read(); })).rejects.toMatchObject({ code: 'EDIT_MODE' });
    expect(runs).toBe(2);
  });

  it('other Office errors are not retried and arrive as HostErrors', async () => {
    const emu = emuFromGrids([formGrid()]);
    let runs = 0;
    const run = batchRunner(createExcelApi(emu), emu, 0);
    await expect(run(async (b) => { runs++; b.ctx.workbook.worksheets.getItem('无此表').load('name'); await b.syncs.read(); })).rejects.toMatchObject({ code: 'SHEET_GONE' });
    expect(runs).toBe(1);
  });
});

describe('the write batch', () => {
  it('suspends screen updating and switches events off and on in one sync', async () => {
    const emu = emuFromGrids([formGrid()]);
    await inBatch(emu, async (b) => {
      beginWrite(b);
      b.ctx.workbook.worksheets.getItem('测试').getRange('J1').values = [['x']];
      endWrite(b);
      await b.syncs.write();
      expect([b.syncs.writes, b.syncs.eventsOff]).toEqual([1, false]);
    });
    expect([emu.screenUpdatingSuspensions, emu.eventsEnabled, emu.writeSyncCount]).toEqual([1, true, 1]);
  });

  it('a write that fails half-way still turns events back on, and the failure is what is thrown', async () => {
    const emu = emuFromGrids([formGrid()], { 测试: { protected: true } });
    const e = await inBatch(emu, async (b) => {
      beginWrite(b);
      b.ctx.workbook.worksheets.getItem('测试').getRange('J1').values = [['x']];
      endWrite(b);
      return b.syncs.write().then(() => null, (x: unknown) => x);
    });
    expect((e as EmuError).code).toBe('InvalidOperation');
    expect(emu.eventsEnabled).toBe(true);
  });

  it('below ExcelApi 1.8/1.9 neither events nor screen updating are touched', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.requirements = { ExcelApi: '1.7' };
    await inBatch(emu, async (b) => {
      beginWrite(b);
      endWrite(b);
      expect(b.syncs.eventsOff).toBe(false);
      await b.syncs.write();
    });
    expect(emu.screenUpdatingSuspensions).toBe(0);
  });

  it('a refusal is PROTECTED only when a sheet of the write is protected now (messages are localized)', async () => {
    const emu = emuFromGrids([formGrid('甲'), formGrid('乙')], { 乙: { protected: true } });
    const refused = officeError('InvalidOperation', '工作表受保护');
    const out = await inBatch(emu, async (b) => ({
      both: await refusedAsProtected(b.ctx, refused, ['甲', '乙']),
      other: await refusedAsProtected(b.ctx, refused, ['甲']),
      code: await refusedAsProtected(b.ctx, officeError('GeneralException'), ['乙']),
    }));
    expect([out.both?.code, out.both?.detail.sheet]).toEqual(['PROTECTED', '乙']);
    expect(out.other).toBeNull();
    expect(out.code).toBeNull();
  });
});

describe('sizes', () => {
  it('are UTF-8 bytes, as Office counts them; a missing setting takes none', () => {
    expect([utf8Bytes('a'), utf8Bytes('绩效'), utf8Bytes('😀')]).toEqual([1, 6, 4]);
    expect([jsonBytes(null), jsonBytes(undefined), jsonBytes({ a: '绩' })]).toEqual([0, 0, 8 + 3]);
  });
});
