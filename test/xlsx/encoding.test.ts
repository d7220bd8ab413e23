import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { checkWorkbook } from '../../src/core';
import { decodeXml, encodeXml, sniffXmlEncoding, XmlDecoder, type XmlEncoding } from '../../src/xlsx/encoding';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyFillPlan } from '../../src/xlsx/write';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'sample-2021.xlsx');
const BOM = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] } as const;

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

/** The text as a part in `encoding`, with or without a byte order mark. */
function encoded(text: string, encoding: XmlEncoding, bom: boolean): Uint8Array {
  const body = encodeXml(text, encoding);
  if (!bom) return body;
  const out = new Uint8Array(BOM[encoding].length + body.length);
  out.set(BOM[encoding]);
  out.set(body, BOM[encoding].length);
  return out;
}

/** Every XML part of a package re-encoded (its declaration saying so), the other parts as they are. */
function reencoded(xlsx: Uint8Array, encoding: XmlEncoding, bom: boolean): Uint8Array {
  const parts = unzipSync(xlsx);
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const text = new TextDecoder().decode(data).replace(/encoding="UTF-8"/i, `encoding="${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'}"`);
    parts[name] = new Uint8Array(encoded(text, encoding, bom));
  }
  return zipSync(parts);
}

describe('the encoding of an XML part', () => {
  it.each([
    ['a UTF-8 declaration', 'utf-8', bytes(0x3c, 0x3f, 0x78)],
    ['a UTF-8 byte order mark', 'utf-8', bytes(0xef, 0xbb, 0xbf, 0x3c)],
    ['a UTF-16LE byte order mark', 'utf-16le', bytes(0xff, 0xfe, 0x3c, 0x00)],
    ['a UTF-16BE byte order mark', 'utf-16be', bytes(0xfe, 0xff, 0x00, 0x3c)],
    ['UTF-16LE without a mark', 'utf-16le', bytes(0x3c, 0x00, 0x3f, 0x00)],
    ['UTF-16BE without a mark', 'utf-16be', bytes(0x00, 0x3c, 0x00, 0x3f)],
    ['one byte', 'utf-8', bytes(0x3c)],
    ['nothing', 'utf-8', bytes()],
  ])('%s is %s', (_, encoding, head) => {
    expect(sniffXmlEncoding(head)).toBe(encoding);
  });

  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)('%s: decoded chunk by chunk as whole, and written back byte for byte', (encoding) => {
    fc.assert(fc.property(
      fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', 'a', '中', '分', '😀', '\u00e9'), fc.constant('x')), maxLength: 40 }),
      fc.boolean(),
      fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 20 }),
      (body, bom, cuts) => {
        const text = `<?xml version="1.0"?><t>${body}</t>`;
        const data = encoded(text, encoding, bom);
        expect(decodeXml(data)).toEqual({ text, encoding });
        const kept = decodeXml(data, true);
        expect(encodeXml(kept.text, kept.encoding)).toEqual(data);
        const d = new XmlDecoder();
        let got = '';
        let at = 0;
        for (const n of cuts) {
          got += d.decode(data.subarray(at, Math.min(data.length, at + n)), { stream: true });
          at = Math.min(data.length, at + n);
        }
        got += d.decode(data.subarray(at), { stream: true });
        got += d.decode();
        expect(got).toBe(text);
      },
    ), { numRuns: 300 });
  });
});

describe('a workbook whose XML parts are UTF-16 (allowed by the package format; .NET writers make them)', () => {
  const sample = new Uint8Array(fs.readFileSync(SAMPLE));

  it.each([
    ['utf-16le', true], ['utf-16be', true], ['utf-16le', false], ['utf-8', true],
  ] as const)('%s (byte order mark: %s) reads as the UTF-8 original, and fill keeps the encoding and changes only the cells', async (encoding, bom) => {
    const original = await readWorkbookGrid(sample);
    const input = reencoded(sample, encoding, bom);
    const grid = await readWorkbookGrid(input);
    expect(grid).toEqual(original);

    const plan = checkWorkbook(original).fillPlan;
    expect(plan.cells.length).toBeGreaterThan(0);
    const plain = unzipSync(await applyFillPlan(sample, plan));
    const out = unzipSync(await applyFillPlan(input, plan));
    const before = unzipSync(input);
    for (const [name, data] of Object.entries(out)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      // each part is still in its encoding, with its mark; its text is what the UTF-8 fill wrote, declaration aside
      expect(Array.from(data.subarray(0, bom ? BOM[encoding].length : 0))).toEqual(bom ? [...BOM[encoding]] : []);
      const text = decodeXml(data).text;
      expect({ name, text: text.replace(/encoding="UTF-16"/, 'encoding="UTF-8"') }).toEqual({ name, text: new TextDecoder().decode(plain[name]) });
      if (Buffer.compare(Buffer.from(data), Buffer.from(before[name])) !== 0) {
        expect(Buffer.compare(Buffer.from(plain[name]), Buffer.from(unzipSync(sample)[name]))).not.toBe(0);
      }
    }
    expect(await readWorkbookGrid(zipSync(out))).toEqual(await readWorkbookGrid(zipSync(plain)));
  });
});
