import type { CellValue } from '../../src/core/grid';
import { columnLetters, parseA1 } from '../../src/core/grid';
import { gridOf, type GridLiteralOptions } from './grid';

/** `undefined` takes the default; `null` means an empty cell. */
function dflt<T>(v: T | undefined, d: T): T {
  return v === undefined ? d : v;
}

export interface IndicatorSpec {
  level1?: string;
  level2?: string;
  name: string;
  target: CellValue;
  actual: CellValue;
  weight: CellValue;
  score: CellValue;
  note?: CellValue;
  extra?: CellValue;
}

export interface FormSpec {
  project?: string;
  year?: string;
  budget?: CellValue;
  executed?: CellValue;
  initial?: CellValue;
  fundsWeight?: CellValue;
  rate?: CellValue;
  fundsScore?: CellValue;
  sub?: { current?: CellValue[]; carryover?: CellValue[]; other?: CellValue[] };
  goalActual?: CellValue;
  indicators: IndicatorSpec[];
  totalWeight?: CellValue;
  totalScore?: CellValue;
  /** header labels by role, to try synonyms and line breaks */
  headers?: Partial<Record<'target' | 'actual' | 'weight' | 'score' | 'note', string>>;
  /** an extra column right of the note column (备注) */
  extraColumn?: string;
}

export interface BuiltForm {
  rows: CellValue[][];
  /** merges relative to the literal's first cell (A1-based), shifted by `at` when placed */
  merges: string[];
  /** formats relative to A1 */
  formats: Record<string, string>;
  /** row index (0-based, relative) of named rows */
  rowOf: { funds: number; header: number; firstIndicator: number; total: number };
}

/**
 * A 自评表 in the published layout (columns A–I like the Shanghai forms): title, year, 项目名称, 主管部门, funds block
 * (A5:I9), 年度总体目标 (rows 10–11), indicator header (row 12), indicators, 总分.
 */
export function buildForm(s: FormSpec): BuiltForm {
  const h = { target: '年度指标值', actual: '实际完成值', weight: '分值', score: '得分', note: '偏差原因分析及改进措施', ...s.headers };
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const formats: Record<string, string> = {};
  rows.push(['财政项目支出绩效自评表']);
  rows.push([`(${s.year ?? '2021'} 年度)`]);
  rows.push(['项目名称', s.project ?? '测试项目']);
  merges.push('B3:I3');
  rows.push(['主管部门', '某某局', null, null, null, '实施单位', '某某中心']);
  rows.push(['项目资金 (元)', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  merges.push('H5:I5', 'A5:A9');
  rows.push([null, '年度资金总额', dflt(s.initial, 1000000), dflt(s.budget, 1000000), dflt(s.executed, 1000000), dflt(s.fundsWeight, 10), dflt(s.rate, 1), dflt(s.fundsScore, 10)]);
  formats['G6'] = '0.00%';
  merges.push('H6:I6');
  const sub = s.sub ?? {};
  rows.push([null, '其中：当年财政拨款', ...(sub.current ?? [null, null, null]), '—']);
  rows.push([null, '上年结转资金', ...(sub.carryover ?? [null, null, null]), '—']);
  rows.push([null, '其他资金', ...(sub.other ?? [null, null, null]), '—']);
  rows.push(['年度总体目标', '预算目标', null, null, null, '实际完成情况']);
  merges.push('A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11');
  rows.push([null, '完成年度工作', null, null, null, s.goalActual === undefined ? '已完成年度工作' : s.goalActual]);
  const header: CellValue[] = ['绩效指标', '一级指标', '二级指标', '三级指标', h.target, h.actual, h.weight, h.score, h.note];
  if (s.extraColumn) header.push(s.extraColumn);
  rows.push(header);
  const headerRow = rows.length - 1;
  const first = rows.length;
  for (const i of s.indicators) {
    const r: CellValue[] = [null, i.level1 ?? null, i.level2 ?? null, i.name, i.target, i.actual, i.weight, i.score, i.note ?? null];
    if (s.extraColumn) r.push(i.extra ?? null);
    rows.push(r);
  }
  // merge each run of equal level labels the way published forms do (label only in the first cell)
  const mergeRuns = (colIdx: number) => {
    let start = first;
    for (let r = first + 1; r <= rows.length; r++) {
      const v = r < rows.length ? rows[r][colIdx] : 'END';
      if (v !== null) {
        if (r - 1 > start) merges.push(`${columnLetters(colIdx)}${start + 1}:${columnLetters(colIdx)}${r}`);
        start = r;
      }
    }
  };
  mergeRuns(1);
  mergeRuns(2);
  merges.push(`A${headerRow + 1}:A${rows.length}`);
  rows.push(['总分', null, null, null, null, null, dflt(s.totalWeight, 100), dflt(s.totalScore, null)]);
  merges.push(`A${rows.length}:F${rows.length}`);
  return { rows, merges, formats, rowOf: { funds: 5, header: headerRow, firstIndicator: first, total: rows.length - 1 } };
}

function shift(a1: string, dr: number, dc: number): string {
  const p = parseA1(a1);
  return `${columnLetters(p.col + dc)}${p.row + dr + 1}`;
}

/** Places built forms on one sheet (stacked with `gap` empty rows) starting at `at`. */
export function sheetOf(forms: BuiltForm[], o: GridLiteralOptions & { gap?: number } = {}) {
  const at = parseA1(o.at ?? 'A1');
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const formats: Record<string, string> = { ...(o.formats ?? {}) };
  forms.forEach((f, k) => {
    if (k > 0) for (let g = 0; g < (o.gap ?? 2); g++) rows.push([]);
    const dr = at.row + rows.length;
    for (const m of f.merges) merges.push(m.split(':').map((x) => shift(x, dr, at.col)).join(':'));
    for (const [a1, fmt] of Object.entries(f.formats)) formats[shift(a1, dr, at.col)] = fmt;
    rows.push(...f.rows);
  });
  return gridOf(rows, { ...o, merges: [...merges, ...(o.merges ?? [])], formats });
}

/** A typical indicator list worth 90 (产出 50, 效益 30, 满意度 10), all met. */
export function standardIndicators(): IndicatorSpec[] {
  return [
    { level1: '产出指标', level2: '数量指标', name: '举办活动', target: '>=65场', actual: 65, weight: 20, score: 20 },
    { name: '培训人数', target: '≥200人', actual: '200人', weight: 10, score: 10 },
    { level2: '质量指标', name: '验收合格率', target: '=100%', actual: 100, weight: 10, score: 10 },
    { level2: '时效指标', name: '完成时间', target: '<=12个月', actual: '12个月', weight: 10, score: 10 },
    { level1: '效益指标', level2: '社会效益指标', name: '推动行业发展', target: '有效', actual: '有效', weight: 30, score: 30 },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '≥90%', actual: '95%', weight: 10, score: 10 },
  ];
}
