import ExcelJS from 'exceljs';
import { D, parseA1, parseRangeA1, toA1, type Dec } from '../core';

/**
 * A value in a recalculated formula: a number, or null for a blank cell (0 in arithmetic, skipped by SUM).
 * Anything else (text, an error, an unknown function) makes the formula unevaluable, and its cached result stays.
 */
type Val = Dec | null;
/** what a referenced cell holds: a number, blank, or text (ignored by SUM over a range, #VALUE! in arithmetic) */
type CellVal = Val | 'text';
class Unevaluable extends Error {}

type Token = { t: 'num'; v: Dec } | { t: 'ref'; v: string } | { t: 'fn'; v: string } | { t: 'op'; v: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Z][A-Z0-9.]*)\s*\(|([-+*/(),]))/y;

function tokenize(formula: string): Token[] {
  const src = formula.replace(/^=/, '').toUpperCase();
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m) throw new Unevaluable(formula);
    if (m[1] !== undefined) out.push({ t: 'num', v: new D(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'ref', v: m[2].replace(/\$/g, '') });
    else if (m[3] !== undefined) out.push({ t: 'fn', v: m[3] });
    else out.push({ t: 'op', v: m[4] });
  }
  return out;
}

const ROUNDING = { ROUND: D.ROUND_HALF_UP, ROUNDUP: D.ROUND_UP, ROUNDDOWN: D.ROUND_DOWN } as const;

/** Evaluates `+ - * /`, parentheses, cell references, ranges, SUM, MIN, MAX, ROUND, ROUNDUP and ROUNDDOWN. */
function evaluate(tokens: Token[], cellValue: (a1: string) => CellVal): Dec {
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (v: string) => peek()?.t === 'op' && peek()?.v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Unevaluable(v);
    i++;
  };
  const number = (v: CellVal): Val => (v === 'text' ? null : v);
  const rangeValues = (ref: string): Val[] => {
    if (!ref.includes(':')) return [number(cellValue(ref))];
    const r = parseRangeA1(ref);
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100_000) throw new Unevaluable(ref);
    const out: Val[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(number(cellValue(toA1(row, col))));
    return out;
  };
  const args = (): Val[] => {
    const out: Val[] = [];
    if (isOp(')')) { i++; return out; }
    for (;;) {
      const t = peek();
      const next = tokens[i + 1];
      // a range (or a single reference) as a whole argument keeps its blanks apart, as SUM does
      if (t?.t === 'ref' && (next?.t === 'op' && (next.v === ',' || next.v === ')'))) {
        i++;
        out.push(...rangeValues(t.v));
      } else out.push(expr());
      if (isOp(',')) { i++; continue; }
      expect(')');
      return out;
    }
  };
  const primary = (): Dec => {
    const t = tokens[i++];
    if (!t) throw new Unevaluable('end');
    if (t.t === 'num') return t.v;
    if (t.t === 'ref') {
      const v = t.v.includes(':') ? 'text' : cellValue(t.v);
      if (v === 'text') throw new Unevaluable(t.v);
      return v ?? new D(0);
    }
    if (t.t === 'op' && t.v === '(') {
      const v = expr();
      expect(')');
      return v;
    }
    if (t.t === 'op' && (t.v === '-' || t.v === '+')) {
      const v = primary();
      return t.v === '-' ? v.negated() : v;
    }
    if (t.t === 'fn') {
      const a = args();
      const nums = a.filter((x): x is Dec => x !== null);
      switch (t.v) {
        case 'SUM': return nums.reduce((s, x) => s.plus(x), new D(0));
        case 'MIN': return nums.length ? D.min(...nums) : new D(0);
        case 'MAX': return nums.length ? D.max(...nums) : new D(0);
        case 'ROUND': case 'ROUNDUP': case 'ROUNDDOWN': {
          if (a.length !== 2) throw new Unevaluable(t.v);
          const places = (a[1] ?? new D(0)).trunc().toNumber();
          if (places < 0 || places > 15) throw new Unevaluable(t.v);
          return (a[0] ?? new D(0)).toDecimalPlaces(places, ROUNDING[t.v as keyof typeof ROUNDING]);
        }
        default: throw new Unevaluable(t.v);
      }
    }
    throw new Unevaluable(t.v);
  };
  const term = (): Dec => {
    let v = primary();
    while (isOp('*') || isOp('/')) {
      const op = tokens[i++].v;
      const r = primary();
      if (op === '/' && r.isZero()) throw new Unevaluable('#DIV/0!');
      v = op === '*' ? v.times(r) : v.div(r);
    }
    return v;
  };
  const expr = (): Dec => {
    let v = term();
    while (isOp('+') || isOp('-')) v = tokens[i++].v === '+' ? v.plus(term()) : v.minus(term());
    return v;
  };
  const v = expr();
  if (i !== tokens.length) throw new Unevaluable('trailing');
  return v;
}

