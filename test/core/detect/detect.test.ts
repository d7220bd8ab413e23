import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { columnLetters, GridView, parseA1, toA1 } from '../../../src/core/grid';
import { detectForms } from '../../../src/core/detect';
import { clone, dropRows, gridOf, relabel, shiftMerges, stack, type MergedLit as FormLiteral } from '../../fixtures/grid';
import { SEED, seedForm } from '../../fixtures/forms';
import { summary } from '../../fixtures/layout';

function detect(f: FormLiteral, at = 'A1', sheet = 'Sheet1') {
  const { row, col } = parseA1(at);
  const grid = gridOf(f.rows, { at, sheet, merges: shiftMerges(f.merges, row, col) });
  return detectForms(new GridView(grid));
}

/** What the seed form's layout must be when its top-left sits `dr` rows down and `dc` columns right of A1. */
function seedExpected(dr: number, dc: number) {
  const at = (r: number, c: number): string => toA1(r - 1 + dr, c + dc);
  const col = (c: number): string => columnLetters(c + dc);
  return {
    sheet: 'Sheet1',
    range: `${at(1, 0)}:${at(18, 8)}`,
    title: at(1, 0),
    year: '2021',
    project: at(3, 1),
    department: at(4, 1),
    implementer: at(4, 6),
    funds: {
      headerRow: 5 + dr,
      columns: { initialBudget: col(2), budget: col(3), executed: col(4), weight: col(5), rate: col(6), score: col(7) },
      rows: { total: 6 + dr, current: 7 + dr, carryover: 8 + dr, other: 9 + dr },
      unit: '元',
    },
    goal: { target: at(11, 1), actual: at(11, 5) },
    indicatorHeaderRow: 12 + dr,
    columns: {
      level1: col(1), level2: col(2), level3: col(3), target: col(4), actual: col(5), weight: col(6), score: col(7), note: col(8),
    },
    missing: [],
    indicators: [13, 14, 15, 16, 17].map((r) => r + dr),
    total: { row: 18 + dr, label: at(18, 0), weight: at(18, 6), score: at(18, 7) },
  };
}

describe('detectForms: the seed layout', () => {
  it('reads every part of the 超算服务 form at A1', () => {
    const forms = detect(seedForm());
    expect(forms.map(summary)).toEqual([seedExpected(0, 0)]);
  });

  it.each([
    ['C5', 4, 2],
    ['B2', 1, 1],
    ['F40', 39, 5],
    ['A300', 299, 0],
  ])('finds the form by its labels when it starts at %s', (at, dr, dc) => {
    expect(detect(seedForm(), at).map(summary)).toEqual([seedExpected(dr, dc)]);
  });

  it('takes the merged 得分 header of the funds block at its left column', () => {
    const [f] = detect(seedForm());
    expect(f.funds?.columns.score).toBe(7);
    expect(f.funds?.columns.rate).toBe(6);
  });
});

describe('detectForms: stacked forms', () => {
  it.each([0, 1, 2, 5])('finds two forms stacked with %i empty rows between them', (gap) => {
    const first = seedForm();
    const second = relabel(relabel(seedForm(), SEED.project, { 政府购买超算中心高性能计算服务经费: '综合部门重点工作' }),
      SEED.header, { 实际完成值: '全年实际值', 分值: '权重' });
    const rows = stack(gap, first.rows, second.rows);
    const offset = first.rows.length + gap;
    const grid = gridOf(rows, { merges: [...first.merges, ...shiftMerges(second.merges, offset, 0)] });
    const forms = detectForms(new GridView(grid));
    expect(forms.map(summary)).toEqual([
      seedExpected(0, 0),
      seedExpected(offset, 0),
    ]);
    expect(grid.values[forms[1].project!.row][forms[1].project!.col]).toBe('综合部门重点工作');
  });

  it('stacks a form without title or funds block under one with a title', () => {
    const first = seedForm();
    const second = dropRows(dropRows(seedForm(), SEED.fundsHeader, SEED.header), 0, 2);
    const rows = stack(1, first.rows, second.rows);
    const grid = gridOf(rows, { merges: [...first.merges, ...shiftMerges(second.merges, 19, 0)] });
    const forms = detectForms(new GridView(grid)).map(summary);
    expect(forms).toHaveLength(2);
    expect(forms[0]).toEqual(seedExpected(0, 0));
    expect(forms[1]).toMatchObject({
      range: 'A20:I28', title: null, year: null, project: 'B20', department: 'B21', implementer: 'G21', funds: null,
      goal: null, indicatorHeaderRow: 22, indicators: [23, 24, 25, 26, 27],
      total: { row: 28, label: 'A28', weight: 'G28', score: 'H28' },
    });
  });
  it.each([0, 1])('ends a form with no 总分 row where the next form begins (%i empty rows between)', (gap) => {
    const first = dropRows(seedForm(), SEED.total, SEED.total + 1);
    const second = seedForm();
    const offset = first.rows.length + gap;
    const grid = gridOf(stack(gap, first.rows, second.rows), { merges: [...first.merges, ...shiftMerges(second.merges, offset, 0)] });
    const forms = detectForms(new GridView(grid)).map(summary);
    expect(forms).toHaveLength(2);
    expect(forms[0]).toMatchObject({ range: 'A1:I17', indicators: [13, 14, 15, 16, 17], total: null });
    expect(forms[1]).toEqual(seedExpected(offset, 0));
  });
});

