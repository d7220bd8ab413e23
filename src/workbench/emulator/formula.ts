/**
 * Just enough of Excel's input parsing and calculation for the emulator: what a written value becomes
 * (Excel turns `=…`, `+…`, `-…`, `@…` into formulas; numeric, percent, currency, ISO-date and error text into
 * numbers, dates and errors) and a small evaluator
 * (numbers, cell references, + - * / ^ &, comparison-free) with SUM/MIN/MAX/ROUND/ROUNDUP/ROUNDDOWN/ABS.
 * A bare unknown name evaluates to `#NAME?`; an unknown function leaves the cached value alone. Excel computes in doubles, so does this.
 */
import { parseA1, parseRangeA1 } from '../../core';

export type Scalar = string | number | boolean;

export interface Entered {
  /** constant value ('' for empty) when formula is null */
  value: Scalar;
  formula: string | null;
  quotePrefix: boolean;
  /** number format Excel applies on entry when the cell is General (`50%` → `0%`) */
  autoFormat: string | null;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ERROR_LITERAL = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const CURRENCY = /^([$¥￥])(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const PARENTHESIZED = /^\((\d+(\.\d+)?)\)$/;

/** Days since 1899-12-30, Excel's date serial. */
function serial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return (t - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** What Excel stores when `raw` is written to `values` (or `formulas`) of a cell whose format is `format`. */
export function enter(raw: unknown, format: string): Entered {
  if (raw === null || raw === undefined || raw === '') return { value: '', formula: null, quotePrefix: false, autoFormat: null };
  // a number entered into a Text (`@`) cell stays text, as typed; Office's reference is silent on `values`, so the
  // emulator takes the case that breaks a SUM over the cell
  if (typeof raw === 'number' && format === '@') return { value: String(raw), formula: null, quotePrefix: false, autoFormat: null };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw, formula: null, quotePrefix: false, autoFormat: null };
  const s = String(raw);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null, quotePrefix: true, autoFormat: null };
  if (format === '@') return { value: s, formula: null, quotePrefix: false, autoFormat: null };
  if (s.startsWith('=') && s.length > 1) return { value: '', formula: s, quotePrefix: false, autoFormat: null };
  const t = s.trim();
  if (NUMBER.test(t)) return { value: Number(t), formula: null, quotePrefix: false, autoFormat: null };
  if (THOUSANDS.test(t)) return { value: Number(t.replace(/,/g, '')), formula: null, quotePrefix: false, autoFormat: format === 'General' ? '#,##0' : null };
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: null, quotePrefix: false, autoFormat: format === 'General' ? '0%' : null };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE', formula: null, quotePrefix: false, autoFormat: null };
  // error literals become error values; ISO dates become dates (Office's reference of Range.values); currency
  // and accounting negatives become numbers, as when typed
  if (ERROR_LITERAL.test(t)) return { value: t.toUpperCase(), formula: null, quotePrefix: false, autoFormat: null };
  const iso = ISO_DATE.exec(t);
  const day = iso ? serial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
  if (day !== null) return { value: day, formula: null, quotePrefix: false, autoFormat: format === 'General' ? 'yyyy-mm-dd' : null };
  const money = CURRENCY.exec(t);
  if (money) return { value: Number(t.slice(1).replace(/,/g, '')), formula: null, quotePrefix: false, autoFormat: format === 'General' ? `"${money[1]}"#,##0.00` : null };
  const neg = PARENTHESIZED.exec(t);
  if (neg) return { value: -Number(neg[1]), formula: null, quotePrefix: false, autoFormat: null };
  // Excel takes `+x`, `-x` and `@x` as the start of a formula
  if (/^[+\-@]/.test(s) && s.length > 1) return { value: '', formula: `=${s.startsWith('@') ? s.slice(1) : s}`, quotePrefix: false, autoFormat: null };
  return { value: s, formula: null, quotePrefix: false, autoFormat: null };
}

export type Lookup = (sheet: string | null, row: number, col: number) => Scalar;

class Unsupported extends Error {}

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Val = Scalar | Scalar[];

/**
 * Evaluates `=…`; returns the value Excel would show (errors as `#…` strings), or undefined for a function
 * the emulator does not know (the caller keeps the cached value).
 */
