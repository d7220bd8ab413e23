import { D, eq, ONE, type Dec } from '../decimal';
import { classifyQualitative } from './classify';
import { magnitudeAt, NUM_GLOBAL, numberAt, prepare } from './lex';
import type { Actual, Measure, MeasureNote, QualitativeClass, Quantity, Target } from './types';
import { completionDateOf, deadlineOf, onOrBefore } from './dates';
import { convertUnit, unitsConvertibleTo } from './units';

type NumericTarget = Exclude<Target, { kind: 'rank' } | { kind: 'qualitative' }>;

interface Reference {
  readonly unit: string;
  readonly magnitude: Dec;
  readonly low: Dec;
  readonly high: Dec;
}

function referenceOf(t: NumericTarget): Reference {
  if (t.kind === 'range') {
    const magnitude = eq(t.high.magnitude, ONE) ? t.low.magnitude : t.high.magnitude;
    return { unit: t.high.unit, magnitude, low: t.low.value, high: t.high.value };
  }
  const q: Quantity = t.quantity;
  return { unit: q.unit, magnitude: q.magnitude, low: q.value, high: q.value };
}

/**
 * The actual read against its target (SPEC §3). A number without unit takes the target's unit. A bare number
 * against a target written with 万/亿 is read at the scale nearer the target (a `scaleGuess` note, always); a bare
 * number against a percentage is percent points unless reading it as a fraction (×100) is nearer the target (then
 * a `scaleGuess` note with magnitude 100); a number cell with a `%` format is never guessed. Text or an actual with
 * its own comparator gives its number when exactly one number in it carries the target's unit (any number for a
 * target without unit): a `fromText` note. Rank targets take `前三`, `第2名` or a whole number; qualitative targets
 * get the class of the actual's text.
 */
export function measure(target: Target, actual: Actual): Measure {
  if (actual.kind === 'empty') return { ok: false, reason: 'empty' };
  if (actual.kind === 'error') return { ok: false, reason: 'unparsed', detail: actual.code };
  if (target.kind === 'qualitative') return { ok: true, kind: 'class', cls: qualitativeClass(target.text, actual.text), notes: [] };
  if (target.kind === 'rank') return measureRank(actual);
  return measureNumber(target, actual);
}

/**
 * A qualitative actual against its target: a completion date against a deadline (`2021年12月底前` vs `2021年11月30日`:
 * on or before it is achieved, after it not achieved); the target's own words repeated (`无负面影响` vs `无负面影响`)
 * achieved; otherwise the vocabulary.
 */
function qualitativeClass(target: string, actual: string): QualitativeClass {
  const deadline = deadlineOf(target);
  const done = deadline ? completionDateOf(actual) : null;
  if (deadline && done) return onOrBefore(done, deadline) ? 'achieved' : 'notAchieved';
  const a = prepare(actual);
  if (a !== '' && a === prepare(target)) return 'achieved';
  return classifyQualitative(actual);
}

function measureRank(actual: Exclude<Actual, { kind: 'empty' } | { kind: 'error' }>): Measure {
  if (actual.kind === 'rank') return { ok: true, kind: 'rank', rank: actual.rank, notes: [] };
  if (actual.kind === 'number') {
    const q = actual.quantity;
    if (['', '名', '位'].includes(q.unit) && q.value.isInteger() && q.value.gte(1)) {
      return { ok: true, kind: 'rank', rank: q.value, notes: [] };
    }
  }
  return { ok: false, reason: 'unparsed', detail: actual.text };
}

