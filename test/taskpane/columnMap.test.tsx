/** @jest-environment jsdom */
import './jsdom-encoding';
import { act } from 'react';
import { parseRangeA1 } from '../../src/core/grid';
import { createExcelHost, MAP_KEY } from '../../src/excel/createExcelHost';
import { createExcelApi, emuFromGrids, type EmuWorkbook } from '../../src/workbench/emulator';
import { gapsOf, mergeMap, placeSelection } from '../../src/taskpane/components/ColumnMap/useColumnMap';
import { strings } from '../../src/app';
import { checkWorkbook, parseColumnMap } from '../../src/core';
import { sheetGrid } from '../fixtures/grid';
import { TEMPLATE_TOTAL, unplacedHeaderForm } from '../fixtures/templates';
import { $, $$, choose, mountApp, must, text, type Mounted } from './render';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.replaceChildren();
});

function book(project = '智慧社区建设') {
  const { lit, cells } = unplacedHeaderForm({ 年度指标值: '计划达成标准', 实际完成值: '今年做到' });
  lit.rows[2][1] = project;
  const emu = emuFromGrids([sheetGrid('自评表', [{ lit }]), sheetGrid('说明', [{ lit: { rows: [['本表说明']] } }])]);
  return { emu, cells, host: createExcelHost(createExcelApi(emu), emu, { retryDelayMs: 0 }) };
}

/** The person selects a cell in the sheet (Excel's selection, as the emulator keeps it). */
function selectInSheet(emu: EmuWorkbook, sheet: string, address: string) {
  emu.setActive(sheet);
  emu.sheet(sheet)!.selection = parseRangeA1(address);
}

/**
 * Keyboard only: every control the flow needs is a native, enabled, focusable control; it is focused and activated
 * as Enter/Space activate a focused button (jsdom does not turn key presses into clicks, so the activation is the
 * click event the key produces), and the role is chosen as the arrow keys change a focused <select>.
 */
