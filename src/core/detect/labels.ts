import { memoByText } from '../memo';
import { foldTraditional } from '../values/traditional';
import type { FundsColumnRole, FundsRowRole, IndicatorRole } from './types';

/**
 * Every label the detector recognises, by what it marks (SPEC §2). Data, not code: a province's
 * variant label is one more string here. Entries are compared after {@link labelKey}, so spacing,
 * line breaks, full-width forms, a trailing colon, bracketed suffixes (`（A）`, `(元)`) and a leading
 * `其中：` do not need their own entries.
 */
export const LABEL_SYNONYMS = {
  indicator: {
    level1: ['一级指标'],
    level2: ['二级指标'],
    level3: ['三级指标', '指标名称', '具体指标'],
    target: ['年度指标值', '年度指标值（A）', '指标值', '年初指标值', '目标值', '目标值（标准）', '年度目标值', '预期指标值', '全年指标值', '计划指标值'],
    targetSign: ['指标性质', '指标方向', '计算符号', '运算符号', '比较符号'],
    targetUnit: ['度量单位', '计量单位', '单位', '指标单位'],
    midTarget: ['中期指标值', '中期目标值'],
    actual: ['实际完成值', '实际完成值（B）', '全年实际值', '全年实际值（B）', '实际值', '指标执行值', '全年实际完成值', '年度实际完成值', '实际完成数'],
    weight: ['分值', '权重', '设定权重', '指标分值', '指标权重'],
    score: ['得分', '自评得分', '指标得分', '评价得分', '自评分'],
    note: [
      '偏差原因分析及改进措施', '偏差原因及改进措施', '未完成原因分析及改进措施', '指标未完成原因和改进措施', '偏差原因分析', '原因分析及改进措施',
      '偏差原因', '未完成原因分析', '偏差原因分析及整改措施',
    ],
  } satisfies Record<IndicatorRole, readonly string[]>,
  fundsColumns: {
    initialBudget: ['年初预算数'],
    budget: ['全年预算数', '调整后预算数'],
    executed: ['全年执行数', '全年实际执行数'],
    weight: ['分值', '权重'],
    rate: ['执行率', '预算执行率'],
    score: ['得分'],
  } satisfies Record<FundsColumnRole, readonly string[]>,
  fundsRows: {
    total: ['年度资金总额', '资金总额'],
    current: ['其中：当年财政拨款', '其中：本年财政拨款', '其中：当年财政资金', '当年财政拨款', '本年财政拨款', '当年财政资金', '财政拨款'],
    carryover: ['上年结转资金'],
    other: ['其他资金'],
  } satisfies Record<FundsRowRole, readonly string[]>,
  header: {
    project: ['项目名称'],
    department: ['主管部门', '主管部门及代码'],
    implementer: ['实施单位', '项目实施单位'],
  },
  goal: {
    label: ['年度总体目标'],
    target: ['预算目标', '预期目标'],
    actual: ['实际完成情况', '全年实际完成情况'],
  },
  /** labels of the 绩效目标申报表 (target declaration) above its indicator table */
  declaration: {
    projectType: ['项目属性'],
    period: ['项目期', '项目周期', '项目实施期'],
    midTotal: ['中期资金总额'],
    annualTotal: ['年度资金总额'],
    goalLabel: ['总体目标', '绩效目标'],
    midGoal: ['中期目标'],
    annualGoal: ['年度目标'],
  },
  /** the funds block's own label; its bracket tells the unit (`项目资金（万元）`) */
  fundsBlock: ['项目资金'],
  total: ['总分', '合计', '总计', '分数合计', '总得分', '自评总分', '总分合计'],
  /** a title is any cell containing one of these (not an exact match) */
  titleContains: ['绩效自评表'],
  /** a declaration's title contains one of these */
  declarationTitleContains: ['绩效目标申报表', '绩效目标表'],
} as const;

export type HeaderRole = keyof typeof LABEL_SYNONYMS.header;
export type GoalRole = keyof typeof LABEL_SYNONYMS.goal;
export type DeclarationRole = keyof typeof LABEL_SYNONYMS.declaration;

