import { toA1, type Table } from '../core';
import type { RequestContextLike } from './excel-like';
import { HostError } from './host';

/** The sheet 写入汇总表 adds or refreshes; no other sheet is ever touched. */
export const SUMMARY_SHEET = '绩效自评汇总';

const FORMATS = { text: '@', score: '0.00', percent: '0.00%', count: '0' } as const;
const MARK_COLOR = '#FDE7E9';

/** What the summary write leaves in the undo record: the cells it covered as they were, or the sheet it added. */
export interface SummaryUndo {
  readonly v: 1;
  readonly at: string;
  readonly sheets: readonly string[];
  readonly cells: readonly { sheet: string; cell: string; value: unknown; formula: string | null; numberFormat: string }[];
  /** the sheet did not exist: undo deletes it */
  readonly added?: string;
}

export interface SummaryWriteSteps {
  read(): Promise<void>;
  write(): Promise<void>;
  /** screen updating and events off for the write batch, back on at its end */
  begin(): void;
  end(): void;
  /** queues the undo record (in the write batch, before the cells, as a fill does) */
  record(undo: SummaryUndo): void;
  now(): Date;
}

/** The header and rows of `table` as one rectangle of values and number formats; text is always text. */
function matrix(table: Table, rows: number, cols: number): { values: unknown[][]; formats: string[][] } {
  const values: unknown[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const v: unknown[] = [];
    const f: string[] = [];
    for (let j = 0; j < cols; j++) {
      const col = table.columns[j];
      if (!col) {
        v.push('');
        f.push('General');
      } else if (i === 0) {
        v.push(col.header);
        f.push('@');
      } else if (i - 1 < table.rows.length) {
        const x = table.rows[i - 1][j];
        v.push(x ?? '');
        f.push(FORMATS[col.kind]);
      } else {
        v.push('');
        f.push('General');
      }
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats };
}

/**
 * Adds or refreshes SUMMARY_SHEET with `table` (header row kept in view, rows of forms with errors shaded) in one
 * write sync after the reads. The cells it covers (the new table and whatever an older summary held beyond it) go
 * into the undo record first; a sheet it adds is recorded as added, so that undo deletes it.
 */
export async function writeSummarySheet(ctx: RequestContextLike, table: Table, steps: SummaryWriteSteps): Promise<{ rows: number; added: boolean }> {
  const sheets = ctx.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(SUMMARY_SHEET);
  existing.load(['name', 'protection/protected']);
  await steps.read();
  let used: { values: unknown[][]; formulas: (string | null)[][]; formats: string[][] } | null = null;
  if (!existing.isNullObject) {
    if (existing.protection.protected) throw new HostError('PROTECTED', { sheet: SUMMARY_SHEET });
    // the old summary starts at A1 (this function wrote it); its used range may be empty
    const r = existing.getUsedRange(false);
    r.load(['values', 'formulas', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    await steps.read();
    const rows = r.rowIndex + r.rowCount;
    const cols = r.columnIndex + r.columnCount;
    used = { values: [], formulas: [], formats: [] };
    for (let i = 0; i < rows; i++) {
      used.values.push([]);
      used.formulas.push([]);
      used.formats.push([]);
      for (let j = 0; j < cols; j++) {
        const inside = i >= r.rowIndex && j >= r.columnIndex;
        const f = inside ? r.formulas[i - r.rowIndex][j - r.columnIndex] : '';
        used.values[i].push(inside ? r.values[i - r.rowIndex][j - r.columnIndex] : '');
        used.formulas[i].push(typeof f === 'string' && f.startsWith('=') ? f : null);
        used.formats[i].push(inside ? String(r.numberFormat[i - r.rowIndex][j - r.columnIndex]) : 'General');
      }
    }
  }
  const rows = Math.max(table.rows.length + 1, used?.values.length ?? 0);
  const cols = Math.max(table.columns.length, used?.values[0]?.length ?? 0);
  const cells: SummaryUndo['cells'][number][] = [];
  if (used) {
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) {
        cells.push({
          sheet: SUMMARY_SHEET, cell: toA1(i, j),
          value: used.values[i]?.[j] ?? '', formula: used.formulas[i]?.[j] ?? null, numberFormat: used.formats[i]?.[j] ?? 'General',
        });
      }
    }
  }
  const undo: SummaryUndo = {
    v: 1, at: steps.now().toISOString(), sheets: [SUMMARY_SHEET], cells, ...(used ? {} : { added: SUMMARY_SHEET }),
  };
  steps.begin();
  steps.record(undo);
  const ws = used ? existing : sheets.add(SUMMARY_SHEET);
  const { values, formats } = matrix(table, rows, cols);
  const all = ws.getRangeByIndexes(0, 0, rows, cols);
  all.format.fill.clear();
  // formats before values: a text cell takes `=…` as text, never as a formula
  all.numberFormat = formats;
  all.values = values;
  ws.freezePanes.freezeRows(1);
  table.marked.forEach((m, i) => {
    if (m) ws.getRangeByIndexes(i + 1, 0, 1, table.columns.length).format.fill.color = MARK_COLOR;
  });
  steps.end();
  await steps.write();
  return { rows: table.rows.length, added: !used };
}
