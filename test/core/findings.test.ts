import { checkSheet, renderMessage, type CellValue, type CheckResult, type Finding, type FindingCode } from '../../src/core';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../helpers/forms';

const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });
function check(first: Partial<IndicatorSpec> = {}, o: Partial<FormSpec> = {}): CheckResult {
  const ind = standardIndicators();
  ind[0] = { ...ind[0], ...first };
  return checkSheet(sheetOf([buildForm(spec({ indicators: ind, ...o }))], { sheet: '项目' }));
}
const only = (r: CheckResult, code: FindingCode): Finding[] => r.findings.filter((f) => f.code === code);
const DIV0: CellValue = { kind: 'error', code: '#DIV/0!' };

describe('CELL_UNREADABLE names what the cell shows', () => {
  it.each<[string, Partial<IndicatorSpec>, Partial<FormSpec>, string, string]>([
    ['an Excel error in a 分值 cell', { weight: DIV0 }, {}, 'G13', '#DIV/0!'],
    ['an Excel error in a 得分 cell', { score: { kind: 'error', code: '#VALUE!' } }, {}, 'H13', '#VALUE!'],
    ['an Excel error in a funds cell', {}, { budget: { kind: 'error', code: '#REF!' } }, 'D6', '#REF!'],
    ['a boolean in a 分值 cell', { weight: true }, {}, 'G13', 'TRUE'],
  ])('%s', (_name, first, o, cell, shown) => {
    const f = only(check(first, o), 'CELL_UNREADABLE');
    expect(f.map((x) => [x.cell, x.severity, x.params.value])).toEqual([[cell, 'warning', shown]]);
    expect(renderMessage(f[0])).toContain(`“${shown}”不是数值`);
    expect(renderMessage(f[0], 'en-US')).toContain(`"${shown}"`);
  });
});
