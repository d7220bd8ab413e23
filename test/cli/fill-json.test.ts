import { run } from '../../src/cli/run';
import { checkWorkbook, countSeverities } from '../../src/core';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildSampleWorkbook, cleanPensionForm, SAMPLE_FAULTS, workbookOfForms, type IndicatorSpec } from '../bench/sample';
import { bytesOf, changedCells, snapshotOf } from '../fixtures/xlsx';
import { memIo } from './memio';

let sample: Uint8Array;
let clean: Uint8Array;
let placeholder: Uint8Array;

beforeAll(async () => {
  sample = await bytesOf(buildSampleWorkbook());
  clean = await bytesOf(workbookOfForms([{ sheet: '社区养老', forms: [cleanPensionForm()] }]));
  // a missed target whose note cell holds a dash (nothing said), and whose score is empty
  const form = cleanPensionForm();
  const missed = (i: IndicatorSpec): IndicatorSpec => (i.name === SAMPLE_FAULTS.firstSheet.noteMissing ? { ...i, actual: '52万元', score: null, note: '—' } : i);
  placeholder = await bytesOf(workbookOfForms([{ sheet: '表一', forms: [{ ...form, indicators: form.indicators.map(missed) }] }]));
});

const REPORT_KEYS = ['version', 'command', 'file', 'output', 'ruleSet', 'written', 'counts', 'sheets', 'after'];
const COUNT_KEYS = ['score', 'rate', 'fundsScore', 'total', 'note', 'overwriteScore'];
const CELL_KEYS = ['cell', 'kind', 'old', 'new', 'numberFormat'];
const FINDING_KEYS = ['code', 'severity', 'sheet', 'cell', 'message', 'params'];

interface Value { type: string; value: string | boolean }
interface Cell { cell: string; kind: string; old: Value | null; new: Value; numberFormat: string | null }
interface FillJson {
  version: number; command: string; file: string; output: string; ruleSet: string; written: number;
  counts: Record<string, number>; sheets: { sheet: string; cells: Cell[] }[];
  after: { counts: Record<string, number>; findings: { code: string; severity: string; sheet: string; cell: string }[] };
}

async function fillJson(files: Record<string, Uint8Array>, argv: string[]): Promise<{ code: number; json: FillJson; io: ReturnType<typeof memIo> }> {
  const io = memIo(files);
  const code = await run(argv, io);
  return { code, json: JSON.parse(io.out) as FillJson, io };
}

