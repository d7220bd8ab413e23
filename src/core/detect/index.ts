import type { CellRange, GridView } from '../grid';
import type {
  FormLayout, IndicatorLayout, IndicatorRole, Pos, TotalLayout,
} from './types';
import { classifyLabel } from './labels';
import { hitsIn, upperPart, type Window } from './upper';
import { declarationColumns, declarationLayout, formKind } from './declaration';
import {
  indicatorColumns, isFormBoundary, isFundsHeader, isIndicatorHeader, scanSheet, type Hit, type RowInfo, type SheetScan,
} from './scan';

export { normalizeLabel, labelKey, LABEL_SYNONYMS } from './labels';
export type { LabelMeaning } from './labels';

/** Empty rows in a row that end a form with no 总分 row. */
const EMPTY_RUN_END = 3;
const REQUIRED: readonly IndicatorRole[] = ['target', 'actual', 'weight', 'score'];
/** A declaration needs its indicators' names and targets; it has no actual, 分值 or 得分. */
const DECLARATION_REQUIRED: readonly IndicatorRole[] = ['level3', 'target'];

/**
 * Finds every 自评表 on a sheet by its labels (SPEC §2): a form may start anywhere, several may be stacked,
 * labels may carry spaces, line breaks and full-width forms, merged areas are resolved through the view.
 * Never throws on sheet data; a sheet with no indicator header gives `[]`. One pass builds the label index;
 * the rest is linear in the rows the forms occupy.
 */
export function detectForms(view: GridView, mapped: readonly MappedHeader[] = []): FormLayout[] {
  const scan = scanSheet(view);
  for (const m of mapped) applyMapping(view, scan, m);
  const forms: FormLayout[] = [];
  let prevEnd = view.top - 1;
  // indexed loops on the paths that run per row or per label (see detect/scan.ts)
  for (let k = 0; k < scan.rows.length; k++) {
    const row = scan.rows[k];
    if (row <= prevEnd) continue;
    const header = headerAt(view, scan, row);
    if (!header) continue;
    let bottom = prevEnd;
    for (const w of sideBySide(view, header.info)) {
      const s = w.left === view.left && w.right === view.right ? scan : windowed(scan, w.left, w.right);
      const h = w.left === view.left && w.right === view.right ? header : headerAt(view, s, row);
      if (!h) continue;
      const form = buildForm(view, s, h, prevEnd, w);
      if (!isForm(form)) continue;
      forms.push(form);
      bottom = Math.max(bottom, form.range.bottom);
    }
    prevEnd = Math.max(prevEnd, bottom);
  }
  return forms;
}

/** A person's column map for one header row (0-based): column → role, used where the labels say otherwise or nothing. */
export interface MappedHeader {
  readonly headerRow: number;
  readonly columns: ReadonlyMap<number, IndicatorRole>;
}

/** The mapped roles put into the label index of the header row: the map wins over a label of the same role elsewhere. */
function applyMapping(view: GridView, scan: SheetScan, m: MappedHeader): void {
  const row = m.headerRow;
  let info = scan.byRow.get(row);
  if (!info) {
    info = { cols: [], hits: [], titles: [], inline: [] };
    scan.byRow.set(row, info);
    scan.rows.push(row);
    scan.rows.sort((a, b) => a - b);
  }
  const roles = new Set(m.columns.values());
  const mappedCols = new Set([...m.columns.keys()].map((c) => view.anchor(row, c).col));
  const kept = info.hits.filter((h) => !mappedCols.has(h.col) && !(h.meaning.indicator && roles.has(h.meaning.indicator)));
  info.hits.length = 0;
  info.hits.push(...kept);
  for (const [c, role] of m.columns) {
    const a = view.anchor(row, c);
    info.hits.push({ row, col: a.col, text: view.text(a.row, a.col), meaning: { indicator: role }, mapped: true });
    if (!info.cols.includes(a.col)) info.cols.push(a.col);
  }
  info.hits.sort((x, y) => x.col - y.col);
  info.cols.sort((x, y) => x - y);
}

/** The indicator header at `row`: the row's own labels, completed from the row below when the header is drawn over two rows. */
interface Header {
  readonly row: number;
  /** last row of the header (the body starts below it) */
  readonly bottom: number;
  readonly info: RowInfo;
}

/** Longest text read as a header label piece (`年度` over `指标值`). */
const MAX_PIECE = 48;

function headerAt(view: GridView, scan: SheetScan, row: number): Header | null {
  const info = scan.byRow.get(row) as RowInfo;
  const band = headerBand(view, scan, row);
  const own = isIndicatorHeader(info) ? Object.keys(indicatorColumns(info)).length : 0;
  if (band && isIndicatorHeader(band) && Object.keys(indicatorColumns(band)).length > own) {
    return { row, bottom: Math.max(row + 1, mergeBottom(view, band)), info: band };
  }
  return own > 0 ? { row, bottom: mergeBottom(view, info), info } : null;
}

