import { readFileSync } from 'fs';
import { buildReport, type SheetGrid } from '../../src/core';
import { createExcelHost } from '../../src/excel/createExcelHost';
import type { ValidateRequest } from '../../src/host';
import { createExcelApi, emuFromGrids } from '../../src/workbench/emulator';
import { EtEmulator } from '../../src/workbench/wps-emulator';
import { createWpsHost } from '../../src/wps/createWpsHost';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { formGrid, formsGrid } from '../fixtures/forms';
import { describeWithShared, SEED_XLSX } from '../helpers/shared';

const ALL: ValidateRequest = { allSheets: true, options: {}, mark: false, lang: 'zh-CN' };

/** The §7 report of all sheets through the Excel host and through the WPS host, each over its own emulator. */
async function bothReports(sheets: readonly SheetGrid[]) {
  const xl = emuFromGrids(sheets);
  const excel = await createExcelHost(createExcelApi(xl), xl).validate(ALL);
  const et = new EtEmulator(emuFromGrids(sheets));
  const wps = await createWpsHost(et.app).validate(ALL);
  return { excel: buildReport(excel.result, 'x.xlsx'), wps: buildReport(wps.result, 'x.xlsx'), calls: et.calls, syncs: excel.readSyncs };
}

describe('the WPS host and the Excel host agree', () => {
  it('on the test forms (several per sheet, several sheets)', async () => {
    const r = await bothReports([formGrid('甲'), formsGrid(2, '乙')]);
    expect(r.wps).toEqual(r.excel);
    expect(r.wps.forms.length).toBe(3);
  });
});

describeWithShared(SEED_XLSX, 'the seed workbook (../shared/fixtures/sheitc-2021.xlsx)', () => {
  it('gives the same findings and scores through the WPS host as through the Excel host', async () => {
    const grid = await readWorkbookGrid(readFileSync(SEED_XLSX));
    const r = await bothReports(grid.sheets);
    expect(r.wps.forms.length).toBe(5);
    expect(r.wps).toEqual(r.excel);
    // the figures README states beside the Excel syncs
    console.info(`seed, all sheets: Excel ${r.syncs} read syncs; WPS ${r.calls} object-model calls`);
  });
});
