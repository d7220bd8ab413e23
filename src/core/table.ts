/*
 * The shape of a summary table (汇总 and the like): built by src/report, written by a host (写入汇总表) and by the
 * CLI's .xlsx report. Here so that every layer that only passes a table on needs nothing but the core.
 */

/** How a column shows its numbers; text columns are always written as text, never as a formula. */
export type ColumnKind = 'text' | 'score' | 'percent' | 'count';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
}

/** A cell of a summary table: text, a number (from an exact decimal string), or nothing. */
export type TableCell = string | number | null;

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly TableCell[])[];
  /** per row: the form has an error (its row is marked) */
  readonly marked: readonly boolean[];
}
