import { checkSheet } from '../../src/core';
import { humanReport } from '../../src/cli/human';
import { buildForm, sheetOf, standardIndicators } from '../fixtures/forms';

it('the text report names every cell of a finding that names several (one fault in a row of amounts)', () => {
  // 年度资金总额 0 in the three amount columns while the 其中 rows hold amounts
  const r = checkSheet(sheetOf([buildForm({
    indicators: standardIndicators(), totalScore: 100,
    initial: 0, budget: 0, executed: 0, sub: { current: [600000, 700000, 650000], carryover: [400000, 300000, 300000] },
  })], { sheet: '项目' }));
  const lines = humanReport('book.xlsx', r, 'zh-CN').split('\n').filter((l) => l.includes('资金构成不符'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/ C6,D6,E6 +资金构成不符/);
});
