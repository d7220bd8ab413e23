import { memoByText } from '../memo';
import { formatCore } from './cells';
import { prepare } from './lex';

/** A calendar date as written; `year` is null for `12月31日前` (the form's own year is meant). */
export interface DateValue {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
}

/** A number format that shows a date or a time (`yyyy/m/d`, `yyyy"年"m"月"d"日"`, `[$-F800]dddd`, `h:mm`). */
export function isDateFormat(format: string | null): boolean {
  return format ? dateFormat(format) : false;
}

const dateFormat = memoByText((format: string): boolean => {
  const core = formatCore(format).replace(/General/giu, '');
  return /[ymdhs]/iu.test(core) && !/[0#?]/u.test(core.replace(/[ymdhs]+/giu, ''));
});

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial day number (1900 system, as the readers give dates) as a calendar date; null when not a date. */
export function serialToDate(serial: number): DateValue | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `2021年12月31日`, or `12月31日` without a year: how a Chinese form writes a date. */
export function dateText(d: DateValue): string {
  return `${d.year === null ? '' : `${d.year}年`}${d.month}月${d.day}日`;
}

function lastDay(year: number | null, month: number): number {
  return new Date(Date.UTC(year ?? 2001, month, 0)).getUTCDate();
}

function valid(year: number | null, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month) && (year === null || (year >= 1900 && year <= 2100));
}

interface Found {
  readonly date: DateValue;
  readonly start: number;
  readonly end: number;
}

const PATTERNS: readonly { re: RegExp; read: (m: RegExpExecArray) => DateValue | null }[] = [
  // 2021年12月31日, 2021-12-31, 2021/12/31, 2021.12.31
  { re: /((?:19|20)\d{2})(?:年|-|\/|\.)(\d{1,2})(?:月|-|\/|\.)(\d{1,2})(?:日|号)?/gu, read: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }) },
  // 2021年12月底, 2021年12月
  { re: /((?:19|20)\d{2})(?:年|-|\/|\.)(\d{1,2})月?(?:底|末|份)?/gu, read: (m) => ({ year: +m[1], month: +m[2], day: lastDay(+m[1], +m[2]) }) },
  // 2021年底, 2021年末
  { re: /((?:19|20)\d{2})年(?:底|末)/gu, read: (m) => ({ year: +m[1], month: 12, day: 31 }) },
  // 12月31日
  { re: /(\d{1,2})月(\d{1,2})(?:日|号)/gu, read: (m) => ({ year: null, month: +m[1], day: +m[2] }) },
  // 12月底, 12月末
  { re: /(\d{1,2})月(?:底|末)/gu, read: (m) => ({ year: null, month: +m[1], day: lastDay(null, +m[1]) }) },
];

/** Every date written in prepared text, earlier patterns (more specific) winning where they overlap. */
function datesIn(s: string): readonly Found[] {
  // every pattern has an ASCII digit; most qualitative targets and actuals (`好`, `明显提升`) have none
  if (!/\d/u.test(s)) return [];
  const out: Found[] = [];
  const taken = new Array<boolean>(s.length).fill(false);
  for (const p of PATTERNS) {
    for (const m of s.matchAll(p.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      // a number glued before or after is not part of a date (`12021年`, `12月31日1`)
      if (/\d/u.test(s[start - 1] ?? '') || /\d/u.test(s[end] ?? '')) continue;
      const d = p.read(m as RegExpExecArray);
      if (!d || !valid(d.year, d.month, d.day)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      out.push({ date: d, start, end });
    }
  }
  return out;
}

/** Words that may stand around a deadline: `2021年12月底前`, `于12月31日前完成`, `截至2021年11月30日`. */
const DEADLINE_WORDS = /^(?:在|于|截至|截止|截止到|截止至|按期|按时|全部|项目|工作|任务)*$/u;
const DEADLINE_AFTER = /^(?:之前|以前|前|止|内|为止)?(?:全部|按期|按时)?(?:完成|完工|竣工|验收|实施完毕|结束|办结|上线|交付|投入使用)*(?:前)?$/u;

/** The deadline of a time target (`2021年12月底前`, `12月31日前完成`, a date cell's text), or null. */
export function deadlineOf(text: string): DateValue | null {
  const s = prepare(text);
  const found = datesIn(s);
  if (found.length !== 1) return null;
  const f = found[0];
  if (!DEADLINE_WORDS.test(s.slice(0, f.start)) || !DEADLINE_AFTER.test(s.slice(f.end))) return null;
  return f.date;
}

const DONE_BEFORE = /^(?:已|已于|于|在|已在|截至|截止|实际|实际于|项目|项目已于|项目于|工作|工作已于|全部|均)*$/u;
const DONE_AFTER = /^(?:前)?(?:已|全部|按期|顺利)?(?:完成|完工|竣工|验收|通过验收|实施完毕|结束|办结|上线|交付|投入使用)*$/u;

/** The completion date an actual states (`2021年11月30日`, `已于2021年11月完成`), or null when it says more than that. */
export function completionDateOf(text: string): DateValue | null {
  const s = prepare(text);
  const found = datesIn(s);
  if (found.length !== 1) return null;
  const f = found[0];
  if (!DONE_BEFORE.test(s.slice(0, f.start)) || !DONE_AFTER.test(s.slice(f.end))) return null;
  return f.date;
}

/** Whether `done` is on or before `deadline`; a date without year is compared within the year. */
export function onOrBefore(done: DateValue, deadline: DateValue): boolean {
  const key = (d: DateValue, year: boolean) => (year ? (d.year ?? 0) * 10000 : 0) + d.month * 100 + d.day;
  const withYear = done.year !== null && deadline.year !== null;
  return key(done, withYear) <= key(deadline, withYear);
}
