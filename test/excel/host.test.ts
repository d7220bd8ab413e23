import { checkWorkbook } from '../../src/core';
import type { CheckResult, SheetGrid } from '../../src/core';
import { readFileSync } from 'fs';
import { join } from 'path';
import { asText, createExcelHost, MIN_EXCEL_API, SETTINGS_BUDGET_BYTES, UNDO_KEY, utf8Bytes } from '../../src/excel/createExcelHost';
import type { ExcelLike } from '../../src/excel/excel-like';
import { HostError, type Progress, type ValidateRequest } from '../../src/excel/host';
import { MARK_COLORS, MARK_KEY, noteId } from '../../src/excel/marks';
import { cellAt, createExcelApi, emuFromGrids, sheetState, type EmuWorkbook, type SheetExtras } from '../../src/workbench/emulator';
import { gridOf } from '../fixtures/grid';
import { parseA1, rangeToA1 } from '../../src/core/grid';
import { formGrid, formsGrid } from '../fixtures/forms';
import { gridsFromXlsx } from '../fixtures/xlsx';
import { SEED_XLSX as FIXTURE, SEED_PRESENT as hasFixture } from '../helpers/shared';

const REQ: ValidateRequest = { allSheets: false, options: {}, mark: false, lang: 'zh-CN' };

function setup(grids: SheetGrid[] = [formGrid()], extras: Record<string, SheetExtras> = {}, hostOptions = {}) {
  const emu = emuFromGrids(grids, extras);
  const host = createExcelHost(createExcelApi(emu), emu, { retryDelayMs: 0, ...hostOptions });
  return { emu, host };
}

