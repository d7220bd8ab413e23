import fc from 'fast-check';
import { unitShape } from '../../../src/core/values/lex';

/** The expression unitShape stands for; the test holds the two together. */
const UNIT_SHAPE = /^[\p{L}%‰°][\p{L}\p{N}%‰°/·]*$/u;

describe('unitShape (what can be a unit, without the Unicode expression for the usual units)', () => {
  it.each<[string, boolean]>([
    ['户', true], ['万元', true], ['%', true], ['‰', true], ['km', true], ['m3', true], ['元/人', true], ['人·次', true],
    ['°C', true], ['3个', false], ['/年', false], ['·次', false], ['', false], ['个 月', false], ['个-', false],
    ['ｍ', true], ['Ⅳ类', false], ['µg', true], ['次数①', true], ['년', true],
  ])('%s → %s', (u, ok) => {
    expect(unitShape(u)).toBe(ok);
    expect(unitShape(u)).toBe(UNIT_SHAPE.test(u));
  });

  it('agrees with the expression on every CJK ideograph of U+4E00–U+9FFF (all letters in this runtime)', () => {
    const apart: string[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      if (!UNIT_SHAPE.test(ch) || !unitShape(ch)) apart.push(c.toString(16));
    }
    expect(apart).toEqual([]);
  });

  it('agrees with the expression on random short texts of units, digits, signs and other characters', () => {
    const ch = fc.oneof(
      fc.constantFrom('户', '元', '万', '%', '‰', '°', '/', '·', '0', '9', 'a', 'Z', ' ', '-', '_', 'ｍ', 'Ⅳ', '①', '\u00b5', '\u3000', '㎡'),
      fc.integer({ min: 0x20, max: 0xffff }).map((n) => String.fromCharCode(n)),
    );
    fc.assert(fc.property(fc.array(ch, { minLength: 1, maxLength: 6 }), (cs) => {
      const u = cs.join('');
      expect(unitShape(u)).toBe(UNIT_SHAPE.test(u));
    }), { numRuns: 20000 });
  });
});
