import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { checkWorkbook } from '../../src/core';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyFillPlan } from '../../src/xlsx/write';
import { openZip } from '../../src/xlsx/zip';
import { zip64Zip, type Zip64Options } from './zip';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'sample-2021.xlsx');

describe('packages written with ZIP64 information for every entry (commons-compress Zip64Mode.Always, Apache POI)', () => {
  const sample = new Uint8Array(fs.readFileSync(SAMPLE));
  const files = unzipSync(sample);

  it.each<[string, Zip64Options]>([
    ['sizes in the headers', {}],
    ['sizes in data descriptors', { descriptors: true }],
    ['an end record pointing to the ZIP64 one', { eocdMagic: true }],
    ['another extra field first', { otherExtra: true, descriptors: true, eocdMagic: true }],
  ])('%s: read as the plain package, and filled into a package any reader reads', async (_, o) => {
    const input = zip64Zip(files, o);
    const zip = openZip(input);
    expect(zip.entries.map((e) => [e.name, e.size])).toEqual(Object.entries(files).map(([n, d]) => [n, d.length]));
    const original = await readWorkbookGrid(sample);
    expect(await readWorkbookGrid(input)).toEqual(original);

    const plan = checkWorkbook(original).fillPlan;
    const out = await applyFillPlan(input, plan);
    const plain = unzipSync(await applyFillPlan(sample, plan));
    // fflate is another reader: every part of the filled package is what the plain package's fill holds
    expect(unzipSync(out)).toEqual(plain);
    expect(await readWorkbookGrid(out)).toEqual(await readWorkbookGrid(await applyFillPlan(sample, plan)));

    // parts not written keep their records' ZIP64 information (their offsets moved in it); written ones lose it
    const changed = new Set(Object.keys(plain).filter((n) => Buffer.compare(Buffer.from(plain[n]), Buffer.from(files[n])) !== 0));
    expect(changed.size).toBeGreaterThan(0);
    for (const e of openZip(out).entries) expect({ name: e.name, zip64: e.zip64 !== null }).toEqual({ name: e.name, zip64: !changed.has(e.name) });
  });

  it('refuses a size marked ZIP64 whose extended information is missing, as damaged', async () => {
    const input = zip64Zip({ 'a.xml': new TextEncoder().encode('<a/>') });
    // the central record's extra field renamed to another kind: the 0xFFFFFFFF sizes now point nowhere
    const b = Buffer.from(input);
    const cd = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    b.writeUInt16LE(0x7075, cd + 46 + 5);
    expect(() => openZip(new Uint8Array(b))).toThrow(/ZIP64/);
    await expect(readWorkbookGrid(new Uint8Array(b))).rejects.toMatchObject({ kind: 'corrupt' });
  });
});
