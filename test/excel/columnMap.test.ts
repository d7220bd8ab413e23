import { parseColumnMap, type CheckResult } from '../../src/core';
import { createExcelHost, MAP_KEY, UNDO_KEY } from '../../src/excel/createExcelHost';
import { splitAddress } from '../../src/excel/columnMap';
import { HostError, type ValidateRequest } from '../../src/excel/host';
import { createExcelApi, emuFromGrids } from '../../src/workbench/emulator';
import { parseRangeA1 } from '../../src/core/grid';
import { sheetGrid } from '../fixtures/grid';
import { TEMPLATE_TOTAL, unplacedHeaderForm } from '../fixtures/templates';

const REQ: ValidateRequest = { allSheets: false, options: {}, mark: false, lang: 'zh-CN' };

function setup(settingsBudgetBytes?: number) {
  const { lit, cells } = unplacedHeaderForm({ 年度指标值: '计划达成标准', 实际完成值: '今年做到' });
  const emu = emuFromGrids([sheetGrid('自评表', [{ lit }])]);
  const host = createExcelHost(createExcelApi(emu), emu, { retryDelayMs: 0, ...(settingsBudgetBytes ? { settingsBudgetBytes } : {}) });
  return { emu, host, cells };
}

const codes = (r: CheckResult) => r.findings.map((f) => f.code);
const col = (a1: string) => a1.replace(/\d+/u, '');
const row = (a1: string) => Number(a1.replace(/[A-Z]+/u, ''));

describe('the column map kept with the workbook (Excel host over the emulator)', () => {
  it('selectedCell reads the selection in one sync, a merged cell as its whole area', async () => {
    const { emu, host, cells } = setup();
    emu.sheet('自评表')!.selection = parseRangeA1(cells.年度指标值);
    const before = emu.syncCount;
    expect(await host.selectedCell!()).toEqual({ sheet: '自评表', address: cells.年度指标值 });
    expect(emu.syncCount - before).toBe(1);
    emu.sheet('自评表')!.selection = parseRangeA1('E12:E13');
    expect(await host.selectedCell!()).toEqual({ sheet: '自评表', address: 'E12:E13' });
  });

  it('splits quoted sheet names as Office writes them', () => {
    expect(splitAddress("'年度 ''A'' 表'!$E$12:$E$13")).toEqual({ sheet: "年度 'A' 表", address: 'E12:E13' });
    expect(splitAddress('Sheet1!B2')).toEqual({ sheet: 'Sheet1', address: 'B2' });
  });

  it('a saved map is read in the same first sync and used by the next validate and fill; cleared, the header is unplaced again', async () => {
    const { emu, host, cells } = setup();
    const before = await host.validate(REQ);
    expect(codes(before.result)).toContain('HEADER_MISSING');
    expect(before.columnMap).toBeNull();
    expect(before.readSyncs).toBe(1);

    const map = parseColumnMap({ forms: [{ sheet: '自评表', headerRow: row(cells.年度指标值), columns: { [col(cells.年度指标值)]: 'target', [col(cells.实际完成值)]: 'actual' } }] });
    await host.writeColumnMap!(map);
    expect(JSON.parse(emu.settings.get(MAP_KEY)!)).toEqual(map);

    const after = await host.validate(REQ);
    expect(after.readSyncs).toBe(1);
    expect(after.columnMap).toEqual({ map });
    expect(codes(after.result)).not.toContain('HEADER_MISSING');
    expect(after.result.forms[0].total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);

    // the fill reads the map again with its snapshot: no conflict, and the result after it is the mapped one
    const filled = await host.fill({ ...REQ, expected: after.result.fillPlan });
    expect(codes(filled.result)).not.toContain('HEADER_MISSING');

    await host.writeColumnMap!(null);
    expect(emu.settings.has(MAP_KEY)).toBe(false);
    const cleared = await host.validate(REQ);
    expect(cleared.columnMap).toBeNull();
    expect(codes(cleared.result)).toContain('HEADER_MISSING');
  });

  it('a stored map the workbook no longer fits is set aside with core\'s reason; the check still runs', async () => {
    const { emu, host } = setup();
    emu.settings.set(MAP_KEY, JSON.stringify({ forms: [{ sheet: '旧表', headerRow: 12, columns: { E: 'target' } }] }));
    const out = await host.validate(REQ);
    expect(out.columnMap?.refused?.zh).toMatch(/工作表“旧表”不在工作簿中/u);
    expect(out.columnMap?.refused?.en).toMatch(/旧表/u);
    expect(codes(out.result)).toContain('HEADER_MISSING');
  });

  it('a map that would pass the settings budget with the undo record is refused before anything is written', async () => {
    const { emu, host } = setup(400);
    emu.settings.set(UNDO_KEY, JSON.stringify({ v: 1, at: 'x', sheets: [], cells: [], pad: 'x'.repeat(300) }));
    const map = parseColumnMap({ forms: [{ sheet: '自评表', headerRow: 12, columns: { E: 'target', F: 'actual', G: 'weight', H: 'score' } }] });
    const writes = emu.writeSyncCount;
    await expect(host.writeColumnMap!(map)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(host.writeColumnMap!(map)).rejects.toBeInstanceOf(HostError);
    expect(emu.writeSyncCount).toBe(writes);
    expect(emu.settings.has(MAP_KEY)).toBe(false);
  });

  it('the emulator is no kinder than Excel: the selection\'s address needs a load', async () => {
    const { emu } = setup();
    await createExcelApi(emu).run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      await ctx.sync();
      expect(() => r.address).toThrow(/is not available. Before reading/u);
    });
  });
});
