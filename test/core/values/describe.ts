import type { Actual, Measure, Quantity, Target } from '../../../src/core/values';

/** Compact, exact text of parser results so that tables stay readable: `atLeast 65场`, `range 80..90%`. */
export function q(x: Quantity): string {
  const mag = x.magnitude.eq(1) ? '' : ` @${x.magnitude.toFixed()}`;
  return `${x.value.toFixed()}${x.unit}${mag}`;
}

export function describeTarget(t: Target): string {
  switch (t.kind) {
    case 'qualitative':
      return t.malformed ? 'qualitative malformed' : 'qualitative';
    case 'rank':
      return `rank ${t.rank.toFixed()}`;
    case 'range':
      return `range ${q(t.low)}..${q(t.high)}`;
    default:
      return `${t.kind} ${q(t.quantity)}`;
  }
}

export function describeActual(a: Actual): string {
  switch (a.kind) {
    case 'empty':
      return 'empty';
    case 'error':
      return `error ${a.code}`;
    case 'number':
      return `number ${q(a.quantity)}${a.unitGiven ? '' : ' bare'}`;
    case 'rank':
      return `rank ${a.rank.toFixed()}`;
    case 'text':
      return 'text';
  }
}

export function describeMeasure(m: Measure): string {
  if (!m.ok) return m.reason;
  const notes = m.notes
    .map((n) =>
      n.kind === 'fromText'
        ? ` fromText(${n.text})`
        : ` scaleGuess(${n.value.toFixed()}${n.unit} x${n.magnitude.toFixed()})`,
    )
    .join('');
  switch (m.kind) {
    case 'number':
      return `number ${m.value.toFixed()}${notes}`;
    case 'rank':
      return `rank ${m.rank.toFixed()}${notes}`;
    case 'class':
      return `class ${m.cls}${notes}`;
  }
}
