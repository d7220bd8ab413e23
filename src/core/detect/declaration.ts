import type { GridView } from '../grid';
import { isDeclarationTitle } from './labels';
import type { DeclarationFundsLayout, DeclarationLayout, FormKind, IndicatorRole, Pos } from './types';
import { goalValue, hitsIn, isLabelCell, valueRightOf, type UpperPart, type Window } from './upper';
import { indicatorColumns, type Hit, type RowInfo, type SheetScan } from './scan';

/**
 * Which kind of form a header belongs to. A title decides (绩效目标申报表 / 绩效目标表 against 绩效自评表); without
 * one, a table with a target but no 实际完成值, 分值 or 得分 whose upper part holds a declaration's labels (项目属性,
 * 项目期, 中期资金总额, 中期目标, 年度目标…) or that has a 中期指标值 column is a declaration.
 */
export function formKind(
  scan: SheetScan, upper: UpperPart, headerRow: number, columns: Partial<Record<IndicatorRole, number>>,
): FormKind {
  if (upper.title) return isDeclarationTitle(upper.titleText) ? 'declaration' : 'selfEvaluation';
  if (columns.actual !== undefined || columns.weight !== undefined || columns.score !== undefined) return 'selfEvaluation';
  if (columns.target === undefined && columns.midTarget === undefined) return 'selfEvaluation';
  if (columns.midTarget !== undefined) return 'declaration';
  return hitsIn(scan, upper.start, headerRow).some((h) => h.meaning.declaration !== undefined && h.meaning.declaration !== 'annualTotal')
    ? 'declaration' : 'selfEvaluation';
}

/** The value cell of a label: the first value to its right, else the cell below it when that is no label. */
function valueOf(view: GridView, scan: SheetScan, h: Hit, win: Window, headerRow: number): Pos | null {
  const right = valueRightOf(view, scan, h, win.right);
  if (right) return right;
  const own = view.mergeOf(h.row, h.col);
  const below = (own ? own.bottom : h.row) + 1;
  if (below >= headerRow) return null;
  const a = view.anchor(below, h.col);
  return isLabelCell(scan, a.row, a.col) || view.isEmpty(a.row, a.col) ? null : a;
}

/**
 * One funds block from its total label: the parts (其中：财政拨款, 其他资金) are the labels in the total's column below it
 * (values to their right, the Ministry layout) or in its row to its right (values below them, a header-row layout).
 */
function fundsFrom(view: GridView, scan: SheetScan, total: Hit, hits: readonly Hit[], win: Window, headerRow: number, stop: number): DeclarationFundsLayout {
  const parts = (role: 'current' | 'other'): Hit | undefined => {
    const inRow = hits.find((h) => h.meaning.fundsRow === role && h.row === total.row && h.col > total.col && h.col <= stop);
    if (inRow) return inRow;
    return hits.find((h) => h.meaning.fundsRow === role && h.col === total.col && h.row > total.row);
  };
  const beside = hits.some((h) => h.row === total.row && h.col > total.col && h.col <= stop && (h.meaning.fundsRow === 'current' || h.meaning.fundsRow === 'other'));
  const cell = (h: Hit | undefined): Pos | null => {
    if (!h) return null;
    if (!beside) return valueRightOf(view, scan, h, win.right);
    const own = view.mergeOf(h.row, h.col);
    const below = (own ? own.bottom : h.row) + 1;
    if (below >= headerRow) return null;
    const a = view.anchor(below, h.col);
    return isLabelCell(scan, a.row, a.col) ? null : a;
  };
  return { total: beside ? cell(total) : valueOf(view, scan, total, win, headerRow), fiscal: cell(parts('current')), other: cell(parts('other')) };
}

/** A declaration's upper part: 项目属性, 项目期, the 中期 and 年度 funds blocks, 中期目标 and 年度目标. */
export function declarationLayout(view: GridView, scan: SheetScan, upper: UpperPart, headerRow: number, win: Window): DeclarationLayout {
  const hits = hitsIn(scan, upper.start, headerRow);
  const find = (role: string) => hits.find((h) => h.meaning.declaration === role);
  const mid = find('midTotal');
  const annual = hits.find((h) => h.meaning.declaration === 'annualTotal' || h.meaning.fundsRow === 'total');
  const stopOf = (h: Hit) => Math.min(...hits.filter((x) => x.row === h.row && x.col > h.col && x !== h && (x.meaning.declaration === 'midTotal' || x.meaning.declaration === 'annualTotal')).map((x) => x.col - 1), win.right);
  const label = (role: string): Pos | null => {
    const h = find(role);
    return h ? valueOf(view, scan, h, win, headerRow) : null;
  };
  const goal = (role: string): Pos | null => {
    const h = find(role);
    return h ? goalValue(view, scan, h, headerRow, win.right) : null;
  };
  for (const h of hits) if (h.meaning.declaration) upper.rows.push(h.row);
  return {
    projectType: label('projectType'),
    period: label('period'),
    midTermFunds: mid ? fundsFrom(view, scan, mid, hits, win, headerRow, stopOf(mid)) : null,
    annualFunds: annual ? fundsFrom(view, scan, annual, hits, win, headerRow, stopOf(annual)) : null,
    midTermGoal: goal('midGoal'),
    annualGoal: goal('annualGoal'),
  };
}

/**
 * A declaration's indicator columns. The Ministry's form puts the mid-term indicators (二级, 三级, 指标值) and the
 * annual ones side by side under one 一级指标: when 三级指标 and the target come twice, the right-hand group is the
 * annual one (the targets checked and compared) and its left neighbour's target is the 中期指标值 of the same row.
 */
export function declarationColumns(info: RowInfo): Partial<Record<IndicatorRole, number>> {
  const columns = indicatorColumns(info);
  const cols = (role: IndicatorRole) => info.hits.filter((h) => h.meaning.indicator === role).map((h) => h.col).sort((a, b) => a - b);
  const names = cols('level3');
  const targets = cols('target');
  if (names.length < 2 || targets.length < 2 || columns.midTarget !== undefined) return columns;
  const split = names[names.length - 1];
  const annual = (role: IndicatorRole) => cols(role).filter((c) => c >= split)[0];
  const out = { ...columns, level3: split, target: annual('target'), midTarget: targets.filter((c) => c < split).pop() };
  const annualLevel2 = cols('level2').filter((c) => c > (out.midTarget ?? -1) && c < split).pop();
  if (annualLevel2 !== undefined) out.level2 = annualLevel2;
  for (const k of Object.keys(out) as IndicatorRole[]) if (out[k] === undefined) delete out[k];
  return out;
}
