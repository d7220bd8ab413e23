import { D, type Dec } from '../decimal';
import { foldTraditional } from './traditional';

/**
 * Units that convert into one another: each family lists its units with their size in the family's base unit
 * (integers, so conversions stay exact). 万/亿 are magnitudes, not units (`200万元` is 2 000 000 元), so 万元/元/亿元
 * and 万人/人 convert through the magnitude. A 工作日 is its own family: a working day is not a calendar day, so
 * `≤3个工作日` against `4天` is a unit mismatch the person judges. `分` stays out of the time family: on a 自评表 it
 * is as often a score point as a minute.
 */
export const UNIT_FAMILIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  percent: { '%': '10', '‰': '1' },
  time: { 秒: '1', 秒钟: '1', 分钟: '60', 小时: '3600', 个小时: '3600', h: '3600', 天: '86400', 日: '86400', 自然日: '86400', 个自然日: '86400', 周: '604800', 星期: '604800', 个星期: '604800' },
  workday: { 工作日: '1', 个工作日: '1' },
  month: { 月: '1', 个月: '1', 季度: '3', 个季度: '3', 年: '12', 年度: '12', 个年度: '12', 年内: '12', 周年: '12' },
  money: { 元: '1', 千元: '1000' },
  length: { 米: '1', m: '1', 公里: '1000', 千米: '1000', km: '1000' },
  weight: { 克: '1', g: '1', 千克: '1000', 公斤: '1000', kg: '1000', 吨: '1000000', t: '1000000' },
  person: { 人: '1', 名: '1', 位: '1' },
};

const INDEX = new Map<string, { family: string; size: string }>();
for (const [family, units] of Object.entries(UNIT_FAMILIES)) {
  for (const [u, size] of Object.entries(units)) INDEX.set(u, { family, size });
}

/**
 * The unit as compared: `百分比` is `%`; otherwise the text as written (already NFKC-folded by the parser) with the
 * template's traditional characters folded (`個` is `个`).
 */
export function canonicalUnit(u: string): string {
  return u === '百分比' ? '%' : foldTraditional(u);
}

/** `期/年`, `人次/年度` → `期`, `人次`: on an annual form a count per year is the year's count. */
function perYear(u: string): string {
  const m = /^(.+?)\/(?:年|年度|每年)$/u.exec(u);
  return m ? m[1] : u;
}

/**
 * `value` written in `from` expressed in `to`, or null when the units differ and do not convert.
 * An empty `to` (a target without unit) accepts any unit as it is.
 */
export function convertUnit(value: Dec, from: string, to: string): Dec | null {
  const f = perYear(canonicalUnit(from));
  const t = perYear(canonicalUnit(to));
  if (f === t || t === '') return value;
  const a = INDEX.get(f);
  const b = INDEX.get(t);
  if (!a || !b || a.family !== b.family) return null;
  return value.times(new D(a.size)).dividedBy(new D(b.size));
}

/** Every unit text that converts to `u` (itself first), longest first: for finding `u` after a number in a sentence. */
export function unitsConvertibleTo(u: string): string[] {
  const c = perYear(canonicalUnit(u));
  const fam = INDEX.get(c)?.family;
  const all = fam ? Object.keys(UNIT_FAMILIES[fam]) : [c];
  if (c === '%') all.push('百分比');
  if (!all.includes(u)) all.push(u);
  return [...new Set(all)].sort((x, y) => y.length - x.length);
}
