import { checkWorkbook, renderMessage, type CellValue, type CheckResult } from '../../../src/core';
import { sheetGrid } from '../../fixtures/grid';
import { throughXlsx } from '../../fixtures/xlsx';
import { findingList, indicatorList } from '../variants/helpers';
import { TEMPLATE_TOTAL, templateForm, type TemplateOptions } from '../../fixtures/templates';

function check(o: TemplateOptions, at = 'A1'): CheckResult {
  return checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit: templateForm(o), at }])] });
}

function stacked(a: TemplateOptions, b: TemplateOptions): CheckResult {
  const first = templateForm(a);
  return checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit: first }, { lit: templateForm(b), at: `C${first.rows.length + 4}` }])] });
}

const LAYOUTS: [string, TemplateOptions][] = [
  ['the plain template', {}],
  ['traditional labels', { traditional: true }],
  ['two-row header', { twoRowHeader: true }],
  ['two-row header with a 绩效指标 column', { twoRowHeader: true, perfColumn: true }],
  ['one-row header, no 绩效指标 column', { perfColumn: false }],
  ['split target', { split: true }],
  ['split target, synonyms', { split: { sign: '指标方向', value: '指标值（数值）', unit: '计量单位' } }],
  ['split target, other synonyms', { split: { sign: '计算符号', value: '指标值', unit: '单位' } }],
  ['split target, two-row header', { split: true, twoRowHeader: true }],
  ['funds block from column B', { fundsFromB: true }],
  ['其中 row repeating 分值/执行率/得分', { qizhongRepeats: true }],
  ['all of issue 9 at once', { split: true, twoRowHeader: true, traditional: true, fundsFromB: true, qizhongRepeats: true }],
];
const VARIANTS: [string, TemplateOptions, string][] = [
  ['', {}, 'A1'],
  [', offset origin', {}, 'D7'],
  [', numbers as text', { numbersAsText: true }, 'A1'],
  [', weights as formulas', { formulas: true }, 'B3'],
  [', header synonyms', { synonyms: true }, 'A1'],
];

describe.each(LAYOUTS)('%s', (_name, o) => {
  it.each(VARIANTS)('is read and scored in full%s: nothing to report, total as stated', (_v, extra, at) => {
    const r = check({ ...o, ...extra }, at);
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(findingList(r)).toEqual([]);
    expect(f.total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
    expect(f.indicators).toHaveLength(6);
    expect(indicatorList(f).every((x) => x.endsWith(' achieved'))).toBe(true);
    expect(f.funds?.computedScore?.toFixed()).toBe('9.75');
  });

  it('written to .xlsx and read back as the CLI reads it, the same', async () => {
    const wb = await throughXlsx([{ grid: sheetGrid('自评表', [{ lit: templateForm(o), at: 'B2' }]) }]);
    const r = checkWorkbook(wb);
    expect(findingList(r)).toEqual([]);
    expect(r.forms[0]?.total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
  });

  it('stacked under the plain template, both forms are read', () => {
    const r = stacked({}, o);
    expect(r.forms).toHaveLength(2);
    expect(r.forms.map((f) => f.total.computed?.toFixed())).toEqual([TEMPLATE_TOTAL, TEMPLATE_TOTAL]);
    expect(findingList(r)).toEqual([]);
  });
});

describe('a split target (issue 9 item 1)', () => {
  it('reads as the one-cell target and messages quote it so, at the cell of the number', () => {
    const lit = templateForm({ split: true });
    const row = lit.rows.findIndex((r) => r.includes('网络故障率'));
    const name = lit.rows[row].indexOf('网络故障率');
    lit.rows[row][name + 4] = '4%';
    lit.rows[row][name + 6] = 0;
    const r = checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit }])] });
    const f = r.forms[0].indicators.find((i) => i.name === '网络故障率');
    expect(f).toMatchObject({ target: '≤3%', targetCell: `F${row + 1}`, kind: 'atMost' });
    expect(f?.status).not.toBe('achieved');
  });

  it('a sign with no number is TARGET_MALFORMED quoting the sign and unit', () => {
    const lit = templateForm({ split: true });
    const row = lit.rows.findIndex((r) => r.includes('网络故障率'));
    const name = lit.rows[row].indexOf('网络故障率');
    lit.rows[row][name + 2] = null;
    const r = checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit }])] });
    const m = r.findings.find((x) => x.code === 'TARGET_MALFORMED');
    expect(m?.cell).toBe(`F${row + 1}`);
    expect(renderMessage(m!)).toContain('“≤%”');
  });

  it('a value cell formatted as percent does not take the % twice', () => {
    const lit = templateForm({ split: true });
    const row = lit.rows.findIndex((r) => r.includes('居民满意度'));
    const name = lit.rows[row].indexOf('居民满意度');
    lit.rows[row][name + 2] = 0.9;
    lit.formats[`F${row + 1}`] = '0%';
    const r = checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit }])] });
    expect(r.forms[0].indicators.find((i) => i.name === '居民满意度')).toMatchObject({ target: '≥90%', kind: 'atLeast', status: 'achieved' });
  });

  it.each<[string, CellValue, CellValue, CellValue, string | null, string]>([
    ['sign, number, unit', '≥', 95, '%', null, '≥95% atLeast'],
    ['full-width sign, number as text, 百分比', '＞＝', '95', '百分比', null, '＞＝95百分比 atLeast'],
    ['percent-formatted value and unit %', '≥', 0.95, '%', '0%', '≥95% atLeast'],
    ['value with its own unit and another unit text', '≥', '95%', '百分比', null, '≥95% atLeast'],
    ['value with its own sign', '≥', '≥95', '%', null, '≥95% atLeast'],
    ['value with a range', '', '90-95', '%', null, '90-95% range'],
    ['定量 in the sign column', '定量', 12, '个月', null, '12个月 equal'],
    ['定性 with text', '定性', '有效', '', null, '有效 qualitative'],
    ['= with text stays qualitative, not malformed', '=', '好', '', null, '好 qualitative'],
    ['a word sign with a Chinese numeral', '不少于', '两', '家', null, '不少于两家 atLeast'],
    ['万 in the unit', '≥', 1.2, '万户', null, '≥1.2万户 atLeast'],
    ['traditional unit', '≥', 3, '個', null, '≥3個 atLeast'],
    ['no sign, no unit', '', 7, '', null, '7 equal'],
  ])('%s', (_name, sign, value, unit, format, expected) => {
    const lit = templateForm({ split: true });
    const row = lit.rows.findIndex((r) => r.includes('网络故障率'));
    const name = lit.rows[row].indexOf('网络故障率');
    lit.rows[row][name + 1] = sign;
    lit.rows[row][name + 2] = value;
    lit.rows[row][name + 3] = unit;
    if (format) lit.formats[`F${row + 1}`] = format;
    const r = checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit }])] });
    const f = r.forms[0].indicators.find((i) => i.name === '网络故障率');
    expect(`${f?.target ?? ''} ${f?.kind ?? ''}`).toBe(expected);
    expect(r.findings.filter((x) => x.code === 'TARGET_MALFORMED')).toEqual([]);
  });
});
