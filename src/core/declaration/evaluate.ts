import type { DeclarationFundsLayout } from '../detect/types';
import { cellRef, evaluateForm, readNumber, type CellRef, type EvaluatedForm, type EvaluatedIndicator, type NumberRead } from '../form';
import { GridView, trimmedCellText } from '../grid';
import type { FormLayout } from '../detect/types';
import type { CheckOptions } from '../model';
import type { RuleSet } from '../rules/ruleSets';
import { displayText, parseTarget } from '../values';
import type { Target } from '../values/types';

/** One declared indicator: its row read as a self-evaluation row reads it, with the level labels carried down. */
export interface DeclaredIndicator {
  readonly row: EvaluatedIndicator;
  /** 一级 and 二级 labels, carried down from the rows above when the cell is empty and not merged */
  readonly level1: string;
  readonly level2: string;
  readonly mid: { readonly cell: CellRef; readonly text: string; readonly target: Target } | null;
}

/** One funds block (中期 or 年度) as read. */
export interface DeclaredFunds {
  readonly total: NumberRead | null;
  readonly fiscal: NumberRead | null;
  readonly other: NumberRead | null;
}

/** A declaration read from its layout: what the declaration checks work from. */
export interface DeclarationForm {
  readonly form: EvaluatedForm;
  readonly sheet: string;
  readonly year: string | null;
  readonly period: CellRef | null;
  readonly midTermFunds: DeclaredFunds | null;
  readonly annualFunds: DeclaredFunds | null;
  readonly indicators: readonly DeclaredIndicator[];
}

function funds(view: GridView, f: DeclarationFundsLayout | null): DeclaredFunds | null {
  return f ? { total: readNumber(view, f.total), fiscal: readNumber(view, f.fiscal), other: readNumber(view, f.other) } : null;
}

/** Reads one detected declaration: the indicator rows as {@link evaluateForm} reads them, the funds, the 项目期. */
export function evaluateDeclaration(view: GridView, layout: FormLayout, rules: RuleSet, options: CheckOptions): DeclarationForm {
  const form = evaluateForm(view, layout, rules, options);
  const d = layout.declaration;
  const midCol = layout.columns.midTarget;
  let level1 = '';
  let level2 = '';
  const indicators = form.indicators.map((row): DeclaredIndicator => {
    if (row.level1 !== '') {
      level1 = row.level1;
      level2 = '';
    }
    if (row.level2 !== '') level2 = row.level2;
    let mid: DeclaredIndicator['mid'] = null;
    if (midCol !== undefined) {
      const cell = cellRef(view, { row: row.row, col: midCol });
      const text = displayText(cell.value, cell.format).trim();
      if (text !== '') mid = { cell, text, target: parseTarget(cell.value, cell.format) };
    }
    return { row, level1, level2, mid };
  });
  return {
    form,
    sheet: layout.sheet,
    year: layout.year,
    period: d?.period ? cellRef(view, d.period) : null,
    midTermFunds: funds(view, d?.midTermFunds ?? null),
    annualFunds: funds(view, d?.annualFunds ?? null),
    indicators,
  };
}

/** The text of a cell as written, trimmed ('' for none). */
export function textOf(c: CellRef | null): string {
  return c ? trimmedCellText(c.value) : '';
}
