import { strFromU8, unzipSync } from 'fflate';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { applyCellWrites } from '../../src/xlsx/write';
import { minimalBook } from './zip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const book = minimalBook;

describe('the surgical writer on packages other writers lay out', () => {
  it('drops the calculation chain when it overwrites a formula, updates what reads it, and keeps everything else', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>2</v></c></row><row r="2"><c r="A2"><f>A1*2</f><v>4</v></c></row><row r="3"><c r="A3"><f>A2+1</f><v>5</v></c></row></sheetData></worksheet>`;
    const input = book(sheet, true);
    const out = unzipSync(await applyCellWrites(input, [{ sheet: '表', cell: 'A2', value: 10 }]));
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(strFromU8(out['xl/_rels/workbook.xml.rels'])).not.toMatch(/calcChain/);
    expect(strFromU8(out['[Content_Types].xml'])).not.toMatch(/calcChain/);
    expect(strFromU8(out['xl/workbook.xml'])).toMatch(/<calcPr calcId="191029" fullCalcOnLoad="1"\/>/);
    expect(strFromU8(out['xl/worksheets/sheet1.xml'])).toBe(
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>2</v></c></row><row r="2"><c r="A2"><v>10</v></c></row><row r="3"><c r="A3"><f>A2+1</f><v>11</v></c></row></sheetData></worksheet>`,
    );
    expect(out['_rels/.rels']).toEqual(unzipSync(input)['_rels/.rels']);
  });

  it('keeps the calculation chain when no formula is overwritten', async () => {
    const input = book(`<worksheet xmlns="${NS}"><sheetData><row r="2"><c r="A2"><f>B2*2</f><v>0</v></c></row></sheetData></worksheet>`, true);
    const out = unzipSync(await applyCellWrites(input, [{ sheet: '表', cell: 'B2', value: 3 }]));
    expect(out['xl/calcChain.xml']).toEqual(unzipSync(input)['xl/calcChain.xml']);
    expect(strFromU8(out['xl/worksheets/sheet1.xml'])).toMatch(/<row r="2"><c r="A2"><f>B2\*2<\/f><v>6<\/v><\/c><c r="B2"><v>3<\/v><\/c><\/row>/);
  });

  it('writes into an empty `<sheetData/>` and into prefixed elements, rows in order', async () => {
    const empty = await applyCellWrites(book(`<worksheet xmlns="${NS}"><sheetData/></worksheet>`), [
      { sheet: '表', cell: 'B3', value: '乙' },
      { sheet: '表', cell: 'A1', value: 1 },
    ]);
    expect((await readWorkbookGrid(empty)).sheets[0].values).toEqual([[1, null], [null, null], [null, '乙']]);

    const emptyRow = await applyCellWrites(book(`<worksheet xmlns="${NS}"><sheetData><row r="2" ht="20" customHeight="1"/></sheetData></worksheet>`), [
      { sheet: '表', cell: 'C2', value: 3 },
      { sheet: '表', cell: 'A2', value: 1 },
    ]);
    expect(strFromU8(unzipSync(emptyRow)['xl/worksheets/sheet1.xml'])).toMatch(/<row r="2" ht="20" customHeight="1"><c r="A2"><v>1<\/v><\/c><c r="C2"><v>3<\/v><\/c><\/row>/);

    const prefixed = book(`<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>旧</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`);
    const out = await applyCellWrites(prefixed, [{ sheet: '表', cell: 'B2', value: '新\u0007' }, { sheet: '表', cell: 'C4', value: 4.5 }]);
    const xml = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">新_x0007_<\/x:t><\/x:is><\/x:c>/);
    expect(xml).toMatch(/<\/x:row><x:row r="4"><x:c r="C4"><x:v>4.5<\/x:v><\/x:c><\/x:row><\/x:sheetData>/);
    expect((await readWorkbookGrid(out)).sheets[0].values).toEqual([['新\u0007', null], [null, null], [null, 4.5]]);
  });

  it('gives a cell that had no <c> the style Excel would: its formatted row\'s, else its column\'s, else none', async () => {
    const sheet = `<worksheet xmlns="${NS}"><cols><col min="1" max="1" width="9"/><col min="2" max="3" width="9" style="3" customWidth="1"/></cols><sheetData>`
      + '<row r="1" s="2" customFormat="1"><c r="A1"><v>1</v></c></row>'
      + '<row r="2" s="4"><c r="A2"><v>1</v></c></row>'
      + '</sheetData></worksheet>';
    const out = unzipSync(await applyCellWrites(book(sheet), [
      { sheet: '表', cell: 'C1', value: 5 }, // formatted row: the row's style, over the column's
      { sheet: '表', cell: 'C2', value: 6 }, // a row style without customFormat does not apply: the column's
      { sheet: '表', cell: 'D2', value: 7 }, // no style anywhere
      { sheet: '表', cell: 'B3', value: 8 }, // a new row: the column's
    ]));
    expect(strFromU8(out['xl/worksheets/sheet1.xml'])).toBe(`<worksheet xmlns="${NS}"><cols><col min="1" max="1" width="9"/><col min="2" max="3" width="9" style="3" customWidth="1"/></cols><sheetData>`
      + '<row r="1" s="2" customFormat="1"><c r="A1"><v>1</v></c><c r="C1" s="2"><v>5</v></c></row>'
      + '<row r="2" s="4"><c r="A2"><v>1</v></c><c r="C2" s="3"><v>6</v></c><c r="D2"><v>7</v></c></row>'
      + '<row r="3"><c r="B3" s="3"><v>8</v></c></row>'
      + '</sheetData></worksheet>');
  });
});
