import { ZERO, type Dec } from '../decimal';
import { normalizeLabel } from '../detect';
import { toA1 } from '../grid';
import type { FindingCode, FindingOf } from '../findings';
import { defineCheck, type FormCheck } from '../checks/check';
import { ds, finding } from '../checks/finding';
import { convertUnit, deadlineOf } from '../values';
import type { Target } from '../values/types';
import type { DeclarationForm, DeclaredFunds, DeclaredIndicator } from './evaluate';
import { dateWords, isAfter, periodEnd, periodFirstYear } from './period';
import { textOf } from './evaluate';

type Check<C extends FindingCode> = (d: DeclarationForm) => FindingOf<C>[];

const named = (i: DeclaredIndicator) => ({ name: i.row.name, target: i.row.targetText });
const at = (i: DeclaredIndicator) => i.row.targetCell?.a1 ?? i.row.nameCell?.a1 ?? '';

/** 资金总额 = 财政拨款 + 其他资金, in each block that states a part. */
const fundsSum: Check<'DECL_FUNDS_SUM'> = (d) => {
  const out: FindingOf<'DECL_FUNDS_SUM'>[] = [];
  const blocks: ['midTerm' | 'annual', DeclaredFunds | null][] = [['midTerm', d.midTermFunds], ['annual', d.annualFunds]];
  for (const [block, f] of blocks) {
    const total = f?.total?.value ?? null;
    if (!f?.total || total === null || (f.fiscal?.value == null && f.other?.value == null)) continue;
    const fiscal = f.fiscal?.value ?? ZERO;
    const other = f.other?.value ?? ZERO;
    const sum = fiscal.plus(other);
    if (!sum.eq(total)) {
      out.push(finding('DECL_FUNDS_SUM', 'error', d.sheet, f.total.cell.a1, {
        block, total: ds(total), fiscal: ds(fiscal), other: ds(other), sum: ds(sum), difference: ds(sum.minus(total)),
      }));
    }
  }
  return out;
};

const has = (labels: readonly string[], stem: string) => labels.some((l) => normalizeLabel(l).includes(stem));

/** 产出, 效益 and 满意度 each present; under 产出 a 数量 and one of 质量/时效/成本. */
const dimensions: Check<'DECL_DIMENSION_MISSING'> = (d) => {
  if (d.indicators.length === 0) return [];
  const l = d.form.layout;
  const cell = toA1(l.indicatorHeaderRow, l.columns.level1 ?? l.range.left);
  const out: FindingOf<'DECL_DIMENSION_MISSING'>[] = [];
  const level1 = d.indicators.map((i) => i.level1);
  for (const [stem, label] of [['产出', '产出指标'], ['效益', '效益指标'], ['满意度', '满意度指标']] as const) {
    if (!has(level1, stem)) out.push(finding('DECL_DIMENSION_MISSING', 'error', d.sheet, cell, { level: 1, missing: label }));
  }
  const output = d.indicators.filter((i) => normalizeLabel(i.level1).includes('产出')).map((i) => i.level2);
  if (output.length > 0) {
    if (!has(output, '数量')) out.push(finding('DECL_DIMENSION_MISSING', 'error', d.sheet, cell, { level: 2, missing: '数量指标' }));
    if (!['质量', '时效', '成本'].some((s) => has(output, s))) {
      out.push(finding('DECL_DIMENSION_MISSING', 'error', d.sheet, cell, { level: 2, missing: '质量、时效或成本指标' }));
    }
  }
  return out;
};

const PLACEHOLDER = /[*＊]|[×xX]{2,}|待定|待确定/u;

/** A placeholder left in the text, or a `%` with no number. */
export function hasPlaceholder(text: string): boolean {
  const n = text.normalize('NFKC');
  return PLACEHOLDER.test(n) || (n.includes('%') && !/\d/u.test(n));
}

const placeholders: Check<'DECL_PLACEHOLDER'> = (d) => {
  const out: FindingOf<'DECL_PLACEHOLDER'>[] = [];
  for (const i of d.indicators) {
    const fields: ['name' | 'target' | 'midTarget', string, string][] = [
      ['name', i.row.name, i.row.nameCell?.a1 ?? ''], ['target', i.row.targetText, at(i)],
      ['midTarget', i.mid?.text ?? '', i.mid?.cell.a1 ?? ''],
    ];
    for (const [field, text, cell] of fields) {
      if (text !== '' && hasPlaceholder(text)) out.push(finding('DECL_PLACEHOLDER', 'error', d.sheet, cell, { ...named(i), field, text }));
    }
  }
  return out;
};

/** 二级指标 that ask for a quantity; a 时效 target may be a deadline. */
const QUANTIFIED = ['数量', '质量', '时效', '成本'];

const targets: Check<'DECL_TARGET_MISSING' | 'DECL_TARGET_QUALITATIVE' | 'TARGET_MALFORMED'> = (d) => {
  const out: FindingOf<'DECL_TARGET_MISSING' | 'DECL_TARGET_QUALITATIVE' | 'TARGET_MALFORMED'>[] = [];
  for (const i of d.indicators) {
    const t = i.row.target;
    if (i.row.targetText === '') {
      out.push(finding('DECL_TARGET_MISSING', 'error', d.sheet, at(i), named(i)));
      continue;
    }
    if (t.kind !== 'qualitative' || hasPlaceholder(i.row.targetText)) continue;
    if (t.malformed) {
      out.push(finding('TARGET_MALFORMED', 'warning', d.sheet, at(i), named(i)));
      continue;
    }
    const l2 = normalizeLabel(i.level2);
    if (!QUANTIFIED.some((s) => l2.includes(s))) continue;
    if (l2.includes('时效') && deadlineOf(i.row.targetText)) continue;
    out.push(finding('DECL_TARGET_QUALITATIVE', 'info', d.sheet, at(i), { ...named(i), level2: i.level2 }));
  }
  return out;
};

