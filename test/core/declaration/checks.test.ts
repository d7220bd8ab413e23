import { checkWorkbook, renderMessage, type Finding, type FindingCode } from '../../../src/core';
import { DECLARATION_CHECKS } from '../../../src/core/declaration/checks';
import { evaluateDeclaration } from '../../../src/core/declaration/evaluate';
import { hasPlaceholder } from '../../../src/core/declaration/checks';
import { periodEnd } from '../../../src/core/declaration/period';
import { detectForms } from '../../../src/core/detect';
import { GridView } from '../../../src/core/grid';
import { getRuleSet } from '../../../src/core/rules/ruleSets';
import { sheetGrid } from '../../fixtures/grid';
import { declarationForm, declaredWith, standardDeclared, type DeclarationSpec } from '../../fixtures/declarations';

const LAYOUTS: [string, DeclarationSpec][] = [['Ministry', {}], ['provincial', { layout: 'provincial' }], ['Ministry, mid-term beside annual', { midGroup: true }]];

function findings(spec: DeclarationSpec): Finding[] {
  const r = checkWorkbook({ sheets: [sheetGrid('申报表', [{ lit: declarationForm(spec) }])] });
  expect(r.forms.map((f) => f.kind)).toEqual(['declaration']);
  return [...r.forms[0].findings];
}

const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);

/** One failing case per check: the spec, the one finding it must give (code, severity, params it must hold). */
const FAILING: [string, DeclarationSpec, FindingCode, Finding['severity'], Record<string, unknown>][] = [
  ['annual funds that do not add up', { annualFunds: [200, 150, 40] }, 'DECL_FUNDS_SUM', 'error', { block: 'annual', total: '200', sum: '190', difference: '-10' }],
  ['mid-term funds that do not add up', { midFunds: [600, 500, 120] }, 'DECL_FUNDS_SUM', 'error', { block: 'midTerm', total: '600', sum: '620' }],
  ['no 满意度指标', { indicators: declaredWith(6, null) }, 'DECL_DIMENSION_MISSING', 'error', { level: 1, missing: '满意度指标' }],
  ['no 效益指标', { indicators: declaredWith(4, { level1: '满意度指标' }).filter((_, i) => i !== 5 && i !== 6) }, 'DECL_DIMENSION_MISSING', 'error', { level: 1, missing: '效益指标' }],
  ['no 数量指标 under 产出', { indicators: declaredWith(0, { level2: '其他指标' }) }, 'DECL_DIMENSION_MISSING', 'error', { level: 2, missing: '数量指标' }],
  ['under 产出 only 数量', { indicators: standardDeclared().filter((_, i) => i !== 2).map((x, i) => (i === 1 || i === 2 ? { ...x, level2: null } : x)) }, 'DECL_DIMENSION_MISSING', 'error', { level: 2 }],
  ['an empty target', { indicators: declaredWith(0, { target: null }) }, 'DECL_TARGET_MISSING', 'error', { name: '建成智慧社区数量' }],
  ['a qualitative 数量 target', { indicators: declaredWith(0, { target: '逐步增加' }) }, 'DECL_TARGET_QUALITATIVE', 'info', { level2: '数量指标' }],
  ['a qualitative 质量 target', { indicators: declaredWith(1, { target: '明显提高' }) }, 'DECL_TARGET_QUALITATIVE', 'info', { level2: '质量指标' }],
  ['a target that lost its number', { indicators: declaredWith(0, { target: '≥个' }) }, 'TARGET_MALFORMED', 'warning', { target: '≥个' }],
  ['* in a target', { indicators: declaredWith(0, { target: '≥*个' }) }, 'DECL_PLACEHOLDER', 'error', { field: 'target', text: '≥*个' }],
  ['×× in a name', { indicators: declaredWith(0, { name: '建成××社区数量' }) }, 'DECL_PLACEHOLDER', 'error', { field: 'name' }],
  ['XX in a name', { indicators: declaredWith(5, { name: 'XX机制' }) }, 'DECL_PLACEHOLDER', 'error', { field: 'name' }],
  ['待定 as a target', { indicators: declaredWith(5, { target: '待定' }) }, 'DECL_PLACEHOLDER', 'error', { field: 'target' }],
  ['% with no number', { indicators: declaredWith(1, { target: '≥%' }) }, 'DECL_PLACEHOLDER', 'error', { field: 'target' }],
  ['a cost with a lower bound', { indicators: declaredWith(3, { target: '≥20万元' }) }, 'DECL_DIRECTION', 'warning', { what: 'cost' }],
  ['a duration with a lower bound', { indicators: declaredWith(2, { target: '≥30个工作日' }) }, 'DECL_DIRECTION', 'warning', { what: 'duration' }],
  ['a percentage above 100 %', { indicators: declaredWith(1, { target: '≥105%' }) }, 'DECL_PERCENT_ABOVE_100', 'warning', { value: '105' }],
  ['a satisfaction below 60 %', { indicators: declaredWith(6, { target: '≥50%' }) }, 'DECL_SATISFACTION_LOW', 'info', { value: '50' }],
  ['a deadline after the 项目期', { indicators: declaredWith(2, { target: '2024年6月30日前' }) }, 'DECL_DEADLINE_AFTER_PERIOD', 'error', { periodEnd: '2023年12月31日' }],
  ['a deadline after a one-year 项目期', { period: '1年', indicators: declaredWith(2, { target: '2022年3月31日前', mid: '2021年12月31日前' }) }, 'DECL_DEADLINE_AFTER_PERIOD', 'error', { periodEnd: '2021年12月31日' }],
  ['an annual quantity above the mid-term one', { midColumn: true, indicators: declaredWith(0, { mid: '≥8个' }) }, 'DECL_ANNUAL_ABOVE_MIDTERM', 'error', { mid: '≥8个' }],
  ['an annual quantity above the mid-term one in another unit', { midColumn: true, indicators: declaredWith(0, { target: '≥2万人次', mid: '≥15000人次' }) }, 'DECL_ANNUAL_ABOVE_MIDTERM', 'error', {}],
];