describe('detectForms: label variants', () => {
  it.each([
    ['target', '年度指标值', '目标值（标准）'],
    ['target', '年度指标值', '年度指标值（A）'],
    ['target', '年度指标值', '年初指标值'],
    ['target', '年度指标值', '指标值'],
    ['actual', '实际完成值', '全年实际值'],
    ['actual', '实际完成值', '全年实际值（B）'],
    ['actual', '实际完成值', '实际完成值(B)'],
    ['actual', '实际完成值', '指标执行值'],
    ['weight', '分值', '权重'],
    ['weight', '分值', '设定权重'],
    ['score', '得分', '自评得分'],
    ['note', '偏差原因分析及改进措施', '偏差原因及改进措施'],
    ['note', '偏差原因分析及改进措施', '未完成原因分析及改进措施'],
    ['note', '偏差原因分析及改进措施', '指标未完成原因和改进措施'],
  ] as const)('reads %s from the synonym header %s → %s', (role, from, to) => {
    const [f] = detect(relabel(seedForm(), SEED.header, { [from]: to }));
    expect(summary(f).columns[role]).toBe(seedExpected(0, 0).columns[role]);
    expect(f.missing).toEqual([]);
    expect(f.indicators).toHaveLength(5);
  });

  it('reads line-broken, spaced and full-width labels', () => {
    let f = relabel(seedForm(), SEED.header, {
      绩效指标: '绩效\n指标', 一级指标: '一级\n指标', 年度指标值: '年度\n指标值', 实际完成值: '实际\r\n完成值',
      分值: '分　值', 得分: ' 得 分 ', 偏差原因分析及改进措施: '偏差\n原因分析及改进措施',
    });
    f = relabel(f, SEED.goal, { 年度总体目标: '年度 总体 目标', 预算目标: '预算目标：', 实际完成情况: '实际完成情况' });
    f = relabel(f, SEED.fundsHeader, { '项目资金 (元)': '项目资金（万元）', 年初预算数: '年初预算数（Ａ０）', 全年预算数: '全年\n预算数' });
    f = relabel(f, SEED.project, { 项目名称: '项目名称：' });
    f = relabel(f, SEED.department, { 主管部门: '主管　部门', 实施单位: '实施单位:' });
    f = relabel(f, SEED.fundsHeader + 2, { '其中：当年财政拨款': '其中: 本年财政拨款' });
    f = relabel(f, SEED.total, { 总分: '总 分' });
    const expected = seedExpected(0, 0);
    expect(detect(f).map(summary)).toEqual([{ ...expected, funds: { ...expected.funds, unit: '万元' } }]);
  });

  it.each(['合计', '总计', '分数合计', '总分：'])('ends the form at a %s row', (label) => {
    const [f] = detect(relabel(seedForm(), SEED.total, { 总分: label }));
    expect(summary(f).total).toEqual({ row: 18, label: 'A18', weight: 'G18', score: 'H18' });
  });

  it('has no total 分值 cell when the 总分 label is merged over the weight column', () => {
    const f = clone(seedForm());
    f.merges = f.merges.map((m) => (m === 'A18:F18' ? 'A18:G18' : m));
    f.rows[SEED.total] = ['总分', null, null, null, null, null, null, 99.5];
    expect(summary(detect(f)[0]).total).toEqual({ row: 18, label: 'A18', weight: null, score: 'H18' });
  });

  it('takes the value of an inline 项目名称：… label from its own cell', () => {
    const f = clone(seedForm());
    f.rows[SEED.project] = ['项目名称：政府购买超算中心高性能计算服务经费'];
    f.merges = f.merges.filter((m) => m !== 'B3:I3').concat('A3:I3');
    expect(summary(detect(f)[0]).project).toBe('A3');
  });

  it.each([
    ['2022年度财政项目支出绩效自评表', '2022'],
    ['财政项目支出绩效自评表（2020年度）', '2020'],
  ])('reads the year from the title %s when there is no year line', (title, year) => {
    const f = dropRows(relabel(seedForm(), SEED.title, { 财政项目支出绩效自评表: title }), SEED.year, SEED.year + 1);
    expect(detect(f)[0].year).toBe(year);
  });

  it('reads a year line written 2021年度 with full-width brackets', () => {
    const f = relabel(seedForm(), SEED.year, { '(2021 年度)': '（２０２１年度）' });
    expect(detect(f)[0].year).toBe('2021');
  });
});

