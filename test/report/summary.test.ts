import type { Report } from '../../src/core';
import { fileProblem, formsTable, summarizePile, summarizeReport } from '../../src/report';

type Form = Report['forms'][number];

function form(project: string, stated: string | null, computed: string | null, findings: [string, string][] = [], grade: string | null = '优'): Form {
  return {
    sheet: 'S', range: 'A1:I20', project, year: '2024', funds: null, indicators: [],
    total: { weight: '100', stated, computed, undetermined: 0, cell: 'H20' }, grade,
    findings: findings.map(([code, severity], i) => ({ code, severity, sheet: 'S', cell: `D${i + 5}`, message: `${code} 说明`, params: {} })),
    kind: 'selfEvaluation',
  };
}

const report = (file: string, forms: Form[]): Report => ({ version: 1, file, ruleSet: 'mof-2020', forms });

describe('the pile summary', () => {
  const a = summarizeReport(report('a.xlsx', [
    form('甲', '95.5', '90.25', [['TOTAL_MISMATCH', 'error'], ['NOTE_MISSING', 'warning']], '优'),
    form('乙', '80', '80', [['NOTE_MISSING', 'warning']], '良'),
  ]), [{ department: '局A', implementer: '中心1' }, { department: '局A', implementer: '中心1' }]);
  const b = summarizeReport(report('b.xlsx', [form('丙', null, '59.995', [['SCORE_MISSING', 'error']], null)]), [{ department: '局B', implementer: '' }]);
  const pile = summarizePile([a, fileProblem('c.xlsx', 'c.xlsx：无法读取'), b]);

  it('has a row per form with the exact difference and the first error cell', () => {
    expect(pile.forms.map((f) => [f.project, f.diff, f.errors, f.warnings, f.firstError])).toEqual([
      ['甲', '5.25', 1, 1, 'D5'], ['乙', '0', 0, 1, null], ['丙', null, 1, 0, 'D5'],
    ]);
    expect(pile.problems).toEqual([{ file: 'c.xlsx', reason: 'c.xlsx：无法读取' }]);
  });

  it('groups by 主管部门/实施单位 with the mean computed total (two decimals, half up) and the forms with errors', () => {
    expect(pile.units).toEqual([
      { department: '局A', implementer: '中心1', forms: 2, averageComputed: '85.13', formsWithErrors: 1 },
      { department: '局B', implementer: '', forms: 1, averageComputed: '60.00', formsWithErrors: 1 },
    ]);
  });

  it('counts grades in order and finding codes most frequent first', () => {
    expect(pile.grades).toEqual([{ grade: '优', forms: 1 }, { grade: '良', forms: 1 }, { grade: '中', forms: 0 }, { grade: '差', forms: 0 }, { grade: '', forms: 1 }]);
    expect(pile.codes).toEqual([{ code: 'NOTE_MISSING', count: 2 }, { code: 'SCORE_MISSING', count: 1 }, { code: 'TOTAL_MISMATCH', count: 1 }]);
    expect(pile.totals).toEqual({ error: 2, warning: 2, info: 0, formsWithErrors: 2 });
  });

  it('gives 汇总 numbers for scores and rates, text for the rest, and marks forms with errors', () => {
    const t = formsTable(pile.forms, 'en-US');
    expect(t.rows[0]).toEqual(['a.xlsx', 'S', '甲', '局A', '中心1', '2024', 95.5, 90.25, 5.25, 'Excellent', null, 1, 1, 0]);
    expect(t.marked).toEqual([true, false, true]);
  });
});
