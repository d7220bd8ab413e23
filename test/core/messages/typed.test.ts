import { FINDING_CODES, renderMessage } from '../../../src/core';
import { finding } from '../../../src/core/findings';
import { zhCN } from '../../../src/core/messages/zh-CN';
import type { MessageTable } from '../../../src/core/messages/types';

// These lines are checked by `tsc -p tsconfig.json` (tests included): each @ts-expect-error fails the type-check
// the day the compiler stops refusing what it marks.
describe('the finding map types findings end to end', () => {
  it('a message table without a message for a code does not compile', () => {
    const { WEIGHT_INVALID: dropped, ...rest } = zhCN;
    // @ts-expect-error WEIGHT_INVALID has no message
    const table: MessageTable = rest;
    expect(Object.keys(table)).toHaveLength(FINDING_CODES.length - 1);
    expect(typeof dropped).toBe('function');
  });

  it('a finding is raised with its own code\'s params only', () => {
    // @ts-expect-error WEIGHT_INVALID needs what, value, reason and limit
    const missing = finding('WEIGHT_INVALID', 'error', 'S', 'G13', { what: 'funds' });
    // @ts-expect-error reason is one of negative, aboveLimit, notFinite
    const wrong = finding('WEIGHT_INVALID', 'error', 'S', 'G13', { what: 'funds', value: '-1', reason: 'odd', limit: '100' });
    const right = finding('WEIGHT_INVALID', 'error', 'S', 'G13', { what: 'funds', value: '-1', reason: 'negative', limit: '100' });
    expect([missing.code, wrong.code]).toEqual(['WEIGHT_INVALID', 'WEIGHT_INVALID']);
    expect(renderMessage(right)).toBe('年度资金总额的分值 -1 为负数，不能小于 0：请更正分值。未按此分值计算或填写得分。');
  });

  it('a message reads its params typed: a param the code does not carry does not compile', () => {
    // @ts-expect-error GOAL_MISSING carries no params
    const read = (p: Parameters<MessageTable['GOAL_MISSING']>[0]) => p.name;
    expect(read({})).toBeUndefined();
  });
});
