import { parseColumnMap, type CheckResult } from '../../src/core';
import { parseRangeA1 } from '../../src/core/grid';
import type { ValidateRequest } from '../../src/host';
import { emuFromGrids } from '../../src/workbench/emulator';
import { EtEmulator } from '../../src/workbench/wps-emulator';
import { createWpsHost } from '../../src/wps/createWpsHost';
import { readStore, STORE_SHEET } from '../../src/wps/store';
import { sheetGrid } from '../fixtures/grid';
import { TEMPLATE_TOTAL, unplacedHeaderForm } from '../fixtures/templates';

const REQ: ValidateRequest = { allSheets: false, options: {}, mark: true, lang: 'zh-CN' };
const codes = (r: CheckResult) => r.findings.map((f) => f.code);

describe('the column map in the WPS host (on its very hidden records sheet)', () => {
  it('reads the selection, keeps the map beside the other records, uses it for validate and fill, clears it', async () => {
    const { lit, cells } = unplacedHeaderForm({ 实际完成值: '今年做到' });
    const emu = emuFromGrids([sheetGrid('自评表', [{ lit }])]);
    const et = new EtEmulator(emu);
    const host = createWpsHost(et.app, { now: () => new Date('2026-01-01T00:00:00Z') });

    const before = await host.validate(REQ);
    expect(codes(before.result)).toContain('HEADER_MISSING');
    expect(before.columnMap).toBeNull();

    emu.sheet('自评表')!.selection = parseRangeA1(cells.实际完成值);
    expect(await host.selectedCell!()).toEqual({ sheet: '自评表', address: cells.实际完成值 });

    const map = parseColumnMap({ forms: [{ sheet: '自评表', headerRow: Number(cells.实际完成值.replace(/[A-Z]+/u, '')), columns: { [cells.实际完成值.replace(/\d+/u, '')]: 'actual' } }] });
    await host.writeColumnMap!(map);
    const wb = et.app.ActiveWorkbook!;
    expect(readStore(wb).content.map).toEqual(map);
    expect(emu.sheet(STORE_SHEET)!.visibility).toBe('VeryHidden');
    expect(emu.activeSheet.name).toBe('自评表');

    const after = await host.validate(REQ);
    expect(after.columnMap).toEqual({ map });
    expect(codes(after.result)).not.toContain('HEADER_MISSING');
    expect(after.result.forms[0].total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
    // the marks written by that validate kept the map beside them
    expect(readStore(wb).content.map).toEqual(map);

    const filled = await host.fill({ ...REQ, expected: after.result.fillPlan });
    expect(codes(filled.result)).not.toContain('HEADER_MISSING');
    expect(readStore(wb).content.map).toEqual(map);

    await host.writeColumnMap!(null);
    expect(readStore(wb).content.map).toBeNull();
    expect(codes((await host.validate(REQ)).result)).toContain('HEADER_MISSING');
  });
});
