import { useEffect, useMemo, useState } from 'react';
import {
  ColumnMapError, columnLetters, MAPPABLE_ROLES, parseA1, parseColumnMap, parseRangeA1, toA1, type ColumnMap, type ColumnMapEntry, type FormResult,
} from '../../../core';
import type { ColumnMapText, MapRole } from '../../../app';
import type { SelectedCell } from '../../../host';
import { errorStatus } from '../../useZiping';
import type { ColumnMapProps, ColumnMapState, MapGap, MapPick } from './ColumnMap.types';

/** The forms whose header was found with roles missing, from their HEADER_MISSING finding. */
export function gapsOf(forms: readonly FormResult[]): MapGap[] {
  const out: MapGap[] = [];
  for (const form of forms) {
    const f = form.findings.find((x) => x.code === 'HEADER_MISSING');
    if (!f) continue;
    const roles = String(f.params.roles ?? '').split(',').filter((r): r is MapRole => (MAPPABLE_ROLES as readonly string[]).includes(r));
    out.push({ form, sheet: form.sheet, headerRow: parseA1(f.cell).row, roles });
  }
  return out;
}

/**
 * Which form a selection points into, and where: the selection must be one header cell (a merged cell may span
 * the two rows of a two-row header) of a form of `gaps`. Returns the reason in the person's words otherwise.
 */
export function placeSelection(sel: SelectedCell, gaps: readonly MapGap[], t: ColumnMapText): { gap: MapGap; row: number; col: number } | string {
  let r;
  try {
    r = parseRangeA1(sel.address);
  } catch {
    return t.notOneCell(sel.address);
  }
  if (r.bottom - r.top > 1) return t.notOneCell(sel.address);
  const cell = toA1(r.top, r.left);
  const onSheet = gaps.filter((g) => g.sheet.toLowerCase() === sel.sheet.toLowerCase());
  if (onSheet.length === 0) return t.wrongSheet(sel.sheet, gaps[0]?.sheet ?? '');
  const inHeader = onSheet.filter((g) => r.bottom >= g.headerRow && r.top <= g.headerRow + 1);
  if (inHeader.length === 0) return t.notHeader(cell, onSheet.map((g) => `${g.headerRow + 1}–${g.headerRow + 2}`).join('、'));
  const gap = inHeader.find((g) => {
    const range = parseRangeA1(g.form.range);
    return r.left >= range.left && r.left <= range.right;
  });
  if (!gap) return t.outside(cell, inHeader[0].form.range);
  return { gap, row: Math.min(r.bottom, gap.headerRow + 1), col: r.left };
}

/**
 * The stored map with the picks put in: per form, one entry at the lowest row pointed at (a two-row header's lower
 * row, where labels merged down are found too), keeping what an older entry of that header said for other columns
 * and roles. Throws ColumnMapError when the result is no map.
 */
export function mergeMap(stored: ColumnMap | null, picks: readonly MapPick[]): ColumnMap {
  let forms: ColumnMapEntry[] = [...(stored?.forms ?? [])];
  for (const gap of new Set(picks.map((p) => p.gap))) {
    const mine = picks.filter((p) => p.gap === gap);
    const inHeader = (e: ColumnMapEntry) => e.sheet === gap.sheet && e.headerRow - 1 >= gap.headerRow && e.headerRow - 1 <= gap.headerRow + 1;
    const columns: Record<string, MapRole> = {};
    for (const e of forms.filter(inHeader)) Object.assign(columns, e.columns);
    for (const p of mine) {
      for (const [c, role] of Object.entries(columns)) if (role === p.role) delete columns[c];
      columns[columnLetters(p.col)] = p.role;
    }
    const headerRow = Math.max(...mine.map((p) => p.row), ...forms.filter(inHeader).map((e) => e.headerRow - 1)) + 1;
    forms = [...forms.filter((e) => !inHeader(e)), { sheet: gap.sheet, headerRow, columns }];
  }
  return parseColumnMap({ forms });
}

export function useColumnMap({ forms, stored, strings, lang, selectedCell, onSave }: ColumnMapProps): ColumnMapState {
  const t = strings.columnMap;
  const gaps = useMemo(() => gapsOf(forms), [forms]);
  const [picks, setPicks] = useState<MapPick[]>([]);
  const [note, setNote] = useState<ColumnMapState['note']>(null);
  const roles = useMemo(() => {
    const missing = [...new Set(gaps.flatMap((g) => g.roles))];
    return [...missing, ...MAPPABLE_ROLES.filter((r) => !missing.includes(r))];
  }, [gaps]);
  const nextRole = (done: readonly MapPick[]) => roles.find((r) => gaps.some((g) => g.roles.includes(r) && !done.some((p) => p.gap === g && p.role === r))) ?? roles[0];
  const [role, setRole] = useState<MapRole>(() => nextRole([]));
  // a new check brings new forms: the picks of the old ones no longer apply
  useEffect(() => {
    setPicks([]);
    setRole(nextRole([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gaps]);

  const takeSelection = async () => {
    let sel: SelectedCell;
    try {
      sel = await selectedCell();
    } catch (e) {
      setNote({ intent: 'error', text: errorStatus(e).text(strings) });
      return;
    }
    const placed = placeSelection(sel, gaps, t);
    if (typeof placed === 'string') {
      setNote({ intent: 'error', text: placed });
      return;
    }
    const pick: MapPick = { gap: placed.gap, role, row: placed.row, col: placed.col, cell: toA1(placed.row, placed.col) };
    const next = [...picks.filter((p) => p.gap !== pick.gap || (p.role !== pick.role && p.col !== pick.col)), pick];
    setPicks(next);
    setNote({ intent: 'success', text: t.picked(t.role[role], `${sel.sheet}!${pick.cell}`) });
    setRole(nextRole(next));
  };

  const save = async () => {
    let map: ColumnMap;
    try {
      map = mergeMap(stored?.map ?? null, picks);
    } catch (e) {
      setNote({ intent: 'error', text: e instanceof ColumnMapError ? (lang === 'en-US' ? e.messageEn : e.message) : String(e) });
      return;
    }
    if (await onSave(map)) setNote({ intent: 'success', text: t.saved });
  };

  const clear = async () => {
    if (await onSave(null)) setNote({ intent: 'success', text: t.cleared });
  };

  const remove = (p: MapPick) => setPicks((list) => list.filter((x) => x !== p));

  return { gaps, roles, role, setRole, picks, note, takeSelection, remove, save, clear };
}
