import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkWorkbook } from '../../src/core';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyFillPlan } from '../../src/xlsx/write';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'sample-2021.xlsx');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Every XML part of a package (but the content types) passed through `f`. */
function mapParts(xlsx: Uint8Array, f: (xml: string, name: string) => string): Uint8Array {
  const parts = unzipSync(xlsx);
  for (const name of Object.keys(parts)) {
    if (name !== '[Content_Types].xml' && /\.(xml|rels)$/.test(name)) parts[name] = strToU8(f(strFromU8(parts[name]), name));
  }
  return zipSync(parts);
}

/** ISO/IEC 29500 Strict, as Excel's "Strict Open XML Spreadsheet" writes it: other namespaces and relationship types. */
const strict = (xml: string): string => xml
  .replaceAll(MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
  .replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships')
  .replaceAll('http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main');

/** The spreadsheet parts with every element of the main namespace prefixed `x:`, as the Open XML SDK writes them. */
function prefixed(xml: string, name: string): string {
  if (!name.startsWith('xl/') || name.includes('_rels/') || name.includes('theme/') || !xml.includes(`xmlns="${MAIN}"`)) return xml;
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m: string, slash: string, local: string) => `<${slash}x:${local}`)
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

describe('namespaces other writers use', () => {
  const sample = new Uint8Array(fs.readFileSync(SAMPLE));

  it.each([
    ['Strict (ISO/IEC 29500)', (xml: string): string => strict(xml)],
    ['elements prefixed x: (Open XML SDK)', prefixed],
  ])('%s: reads as the original, and fill writes the same cells in the same names', async (_, f) => {
    const input = mapParts(sample, f);
    expect(strFromU8(unzipSync(input)['xl/worksheets/sheet1.xml'])).not.toBe(strFromU8(unzipSync(sample)['xl/worksheets/sheet1.xml']));
    const original = await readWorkbookGrid(sample);
    expect(await readWorkbookGrid(input)).toEqual(original);

    const plan = checkWorkbook(original).fillPlan;
    expect(plan.cells.length).toBeGreaterThan(0);
    // the fill of the changed package is the fill of the original, changed the same way
    const expected = unzipSync(mapParts(await applyFillPlan(sample, plan), f));
    const out = unzipSync(await applyFillPlan(input, plan));
    expect(Object.keys(out).sort()).toEqual(Object.keys(expected).sort());
    for (const name of Object.keys(out)) expect({ name, text: strFromU8(out[name]) }).toEqual({ name, text: strFromU8(expected[name]) });
  });
});
