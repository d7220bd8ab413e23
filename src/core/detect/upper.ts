import type { GridView } from '../grid';
import type { FormLayout, FundsColumnRole, FundsLayout, FundsRowRole, Pos } from './types';
import { unitOf, yearOf, type HeaderRole } from './labels';
import { isFundsHeader, type Hit, type RowInfo, type SheetScan } from './scan';

/** Rows above a form's first label where its title may be (title, year line, unit line; one blank row more). */
const TITLE_REACH = 3;

/** Columns a form may use: the whole sheet, or its share of a row of forms placed side by side. */
export interface Window {
  readonly left: number;
  readonly right: number;
}

/** Non-empty rows in [from, to), ascending. */
export function rowsIn(scan: SheetScan, from: number, to: number): number[] {
  const rows = scan.rows;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < rows.length && rows[i] < to; i++) out.push(rows[i]);
  return out;
}

/** Hits of rows in [from, to), in row then column order. */
export function hitsIn(scan: SheetScan, from: number, to: number): Hit[] {
  const out: Hit[] = [];
  const rows = rowsIn(scan, from, to);
  for (let i = 0; i < rows.length; i++) {
    const hits = (scan.byRow.get(rows[i]) as RowInfo).hits;
    for (let k = 0; k < hits.length; k++) out.push(hits[k]);
  }
  return out;
}

function isFormLabel(h: Hit): boolean {
  const m = h.meaning;
  return m.header !== undefined || m.goal !== undefined || m.fundsBlock === true || m.fundsRow !== undefined || m.declaration !== undefined;
}

export interface UpperPart {
  start: number;
  rows: number[];
  title: Pos | null;
  /** the title's text ('' without a title) */
  titleText: string;
  year: string | null;
  header: Record<HeaderRole, Pos | null>;
  funds: FundsLayout | null;
  goal: FormLayout['goal'];
}

/** Title, year, header block, funds block and overall goal: everything between the previous form and the header row. */
export function upperPart(view: GridView, scan: SheetScan, above: number, headerRow: number, win: Window): UpperPart {
  const candidateRows = rowsIn(scan, above + 1, headerRow);
  let projectRow: number | null = null;
  let firstLabelRow: number | null = null;
  for (let k = 0; k < candidateRows.length; k++) {
    const r = candidateRows[k];
    const info = scan.byRow.get(r) as RowInfo;
    if (info.hits.some((h) => h.meaning.header === 'project') || info.inline.some((i) => i.role === 'project')) projectRow = r;
    if (firstLabelRow === null && (info.hits.some(isFormLabel) || isFundsHeader(info))) firstLabelRow = r;
  }
  // a title sits right above the form (a year or unit line may come between), not in a cover text far above it
  const anchorRow = projectRow ?? firstLabelRow ?? headerRow;
  let title: Pos | null = null;
  let titleText = '';
  for (const r of candidateRows.filter((x) => x < anchorRow && anchorRow - x <= TITLE_REACH + 1).slice(-TITLE_REACH)) {
    const t = (scan.byRow.get(r) as RowInfo).titles[0];
    if (t) { title = { row: t.row, col: t.col }; titleText = t.text; }
  }
  const start = title?.row ?? anchorRow;
  const hits = hitsIn(scan, start, headerRow);
  const rows: number[] = [];
  if (title) rows.push(title.row);

  const header: Record<HeaderRole, Pos | null> = { project: null, department: null, implementer: null };
  const seen = new Set<HeaderRole>();
  const headerRows = rowsIn(scan, start, headerRow);
  for (let k = 0; k < headerRows.length; k++) {
    const info = scan.byRow.get(headerRows[k]) as RowInfo;
    for (let j = 0; j < info.hits.length; j++) {
      const h = info.hits[j];
      const role = h.meaning.header;
      if (!role || seen.has(role)) continue;
      seen.add(role);
      header[role] = valueRightOf(view, scan, h, win.right);
      rows.push(h.row);
    }
    for (const i of info.inline) {
      if (seen.has(i.role)) continue;
      seen.add(i.role);
      header[i.role] = { row: i.ref.row, col: i.ref.col };
      rows.push(i.ref.row);
    }
  }

  const funds = fundsBlock(scan, start, headerRow, hits);
  if (funds) rows.push(funds.headerRow);
  const goal = goalBlock(view, scan, hits, headerRow, rows, win.right);

  const yearEnd = Math.min(projectRow ?? headerRow, funds?.headerRow ?? headerRow);
  let year: string | null = null;
  const yearRows = rowsIn(scan, start, yearEnd);
  for (let k = 0; k < yearRows.length; k++) {
    const r = yearRows[k];
    const cols = (scan.byRow.get(r) as RowInfo).cols;
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      if (title && r === title.row && c === title.col) continue;
      year = yearOf(view.text(r, c));
      if (year) { rows.push(r); break; }
    }
    if (year) break;
  }
  if (!year && title) year = yearOf(titleText);

  return { start, rows, title, titleText, year, header, funds, goal };
}

