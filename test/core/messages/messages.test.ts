import { FINDING_CODES, type Finding } from '../../../src/core/model';
import { MESSAGES, renderMessage } from '../../../src/core/messages';
import { amount, pct, plain } from '../../../src/core/messages/format';

describe('messages', () => {
  it.each(FINDING_CODES.map((c) => [c]))('%s has a zh-CN and an en-US message', (code) => {
    const f: Finding = { code, severity: 'warning', sheet: 'S', cell: 'A1', params: { name: '指标', stated: '7', computed: '10', weight: '10' } };
    const zh = renderMessage(f, 'zh-CN');
    const en = renderMessage(f, 'en-US');
    expect(zh.length).toBeGreaterThan(5);
    expect(en.length).toBeGreaterThan(5);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toBe(en);
    expect(zh).not.toMatch(/undefined|NaN|\[object/);
    expect(en).not.toMatch(/undefined|NaN|\[object/);
  });

  it('tables have exactly the finding codes', () => {
    for (const table of Object.values(MESSAGES)) expect(Object.keys(table).sort()).toEqual([...FINDING_CODES].sort());
  });

  it('says what is wrong, with the numbers as the sheet writes them', () => {
    const f: Finding = {
      code: 'SCORE_MISMATCH', severity: 'error', sheet: 'S', cell: 'H13',
      params: { name: '满意度', stated: '7', computed: '10', weight: '10', target: '≥100%', actual: '100%', kind: 'atLeast', status: 'achieved' },
    };
    expect(renderMessage(f)).toBe('“满意度”得分 7 与计算值 10 不符：实际完成 100%，目标 ≥100%（不低于目标，已达成），分值 10，按规则应得 10 分。');
  });

  it.each([
    [amount, '123020298', '123,020,298.00'],
    [amount, '56322477.69', '56,322,477.69'],
    [plain, '0.3', '0.3'],
    [plain, '184400457', '184,400,457'],
  ])('formats %p(%s) as %s', (fn, input, out) => {
    expect(fn(input)).toBe(out);
  });

  it('formats rates at their written precision without float noise', () => {
    expect(pct('0.9829', 4)).toBe('98.29%');
    expect(pct('0.982806', 4)).toBe('98.28%');
    expect(pct('1', 0)).toBe('100%');
  });
});
