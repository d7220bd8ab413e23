import ExcelJS from 'exceljs';
import { checkFile, checkPartWire, SPLIT_MIN_SHEETS, type FileJob, type PartRequest } from '../../src/cli/checkFile';
import { buildBenchWorkbook } from '../bench/sample';

let bytes: Uint8Array;
const read = async (): Promise<Uint8Array> => bytes;
const job: FileJob = { file: 'big.xlsx', ruleSet: undefined, lang: 'zh-CN', json: true };

beforeAll(async () => {
  const wb = buildBenchWorkbook(SPLIT_MIN_SHEETS + 3);
  // a hidden sheet and a sheet without a form among them
  wb.addWorksheet('隐藏').state = 'hidden';
  wb.addWorksheet('说明').getCell('A1').value = '填表说明';
  bytes = new Uint8Array(await (wb as ExcelJS.Workbook).xlsx.writeBuffer());
});

describe('a big workbook split over two threads', () => {
  it('gives the outcome one thread gives, the other part crossing as structured-cloned plain data', async () => {
    const asked: PartRequest[] = [];
    const other = async (req: PartRequest) => {
      asked.push(req);
      return structuredClone(checkPartWire(await read(), req));
    };
    const alone = await checkFile(job, read);
    const split = await checkFile(job, read, other);
    expect(asked).toHaveLength(1);
    expect(asked[0].to).toBe(SPLIT_MIN_SHEETS + 5);
    expect(asked[0].from).toBeGreaterThan(0);
    expect(split).toEqual(alone);
    expect(alone.kind === 'checked' && alone.forms).toBe(SPLIT_MIN_SHEETS + 3);
  });

  it('does the other part itself when the thread could not (no answer)', async () => {
    const alone = await checkFile(job, read);
    expect(await checkFile(job, read, async () => null)).toEqual(alone);
  });

  it('is not split below the threshold', async () => {
    const small = new Uint8Array(await (buildBenchWorkbook(3) as ExcelJS.Workbook).xlsx.writeBuffer());
    let asked = 0;
    const o = await checkFile(job, async () => small, async (req) => { asked++; return checkPartWire(small, req); });
    expect(asked).toBe(0);
    expect(o.kind).toBe('checked');
  });
});
