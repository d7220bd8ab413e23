import { findingCells, parseA1, renderMessage, severityRank, type Finding, type Lang, type Severity } from '../core';
import type { SheetRead, Fill } from './read';

/** Soft fills by severity; a cell with several findings takes the most severe. */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: '#F8CBAD',
  warning: '#FFE699',
  info: '#DDEBF7',
};

/** A mark as remembered in the workbook, so that the next run can take it away. */
export interface MarkEntry {
  readonly cell: string;
  /** the colour we set */
  readonly color: string;
  /** the fill the cell had before (null: no fill) */
  readonly before: Fill;
  /** the note (or comment) text to add; records keep only its `noteId` (older records hold the text) */
  readonly note?: string;
  /** `noteId` of the note (or comment) we added, if any */
  readonly noteId?: string;
}

/**
 * A short fingerprint of a note's text (length and FNV-1a): the record of the marks lives in the workbook's
 * settings, which Office caps at 2 MB per add-in, and the texts themselves would take most of it.
 */
export function noteId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16).padStart(8, '0')}`;
}

/** The fingerprint of the note an entry (of a new or an older record) stands for. */
export function entryNoteId(e: MarkEntry): string | undefined {
  return e.noteId ?? (e.note !== undefined ? noteId(e.note) : undefined);
}

/** The entry as the record keeps it: the note's fingerprint instead of its text. */
export function recorded(e: MarkEntry): MarkEntry {
  const { note, ...rest } = e;
  return note === undefined ? rest : { ...rest, noteId: noteId(note) };
}

export interface MarkRecord {
  readonly v: 1;
  readonly sheets: Readonly<Record<string, readonly MarkEntry[]>>;
}

export const MARK_KEY = 'ziping.marks';
export const NOTE_PREFIX = '【绩效自评】';

export function parseMarkRecord(v: unknown): MarkRecord {
  const r = v as MarkRecord | null;
  if (!r || r.v !== 1 || typeof r.sheets !== 'object') return { v: 1, sheets: {} };
  return r;
}

/** The marks the findings ask for on one sheet: cell → colour and note text. */
export function wantedMarks(findings: readonly Finding[], sheet: string, lang: Lang): Map<string, { color: string; note: string }> {
  const by = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    // a finding that names several cells of a row marks each of them
    for (const cell of findingCells(f)) {
      if (!/^[A-Z]{1,3}\d+$/.test(cell)) continue;
      const list = by.get(cell) ?? [];
      list.push(f);
      by.set(cell, list);
    }
  }
  const out = new Map<string, { color: string; note: string }>();
  for (const [cell, fs] of by) {
    fs.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    const text = fs.map((f) => renderMessage(f, lang)).join('\n');
    out.set(cell, { color: MARK_COLORS[fs[0].severity], note: (NOTE_PREFIX + text).slice(0, 4000) });
  }
  return out;
}

/** The fill of a cell as read, or undefined when the cell lies outside what was read. */
export function readFill(s: SheetRead, a1: string): Fill | undefined {
  if (!s.fills) return undefined;
  const p = parseA1(a1);
  const row = s.fills[p.row - s.grid.origin.row];
  if (!row || p.col - s.grid.origin.col < 0 || p.col - s.grid.origin.col >= row.length) return undefined;
  return row[p.col - s.grid.origin.col];
}

export interface MarkChange {
  /** restore these (the cell still shows our colour): null = clear the fill */
  readonly restore: { cell: string; fill: Fill }[];
  readonly paint: { cell: string; color: string }[];
  readonly entries: MarkEntry[];
}

/**
 * Decides the fills: old marks whose cell still shows our colour go back to what they had; new marks remember
 * the fill the cell had before any of our marks. Cells whose fill is unknown are left alone.
 */
export function planFills(s: SheetRead, old: readonly MarkEntry[], wanted: Map<string, { color: string; note: string }>, notes: Set<string>): MarkChange {
  const restore: MarkChange['restore'] = [];
  const paint: MarkChange['paint'] = [];
  const entries: MarkEntry[] = [];
  const original = new Map<string, Fill>();
  for (const e of old) {
    const cur = readFill(s, e.cell);
    if (cur === undefined) continue;
    if (cur === e.color.toUpperCase()) {
      original.set(e.cell, e.before);
      if (!wanted.has(e.cell)) restore.push({ cell: e.cell, fill: e.before });
    }
  }
  for (const [cell, m] of wanted) {
    const cur = readFill(s, cell);
    if (cur === undefined) continue;
    const before = original.has(cell) ? original.get(cell)! : cur;
    paint.push({ cell, color: m.color });
    entries.push({ cell, color: m.color, before, ...(notes.has(cell) ? { note: m.note } : {}) });
  }
  return { restore, paint, entries };
}
