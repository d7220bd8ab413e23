import { readFileSync, existsSync } from 'fs';
import { FINDING_CODES, type CellValue, type FindingCode, type SheetGrid } from '../../../src/core';
import { FORM_CHECKS, PARTIAL_FORM_CHECKS, SHEET_CODES } from '../../../src/core/checks';
import { DECLARATION_CHECKS } from '../../../src/core/declaration/checks';
import { COMPARE_CODES } from '../../../src/core/declaration/compare';
import { detectForms } from '../../../src/core/detect';
import { FILL_CODES, planFormFill } from '../../../src/core/fill';
import { evaluateForm } from '../../../src/core/form';
import { GridView } from '../../../src/core/grid';
import { getRuleSet } from '../../../src/core/rules/ruleSets';
import { readWorkbookGrid } from '../../../src/xlsx/read';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../../fixtures/forms';
import { sheetGrid } from '../../fixtures/grid';
import { templateForm, type TemplateOptions } from '../../fixtures/templates';
import { SEED_XLSX } from '../../helpers/shared';

const DIV0: CellValue = { kind: 'error', code: '#DIV/0!' };

/** The standard form with its first indicator and the form changed: one trouble each, as the findings tests make them. */
function variant(first: Partial<IndicatorSpec>, o: Partial<FormSpec> = {}): SheetGrid {
  const ind = standardIndicators();
  ind[0] = { ...ind[0], ...first };
  return sheetOf([buildForm({ indicators: ind, totalScore: 100, ...o })], { sheet: '项目' });
}

const VARIANTS: SheetGrid[] = [
  variant({}),
  variant({ actual: 52, note: '受限' }),
  variant({ score: 25 }, { totalScore: 105 }),
  variant({ score: -2, note: '无' }, { totalScore: 78 }),
  variant({}, { fundsScore: 12, totalScore: 102 }),
  variant({}, { fundsScore: 9, totalScore: 99 }),
  variant({}, { fundsScore: null, executed: 950000, rate: null }),
  variant({ score: null }, { totalScore: 80 }),
  variant({ weight: null, score: null }, { totalScore: 80 }),
  variant({ target: '有效', actual: '基本完成', note: '部分完成' }),
  variant({ weight: 15, score: 15 }, { totalScore: 95 }),
  variant({}, { totalScore: 98 }),
  variant({}, { totalScore: null }),
  variant({}, { executed: 950000, rate: 0.9, fundsScore: 9.5, totalScore: 99.5 }),
  variant({}, { executed: 982806, rate: 0.9829, fundsScore: 9.83, totalScore: 99.83 }),
  variant({}, { sub: { current: [null, 900000, null] } }),
  variant({}, { executed: 1100000, rate: 1.1 }),
  variant({}, { goalActual: null }),
  variant({ actual: 52, score: 16 }, { totalScore: 96 }),
  variant({ target: '有效', actual: '未完成', score: null }, { totalScore: 80 }),
  variant({ actual: 78 }),
  variant({ actual: 78, note: '需求增加' }),
  variant({ target: '满足国内%以上的主流浏览器', actual: '满足' }),
  variant({ actual: '约95', note: '约' }),
  variant({ actual: null }),
  variant({ actual: DIV0, note: '—' }),
  variant({ actual: '65个工作日', target: '<=60天', note: '—' }),
  variant({ target: '有效', actual: '按计划推进' }),
  variant({ actual: '共举办65场活动' }),
  variant({ target: '≥1.2万户', actual: 1.3 }),
  variant({ weight: 15, score: 15 }, { totalScore: 95, totalWeight: 95 }),
  variant({ weight: DIV0 }),
  variant({ score: { kind: 'error', code: '#VALUE!' } }),
  variant({}, { budget: { kind: 'error', code: '#REF!' } }),
  variant({}, { budget: 0, executed: 0 }),
  variant({ weight: 'NaN' }),
  variant({ weight: 1e308 }),
  variant({}, { fundsWeight: -10 }),
  variant({}, { totalWeight: 120 }),
  variant({ target: '<=5个工作日', actual: '7个工作日' }),
  variant({ target: '=100%', actual: 98 }),
  variant({}, { headers: { score: '备注' } }),
];

/** Issue 9's templates: breakdown rows that do not add up, stated block weights. */
const TEMPLATES: SheetGrid[] = ([{ breakdown: 'off' }, { breakdown: true, level1Weights: 'named' }, { level1Weights: 'bare' }] as TemplateOptions[])
  .map((o) => sheetGrid('项目', [{ lit: templateForm(o) }]));

interface Raised {
  readonly check: string;
  readonly code: FindingCode;
}

/** Every finding each check raises on the sheets, under the default rules and Tianjin's review flags. */
function raised(sheets: readonly SheetGrid[]): Raised[] {
  const out: Raised[] = [];
  for (const sheet of sheets) {
    const view = new GridView(sheet);
    for (const layout of detectForms(view)) {
      for (const rules of [getRuleSet('mof-2020'), getRuleSet('tianjin')]) {
        const form = evaluateForm(view, layout, rules, {});
        const checks = layout.missing.length > 0 ? PARTIAL_FORM_CHECKS : FORM_CHECKS;
        for (const c of checks) {
          for (const f of c.run(form)) out.push({ check: c.name, code: f.code });
        }
        for (const f of planFormFill(form, checks.flatMap((c) => c.run(form))).findings) out.push({ check: 'fill', code: f.code });
      }
    }
  }
  return out;
}

const declared = new Map<string, readonly FindingCode[]>([
  ...FORM_CHECKS.map((c) => [c.name, c.codes] as const),
  ['fill', FILL_CODES],
]);

describe('each check raises only the codes it declares', () => {
  const all = raised([...VARIANTS, ...TEMPLATES]);

  it.each(FORM_CHECKS.map((c) => [c.name]))('%s', (name) => {
    const mine = all.filter((r) => r.check === name);
    expect(mine.length).toBeGreaterThan(0);
    const undeclared = mine.filter((r) => !declared.get(name)?.includes(r.code)).map((r) => r.code);
    expect(undeclared).toEqual([]);
  });

  it('the fixtures raise every code the checks declare, so no declaration is wider than its check', () => {
    const seen = new Set(all.map((r) => `${r.check}:${r.code}`));
    const unseen = FORM_CHECKS.flatMap((c) => c.codes.map((code) => `${c.name}:${code}`)).filter((k) => !seen.has(k));
    expect(unseen).toEqual([]);
  });

  it('on the published Shanghai forms (../shared) too', async () => {
    if (!existsSync(SEED_XLSX)) return; // needs ../shared beside the checkout; the built variants above still ran
    const wb = await readWorkbookGrid(readFileSync(SEED_XLSX));
    const seed = raised(wb.sheets);
    expect(seed.length).toBeGreaterThan(0);
    expect(seed.filter((r) => !declared.get(r.check)?.includes(r.code))).toEqual([]);
  });
});

describe('every finding code has a raiser that declares it', () => {
  it('is declared by a check, by the sheet-level check, by the fill, by a declaration check or by the comparison', () => {
    const owned = new Set<FindingCode>([
      ...FORM_CHECKS.flatMap((c) => c.codes), ...PARTIAL_FORM_CHECKS.flatMap((c) => c.codes), ...SHEET_CODES, ...FILL_CODES,
      ...DECLARATION_CHECKS.flatMap((c) => c.codes), ...COMPARE_CODES,
    ]);
    expect(FINDING_CODES.filter((c) => !owned.has(c))).toEqual([]);
  });
});
