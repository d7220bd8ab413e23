import { D } from '../../../src/core/decimal';
import { EXCEL_LIMITS, checkSheet, excelCellNumber, fitCellText, renderMessage, type CellValue, type CheckResult, type SheetGrid } from '../../../src/core';
import { isDraftNote } from '../../../src/core/messages';
import { gridOf } from '../../fixtures/grid';

/** One indicator's form (A1:I11), rate and scores empty, so the fill plans them. */
function form(o: { target?: CellValue; actual?: CellValue; budget?: CellValue; executed?: CellValue } = {}): SheetGrid {
  return gridOf([
    ['财政项目支出绩效自评表'],
    ['项目名称', '测试项目'],
    ['主管部门', '某某局'],
    ['项目资金 (元)', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 1000000, o.budget ?? 1000000, o.executed ?? 1000000, 10, null, null],
    ['年度总体目标', '预算目标', null, null, null, '实际完成情况'],
    [null, '完成年度工作', null, null, null, '已完成年度工作'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '举办活动', o.target ?? '>=100场', o.actual ?? 100, 50, null, null],
    [null, '效益指标', '社会效益指标', '推动发展', '有效', '有效', 40, null, null],
    ['总分', null, null, null, null, null, 100, null],
  ], { sheet: '项目', formats: { G5: '0.00%' } });
}

const cell = (r: CheckResult, a1: string) => r.fillPlan.cells.find((c) => c.cell === a1);

describe('fitCellText: what a cell holds', () => {
  it('leaves text within the limit as it is', () => {
    const t = 'x'.repeat(EXCEL_LIMITS.cellText);
    expect(fitCellText(t)).toBe(t);
  });

  it('cuts longer text to exactly the limit, ending in an ellipsis', () => {
    const cut = fitCellText('字'.repeat(40000));
    expect(cut).toHaveLength(32767);
    expect(cut.endsWith('…')).toBe(true);
    expect(fitCellText('abcdef', 4)).toBe('abc…');
  });

  it('never splits a surrogate pair', () => {
    const cut = fitCellText('a' + '😀'.repeat(10), 5);
    expect(cut).toBe('a😀…');
    expect(cut.length).toBeLessThanOrEqual(5);
  });
});

describe('excelCellNumber: a number Excel holds', () => {
  it.each<[string, number | null]>([
    ['96.87', 96.87],
    ['12345678901.234567', 12345678901.2346],
    ['0.1234567890123456789', 0.123456789012346],
    ['9.99999999999999e307', 9.99999999999999e307],
    ['1e308', null],
    ['-1e308', null],
    ['1e400', null],
    ['-0', 0],
  ])('%s → %p', (text, expected) => {
    expect(excelCellNumber(new D(text))).toBe(expected);
  });

  it('NaN and Infinity are nothing to write', () => {
    expect(excelCellNumber(new D(NaN))).toBeNull();
    expect(excelCellNumber(new D(Infinity))).toBeNull();
  });
});

describe('the fill stays within Excel\'s limits (SPEC §6)', () => {
  it('a rate beyond Excel\'s range is not planned; the funds score still is', () => {
    const r = checkSheet(form({ budget: 1e-300, executed: 1e10 }));
    expect(cell(r, 'G5')).toBeUndefined();
    expect(cell(r, 'H5')?.value).toBe(10);
    for (const c of r.fillPlan.cells) {
      if (typeof c.value === 'number') expect(Number.isFinite(c.value) && Math.abs(c.value) <= EXCEL_LIMITS.maxNumber).toBe(true);
    }
  });

  it('a rate is planned at 15 significant digits, its exact value kept for the preview', () => {
    const r = checkSheet(form({ budget: 1, executed: '12345678901.234567' }));
    const rate = cell(r, 'G5');
    expect(rate?.value).toBe(12345678901.2346);
    expect(rate?.exact).toBe('12345678901.234567');
  });

  it('a drafted note from a 40,000-character actual is cut to 32,767 characters, stays a draft, and says so', () => {
    const actual = `未完成。${'因场地原因延期'.repeat(6000)}`;
    const r = checkSheet(form({ target: '按期完成', actual }));
    const note = cell(r, 'I9');
    expect(note?.reason).toBe('note');
    const text = note?.value as string;
    expect(text.length).toBeLessThanOrEqual(EXCEL_LIMITS.cellText);
    expect(text).toContain('…');
    expect(isDraftNote(text)).toBe(true);
    expect(text.endsWith('原因：（待填写）')).toBe(true);
    const said = r.findings.filter((f) => f.code === 'TEXT_TRUNCATED');
    expect(said.map((f) => [f.cell, f.severity, f.params.limit])).toEqual([['I9', 'info', 32767]]);
    expect(Number(said[0].params.length)).toBeGreaterThan(40000);
    expect(renderMessage(said[0])).toContain('超过 Excel 单元格的上限 32,767，已截断并以“…”结尾');
    expect(renderMessage(said[0], 'en-US')).toContain("above Excel's limit of 32,767 per cell");
  });

  it('a note within the limit is not cut and raises nothing', () => {
    const r = checkSheet(form({ target: '按期完成', actual: '未完成' }));
    expect(cell(r, 'I9')?.value).toMatch(/^实际完成 未完成（目标 按期完成）.*原因：（待填写）$/);
    expect(r.findings.filter((f) => f.code === 'TEXT_TRUNCATED')).toEqual([]);
  });
});