function mergeBottom(view: GridView, info: RowInfo): number {
  let bottom = -Infinity;
  for (let k = 0; k < info.hits.length; k++) {
    const h = info.hits[k];
    bottom = Math.max(bottom, view.mergeOf(h.row, h.col)?.bottom ?? h.row);
  }
  return bottom;
}

/**
 * The labels of a header drawn over `row` and the row below, as budget-system exports draw it: labels merged over both
 * rows, a group label over its parts, or one label cut in two (`年度` over `指标值`). Each column reads the two texts
 * joined, else the lower one alone. Null unless the row itself holds an indicator label; null when the row below
 * holds anything but short text (it is then the first indicator row), is a funds header, or adds no label.
 */
function headerBand(view: GridView, scan: SheetScan, row: number): RowInfo | null {
  const upper = scan.byRow.get(row);
  const lower = scan.byRow.get(row + 1);
  if (!upper || !lower || isFundsHeader(lower) || !upper.hits.some((h) => h.meaning.indicator)) return null;
  for (const c of lower.cols) {
    if (lower.hits.some((h) => h.col === c && h.mapped)) continue;
    const v = view.raw(row + 1, c);
    if (typeof v !== 'string' || v.length > MAX_PIECE) return null;
  }
  const hits: Hit[] = [];
  let added = false;
  const cols = [...new Set([...upper.cols, ...lower.cols])].sort((a, b) => a - b);
  for (const c of cols) {
    const top = view.anchor(row, c);
    const own = lower.cols.includes(c);
    const upperHit = upper.hits.find((h) => h.col === c);
    if (!own) {
      if (upperHit) hits.push(upperHit);
      continue;
    }
    const pieces = top.row === row ? view.text(top.row, top.col).trim() : '';
    const part = view.text(row + 1, c).trim();
    const joined = pieces !== '' && top.col === c ? `${pieces}${part}` : null;
    // a column the map names on the lower row (a label merged down over both rows included) keeps its mapped role
    let hit: Hit | null = lower.hits.find((h) => h.col === c && h.mapped) ?? null;
    for (const text of hit ? [] : joined ? [joined, part] : [part]) {
      const meaning = classifyLabel(text);
      if (meaning?.indicator) {
        hit = { row: row + 1, col: c, text, meaning };
        break;
      }
    }
    if (hit) {
      hits.push(hit);
      added = true;
    } else if (upperHit) {
      hits.push(upperHit);
    }
  }
  if (!added) return null;
  return { cols, hits, titles: [], inline: [] };
}

/**
 * Forms placed side by side share their header row: each indicator role appears once per form. The row is cut where a
 * role comes again, and each part that names all four required columns is a form of its own, in the columns from the
 * end of the previous part. One window (the whole sheet) otherwise.
 */
function sideBySide(view: GridView, info: RowInfo): Window[] {
  const whole: Window[] = [{ left: view.left, right: view.right }];
  const parts: Hit[][] = [[]];
  for (const h of [...info.hits].sort((a, b) => a.col - b.col)) {
    const role = h.meaning.indicator;
    if (!role) continue;
    const cur = parts[parts.length - 1];
    if (cur.some((x) => x.meaning.indicator === role)) parts.push([h]);
    else cur.push(h);
  }
  if (parts.length < 2) return whole;
  const complete = (p: Hit[]) => REQUIRED.every((r) => p.some((h) => h.meaning.indicator === r));
  if (!parts.every(complete)) return whole;
  const windows: Window[] = [];
  let left = view.left;
  parts.forEach((p, i) => {
    const end = Math.max(...p.map((h) => view.mergeOf(h.row, h.col)?.right ?? h.col));
    const right = i === parts.length - 1 ? view.right : end;
    windows.push({ left, right });
    left = right + 1;
  });
  return windows;
}

/** The scan with only the cells in columns [left, right]. */
function windowed(scan: SheetScan, left: number, right: number): SheetScan {
  const rows: number[] = [];
  const byRow = new Map<number, RowInfo>();
  const inside = (c: number) => c >= left && c <= right;
  for (const r of scan.rows) {
    const info = scan.byRow.get(r) as RowInfo;
    const cols = info.cols.filter(inside);
    if (cols.length === 0) continue;
    rows.push(r);
    byRow.set(r, {
      cols,
      hits: info.hits.filter((h) => inside(h.col)),
      titles: info.titles.filter((t) => inside(t.col)),
      inline: info.inline.filter((i) => inside(i.ref.col)),
    });
  }
  return { rows, byRow };
}

/**
 * A header that lacks the target or the actual column is a form only with something else a form has (a title, 项目名称,
 * a funds block, the overall goal or a 总分 row): a lookup list of 一级指标 / 分值 / 得分 on a hidden sheet is not one.
 */
function isForm(f: FormLayout): boolean {
  if (f.kind === 'declaration') return f.missing.length === 0 || f.title !== null || f.project !== null;
  if (!f.missing.includes('target') && !f.missing.includes('actual')) return true;
  return f.title !== null || f.project !== null || f.funds !== null || f.goal !== null || f.total !== null;
}

