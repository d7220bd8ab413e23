import { buildReport, checkWorkbook, type Finding } from '../../../src/core';
import { sheetGrid } from '../../fixtures/grid';
import { declarationForm, declaredWith, type DeclarationSpec } from '../../fixtures/declarations';
import { buildForm, sheetOf, standardIndicators } from '../../fixtures/forms';

function check(spec: DeclarationSpec) {
  return checkWorkbook({ sheets: [sheetGrid('申报表', [{ lit: declarationForm(spec) }])] });
}
const deadlines = (fs: readonly Finding[]) => fs.filter((f) => f.code === 'DECL_DEADLINE_AFTER_PERIOD');

describe('the report of a declaration', () => {
  it.each([['Ministry', {}], ['provincial', { layout: 'provincial' as const }]])('carries the 项目期 and both funds blocks exactly (%s)', (_, layout) => {
    const r = check({ ...layout, midFunds: [600.1, 500.05, 100.05], annualFunds: [200, 150.3, 49.7] });
    const form = buildReport(r, 'd.xlsx').forms[0];
    expect(form.kind).toBe('declaration');
    expect(form.declaration).toEqual({
      period: '2021年—2023年',
      midTermFunds: { total: '600.1', fiscal: '500.05', other: '100.05', cell: expect.stringMatching(/^[A-Z]+\d+$/u) },
      annualFunds: { total: '200', fiscal: '150.3', other: '49.7', cell: expect.stringMatching(/^[A-Z]+\d+$/u) },
    });
    expect(form.funds).toBeNull();
  });

  it('has null for an empty value, and null for a self-evaluation', () => {
    expect(buildReport(check({ midFunds: null }), 'd.xlsx').forms[0].declaration?.midTermFunds).toEqual(
      { total: null, fiscal: null, other: null, cell: null },
    );
    const self = checkWorkbook({ sheets: [sheetOf([buildForm({ indicators: standardIndicators(), totalScore: 100 })])] });
    expect(buildReport(self, 's.xlsx').forms.map((f) => f.declaration)).toEqual([null]);
  });
});

describe('a deadline written without a year', () => {
  it('is read in the budget year: after a 项目期 ending in June of that year it is an error', () => {
    const fs = deadlines(check({ period: '2021.1-2021.6', indicators: declaredWith(2, { target: '12月底前完成', mid: '6月30日前' }) }).findings);
    expect(fs.map((f) => [f.params.target, f.params.deadline, f.params.periodEnd])).toEqual([['12月底前完成', '2021年12月31日', '2021年6月30日']]);
  });

  it('within the 项目期 gives nothing (also as the mid-term target of a later-ending period)', () => {
    expect(deadlines(check({ indicators: declaredWith(2, { target: '12月底前完成', mid: '12月31日前' }) }).findings)).toEqual([]);
    expect(deadlines(check({ period: '2021.1-2021.6', indicators: declaredWith(2, { target: '6月30日前', mid: '6月底前' }) }).findings)).toEqual([]);
  });

  it('without a budget year is read in the first year of the 项目期', () => {
    const fs = deadlines(check({ year: '', period: '2022.3-2022.9', indicators: declaredWith(2, { target: '10月31日前', mid: null }) }).findings);
    expect(fs.map((f) => f.params.deadline)).toEqual(['2022年10月31日']);
  });
});