/** An api whose n-th sync first runs `before(n)`. */
function intercepted(emu: EmuWorkbook, before: (n: number) => void): ExcelLike {
  const api = createExcelApi(emu);
  let n = 0;
  return {
    run: (options, batch) => api.run(options, (ctx) => {
      const sync = ctx.sync.bind(ctx);
      Object.assign(ctx, { sync: async () => { before(++n); return sync(); } });
      return batch(ctx);
    }),
  };
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

/** What a person would compare: each form's totals and every finding's code and cell. */
function summary(r: CheckResult) {
  return {
    forms: r.forms.map((f) => ({ sheet: f.sheet, range: f.range, total: f.total.computed?.toString() ?? null, levels: f.indicators.map((i) => `${i.level1}/${i.level2}`) })),
    findings: r.findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`).sort(),
    fill: r.fillPlan.cells.map((c) => `${c.sheet}!${c.cell}=${c.value}`),
  };
}

describe('validate', () => {
  it('reads the active sheet in one sync and gives what the core gives on the same grid', async () => {
    const { emu, host } = setup();
    const out = await host.validate(REQ);
    expect(out.readSyncs).toBe(1);
    expect(out.writeSyncs).toBe(0);
    expect(emu.syncCount).toBe(1);
    expect(out.sheets).toEqual(['测试']);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [formGrid()] })));
    expect(out.result.fillPlan.cells.length).toBeGreaterThan(3);
  });

  it('a form that does not start at A1 reads the same', async () => {
    const { host } = setup([formGrid('偏移', 'C4')]);
    const out = await host.validate(REQ);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [formGrid('偏移', 'C4')] })));
    expect(out.result.forms).toHaveLength(1);
  });

  it('ExcelApi 1.12: merges are inferred from the labels and the results are the same', async () => {
    const { emu, host } = setup();
    emu.requirements = { ExcelApi: '1.12' };
    const out = await host.validate(REQ);
    expect(out.readSyncs).toBe(1);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [formGrid()] })));
    expect(out.result.forms[0].indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
  });

  it('below ExcelApi 1.7 (the manifest floor) the host says which set it needs', async () => {
    const { emu, host } = setup();
    emu.requirements = { ExcelApi: '1.6' };
    const e = await hostError(host.validate(REQ));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.detail.needed).toBe('ExcelApi 1.7');
    expect(MIN_EXCEL_API).toBe(/<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(readFileSync(join(__dirname, '../../manifest.xml'), 'utf8'))?.[1]);
  });

  it.each([1, 10, 40])('%i forms on one sheet: one read sync, one progress report, what the core gives', async (n) => {
    const grid = formsGrid(n, '大表');
    if (n === 40) expect(grid.merges.length).toBeGreaterThan(512); // more than one merged-area query may answer
    const { emu, host } = setup([grid]);
    const progress: (Progress & { syncs: number })[] = [];
    const out = await host.validate(REQ, (p) => progress.push({ ...p, syncs: emu.syncCount }));
    expect(out.result.forms).toHaveLength(n);
    expect([out.readSyncs, out.writeSyncs, emu.syncCount]).toEqual([1, 0, 1]);
    expect(progress).toEqual([{ done: 1, total: 1, sheet: '大表', syncs: 1 }]);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [grid] })));

    const marked = await host.validate({ ...REQ, mark: true });
    expect([marked.readSyncs, marked.writeSyncs]).toEqual([1, 1]);
    const filled = await host.fill({ ...REQ, mark: true, expected: marked.result.fillPlan });
    expect([filled.readSyncs, filled.writeSyncs]).toEqual([1, 1]);
    expect(filled.written).toBe(marked.result.fillPlan.cells.length);
  });

  it('a sheet taller than the merged areas the first sync asks for: one more sync, merges intact', async () => {
    const grid = formsGrid(2, '高表', 'A4100');
    const { host } = setup([grid]);
    const out = await host.validate(REQ);
    expect(out.readSyncs).toBe(2);
    expect(out.result.forms).toHaveLength(2);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [grid] })));
  });

  it('when Office refuses the whole sheet (payload limit), reads it in bands of cellBudget cells, one sync per band, with progress', async () => {
    const grid = formsGrid(40, '大表');
    const { emu, host } = setup([grid], {}, { cellBudget: 900 });
    emu.payloadLimitBytes = 60_000;
    const progress: (Progress & { syncs: number })[] = [];
    const out = await host.validate(REQ, (p) => progress.push({ ...p, syncs: emu.syncCount }));
    expect(out.result.forms).toHaveLength(40);
    const bands = Math.ceil(grid.values.length / Math.floor(900 / 9));
    // the refused whole read, the sheet's dimensions, then the bands
    expect(out.readSyncs).toBe(2 + bands);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: bands + 1 }, (_, i) => i));
    expect(progress.every((p) => p.total === bands && p.sheet === '大表')).toBe(true);
    // exactly one sync between two progress reports
    expect(progress.map((p) => p.syncs)).toEqual(Array.from({ length: bands + 1 }, (_, i) => i + 2));
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [grid] })));
  });

  it('a band Office still refuses is halved; marks and fill work over the bounded path', async () => {
    const grid = formsGrid(40, '大表');
    const { emu, host } = setup([grid]);
    // the records, the notes and the dimensions fit; neither the whole sheet nor a band of 5000 cells does
    emu.payloadLimitBytes = 120_000;
    const progress: Progress[] = [];
    const out = await host.validate({ ...REQ, mark: true }, (p) => progress.push(p));
    const last = progress[progress.length - 1];
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(Math.ceil(grid.values.length / Math.floor(5000 / 9)));
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: last.total + 1 }, (_, i) => i));
    expect(out.readSyncs).toBeGreaterThan(2 + last.total);
    expect(out.writeSyncs).toBe(1);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [grid] })));
    const filled = await host.fill({ ...REQ, mark: true, expected: out.result.fillPlan });
    expect(filled.writeSyncs).toBe(1);
    expect(filled.written).toBe(out.result.fillPlan.cells.length);
    expect(filled.result.fillPlan.cells).toEqual([]);
  });

  it.each(['GeneralException', 'InvalidArgument', 'InvalidOperation'])('more than 512 merged areas in one query: the whole read fails (%s: the reference names no code) and bands read the sheet', async (failure) => {
    const form = formGrid('密表');
    const rows = form.values.map((r) => [...r]);
    const extra: string[] = [];
    for (let i = 0; i < 100; i++) {
      rows.push(['x', null, 'y', null, 'z', null, 'w', null, 'v', null, 'u', null]);
      for (const [a, b] of [['A', 'B'], ['C', 'D'], ['E', 'F'], ['G', 'H'], ['I', 'J'], ['K', 'L']]) extra.push(`${a}${rows.length}:${b}${rows.length}`);
    }
    expect(extra.length).toBeGreaterThan(512);
    const dense = gridOf(rows, { sheet: '密表', merges: [...form.merges.map(rangeToA1), ...extra] });
    const { emu, host } = setup([dense], {}, { cellBudget: 600 });
    emu.mergedAreasLimitCode = failure;
    const out = await host.validate(REQ);
    expect(out.readSyncs).toBe(2 + Math.ceil(rows.length / Math.floor(600 / 12)));
    expect(out.result.forms).toHaveLength(1);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [dense] })));
  });

  it('a used range above maxCells is TOO_LARGE, on the one-sync path and on the bounded path', async () => {
    const { emu, host } = setup([formGrid()], {}, { maxCells: 100 });
    const e1 = await hostError(host.validate(REQ));
    expect([e1.code, e1.detail.sheet, e1.detail.cells]).toEqual(['TOO_LARGE', '测试', 18 * 9]);
    emu.payloadLimitBytes = 100;
    const syncs = emu.syncCount;
    const e2 = await hostError(host.validate(REQ));
    expect([e2.code, e2.detail.cells]).toEqual(['TOO_LARGE', 18 * 9]);
    expect(emu.syncCount - syncs).toBe(2); // refused, then the dimensions: no band is read
  });

  it.each(['RangeExceedsLimit', 'null'] as const)('a used range above Office\'s read limit (Office answers %s) is read in bands, as a refused one', async (answer) => {
    const { emu, host } = setup([formGrid()], {}, { cellBudget: 60 });
    emu.readCellLimit = 100;
    emu.oversizedRead = answer;
    const out = await host.validate(REQ);
    expect(out.readSyncs).toBe(answer === 'null' ? 1 + Math.ceil(18 / Math.floor(60 / 9)) : 2 + Math.ceil(18 / Math.floor(60 / 9)));
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [formGrid()] })));
  });

  it.each(['RangeExceedsLimit', 'null'] as const)('above Office\'s 5 000 000-cell read limit (Office answers %s) and maxCells: TOO_LARGE', async (answer) => {
    const { emu, host } = setup([formGrid()]);
    emu.oversizedRead = answer;
    emu.sheet('测试')!.cell(4999, 1099).value = '远处';
    const e = await hostError(host.validate(REQ));
    expect([e.code, e.detail.sheet, e.detail.cells]).toEqual(['TOO_LARGE', '测试', 5000 * 1100]);
  });

  it('a blank sheet reads as blank on both paths', async () => {
    const { emu, host } = setup([gridOf([[null]], { sheet: '空' })]);
    const out = await host.validate(REQ);
    expect([out.readSyncs, out.result.forms.length]).toEqual([1, 0]);
    expect(summary(out.result)).toEqual(summary(checkWorkbook({ sheets: [{ sheet: '空', origin: { row: 0, col: 0 }, values: [], merges: [] }] })));
    emu.failNextSyncWith('ResponsePayloadSizeLimitExceeded');
    const chunked = await host.validate(REQ);
    expect(chunked.readSyncs).toBe(3);
    expect(summary(chunked.result)).toEqual(summary(out.result));
  });

  it('all sheets: one sync for the list and the records, one for every sheet', async () => {
    const { host } = setup([formGrid('甲'), formGrid('乙'), gridOf([['无表']], { sheet: '丙' })], { 丙: { visibility: 'Hidden' } });
    const progress: Progress[] = [];
    const out = await host.validate({ ...REQ, allSheets: true }, (p) => progress.push(p));
    expect(out.sheets).toEqual(['甲', '乙']);
    expect(out.readSyncs).toBe(2);
    expect(progress).toEqual([{ done: 2, total: 2, sheet: '乙' }]);
    expect(out.result.forms.map((f) => f.sheet)).toEqual(['甲', '乙']);
  });

  it('all sheets: 2 syncs however many sheets; a group is halved only when Office refuses it', async () => {
    const grids = Array.from({ length: 8 }, (_, i) => formGrid(`表${i + 1}`));
    const { emu, host } = setup(grids);
    const out = await host.validate({ ...REQ, allSheets: true });
    expect(out.readSyncs).toBe(2);
    const direct = summary(checkWorkbook({ sheets: grids }));
    expect(summary(out.result)).toEqual(direct);

    // a limit that lets two whole sheets through but not four: 8 (refused) → 4 + 4 (refused) → 2 + 2 + 2 + 2
    emu.payloadLimitBytes = Math.floor(2.5 * (await wholeBytes(grids[0])));
    const progress: Progress[] = [];
    const halved = await host.validate({ ...REQ, allSheets: true }, (p) => progress.push(p));
    expect(halved.readSyncs).toBe(1 + 1 + 2 + 4);
    expect(summary(halved.result)).toEqual(direct);
    expect(progress.map((p) => [p.done, p.total])).toEqual([[2, 8], [4, 8], [6, 8], [8, 8]]);
  });
});

/** The smallest payload limit under which a sheet is read whole (active-sheet mode). */
async function wholeBytes(grid: SheetGrid): Promise<number> {
  const emu = emuFromGrids([grid]);
  const host = createExcelHost(createExcelApi(emu), emu);
  let lo = 1;
  let hi = 1 << 20;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    emu.payloadLimitBytes = mid;
    if ((await host.validate(REQ)).readSyncs === 1) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

describe('marks', () => {
  it('are written in one sync, cleared by the next run, and never touch a user fill or note', async () => {
    const { emu, host } = setup([formGrid()], { 测试: { fills: { I14: '#FFFF00', C3: '#00B0F0' }, notes: { H6: '用户批注' } } });
    const first = await host.validate({ ...REQ, mark: true });
    expect(first.readSyncs).toBe(2); // the sheet holds a note we did not write: its cell is looked up once
    expect(first.writeSyncs).toBe(1);
    expect(cellAt(emu, '测试', 'H14').fill).toBe(MARK_COLORS.error);
    expect(cellAt(emu, '测试', 'I14').fill).toBe(MARK_COLORS.warning);
    expect(cellAt(emu, '测试', 'H6').fill).toBe(MARK_COLORS.warning);
    expect(cellAt(emu, '测试', 'H6').note).toBe('用户批注');
    expect(cellAt(emu, '测试', 'H14').note).toMatch(/^【绩效自评】.*17\.78/);
    expect(emu.settings.has(MARK_KEY)).toBe(true);

    // the person fixes H14 and I14, and paints H13 (which we marked) green
    const s = emu.sheet('测试')!;
    s.cell(13, 7).value = 17.78;
    s.cell(13, 8).value = '场地受限';
    s.cell(12, 7).fill = '#00FF00';
    const second = await host.validate({ ...REQ, mark: true });
    expect(second.writeSyncs).toBe(1);
    expect(cellAt(emu, '测试', 'H14').fill).toBeNull();
    expect(cellAt(emu, '测试', 'H14').note).toBeNull();
    expect(cellAt(emu, '测试', 'I14').fill).toBe('#FFFF00');
    expect(cellAt(emu, '测试', 'H13').fill).toBe(MARK_COLORS.warning);
    expect(cellAt(emu, '测试', 'C3').fill).toBe('#00B0F0');
    expect(cellAt(emu, '测试', 'H6').note).toBe('用户批注');

    // fill the rest: a mark stays only where a finding is; user colours and notes stay
    s.cell(12, 7).value = 30;
    s.cell(5, 6).value = 0.9;
    s.cell(5, 7).value = 9;
    const third = await host.validate({ ...REQ, mark: true });
    const at = new Set(third.result.findings.map((f) => f.cell));
    const state = sheetState(emu, '测试');
    const ours = new Set<string>(Object.values(MARK_COLORS));
    for (const [a1, color] of Object.entries(state.fills)) if (ours.has(color)) expect([a1, at.has(a1)]).toEqual([a1, true]);
    expect(state.fills.C3).toBe('#00B0F0');
    expect(state.fills.I14).toBe('#FFFF00');
    expect(state.fills.H13).toBe('#00FF00');
    expect(at.has('H6')).toBe(false);
    expect(state.fills.H6).toBeUndefined();
    expect(state.notes.H6).toBe('用户批注');
    for (const a1 of Object.keys(state.notes)) if (a1 !== 'H6') expect([a1, at.has(a1)]).toEqual([a1, true]);
  });

  it('a cell repainted by the person keeps its colour when our mark goes', async () => {
    const { emu, host } = setup();
    await host.validate({ ...REQ, mark: true });
    expect(cellAt(emu, '测试', 'H13').fill).toBe(MARK_COLORS.warning);
    const s = emu.sheet('测试')!;
    s.cell(12, 7).fill = '#00FF00';
    s.cell(12, 7).value = 30;
    await host.validate({ ...REQ, mark: true });
    expect(cellAt(emu, '测试', 'H13').fill).toBe('#00FF00');
  });

  it('ExcelApi 1.12 marks with comments instead of notes', async () => {
    const { emu, host } = setup();
    emu.requirements = { ExcelApi: '1.12' };
    const out = await host.validate({ ...REQ, mark: true });
    expect(out.writeSyncs).toBe(1);
    expect(sheetState(emu, '测试').notes).toEqual({});
    expect(sheetState(emu, '测试').comments.H14).toMatch(/17\.78/);
    emu.sheet('测试')!.cell(13, 7).value = 17.78;
    await host.validate({ ...REQ, mark: true });
    expect(sheetState(emu, '测试').comments.H14).toBeUndefined();
  });

  it('with notes, a cell that holds a threaded comment gets a fill but no note (Excel keeps the two apart)', async () => {
    const { emu, host } = setup([formGrid()], { 测试: { comments: { H14: '请核实' } } });
    const out = await host.validate({ ...REQ, mark: true });
    expect(out.writeSyncs).toBe(1);
    expect(cellAt(emu, '测试', 'H14').fill).toBe(MARK_COLORS.error);
    expect(sheetState(emu, '测试').notes.H14).toBeUndefined();
    expect(sheetState(emu, '测试').comments).toEqual({ H14: '请核实' });
    expect(Object.keys(sheetState(emu, '测试').notes).length).toBeGreaterThan(0);
  });

  it('a host that refuses threaded comments (NotImplemented) is marked with fills only, and the next run clears them', async () => {
    const { emu, host } = setup();
    emu.requirements = { ExcelApi: '1.12' };
    emu.threadedComments = false;
    const before = sheetState(emu, '测试');
    const out = await host.validate({ ...REQ, mark: true });
    expect(out.writeSyncs).toBe(2);
    expect(sheetState(emu, '测试').comments).toEqual({});
    expect(cellAt(emu, '测试', 'H14').fill).toBe(MARK_COLORS.error);
    // everything is fixed by hand: the next run takes every mark away, as the record knows them
    const s = emu.sheet('测试')!;
    for (const f of out.result.fillPlan.cells) s.cell(f.row, f.col).value = f.value as number;
    s.cell(13, 7).value = 17.78;
    s.cell(13, 8).value = '场地受限';
    const second = await host.validate({ ...REQ, mark: true });
    const marked = new Set(second.result.findings.map((f) => f.cell));
    const ours = new Set<string>(Object.values(MARK_COLORS));
    for (const [a1, color] of Object.entries(sheetState(emu, '测试').fills)) if (ours.has(color)) expect([a1, marked.has(a1)]).toEqual([a1, true]);
    expect(Object.keys(before.fills)).toEqual([]);
  });

  it('the record keeps a fingerprint of each note, not its text; an older record holding the text still clears its notes', async () => {
    const { emu, host } = setup();
    await host.validate({ ...REQ, mark: true });
    const note = cellAt(emu, '测试', 'H14').note!;
    const record = JSON.parse(emu.settings.get(MARK_KEY)!) as { sheets: Record<string, { cell: string; note?: string; noteId?: string }[]> };
    const h14 = record.sheets['测试'].find((m) => m.cell === 'H14')!;
    expect(h14).toMatchObject({ noteId: noteId(note) });
    expect(emu.settings.get(MARK_KEY)!).not.toContain('【绩效自评】');
    // an older version of the add-in wrote the text itself
    delete h14.noteId;
    h14.note = note;
    emu.settings.set(MARK_KEY, JSON.stringify(record));
    emu.sheet('测试')!.cell(13, 7).value = 17.78;
    emu.sheet('测试')!.cell(13, 8).value = '场地受限';
    await host.validate({ ...REQ, mark: true });
    expect(cellAt(emu, '测试', 'H14')).toMatchObject({ note: null, fill: null });
  });

  it('marks whose record would pass the settings budget: TOO_LARGE before anything is written', async () => {
    const { emu, host } = setup([formGrid()], {}, { settingsBudgetBytes: 200 });
    const before = sheetState(emu, '测试');
    const e = await hostError(host.validate({ ...REQ, mark: true }));
    expect(e.code).toBe('TOO_LARGE');
    expect(Number(e.detail.bytes)).toBeGreaterThan(200);
    expect(emu.writeSyncCount).toBe(0);
    expect(sheetState(emu, '测试')).toEqual(before);
  });

  it('a sheet protected between the read and the marking, in a zh-CN Excel → PROTECTED', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.requirements = { ExcelApi: '1.9' }; // fills only: no notes to fall back from
    emu.protectedMessage = '您试图更改的单元格或图表位于受保护的工作表中。';
    const host = createExcelHost(intercepted(emu, (n) => { if (n === 2) emu.sheet('测试')!.protected = true; }), emu, { retryDelayMs: 0 });
    const e = await hostError(host.validate({ ...REQ, mark: true }));
    expect([e.code, e.detail.sheet]).toEqual(['PROTECTED', '测试']);
    expect(Object.values(sheetState(emu, '测试').fills)).toEqual([]);
  });

  it('on a protected sheet: the findings come back, the sheet is named as unmarked, nothing is written', async () => {
    const { emu, host } = setup([formGrid()], { 测试: { protected: true } });
    const before = sheetState(emu, '测试');
    const v = await host.validate({ ...REQ, mark: true });
    expect(v.result.findings.length).toBeGreaterThan(0);
    expect(v.unmarked).toEqual(['测试']);
    expect(emu.writeSyncCount).toBe(0);
    expect(sheetState(emu, '测试')).toEqual(before);
  });

  it('all sheets, one of them protected: the others are marked, the protected one is named', async () => {
    const { emu, host } = setup([formGrid('甲'), formGrid('乙')], { 乙: { protected: true } });
    const before = sheetState(emu, '乙');
    const v = await host.validate({ ...REQ, allSheets: true, mark: true });
    expect(v.unmarked).toEqual(['乙']);
    expect(Object.keys(sheetState(emu, '甲').fills).length).toBeGreaterThan(0);
    expect(sheetState(emu, '乙')).toEqual(before);
  });
});

describe('fill', () => {
  async function planned(host: ReturnType<typeof setup>['host'], options = {}) {
    const v = await host.validate({ ...REQ, options });
    return v.result.fillPlan;
  }

  it('writes exactly the plan in one write sync after one read, and stores the undo record in that sync', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    const before = sheetState(emu, '测试');
    const writes = emu.writeSyncCount;
    const out = await host.fill({ ...REQ, expected });
    expect(out.readSyncs).toBe(1);
    expect(out.writeSyncs).toBe(1);
    expect(emu.writeSyncCount - writes).toBe(1);
    expect(out.written).toBe(expected.cells.length);
    expect(out.counts).toEqual(expected.counts);
    const after = sheetState(emu, '测试');
    for (const c of expected.cells) {
      expect(cellAt(emu, '测试', c.cell).value).toBe(c.value);
      expect(cellAt(emu, '测试', c.cell).formula).toBeNull();
      if (c.numberFormat) expect(cellAt(emu, '测试', c.cell).numberFormat).toBe(c.numberFormat);
    }
    const touched = new Set(expected.cells.map((c) => `${c.row},${c.col}`));
    before.grid.values.forEach((line, i) => line.forEach((v, j) => {
      if (!touched.has(`${i},${j}`)) expect([i, j, after.grid.values[i][j]]).toEqual([i, j, v]);
    }));
    expect(emu.settings.has(UNDO_KEY)).toBe(true);
    expect(emu.screenUpdatingSuspensions).toBe(1);
    expect(emu.eventsEnabled).toBe(true);
    expect(out.result.fillPlan.cells).toEqual([]);
  });

  it('a score written into a Text-formatted (@) cell is a number: the cell gets General, and undo gives @ back', async () => {
    const g = formGrid();
    const at = (a1: string) => { const p = parseA1(a1); return [p.row - g.origin.row, p.col - g.origin.col] as const; };
    const [i, j] = at('H13');
    const formats = g.formats!.map((line) => [...line]);
    formats[i][j] = '@';
    const { emu, host } = setup([{ ...g, formats }]);
    const expected = (await host.validate(REQ)).result.fillPlan;
    const h13 = expected.cells.find((f) => f.cell === 'H13')!;
    expect(typeof h13.value).toBe('number');
    await host.fill({ ...REQ, expected });
    expect(cellAt(emu, '测试', 'H13')).toMatchObject({ value: h13.value, numberFormat: 'General' });
    await host.undoFill();
    expect(cellAt(emu, '测试', 'H13')).toMatchObject({ value: '', numberFormat: '@' });
  });

  it('an undo record that, with the marks, passes the settings budget (UTF-8 bytes): TOO_LARGE and nothing written', async () => {
    // Excel 2021 refused about 1 MB of settings (office-js#3957): the records keep under 512 KB together
    expect(SETTINGS_BUDGET_BYTES).toBe(512 * 1024);
    expect([utf8Bytes('a'), utf8Bytes('绩效'), utf8Bytes('😀')]).toEqual([1, 6, 4]);
    const { emu } = setup();
    const expected = (await createExcelHost(createExcelApi(emu), emu).validate(REQ)).result.fillPlan;
    const before = sheetState(emu, '测试');
    const host = createExcelHost(createExcelApi(emu), emu, { settingsBudgetBytes: 300 });
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect([e.code, e.detail.cells]).toEqual(['TOO_LARGE', expected.cells.length]);
    expect(emu.writeSyncCount).toBe(0);
    expect(sheetState(emu, '测试')).toEqual(before);
    expect(emu.settings.has(UNDO_KEY)).toBe(false);
  });

  it('a write batch above the request payload limit (5 MB on the web): TOO_LARGE and nothing written', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    const before = sheetState(emu, '测试');
    emu.payloadLimitBytes = 600; // the read's response fits, the undo record in the write request does not
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect(e.code).toBe('TOO_LARGE');
    expect(sheetState(emu, '测试')).toEqual(before);
    expect(emu.settings.has(UNDO_KEY)).toBe(false);
  });

  it('when Excel refuses the settings (its 2 MB per add-in), the batch fails at the undo record, before any cell', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    const before = sheetState(emu, '测试');
    emu.settingsLimitBytes = 100;
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect(e.code).toBe('UNKNOWN');
    expect(e.detail.code).toBe('InvalidArgument');
    expect(sheetState(emu, '测试')).toEqual(before);
    expect(emu.settings.has(UNDO_KEY)).toBe(false);
  });

  it('the drafted note is text, not a formula', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    await host.fill({ ...REQ, expected });
    const note = expected.cells.find((c) => c.reason === 'note')!;
    expect(cellAt(emu, '测试', note.cell)).toMatchObject({ value: note.value, formula: null });
  });

  it('conflict: a touched cell changed since the preview → CONFLICT and nothing written', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    emu.sheet('测试')!.cell(12, 7).value = 25;
    const before = sheetState(emu, '测试');
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect(e.code).toBe('CONFLICT');
    expect(String(e.detail.cells).split(',')).toContain('H13');
    expect(sheetState(emu, '测试')).toEqual(before);
    expect(emu.writeSyncCount).toBe(0);
    expect(emu.settings.has(UNDO_KEY)).toBe(false);
  });

  it('conflict: an input of a planned value changed → CONFLICT', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    emu.sheet('测试')!.cell(5, 4).value = 50; // 全年执行数: rate and funds score would differ
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect(e.code).toBe('CONFLICT');
    expect(String(e.detail.cells).split(',')).toEqual(expect.arrayContaining(['G6', 'H6']));
  });

  it('protected sheet with locked cells (Excel locks every cell by default) → PROTECTED after reading their lock, nothing changed', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    emu.sheet('测试')!.protected = true;
    const before = sheetState(emu, '测试');
    const syncs = emu.syncCount;
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect(e.code).toBe('PROTECTED');
    // the read, then format.protection.locked of the cells the plan writes
    expect(emu.syncCount - syncs).toBe(2);
    expect(emu.writeSyncCount).toBe(0);
    expect(sheetState(emu, '测试')).toEqual(before);
  });

  it('edit mode: retried once; twice → EDIT_MODE and nothing written', async () => {
    const { emu, host } = setup();
    const expected = await planned(host);
    emu.failNextSyncWith('InvalidOperationInCellEditMode');
    const ok = await host.fill({ ...REQ, expected });
    expect(ok.written).toBe(expected.cells.length);

    const again = setup();
    const plan2 = await planned(again.host);
    const before = sheetState(again.emu, '测试');
    again.emu.failNextSyncWith('InvalidOperationInCellEditMode');
    again.emu.failNextSyncWith('InvalidOperationInCellEditMode');
    const e = await hostError(again.host.fill({ ...REQ, expected: plan2 }));
    expect(e.code).toBe('EDIT_MODE');
    expect(sheetState(again.emu, '测试')).toEqual(before);
  });

  it('a write batch that fails half-way is put back, sheet by sheet (Office batches are not transactional)', async () => {
    const emu = emuFromGrids([formGrid('甲'), formGrid('乙')]);
    const expected = (await createExcelHost(createExcelApi(emu), emu).validate({ ...REQ, allSheets: true })).result.fillPlan;
    expect(new Set(expected.cells.map((f) => f.sheet))).toEqual(new Set(['甲', '乙']));
    const before = sheetState(emu, '甲');
    // between the read (two syncs: the list, then every sheet) and the write, 乙 is deleted: the values for 甲 go in, then the batch fails
    const host = createExcelHost(intercepted(emu, (n) => { if (n === 3) emu.deleteSheet('乙'); }), emu, { retryDelayMs: 0 });
    const e = await hostError(host.fill({ ...REQ, allSheets: true, expected }));
    expect(e.code).toBe('SHEET_GONE');
    expect(sheetState(emu, '甲').grid).toEqual(before.grid);
    expect(emu.settings.has(UNDO_KEY)).toBe(false);
    // the batch switched events off and failed before switching them back on: the host switches them on again
    expect(emu.eventsEnabled).toBe(true);
  });

  it('when notes go away between the read and the write, the fill is put back and done again with fills only', async () => {
    const emu = emuFromGrids([formGrid()]);
    const expected = (await createExcelHost(createExcelApi(emu), emu).validate(REQ)).result.fillPlan;
    const before = sheetState(emu, '测试');
    const host = createExcelHost(intercepted(emu, (n) => { if (n === 2) emu.requirements = { ExcelApi: '1.17' }; }), emu, { retryDelayMs: 0 });
    const out = await host.fill({ ...REQ, mark: true, expected });
    expect(out.written).toBe(expected.cells.length);
    for (const f of expected.cells) expect([f.cell, cellAt(emu, '测试', f.cell).value]).toEqual([f.cell, f.value]);
    expect(sheetState(emu, '测试').notes).toEqual({});
    expect(Object.values(sheetState(emu, '测试').fills).length).toBeGreaterThan(0);
    // the record of the marks has no notes: the next run takes the fills away
    for (const entries of Object.values(JSON.parse(emu.settings.get(MARK_KEY)!).sheets as Record<string, { note?: string; noteId?: string }[]>)) {
      for (const m of entries) expect([m.note, m.noteId]).toEqual([undefined, undefined]);
    }
    await host.undoFill();
    expect(sheetState(emu, '测试').grid).toEqual(before.grid);
  });

  it('a sheet protected between the read and the write, in a zh-CN Excel (localized message) → PROTECTED, nothing changed', async () => {
    const emu = emuFromGrids([formGrid()]);
    emu.protectedMessage = '您试图更改的单元格或图表位于受保护的工作表中。';
    const expected = (await createExcelHost(createExcelApi(emu), emu).validate(REQ)).result.fillPlan;
    const before = sheetState(emu, '测试');
    const host = createExcelHost(intercepted(emu, (n) => { if (n === 2) emu.sheet('测试')!.protected = true; }), emu, { retryDelayMs: 0 });
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect([e.code, e.detail.sheet]).toEqual(['PROTECTED', '测试']);
    expect(sheetState(emu, '测试')).toEqual(before);
    expect(emu.settings.has(UNDO_KEY)).toBe(false);
  });

  it('sheet deleted since the preview → SHEET_GONE', async () => {
    const { emu, host } = setup([formGrid(), gridOf([['x']], { sheet: '别的' })]);
    const expected = await planned(host);
    emu.setActive('别的');
    emu.deleteSheet('测试');
    const e = await hostError(host.fill({ ...REQ, expected }));
    expect(e.code).toBe('SHEET_GONE');
    expect(e.detail.sheet).toBe('测试');
  });

  it('fills the previewed sheet even when another sheet became active', async () => {
    const { emu, host } = setup([formGrid(), gridOf([['x']], { sheet: '别的' })]);
    const expected = await planned(host);
    emu.setActive('别的');
    const out = await host.fill({ ...REQ, expected });
    expect(out.written).toBe(expected.cells.length);
    expect(cellAt(emu, '测试', 'H13').value).toBe(30);
  });
});

describe('undo', () => {
  it('restores values, formulas and formats exactly, also from a fresh host instance', async () => {
    const { emu, host } = setup();
    const expected = (await host.validate({ ...REQ, options: { overwriteScores: true } })).result.fillPlan;
    expect(expected.cells.map((c) => c.cell)).toContain('H14');
    const before = sheetState(emu, '测试');
    expect(await host.hasUndo()).toBe(false);
    await host.fill({ ...REQ, options: { overwriteScores: true }, expected });
    expect(cellAt(emu, '测试', 'H14')).toMatchObject({ value: 17.78, formula: null });
    expect(cellAt(emu, '测试', 'G6').numberFormat).toBe('0.00%');

    const reopened = createExcelHost(createExcelApi(emu), emu);
    expect(await reopened.hasUndo()).toBe(true);
    const syncs = emu.syncCount;
    const r = await reopened.undoFill();
    expect(emu.syncCount - syncs).toBe(2);
    expect(r.restored).toBe(expected.cells.length);
    expect(sheetState(emu, '测试')).toEqual(before);
    expect(cellAt(emu, '测试', 'H14')).toMatchObject({ value: 20, formula: null });
    expect(await reopened.hasUndo()).toBe(false);
    expect((await hostError(reopened.undoFill())).code).toBe('NO_UNDO');
  });

  it('restores formulas as formulas, and text that looks like a formula or a number as text', async () => {
    const { emu, host } = setup();
    const expected = (await host.validate(REQ)).result.fillPlan;
    await host.fill({ ...REQ, expected });
    // the record says what the cells held; make it hold tricky text and undo
    const rec = JSON.parse(emu.settings.get(UNDO_KEY)!);
    rec.cells[0].value = '=1+2';
    rec.cells[1].value = '007';
    rec.cells[2].value = 5;
    rec.cells[2].formula = '=E6/D6*10';
    emu.settings.set(UNDO_KEY, JSON.stringify(rec));
    await host.undoFill();
    expect(cellAt(emu, '测试', rec.cells[0].cell)).toMatchObject({ value: '=1+2', formula: null });
    expect(cellAt(emu, '测试', rec.cells[1].cell)).toMatchObject({ value: '007', formula: null });
    expect(cellAt(emu, '测试', rec.cells[2].cell)).toMatchObject({ value: 9, formula: '=E6/D6*10' });
  });

  it('protected sheet → PROTECTED and nothing restored', async () => {
    const { emu, host } = setup();
    const expected = (await host.validate(REQ)).result.fillPlan;
    await host.fill({ ...REQ, expected });
    emu.sheet('测试')!.protected = true;
    const after = sheetState(emu, '测试');
    expect((await hostError(host.undoFill())).code).toBe('PROTECTED');
    expect(sheetState(emu, '测试')).toEqual(after);
    expect(await host.hasUndo()).toBe(true);
  });
});

describe('select', () => {
  it('activates the sheet and selects the cell; a missing sheet → SHEET_GONE', async () => {
    const { emu, host } = setup([formGrid(), gridOf([['x']], { sheet: '别的' })]);
    await host.select('别的', 'B7');
    expect(emu.activeSheet.name).toBe('别的');
    expect(emu.activeSheet.selection).toEqual({ top: 6, left: 1, bottom: 6, right: 1 });
    expect((await hostError(host.select('没有', 'A1'))).code).toBe('SHEET_GONE');
  });
});

describe('text guard', () => {
  it.each(['=1+2', '+86 21', '-5', '-abc', '@x', "'quoted", '12', '0.5', 'TRUE', '1/2', '说明', '#N/A', '2021-05-01', '$1,200.50', '¥100', '(5)', 'May 5', ' 12'])('%j written through asText stays that text', async (s) => {
    const emu = emuFromGrids([gridOf([[null]], { sheet: 'S' })]);
    await createExcelApi(emu).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[asText(s)]];
      await ctx.sync();
    });
    expect(cellAt(emu, 'S', 'A1')).toMatchObject({ value: s, formula: null, quotePrefix: s !== '说明' });
  });

  it.each(['说明', '实际完成 80（目标 ≥100）', 'abc', ''])('%j needs no apostrophe', (s) => {
    expect(asText(s)).toBe(s);
  });
});

const fixture = hasFixture ? describe : describe.skip;
if (!hasFixture) console.warn(`skipping the sheitc-2021 fixture tests: ${FIXTURE} is absent (a fresh clone lacks ../shared)`);

fixture('the published Shanghai forms (../shared/fixtures/sheitc-2021.xlsx)', () => {
  it('all sheets: the adapter reads what exceljs reads; with ExcelApi 1.12 the inferred merges give the same results', async () => {
    const grids = await gridsFromXlsx(FIXTURE);
    const direct = summary(checkWorkbook({ sheets: grids }));
    const { emu, host } = setup(grids);
    const out = await host.validate({ ...REQ, allSheets: true });
    expect(out.readSyncs).toBe(2);
    expect(summary(out.result)).toEqual(direct);
    expect(out.result.forms).toHaveLength(5);
    emu.requirements = { ExcelApi: '1.12' };
    const old = await host.validate({ ...REQ, allSheets: true });
    expect(summary(old.result)).toEqual(direct);
  });

  it('fill then undo on a published form leaves the workbook as it was', async () => {
    const grids = await gridsFromXlsx(FIXTURE);
    const { emu, host } = setup(grids);
    const v = await host.validate({ ...REQ, allSheets: true });
    const before = grids.map((g) => sheetState(emu, g.sheet));
    if (v.result.fillPlan.cells.length > 0) {
      await host.fill({ ...REQ, allSheets: true, expected: v.result.fillPlan });
      await host.undoFill();
    }
    expect(grids.map((g) => sheetState(emu, g.sheet))).toEqual(before);
  });
});
