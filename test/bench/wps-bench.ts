/**
 * The WPS half of `npm run bench`: object-model calls and Node time of the WPS host over the ET emulator, one sheet
 * holding 1, 10 and 40 generated forms (the first score of each blanked). Prints figures, asserts nothing.
 * Goal: calls grow with the forms (merged areas, formats that differ), not with the cells: Value2 and Formula are one
 * call each per sheet whatever its size.
 */
import type ExcelJS from 'exceljs';
import type { ValidateRequest } from '../../src/host';
import { emuFromGrids } from '../../src/workbench/emulator';
import { EtEmulator } from '../../src/workbench/wps-emulator';
import { createWpsHost } from '../../src/wps/createWpsHost';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildBenchWorkbook, formCells, formHeight, generatedForm } from './sample';

const SIZES = [1, 10, 40];
const REQ: ValidateRequest = { allSheets: false, options: {}, mark: false, lang: 'zh-CN' };

async function sheetOf(n: number) {
  const wb: ExcelJS.Workbook = buildBenchWorkbook(n, n);
  const ws = wb.worksheets[0];
  let row = 1;
  for (let i = 0; i < n; i++) {
    const spec = generatedForm(i + 1);
    ws.getCell(formCells(spec, row, 1).firstScore).value = null;
    row += formHeight(spec) + 2;
  }
  return readWorkbookGrid(Buffer.from(await wb.xlsx.writeBuffer()));
}

async function main(): Promise<void> {
  const lines = ['', 'WPS host — object-model calls over the ET emulator in Node, one sheet, the first score of each form blanked', ''];
  lines.push(['sheet', 'operation', 'read calls', 'write calls', 'calls/form', 'node time'].join('  '));
  for (const n of SIZES) {
    const grid = await sheetOf(n);
    const cells = grid.sheets[0].values.length * Math.max(0, ...grid.sheets[0].values.map((r) => r.length));
    const et = new EtEmulator(emuFromGrids(grid));
    const host = createWpsHost(et.app);
    const row = async (name: string, run: () => Promise<{ readSyncs: number; writeSyncs: number }>) => {
      const t0 = process.hrtime.bigint();
      const o = await run();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      lines.push([`${n} forms (${cells} cells)`, name, o.readSyncs, o.writeSyncs, ((o.readSyncs + o.writeSyncs) / n).toFixed(0), `${ms.toFixed(1)} ms`].join('  '));
    };
    await row('validate, mark off', () => host.validate(REQ));
    const marked = await host.validate({ ...REQ, mark: true });
    lines.push([`${n} forms (${cells} cells)`, 'validate, mark on', marked.readSyncs, marked.writeSyncs, ((marked.readSyncs + marked.writeSyncs) / n).toFixed(0), ''].join('  '));
    await row('fill, mark on', () => host.fill({ ...REQ, mark: true, expected: marked.result.fillPlan }));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