describe('ziping fill --json', () => {
  it('prints one document: every cell written by sheet (old → new, kind), the output and the findings left', async () => {
    const { code, json, io } = await fillJson({ 'sample.xlsx': sample }, ['fill', 'sample.xlsx', '-o', 'filled.xlsx', '--json']);
    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(Object.keys(json)).toEqual(REPORT_KEYS);
    expect(json).toMatchObject({ version: 1, command: 'fill', file: 'sample.xlsx', output: 'filled.xlsx', ruleSet: 'mof-2020' });
    expect(Object.keys(json.counts)).toEqual(COUNT_KEYS);

    const plan = checkWorkbook(await readWorkbookGrid(sample)).fillPlan;
    const listed = json.sheets.flatMap((s) => s.cells.map((c) => ({ ...c, sheet: s.sheet })));
    expect(json.written).toBe(plan.cells.length);
    expect(listed.map((c) => `${c.sheet}!${c.cell}`)).toEqual(plan.cells.map((c) => `${c.sheet}!${c.cell}`));
    for (const k of COUNT_KEYS) expect(json.counts[k]).toBe(listed.filter((c) => c.kind === k).length);
    // a sheet is listed once, in the order the plan reaches it
    expect(json.sheets.map((s) => s.sheet)).toEqual([...new Set(plan.cells.map((c) => c.sheet))]);
    for (const c of listed) expect(Object.keys(c)).toEqual([...CELL_KEYS, 'sheet']);

    const first = json.sheets[0];
    expect(first.sheet).toBe(SAMPLE_FAULTS.firstSheet.sheet);
    expect(first.cells).toContainEqual({ cell: 'H13', kind: 'score', old: null, new: { type: 'number', value: '10' }, numberFormat: null });
    const note = first.cells.find((c) => c.kind === 'note');
    expect(note?.new.type).toBe('text');
    expect(note?.new.value).toMatch(/（待填写）$/);

    // what the document lists is what changed in the copy, and `after` is the copy checked again
    const out = io.files.get('/mem/filled.xlsx') as Uint8Array;
    expect(changedCells(await snapshotOf(sample), await snapshotOf(out))).toEqual(listed.map((c) => `${c.sheet}!${c.cell}`).sort());
    const again = checkWorkbook(await readWorkbookGrid(out));
    expect(json.after.counts).toEqual(countSeverities(again.findings));
    expect(Object.keys(json.after.counts)).toEqual(['error', 'warning', 'info']);
    expect(json.after.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`)).toEqual(again.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`));
    for (const f of json.after.findings) expect(Object.keys(f)).toEqual(FINDING_KEYS);
    expect(json.after.findings.filter((f) => f.code === 'SCORE_MISSING')).toEqual([]);
  });

  it('gives the old value with its type: a stated score overwritten, a placeholder note replaced', async () => {
    const over = await fillJson({ 'sample.xlsx': sample }, ['fill', 'sample.xlsx', '-o', 'b.xlsx', '--overwrite-scores', '--json']);
    const cells = over.json.sheets.find((s) => s.sheet === SAMPLE_FAULTS.scoreMismatch.sheet)?.cells ?? [];
    expect(cells).toContainEqual({ cell: 'I17', kind: 'overwriteScore', old: { type: 'number', value: '10' }, new: { type: 'number', value: '8' }, numberFormat: null });

    const { json } = await fillJson({ 'p.xlsx': placeholder }, ['fill', 'p.xlsx', '-o', 'out.xlsx', '--json', '--lang', 'en-US']);
    const note = json.sheets[0].cells.find((c) => c.kind === 'note');
    expect(note?.old).toEqual({ type: 'text', value: '—' });
    expect(note?.new.value).toMatch(/\(to be completed\)/);
    expect(json.sheets[0].cells.find((c) => c.kind === 'score')).toMatchObject({ old: null, new: { type: 'number', value: '9.62' } });
  });

  it('says an unchanged copy was written when there is nothing to fill', async () => {
    const { code, json, io } = await fillJson({ 'clean.xlsx': clean }, ['fill', 'clean.xlsx', '-o', 'copy.xlsx', '--json']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ written: 0, sheets: [], counts: { score: 0, rate: 0, fundsScore: 0, total: 0, note: 0, overwriteScore: 0 } });
    expect(io.files.has('/mem/copy.xlsx')).toBe(true);
  });

  it('refuses an existing output unless --force, and then prints no JSON at all', async () => {
    const existing = new TextEncoder().encode('keep me');
    const io = memIo({ 'sample.xlsx': sample, 'filled.xlsx': existing });
    expect(await run(['fill', 'sample.xlsx', '-o', 'filled.xlsx', '--json'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/无法写入 filled\.xlsx：文件已存在；要替换它，请加 --force/);
    expect(io.files.get('/mem/filled.xlsx')).toBe(existing);
    expect(await run(['fill', 'sample.xlsx', '-o', 'filled.xlsx', '--json', '--force'], io)).toBe(0);
    expect((JSON.parse(io.out) as FillJson).written).toBeGreaterThan(0);
    expect(io.files.get('/mem/filled.xlsx')).not.toBe(existing);
  });

  it('keeps sheet text inert: control characters escaped, parsing back to the cell text', async () => {
    const form = cleanPensionForm();
    const wb = workbookOfForms([{
      sheet: '表一',
      forms: [{ ...form, indicators: form.indicators.map((i) => (i.name === SAMPLE_FAULTS.firstSheet.noteMissing ? { ...i, name: `${SAMPLE_FAULTS.firstSheet.noteMissing}_x001B_[2J\u202e`, actual: '52万元\u202e', score: null, note: undefined } : i)) }],
    }]);
    const io = memIo({ 'h.xlsx': await bytesOf(wb) });
    expect(await run(['fill', 'h.xlsx', '-o', 'o.xlsx', '--json'], io)).toBe(0);
    expect(io.out.includes('\u001b') || io.out.includes('\u202e')).toBe(false);
    const json = JSON.parse(io.out) as FillJson;
    const note = json.sheets[0].cells.find((c) => c.kind === 'note');
    expect(note?.new.value).toContain('52万元\u202e');
    expect(json.after.findings.map((f) => f.code)).toContain('NOTE_MISSING');
    expect(io.out).toContain('\\u001b[2J\\u202e');
  });
});
