import { existsSync, readFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/run';
import { FINDING_CODES } from '../../src/core';
import { buildSampleWorkbook } from '../bench/sample';
import { memIo } from './memio';

const ROOT = path.join(__dirname, '..', '..');
const DOC = 'docs/report-json.md';

/** Every repository document the text names (`docs/….md`). */
function namedDocs(text: string): string[] {
  return [...new Set([...text.matchAll(/\bdocs\/[\w.-]+\.md\b/g)].map((m) => m[0]))];
}

/** Every key of a JSON value, at any depth. */
function keys(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keys(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      // finding parameters belong to their code's message; the doc names the ones to rely on
      if (k !== 'params') keys(x, out);
    }
  }
  return out;
}

describe('ziping --help points at documents in the repository', () => {
  it.each(['zh-CN', 'en-US'])('%s: names docs/report-json.md for --json, every document it names exists, and no SPEC', async (lang) => {
    const io = memIo();
    expect(await run(['--help', '--lang', lang], io)).toBe(0);
    const docs = namedDocs(io.out);
    expect(docs).toContain(DOC);
    expect(docs.filter((d) => !existsSync(path.join(ROOT, d)))).toEqual([]);
    expect(io.out).not.toMatch(/SPEC/);
    const json = io.out.split('\n').findIndex((l) => l.trimStart().startsWith('--json'));
    expect(io.out.split('\n').slice(json, json + 2).join(' ')).toContain(DOC);
  });

  it('catches a document that does not exist', () => {
    expect(namedDocs('see docs/report-json.md and docs/nowhere.md.').filter((d) => !existsSync(path.join(ROOT, d)))).toEqual(['docs/nowhere.md']);
  });
});

describe('docs/report-json.md names what the reports hold', () => {
  const doc = readFileSync(path.join(ROOT, DOC), 'utf8');
  const named = (k: string): boolean => doc.includes(`\`${k}\``);
  let sample: Uint8Array;
  beforeAll(async () => {
    sample = new Uint8Array(await (buildSampleWorkbook() as ExcelJS.Workbook).xlsx.writeBuffer());
  });

  it('every key of the check report and of the fill report', async () => {
    const check = memIo({ 'sample.xlsx': sample });
    await run(['check', 'sample.xlsx', '--json'], check);
    const fill = memIo({ 'sample.xlsx': sample });
    await run(['fill', 'sample.xlsx', '-o', 'out.xlsx', '--json'], fill);
    const all = [...keys(JSON.parse(check.out)), ...keys(JSON.parse(fill.out))];
    expect(all.length).toBeGreaterThan(40);
    expect([...new Set(all)].filter((k) => !named(k))).toEqual([]);
  });

  it('every finding code', () => {
    expect(FINDING_CODES.filter((c) => !named(c))).toEqual([]);
  });
});
