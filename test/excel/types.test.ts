import type { ExcelLike, RequirementsLike } from '../../src/excel/excel-like';
import { createExcelApi, EmuWorkbook } from '../../src/workbench/emulator';

// Compile-time proofs (checked by `tsc --noEmit`): the real Excel namespace and the emulator both fit ExcelLike.
type Fits<T extends ExcelLike> = T;
export type RealExcelFits = Fits<typeof Excel>;
export type RealRequirementsFit = Office.RequirementSetSupport extends RequirementsLike ? true : never;

describe('ExcelLike', () => {
  it('the emulator is an ExcelLike and an EmuWorkbook answers isSetSupported', () => {
    const emu = new EmuWorkbook();
    const api: ExcelLike = createExcelApi(emu);
    const env: RequirementsLike = emu;
    expect(typeof api.run).toBe('function');
    expect(env.isSetSupported('ExcelApi', '1.13')).toBe(true);
    const ok: RealRequirementsFit = true;
    expect(ok).toBe(true);
  });
});