function buildForm(view: GridView, scan: SheetScan, header: Header, above: number, win: Window): FormLayout {
  const headerRow = header.row;
  const upper = upperPart(view, scan, above, headerRow, win);
  const kind = formKind(scan, upper, headerRow, indicatorColumns(header.info));
  const columns = kind === 'declaration' ? declarationColumns(header.info) : indicatorColumns(header.info);
  const declaration = kind === 'declaration' ? declarationLayout(view, scan, upper, headerRow, win) : null;
  const missing = (kind === 'declaration' ? DECLARATION_REQUIRED : REQUIRED).filter((r) => columns[r] === undefined);
  const body = indicatorBody(view, scan, header, columns, kind === 'declaration');

  const bottom = body.total?.row ?? body.indicators[body.indicators.length - 1]?.row ?? header.bottom;
  const structural = [...upper.rows, headerRow];
  if (body.total) structural.push(body.total.row);
  const range = extent(view, scan, upper.start, bottom, structural, win);

  return {
    sheet: view.sheet,
    kind,
    declaration,
    range,
    title: upper.title,
    year: upper.year,
    project: upper.header.project,
    department: upper.header.department,
    implementer: upper.header.implementer,
    funds: upper.funds,
    goal: upper.goal,
    indicatorHeaderRow: headerRow,
    columns,
    missing,
    indicators: body.indicators,
    total: body.total,
  };
}

interface Body {
  indicators: IndicatorLayout[];
  total: TotalLayout | null;
}

/** Indicator rows below the header, to the 总分 row, a new form's first row, or a run of empty rows. */
function indicatorBody(
  view: GridView, scan: SheetScan, header: Header, columns: Partial<Record<IndicatorRole, number>>, declaration: boolean,
): Body {
  const headerInfo = header.info;
  let spanLeft = Infinity;
  let spanRight = -Infinity;
  for (let k = 0; k < headerInfo.hits.length; k++) {
    const h = headerInfo.hits[k];
    if (!h.meaning.indicator) continue;
    const m = view.mergeOf(h.row, h.col);
    spanLeft = Math.min(spanLeft, h.col);
    spanRight = Math.max(spanRight, m ? m.right : h.col);
  }
  spanLeft = Math.min(spanLeft, headerInfo.cols[0] ?? spanLeft);
  // a declaration's rows are its named indicators, with a target or not (a missing target is a finding)
  const valueCols = (declaration ? [columns.target, columns.midTarget, columns.level3] : [columns.target, columns.actual, columns.weight])
    .filter((c): c is number => c !== undefined);
  const totalBound = columns.weight ?? columns.score ?? Infinity;

  const indicators: IndicatorLayout[] = [];
  let total: TotalLayout | null = null;
  let emptyRun = 0;
  for (let r = header.bottom + 1; r <= view.bottom; r++) {
    const info = scan.byRow.get(r);
    const used = info ? info.cols.some((c) => c >= spanLeft && c <= spanRight) : false;
    if (!used) {
      if (++emptyRun >= EMPTY_RUN_END) break;
      continue;
    }
    emptyRun = 0;
    const i = info as RowInfo;
    const totalHit = i.hits.find((h) => h.meaning.total && h.col < totalBound);
    if (totalHit) {
      total = totalRow(view, totalHit, columns);
      break;
    }
    if (isFormBoundary(i)) break;
    if (isIndicatorHeader(i)) continue;
    if (valueCols.some((c) => ownsValue(view, r, c))) indicators.push({ row: r });
  }
  return { indicators, total };
}

/** The cell holds its own non-empty value (not one spread from a merge that starts elsewhere). */
function ownsValue(view: GridView, row: number, col: number): boolean {
  const a = view.anchor(row, col);
  return a.row === row && a.col === col && !view.isEmpty(row, col);
}

function totalRow(view: GridView, h: Hit, columns: Partial<Record<IndicatorRole, number>>): TotalLayout {
  const labelAnchor = view.anchor(h.row, h.col);
  const cell = (col: number | undefined): Pos | null => {
    if (col === undefined) return null;
    const a = view.anchor(h.row, col);
    return a.row === labelAnchor.row && a.col === labelAnchor.col ? null : a;
  };
  return { row: h.row, label: { row: h.row, col: h.col }, weight: cell(columns.weight), score: cell(columns.score) };
}

/** Columns from the leftmost to the rightmost cell (merges included) on the form's structural rows. */
function extent(view: GridView, scan: SheetScan, top: number, bottom: number, structural: number[], win: Window): CellRange {
  let left = Infinity;
  let right = -Infinity;
  for (let k = 0; k < structural.length; k++) {
    const r = structural[k];
    const info = scan.byRow.get(r);
    if (!info) continue;
    for (let j = 0; j < info.cols.length; j++) {
      const c = info.cols[j];
      const m = view.mergeOf(r, c);
      left = Math.min(left, c);
      right = Math.max(right, Math.min(win.right, m ? m.right : c));
    }
  }
  const hits = hitsIn(scan, top, bottom + 1);
  for (let k = 0; k < hits.length; k++) left = Math.min(left, hits[k].col);
  if (!Number.isFinite(left)) left = view.left;
  if (!Number.isFinite(right)) right = left;
  return { top, left, bottom, right };
}
