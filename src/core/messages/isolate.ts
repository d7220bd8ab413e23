/*
 * Sheet text inside a message is a run of unknown direction: a right-to-left override (U+202E) in a cell, or an
 * Arabic name followed by a number, would reorder the words after it. Such text is wrapped in a first-strong isolate
 * (FSI U+2068 … PDI U+2069), so the bidirectional algorithm lays it out on its own and the rest of the message in
 * logical order. Text of left-to-right and neutral characters only (Chinese, Latin, digits) cannot reorder an
 * left-to-right message and stays as it is, so that messages about ordinary sheets read the same everywhere.
 */

export const FSI = '\u2068';
export const PDI = '\u2069';
const PDF = '\u202c';

/** A bidi control (embedding, override, isolate, or their terminators) or a strong right-to-left character. */
const NEEDS_ISOLATION = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u061c\u202a-\u202e\u2066-\u2069\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether `text` can reorder what follows it in a left-to-right line. */
export function needsIsolation(text: string): boolean {
  return NEEDS_ISOLATION.test(text);
}

/**
 * `text` with its bidi controls paired, so that it cannot reach outside an isolate around it: a terminator without
 * its opener (PDF, PDI) is dropped, and every embedding, override or isolate left open is closed at the end.
 */
export function balanceBidi(text: string): string {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  const open: ('e' | 'i')[] = [];
  let out = '';
  for (const ch of text) {
    switch (ch) {
      case '\u202a': case '\u202b': case '\u202d': case '\u202e':
        open.push('e');
        break;
      case '\u2066': case '\u2067': case '\u2068':
        open.push('i');
        break;
      case PDF:
        if (open[open.length - 1] !== 'e') continue;
        open.pop();
        break;
      case PDI: {
        const at = open.lastIndexOf('i');
        if (at < 0) continue;
        // a PDI also closes the embeddings opened inside its isolate
        open.length = at;
        break;
      }
    }
    out += ch;
  }
  for (let i = open.length - 1; i >= 0; i--) out += open[i] === 'e' ? PDF : PDI;
  return out;
}

/** Sheet text for a message: isolated (FSI … PDI, its own controls paired) where it could reorder the message. */
export function isolate(text: string): string {
  return needsIsolation(text) ? `${FSI}${balanceBidi(text)}${PDI}` : text;
}

/** A piece of a message: plain message text, or sheet text that was isolated (without its FSI and PDI). */
export interface MessagePart {
  readonly text: string;
  readonly isolated: boolean;
}

/**
 * A message cut at its outermost isolates, for a view that shows each isolated piece in its own element (`<bdi>`)
 * rather than with the invisible FSI and PDI characters.
 */
export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let depth = 0;
  let inFsi = false;
  let start = 0;
  let i = 0;
  const push = (end: number, isolated: boolean) => {
    if (end > start) parts.push({ text: message.slice(start, end), isolated });
    start = end + 1;
  };
  for (const ch of message) {
    if (ch === FSI || ch === '\u2066' || ch === '\u2067') {
      if (depth === 0 && ch === FSI) {
        push(i, false);
        inFsi = true;
      }
      depth += 1;
    } else if (ch === PDI && depth > 0) {
      depth -= 1;
      if (depth === 0 && inFsi) {
        push(i, true);
        inFsi = false;
      }
    }
    i += ch.length;
  }
  // an isolate left open runs to the end
  push(message.length, inFsi);
  return parts;
}
