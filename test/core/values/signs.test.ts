import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseTarget } from '../../../src/core/values';
import { RANGE_SEPARATORS, SIGN_TABLE, foldedSign, signTableMarkdown } from '../../../src/core/values/signs';
import { PREFIX_COMPARATORS, SUFFIX_COMPARATORS } from '../../../src/core/values/lex';
import { describeTarget } from './describe';

/** number, %, unit, 万 and 亿: the text after the sign and what it reads as */
const SHAPES: readonly (readonly [string, string, string])[] = [
  ['number', '95', '95'],
  ['percent', '95%', '95%'],
  ['decimal percent', '97.5%', '97.5%'],
  ['unit', '20个', '20个'],
  ['万', '1.5万元', '15000元 @10000'],
  ['亿', '2亿人次', '200000000人次 @100000000'],
];

/** `95 %`, `1.5 万元`: a space between every part the way a person types it */
function spaced(shape: string): string {
  return shape.replace(/(\d)(?=\D)/u, '$1 ');
}

const prefixes = SIGN_TABLE.filter((e) => e.place === 'prefix');
const suffixes = SIGN_TABLE.filter((e) => e.place === 'suffix');

describe('the sign table (issue 9 item 3)', () => {
  describe.each(prefixes.map((e) => [e.text, e] as const))('prefix %s', (_, e) => {
    it.each(SHAPES)('%s', (_name, shape, read) => {
      for (const text of [`${e.text}${shape}`, `${e.text} ${spaced(shape)}`, ` ${e.text}  ${shape} `]) {
        expect([text, describeTarget(parseTarget(text, null))]).toEqual([text, `${e.kind} ${read}`]);
      }
    });
    it('with a suffix, a weak sign yields and a strong one decides', () => {
      const t = parseTarget(`${e.text}90%以下`, null);
      expect(describeTarget(t)).toBe(`${e.weak ? 'atMost' : e.kind} 90%`);
    });
    it('a range after it is the range only for an equal sign', () => {
      for (const text of [`${e.text}90%～95%`, `${e.text} 90% - 95%`]) {
        const t = parseTarget(text, null);
        expect([text, describeTarget(t)]).toEqual([text, e.kind === 'equal' && e.symbol ? 'range 90%..95%' : 'qualitative']);
      }
    });
    it(e.symbol ? 'with no number it is malformed' : 'with no number, a strong word is malformed', () => {
      const t = parseTarget(`${e.text}%`, null);
      expect(describeTarget(t)).toBe('qualitative malformed');
      if (e.symbol) expect(describeTarget(parseTarget(e.text, null))).toBe('qualitative malformed');
    });
  });

  describe.each(suffixes.map((e) => [e.text, e] as const))('suffix %s', (_, e) => {
    it.each(SHAPES.filter(([name]) => name !== 'number'))('%s', (_name, shape, read) => {
      for (const text of [`${shape}${e.text}`, `${spaced(shape)} ${e.text}`]) {
        expect([text, describeTarget(parseTarget(text, null))]).toEqual([text, `${e.kind} ${read}`]);
      }
    });
  });

  it.each(RANGE_SEPARATORS.map(([t]) => t))('range separator %s', (sep) => {
    for (const [text, read] of [
      [`90%${sep}95%`, 'range 90%..95%'],
      [`90% ${sep} 95%`, 'range 90%..95%'],
      [`1${sep}2万户`, 'range 10000户 @10000..20000户 @10000'],
      [`10${sep}20个`, 'range 10个..20个'],
      [`-5%${sep}5%`, 'range -5%..5%'],
    ]) {
      expect([text, describeTarget(parseTarget(text, null))]).toEqual([text, read]);
    }
  });

  it('forms that fold to the same text agree on what they mean', () => {
    for (const list of [PREFIX_COMPARATORS, SUFFIX_COMPARATORS]) {
      for (const c of list) {
        const same = SIGN_TABLE.filter((e) => foldedSign(e.text) === c.text);
        expect(same.every((e) => e.kind === c.kind && e.weak === c.weak)).toBe(true);
      }
    }
  });

  it('the lexer reads every row of the table', () => {
    const lexed = new Set([...PREFIX_COMPARATORS, ...SUFFIX_COMPARATORS].map((c) => c.text));
    for (const e of SIGN_TABLE) expect(lexed.has(foldedSign(e.text))).toBe(true);
  });

  it('src/core/values/README.md shows the table as it is (ZIPING_WRITE_DOCS=1 rewrites it)', () => {
    const path = join(__dirname, '..', '..', '..', 'src', 'core', 'values', 'README.md');
    const doc = readFileSync(path, 'utf8');
    const begin = '<!-- signs:begin (generated from signs.ts by test/core/values/signs.test.ts) -->';
    const end = '<!-- signs:end -->';
    const i = doc.indexOf(begin);
    const j = doc.indexOf(end);
    const want = `${begin}\n${signTableMarkdown()}\n${end}`;
    if (process.env.ZIPING_WRITE_DOCS === '1') {
      const next = i >= 0 && j > i ? doc.slice(0, i) + want + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n## Comparator signs\n\n${want}\n`;
      writeFileSync(path, next);
      return;
    }
    expect(i).toBeGreaterThanOrEqual(0);
    expect(doc.slice(i, j + end.length)).toBe(want);
  });
});
