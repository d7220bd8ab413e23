import { strings } from '../../src/app';
import type { Finding } from '../../src/core';
import { findingDetails } from '../../src/taskpane/components/FindingList/useFindingList';

const rateFinding = (code: 'RATE_MISMATCH' | 'RATE_ROUNDING', params: Record<string, string>): Finding =>
  ({ code, severity: code === 'RATE_MISMATCH' ? 'error' : 'info', sheet: 'S', cell: 'G5', params }) as unknown as Finding;

describe('finding details', () => {
  it('a 执行率 finding shows rates as rates (表内执行率 95.31%, 计算执行率 95.30%), never as a 得分', () => {
    const d = findingDetails(rateFinding('RATE_MISMATCH', { stated: '0.9531', computed: '0.953', exact: '0.95304166', places: '4' }), null, strings('zh-CN'), 'mof-2020', 'zh-CN');
    expect(d.slice(0, 2)).toEqual([{ label: '表内执行率', value: '95.31%' }, { label: '计算执行率', value: '95.30%' }]);
    expect(d.map((x) => x.label)).not.toContain('表内得分');
    expect(d.map((x) => x.label)).not.toContain('计算得分');
  });

  it('a rounded-up 执行率 compares with the half-up rate; en-US labels', () => {
    const d = findingDetails(rateFinding('RATE_ROUNDING', { stated: '0.9531', halfUp: '0.953', computed: '0.9531', places: '4' }), null, strings('en-US'), 'mof-2020', 'en-US');
    expect(d.slice(0, 2)).toEqual([{ label: 'Rate on sheet', value: '95.31%' }, { label: 'Computed rate', value: '95.30%' }]);
  });
});