async function press(testId: string) {
  const el = must(testId);
  expect(el.tagName).toBe('BUTTON');
  expect((el as HTMLButtonElement).disabled).toBe(false);
  expect(el.tabIndex).toBeGreaterThanOrEqual(0);
  await act(async () => {
    el.focus();
  });
  expect(document.activeElement).toBe(el);
  await act(async () => {
    el.click();
  });
  // the host's promises settle after the click
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function pickRole(label: string) {
  const select = must('column-map-role').querySelector('select') ?? (must('column-map-role') as HTMLSelectElement);
  select.focus();
  expect(document.activeElement).toBe(select);
  const option = [...select.querySelectorAll('option')].find((o) => o.textContent === label);
  if (!option) throw new Error(`no role ${label}`);
  await choose(select as HTMLSelectElement, option.value);
}

const roleSelect = () => (must('column-map-role').querySelector('select') ?? must('column-map-role')) as HTMLSelectElement;

describe('指定表头列: the pane flow (keyboard only)', () => {
  it('names the unplaced roles, takes the selected header cells, saves the map, checks again with scores; clears it', async () => {
    const { emu, host, cells } = book();
    mounted = await mountApp(host);
    await press('validate');
    const gap = text(must('column-map-gap'));
    expect(gap).toContain('年度指标值（指标值）');
    expect(gap).toContain('实际完成值');
    expect(gap).not.toContain('分值');
    // the unplaced roles come first, the one to do next is chosen already
    expect(roleSelect().value).toBe('target');

    selectInSheet(emu, '自评表', cells.年度指标值);
    await press('column-map-use');
    expect(text(must('column-map-picks'))).toContain(`年度指标值（指标值）：自评表!${cells.年度指标值}`);
    expect(roleSelect().value).toBe('actual');

    // a cell below the header is refused with the reason, and nothing is taken
    selectInSheet(emu, '自评表', 'F20');
    await press('column-map-use');
    expect(text(must('column-map-note'))).toMatch(/F20 不在表头行/u);
    expect($$('column-map-picks')[0].querySelectorAll('li')).toHaveLength(1);

    await pickRole('实际完成值');
    selectInSheet(emu, '自评表', cells.实际完成值);
    await press('column-map-use');
    expect(must('column-map-picks').querySelectorAll('li')).toHaveLength(2);

    await press('column-map-save');
    const saved = JSON.parse(emu.settings.get(MAP_KEY)!) as unknown;
    expect(parseColumnMap(saved).forms[0].columns).toEqual({ [cells.年度指标值.replace(/\d+/u, '')]: 'target', [cells.实际完成值.replace(/\d+/u, '')]: 'actual' });
    // checked again: scores, no unplaced role, the map said to be in use
    expect($('column-map-gap')).toBeNull();
    expect(text(must('form-total'))).toContain(TEMPLATE_TOTAL);
    expect(text(must('column-map-stored'))).toBe('本工作簿保存了列映射（1 张表），校验和填写都会使用它。');
    expect(text(must('column-map-note'))).toBe('列映射已保存。');

    await press('column-map-clear');
    expect(emu.settings.has(MAP_KEY)).toBe(false);
    expect(text(must('column-map-gap'))).toContain('实际完成值');
    expect($('column-map-stored')).toBeNull();
  });

  it('a cell on another sheet is refused, naming both sheets', async () => {
    const { emu, host } = book();
    mounted = await mountApp(host);
    await press('validate');
    selectInSheet(emu, '说明', 'A1');
    await press('column-map-use');
    expect(text(must('column-map-note'))).toBe('所选单元格在工作表“说明”，而这张表在“自评表”：请先切换到“自评表”再选择。');
    expect($('column-map-picks')).toBeNull();
  });

  it('shows sheet text as text, never as markup', async () => {
    const { host } = book('<img src=x onerror="window.__x=1"><b>项目</b>');
    mounted = await mountApp(host);
    await press('validate');
    const gap = must('column-map-gap');
    expect(gap.querySelector('img, b')).toBeNull();
    expect(text(gap)).toContain('<b>项目</b>');
  });

  it('is not shown when every role was placed and no map is kept', async () => {
    const { lit } = unplacedHeaderForm({});
    const emu = emuFromGrids([sheetGrid('自评表', [{ lit }])]);
    mounted = await mountApp(createExcelHost(createExcelApi(emu), emu, { retryDelayMs: 0 }));
    await press('validate');
    expect($('column-map')).toBeNull();
  });
});

describe('placing a selection and merging the map', () => {
  const t = strings('zh-CN').columnMap;

  it('a two-row header: a merged cell over both rows and a cell of the lower row make one entry at the lower row that core accepts', () => {
    const { lit, cells } = unplacedHeaderForm({ 实际完成值: '今年做到', 指标值: '数' }, { split: true, twoRowHeader: true });
    const grid = sheetGrid('自评表', [{ lit }]);
    const r0 = checkWorkbook({ sheets: [grid] });
    const gaps = gapsOf(r0.forms);
    expect(gaps).toHaveLength(1);
    expect([...gaps[0].roles].sort()).toEqual(['actual', 'target']);
    const actualMerge = grid.merges.find((m) => m.left === parseRangeA1(cells.实际完成值).left && m.top === parseRangeA1(cells.实际完成值).top);
    expect(actualMerge && actualMerge.bottom - actualMerge.top).toBe(1);
    const a = placeSelection({ sheet: '自评表', address: `${cells.实际完成值}:${cells.实际完成值.replace(/\d+/u, '')}${actualMerge!.bottom + 1}` }, gaps, t);
    const v = placeSelection({ sheet: '自评表', address: cells.指标值 }, gaps, t);
    if (typeof a === 'string' || typeof v === 'string') throw new Error(String(typeof a === 'string' ? a : v));
    const map = mergeMap(null, [
      { gap: a.gap, role: 'actual', row: a.row, col: a.col, cell: '' },
      { gap: v.gap, role: 'target', row: v.row, col: v.col, cell: '' },
    ]);
    expect(map.forms).toHaveLength(1);
    expect(map.forms[0].headerRow).toBe(actualMerge!.bottom + 1);
    const r1 = checkWorkbook({ sheets: [grid] }, { columnMap: map });
    expect(r1.findings.map((f) => f.code)).not.toContain('HEADER_MISSING');
    expect(r1.forms[0].total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
  });

  it('a new pick replaces an older entry\'s column for the same role and keeps its other columns', () => {
    const { lit, cells } = unplacedHeaderForm({ 实际完成值: '今年做到' });
    const grid = sheetGrid('自评表', [{ lit }]);
    const gaps = gapsOf(checkWorkbook({ sheets: [grid] }).forms);
    const headerRow = gaps[0].headerRow + 1;
    const stored = parseColumnMap({ forms: [{ sheet: '自评表', headerRow, columns: { A: 'note', B: 'actual' } }, { sheet: '别表', headerRow: 3, columns: { C: 'score' } }] });
    const p = placeSelection({ sheet: '自评表', address: cells.实际完成值 }, gaps, t);
    if (typeof p === 'string') throw new Error(p);
    const map = mergeMap(stored, [{ gap: p.gap, role: 'actual', row: p.row, col: p.col, cell: '' }]);
    expect(map.forms).toEqual([
      { sheet: '别表', headerRow: 3, columns: { C: 'score' } },
      { sheet: '自评表', headerRow, columns: { A: 'note', [cells.实际完成值.replace(/\d+/u, '')]: 'actual' } },
    ]);
  });

  it('refuses a selection of several rows, and one outside the form', () => {
    const { lit } = unplacedHeaderForm({ 实际完成值: '今年做到' });
    const gaps = gapsOf(checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit }])] }).forms);
    const h = gaps[0].headerRow + 1;
    expect(placeSelection({ sheet: '自评表', address: `E${h}:E${h + 4}` }, gaps, t)).toBe(`请只选择一个表头单元格（现在选中的是 E${h}:E${h + 4}）。`);
    expect(placeSelection({ sheet: '自评表', address: `Z${h}` }, gaps, t)).toMatch(/在这张表（.*）之外/u);
  });
});

describe('when the host cannot tell the selection', () => {
  it('says why in the pane\'s words and takes nothing', async () => {
    const { host } = book();
    const failing = Object.assign(Object.create(host) as typeof host, {
      selectedCell: () => Promise.reject(Object.assign(new Error('PROTECTED'), { name: 'HostError', code: 'PROTECTED', detail: { sheet: '自评表' } })),
    });
    mounted = await mountApp(failing);
    await press('validate');
    await press('column-map-use');
    expect(text(must('column-map-note'))).toContain('自评表');
    expect($('column-map-picks')).toBeNull();
  });
});