export function evaluate(formula: string, lookup: Lookup): Scalar | undefined {
  const src = formula.replace(/^=/, '');
  let i = 0;
  const peek = () => src[i];
  const ws = () => { while (src[i] === ' ') i++; };
  const num = (v: Val): number => {
    if (Array.isArray(v)) throw new FormulaError('#VALUE!');
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v === '') return 0;
    if (v.startsWith('#')) throw new FormulaError(v);
    if (NUMBER.test(v.trim())) return Number(v.trim());
    throw new FormulaError('#VALUE!');
  };
  const ref = (): Val | null => {
    const m = /^(?:('(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?/u.exec(src.slice(i));
    if (!m) return null;
    const next = src[i + m[0].length];
    if (next === '(') return null;
    i += m[0].length;
    let sheet: string | null = null;
    if (m[1]) sheet = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
    if (!m[3]) {
      const p = parseA1(m[2]);
      return lookup(sheet, p.row, p.col);
    }
    const r = parseRangeA1(`${m[2].replace(/\$/g, '')}:${m[3].replace(/\$/g, '')}`);
    const out: Scalar[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(lookup(sheet, row, col));
    return out;
  };
  const args = (): Val[] => {
    const out: Val[] = [];
    ws();
    if (peek() === ')') { i++; return out; }
    for (;;) {
      out.push(expr());
      ws();
      if (peek() === ',') { i++; continue; }
      if (peek() === ')') { i++; return out; }
      throw new FormulaError('#NAME?');
    }
  };
  const flat = (vs: Val[]): number[] => {
    const out: number[] = [];
    for (const v of vs) {
      if (Array.isArray(v)) {
        for (const x of v) {
          if (typeof x === 'string' && x.startsWith('#')) throw new FormulaError(x);
          if (typeof x === 'number') out.push(x);
        }
      } else out.push(num(v));
    }
    return out;
  };
  const round = (x: number, d: number, mode: 'half' | 'up' | 'down') => {
    const f = 10 ** d;
    const a = Math.abs(x) * f;
    // Excel rounds the decimal it displays; nudge by a relative epsilon for binary noise
    const n = mode === 'half' ? Math.round(a * (1 + 1e-15)) : mode === 'up' ? Math.ceil(a * (1 - 1e-15)) : Math.floor(a * (1 + 1e-15));
    return (Math.sign(x) * n) / f;
  };
  const call = (name: string, vs: Val[]): Scalar => {
    switch (name) {
      case 'SUM': return flat(vs).reduce((a, b) => a + b, 0);
      case 'MIN': { const f = flat(vs); return f.length ? Math.min(...f) : 0; }
      case 'MAX': { const f = flat(vs); return f.length ? Math.max(...f) : 0; }
      case 'ABS': return Math.abs(num(vs[0]));
      case 'ROUND': return round(num(vs[0]), num(vs[1] ?? 0), 'half');
      case 'ROUNDUP': return round(num(vs[0]), num(vs[1] ?? 0), 'up');
      case 'ROUNDDOWN': return round(num(vs[0]), num(vs[1] ?? 0), 'down');
      default: throw new Unsupported(name);
    }
  };
  const primary = (): Val => {
    ws();
    const c = peek();
    if (c === '(') { i++; const v = expr(); ws(); if (peek() !== ')') throw new FormulaError('#NAME?'); i++; return v; }
    if (c === '-') { i++; return -num(primary()); }
    if (c === '+') { i++; return primary(); }
    if (c === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(src.slice(i));
      if (!m) throw new FormulaError('#NAME?');
      i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    const n = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?/.exec(src.slice(i));
    if (n) { i += n[0].length; return n[0].endsWith('%') ? Number(n[0].slice(0, -1)) / 100 : Number(n[0]); }
    const r = ref();
    if (r !== null) return r;
    const f = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(src.slice(i));
    if (f) { i += f[0].length; return call(f[1].toUpperCase(), args()); }
    throw new FormulaError('#NAME?');
  };
  const power = (): Val => {
    let v = primary();
    for (ws(); peek() === '^'; ws()) { i++; v = num(v) ** num(primary()); }
    return v;
  };
  const term = (): Val => {
    let v = power();
    for (ws(); peek() === '*' || peek() === '/'; ws()) {
      const op = src[i++];
      const r = num(power());
      if (op === '/' && r === 0) { num(v); throw new FormulaError('#DIV/0!'); }
      v = op === '*' ? num(v) * r : num(v) / r;
    }
    return v;
  };
  const sum = (): Val => {
    let v = term();
    for (ws(); peek() === '+' || peek() === '-'; ws()) {
      const op = src[i++];
      const r = num(term());
      v = op === '+' ? num(v) + r : num(v) - r;
    }
    return v;
  };
  const expr = (): Val => {
    let v = sum();
    for (ws(); peek() === '&'; ws()) {
      i++;
      const r = sum();
      const text = (x: Val) => (Array.isArray(x) ? '#VALUE!' : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x));
      v = text(v) + text(r);
    }
    return v;
  };
  try {
    const v = expr();
    ws();
    if (i < src.length) return '#NAME?';
    if (Array.isArray(v)) return v.length === 1 ? v[0] : '#VALUE!';
    return typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v;
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
