import { checkAgainstDeclarations, checkWorkbook, renderMessage, type CheckResult, type Finding } from '../../../src/core';
import { COMPARE_CODES } from '../../../src/core/declaration/compare';
import { buildForm, standardIndicators, type IndicatorSpec } from '../../fixtures/forms';
import { sheetGrid } from '../../fixtures/grid';
import { declarationForm, declaredFrom, type DeclarationSpec, type DeclaredIndicator } from '../../fixtures/declarations';

/** A self-evaluation of the standard indicators (as changed) on one sheet, its declaration on another. */
function pair(self: IndicatorSpec[], declared: DeclaredIndicator[], layout: DeclarationSpec = {}): { self: CheckResult; decl: CheckResult } {
  return {
    self: checkWorkbook({ sheets: [sheetGrid('自评表', [{ lit: buildForm({ indicators: self, totalScore: 100 }) }])] }),
    decl: checkWorkbook({ sheets: [sheetGrid('申报表', [{ lit: declarationForm({ ...layout, project: '测试项目', indicators: declared }) }])] }),
  };
}

function compared(self: IndicatorSpec[], declared: DeclaredIndicator[], layout?: DeclarationSpec): Finding[] {
  const p = pair(self, declared, layout);
  const r = checkAgainstDeclarations(p.self, p.decl.forms);
  const before = new Set(p.self.forms[0].findings.map((f) => JSON.stringify(f)));
  // nothing else in the self-evaluation changes
  expect(r.forms[0].total).toEqual(p.self.forms[0].total);
  expect(r.fillPlan).toEqual(p.self.fillPlan);
  return r.forms[0].findings.filter((f) => !before.has(JSON.stringify(f)));
}

const std = standardIndicators;
const withSelf = (i: number, c: Partial<IndicatorSpec>) => std().map((x, k) => (k === i ? { ...x, ...c } : x));

