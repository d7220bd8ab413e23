import { checkWorkbook, parseA1, type CheckResult, type SheetGrid } from '../../src/core';
import { HostError, type ValidateRequest } from '../../src/host';
import { emuFromGrids, cellAt, type SheetExtras } from '../../src/workbench/emulator';
import { EtEmulator } from '../../src/workbench/wps-emulator';
import { createWpsHost } from '../../src/wps/createWpsHost';
import { COMMENT_PREFIX, WPS_MARK_COLORS } from '../../src/wps/marks';
import { STORE_SHEET } from '../../src/wps/store';
import { formGrid, formsGrid } from '../fixtures/forms';

const REQ: ValidateRequest = { allSheets: false, options: {}, mark: false, lang: 'zh-CN' };

function setup(grids: SheetGrid[] = [formGrid()], extras: Record<string, SheetExtras> = {}) {
  const emu = emuFromGrids(grids, extras);
  const et = new EtEmulator(emu);
  const host = createWpsHost(et.app, { now: () => new Date('2026-01-01T00:00:00Z') });
  return { emu, et, host };
}

async function hostError(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error('expected a HostError');
}

function summary(r: CheckResult) {
  return {
    forms: r.forms.map((f) => ({ sheet: f.sheet, range: f.range, total: f.total.computed?.toString() ?? null })),
    findings: r.findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`).sort(),
    fill: r.fillPlan.cells.map((c) => `${c.sheet}!${c.cell}=${c.value}`),
  };
}

describe('WPS host: validate', () => {
  it('gives what the core gives on the same grid, and counts its object-model calls as the emulator does', async () => {
    const g = formGrid();
    const { et, host } = setup([g]);
    const out = await host.validate(REQ);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [g] })));
    expect(out.writeSyncs).toBe(0);
    expect(out.readSyncs).toBe(et.calls);
    expect(out.result.fillPlan.cells.length).toBeGreaterThan(0);
    // whole-range reads: Value2 and Formula once each, however many cells
    expect(et.byMember.get('Range.Value2')).toBe(1);
    expect(et.byMember.get('Range.Formula')).toBe(1);
    expect(et.calls).toBeLessThan(400);
  });

  it('reads every visible sheet in all-sheets mode, skips hidden ones and reports progress per sheet', async () => {
    const { host } = setup([formGrid('甲'), formGrid('乙'), formGrid('丙')], { 丙: { visibility: 'Hidden' } });
    const seen: string[] = [];
    const out = await host.validate({ ...REQ, allSheets: true }, (p) => seen.push(`${p.done}/${p.total} ${p.sheet}`));
    expect(out.sheets).toEqual(['甲', '乙']);
    expect(out.result.forms.map((f) => f.sheet)).toEqual(['甲', '乙']);
    expect(seen).toEqual(['1/2 甲', '2/2 乙']);
  });

  it('finds merged areas and formats the way the grid holds them, on a sheet of several forms', async () => {
    const g = formsGrid(3);
    const { et, host } = setup([g]);
    const out = await host.validate(REQ);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [g] })));
    expect(out.readSyncs).toBe(et.calls);
  });

  it('reads errors as errors and a number equal to a CVErr code as a number', async () => {
    const g = formGrid();
    const { emu, host } = setup([g]);
    emu.sheets[0].cell(12, 5).value = '#DIV/0!';
    const out = await host.validate(REQ);
    const again = checkWorkbook({ sheets: [{ ...g, values: g.values.map((l, i) => l.map((v, j) => (i === 12 && j === 5 ? { kind: 'error' as const, code: '#DIV/0!' } : v))) }] });
    expect(summary(out.result)).toEqual(summary(again));
    expect(out.result.findings.some((f) => f.cell === 'F13')).toBe(true);
  });

  it('marks findings with fills and 批注, records them on a very hidden sheet, and takes them away when fixed', async () => {
    const { emu, host, et } = setup();
    const out = await host.validate({ ...REQ, mark: true });
    expect(out.writeSyncs).toBeGreaterThan(0);
    expect(out.readSyncs + out.writeSyncs).toBe(et.calls);
    const f = out.result.findings.find((x) => /^[A-Z]+\d+$/.test(x.cell))!;
    const marked = cellAt(emu, '测试', f.cell);
    expect(marked.fill).toBe(WPS_MARK_COLORS[f.severity]);
    expect(marked.note?.startsWith(COMMENT_PREFIX)).toBe(true);
    const store = emu.sheet(STORE_SHEET)!;
    expect(store.visibility).toBe('VeryHidden');
    expect(emu.activeSheet.name).toBe('测试');
    // a second check with nothing changed leaves the same marks, one comment per cell
    await host.validate({ ...REQ, mark: true });
    expect(cellAt(emu, '测试', f.cell).fill).toBe(WPS_MARK_COLORS[f.severity]);
    // checking without marks asked leaves the marks; the record survives a new host (it is in the workbook)
    const host2 = createWpsHost(et.app);
    await host2.validate({ ...REQ, mark: true, options: { ruleSet: 'mof-2020' } });
    expect(cellAt(emu, '测试', f.cell).note?.startsWith(COMMENT_PREFIX)).toBe(true);
  });

  it('on a protected sheet: the findings come back and the sheet is named as unmarked; nothing is written', async () => {
    const { emu, host, et } = setup([formGrid()], { 测试: { protected: true } });
    const out = await host.validate({ ...REQ, mark: true });
    expect(out.result.findings.length).toBeGreaterThan(0);
    expect(out.unmarked).toEqual(['测试']);
    expect(out.writeSyncs).toBe(0);
    expect(out.readSyncs).toBe(et.calls);
    const f = out.result.findings.find((x) => /^[A-Z]+\d+$/.test(x.cell))!;
    expect(cellAt(emu, '测试', f.cell).fill ?? null).toBeNull();
    expect(emu.sheet(STORE_SHEET)).toBeUndefined();
  });

  it('keeps a person’s own fill and comment', async () => {
    const { emu, host } = setup([formGrid()], { 测试: { fills: { H13: '#00B050' }, notes: { H13: '我的批注' } } });
    const out = await host.validate({ ...REQ, mark: true });
    expect(out.result.findings.some((f) => f.cell === 'H13')).toBe(true);
    const c = cellAt(emu, '测试', 'H13');
    expect(c.note).toBe('我的批注');
    // the fill is ours until the next check, which restores the person's
    emu.sheet('测试')!.cell(12, 7).value = 30;
    await host.validate({ ...REQ, mark: true });
    expect(cellAt(emu, '测试', 'H13').fill).toBe('#00B050');
    expect(cellAt(emu, '测试', 'H13').note).toBe('我的批注');
  });
});

describe('WPS host: fill, undo, conflict', () => {
  it('writes the plan, checks clean after, and undo restores every cell and format', async () => {
    const { emu, et, host } = setup();
    const v = await host.validate(REQ);
    const plan = v.result.fillPlan;
    expect(plan.cells.length).toBeGreaterThan(0);
    const before = plan.cells.map((c) => cellAt(emu, c.sheet, c.cell));
    const c0 = et.calls;
    const out = await host.fill({ ...REQ, expected: plan });
    expect(out.written).toBe(plan.cells.length);
    expect(out.readSyncs + out.writeSyncs).toBe(et.calls - c0);
    for (const c of plan.cells) {
      const now = cellAt(emu, c.sheet, c.cell);
      expect(now.value).toBe(c.value);
      if (c.numberFormat) expect(now.numberFormat).toBe(c.numberFormat);
    }
    expect(await host.hasUndo()).toBe(true);
    const again = await host.validate(REQ);
    expect(again.result.fillPlan.cells).toEqual([]);
    const u = await host.undoFill();
    expect(u.restored).toBe(plan.cells.length);
    plan.cells.forEach((c, i) => expect(cellAt(emu, c.sheet, c.cell)).toEqual(before[i]));
    expect(await host.hasUndo()).toBe(false);
    expect((await hostError(host.undoFill())).code).toBe('NO_UNDO');
  });

  it('writes a column of scores as one Value2 array, and a merged score cell on its own', async () => {
    const g = formGrid();
    const { et, host } = setup([g]);
    const v = await host.validate(REQ);
    const c0 = new Map(et.byMember);
    await host.fill({ ...REQ, expected: v.result.fillPlan });
    const writes = (et.byMember.get('Range.Value2=') ?? 0) - (c0.get('Range.Value2=') ?? 0);
    // one per run of cells plus the store's records; never one per cell of a long column
    expect(writes).toBeLessThanOrEqual(v.result.fillPlan.cells.length + 2);
  });

  it('refuses with CONFLICT, writing nothing, when a planned cell changed since the preview', async () => {
    const { emu, et, host } = setup();
    const v = await host.validate(REQ);
    const target = v.result.fillPlan.cells.find((c) => c.reason === 'score')!;
    const p = parseA1(target.cell);
    emu.sheets[0].cell(p.row, p.col).value = 7;
    const before = et.byMember.get('Range.Value2=') ?? 0;
    const e = await hostError(host.fill({ ...REQ, expected: v.result.fillPlan }));
    expect(e.code).toBe('CONFLICT');
    expect(String(e.detail.cells)).toContain(target.cell);
    expect(et.byMember.get('Range.Value2=') ?? 0).toBe(before);
    expect(emu.sheet(STORE_SHEET)).toBeUndefined();
  });

  it('refuses with PROTECTED before writing on a protected sheet', async () => {
    const { emu, host } = setup([formGrid()], { 测试: { protected: true } });
    const v = await host.validate(REQ);
    const e = await hostError(host.fill({ ...REQ, expected: v.result.fillPlan }));
    expect(e).toMatchObject({ code: 'PROTECTED', detail: { sheet: '测试' } });
    expect(emu.sheet(STORE_SHEET)).toBeUndefined();
  });

  it('undo says SHEET_GONE when a filled sheet was deleted, and select activates and selects', async () => {
    const { emu, host } = setup([formGrid('甲'), formGrid('乙')]);
    const v = await host.validate({ ...REQ, allSheets: true });
    await host.fill({ ...REQ, allSheets: true, expected: v.result.fillPlan });
    await host.select('乙', 'H13');
    expect(emu.activeSheet.name).toBe('乙');
    expect(emu.activeSheet.selection).toEqual({ top: 12, left: 7, bottom: 12, right: 7 });
    emu.deleteSheet('甲');
    expect((await hostError(host.undoFill())).code).toBe('SHEET_GONE');
  });

  it('a write refused half-way (the sheet protected meanwhile) is PROTECTED, and the undo record written first still restores', async () => {
    const { emu, et, host } = setup([formsGrid(2)]);
    const v = await host.validate(REQ);
    const plan = v.result.fillPlan;
    const before = plan.cells.map((c) => cellAt(emu, c.sheet, c.cell));
    const tick = et.tick.bind(et);
    let writes = 0;
    et.tick = (m: string) => {
      tick(m);
      // the store's records, one run of cells, then the sheet is protected
      if (m === 'Range.Value2=' && ++writes === 3) emu.sheet('测试')!.protected = true;
    };
    const e = await hostError(host.fill({ ...REQ, expected: plan }));
    expect(e).toMatchObject({ code: 'PROTECTED', detail: { sheet: '测试' } });
    expect(plan.cells.some((c, i) => cellAt(emu, c.sheet, c.cell).value !== before[i].value)).toBe(true);
    expect(await host.hasUndo()).toBe(true);
    emu.sheet('测试')!.protected = false;
    await host.undoFill();
    plan.cells.forEach((c, i) => expect(cellAt(emu, c.sheet, c.cell)).toEqual(before[i]));
  });

  it('a fill with marks on marks what is left and keeps both records', async () => {
    const { emu, host } = setup();
    const v = await host.validate({ ...REQ, mark: true });
    const out = await host.fill({ ...REQ, mark: true, expected: v.result.fillPlan });
    const left = out.result.findings.filter((f) => /^[A-Z]+\d+$/.test(f.cell));
    for (const f of left) expect(cellAt(emu, f.sheet, f.cell).fill).not.toBeNull();
    // a filled cell no longer has a finding: its mark is gone
    const filled = v.result.fillPlan.cells.find((c) => !left.some((f) => f.cell === c.cell) && v.result.findings.some((f) => f.cell === c.cell));
    if (filled) expect(cellAt(emu, filled.sheet, filled.cell).note).toBeNull();
    expect(await host.hasUndo()).toBe(true);
    expect((await host.undoFill()).restored).toBe(v.result.fillPlan.cells.length);
  });

  it('fails with NOT_IN_EXCEL outside WPS', async () => {
    expect((await hostError(createWpsHost(undefined).validate(REQ))).code).toBe('NOT_IN_EXCEL');
  });
});

