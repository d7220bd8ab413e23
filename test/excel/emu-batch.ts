import { Syncs, type Batch } from '../../src/excel/batch';
import { createExcelApi, type EmuWorkbook } from '../../src/workbench/emulator';

/** Runs `f` in one Excel.run over the emulator, with Office's own errors (no HostError translation). */
export function inBatch<T>(emu: EmuWorkbook, f: (b: Batch) => Promise<T>): Promise<T> {
  return createExcelApi(emu).run((ctx) => f({ ctx, syncs: new Syncs(ctx), supports: (v) => emu.isSetSupported('ExcelApi', v) }));
}
