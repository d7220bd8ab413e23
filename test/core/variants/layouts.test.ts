import { checkWorkbook } from '../../../src/core';
import { SheetBuilder, sheetGrid } from '../../fixtures/grid';
import { bareForm, twoRowHeader } from '../../fixtures/forms';
import { throughXlsx } from '../../fixtures/xlsx';
import { gappedRows, mof2022, zhejiang } from './corpus';
import { checkGrids, checkLit, findingList, indicatorList } from './helpers';

function cover(): SheetBuilder {
  const b = new SheetBuilder();
  b.row(['关于报送2021年度项目支出绩效自评表的说明']);
  b.row(['各单位：根据财预〔2020〕10号要求，请如实填写年度指标值、实际完成值、分值和得分，于2022年3月底前报送。']);
  b.row(['联系人：张三，电话：12345678']);
  return b;
}

describe('several forms on one sheet', () => {
  it('finds three stacked forms without titles, the first and last without 项目名称 either', () => {
    const r = checkGrids([sheetGrid('汇总', [
      { lit: bareForm('甲', { withProject: false }) },
      { lit: bareForm('乙'), at: 'A14' },
      { lit: bareForm('丙', { withProject: false }), at: 'A27' },
    ])]);
    expect(r.forms.map((f) => [f.range, f.project, f.total.computed?.toFixed()])).toEqual([
      ['A1:I8', '', '100'], ['A14:I22', '乙', '100'], ['A27:I34', '', '100'],
    ]);
    expect(r.forms.map((f) => f.indicators[0].name)).toEqual(['甲场次', '乙场次', '丙场次']);
    expect(findingList(r)).toEqual([]);
  });

  it('reads two forms side by side as two forms, each in its own columns', () => {
    const r = checkGrids([sheetGrid('并排', [{ lit: bareForm('甲') }, { lit: bareForm('乙'), at: 'K1' }])]);
    expect(r.forms.map((f) => [f.range, f.project])).toEqual([['A1:I9', '甲'], ['K1:S9', '乙']]);
    expect(r.forms[1].indicators.map((i) => [i.cell, i.targetCell, i.scoreCell, i.noteCell])).toEqual([
      ['N6', 'O6', 'R6', 'S6'], ['N7', 'O7', 'R7', 'S7'], ['N8', 'O8', 'R8', 'S8'],
    ]);
    expect(r.forms[1].funds).toMatchObject({ cell: 'R3', rateCell: 'Q3' });
    expect(r.forms[1].total.cell).toBe('R9');
    expect(findingList(r)).toEqual([]);
  });

  it('reads side-by-side forms stacked in pairs', () => {
    const r = checkGrids([sheetGrid('并排', [
      { lit: bareForm('甲') }, { lit: bareForm('乙'), at: 'K1' },
      { lit: bareForm('丙') , at: 'A13' }, { lit: bareForm('丁'), at: 'K13' },
    ])]);
    expect(r.forms.map((f) => `${f.range} ${f.project}`)).toEqual(['A1:I9 甲', 'K1:S9 乙', 'A13:I21 丙', 'K13:S21 丁']);
    expect(findingList(r)).toEqual([]);
  });

  it('keeps one form whose header repeats a role without a complete second header (年初指标值 beside 年度指标值)', () => {
    const l = bareForm('甲');
    const header = l.rows.findIndex((r) => r[1] === '一级指标');
    l.rows[header] = [...l.rows[header], '年度指标值'];
    const r = checkLit(l);
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].indicators[0].targetCell).toBe('E6');
  });
});

describe('a form far down a sheet', () => {
  it('starts at its own title at row 200, not at the cover text that mentions 绩效自评表', () => {
    const r = checkGrids([sheetGrid('s', [{ lit: cover().lit() }, { lit: bareForm('丁', { title: '项目支出绩效自评表' }), at: 'A200' }])]);
    expect(r.forms.map((f) => [f.range, f.project, f.year])).toEqual([['A200:I209', '丁', null]]);
    expect(findingList(r)).toEqual([]);
  });

  it('without a title starts at 项目名称 and takes no year from the cover', () => {
    const r = checkGrids([sheetGrid('s', [{ lit: cover().lit() }, { lit: bareForm('丁'), at: 'A200' }])]);
    expect(r.forms.map((f) => [f.range, f.year])).toEqual([['A200:I208', null]]);
  });
});

