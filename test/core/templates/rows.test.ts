import { checkWorkbook, findingCells, renderMessage, type CheckResult } from '../../../src/core';
import { sheetGrid } from '../../fixtures/grid';
import { findingList, indicatorList } from '../variants/helpers';
import { TEMPLATE_TOTAL, templateForm, type TemplateLit as Lit, type TemplateOptions } from '../../fixtures/templates';

function check(o: TemplateOptions | Lit, at = 'A1'): CheckResult {
  const lit = 'rows' in o ? o : templateForm(o);
  return checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit, at }])] });
}

describe('rows that are not scored (issue 9 item 5)', () => {
  it.each<[string, TemplateOptions]>([
    ['其中 rows under a scored row', { breakdown: true }],
    ['其中 rows, two-row header, split target', { breakdown: true, twoRowHeader: true, split: true }],
    ['a "/" row', { naRow: true }],
    ['both, numbers as text, offset', { breakdown: true, naRow: true, numbersAsText: true }],
  ])('%s: no SCORE_MISSING, none undetermined, nothing reported', (_name, o) => {
    const r = check(o, 'C4');
    expect(findingList(r)).toEqual([]);
    const f = r.forms[0];
    expect(f.total).toMatchObject({ undetermined: 0 });
    expect(f.total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
    expect(f.indicators).toHaveLength(6);
  });

  it('parts that do not add up to their parent: BREAKDOWN_SUM info on the actual, in both languages', () => {
    const r = check({ breakdown: 'off' });
    expect(findingList(r)).toEqual(['info BREAKDOWN_SUM F13']);
    const f = r.findings[0];
    expect(renderMessage(f, 'zh-CN')).toBe('“建成智慧社区”下 2 项“其中”的实际完成值之和 9个 与该项的 10个 不符，请核实（分项不计分）。');
    expect(renderMessage(f, 'en-US')).toContain('add up to 9个, not the row\'s 10个');
    expect(r.forms[0].total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
  });

  it('targets of the parts that do not add up: BREAKDOWN_SUM on the target', () => {
    const lit = templateForm({ breakdown: true });
    const row = lit.rows.findIndex((x) => x.includes('其中：农村社区'));
    lit.rows[row][4] = '≥7个';
    lit.rows[row][5] = '7个';
    // one fault of the row, seen in its target and its actual: one finding naming both cells (issue 14)
    const r = check(lit);
    expect(findingList(r)).toEqual(['info BREAKDOWN_SUM E13']);
    expect(findingCells(r.findings[0])).toEqual(['E13', 'F13']);
    expect(r.findings[0].params).toMatchObject({ what: 'target', sum: '11', parent: '10' });
    expect(renderMessage(r.findings[0])).toBe(
      '“建成智慧社区”下 2 项“其中”的年度指标值之和 11个 与该项的 10个 不符（E13），实际完成值之和 11个 与该项的 10个 不符（F13），请核实（分项不计分）。',
    );
    expect(renderMessage(r.findings[0], 'en-US')).toContain("targets add up to 11个, not the row's 10个 (E13); their actuals add up to 11个, not the row's 10个 (F13).");
  });

  it('rows under a ★ row are its breakdown, whatever their names; shares are not summed', () => {
    const lit = templateForm({ breakdown: true });
    const parent = lit.rows.findIndex((x) => x.includes('建成智慧社区'));
    lit.rows[parent][3] = '建成智慧社区★';
    lit.rows[parent + 1][3] = '城区社区';
    lit.rows[parent + 2][3] = '农村社区覆盖率';
    lit.rows[parent + 2][4] = '≥60%';
    lit.rows[parent + 2][5] = '50%';
    const r = check(lit);
    expect(findingList(r)).toEqual([]);
    expect(r.forms[0].indicators).toHaveLength(6);
  });

  it('a row with no 分值 and no 得分 that is no breakdown still misses its score', () => {
    const lit = templateForm({});
    const row = lit.rows.findIndex((x) => x.includes('网络故障率'));
    lit.rows[row][6] = null;
    lit.rows[row][7] = null;
    const r = check(lit);
    expect(r.forms[0].indicators).toHaveLength(6);
    expect(indicatorList(r.forms[0])).toContain('D17 atMost - undetermined');
    expect(r.forms[0].total.undetermined).toBe(1);
  });
});

describe('level-1 labels with their block weight (issue 9 item 6)', () => {
  it.each<[string, TemplateOptions]>([
    ['产出指标（50分）', { level1Weights: 'named' }],
    ['only （50分）', { level1Weights: 'bare' }],
    ['only （50分）, two-row header, split target', { level1Weights: 'bare', twoRowHeader: true, split: true }],
  ])('%s: the stated weights hold, nothing reported (never a sum of 0)', (_name, o) => {
    const r = check(o);
    expect(findingList(r)).toEqual([]);
    expect(r.forms[0].total.computed?.toFixed()).toBe(TEMPLATE_TOTAL);
  });

  it('a block whose rows do not add up to its stated weight: WEIGHT_SPLIT quoting the stated weight', () => {
    const lit = templateForm({ level1Weights: 'bare' });
    const row = lit.rows.findIndex((x) => x.includes('网络故障率'));
    lit.rows[row][6] = 10;
    lit.rows[row][7] = 10;
    const r = check(lit);
    const w = r.findings.filter((f) => f.code === 'WEIGHT_SPLIT');
    expect(w.map((f) => [f.cell, f.params.weight, f.params.expected])).toEqual([['G16', '25', '30']]);
    expect(renderMessage(w[0])).toBe('一级指标“（30分）”下各项分值合计 25，与标明的 30 分不符：请核对分值。');
  });
});