function measureNumber(target: NumericTarget, actual: Exclude<Actual, { kind: 'empty' } | { kind: 'error' }>): Measure {
  const ref = referenceOf(target);
  if (actual.kind === 'rank') return { ok: false, reason: 'unparsed', detail: actual.text };
  if (actual.kind === 'text') return fromText(actual.text, ref);
  const q = actual.quantity;
  if (actual.unitGiven) {
    const v = convertUnit(q.value, q.unit, ref.unit);
    if (!v) return { ok: false, reason: 'unitMismatch', detail: `${q.unit}≠${ref.unit}` };
    return { ok: true, kind: 'number', value: v, notes: [] };
  }
  if (ref.unit === '' || !eq(q.magnitude, ONE)) return { ok: true, kind: 'number', value: q.value, notes: [] };
  if (!eq(ref.magnitude, ONE)) {
    const scaled = q.value.times(ref.magnitude);
    const useScaled = nearer(scaled, q.value, ref);
    const value = useScaled ? scaled : q.value;
    const magnitude = useScaled ? ref.magnitude : ONE;
    return { ok: true, kind: 'number', value, notes: [{ kind: 'scaleGuess', value, unit: ref.unit, magnitude }] };
  }
  if (ref.unit === '%' && !q.value.isZero() && (q.value.abs().lte(1) || !q.value.isInteger())) {
    const scaled = q.value.times(100);
    if (nearer(scaled, q.value, ref)) {
      const note: MeasureNote = { kind: 'scaleGuess', value: scaled, unit: '%', magnitude: new D(100) };
      return { ok: true, kind: 'number', value: scaled, notes: [note] };
    }
  }
  return { ok: true, kind: 'number', value: q.value, notes: [] };
}

/** |ln| distance from b to the interval [low, high] over its positive ends; null when it cannot be told. */
function distance(b: Dec, ref: Reference): Dec | null {
  if (b.lte(0)) return null;
  if (b.gte(ref.low) && b.lte(ref.high)) return new D(0);
  const ends = [ref.low, ref.high].filter((e) => e.gt(0));
  if (ends.length === 0) return null;
  return ends.map((e) => b.dividedBy(e).ln().abs()).reduce((a, c) => (c.lt(a) ? c : a));
}

/** True when `candidate` is strictly nearer the target than `literal`; ties keep the literal reading. */
function nearer(candidate: Dec, literal: Dec, ref: Reference): boolean {
  const dc = distance(candidate, ref);
  const dl = distance(literal, ref);
  return dc !== null && dl !== null && dc.lt(dl);
}

const APPROX_BEFORE = ['大约', '大概', '将近', '接近', '约', '近', '逾'];
const APPROX_AFTER = ['左右', '上下', '余', '多'];

interface Found {
  readonly piece: string;
  readonly value: Dec;
  readonly approximate: boolean;
}

function fromText(text: string, ref: Reference): Measure {
  const s = prepare(text);
  const units = ref.unit === '' ? [] : unitsConvertibleTo(ref.unit);
  const found: Found[] = [];
  for (const m of s.matchAll(NUM_GLOBAL)) {
    const start = m.index ?? 0;
    const num = numberAt(s, start);
    if (!num) continue;
    const mag = magnitudeAt(s, num.end);
    let at = mag.end;
    let approximate = APPROX_BEFORE.some((w) => s.slice(0, start).endsWith(w));
    const between = APPROX_AFTER.find((w) => s.startsWith(w, at));
    if (between) {
      approximate = true;
      at += between.length;
    }
    const value = num.value.times(mag.magnitude);
    if (ref.unit === '') {
      found.push({ piece: s.slice(start, at), value, approximate });
      continue;
    }
    const u = units.find((x) => s.startsWith(x, at));
    if (u === undefined) continue;
    const end = at + u.length;
    if (APPROX_AFTER.some((w) => s.startsWith(w, end))) approximate = true;
    const converted = convertUnit(value, u, ref.unit);
    if (converted) found.push({ piece: s.slice(start, end), value: converted, approximate });
  }
  if (found.length !== 1) {
    return { ok: false, reason: 'unparsed', detail: found.length === 0 ? 'noNumber' : 'ambiguous' };
  }
  const f = found[0];
  if (f.approximate) return { ok: false, reason: 'unparsed', detail: 'approximate' };
  const note: MeasureNote = { kind: 'fromText', text: f.piece, value: f.value, unit: ref.unit };
  return { ok: true, kind: 'number', value: f.value, notes: [note] };
}