describe('a workbook with an instructions sheet and a hidden lookup sheet', () => {
  it('checks the form, lists the instructions as a sheet without a form and the hidden one as not checked, raises no error', async () => {
    const note = new SheetBuilder();
    note.row(['填表说明']);
    note.row(['1. 年度指标值：填写预算批复的绩效目标；实际完成值：填写全年实际完成情况。']);
    note.row(['项目', '说明']);
    note.row(['分值', '按财预〔2020〕10号设定']);
    note.row(['得分', '按完成比例计算']);
    const list = new SheetBuilder();
    list.row(['一级指标', '二级指标', '分值', '得分']);
    list.row(['产出指标', '数量指标', 10, 10]);
    list.row(['效益指标', '社会效益指标', 20, 20]);
    const wb = await throughXlsx([
      { grid: sheetGrid('说明', [{ lit: note.lit() }]) },
      { grid: sheetGrid('自评表', [{ lit: bareForm('戊') }]) },
      { grid: sheetGrid('下拉选项', [{ lit: list.lit() }]), state: 'hidden' },
    ]);
    const r = checkWorkbook(wb);
    expect(r.forms.map((f) => f.sheet)).toEqual(['自评表']);
    expect(r.sheetsWithoutForm).toEqual(['说明']);
    expect(r.hiddenSheets).toEqual(['下拉选项']);
    expect(findingList(r)).toEqual([]);
  });

  it('still reports a form that lost its 实际完成值 column (it has a 项目名称 and a 总分 row)', () => {
    const l = bareForm('己');
    for (const row of l.rows) row.splice(5, 1);
    const r = checkLit(l);
    expect(r.forms).toHaveLength(1);
    expect(findingList(r)).toContain('error HEADER_MISSING A5');
  });
});

describe('headers drawn over two rows', () => {
  it.each([
    ['labels merged over both rows', false],
    ['年度 over 指标值 and 实际 over 完成值 in two unmerged cells', true],
  ])('%s: columns found, body starts under the header, scores as stated', (_name, split) => {
    const r = checkLit(twoRowHeader({ split }));
    const f = r.forms[0];
    expect(f.indicators.map((i) => [i.cell, i.targetCell, i.actualCell, i.scoreCell])).toEqual([
      ['D8', 'E8', 'F8', 'H8'], ['D9', 'E9', 'F9', 'H9'], ['D10', 'E10', 'F10', 'H10'],
    ]);
    expect(indicatorList(f)).toEqual(['D8 atLeast 50 achieved', 'D9 atLeast 27.5 partial', 'D10 atLeast 10 achieved']);
    expect(f.total.computed?.toFixed()).toBe('97');
    expect(findingList(r)).toEqual([]);
  });
});

describe('header synonyms of other provinces', () => {
  it.each([
    ['全年指标值', '全年实际完成值', '指标权重', '自评分', '偏差原因'],
    ['计划指标值', '年度实际完成值', '分值（分）', '得分（分）', '未完成原因分析'],
    ['年度指标值（包含数字及文字描述）', '实际完成数', '权重', '评价得分', '偏差原因分析及整改措施'],
  ])('%s / %s / %s / %s / %s', (target, actual, weight, score, note) => {
    const l = bareForm('甲');
    const h = l.rows.findIndex((r) => r[1] === '一级指标');
    l.rows[h] = ['绩效指标', '一级指标', '二级指标', '三级指标', target, actual, weight, score, note];
    const r = checkLit(l);
    expect(r.forms[0].indicators.map((i) => [i.targetCell, i.actualCell, i.scoreCell, i.noteCell])[0]).toEqual(['E6', 'F6', 'H6', 'I6']);
    expect(findingList(r)).toEqual([]);
  });

  it.each(['自评总分', '总分合计'])('ends the table at a %s row', (label) => {
    const l = bareForm('甲');
    l.rows[8][0] = label;
    expect(checkLit(l).forms[0].total.cell).toBe('H9');
  });
});

describe('rows the table does not expect', () => {
  it('reads across an empty row between two indicators', () => {
    const r = checkLit(gappedRows());
    expect(r.forms[0].indicators.map((i) => i.cell)).toEqual(['D6', 'D8', 'D9']);
    expect(findingList(r)).toEqual([]);
  });

  it('ends the form at its 总分 row whatever the bordered empty rows below it', async () => {
    const wb = await throughXlsx([{ grid: sheetGrid('s', [{ lit: bareForm('庚') }]), borderedRows: { from: 10, to: 60, lastCol: 12 } }]);
    const r = checkWorkbook(wb);
    expect(r.forms.map((f) => f.range)).toEqual(['A1:I9']);
    expect(findingList(r)).toEqual([]);
  });
});

describe('the same variants through .xlsx', () => {
  it.each([
    ['mof2022', mof2022],
    ['zhejiang', zhejiang],
    ['two-row header, split', () => twoRowHeader({ split: true })],
  ])('%s gives the same result read from a file as from the grid', async (_name, make) => {
    const fromGrid = checkLit(make());
    const fromFile = checkWorkbook(await throughXlsx([{ grid: sheetGrid('自评表', [{ lit: make() }]) }]));
    const strip = (r: typeof fromGrid) => r.forms.map((f) => ({
      range: f.range, total: f.total.computed?.toFixed(), ind: indicatorList(f), findings: findingList(f),
    }));
    expect(strip(fromFile)).toEqual(strip(fromGrid));
  });
});
