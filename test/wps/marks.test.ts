import { findingCells, groupRowFindings, renderMessage, type Finding } from '../../src/core';
import { COMMENT_PREFIX, WPS_MARK_COLORS, wanted } from '../../src/wps/marks';

const breakdown = (cell: string, column: string): Finding => ({
  code: 'FUNDS_BREAKDOWN', severity: 'warning', sheet: '项目', cell,
  params: { column, total: '0', sum: '1000', parts: '600+400', difference: '1000' },
});

describe('WPS marks', () => {
  it('a finding that names several cells of a row marks each with its colour and its comment', () => {
    const [f] = groupRowFindings([breakdown('C6', '年初预算数'), breakdown('D6', '全年预算数'), breakdown('E6', '全年执行数')]);
    expect(findingCells(f)).toEqual(['C6', 'D6', 'E6']);
    const marks = wanted([f], '项目', 'zh-CN');
    expect([...marks.keys()]).toEqual(['C6', 'D6', 'E6']);
    for (const m of marks.values()) expect(m).toEqual({ color: WPS_MARK_COLORS.warning, text: COMMENT_PREFIX + renderMessage(f) });
  });
});
