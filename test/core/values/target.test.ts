import type { CellValue } from '../../../src/core/grid';
import { parseTarget } from '../../../src/core/values';
import { describeTarget } from './describe';

describe('parseTarget: SPEC §3 written forms', () => {
  it.each<[CellValue, string | null, string]>([
    // at least
    ['>=65场', null, 'atLeast 65场'],
    ['≥75%', null, 'atLeast 75%'],
    ['＞＝90%', null, 'atLeast 90%'],
    ['不低于95%', null, 'atLeast 95%'],
    ['不少于200份', null, 'atLeast 200份'],
    ['达到100%', null, 'atLeast 100%'],
    ['65场以上', null, 'atLeast 65场'],
    ['>=5', null, 'atLeast 5'],
    ['>=17745000核小时', null, 'atLeast 17745000核小时'],
    ['≥ 75 %', null, 'atLeast 75%'],
    ['＞＝１２３', null, 'atLeast 123'],
    ['>=1,000家', null, 'atLeast 1000家'],
    ['大于或等于3次', null, 'atLeast 3次'],
    ['至少10篇', null, 'atLeast 10篇'],
    ['达到90%以上', null, 'atLeast 90%'],
    ['=90%以上', null, 'atLeast 90%'],
    ['>=-5%', null, 'atLeast -5%'],
    ['90%以上（含）', null, 'atLeast 90%'],
    ['全年完成3期', null, 'atLeast 3期'],
    ['实现10个', null, 'atLeast 10个'],
    ['每年≥2次/年', null, 'atLeast 2次/年'],
    // more than
    ['>85%', null, 'moreThan 85%'],
    ['大于90%', null, 'moreThan 90%'],
    ['超过50家', null, 'moreThan 50家'],
    ['大于90%以上', null, 'moreThan 90%'],
    // at most
    ['<=15分钟', null, 'atMost 15分钟'],
    ['≤3个工作日', null, 'atMost 3个工作日'],
    ['不高于5%', null, 'atMost 5%'],
    ['不超过10天', null, 'atMost 10天'],
    ['3个工作日以内', null, 'atMost 3个工作日'],
    ['5%以下', null, 'atMost 5%'],
    ['3个工作日内', null, 'atMost 3个工作日'],
    ['一年内', null, 'atMost 1年'],
    ['控制在5%以内', null, 'atMost 5%'],
    ['&lt;=15分钟', null, 'atMost 15分钟'],
    // less than
    ['<0.002%', null, 'lessThan 0.002%'],
    ['小于1%', null, 'lessThan 1%'],
    ['低于3次', null, 'lessThan 3次'],
    // equal
    ['=100%', null, 'equal 100%'],
    ['=4期', null, 'equal 4期'],
    ['=1年度', null, 'equal 1年度'],
    ['=1年内', null, 'equal 1年内'],
    ['=70%', null, 'equal 70%'],
    ['200', null, 'equal 200'],
    [200, null, 'equal 200'],
    [200, 'General', 'equal 200'],
    [0.95, '0%', 'equal 95%'],
    [0.95, '0.00%', 'equal 95%'],
    ['65场', null, 'equal 65场'],
    ['90%左右', null, 'equal 90%'],
    // magnitudes and percent words
    ['1亿人次', null, 'equal 100000000人次 @100000000'],
    ['>=1亿人次', null, 'atLeast 100000000人次 @100000000'],
    ['≥1.2万户', null, 'atLeast 12000户 @10000'],
    ['≤200万元', null, 'atMost 2000000元 @10000'],
    ['百分之95', null, 'equal 95%'],
    ['不低于百分之九十五', null, 'atLeast 95%'],
    ['95百分比', null, 'equal 95%'],
    // Chinese numerals for small counts
    ['不少于两家', null, 'atLeast 2家'],
    ['三场以上', null, 'atLeast 3场'],
    ['>=十二次', null, 'atLeast 12次'],
    ['二十个', null, 'equal 20个'],
    // range
    ['80%-90%', null, 'range 80%..90%'],
    ['80%～90%', null, 'range 80%..90%'],
    ['80-90%', null, 'range 80%..90%'],
    ['80%至90%之间', null, 'range 80%..90%'],
    ['1-2万户', null, 'range 10000户 @10000..20000户 @10000'],
    // rank
    ['前三名', null, 'rank 3'],
    ['前3名', null, 'rank 3'],
    ['第一', null, 'rank 1'],
    ['第2名', null, 'rank 2'],
    ['全国排名前三', null, 'rank 3'],
    ['前十位', null, 'rank 10'],
    // a comparator phrase with exactly one number inside a sentence
    ['满意度达到90%以上', null, 'atLeast 90%'],
    ['服务对象满意度>=99%', null, 'atLeast 99%'],
    ['一次接通率达到85%', null, 'atLeast 85%'],
    ['<p>>=90%</p>', null, 'atLeast 90%'],
    ['满意度90%以上。', null, 'atLeast 90%'],
    // qualitative
    ['有效', null, 'qualitative'],
    ['及时', null, 'qualitative'],
    ['高性能', null, 'qualitative'],
    ['为上海地区科学计算、公益类用户提供高性能服务', null, 'qualitative'],
    ['用户满意度达到满意；', null, 'qualitative'],
    ['有利于推进营商环境营造和法治建设', null, 'qualitative'],
    ['<p>有效</p>', null, 'qualitative'],
    ['高于全国平均水平', null, 'qualitative'],
    ['7*24小时', null, 'qualitative'],
    ['2021年底前完成', null, 'qualitative'],
    ['完成率100%', null, 'qualitative'],
    ['100%完成', null, 'qualitative'],
    ['≥10项，≤5天', null, 'qualitative'],
    ['前三季度完成', null, 'qualitative'],
    ['满足国内90%以上的主流浏览器', null, 'qualitative'],
    ['统一服务', null, 'qualitative'],
    [null, null, 'qualitative'],
    // looked numeric, lost the number
    ['满足国内%以上的主流浏览器', null, 'qualitative malformed'],
    ['满足国内%以上的主流浏览器、操作系统', null, 'qualitative malformed'],
    ['>=', null, 'qualitative malformed'],
    ['>=%', null, 'qualitative malformed'],
    ['不低于', null, 'qualitative malformed'],
    ['不少于份', null, 'qualitative malformed'],
    ['%', null, 'qualitative malformed'],
    [{ kind: 'error', code: '#N/A' }, null, 'qualitative malformed'],
  ])('%j (format %j) → %s', (value, format, expected) => {
    expect(describeTarget(parseTarget(value, format))).toBe(expected);
  });

  it('keeps the text as written, tags included (text is never rendered as HTML)', () => {
    const t = parseTarget('<p>>=90%</p>', null);
    expect(t.text).toBe('<p>>=90%</p>');
    expect(parseTarget(200, null).text).toBe('200');
  });
});
