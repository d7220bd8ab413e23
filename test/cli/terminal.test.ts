import ExcelJS from 'exceljs';
import { run } from '../../src/cli/run';
import { jsonSafe, terminalSafe } from '../../src/cli/terminal';
import { cleanPensionForm, workbookOfForms } from '../bench/sample';
import { memIo } from './memio';

/** Everything a terminal could act on (C0 but LF, DEL, C1, bidi embeddings/overrides/isolates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** As the cell holds it: `_xHHHH_` is how SpreadsheetML writes a control character, and readers decode it. */
const HOSTILE_XML = '_x001B_[2J_x001B_]0;pwned_x0007__x009B_31m\u202egnp.exe\u2066x\u2069_x0008__x007F_';
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202egnp.exe\u2066x\u2069\u0008\u007f';

let bytes: Uint8Array;
let project: string;
let indicator: string;

beforeAll(async () => {
  const form = cleanPensionForm();
  project = `${form.project}${HOSTILE}`;
  indicator = `${form.indicators[0].name}${HOSTILE}`;
  const hostile = {
    ...form,
    project: `${form.project}${HOSTILE_XML}`,
    indicators: [{ ...form.indicators[0], name: `${form.indicators[0].name}${HOSTILE_XML}`, score: 0 }, ...form.indicators.slice(1)],
  };
  const wb = workbookOfForms([{ sheet: `养老\u202e表`, forms: [hostile] }]);
  wb.addWorksheet('隐藏\u2067').state = 'hidden';
  bytes = new Uint8Array(await (wb as ExcelJS.Workbook).xlsx.writeBuffer());
});

describe('terminalSafe / jsonSafe', () => {
  it('finds the same characters unsafe as the pattern does, for every code point of the BMP', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      const expected = text.replace(new RegExp(UNSAFE.source, 'g'), (x) => `\\u${x.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (terminalSafe(text) !== expected || jsonSafe(text) !== expected) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('escapes every unsafe character as \\uXXXX and keeps line feeds and ordinary text', () => {
    expect(terminalSafe(`a\u001bb\nc\t\u009b\u202e中文`)).toBe('a\\u001bb\nc\\u0009\\u009b\\u202e中文');
    expect(terminalSafe(HOSTILE)).not.toMatch(UNSAFE);
  });

  it('leaves JSON that parses to the same value', () => {
    const value = { s: HOSTILE, n: [1, 'x\u2067'] };
    const json = jsonSafe(JSON.stringify(value, null, 2));
    expect(json.replace(/\n/g, '')).not.toMatch(UNSAFE);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('cell text with control characters', () => {
  it('the human report shows them escaped, never raw', async () => {
    const io = memIo({ 'hostile.xlsx': bytes });
    expect(await run(['check', 'hostile.xlsx'], io)).toBe(1);
    expect(io.out).not.toMatch(UNSAFE);
    expect(io.out).toContain('\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u202egnp.exe\\u2066x\\u2069\\u0008\\u007f');
    expect(io.out).toContain('[养老\\u202e表 ');
    expect(io.out).toContain('隐藏\\u2067');
    // the finding about the indicator names it, escaped, on one line
    const line = io.out.split('\n').find((l) => l.includes('● 错误') && l.includes('\\u202egnp.exe'));
    expect(line).toBeDefined();
  });

  it('the JSON report escapes them as JSON does and parses back to the cell text', async () => {
    const io = memIo({ 'hostile.xlsx': bytes });
    expect(await run(['check', 'hostile.xlsx', '--json'], io)).toBe(1);
    expect(io.out.replace(/\n/g, '')).not.toMatch(UNSAFE);
    expect(io.out).toContain('\\u001b[2J');
    expect(io.out).toContain('\\u202e');
    const r = JSON.parse(io.out);
    expect(r.forms[0].project).toBe(project);
    expect(r.forms[0].indicators[0].name).toBe(indicator);
  });

  it('fill prints the cells it wrote and messages about files without raw control characters', async () => {
    const io = memIo({ 'hostile.xlsx': bytes });
    expect(await run(['fill', 'hostile.xlsx', '-o', 'out\u001b[1m.xlsx', '--overwrite-scores'], io)).toBe(0);
    expect(io.out).not.toMatch(UNSAFE);
    expect(io.out).toContain('养老\\u202e表!');
    expect(io.out).toContain('out\\u001b[1m.xlsx');
    const missing = memIo({});
    expect(await run(['check', 'no\u001b]0;x\u0007.xlsx'], missing)).toBe(2);
    expect(missing.err).not.toMatch(UNSAFE);
    expect(missing.err).toContain('no\\u001b]0;x\\u0007.xlsx');
  });
});
