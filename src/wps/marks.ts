/**
 * Marks in WPS: a soft fill by severity and a 批注 (cell comment) with the messages, as the Excel host marks with
 * fills and notes. WPS has no threaded comments; its 批注 are the classic comments (`Range.AddComment`). The record
 * of what was marked (colour set, fill before, whether a comment was added) lives in the store sheet, so that the
 * next check takes the marks away. A cell whose fill a person changed since, or whose comment is a person's, is
 * left alone.
 */
import { findingCells, renderMessage, severityRank, type Finding, type Lang, type Severity } from '../core';
import { bgrOf, hexOf, XL_NONE, type EtRangeLike, type EtWorksheetLike } from './et-like';

export const WPS_MARK_COLORS: Readonly<Record<Severity, string>> = { error: '#F8CBAD', warning: '#FFE699', info: '#DDEBF7' };
export const COMMENT_PREFIX = '【绩效自评】';

export interface WpsMark {
  readonly cell: string;
  readonly color: string;
  /** the fill before our first mark (null: none) */
  readonly before: string | null;
  /** we added a comment there */
  readonly comment: boolean;
}

export interface WpsMarkRecord {
  readonly v: 1;
  readonly sheets: Readonly<Record<string, readonly WpsMark[]>>;
}

export function parseMarks(v: unknown): WpsMarkRecord {
  const r = v as WpsMarkRecord | null;
  return r && r.v === 1 && typeof r.sheets === 'object' && r.sheets !== null ? r : { v: 1, sheets: {} };
}

/** The marks the findings ask for on one sheet: cell → colour and comment text. */
export function wanted(findings: readonly Finding[], sheet: string, lang: Lang): Map<string, { color: string; text: string }> {
  const by = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    // a finding that names several cells of a row marks each of them
    for (const cell of findingCells(f)) if (/^[A-Z]{1,3}\d+$/.test(cell)) by.set(cell, [...(by.get(cell) ?? []), f]);
  }
  const out = new Map<string, { color: string; text: string }>();
  for (const [cell, fs] of by) {
    fs.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    out.set(cell, { color: WPS_MARK_COLORS[fs[0].severity], text: (COMMENT_PREFIX + fs.map((f) => renderMessage(f, lang)).join('\n')).slice(0, 4000) });
  }
  return out;
}

function fillOf(r: EtRangeLike): string | null {
  const i = r.Interior;
  if (i.Pattern === XL_NONE) return null;
  const c = i.Color;
  return c === null ? null : hexOf(c);
}

function setFill(r: EtRangeLike, fill: string | null): void {
  if (fill === null) r.Interior.Pattern = XL_NONE;
  else r.Interior.Color = bgrOf(fill);
}

/** Whether the cell's comment is one of ours. */
function ourComment(r: EtRangeLike): boolean {
  const c = r.Comment;
  // no comment: null (VBA's Nothing); undefined is taken the same way
  return c != null && String(c.Text()).startsWith(COMMENT_PREFIX);
}

/**
 * Takes the old marks of one sheet away and sets the wanted ones; returns the sheet's new record. `comments`: add
 * comments (false after WPS refused one).
 */
export function markSheet(ws: EtWorksheetLike, old: readonly WpsMark[], want: Map<string, { color: string; text: string }>, comments: boolean): WpsMark[] {
  const ranges = new Map<string, EtRangeLike>();
  const at = (cell: string) => {
    let r = ranges.get(cell);
    if (!r) ranges.set(cell, (r = ws.Range(cell)));
    return r;
  };
  const original = new Map<string, string | null>();
  const shown = new Map<string, string>();
  for (const m of old) {
    const r = at(m.cell);
    const now = fillOf(r);
    if (now === m.color.toUpperCase()) {
      original.set(m.cell, m.before);
      shown.set(m.cell, now);
      if (!want.has(m.cell)) setFill(r, m.before);
    }
    if (m.comment && ourComment(r)) r.Comment!.Delete();
  }
  const out: WpsMark[] = [];
  for (const [cell, w] of want) {
    const r = at(cell);
    const before = original.has(cell) ? original.get(cell)! : fillOf(r);
    if (shown.get(cell) !== w.color.toUpperCase()) setFill(r, w.color);
    let comment = false;
    if (comments && r.Comment == null) {
      r.AddComment(w.text);
      comment = true;
    }
    out.push({ cell, color: w.color, before, comment });
  }
  return out;
}
