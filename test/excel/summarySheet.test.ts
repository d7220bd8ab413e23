import { buildReport, checkWorkbook } from '../../src/core';
import { createExcelHost } from '../../src/excel/createExcelHost';
import { SUMMARY_SHEET } from '../../src/excel/summarySheet';
import { formsTable, summarizeReport, type Table } from '../../src/report';
import { cellAt, createExcelApi, emuFromGrids } from '../../src/workbench/emulator';
import { formGrid } from '../fixtures/forms';

function setup() {
  const grid = formGrid();
  const emu = emuFromGrids([grid]);
  const host = createExcelHost(createExcelApi(emu), emu, { retryDelayMs: 0 });
  const result = checkWorkbook({ sheets: [grid] });
  const summary = summarizeReport(buildReport(result, ''), result.forms.map((f) => ({ department: f.department, implementer: f.implementer })));
  return { emu, host, table: formsTable(summary.forms, 'zh-CN') };
}

const withProject = (t: Table, project: string): Table => ({ ...t, rows: t.rows.map((r) => r.map((v, j) => (j === 2 ? project : v))) });

describe('写入汇总表 (writeSummary)', () => {
  it('adds the summary sheet in one write sync, sheet text as text, and undo deletes it', async () => {
    const { emu, host, table } = setup();
    const sheetsBefore = emu.sheets.map((s) => s.name);
    const writes = emu.writeSyncCount;
    const out = await host.writeSummary!(withProject(table, '=1+1'));
    expect(out).toEqual({ rows: 1, added: true });
    expect(emu.writeSyncCount - writes).toBe(1);
    expect(emu.sheets.map((s) => s.name)).toEqual([...sheetsBefore, SUMMARY_SHEET]);
    expect(cellAt(emu, SUMMARY_SHEET, 'A1').value).toBe('文件');
    expect(cellAt(emu, SUMMARY_SHEET, 'H1').value).toBe('计算总分');
    const project = cellAt(emu, SUMMARY_SHEET, 'C2');
    expect(project.value).toBe('=1+1');
    expect(project.formula ?? null).toBeNull();
    expect(cellAt(emu, SUMMARY_SHEET, 'H2').value).toBe(table.rows[0][7]);
    expect(cellAt(emu, SUMMARY_SHEET, 'H2').numberFormat).toBe('0.00');
    expect(emu.sheet(SUMMARY_SHEET)?.frozenRows).toBe(1);
    expect(await host.hasUndo()).toBe(true);
    await host.undoFill();
    expect(emu.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(await host.hasUndo()).toBe(false);
  });

  it('refreshes an existing summary, and undo brings the previous one back', async () => {
    const { emu, host, table } = setup();
    const two: Table = { ...table, rows: [table.rows[0], table.rows[0]], marked: [false, false] };
    await host.writeSummary!(withProject(two, '旧项目'));
    await host.writeSummary!(withProject(table, '新项目'));
    expect(emu.sheets.filter((s) => s.name === SUMMARY_SHEET)).toHaveLength(1);
    expect(cellAt(emu, SUMMARY_SHEET, 'C2').value).toBe('新项目');
    // the older, longer summary leaves nothing behind
    expect(cellAt(emu, SUMMARY_SHEET, 'C3').value ?? '').toBe('');
    await host.undoFill();
    expect(cellAt(emu, SUMMARY_SHEET, 'C2').value).toBe('旧项目');
    expect(cellAt(emu, SUMMARY_SHEET, 'C3').value).toBe('旧项目');
  });
});
