import type { Finding } from '../../src/core';
import { humanReport } from '../../src/cli/human';
import { form, result } from '../fixtures/host';

/** The human report in a terminal: bidi controls escaped (terminalSafe), and no isolates added around sheet text. */
describe('sheet text in the terminal', () => {
  const finding = (name: string): Finding => ({
    code: 'SCORE_MISMATCH', severity: 'error', sheet: '表', cell: 'H13',
    params: { name, stated: '0', computed: '10', weight: '10', kind: 'atLeast', status: 'achieved', actual: '20', target: '>=20个' },
  });

  it('an override shows escaped, where it stands, with no isolate escapes around it', () => {
    const out = humanReport('a.xlsx', result([form({ sheet: '表', findings: [finding('\u202eabc')] })]), 'zh-CN');
    expect(out).toContain('“\\u202eabc”得分 0 与计算值 10 不符');
    expect(out).not.toMatch(/\\u206[6-9]|[\u2066-\u2069\u202a-\u202e]/);
  });

  it('right-to-left letters stay as they are (the terminal lays them out)', () => {
    const out = humanReport('a.xlsx', result([form({ sheet: '表', findings: [finding('مدرسة')] })]), 'en-US');
    expect(out).toContain('"مدرسة": score 0');
    expect(out).not.toContain('\\u2068');
  });
});
