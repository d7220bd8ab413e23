import { buildReport, checkWorkbook, type CheckResult } from '../../../src/core';
import { buildForm, standardIndicators } from '../../fixtures/forms';
import { sheetGrid } from '../../fixtures/grid';
import { declarationForm, declaredFrom, type DeclarationSpec } from '../../fixtures/declarations';
import { throughXlsx } from '../../fixtures/xlsx';

function check(spec: DeclarationSpec, at = 'A1'): CheckResult {
  return checkWorkbook({ sheets: [sheetGrid('申报表', [{ lit: declarationForm(spec), at }])] });
}

const LAYOUTS: [string, DeclarationSpec][] = [
  ['the Ministry layout', {}],
  ['the Ministry layout with 中期指标值', { midColumn: true }],
  ['the Ministry layout with the mid-term indicators beside the annual ones', { midGroup: true }],
  ['the provincial two-row layout (split targets, funds labels over their values)', { layout: 'provincial' }],
  ['the provincial layout with 中期指标值', { layout: 'provincial', midColumn: true }],
  ['the Ministry layout without a title', { title: null }],
  ['the provincial layout without a title', { layout: 'provincial', title: null }],
  ['a 绩效目标表 title', { title: '2021年度项目支出绩效目标表' }],
];

describe('a 绩效目标申报表 is read as a declaration, never as a self-evaluation with missing columns', () => {
  it.each(LAYOUTS)('%s', (_, spec) => {
    for (const at of ['A1', 'C4']) {
      const r = check(spec, at);
      expect(r.forms).toHaveLength(1);
      const f = r.forms[0];
      expect(f.kind).toBe('declaration');
      expect(f.findings).toEqual([]);
      expect(f.project).toBe('智慧社区建设');
      // the year line is read with the title, as on a self-evaluation
      expect(f.year).toBe(spec.title === null ? null : '2021');
      expect(f.indicators.map((i) => [i.name, i.target])).toEqual([
        ['建成智慧社区数量', '≥10个'], ['系统验收合格率', '≥95%'], ['项目完成时间', '2021年12月31日前'], ['单个社区建设成本', '≤20万元'],
        ['居民办事平均时长', '≤5个工作日'], ['社区服务长效机制', '逐步健全'], ['居民满意度', '≥90%'],
      ]);
      expect(r.fillPlan.cells).toEqual([]);
      expect(f.total.computed).toBeNull();
      expect(f.grade).toBeNull();
    }
  });

  it('with its labels in traditional script', () => {
    const TRAD: Record<string, string> = {
      项目支出绩效目标申报表: '項目支出績效目標申報表', 项目名称: '項目名稱', 主管部门及代码: '主管部門及代碼', 实施单位: '實施單位',
      项目属性: '項目屬性', 中期资金总额: '中期資金總額', 年度资金总额: '年度資金總額', '其中：财政拨款': '其中：財政撥款', 其他资金: '其他資金',
      总体目标: '總體目標', 年度目标: '年度目標', 绩效指标: '績效指標', 一级指标: '一級指標', 二级指标: '二級指標', 三级指标: '三級指標', 指标值: '指標值',
    };
    for (const title of [true, false]) {
      const lit = declarationForm({ title: title ? undefined : null, annualFunds: [200, 150, 40] });
      const rows = lit.rows.map((r) => r.map((v) => (typeof v === 'string' ? TRAD[v] ?? v : v)));
      const r = checkWorkbook({ sheets: [sheetGrid('申報表', [{ lit: { ...lit, rows } }])] });
      expect(r.forms.map((f) => [f.kind, f.findings.map((x) => x.code)])).toEqual([['declaration', ['DECL_FUNDS_SUM']]]);
    }
  });

  it('says so in the report (SPEC §7 kind), keeping the other fields', () => {
    const report = buildReport(check({}), 'decl.xlsx');
    expect(report.forms[0].kind).toBe('declaration');
    expect(report.forms[0].total).toEqual({ weight: null, stated: null, computed: null, undetermined: 0, cell: null });
    expect(report.forms[0].indicators[0]).toMatchObject({ name: '建成智慧社区数量', target: '≥10个', actual: '', weight: null, computedScore: null });
  });

  it('read through an .xlsx file, merged cells and all', async () => {
    const wb = await throughXlsx([{ grid: sheetGrid('申报表', [{ lit: declarationForm({ layout: 'provincial', midColumn: true }) }]) }]);
    const r = checkWorkbook(wb);
    expect(r.forms.map((f) => [f.kind, f.findings.length])).toEqual([['declaration', 0]]);
  });

  it('stacked with a self-evaluation on one sheet: each form its own kind, the self-evaluation as checked alone', () => {
    const decl = declarationForm({ project: '测试项目', indicators: declaredFrom(standardIndicators()) });
    const self = buildForm({ indicators: standardIndicators(), totalScore: 100 });
    const alone = checkWorkbook({ sheets: [sheetGrid('表', [{ lit: self }])] }).forms[0];
    for (const parts of [[{ lit: decl }, { lit: self, at: `A${decl.rows.length + 3}` }], [{ lit: self }, { lit: decl, at: `A${self.rows.length + 3}` }]]) {
      const r = checkWorkbook({ sheets: [sheetGrid('表', parts)] });
      expect(r.forms.map((f) => f.kind).sort()).toEqual(['declaration', 'selfEvaluation']);
      const s = r.forms.find((f) => f.kind === 'selfEvaluation');
      expect(s?.total.computed?.toFixed()).toBe(alone.total.computed?.toFixed());
      expect(s?.findings.map((x) => x.code)).toEqual(alone.findings.map((x) => x.code));
      expect(r.forms.find((f) => f.kind === 'declaration')?.findings).toEqual([]);
    }
  });

  it('a self-evaluation lacking its actual column is still one (HEADER_MISSING), not a declaration', () => {
    const self = buildForm({ indicators: standardIndicators(), totalScore: 100, headers: { actual: '备注' } });
    const r = checkWorkbook({ sheets: [sheetGrid('表', [{ lit: self }])] });
    expect(r.forms[0].kind).toBe('selfEvaluation');
    expect(r.forms[0].findings.map((f) => f.code)).toContain('HEADER_MISSING');
  });
});