describe('detectForms: extra columns and merges', () => {
  it('keeps 备注, 核查分数 and 扣减分数 right of the note column out of the roles', () => {
    const f = clone(seedForm());
    f.rows[SEED.header] = [...f.rows[SEED.header], '备注', '核查分数', '扣减分数'];
    for (let r = SEED.header + 1; r < SEED.total; r++) f.rows[r] = [...f.rows[r], ...Array(9 - f.rows[r].length).fill(null), '已核', 30, 0];
    const [form] = detect(f);
    const s = summary(form);
    expect(s.columns).toEqual(seedExpected(0, 0).columns);
    expect(s.range).toBe('A1:L18');
    expect(s.indicators).toEqual([13, 14, 15, 16, 17]);
  });

  it('does not count a row whose level labels come only from a merge', () => {
    const f = clone(seedForm());
    f.rows.splice(16, 0, []);
    f.merges = f.merges.map((m) => (m === 'A18:F18' ? 'A19:F19' : m === 'A12:A17' ? 'A12:A18' : m)).concat('B16:B17', 'C16:C17');
    const s = summary(detect(f)[0]);
    expect(s.indicators).toEqual([13, 14, 15, 16, 18]);
    expect(s.total?.label).toBe('A19');
  });

  it('counts an indicator whose cells are merged over two rows once, from the row the merge starts', () => {
    const f = clone(seedForm());
    f.rows[14] = [null, null, '时效指标', '及时完成'];
    f.merges = f.merges.concat('E14:E15', 'F14:F15', 'G14:G15', 'H14:H15');
    expect(summary(detect(f)[0]).indicators).toEqual([13, 14, 16, 17]);
  });

  it('skips a page-break copy of the header row', () => {
    const f = clone(seedForm());
    f.rows.splice(15, 0, [...f.rows[SEED.header]]);
    f.merges = f.merges.map((m) => (m === 'A18:F18' ? 'A19:F19' : m === 'A12:A17' ? 'A12:A18' : m));
    const forms = detect(f);
    expect(forms).toHaveLength(1);
    expect(summary(forms[0]).indicators).toEqual([13, 14, 15, 17, 18]);
    expect(summary(forms[0]).total?.row).toBe(19);
  });

  it('tolerates one or two empty rows inside the indicator table (page break)', () => {
    const f = clone(seedForm());
    f.rows.splice(15, 0, [], []);
    f.merges = f.merges.map((m) => (m === 'A18:F18' ? 'A20:F20' : m));
    const s = summary(detect(f)[0]);
    expect(s.indicators).toEqual([13, 14, 15, 18, 19]);
    expect(s.total?.score).toBe('H20');
  });
});

describe('detectForms: incomplete forms', () => {
  it('reports the score column as missing when there is none', () => {
    const f = clone(seedForm());
    for (let r = SEED.header; r <= SEED.total; r++) f.rows[r] = f.rows[r].filter((_, c) => c !== 7);
    const [form] = detect(f);
    expect(form.missing).toEqual(['score']);
    expect(form.columns.score).toBeUndefined();
    expect(summary(form).columns.note).toBe('H');
    expect(summary(form).indicators).toEqual([13, 14, 15, 16, 17]);
    expect(summary(form).total).toEqual({ row: 18, label: 'A18', weight: 'G18', score: null });
  });

  it('reads a partial header (levels and target only) and names what is missing', () => {
    const f = clone(seedForm());
    f.rows[SEED.header] = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值'];
    const [form] = detect(f);
    expect(form.missing).toEqual(['actual', 'weight', 'score']);
    expect(summary(form).indicators).toEqual([13, 14, 15, 16, 17]);
  });

  it('reads a form without title, year line, funds block or overall goal', () => {
    const f = dropRows(dropRows(seedForm(), SEED.fundsHeader, SEED.header), 0, 2);
    expect(detect(f).map(summary)).toEqual([{
      sheet: 'Sheet1', range: 'A1:I9', title: null, year: null, project: 'B1', department: 'B2', implementer: 'G2',
      funds: null, goal: null, indicatorHeaderRow: 3, columns: seedExpected(0, 0).columns, missing: [],
      indicators: [4, 5, 6, 7, 8], total: { row: 9, label: 'A9', weight: 'G9', score: 'H9' },
    }]);
  });

  it('starts a form with only an indicator header at that header', () => {
    const f = dropRows(seedForm(), 0, SEED.header);
    const s = summary(detect(f)[0]);
    expect(s).toMatchObject({ range: 'A1:I7', title: null, project: null, funds: null, goal: null, indicatorHeaderRow: 1 });
    expect(s.indicators).toEqual([2, 3, 4, 5, 6]);
  });

  it('ends a form with no 总分 row at a run of empty rows', () => {
    const f = dropRows(seedForm(), SEED.total, SEED.total + 1);
    f.rows.push([], [], [], [null, null, null, '说明', '别的表格', 1, 2, 3]);
    const s = summary(detect(f)[0]);
    expect(s.indicators).toEqual([13, 14, 15, 16, 17]);
    expect(s.total).toBeNull();
    expect(s.range).toBe('A1:I17');
  });

  it('leaves 主管部门 empty rather than read the 实施单位 label or its value', () => {
    const f = clone(seedForm());
    f.rows[SEED.department][1] = null;
    const s = summary(detect(f)[0]);
    expect(s.department).toBeNull();
    expect(s.implementer).toBe('G4');
  });

  it('gives the goal cells even when the person has not filled them', () => {
    const f = clone(seedForm());
    f.rows[SEED.goal + 1] = [];
    expect(summary(detect(f)[0]).goal).toEqual({ target: 'B11', actual: 'F11' });
  });

  it('reads funds rows by label with the synonym 本年财政拨款 and no 其中 prefix', () => {
    const f = relabel(seedForm(), SEED.fundsHeader + 2, { '其中：当年财政拨款': '本年财政拨款' });
    expect(summary(detect(f)[0]).funds?.rows).toEqual({ total: 6, current: 7, carryover: 8, other: 9 });
  });
});

