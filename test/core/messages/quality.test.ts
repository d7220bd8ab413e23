import { readFileSync } from 'fs';
import { checkSheet, checkWorkbook, renderMessage, type CheckResult, type FindingCode } from '../../../src/core';
import { readWorkbookGrid } from '../../../src/xlsx/read';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../../fixtures/forms';
import { SEED_XLSX, describeWithShared } from '../../helpers/shared';

const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });
function check(first: Partial<IndicatorSpec> = {}, o: Partial<FormSpec> = {}): CheckResult {
  const ind = standardIndicators();
  ind[0] = { ...ind[0], ...first };
  return checkSheet(sheetOf([buildForm(spec({ indicators: ind, ...o }))]));
}
const says = (r: CheckResult, code: FindingCode, lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
  r.findings.filter((f) => f.code === code).map((f) => renderMessage(f, lang));

/** What a finance reviewer must never read: float noise, an exponent, an unformatted placeholder. */
function expectReadable(message: string): void {
  expect(message).not.toMatch(/\d\.\d{7,}/);
  expect(message).not.toMatch(/\de[+-]?\d/i);
  expect(message).not.toMatch(/undefined|NaN|null|\[object|Infinity/);
}

describe('messages read as a reviewer writes them', () => {
  it('a wrong 执行率 is answered with the rate to two percent decimals, whatever precision the sheet wrote', () => {
    for (const stated of ['0%', '100%', '97%']) {
      const r = check({}, { executed: 982806, rate: stated, fundsScore: 9.83, totalScore: 99.83 });
      const [zh] = says(r, 'RATE_MISMATCH');
      expect(zh).toBe(`执行率 ${stated} 与计算值 98.28% 不符（全年执行数 982,806.00 ÷ 全年预算数 1,000,000.00）：请更正执行率。`);
    }
  });

  it('a funds breakdown names the difference, with separators and two decimals', () => {
    const r = check({}, { sub: { current: [null, 600000, null], carryover: [null, '300,000', null] } });
    expect(says(r, 'FUNDS_BREAKDOWN')).toEqual([
      '资金构成不符：全年预算数的“其中”各项之和 900,000.00（600,000.00 + 300,000.00）≠ 年度资金总额 1,000,000.00（少 100,000.00）：请核对各项资金来源。',
    ]);
    expect(says(r, 'FUNDS_BREAKDOWN', 'en-US')[0]).toContain('≠ annual total 1,000,000.00 (100,000.00 less)');
  });

  it('an over-achievement at exactly the threshold is not said to exceed it', () => {
    const [zh] = says(check({ actual: 78 }), 'OVERACHIEVED');
    expect(zh).toBe('“举办活动”实际完成 78 为目标 >=65场 的 120.00%（≥ 120%，超额较多），需说明原因（财预〔2020〕10号）。');
  });

  it.each<[FindingCode, Partial<IndicatorSpec>, Partial<FormSpec>, RegExp]>([
    ['WEIGHT_SUM', { weight: 15, score: 15 }, { totalScore: 95 }, /：请核对各项分值。$/],
    ['TOTAL_MISMATCH', {}, { totalScore: 98 }, /：请核对总分。$/],
    ['VALUE_UNPARSED', { actual: '约95', note: '约' }, {}, /：请填写确切数值，或人工评分。$/],
    ['UNIT_MISMATCH', { actual: '65个工作日', target: '<=60天', note: '—' }, {}, /：请统一单位，或人工评分。$/],
    ['CELL_UNREADABLE', { weight: '二十' }, {}, /“二十”不是数值：请改为数值。$/],
    ['SCORE_OVER_WEIGHT', { score: 25 }, { totalScore: 105 }, /：请更正得分或分值。$/],
  ])('%s says what to do', (code, first, o, ending) => {
    const [zh] = says(check(first, o), code);
    expect(zh).toMatch(ending);
    expectReadable(zh);
  });
});

describeWithShared(SEED_XLSX, 'every message the published 2021 forms produce', () => {
  let result: CheckResult;
  beforeAll(async () => {
    result = checkWorkbook(await readWorkbookGrid(readFileSync(SEED_XLSX)));
  });

  it('is readable in both languages: no float noise, exponent or placeholder; money with separators', () => {
    expect(result.findings.length).toBeGreaterThan(0);
    for (const f of result.findings) {
      for (const lang of ['zh-CN', 'en-US'] as const) expectReadable(renderMessage(f, lang));
    }
    // 综合部门's 全年预算数 and 全年执行数 of one 年度资金总额 row: one finding naming both cells (issue 14)
    const breakdown = result.findings.filter((f) => f.code === 'FUNDS_BREAKDOWN').map((f) => renderMessage(f));
    expect(breakdown).toEqual([
      '资金构成不符：全年预算数（D6）的“其中”各项之和 123,020,298.00（54,018,998.00 + 69,001,300.00 + 0.00）≠ 年度资金总额 57,001,300.00（多 66,018,998.00）；'
      + '全年执行数（E6）的“其中”各项之和 55,484,715.69（55,484,715.69）≠ 年度资金总额 56,322,477.69（少 837,762.00）：请核对各项资金来源。',
    ]);
  });
});
