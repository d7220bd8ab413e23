import type { GridView } from '../grid';
import type { FundsColumnRole, IndicatorRole } from './types';
import { classifyLabel, inlineHeader, isTitleText, type HeaderRole, type LabelMeaning } from './labels';

/** A label cell (always a merge's top-left, so `col` is the merge's left column). */
export interface Hit {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly meaning: LabelMeaning;
  /** put there by a person's column map, whatever the text says */
  readonly mapped?: boolean;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** What one row holds, as far as the detector cares. */
export interface RowInfo {
  /** columns of non-empty cells that hold their own value (merge top-left or unmerged), ascending */
  readonly cols: number[];
  readonly hits: Hit[];
  readonly titles: CellRef[];
  readonly inline: { ref: CellRef; role: HeaderRole }[];
}

/** The label index of one sheet: built once, in one pass over the cells. */
export interface SheetScan {
  /** rows that hold anything, ascending */
  readonly rows: number[];
  readonly byRow: Map<number, RowInfo>;
}

// The loops over a row's labels run for every row of every sheet, once, in V8's interpreter and baseline code, where
// `for…of` costs an iterator call and result object per step: they index instead (docs/decisions.md, 117).
const FUNDS_ONLY: ReadonlySet<FundsColumnRole> = new Set<FundsColumnRole>(['initialBudget', 'budget', 'executed', 'rate']);
const REQUIRED: readonly IndicatorRole[] = ['target', 'actual', 'weight', 'score'];

/** One pass over a sheet: the label index (what each label cell means) and the non-empty rows, for detectForms. */
export function scanSheet(view: GridView): SheetScan {
  const rows: number[] = [];
  const byRow = new Map<number, RowInfo>();
  for (let r = view.top; r <= view.bottom; r++) {
    let info: RowInfo | undefined;
    for (let c = view.left; c <= view.right; c++) {
      const v = view.raw(r, c);
      if (v === null) continue;
      if (typeof v === 'string' && v.trim() === '') continue;
      const m = view.mergeOf(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      if (!info) {
        info = { cols: [], hits: [], titles: [], inline: [] };
        byRow.set(r, info);
        rows.push(r);
      }
      info.cols.push(c);
      if (typeof v !== 'string') continue;
      const meaning = classifyLabel(v);
      if (meaning) {
        info.hits.push({ row: r, col: c, text: v, meaning });
        continue;
      }
      if (isTitleText(v)) info.titles.push({ row: r, col: c, text: v });
      const role = inlineHeader(v);
      if (role) info.inline.push({ ref: { row: r, col: c, text: v }, role });
    }
  }
  return { rows, byRow };
}

/** Indicator roles of a row's labels, leftmost column for each. */
export function indicatorColumns(info: RowInfo): Partial<Record<IndicatorRole, number>> {
  const out: Partial<Record<IndicatorRole, number>> = {};
  const hits = info.hits;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const role = h.meaning.indicator;
    if (role && out[role] === undefined) out[role] = h.col;
  }
  return out;
}

/** How many labels of a row belong only to the funds block (年初预算数, 全年预算数, 全年执行数, 执行率). */
export function fundsOnlyCount(info: RowInfo): number {
  let n = 0;
  const hits = info.hits;
  for (let i = 0; i < hits.length; i++) if (hits[i].meaning.fundsColumn && FUNDS_ONLY.has(hits[i].meaning.fundsColumn as FundsColumnRole)) n++;
  return n;
}

/**
 * An indicator header: target + actual, or weight + score, or any three indicator roles one of which is
 * required (a partial header, so that HEADER_MISSING can name what is absent); never a funds header.
 */
export function isIndicatorHeader(info: RowInfo | undefined): boolean {
  if (!info || info.hits.length < 2) return false;
  if (fundsOnlyCount(info) > 0) return false;
  const cols = indicatorColumns(info);
  const has = (r: IndicatorRole): boolean => cols[r] !== undefined;
  if ((has('target') && has('actual')) || (has('weight') && has('score'))) return true;
  return Object.keys(cols).length >= 3 && REQUIRED.some(has);
}

/** A funds header: at least two funds column labels, one of them funds-only (年初预算数, 全年预算数, 全年执行数, 执行率). */
export function isFundsHeader(info: RowInfo | undefined): boolean {
  if (!info || fundsOnlyCount(info) === 0) return false;
  const roles = new Set<FundsColumnRole>();
  const hits = info.hits;
  for (let i = 0; i < hits.length; i++) {
    const role = hits[i].meaning.fundsColumn;
    if (role) roles.add(role);
  }
  return roles.size >= 2;
}

/** A row that begins a new form's upper part: a title, a 项目名称 label, a funds header or a goal label. */
export function isFormBoundary(info: RowInfo | undefined): boolean {
  if (!info) return false;
  if (info.titles.length > 0 || info.inline.some((i) => i.role === 'project')) return true;
  if (info.hits.some((h) => h.meaning.header === 'project' || h.meaning.goal !== undefined)) return true;
  return isFundsHeader(info);
}
