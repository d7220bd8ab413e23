import type { Report } from '../core';
import { jsonSafe } from './terminal';

/** Stands for the forms in the head; JSON.stringify writes it as `"\u0000"`, a text no path or name gives. */
const PLACEHOLDER = '\u0000';
const PLACEHOLDER_LINE = `\n    ${JSON.stringify(PLACEHOLDER)}\n`;

/**
 * The `--json` report exactly as `JSON.stringify(report, null, 2)` writes it (docs/report-json.md), made safe for a
 * terminal (jsonSafe), in pieces that join to it: the head, one piece per form, the tail. Each piece is made when
 * it is asked for, so a writer that writes each one at once keeps only the piece it writes.
 *
 * Why pieces: the whole report of 200 forms is one string of 1.3 million characters, two bytes each, which V8 builds
 * from parts and must copy whole before it can be written. That copy and the fresh memory it takes were about 20 ms
 * of a 500 ms check (decision 118). Made all at once, the pieces still lived until written: 2.4 MB that V8's young
 * generation copied twice before keeping it (decision 122). Each form's piece is JSON.stringify of `[[form]]`, whose
 * form sits at the same depth as in the report, with the two brackets cut off.
 */
export function* reportJsonChunks(report: Report): Generator<string, void, undefined> {
  if (report.forms.length === 0) {
    yield jsonSafe(JSON.stringify(report, null, 2));
    return;
  }
  const head = JSON.stringify({ ...report, forms: [PLACEHOLDER] }, null, 2);
  // `forms` is the report's last key: its one element is on the line before the closing `  ]`
  const at = head.lastIndexOf(PLACEHOLDER_LINE);
  if (at < 0) throw new Error('report JSON: forms placeholder not found');
  yield jsonSafe(head.slice(0, at + 1));
  const n = report.forms.length;
  for (let i = 0; i < n; i++) {
    const wrapped = JSON.stringify([[report.forms[i]]], null, 2);
    // `[\n  [\n` before the form and `\n  ]\n]` after it
    yield jsonSafe(wrapped.slice(6, wrapped.length - 6)) + (i < n - 1 ? ',\n' : '');
  }
  yield jsonSafe(head.slice(at + PLACEHOLDER_LINE.length - 1));
}
