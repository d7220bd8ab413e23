import type { Column, Lang, Table, TableCell } from '../core';
import type { FindingRow, FormRow, UnitRow } from './summary';
import { REPORT_TEXT } from './text';

export type { Column, ColumnKind, Table, TableCell } from '../core';

const num = (s: string | null): number | null => (s === null ? null : Number(s));

/** The 汇总 table: one row per form, the columns the issue lists. */
export function formsTable(forms: readonly FormRow[], lang: Lang): Table {
  const t = REPORT_TEXT[lang];
  const c = t.formColumns;
  const columns: Column[] = [
    { header: c.file, kind: 'text' }, { header: c.sheet, kind: 'text' }, { header: c.project, kind: 'text' },
    { header: c.department, kind: 'text' }, { header: c.implementer, kind: 'text' }, { header: c.year, kind: 'text' },
    { header: c.stated, kind: 'score' }, { header: c.computed, kind: 'score' }, { header: c.diff, kind: 'score' },
    { header: c.grade, kind: 'text' }, { header: c.rate, kind: 'percent' },
    { header: c.errors, kind: 'count' }, { header: c.warnings, kind: 'count' }, { header: c.infos, kind: 'count' },
  ];
  const rows = forms.map((f): TableCell[] => [
    f.file, f.sheet, f.project, f.department, f.implementer, f.year ?? '',
    num(f.stated), num(f.computed), num(f.diff), f.grade ? t.grade(f.grade) : '', num(f.rate), f.errors, f.warnings, f.infos,
  ]);
  return { columns, rows, marked: forms.map((f) => f.errors > 0) };
}

/** The 问题清单 table: one row per finding. */
export function findingsTable(findings: readonly FindingRow[], lang: Lang): Table {
  const t = REPORT_TEXT[lang];
  const c = t.findingColumns;
  const columns: Column[] = [c.file, c.sheet, c.project, c.cell, c.severity, c.code, c.message].map((header) => ({ header, kind: 'text' }));
  const rows = findings.map((x): TableCell[] => [x.file, x.sheet, x.project, x.cell, t.severity[x.severity], x.code, x.message]);
  return { columns, rows, marked: findings.map((x) => x.severity === 'error') };
}

/** The 按单位 table. */
export function unitsTable(units: readonly UnitRow[], lang: Lang): Table {
  const c = REPORT_TEXT[lang].unitColumns;
  const columns: Column[] = [
    { header: c.department, kind: 'text' }, { header: c.implementer, kind: 'text' }, { header: c.forms, kind: 'count' },
    { header: c.average, kind: 'score' }, { header: c.formsWithErrors, kind: 'count' },
  ];
  const rows = units.map((u): TableCell[] => [u.department, u.implementer, u.forms, num(u.averageComputed), u.formsWithErrors]);
  return { columns, rows, marked: units.map((u) => u.formsWithErrors > 0) };
}

/** The display width of text in a fixed-width cell: CJK and other wide characters count twice. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths (in characters) that fit the header and the cells, capped so a long message wraps instead. */
export function fitWidths(table: Table, max = 60): number[] {
  return table.columns.map((col, i) => {
    let w = textWidth(col.header);
    for (const r of table.rows) {
      const v = r[i];
      const s = v === null ? '' : typeof v === 'number' ? (col.kind === 'percent' ? '100.00%' : v.toFixed(col.kind === 'count' ? 0 : 2)) : v;
      w = Math.max(w, textWidth(s));
    }
    return Math.min(max, w + 2);
  });
}

/** `table` without column `index` (the pane's summary has no 文件 column: it is this workbook). */
export function withoutColumn(table: Table, index: number): Table {
  return {
    columns: table.columns.filter((_, j) => j !== index),
    rows: table.rows.map((r) => r.filter((_, j) => j !== index)),
    marked: table.marked,
  };
}
