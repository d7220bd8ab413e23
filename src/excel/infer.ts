/**
 * Merged areas guessed from the labels, for hosts without `getMergedAreasOrNullObject` (ExcelApi < 1.13).
 * The heuristic, in the words of the form:
 * - a block label in the form's first column (项目资金, 年度总体目标, 绩效指标) continues down over the blank cells
 *   below it, as long as those rows hold something to its right;
 * - under a 一级指标 / 二级指标 header, a blank label cell continues the label above it while the row is an
 *   indicator row (something to its right); a 二级指标 run also ends where a new 一级指标 starts;
 * - in the funds block, a 得分 header whose right neighbour is blank over the whole block spans both columns,
 *   and so does the score cell of each funds row (the published forms merge H:I there).
 * Runs stop at a fully blank row and at the 总分 row. Only blank cells are ever absorbed, so a value is never
 * hidden: the worst a wrong guess does is repeat a label.
 */
import type { CellRange, SheetGrid } from '../core';

function norm(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).normalize('NFKC').replace(/\s+/g, '');
}

export function inferMerges(grid: SheetGrid): CellRange[] {
  const { row: top, col: left } = grid.origin;
  const rows = grid.values.length;
  const cols = Math.max(0, ...grid.values.map((r) => r.length));
  const text = (r: number, c: number) => norm(grid.values[r - top]?.[c - left]);
  const blank = (r: number, c: number) => text(r, c) === '';
  const rowBlank = (r: number) => { for (let c = left; c < left + cols; c++) if (!blank(r, c)) return false; return true; };
  const rightOf = (r: number, c: number) => { for (let x = c + 1; x < left + cols; x++) if (!blank(r, x)) return true; return false; };
  const isTotalRow = (r: number) => { for (let c = left; c < left + cols; c++) if (text(r, c) === '总分') return true; return false; };
  const out: CellRange[] = [];

  const runs = (c: number, from: number, to: number, breaks: (r: number) => boolean) => {
    let anchor = -1;
    const close = (end: number) => { if (anchor >= 0 && end > anchor) out.push({ top: anchor, left: c, bottom: end, right: c }); anchor = -1; };
    let last = -1;
    for (let r = from; r <= to; r++) {
      if (rowBlank(r) || isTotalRow(r)) { close(last); continue; }
      if (!blank(r, c) || breaks(r)) { close(last); if (!blank(r, c)) anchor = r; last = r; continue; }
      if (anchor >= 0 && rightOf(r, c)) { last = r; continue; }
      close(last);
    }
    close(last);
  };

  const bottom = top + rows - 1;
  const blockColumns = new Set<number>();
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c < left + cols; c++) {
      const t = text(r, c);
      if (t === '绩效指标' || t.startsWith('项目资金') || t === '年度总体目标') blockColumns.add(c);
      if (t === '一级指标' || t === '二级指标') {
        let end = r + 1;
        while (end <= bottom && !rowBlank(end) && !isTotalRow(end)) end++;
        const level1 = t === '二级指标' && text(r, c - 1) === '一级指标' ? c - 1 : -1;
        runs(c, r + 1, end - 1, (x) => level1 >= 0 && !blank(x, level1));
      }
      if (t === '得分' && (rowHas(r, '执行率') || rowHas(r, '全年执行数'))) fundsScore(r, c);
    }
  }
  for (const c of blockColumns) runs(c, top, bottom, () => false);
  return out;

  function rowHas(r: number, label: string): boolean {
    for (let c = left; c < left + cols; c++) if (text(r, c) === label) return true;
    return false;
  }

  function fundsScore(header: number, c: number): void {
    if (c + 1 >= left + cols) return;
    let end = header + 1;
    while (end <= bottom && end - header <= 6 && !rowBlank(end) && !text(end, left).startsWith('年度总体目标')
      && !rowHas(end, '年度总体目标') && !rowHas(end, '一级指标')) end++;
    for (let r = header; r < end; r++) if (!blank(r, c + 1)) return;
    for (let r = header; r < end; r++) out.push({ top: r, left: c, bottom: r, right: c + 1 });
  }
}
