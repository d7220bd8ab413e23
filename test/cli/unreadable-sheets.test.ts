import ExcelJS from 'exceljs';
import { parseArgs } from '../../src/cli/args';
import { run } from '../../src/cli/run';
import { openZip, rewriteZip } from '../../src/xlsx/zip';
import { buildSampleWorkbook } from '../bench/sample';
import { memIo } from './memio';

let sample: Uint8Array;

beforeAll(async () => {
  sample = new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer());
});

function withoutPart(data: Uint8Array, part: string): Uint8Array {
  const zip = openZip(data);
  const e = zip.byName.get(part);
  if (!e) throw new Error(part);
  return rewriteZip(zip, new Map(), new Set([e]));
}

function declaring(data: Uint8Array, part: string, size: number): Uint8Array {
  const out = data.slice();
  const e = openZip(out).byName.get(part);
  if (!e) throw new Error(part);
  new DataView(out.buffer, out.byteOffset).setUint32(e.cdStart + 24, size, true);
  return out;
}

async function sheetNames(data: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((w) => w.name);
}

describe('a sheet part missing from the package', () => {
  it('check names the sheet that could not be read, checks the others and exits 2', async () => {
    const names = await sheetNames(sample);
    const io = memIo({ 'broken.xlsx': withoutPart(sample, 'xl/worksheets/sheet2.xml') });
    expect(await run(['check', 'broken.xlsx', '--json'], io)).toBe(2);
    expect(io.err).toContain(`工作表“${names[1]}”无法读取：文件中缺少该工作表的部件`);
    const report = JSON.parse(io.out);
    expect(report.forms.length).toBeGreaterThan(0);
  });

  it('says it in English with --lang en-US', async () => {
    const io = memIo({ 'broken.xlsx': withoutPart(sample, 'xl/worksheets/sheet2.xml') });
    expect(await run(['check', 'broken.xlsx', '--lang', 'en-US'], io)).toBe(2);
    expect(io.err).toMatch(/could not be read: its part is missing/);
  });

  it('fill writes no copy (a copy never lacks a sheet of the input)', async () => {
    const io = memIo({ 'broken.xlsx': withoutPart(sample, 'xl/worksheets/sheet2.xml') });
    expect(await run(['fill', 'broken.xlsx', '-o', 'out.xlsx'], io)).toBe(2);
    expect(io.files.has('/mem/out.xlsx')).toBe(false);
  });
});

describe('size limits on the command line', () => {
  it('refuses a bomb with exit 2 and the limit, and --max-size raises the limit', async () => {
    const bomb = declaring(sample, 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024);
    const io = memIo({ 'bomb.xlsx': bomb });
    expect(await run(['check', 'bomb.xlsx'], io)).toBe(2);
    expect(io.err).toMatch(/工作簿解压后过大.*上限 256 MB.*--max-size/);
    // raised past the declared size, the lie is found while inflating: the part is smaller than it claims
    const raised = memIo({ 'bomb.xlsx': bomb });
    expect(await run(['check', 'bomb.xlsx', '--max-size', '400'], raised)).toBe(2);
    expect(raised.err).not.toMatch(/上限 256 MB/);
  });

  it('fill is refused the same way and writes nothing', async () => {
    const io = memIo({ 'bomb.xlsx': declaring(sample, 'xl/worksheets/sheet1.xml', 2 ** 31) });
    expect(await run(['fill', 'bomb.xlsx', '-o', 'out.xlsx'], io)).toBe(2);
    expect(io.err).toMatch(/工作簿解压后过大/);
    expect(io.files.has('/mem/out.xlsx')).toBe(false);
  });

  it.each([['0'], ['-1'], ['abc'], ['4096'], ['1.5']])('rejects --max-size %s', (v) => {
    expect(parseArgs(['check', 'a.xlsx', '--max-size', v])).toMatchObject({ command: null, error: { kind: 'badMaxSize', value: v } });
  });

  it('takes --max-size for check and fill', () => {
    expect(parseArgs(['check', 'a.xlsx', '--max-size', '1024']).command).toMatchObject({ kind: 'check', maxSizeMb: 1024 });
    expect(parseArgs(['fill', 'a.xlsx', '-o', 'b.xlsx', '--max-size=300']).command).toMatchObject({ kind: 'fill', maxSizeMb: 300 });
  });
});
