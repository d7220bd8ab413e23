import type { CellValue } from '../../../src/core/grid';
import { parseActual } from '../../../src/core/values';
import { describeActual } from './describe';

describe('parseActual', () => {
  it.each<[CellValue, string | null, string]>([
    [65, null, 'number 65 bare'],
    [65, 'General', 'number 65 bare'],
    [0.9881, '0.00%', 'number 98.81%'],
    [1, '0%', 'number 100%'],
    [0.000002, 'General', 'number 0.000002 bare'],
    ['16,221,100', null, 'number 16221100 bare'],
    ['98.81%', null, 'number 98.81%'],
    ['98.81％', null, 'number 98.81%'],
    ['200份', null, 'number 200份'],
    ['1亿人次', null, 'number 100000000人次 @100000000'],
    ['１２３', null, 'number 123 bare'],
    ['184400457核小时', null, 'number 184400457核小时'],
    ['-3.5%', null, 'number -3.5%'],
    ['1.3万', null, 'number 13000 @10000 bare'],
    ['1.2万户', null, 'number 12000户 @10000'],
    ['两家', null, 'number 2家'],
    [' 1 000 ', null, 'number 1000 bare'],
    ['100%。', null, 'number 100%'],
    ['百分之九十五', null, 'number 95%'],
    ['前三', null, 'rank 3'],
    ['第2名', null, 'rank 2'],
    ['第一', null, 'rank 1'],
    ['全国排名第二', null, 'rank 2'],
    [{ kind: 'error', code: '#DIV/0!' }, null, 'error #DIV/0!'],
    ['#DIV/0!', null, 'error #DIV/0!'],
    ['#N/A', null, 'error #N/A'],
    [null, null, 'empty'],
    ['', null, 'empty'],
    ['   ', null, 'empty'],
    ['—', null, 'empty'],
    ['<p></p>', null, 'empty'],
    ['有效', null, 'text'],
    ['约95', null, 'text'],
    ['N/A', null, 'text'],
    ['一般', null, 'text'],
    ['2021年', null, 'text'],
    [true, null, 'text'],
    ['>=80%', null, 'text'],
    ['服务对象满意度>=99%，用户投诉率0', null, 'text'],
    ['机时使用率85%；主机可利用率99.76%', null, 'text'],
    ['开通账户数214个，7*24小时提供用户服务', null, 'text'],
  ])('%j (format %j) → %s', (value, format, expected) => {
    expect(describeActual(parseActual(value, format))).toBe(expected);
  });
});
