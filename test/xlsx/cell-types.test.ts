import { isDateFormat } from '../../src/core/values';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { isoDateSerial } from '../../src/xlsx/sheet';
import { minimalBook } from './zip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('isoDateSerial: a t="d" cell as the serial number Excel shows', () => {
  it.each([
    ['2021-03-04', false, 44259],
    ['2021-03-04T12:00:00Z', false, 44259.5],
    ['2021-03-04T06:00:00+08:00', false, 44259.25],
    ['2021-03-04 08:15', false, 44259 + 8.25 / 24],
    ['2021-03-04T00:00:00.000Z', false, 44259],
    ['1900-01-01', false, 1],
    ['1900-02-28', false, 59],
    ['1900-03-01', false, 61],
    ['1904-01-01', true, 0],
    ['2021-03-04', true, 44259 - 1462],
    ['T10:30:00', false, 0.4375],
    ['10:30', false, 0.4375],
    [' 2021-03-04 ', false, 44259],
  ])('%j (1904: %s) → %d', (text, date1904, serial) => {
    expect(isoDateSerial(text, date1904)).toBeCloseTo(serial, 10);
  });

  it.each(['2021-02-30', '2021-13-01', '2021-3-4', 'abc', '', '1899-12-30', '2021-03-04T25:00', '2021-03-04T10:60', '0099-01-01'])(
    '%j is no date Excel has',
    (text) => {
      expect(isoDateSerial(text, false)).toBeNull();
    },
  );
});

describe('cell types other writers use', () => {
  it('reads t="d" dates as serial numbers, keeps text that is no number as text (never NaN), and an unknown shared string as empty', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1">`
      + '<c r="A1" t="d"><v>2021-03-04T00:00:00Z</v></c>'
      + '<c r="B1" t="d"><v>not a date</v></c>'
      + '<c r="C1"><v>abc</v></c>'
      + '<c r="D1" t="s"><v>9999</v></c>'
      + '<c r="E1"><v>1.5E-3</v></c>'
      + '<c r="F1" t="d"><f>TODAY()</f><v>2021-03-05</v></c>'
      + '</row></sheetData></worksheet>';
    const g = (await readWorkbookGrid(minimalBook(sheet))).sheets[0];
    expect(g.values).toEqual([[44259, 'not a date', 'abc', null, 0.0015, 44260]]);
    expect(g.formulas?.[0][5]).toBe('=TODAY()');
  });
});

describe('built-in number formats of Chinese Excel and WPS', () => {
  it('reads ids 27–36 and 50–58, which carry no code in the file, as zh-CN Excel shows them; dates stay dates', async () => {
    const ids = [14, 31, 57, 58, 32, 10, 176];
    const styles = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0%"/></numFmts><cellXfs count="${ids.length + 1}"><xf numFmtId="0"/>${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1">${ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>44259</v></c>`).join('')}</row></sheetData></worksheet>`;
    const g = (await readWorkbookGrid(minimalBook(sheet, false, styles))).sheets[0];
    expect(g.formats?.[0]).toEqual(['mm-dd-yy', 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"', 'm"月"d"日"', 'h"时"mm"分"', '0.00%', '0.0%']);
    expect(g.formats?.[0].map((f) => isDateFormat(f))).toEqual([true, true, true, true, true, false, false]);
  });
});

describe('the number formats of conditional formats (dxfs)', () => {
  it('never stand in for cell formats, though they use the same ids', async () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>`
      + '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
      + '<dxfs count="2"><dxf><numFmt numFmtId="14" formatCode="0.00%"/></dxf><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>';
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" s="1"><v>44259</v></c><c r="B1" s="2"><v>0.5</v></c></row></sheetData></worksheet>`;
    const g = (await readWorkbookGrid(minimalBook(sheet, false, styles))).sheets[0];
    expect(g.formats?.[0]).toEqual(['mm-dd-yy', '0.0%']);
  });
});