/** What one label cell can mean; a label may mean several things (分值 is an indicator and a funds column). */
export interface LabelMeaning {
  indicator?: IndicatorRole;
  fundsColumn?: FundsColumnRole;
  fundsRow?: FundsRowRole;
  header?: HeaderRole;
  goal?: GoalRole;
  declaration?: DeclarationRole;
  fundsBlock?: true;
  total?: true;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const WHITE = /\s+/gu;
const TRAILING_COLONS = /[:：]+$/u;

/**
 * Canonical form of a label for comparison: NFKC (full-width letters, digits, brackets and colons
 * fold to ASCII), every white space removed (including line breaks, U+3000 and zero-width
 * characters), trailing colons stripped, the template's traditional characters folded to simplified (`項目名稱` →
 * `项目名称`; for matching only). `年度\n指标值` → `年度指标值`; `项目资金（万元）` → `项目资金(万元)`.
 */
export const normalizeLabel: (s: string) => string = memoByText((s) =>
  foldTraditional(s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(WHITE, '').replace(TRAILING_COLONS, '')));

/** Brackets after NFKC: (), [], 【】, 〔〕, 〈〉 with no nesting. */
const BRACKETED = /[([【〔〈《][^()[\]【】〔〕〈〉《》]*[)\]】〕〉》]/gu;
const LEADING_QIZHONG = /^其中[:，,、]?/u;

/**
 * The key labels are matched by: {@link normalizeLabel}, then every bracketed part removed (`年度指标值（A）`,
 * `实际完成值(B)`, `项目资金（元）`, `分值(分)`, `目标值（标准）` all match their bare label) and a leading `其中：`
 * removed. The bracket content is never a label on its own, so dropping it cannot make a non-label match.
 */
export const labelKey: (s: string) => string = memoByText((s) =>
  normalizeLabel(s).replace(BRACKETED, '').replace(LEADING_QIZHONG, '').replace(TRAILING_COLONS, ''));

function buildIndex(): Map<string, LabelMeaning> {
  const index = new Map<string, LabelMeaning>();
  const add = (labels: readonly string[], set: (m: LabelMeaning) => void): void => {
    for (const l of labels) {
      const k = labelKey(l);
      const m = index.get(k) ?? {};
      set(m);
      index.set(k, m);
    }
  };
  const s = LABEL_SYNONYMS;
  for (const [role, labels] of Object.entries(s.indicator)) add(labels, (m) => { m.indicator = role as IndicatorRole; });
  for (const [role, labels] of Object.entries(s.fundsColumns)) add(labels, (m) => { m.fundsColumn = role as FundsColumnRole; });
  for (const [role, labels] of Object.entries(s.fundsRows)) add(labels, (m) => { m.fundsRow = role as FundsRowRole; });
  for (const [role, labels] of Object.entries(s.header)) add(labels, (m) => { m.header = role as HeaderRole; });
  for (const [role, labels] of Object.entries(s.goal)) add(labels, (m) => { m.goal = role as GoalRole; });
  for (const [role, labels] of Object.entries(s.declaration)) add(labels, (m) => { m.declaration = role as DeclarationRole; });
  add(s.fundsBlock, (m) => { m.fundsBlock = true; });
  add(s.total, (m) => { m.total = true; });
  return index;
}

const INDEX = buildIndex();
const TITLE_KEYS = LABEL_SYNONYMS.titleContains.map(normalizeLabel);
const DECLARATION_TITLE_KEYS = LABEL_SYNONYMS.declarationTitleContains.map(normalizeLabel);

/** Longest label we look up; longer cell text is never a label (saves normalising paragraphs). */
const MAX_LABEL_LENGTH = 48;

/** The meaning of a cell's text as a label, or null. */
export function classifyLabel(text: string): LabelMeaning | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  return INDEX.get(labelKey(text)) ?? null;
}

/** Whether the text is a form title (contains 绩效自评表, or a declaration's title, after normalisation). */
export function isTitleText(text: string): boolean {
  if (text.length > 200 || !/[评標标]/u.test(text)) return false;
  const n = normalizeLabel(text);
  return includesAny(n, TITLE_KEYS) || includesAny(n, DECLARATION_TITLE_KEYS);
}

// a loop, not `some` with a closure: it runs for every text cell of every sheet
function includesAny(n: string, keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) if (n.includes(keys[i])) return true;
  return false;
}

/** Whether a title names a 绩效目标申报表 (declaration) rather than a 自评表. */
export function isDeclarationTitle(text: string): boolean {
  const n = normalizeLabel(text);
  return !TITLE_KEYS.some((t) => n.includes(t)) && DECLARATION_TITLE_KEYS.some((t) => n.includes(t));
}

/**
 * Header labels with the value in the same cell (`项目名称：某项目`): the role, or null.
 * Only the 项目名称 / 主管部门 / 实施单位 labels are read this way.
 */
export function inlineHeader(text: string): HeaderRole | null {
  if (text.length > 400 || !/[:：﹕︓]/u.test(text)) return null;
  const n = normalizeLabel(text);
  for (let i = 0; i < HEADER_PREFIXES.length; i++) {
    const [role, prefix] = HEADER_PREFIXES[i];
    if (n.length > prefix.length && n.startsWith(prefix)) return role;
  }
  return null;
}

/** Each header label with its colon (`项目名称:`), in LABEL_SYNONYMS order: built once, not per text cell. */
const HEADER_PREFIXES: readonly (readonly [HeaderRole, string])[] = Object.entries(LABEL_SYNONYMS.header)
  .flatMap(([role, labels]) => labels.map((l): readonly [HeaderRole, string] => [role as HeaderRole, `${l}:`]));

/** 元 or 万元 from a funds-block label (`项目资金（万元）`, `项目资金(单位:元)`), else null. */
export function unitOf(text: string): string | null {
  const n = normalizeLabel(text);
  if (n.includes('万元')) return '万元';
  if (n.includes('元')) return '元';
  return null;
}

/** The year (`2021`) written in a `(2021 年度)` line, a `2021年度` cell or a title, else null. */
export function yearOf(text: string): string | null {
  if (text.length > 200) return null;
  const n = normalizeLabel(text);
  const m = /((?:19|20)\d{2})年/u.exec(n) ?? /^\(?((?:19|20)\d{2})\)?$/u.exec(n);
  return m ? m[1] : null;
}