describe('detectForms: sheets without a form', () => {
  it.each<[string, CellValue[][]]>([
    ['an empty sheet', []],
    ['a sheet of empty rows', [[], [null, null], ['', '  ']]],
    ['a sheet of other tables', [['姓名', '金额'], ['张三', 100], ['合计', 100]]],
    ['a partial header', [['年度指标值', '分值'], ['>=1', 5]]],
    ['only a funds block', seedForm().rows.slice(SEED.fundsHeader, SEED.goal)],
    ['labels as numbers, booleans and errors', [[1, true, { kind: 'error', code: '#REF!' }, null, 3.5], [false]]],
  ])('returns [] for %s', (_, rows) => {
    expect(detectForms(new GridView(gridOf(rows)))).toEqual([]);
  });

  it('never throws and keeps every part inside the form, whatever the cells hold', () => {
    const labels = ['年度指标值', '实际完成值', '分值', '得分', '总分', '项目名称', '年初预算数', '全年预算数', '执行率',
      '年度资金总额', '预算目标', '实际完成情况', '绩效自评表', '一级指标', '(2021年度)', '项目名称：x', '合计'];
    const cell = fc.oneof(
      fc.constant(null), fc.constantFrom(...labels), fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(),
      fc.constantFrom({ kind: 'error' as const, code: '#DIV/0!' }, { kind: 'error' as const, code: '#N/A' }),
    );
    fc.assert(fc.property(
      fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }),
      fc.array(fc.tuple(fc.nat(19), fc.nat(7), fc.nat(3), fc.nat(3)), { maxLength: 4 }),
      (rows, ms) => {
        const merges = ms.map(([r, c, h, w]) => `${toA1(r, c)}:${toA1(r + h, c + w)}`);
        const forms = detectForms(new GridView(gridOf(rows, { merges })));
        for (const f of forms) {
          const inside = (row: number) => row >= f.range.top && row <= f.range.bottom;
          expect(inside(f.indicatorHeaderRow)).toBe(true);
          for (const i of f.indicators) expect(inside(i.row)).toBe(true);
          if (f.total) expect(f.total.row).toBe(f.range.bottom);
          expect(f.range.left).toBeLessThanOrEqual(f.range.right);
        }
        for (let i = 1; i < forms.length; i++) expect(forms[i].range.top).toBeGreaterThan(forms[i - 1].range.bottom);
      },
    ), { numRuns: 300 });
  });

  it('finds a form at the bottom of a large, mostly empty sheet in one pass', () => {
    const form = seedForm();
    const rows: CellValue[][] = Array.from({ length: 20000 }, () => Array(30).fill(null));
    rows.push(...form.rows);
    const grid = gridOf(rows, { merges: shiftMerges(form.merges, 20000, 0) });
    const t0 = performance.now();
    const forms = detectForms(new GridView(grid));
    const ms = performance.now() - t0;
    expect(forms.map(summary)).toEqual([seedExpected(20000, 0)]);
    // 600 000 cells: a generous bound that only a quadratic scan would break
    expect(ms).toBeLessThan(3000);
  });
});
