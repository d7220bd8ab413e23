import { attrOf, attrsOf, decodeEntities, readCellAttrs, tagAttr, XmlScanner, type CellAttrs } from '../../src/xlsx/scan';

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

  it('decodes the predefined entities and character references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;')).toBe('<>&"\'AB');
  });
});

describe('readCellAttrs (a <c> tag read in place)', () => {
  it.each<[string, { r?: string; s?: string; t?: string }]>([
    [' r="B7" s="3" t="s"', { r: 'B7', s: '3', t: 's' }],
    [" t='inlineStr' r='A1'", { r: 'A1', t: 'inlineStr' }],
    [' r = "C2"\n s="1"', { r: 'C2', s: '1' }],
    [' r="A1" x14ac:dyDescent="0.25" ts="9" rs="8"', { r: 'A1' }],
    [' r="A&#49;" t="&quot;"', { r: 'A1', t: '"' }],
    [' r="A1" r="B2"', { r: 'A1' }],
    ['', {}],
  ])('%j', (raw, expected) => {
    const out: CellAttrs = { r: 'stale', s: 'stale', t: 'stale' };
    readCellAttrs(raw, out);
    expect(out).toEqual({ r: undefined, s: undefined, t: undefined, ...expected });
    // the same as the general reading of attributes
    expect({ r: attrOf(raw, 'r'), s: attrOf(raw, 's'), t: attrOf(raw, 't') }).toEqual(out);
  });

  it.each([' r=B7', ' r="B7', ' r'])('refuses a malformed tag as the general reading does: %j', (raw) => {
    expect(() => readCellAttrs(raw, { r: undefined, s: undefined, t: undefined })).toThrow();
    expect(() => attrsOf(raw)).toThrow();
  });
});
