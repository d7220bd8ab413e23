import type { CellValue } from '../../../src/core/grid';
import type { Lit } from './lit';

export interface RowOptions {
  /** horizontal merges on this row as column spans: `B:I` */
  span?: string[];
  /** number formats by column letter */
  fmt?: Record<string, string>;
  /** formulas by column letter (the row's value in that column is the cached result) */
  f?: Record<string, string>;
}

/** Builds a sheet literal row by row, the way a template is drawn: rows, spans, vertical merges, formats, formulas. */
export class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly merges: string[] = [];
  readonly formats: Record<string, string> = {};
  readonly formulas: Record<string, string> = {};

  /** 1-based number of the last row added. */
  get last(): number {
    return this.rows.length;
  }

  /** Adds a row and returns its 1-based number. */
  row(cells: CellValue[], o: RowOptions = {}): number {
    this.rows.push(cells);
    const n = this.rows.length;
    for (const s of o.span ?? []) {
      const [a, b] = s.split(':');
      this.merges.push(`${a}${n}:${b}${n}`);
    }
    for (const [c, v] of Object.entries(o.fmt ?? {})) this.formats[`${c}${n}`] = v;
    for (const [c, v] of Object.entries(o.f ?? {})) this.formulas[`${c}${n}`] = v;
    return n;
  }

  empty(n = 1): void {
    for (let i = 0; i < n; i++) this.rows.push([]);
  }

  /** A vertical merge of one column over rows [from, to] (1-based), when it covers more than one row. */
  down(col: string, from: number, to: number): void {
    if (to > from) this.merges.push(`${col}${from}:${col}${to}`);
  }

  merge(a1: string): void {
    this.merges.push(a1);
  }

  lit(): Lit {
    return { rows: this.rows.map((r) => [...r]), merges: [...this.merges], formats: { ...this.formats }, formulas: { ...this.formulas } };
  }
}
