import type { CellValue } from '../../../src/core/grid';
import { measure, parseActual, parseTarget } from '../../../src/core/values';
import { describeMeasure } from './describe';

type Cell = [CellValue, string | null];

describe('measure: the actual read against its target', () => {
  it.each<[Cell, Cell, string]>([
    // unit inheritance
    [['>=65场', null], [65, null], 'number 65'],
    [['>=90%', null], [92, null], 'number 92'],
    [['=100%', null], [100, null], 'number 100'],
    [['=1年内', null], [1, null], 'number 1'],
    [['=4期', null], ['4', null], 'number 4'],
    [['=200', null], ['200份', null], 'number 200'],
    [['>=90', null], ['92%', null], 'number 92'],
    [['>=1亿人次', null], ['1亿人次', null], 'number 100000000'],
    [['>=1.2万户', null], ['1.3万', null], 'number 13000'],
    [['>=1.2万户', null], ['13000户', null], 'number 13000'],
    // percent: a number cell with a % format is unambiguous; a bare fraction is read at the nearer scale
    [['>=95%', null], [0.95, '0%'], 'number 95'],
    [['>=95%', null], [0.95, 'General'], 'number 95 scaleGuess(95% x100)'],
    [['=100%', null], [1, null], 'number 100 scaleGuess(100% x100)'],
    [['<0.002%', null], [0.000002, null], 'number 0.0002 scaleGuess(0.0002% x100)'],
    [['>=1%', null], [1, null], 'number 1'],
    [['80%-90%', null], [0.85, null], 'number 85 scaleGuess(85% x100)'],
    [['80%-90%', null], [85, null], 'number 85'],
    [['>=90%', null], [0, null], 'number 0'],
    // magnitude: a bare actual against 万/亿 is always a guess, said so
    [['≥1.2万户', null], [13000, null], 'number 13000 scaleGuess(13000户 x1)'],
    [['≥1.2万户', null], [1.3, null], 'number 13000 scaleGuess(13000户 x10000)'],
    [['≤200万元', null], [150, null], 'number 1500000 scaleGuess(1500000元 x10000)'],
    [['≤200万元', null], ['1800000', null], 'number 1800000 scaleGuess(1800000元 x1)'],
    // convertible units
    [['<=200万元', null], ['150万元', null], 'number 1500000'],
    [['<=200万元', null], ['1500000元', null], 'number 1500000'],
    [['≤200万元', null], ['0.015亿元', null], 'number 1500000'],
    [['≤200万元', null], ['1500千元', null], 'number 1500000'],
    [['<=15分钟', null], ['0.5小时', null], 'number 30'],
    [['<=1天', null], ['12小时', null], 'number 0.5'],
    [['=1年度', null], ['12个月', null], 'number 1'],
    [['≤3个工作日', null], ['2工作日', null], 'number 2'],
    [['>=350人', null], ['350名', null], 'number 350'],
    [['<0.2%', null], ['1‰', null], 'number 0.1'],
    // units that do not convert
    [['>=65场', null], ['65家', null], 'unitMismatch'],
    [['≤3个工作日', null], ['2天', null], 'unitMismatch'],
    [['>=90%', null], ['95分', null], 'unitMismatch'],
    [['>=17745000核小时', null], ['1.84亿小时', null], 'unitMismatch'],
    // from text or an actual with its own comparator
    [['>=90%', null], ['服务对象满意度>=99%，用户投诉率0', null], 'number 99 fromText(99%)'],
    [['>=90%', null], ['服务对象满意度>=99%', null], 'number 99 fromText(99%)'],
    [['>=80%', null], ['>=80%', null], 'number 80 fromText(80%)'],
    [['>=100', null], ['完成100，超额', null], 'number 100 fromText(100)'],
    [['>=1.2万户', null], ['全年完成1.3万户', null], 'number 13000 fromText(1.3万户)'],
    [['<=15分钟', null], ['平均0.2小时响应', null], 'number 12 fromText(0.2小时)'],
    [['>=133篇', null], ['论文大于133篇，其中29篇发表于顶级期刊', null], 'unparsed'],
    [['>=100', null], ['计划100，完成120', null], 'unparsed'],
    // not readable as a number
    [['>=95%', null], ['约95', null], 'unparsed'],
    [['>=500', null], ['约500', null], 'unparsed'],
    [['>=90%', null], ['满意度约95%', null], 'unparsed'],
    [['>=10万人次', null], ['25万余人次', null], 'unparsed'],
    [['>=95%', null], ['N/A', null], 'unparsed'],
    [['>=95%', null], [{ kind: 'error', code: '#DIV/0!' }, null], 'unparsed'],
    [['>=95%', null], ['#DIV/0!', null], 'unparsed'],
    [['>=90%', null], ['前三', null], 'unparsed'],
    [['>=95%', null], [null, null], 'empty'],
    [['>=95%', null], ['—', null], 'empty'],
    // ranks
    [['前三名', null], ['前三', null], 'rank 3'],
    [['前三名', null], ['第2名', null], 'rank 2'],
    [['前三名', null], [2, null], 'rank 2'],
    [['第一', null], ['1名', null], 'rank 1'],
    [['前三名', null], ['很好', null], 'unparsed'],
    [['前三名', null], [2.5, null], 'unparsed'],
    [['前三名', null], [null, null], 'empty'],
    // qualitative targets get the class of the actual
    [['有效', null], ['有效', null], 'class achieved'],
    [['及时', null], ['及时', null], 'class achieved'],
    [['高性能', null], ['机时使用率85%；主机可利用率99.76%', null], 'class undetermined'],
    [['满足国内%以上的主流浏览器', null], ['满足', null], 'class achieved'],
    [['用户满意度达到满意；', null], ['满意', null], 'class achieved'],
    [['有效', null], ['基本完成', null], 'class partial'],
    [['有效', null], ['未完成', null], 'class notAchieved'],
    [['有效', null], [null, null], 'empty'],
    [['有效', null], [{ kind: 'error', code: '#N/A' }, null], 'unparsed'],
  ])('target %j, actual %j → %s', (t, a, expected) => {
    expect(describeMeasure(measure(parseTarget(t[0], t[1]), parseActual(a[0], a[1])))).toBe(expected);
  });

  it('says why a reading failed', () => {
    const m = measure(parseTarget('>=65场', null), parseActual('65家', null));
    expect(m).toEqual({ ok: false, reason: 'unitMismatch', detail: '家≠场' });
    expect(measure(parseTarget('>=500', null), parseActual('约500', null))).toMatchObject({ detail: 'approximate' });
    expect(measure(parseTarget('>=100', null), parseActual('计划100，完成120', null))).toMatchObject({ detail: 'ambiguous' });
    expect(measure(parseTarget('>=95%', null), parseActual('#DIV/0!', null))).toMatchObject({ detail: '#DIV/0!' });
  });
});
