import type { CellValue } from '../../../src/core/grid';
import {
  classifyQualitative, completionDateOf, deadlineOf, displayText, excelNumber, isDateFormat, measure, parseActual, parseTarget,
  readNumberCell,
} from '../../../src/core/values';

describe('numbers as Excel holds them', () => {
  it.each<[number, string]>([
    [125.50000000000001, '125.5'],
    [0.30000000000000004, '0.3'],
    [28.571428571428573, '28.5714285714286'],
    [56322477.69, '56322477.69'],
    [0.000002, '0.000002'],
    [16221100, '16221100'],
  ])('%p reads as %s (15 significant digits)', (v, expected) => {
    expect(excelNumber(v).toFixed()).toBe(expected);
    const r = readNumberCell(v);
    expect(r.kind === 'number' && r.value.toFixed()).toBe(expected);
  });

  it.each<[string, string]>([
    ['１６，２２１，１００', '16221100'],
    ['１，２００．５０', '1200.5'],
    ['2,000,000', '2000000'],
  ])('text %s reads as %s', (v, expected) => {
    const r = readNumberCell(v);
    expect(r.kind === 'number' && r.value.toFixed()).toBe(expected);
  });
});

describe('cells as the sheet shows them', () => {
  it.each<[CellValue, string | null, string]>([
    [0.965, '0.0%', '96.5%'],
    [0.95, '0%', '95%'],
    [28.571428571428573, '0.00', '28.57'],
    [1234567.5, '#,##0.00', '1,234,567.50'],
    [44561, 'yyyy/m/d', '2021年12月31日'],
    [44561, 'yyyy"年"m"月"d"日"', '2021年12月31日'],
    [44561, '[$-F800]dddd, mmmm dd, yyyy', '2021年12月31日'],
    [0.30000000000000004, null, '0.3'],
    [13000, 'General', '13000'],
    ['≥95%', null, '≥95%'],
    [true, null, 'TRUE'],
    [{ kind: 'error', code: '#DIV/0!' }, null, '#DIV/0!'],
    [null, null, ''],
  ])('%p with %p shows %s', (v, fmt, expected) => {
    expect(displayText(v, fmt)).toBe(expected);
  });

  it.each<[string | null, boolean]>([
    ['yyyy/m/d', true], ['m/d/yy', true], ['yyyy"年"m"月"', true], ['h:mm', true],
    ['0.00%', false], ['#,##0.00', false], ['General', false], ['0.00"万元"', false], [null, false], ['@', false],
  ])('%p is a date format: %p', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe('deadlines and completion dates', () => {
  it.each<[string, string | null]>([
    ['2021年12月底前', '2021-12-31'],
    ['2021年12月31日前', '2021-12-31'],
    ['12月31日前完成', '-12-31'],
    ['2021年底前完成', '2021-12-31'],
    ['2021年6月前', '2021-6-30'],
    ['2022-03-31', '2022-3-31'],
    ['于2021年11月30日前完成验收', '2021-11-30'],
    ['2021年12月31日', '2021-12-31'],
    ['2021年完成3期', null],
    ['按时完成', null],
    ['2021年12月和2022年3月各一次', null],
    ['12月31日前完成并报送2022年计划', null],
  ])('%s is a deadline %p', (text, expected) => {
    const d = deadlineOf(text);
    expect(d ? `${d.year ?? ''}-${d.month}-${d.day}` : null).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['2021年11月30日', '2021-11-30'],
    ['已于2021年11月完成', '2021-11-30'],
    ['2021年12月20日完成', '2021-12-20'],
    ['12月15日前已完成', '-12-15'],
    ['已按期完成', null],
    ['2021年12月启动，2022年3月完成', null],
  ])('%s states completion on %p', (text, expected) => {
    const d = completionDateOf(text);
    expect(d ? `${d.year ?? ''}-${d.month}-${d.day}` : null).toBe(expected);
  });
});

describe('qualitative actuals against their targets', () => {
  const cls = (target: CellValue, actual: CellValue, tf: string | null = null, af: string | null = null) => {
    const m = measure(parseTarget(target, tf), parseActual(actual, af));
    return m.ok && m.kind === 'class' ? m.cls : m.ok ? m.kind : m.reason;
  };

  it.each<[CellValue, string | null, CellValue, string | null, string]>([
    ['2021年12月底前', null, '已按期完成', null, 'achieved'],
    ['12月31日前完成', null, '已按期完成', null, 'achieved'],
    ['2021年12月底前', null, '2021年11月30日', null, 'achieved'],
    ['2021年12月底前', null, '2022年1月15日完成', null, 'notAchieved'],
    ['12月31日前完成', null, 44550, 'yyyy/m/d', 'achieved'],
    [44561, 'yyyy/m/d', '已按期完成', null, 'achieved'],
    [44561, 'yyyy/m/d', 44550, 'yyyy/m/d', 'achieved'],
    [44561, 'yyyy/m/d', 44600, 'yyyy/m/d', 'notAchieved'],
    [44561, 'yyyy/m/d', '未按期完成', null, 'notAchieved'],
    ['按时完成', null, '按时', null, 'achieved'],
    ['按时完成', null, '未按时', null, 'notAchieved'],
    ['无负面影响', null, '无负面影响', null, 'achieved'],
    ['无安全责任事故', null, '无安全责任事故。', null, 'achieved'],
    ['良好', null, '较好', null, 'partial'],
    ['有效', null, true, null, 'undetermined'],
  ])('%p (%p) vs %p (%p) → %s', (t, tf, a, af, expected) => {
    expect(cls(t, a, tf, af)).toBe(expected);
  });

  it.each<[string, string]>([
    ['按期', 'achieved'], ['如期完成', 'achieved'], ['准时上线', 'achieved'], ['按时率', 'undetermined'], ['基本按时完成', 'partial'],
  ])('%s is %s', (text, expected) => {
    expect(classifyQualitative(text)).toBe(expected);
  });
});