describe('declaration checks', () => {
  describe.each(LAYOUTS)('%s layout', (_, layout) => {
    it('the standard declaration passes every check', () => {
      expect(findings({ ...layout })).toEqual([]);
      expect(findings({ ...layout, midColumn: true })).toEqual([]);
    });

    it.each(FAILING)('%s', (_, spec, code, severity, params) => {
      const fs = findings({ ...layout, ...spec });
      expect(codes(fs)).toEqual([code]);
      expect(fs[0].severity).toBe(severity);
      expect(fs[0].params).toMatchObject(params);
      for (const lang of ['zh-CN', 'en-US'] as const) expect(renderMessage(fs[0], lang)).not.toMatch(/undefined|null|NaN/u);
    });
  });

  it('qualitative targets pass where the template allows them (效益) and a 时效 deadline counts as quantified', () => {
    expect(findings({ indicators: declaredWith(4, { target: '明显缩短' }) })).toEqual([]);
    expect(findings({ indicators: declaredWith(2, { target: '12月底前完成' }) })).toEqual([]);
  });

  it('the passing side of each bound: an upper-bound cost and duration, 100 %, 60 %, a deadline at the period end, annual = mid', () => {
    expect(findings({ indicators: declaredWith(2, { target: '≤30个工作日' }) })).toEqual([]);
    expect(findings({ indicators: declaredWith(1, { target: '=100%' }) })).toEqual([]);
    expect(findings({ indicators: declaredWith(6, { target: '≥60%' }) })).toEqual([]);
    expect(findings({ indicators: declaredWith(2, { target: '2023年12月31日前' }) })).toEqual([]);
    expect(findings({ midColumn: true, indicators: declaredWith(0, { mid: '≥10个' }) })).toEqual([]);
    // a stricter mid-term upper bound is no annual quantity above it
    expect(findings({ midColumn: true, indicators: declaredWith(4, { target: '≤5个工作日', mid: '≤3个工作日' }) })).toEqual([]);
  });

  it('funds are compared exactly in decimals', () => {
    expect(findings({ annualFunds: [0.3, 0.1, 0.2] })).toEqual([]);
    expect(codes(findings({ annualFunds: [0.3, 0.1, 0.21] }))).toEqual(['DECL_FUNDS_SUM']);
  });

  it('every declaration check raises only the codes it declares, and each declared code is raised by some case', () => {
    const seen = new Set<string>();
    for (const [, layout] of LAYOUTS) {
      for (const [, spec] of FAILING) {
        const g = sheetGrid('申报表', [{ lit: declarationForm({ ...layout, ...spec }) }]);
        const view = new GridView(g);
        for (const l of detectForms(view)) {
          const d = evaluateDeclaration(view, l, getRuleSet('mof-2020'), {});
          for (const c of DECLARATION_CHECKS) {
            for (const f of c.run(d)) {
              expect(c.codes).toContain(f.code);
              seen.add(`${c.name}:${f.code}`);
            }
          }
        }
      }
    }
    expect(DECLARATION_CHECKS.flatMap((c) => c.codes.map((code) => `${c.name}:${code}`)).filter((k) => !seen.has(k))).toEqual([]);
  });
});

describe('placeholders and the 项目期', () => {
  it.each(['*', '≥*个', '××', '建设XX项目', 'xx', '待定', '%', '≥%', '＊'])('%s is a placeholder', (t) => expect(hasPlaceholder(t)).toBe(true));
  it.each(['≥95%', '建成10个', '≤5个工作日', 'X光机', '逐步健全'])('%s is none', (t) => expect(hasPlaceholder(t)).toBe(false));

  it.each([
    ['2021年—2023年', '2021', { year: 2023, month: 12, day: 31 }],
    ['2021.1-2022.6', '2021', { year: 2022, month: 6, day: 30 }],
    ['2021年1月-2023年2月', null, { year: 2023, month: 2, day: 28 }],
    ['2021年', null, { year: 2021, month: 12, day: 31 }],
    ['1年', '2021', { year: 2021, month: 12, day: 31 }],
    ['三年', '2021', { year: 2023, month: 12, day: 31 }],
    ['1年', null, null],
    ['长期', '2021', null],
  ] as const)('%s (budget year %s) ends %j', (text, year, end) => {
    expect(periodEnd(text, year)).toEqual(end);
  });
});
