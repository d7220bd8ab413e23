import type { CellValue } from '../../../src/core/grid';
import { isPercentFormat, normalizeText, numberCellProblem, parseNumberCell, statedPrecision } from '../../../src/core/values';

describe('parseNumberCell', () => {
  it.each<[CellValue, string | null]>([
    [16221100, '16221100'],
    [56322477.69, '56322477.69'],
    [0.1, '0.1'],
    [0.9881, '0.9881'],
    ['16,221,100', '16221100'],
    ['56,322,477.69', '56322477.69'],
    ['１６，２２１，１００', '16221100'],
    [' 1 000 ', '1000'],
    ['18250000.00', '18250000'],
    ['98.81%', '0.9881'],
    ['100.00%', '1'],
    ['98.29％', '0.9829'],
    ['-5', '-5'],
    ['¥1,000.00', '1000'],
    ['10。', '10'],
    ['—', null],
    ['-', null],
    ['', null],
    [null, null],
    [{ kind: 'error', code: '#DIV/0!' }, null],
    ['#VALUE!', null],
    ['abc', null],
    ['1,2345', null],
    ['约100', null],
    [true, null],
  ])('%j → %s', (value, expected) => {
    const d = parseNumberCell(value, null);
    expect(d === null ? null : d.toFixed()).toBe(expected);
  });

  it.each<[CellValue, ReturnType<typeof numberCellProblem>]>([
    [5, null],
    ['5,000', null],
    [null, 'empty'],
    ['', 'empty'],
    ['—', 'empty'],
    ['  ', 'empty'],
    ['#DIV/0!', 'error'],
    [{ kind: 'error', code: '#REF!' }, 'error'],
    ['abc', 'unreadable'],
    ['约95', 'unreadable'],
    [true, 'unreadable'],
  ])('problem of %j → %s', (value, expected) => {
    expect(numberCellProblem(value)).toBe(expected);
  });
});

describe('statedPrecision: decimals of the fraction a rate is written with', () => {
  it.each<[CellValue, string | null, number]>([
    [0.9829, '0.00%', 4],
    [1, '0.00%', 4],
    [0.99, '0%', 2],
    [0.982, '0.0%', 3],
    [0.9881, '#,##0.00%', 4],
    [0.5, '0%;[Red]-0%', 2],
    [0.99, 'General', 2],
    [0.99, null, 2],
    [1, 'General', 0],
    [0.9829, 'General', 4],
    [0.98, '0.00', 2],
    ['98.29%', null, 4],
    ['100.00%', null, 4],
    ['100%', null, 2],
    ['0.9829', null, 4],
    ['1', null, 0],
    ['abc', null, 0],
    [null, null, 0],
  ])('%j with %j → %d', (value, format, expected) => {
    expect(statedPrecision(value, format)).toBe(expected);
  });
});

describe('formats and labels', () => {
  it.each<[string | null, boolean]>([
    ['0%', true],
    ['0.00%', true],
    ['#,##0.0%', true],
    ['General', false],
    [null, false],
    ['0.00"%"', false],
    ['#,##0.00', false],
  ])('isPercentFormat(%j) → %s', (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });

  it.each([
    ['年度\n指标值', '年度指标值'],
    ['年度 总体 目标', '年度总体目标'],
    ['项目资金（万元）', '项目资金(万元)'],
    ['实际完成值（B）', '实际完成值(B)'],
    ['　分值　', '分值'],
  ])('normalizeText(%j) → %j', (s, expected) => {
    expect(normalizeText(s)).toBe(expected);
  });
});
