import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readWorkbook, readWorkbookGrid } from '../../src/xlsx/read';
import { applyCellWrites } from '../../src/xlsx/write';
import { minimalBook } from './zip';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'sample-2021.xlsx');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The package with one part's text passed through `f`. */
function withPart(xlsx: Uint8Array, name: string, f: (xml: string) => string): Uint8Array {
  const parts = unzipSync(xlsx);
  parts[name] = strToU8(f(strFromU8(parts[name])));
  return zipSync(parts);
}

/** Each string item's plain text (no `&` in it) as a CDATA section. */
const cdata = (xml: string): string => xml.replace(/(<t(?: [^>]*)?>)([^<&]+)<\/t>/g, '$1<![CDATA[$2]]></t>');
/** Every character past ASCII in string items as a character reference. */
const charRefs = (xml: string): string => xml.replace(/(<t(?: [^>]*)?>)([^<]*)<\/t>/g, (_, open: string, text: string) =>
  `${open}${[...text].map((c) => (c.charCodeAt(0) > 127 ? `&#x${c.codePointAt(0)!.toString(16)};` : c)).join('')}</t>`);
/** A comment and a processing instruction before the root, and a comment at the start of every element's content. */
const comments = (xml: string): string => xml.replace(/(<\?xml[^>]*\?>)/, '$1<!-- made by hand --><?app data?>').replace(/<(sst|sheetData|si)>/g, '<$1><!-- <c r="A1"> -->');

describe('XML markup Excel does not write but other writers do', () => {
  const sample = new Uint8Array(fs.readFileSync(SAMPLE));

  it.each([
    ['CDATA sections in shared strings', 'xl/sharedStrings.xml', cdata],
    ['character references in shared strings', 'xl/sharedStrings.xml', charRefs],
    ['comments and a processing instruction in shared strings', 'xl/sharedStrings.xml', comments],
    ['comments in a sheet', 'xl/worksheets/sheet1.xml', comments],
  ])('%s read as the plain markup', async (_, part, f) => {
    const input = withPart(sample, part, f);
    expect(strFromU8(unzipSync(input)[part])).not.toBe(strFromU8(unzipSync(sample)[part]));
    expect(await readWorkbookGrid(input)).toEqual(await readWorkbookGrid(sample));
  });

  it('fill writes past an inline string whose CDATA section holds `</c>` and a comment that holds a cell tag', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><!-- <row r="9"><c r="B9"/></row> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a</c><c r="B1">b]]></t></is></c><c r="C1"><v>1</v></c></row></sheetData></worksheet>`;
    const input = minimalBook(sheet);
    expect((await readWorkbookGrid(input)).sheets[0].values).toEqual([['a</c><c r="B1">b', null, 1]]);
    const out = await applyCellWrites(input, [{ sheet: '表', cell: 'B1', value: 2 }, { sheet: '表', cell: 'B9', value: 3 }]);
    expect(strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml'])).toBe(
      `<worksheet xmlns="${NS}"><sheetData><!-- <row r="9"><c r="B9"/></row> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a</c><c r="B1">b]]></t></is></c><c r="B1"><v>2</v></c><c r="C1"><v>1</v></c></row><row r="9"><c r="B9"><v>3</v></c></row></sheetData></worksheet>`,
    );
    expect((await readWorkbookGrid(out)).sheets[0].values[0]).toEqual(['a</c><c r="B1">b', 2, 1]);
  });
});

describe('package layouts Excel does not write but opens', () => {
  const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;

  it('reads and fills a zip whose entry names use backslashes, keeping them', async () => {
    const parts = unzipSync(minimalBook(sheet));
    const input = zipSync(Object.fromEntries(Object.entries(parts).map(([n, d]) => [n.replace(/\//g, '\\'), d])));
    expect(Object.keys(unzipSync(input))).toContain('xl\\worksheets\\sheet1.xml');
    expect((await readWorkbookGrid(input)).sheets[0].values).toEqual([[1]]);
    const out = unzipSync(await applyCellWrites(input, [{ sheet: '表', cell: 'B1', value: 2 }]));
    expect(Object.keys(out).sort()).toEqual(Object.keys(unzipSync(input)).sort());
    expect(strFromU8(out['xl\\worksheets\\sheet1.xml'])).toContain('<c r="B1"><v>2</v></c>');
  });

  it('refuses as damaged a package holding two parts whose names differ only in case (which one would Excel show?)', async () => {
    const parts = unzipSync(minimalBook(sheet));
    parts['xl/worksheets/Sheet1.xml'] = strToU8(sheet.replace('<v>1</v>', '<v>2</v>'));
    await expect(readWorkbookGrid(zipSync(parts))).rejects.toMatchObject({ kind: 'corrupt', detail: expect.stringMatching(/two parts named xl\/worksheets\/sheet1\.xml/) });
  });

  it('passes over a sheet that names no relationship (r:id="", a module sheet saved as .xlsx), without a problem', async () => {
    const parts = unzipSync(minimalBook(sheet));
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace('</sheets>', '<sheet name="Module" sheetId="2" r:id=""/></sheets>'));
    const read = readWorkbook(zipSync(parts));
    expect(read.grid.sheets.map((g) => g.sheet)).toEqual(['表']);
    expect(read.problems).toEqual([]);
  });
});