/**
 * The value cell of a header label: the first non-empty cell to its right (merges resolved). Another label
 * there means the value is missing (主管部门 left blank must not read the 实施单位 label or its value).
 */
export function valueRightOf(view: GridView, scan: SheetScan, h: Hit, right: number): Pos | null {
  const own = view.mergeOf(h.row, h.col);
  for (let c = (own ? own.right : h.col) + 1; c <= right; c++) {
    const a = view.anchor(h.row, c);
    if (view.isEmpty(a.row, a.col)) continue;
    return isLabelCell(scan, a.row, a.col) ? null : a;
  }
  return null;
}

export function isLabelCell(scan: SheetScan, row: number, col: number): boolean {
  const info = scan.byRow.get(row);
  if (!info) return false;
  return info.hits.some((h) => h.col === col) || info.titles.some((t) => t.col === col);
}

function fundsBlock(scan: SheetScan, start: number, headerRow: number, hits: Hit[]): FundsLayout | null {
  let fundsRow: number | null = null;
  const candidates = rowsIn(scan, start, headerRow);
  for (let k = 0; k < candidates.length; k++) {
    if (isFundsHeader(scan.byRow.get(candidates[k]))) { fundsRow = candidates[k]; break; }
  }
  if (fundsRow === null) return null;
  const columns: Partial<Record<FundsColumnRole, number>> = {};
  for (const h of (scan.byRow.get(fundsRow) as RowInfo).hits) {
    const role = h.meaning.fundsColumn;
    if (role && columns[role] === undefined) columns[role] = h.col;
  }
  const amountCols = [columns.initialBudget, columns.budget, columns.executed].filter((c): c is number => c !== undefined);
  const firstAmount = amountCols.length > 0 ? Math.min(...amountCols) : Infinity;
  const goalRow = hits.find((h) => h.meaning.goal !== undefined && h.row > (fundsRow as number))?.row ?? headerRow;

  const rows: Partial<Record<FundsRowRole, number>> = {};
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    const role = h.meaning.fundsRow;
    if (!role || h.row <= fundsRow || h.row >= goalRow || h.col >= firstAmount) continue;
    if (rows[role] === undefined) rows[role] = h.row;
  }

  const label = hits.find((h) => h.meaning.fundsBlock && h.row < goalRow && h.col < firstAmount);
  const unit = label ? unitOf(label.text) : null;
  return { headerRow: fundsRow, columns, rows, unit };
}

/** 年度总体目标: the cells below 预算目标 and 实际完成情况 (or right of them, when the labels are stacked). */
function goalBlock(view: GridView, scan: SheetScan, hits: Hit[], headerRow: number, rows: number[], right: number): FormLayout['goal'] {
  const target = hits.find((h) => h.meaning.goal === 'target');
  const actual = hits.find((h) => h.meaning.goal === 'actual');
  if (!target && !actual) return null;
  const label = hits.find((h) => h.meaning.goal === 'label');
  if (label) rows.push(label.row);
  for (const h of [target, actual]) if (h) rows.push(h.row);
  const cell = (h: Hit | undefined): Pos | null => (h ? goalValue(view, scan, h, headerRow, right) : null);
  return { target: cell(target), actual: cell(actual) };
}

export function goalValue(view: GridView, scan: SheetScan, h: Hit, headerRow: number, right: number): Pos | null {
  const own = view.mergeOf(h.row, h.col);
  const belowRow = (own ? own.bottom : h.row) + 1;
  const rightCol = (own ? own.right : h.col) + 1;
  const below = belowRow < headerRow ? view.anchor(belowRow, h.col) : null;
  const beside = rightCol <= right ? view.anchor(h.row, rightCol) : null;
  const belowOk = below !== null && !isLabelCell(scan, below.row, below.col);
  const besideOk = beside !== null && !isLabelCell(scan, beside.row, beside.col);
  if (belowOk && !view.isEmpty(below.row, below.col)) return below;
  if (besideOk && !view.isEmpty(beside.row, beside.col)) return beside;
  if (belowOk) return below;
  return null;
}