function refsOf(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.t !== 'ref') continue;
    if (!t.v.includes(':')) out.push(t.v);
    else {
      const r = parseRangeA1(t.v);
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100_000) continue;
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(toA1(row, col));
    }
  }
  return out;
}

/**
 * After cells of a sheet were written, brings the cached results of the formulas that depend on them up to date
 * (a `=SUM(H7:H28)` 总分 over filled scores), so that a reader that does not recalculate — the CLI's own re-check,
 * a viewer, an import — does not see the old total. Only same-sheet arithmetic, SUM, MIN, MAX and ROUND/ROUNDUP/
 * ROUNDDOWN are evaluated; any other formula keeps its cached result, and Excel recalculates everything on open.
 */
export function recalcDependents(ws: ExcelJS.Worksheet, written: ReadonlySet<string>): void {
  const formulas = new Map<string, { cell: ExcelJS.Cell; tokens: Token[] | null }>();
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      const f = cell.formula;
      if (!f) return;
      let tokens: Token[] | null = null;
      try {
        tokens = f.includes('!') ? null : tokenize(f);
      } catch {
        tokens = null;
      }
      formulas.set(toA1(Number(cell.row) - 1, Number(cell.col) - 1), { cell, tokens });
    });
  });
  // formulas that read a written cell, directly or through another formula
  const dirty = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [a1, f] of formulas) {
      if (dirty.has(a1) || !f.tokens) continue;
      if (refsOf(f.tokens).some((r) => written.has(r) || dirty.has(r))) {
        dirty.add(a1);
        changed = true;
      }
    }
  }
  const results = new Map<string, Val>();
  const valueAt = (a1: string, depth: number): CellVal => {
    if (results.has(a1)) return results.get(a1) ?? null;
    const f = formulas.get(a1);
    if (f && dirty.has(a1)) {
      if (depth > 64 || !f.tokens) throw new Unevaluable(a1);
      const r = evaluate(f.tokens, (ref) => valueAt(ref, depth + 1));
      results.set(a1, r);
      return r;
    }
    const p = parseA1(a1);
    const cell = ws.getCell(p.row + 1, p.col + 1);
    if (cell.type === ExcelJS.ValueType.Merge) return null;
    const v = cell.type === ExcelJS.ValueType.Formula ? (cell.value as { result?: unknown }).result : cell.value;
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'number' && Number.isFinite(v)) return new D(String(v));
    if (typeof v === 'string') return 'text';
    throw new Unevaluable(a1);
  };
  for (const a1 of dirty) {
    const f = formulas.get(a1);
    if (!f) continue;
    let v: CellVal;
    try {
      v = valueAt(a1, 0);
    } catch (e) {
      if (e instanceof Unevaluable) continue;
      throw e;
    }
    if (v === null || v === 'text') continue;
    const n = v.toNumber();
    if (!Number.isFinite(n)) continue;
    f.cell.value = { ...(f.cell.value as ExcelJS.CellFormulaValue), result: n } as ExcelJS.CellValue;
  }
}
