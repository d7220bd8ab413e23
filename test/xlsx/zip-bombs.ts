/** Workbooks that lie about their size, for the reader's limit tests (limits.test.ts, limits.slow.test.ts). */
import ExcelJS from 'exceljs';
import { XlsxReadError } from '../../src/xlsx/read';
import { openZip, rewriteZip } from '../../src/xlsx/zip';

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function twoSheets(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('甲').getCell('A1').value = 1;
  wb.addWorksheet('乙').getCell('B2').value = '文字';
  return bytesOf(wb);
}

/** The package with the central directory's declared inflated size of one part set to `size`. */
export function declare(data: Uint8Array, part: string, size: number): Uint8Array {
  const out = data.slice();
  const e = openZip(out).byName.get(part);
  if (!e) throw new Error(part);
  new DataView(out.buffer, out.byteOffset).setUint32(e.cdStart + 24, size, true);
  return out;
}

/** The package with one part replaced by deflated bytes that declare (in both headers) only `declared` bytes. */
export function lyingBomb(data: Uint8Array, part: string, real: Uint8Array, declared: number): Uint8Array {
  const zip = openZip(data);
  const e = zip.byName.get(part);
  if (!e) throw new Error(part);
  const out = rewriteZip(zip, new Map([[e, real]]));
  const z = openZip(out);
  const f = z.byName.get(part);
  if (!f) throw new Error(part);
  const view = new DataView(out.buffer, out.byteOffset);
  view.setUint32(f.cdStart + 24, declared, true);
  view.setUint32(f.localOffset + 22, declared, true);
  return out;
}

export function refusal(f: () => unknown): XlsxReadError {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error('not refused');
}