describe('a self-evaluation against its declaration', () => {
  const LAYOUTS: [string, DeclarationSpec][] = [['Ministry', {}], ['provincial', { layout: 'provincial' }], ['Ministry, mid-term beside annual', { midGroup: true }]];

  it.each(LAYOUTS)('unchanged targets give no finding (%s declaration)', (_, layout) => {
    expect(compared(std(), declaredFrom(std()), layout)).toEqual([]);
  });

  it.each(LAYOUTS)('the annual target is the one compared (%s declaration)', (_, layout) => {
    const declared = declaredFrom(std()).map((d, i) => (i === 1 ? { ...d, target: '≥500人', mid: '≥200人' } : { ...d, mid: d.target }));
    expect(compared(std(), declared, { ...layout, midColumn: true }).map((f) => [f.code, f.params.declared])).toEqual([['TARGET_CHANGED', '≥500人']]);
  });

  it('targets written differently but saying the same are unchanged (spacing, full-width signs, 万, a split target)', () => {
    const declared = declaredFrom(std()).map((d, i) => (i === 0 ? { ...d, target: '≥ 65 场' } : i === 1 ? { ...d, target: '＞＝200人' } : d));
    expect(compared(std(), declared)).toEqual([]);
    expect(compared(withSelf(1, { target: '≥0.02万人' }), declaredFrom(std()))).toEqual([]);
  });

  it('names are matched after label folding (spaces, line breaks, full-width)', () => {
    const declared = declaredFrom(std()).map((d, i) => (i === 0 ? { ...d, name: '举办 活动' } : i === 1 ? { ...d, name: '培训\n人数' } : d));
    expect(compared(std(), declared)).toEqual([]);
  });

  it('a changed target gives exactly one TARGET_CHANGED, at the evaluated target, quoting both', () => {
    const declared = declaredFrom(std()).map((d, i) => (i === 1 ? { ...d, target: '≥500人次' } : d));
    const fs = compared(withSelf(1, { target: '≥450人次' }), declared);
    expect(fs.map((f) => f.code)).toEqual(['TARGET_CHANGED']);
    expect(fs[0].params).toMatchObject({ name: '培训人数', target: '≥450人次', declared: '≥500人次', declaredSheet: '申报表' });
    expect(renderMessage(fs[0], 'zh-CN')).toContain('≥500人次');
    expect(renderMessage(fs[0], 'en-US')).toContain('≥450人次');
  });

  it.each([
    ['a changed comparator', { target: '>200人' }],
    ['a changed unit', { target: '≥200人次' }],
    ['a number turned into text', { target: '完成培训' }],
  ])('%s is a change', (_, change) => {
    expect(compared(withSelf(1, change), declaredFrom(std())).map((f) => f.code)).toEqual(['TARGET_CHANGED']);
  });

  it('an indicator evaluated but never declared gives exactly one INDICATOR_NOT_DECLARED', () => {
    const declared = declaredFrom(std()).filter((_, i) => i !== 1);
    const fs = compared(std(), declared);
    expect(fs.map((f) => [f.code, f.params.name])).toEqual([['INDICATOR_NOT_DECLARED', '培训人数']]);
  });

  it('a declared indicator missing from the evaluation gives exactly one DECLARED_NOT_EVALUATED', () => {
    const declared = [...declaredFrom(std()), { name: '培训场次', target: '≥10场' }];
    const fs = compared(std(), declared);
    expect(fs.map((f) => [f.code, f.params.name, f.severity])).toEqual([['DECLARED_NOT_EVALUATED', '培训场次', 'warning']]);
  });

  it('a renamed indicator is one not declared and one not evaluated', () => {
    const fs = compared(withSelf(1, { name: '参训人数' }), declaredFrom(std()));
    expect(fs.map((f) => f.code).sort()).toEqual(['DECLARED_NOT_EVALUATED', 'INDICATOR_NOT_DECLARED']);
  });

  it('with compareDeclarations, a declaration sheet of the same workbook is used; without it nothing is compared', () => {
    const declared = declaredFrom(std()).map((d, i) => (i === 1 ? { ...d, target: '≥500人' } : d));
    const wb = {
      sheets: [
        sheetGrid('申报表', [{ lit: declarationForm({ project: '测试项目', indicators: declared }) }]),
        sheetGrid('自评表', [{ lit: buildForm({ indicators: std(), totalScore: 100 }) }]),
      ],
    };
    const plain = checkWorkbook(wb);
    expect(plain.findings.filter((f) => (COMPARE_CODES as readonly string[]).includes(f.code))).toEqual([]);
    const r = checkWorkbook(wb, { compareDeclarations: true });
    expect(r.findings.filter((f) => (COMPARE_CODES as readonly string[]).includes(f.code)).map((f) => [f.code, f.sheet])).toEqual([['TARGET_CHANGED', '自评表']]);
  });

  it('a declaration is paired by project name when several are given', () => {
    const p = pair(std(), declaredFrom(std()));
    const other = checkWorkbook({ sheets: [sheetGrid('其他', [{ lit: declarationForm({ project: '别的项目', indicators: declaredFrom(std()).slice(0, 2) }) }])] });
    const r = checkAgainstDeclarations(p.self, [...other.forms, ...p.decl.forms]);
    expect(r.forms[0].findings.filter((f) => (COMPARE_CODES as readonly string[]).includes(f.code))).toEqual([]);
  });
});

describe('declarations beside several self-evaluations in one workbook', () => {
  it('are paired by project only: the one declaration does not answer for other projects', () => {
    const declared = declaredFrom(std()).map((d, i) => (i === 1 ? { ...d, target: '≥500人' } : d));
    const wb = {
      sheets: [
        sheetGrid('申报表', [{ lit: declarationForm({ project: '测试项目', indicators: declared }) }]),
        sheetGrid('自评表', [{ lit: buildForm({ indicators: std(), totalScore: 100 }) }]),
        sheetGrid('另一项目', [{ lit: buildForm({ project: '另一项目', indicators: withSelf(0, { name: '别的指标' }), totalScore: 100 }) }]),
      ],
    };
    const r = checkWorkbook(wb, { compareDeclarations: true });
    expect(r.findings.filter((f) => (COMPARE_CODES as readonly string[]).includes(f.code)).map((f) => [f.code, f.sheet])).toEqual([['TARGET_CHANGED', '自评表']]);
  });
});
