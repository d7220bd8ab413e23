import type { CellValue } from '../../../src/core/grid';
import { columnLetters, parseRangeA1, rangeToA1, toA1 } from '../../../src/core/grid';
import type { FormLayout, Pos } from '../../../src/core/detect/types';

/** A form literal: rows from its own A1, merges in its own A1 coordinates. */
export interface FormLiteral {
  rows: CellValue[][];
  merges: string[];
}

/** The 超算服务 form of the seed (../shared/seed), laid out as on the sheet: 18 rows × 9 columns. */
export function seedForm(): FormLiteral {
  return {
    rows: [
      ['财政项目支出绩效自评表'],
      ['(2021 年度)'],
      ['项目名称', '政府购买超算中心高性能计算服务经费'],
      ['主管部门', '上海市经济和信息化委员会', null, null, null, '实施单位', '上海市经济和信息化委员会'],
      ['项目资金 (元)', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 18250000, 16221100, '16,221,100', 10, 1, 10],
      [null, '其中：当年财政拨款', 18250000, 16221100, 16221100, '—', null, '—'],
      [null, '上年结转资金', 0, 0, null, '—', null, '—'],
      [null, '其他资金', 0, 0, null, '—', null, '—'],
      ['年度总体目标', '预算目标', null, null, null, '实际完成情况'],
      [null, '<p>上海超算预计服务研发团队数百家</p>', null, null, null, '<p>年服务客户134家</p>'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      [null, '产出指标', '数量指标', '提供有效机时', '>=17745000核小时', '184400457核小时', 30, 30],
      [null, null, '质量指标', '计算服务', '高性能', '机时使用率85%；主机可利用率99.76%', 10, 10],
      [null, null, '时效指标', '及时完成', '及时', '开通账户数214个，7*24小时提供用户服务', 10, 10],
      [null, '效益指标', '社会效益指标', '服务目标', '为上海地区科学计算、公益类用户提供高性能服务', '论文大于133篇', 30, 30],
      [null, '满意度指标', '服务对象满意度指标', '服务满意度', '>=90%', '服务对象满意度>=99%，用户投诉率0', 10, 10],
      ['总分', null, null, null, null, null, 100, 100],
    ],
    merges: [
      'A1:I1', 'A2:I2', 'B3:I3', 'B4:E4', 'G4:I4', 'H5:I5', 'A5:A9', 'H6:I6', 'H7:I7', 'H8:I8', 'H9:I9',
      'B10:E10', 'F10:I10', 'A10:A11', 'B11:E11', 'F11:I11', 'A12:A17', 'B13:B15', 'A18:F18',
    ],
  };
}

/** Row index (0-based, in the literal) of the seed form's lines. */
export const SEED = { title: 0, year: 1, project: 2, department: 3, fundsHeader: 4, goal: 9, header: 11, total: 17 } as const;

export function clone(f: FormLiteral): FormLiteral {
  return { rows: f.rows.map((r) => [...r]), merges: [...f.merges] };
}

/** Replaces cell text in one row of the literal (exact match). */
export function relabel(f: FormLiteral, row: number, map: Record<string, CellValue>): FormLiteral {
  const out = clone(f);
  out.rows[row] = out.rows[row].map((v) => (typeof v === 'string' && v in map ? map[v] : v));
  return out;
}

/** Drops literal rows [from, to) and the merges that touch them; later merges move up. */
export function dropRows(f: FormLiteral, from: number, to: number): FormLiteral {
  const n = to - from;
  const merges: string[] = [];
  for (const m of f.merges) {
    const r = parseRangeA1(m);
    if (r.bottom >= from && r.top < to) continue;
    merges.push(r.top >= to ? rangeToA1({ ...r, top: r.top - n, bottom: r.bottom - n }) : m);
  }
  return { rows: [...f.rows.slice(0, from), ...f.rows.slice(to)], merges };
}

/** Moves A1 ranges by whole rows and columns. */
export function shiftMerges(merges: string[], rows: number, cols: number): string[] {
  return merges.map((m) => {
    const r = parseRangeA1(m);
    return rangeToA1({ top: r.top + rows, bottom: r.bottom + rows, left: r.left + cols, right: r.right + cols });
  });
}

const a1 = (p: Pos | null): string | null => (p ? toA1(p.row, p.col) : null);
const letters = (cols: Readonly<Record<string, number | undefined>>): Record<string, string> =>
  Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, columnLetters(v as number)]));
const rowNumbers = (rows: Readonly<Record<string, number | undefined>>): Record<string, number> =>
  Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, (v as number) + 1]));

/** A form layout in the words a person reads a sheet with: A1 addresses, column letters, 1-based rows. */
export function summary(f: FormLayout) {
  return {
    sheet: f.sheet,
    range: rangeToA1(f.range),
    title: a1(f.title),
    year: f.year,
    project: a1(f.project),
    department: a1(f.department),
    implementer: a1(f.implementer),
    funds: f.funds && {
      headerRow: f.funds.headerRow + 1,
      columns: letters(f.funds.columns),
      rows: rowNumbers(f.funds.rows),
      unit: f.funds.unit,
    },
    goal: f.goal && { target: a1(f.goal.target), actual: a1(f.goal.actual) },
    indicatorHeaderRow: f.indicatorHeaderRow + 1,
    columns: letters(f.columns),
    missing: [...f.missing],
    indicators: f.indicators.map((i) => i.row + 1),
    total: f.total && { row: f.total.row + 1, label: a1(f.total.label), weight: a1(f.total.weight), score: a1(f.total.score) },
  };
}