const DURATION = /^(?:个)?(?:工作日|天|日|周|个月|月|年|小时|分钟|h|min)$/u;

/** The bound a comparator target sets, or null. */
function bound(t: Target): { lower: boolean; value: Dec; unit: string } | null {
  if (t.kind === 'atLeast' || t.kind === 'moreThan') return { lower: true, value: t.quantity.value, unit: t.quantity.unit };
  if (t.kind === 'atMost' || t.kind === 'lessThan' || t.kind === 'equal') return { lower: false, value: t.quantity.value, unit: t.quantity.unit };
  return null;
}

const directions: Check<'DECL_DIRECTION' | 'DECL_PERCENT_ABOVE_100' | 'DECL_SATISFACTION_LOW'> = (d) => {
  const out: FindingOf<'DECL_DIRECTION' | 'DECL_PERCENT_ABOVE_100' | 'DECL_SATISFACTION_LOW'>[] = [];
  for (const i of d.indicators) {
    const b = bound(i.row.target);
    const t = i.row.target;
    const l2 = normalizeLabel(i.level2);
    if (b?.lower && l2.includes('成本')) out.push(finding('DECL_DIRECTION', 'warning', d.sheet, at(i), { ...named(i), level2: i.level2, what: 'cost' }));
    else if (b?.lower && l2.includes('时效') && DURATION.test(b.unit)) {
      out.push(finding('DECL_DIRECTION', 'warning', d.sheet, at(i), { ...named(i), level2: i.level2, what: 'duration' }));
    }
    const high = t.kind === 'range' ? (t.high.unit === '%' ? t.high.value : null) : b?.unit === '%' ? b.value : null;
    if (high?.gt(100)) out.push(finding('DECL_PERCENT_ABOVE_100', 'warning', d.sheet, at(i), { ...named(i), value: ds(high) }));
    const satisfaction = [i.level1, i.level2, i.row.name].some((s) => normalizeLabel(s).includes('满意'));
    if (satisfaction && b && b.unit === '%' && t.kind !== 'atMost' && t.kind !== 'lessThan' && b.value.lt(60)) {
      out.push(finding('DECL_SATISFACTION_LOW', 'info', d.sheet, at(i), { ...named(i), value: ds(b.value) }));
    }
  }
  return out;
};

const deadlines: Check<'DECL_DEADLINE_AFTER_PERIOD'> = (d) => {
  const periodText = textOf(d.period);
  const end = periodEnd(periodText, d.year);
  if (!end || end.year === null) return [];
  // a deadline without a year (`12月底前`) is read in the budget year: the earliest year it can mean
  const budget = d.year !== null && /^\d{4}$/u.test(d.year) ? Number(d.year) : null;
  const year = budget ?? periodFirstYear(periodText) ?? end.year;
  const out: FindingOf<'DECL_DEADLINE_AFTER_PERIOD'>[] = [];
  for (const i of d.indicators) {
    for (const [text, cell] of [[i.row.targetText, at(i)], [i.mid?.text ?? '', i.mid?.cell.a1 ?? '']] as const) {
      const due = text === '' ? null : deadlineOf(text);
      if (!due || !isAfter(due, end, year)) continue;
      out.push(finding('DECL_DEADLINE_AFTER_PERIOD', 'error', d.sheet, cell, {
        name: i.row.name, target: text, deadline: dateWords(due, year), periodEnd: dateWords(end, year), period: periodText,
      }));
    }
  }
  return out;
};

const annualAboveMid: Check<'DECL_ANNUAL_ABOVE_MIDTERM'> = (d) => {
  const out: FindingOf<'DECL_ANNUAL_ABOVE_MIDTERM'>[] = [];
  for (const i of d.indicators) {
    if (!i.mid) continue;
    const a = bound(i.row.target);
    const m = bound(i.mid.target);
    if (!a?.lower || !m?.lower || a.unit === '%' || m.unit === '%') continue;
    const inMid = convertUnit(a.value, a.unit, m.unit);
    if (inMid === null || (a.unit === '') !== (m.unit === '')) continue;
    if (inMid.gt(m.value)) out.push(finding('DECL_ANNUAL_ABOVE_MIDTERM', 'error', d.sheet, at(i), { ...named(i), mid: i.mid.text }));
  }
  return out;
};

/** Every check of a complete declaration, each with the codes it declares. */
export const DECLARATION_CHECKS: readonly FormCheck<FindingCode, DeclarationForm>[] = [
  defineCheck('declFunds', ['DECL_FUNDS_SUM'], fundsSum),
  defineCheck('declDimensions', ['DECL_DIMENSION_MISSING'], dimensions),
  defineCheck('declPlaceholders', ['DECL_PLACEHOLDER'], placeholders),
  defineCheck('declTargets', ['DECL_TARGET_MISSING', 'DECL_TARGET_QUALITATIVE', 'TARGET_MALFORMED'], targets),
  defineCheck('declDirections', ['DECL_DIRECTION', 'DECL_PERCENT_ABOVE_100', 'DECL_SATISFACTION_LOW'], directions),
  defineCheck('declDeadlines', ['DECL_DEADLINE_AFTER_PERIOD'], deadlines),
  defineCheck('declAnnualMid', ['DECL_ANNUAL_ABOVE_MIDTERM'], annualAboveMid),
];

/** The checks of a declaration that lacks its 三级指标 or target column: its funds. */
export const PARTIAL_DECLARATION_CHECKS: readonly FormCheck<FindingCode, DeclarationForm>[] = [DECLARATION_CHECKS[0]];
