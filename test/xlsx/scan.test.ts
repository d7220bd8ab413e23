import { attrOf, attrsOf, decodeEntities, tagAttr, TagText, XmlScanner } from '../../src/xlsx/scan';
import { cellIndex, readCellTag, type CellTag } from '../../src/xlsx/sheet';

/** Every event of a document fed in chunks of `size` characters. */
function events(xml: string, size: number): string[] {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push(`text ${text}`);
    text = '';
  };
  const p = new XmlScanner({
    open: (name, tag) => {
      flush();
      out.push(`open ${name} ${JSON.stringify(attrsOf(tag.raw()))}`);
      expect(tag.raw() === '' ? {} : Object.fromEntries(Object.keys(attrsOf(tag.raw())).map((k) => [k, tagAttr(tag, k)]))).toEqual(attrsOf(tag.raw()));
    },
    text: (t) => {
      text += t;
    },
    close: (name) => {
      flush();
      out.push(`close ${name}`);
    },
  });
  for (let i = 0; i < xml.length; i += size) p.write(xml.slice(i, i + size));
  p.close();
  return out;
}

const DOC =
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="urn:x"><!-- a > comment --><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r=\'B1\' s = "2" t="str"><f>A1&amp;"&lt;b&gt;"</f><v>a &#x4E2D;&#25991; &amp; b</v></c>' +
  '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c><c r="D1"/></row></sheetData>' +
  '<dataValidation prompt="1 > 0" sqref="A1"/></x:worksheet>';

describe('the sheet XML scanner', () => {
  it('gives the same events whatever the chunk size', () => {
    const whole = events(DOC, DOC.length);
    expect(whole).toContain('text A1&"<b>"');
    expect(whole).toContain('text a 中文 & b');
    expect(whole).toContain('open c {"r":"D1"}');
    expect(whole).toContain('open dataValidation {"prompt":"1 > 0","sqref":"A1"}');
    expect(whole.filter((e) => e === 'close c')).toHaveLength(4);
    for (const size of [1, 2, 3, 7, 64]) expect(events(DOC, size)).toEqual(whole);
  });

  it('reads one attribute by its name, not by a longer one that starts the same', () => {
    expect(attrOf(' ref="A1:B2" r="3"', 'r')).toBe('3');
    expect(attrOf(' ref="A1:B2"', 'r')).toBeUndefined();
    expect(attrOf(' t="a&amp;b"', 't')).toBe('a&b');
  });

  it.each([
    ['an unclosed element', '<a><b></b>'],
    ['a mismatched closing tag', '<a><b></a></b>'],
    ['an unknown entity', '<a>&bomb;</a>'],
    ['a DTD', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['a truncated tag', '<a><b r="1"'],
    ['two roots', '<a/><b/>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => events(xml, 3)).toThrow();
  });

  it('reads \\r\\n and a lone \\r as \\n, across chunks, and keeps a written &#13;, and CDATA as text', () => {
    const doc = '<a><t>x\r\ny\rz&#13;\n</t><t><![CDATA[<b>\r\n]]></t></a>';
    const whole = events(doc, doc.length);
    expect(whole).toEqual(['open a {}', 'open t {}', 'text x\ny\nz\r\n', 'close t', 'open t {}', 'text <b>\n', 'close t', 'close a']);
    for (const size of [1, 2, 3, 5]) expect(events(doc, size)).toEqual(whole);
    expect(events('<a>x\r</a>', 4)).toEqual(['open a {}', 'text x\n', 'close a']);
  });

  it('decodes the predefined entities and character references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;')).toBe('<>&"\'AB');
  });
});

describe('readCellTag (a <c> tag read in place)', () => {
  const tagOf = (raw: string): TagText => Object.assign(new TagText(), { s: `<c${raw}>`, start: 2, end: raw.length + 2 });
  /** the general reading of the same tag, as the reader took it before */
  const general = (raw: string): CellTag => {
    const r = attrOf(raw, 'r');
    const s = attrOf(raw, 's');
    return { index: r ? cellIndex(r) : -1, style: s ? Number(s) || 0 : 0, type: attrOf(raw, 't') ?? 'n' };
  };

  it.each<[string, CellTag]>([
    [' r="B7" s="3" t="s"', { index: 6 * 16384 + 1, style: 3, type: 's' }],
    [" t='inlineStr' r='A1'", { index: 0, style: 0, type: 'inlineStr' }],
    [' r = "C2"\n s="1"', { index: 16384 + 2, style: 1, type: 'n' }],
    [' r="A1" x14ac:dyDescent="0.25" ts="9" rs="8"', { index: 0, style: 0, type: 'n' }],
    [' r="A&#49;" t="&quot;"', { index: 0, style: 0, type: '"' }],
    [' r="A1" r="B2" s="2" s="5"', { index: 0, style: 2, type: 'n' }],
    [' r="xfd1048576"', { index: 1048575 * 16384 + 16383, style: 0, type: 'n' }],
    [' r="XFE1" s="" t=""', { index: -1, style: 0, type: '' }],
    [' r="A0" s="x"', { index: -1, style: 0, type: 'n' }],
    [' r="AAAA1" s="0012"', { index: -1, style: 12, type: 'n' }],
    [' r="A1234567890123456789" s="12345678901"', { index: general(' r="A1234567890123456789"').index, style: 12345678901, type: 'n' }],
    [' r="" t="str"', { index: -1, style: 0, type: 'str' }],
    [' r=" A1" s=" 2" t=" s"', { index: general(' r=" A1"').index, style: 2, type: ' s' }],
    ['', { index: -1, style: 0, type: 'n' }],
  ])('%j', (raw, expected) => {
    const out: CellTag = { index: 99, style: 99, type: 'stale' };
    readCellTag(tagOf(raw), out);
    expect(out).toEqual(expected);
    expect(out).toEqual(general(raw));
  });

  it('reads any tag as the general reading does', () => {
    const parts = ['r', 's', 't', 'rs', 'A', 'a', 'Z', 'z', '$', '0', '1', '9', '&amp;', '&#49;', ' ', '\t', 'é', 'str', 'inlineStr', '"'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let raw = '';
      for (let a = 0; a < 1 + next(3); a++) {
        let v = '';
        for (let c = 0; c < next(6); c++) v += parts[next(parts.length)].replace('"', '');
        raw += ` ${['r', 's', 't', 'x'][next(4)]}="${v}"`;
      }
      const out: CellTag = { index: 0, style: 0, type: '' };
      readCellTag(tagOf(raw), out);
      expect([raw, out]).toEqual([raw, general(raw)]);
    }
  });

  it.each([' r=B7', ' r="B7', ' r'])('refuses a malformed tag as the general reading does: %j', (raw) => {
    expect(() => readCellTag(tagOf(raw), { index: 0, style: 0, type: '' })).toThrow();
    expect(() => attrsOf(raw)).toThrow();
  });
});
