import type { IndicatorRole } from './detect/types';
import { classifyLabel } from './detect/labels';
import { parseA1, toA1, type GridView } from './grid';

/**
 * A person's column map for a form whose header the detector cannot read (issue 9): on `sheet`, the indicator
 * header is at `headerRow` (1-based, as Excel shows it) and each listed column (`E`) holds the given role. Roles are
 * written by name (`target`) or by any label Ziping knows for them (`年度指标值`, `实际完成值`, `分值`…).
 */
export interface ColumnMapEntry {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: Readonly<Record<string, IndicatorRole>>;
}

export interface ColumnMap {
  readonly forms: readonly ColumnMapEntry[];
}

/** A map that cannot be used; `message` is Chinese, `messageEn` English. */
export class ColumnMapError extends Error {
  constructor(message: string, readonly messageEn: string) {
    super(message);
    this.name = 'ColumnMapError';
  }
}

export const MAPPABLE_ROLES: readonly IndicatorRole[] = [
  'level1', 'level2', 'level3', 'target', 'targetSign', 'targetUnit', 'actual', 'weight', 'score', 'note',
];

function roleOf(v: unknown): IndicatorRole | null {
  if (typeof v !== 'string') return null;
  if ((MAPPABLE_ROLES as readonly string[]).includes(v)) return v as IndicatorRole;
  return classifyLabel(v)?.indicator ?? null;
}

function fail(zh: string, en: string): never {
  throw new ColumnMapError(zh, en);
}

/**
 * Reads a column map from parsed JSON (`{"forms": [{"sheet", "headerRow", "columns": {"E": "target"}}]}`); a bare
 * array of entries is accepted too. Throws {@link ColumnMapError} with a Chinese message naming what is wrong.
 */
export function parseColumnMap(json: unknown): ColumnMap {
  const list = Array.isArray(json) ? json : (json as { forms?: unknown } | null)?.forms;
  if (!Array.isArray(list) || list.length === 0) {
    fail('列映射应包含 forms 数组，每项给出 sheet、headerRow 和 columns。', 'The column map needs a "forms" array of {sheet, headerRow, columns}.');
  }
  const forms = (list as unknown[]).map((e, k): ColumnMapEntry => {
    const n = k + 1;
    const o = e as { sheet?: unknown; headerRow?: unknown; columns?: unknown } | null;
    if (!o || typeof o !== 'object') fail(`第 ${n} 项不是对象。`, `Entry ${n} is not an object.`);
    if (typeof o.sheet !== 'string' || o.sheet === '') fail(`第 ${n} 项缺少工作表名称（sheet）。`, `Entry ${n} has no sheet name.`);
    if (typeof o.headerRow !== 'number' || !Number.isInteger(o.headerRow) || o.headerRow < 1 || o.headerRow > 1048576) {
      fail(`第 ${n} 项的表头行号（headerRow）应为 1 至 1048576 的整数。`, `Entry ${n}: headerRow must be an integer from 1 to 1048576.`);
    }
    if (!o.columns || typeof o.columns !== 'object' || Array.isArray(o.columns)) {
      fail(`第 ${n} 项缺少列（columns），例如 {"E": "年度指标值"}。`, `Entry ${n} has no columns, e.g. {"E": "target"}.`);
    }
    const columns: Record<string, IndicatorRole> = {};
    const seen = new Set<IndicatorRole>();
    for (const [col, v] of Object.entries(o.columns as Record<string, unknown>)) {
      const letters = col.trim().toUpperCase();
      if (!/^[A-Z]{1,3}$/u.test(letters) || parseA1(`${letters}1`).col > 16383) {
        fail(`第 ${n} 项的列“${col}”不是列字母（A 至 XFD）。`, `Entry ${n}: "${col}" is not a column letter (A to XFD).`);
      }
      const role = roleOf(v);
      if (!role) {
        fail(`第 ${n} 项的列 ${letters} 的角色“${String(v)}”无法识别；可用：${MAPPABLE_ROLES.join('、')} 或年度指标值、实际完成值、分值、得分等表头文字。`,
          `Entry ${n}: column ${letters} has an unknown role "${String(v)}"; use one of ${MAPPABLE_ROLES.join(', ')} or a header label.`);
      }
      if (seen.has(role)) fail(`第 ${n} 项中角色“${role}”出现了两次。`, `Entry ${n}: role "${role}" is mapped twice.`);
      seen.add(role);
      columns[letters] = role;
    }
    if (seen.size === 0) fail(`第 ${n} 项没有映射任何列。`, `Entry ${n} maps no column.`);
    return { sheet: o.sheet, headerRow: o.headerRow, columns };
  });
  return { forms };
}

/** The entries of a map for one sheet, as 0-based header rows and column → role. */
export interface SheetMapping {
  readonly entry: ColumnMapEntry;
  readonly headerRow: number;
  readonly columns: ReadonlyMap<number, IndicatorRole>;
}

export function sheetMappings(map: ColumnMap | undefined, sheet: string): SheetMapping[] {
  if (!map) return [];
  return map.forms
    .filter((e) => e.sheet === sheet)
    .map((entry) => ({
      entry,
      headerRow: entry.headerRow - 1,
      columns: new Map(Object.entries(entry.columns).map(([c, r]) => [parseA1(`${c}1`).col, r] as const)),
    }));
}

/** Refuses a map entry whose sheet is not in the workbook. */
export function checkMapSheets(map: ColumnMap | undefined, sheets: readonly string[]): void {
  for (const e of map?.forms ?? []) {
    if (!sheets.includes(e.sheet)) {
      fail(`列映射指向的工作表“${e.sheet}”不在工作簿中（现有：${sheets.join('、')}）。`, `The column map names sheet "${e.sheet}", which the workbook does not have.`);
    }
  }
}

/**
 * Refuses a map entry that points outside the form it describes: no form has its header at that row, or a column
 * lies outside the form's columns.
 */
export function checkMapInside(m: SheetMapping, forms: readonly { headerRow: number; headerBottom: number; left: number; right: number }[]): void {
  const e = m.entry;
  const form = forms.find((f) => m.headerRow >= f.headerRow && m.headerRow <= f.headerBottom);
  if (!form) {
    fail(`列映射指向的表头行 ${e.sheet}!${e.headerRow} 不在任何自评表内：请选择指标表头所在的行。`,
      `The column map's header row ${e.sheet}!${e.headerRow} is not the header of any form.`);
  }
  for (const [col] of m.columns) {
    if (col < form.left || col > form.right) {
      const a1 = toA1(m.headerRow, col);
      fail(`列映射指向的单元格 ${e.sheet}!${a1} 在自评表（${toA1(form.headerRow, form.left)} 起）之外：请选择表头内的单元格。`,
        `The column map points at ${e.sheet}!${a1}, outside the form.`);
    }
  }
}

/** Refuses a map entry that points at an empty cell: a header cell always holds its label. */
export function checkMapCells(view: GridView, m: SheetMapping): void {
  for (const [col] of m.columns) {
    const a = view.anchor(m.headerRow, col);
    if (view.isEmpty(a.row, a.col)) {
      const a1 = toA1(m.headerRow, col);
      fail(`列映射指向的单元格 ${m.entry.sheet}!${a1} 是空的，不在自评表的表头内：请选择表头单元格。`,
        `The column map points at ${m.entry.sheet}!${a1}, an empty cell outside the form's header.`);
    }
  }
}
