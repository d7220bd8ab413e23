/**
 * Grid literals for the template families of issue 9: the target split over 指标性质/指标值/度量单位, two-row headers
 * with no 绩效指标 column, the funds block starting in column B, a 其中 row repeating 分值/执行率/得分, labels in
 * traditional script, breakdown rows that are not scored, "/" rows, level-1 labels with their block weight. Every
 * option combines with every other; the figures stay those of {@link TEMPLATE_TOTAL}.
 */
import type { CellValue } from '../../src/core/grid';
import { columnLetters } from '../../src/core/grid';

/** A sheet literal (the shape of test/core/variants/lit.ts's `Lit`): merges, formats and formulas in its own A1. */
export interface Lit {
  rows: CellValue[][];
  merges: string[];
  formats: Record<string, string>;
  formulas: Record<string, string>;
}

export interface TemplateOptions {
  /** 年度指标值 as three columns: sign, value, unit (labels may be synonyms) */
  split?: boolean | { sign: string; value: string; unit: string };
  /** header over two rows: 绩效指标 over 一级/二级/三级, 年度指标值 over its parts, the other labels merged down */
  twoRowHeader?: boolean;
  /** a 绩效指标 column of its own left of 一级指标 (default: only with a one-row header) */
  perfColumn?: boolean;
  /** the funds block one column right (its label in column B, column A empty) */
  fundsFromB?: boolean;
  /** the 当年财政拨款 row repeats 分值, 执行率 and 得分 */
  qizhongRepeats?: boolean;
  /** labels (and one target's unit) in traditional script */
  traditional?: boolean;
  /** 产出指标（50分） or only （50分） as level-1 labels */
  level1Weights?: 'named' | 'bare';
  /** two 其中 rows under 建成智慧社区 with a target and an actual but no 分值 and no 得分; `off` makes them not add up */
  breakdown?: boolean | 'off';
  /** a row of "/" (not applicable) under 效益指标 */
  naRow?: boolean;
  /** numbers written as text (`'20'`, `'9.75'`) */
  numbersAsText?: boolean;
  /** 分值 of the indicator rows as a formula's cached result */
  formulas?: boolean;
  /** header synonyms: 目标值, 全年实际值, 权重, 自评得分, 偏差原因分析 */
  synonyms?: boolean;
}

const SYNONYMS: Readonly<Record<string, string>> = {
  年度指标值: '目标值', 实际完成值: '全年实际值', 分值: '权重', 得分: '自评得分', 偏差原因分析及改进措施: '偏差原因分析',
};

/** The total score of every template built here: funds 9.75 (97.50 % of 10) + indicators 90. */
export const TEMPLATE_TOTAL = '99.75';

const TRAD: Readonly<Record<string, string>> = {
  项目支出绩效自评表: '項目支出績效自評表', 项目名称: '項目名稱', 主管部门: '主管部門', 实施单位: '實施單位',
  '项目资金（元）': '項目資金（元）', 年初预算数: '年初預算數', 全年预算数: '全年預算數', 全年执行数: '全年執行數',
  执行率: '執行率', 年度资金总额: '年度資金總額', '其中：当年财政拨款': '其中：當年財政撥款', 上年结转资金: '上年結轉資金',
  其他资金: '其他資金', 年度总体目标: '年度總體目標', 预期目标: '預期目標', 实际完成情况: '實際完成情況', 绩效指标: '績效指標',
  一级指标: '一級指標', 二级指标: '二級指標', 三级指标: '三級指標', 年度指标值: '年度指標值', 实际完成值: '實際完成值',
  偏差原因分析及改进措施: '偏差原因分析及改進措施', 总分: '總分', 指标性质: '指標性質', 指标值: '指標值', 度量单位: '度量單位',
  产出指标: '產出指標', 效益指标: '效益指標', 满意度指标: '滿意度指標', 数量指标: '數量指標', 质量指标: '質量指標',
};

interface Ind {
  l1?: string;
  l2?: string;
  name: string;
  /** sign, value, unit: joined for a one-cell target */
  t: [string, CellValue, string];
  actual: CellValue;
  weight: CellValue;
  score: CellValue;
}

const BLOCKS: Readonly<Record<string, string>> = { 产出指标: '50', 效益指标: '30', 满意度指标: '10' };

function indicators(o: TemplateOptions): Ind[] {
  const rows: Ind[] = [
    { l1: '产出指标', l2: '数量指标', name: '建成智慧社区', t: ['≥', 10, '个'], actual: '10个', weight: 20, score: 20 },
  ];
  if (o.breakdown) {
    const second = o.breakdown === 'off' ? '5个' : '6个';
    rows.push({ name: '其中：城区社区', t: ['≥', 4, '个'], actual: '4个', weight: null, score: null });
    rows.push({ name: '其中：农村社区', t: ['≥', 6, '个'], actual: second, weight: null, score: null });
  }
  rows.push(
    { l2: '质量指标', name: '系统验收合格率', t: ['=', 100, '%'], actual: '100%', weight: 15, score: 15 },
    { l2: '时效指标', name: '项目完成时间', t: ['定性', '12月31日前完成', ''], actual: '已按期完成', weight: 15, score: 15 },
    { l1: '效益指标', l2: '社会效益指标', name: '居民办事平均时长', t: ['≤', 5, '个工作日'], actual: '3个工作日', weight: 15, score: 15 },
  );
  if (o.naRow) rows.push({ name: '生态效益', t: ['', '/', ''], actual: '/', weight: '/', score: '/' });
  rows.push(
    { name: '网络故障率', t: ['≤', 3, '%'], actual: '2.5%', weight: 15, score: 15 },
    { l1: '满意度指标', l2: '服务对象满意度指标', name: '居民满意度', t: ['≥', 90, '%'], actual: '96.5%', weight: 10, score: 10 },
  );
  return rows;
}

/** A 自评表 of the families of issue 9, drawn as the options say. */
export function templateForm(o: TemplateOptions = {}): Lit {
  const tr = (s: string): string => (o.traditional ? TRAD[s] ?? s : s);
  const hd = (s: string): string => tr(o.synonyms ? SYNONYMS[s] ?? s : s);
  const num = (v: CellValue): CellValue => (o.numbersAsText && typeof v === 'number' ? String(v) : v);
  const split = o.split === true ? { sign: '指标性质', value: '指标值', unit: '度量单位' } : o.split || null;
  const two = o.twoRowHeader ?? false;
  const perf = o.perfColumn ?? !two;
  const p = perf ? 1 : 0;
  const tw = split ? 3 : 1;
  const col = { l1: p, l2: p + 1, l3: p + 2, t: p + 3, a: p + 3 + tw, w: p + 4 + tw, s: p + 5 + tw, n: p + 6 + tw };
  const width = col.n + 1;
  const L = (c: number) => columnLetters(c);
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const formats: Record<string, string> = {};
  const formulas: Record<string, string> = {};
  const add = (r: CellValue[]): number => rows.push(r);
  const span = (row: number, a: number, b: number) => { if (b > a) merges.push(`${L(a)}${row}:${L(b)}${row}`); };
  const down = (c: number, a: number, b: number) => { if (b > a) merges.push(`${L(c)}${a}:${L(c)}${b}`); };

  span(add([tr('项目支出绩效自评表')]), 0, width - 1);
  span(add(['（2021年度）']), 0, width - 1);
  span(add([tr('项目名称'), '智慧社区建设']), 1, width - 1);
  const dept = add([tr('主管部门'), '某区民政局', null, null, tr('实施单位'), '某区社区服务中心']);
  span(dept, 1, 3);
  span(dept, 5, width - 1);

  const f = o.fundsFromB ? 1 : 0;
  const shiftF = (r: CellValue[]): CellValue[] => [...new Array<CellValue>(f).fill(null), ...r];
  const fh = add(shiftF([tr('项目资金（元）'), null, tr('年初预算数'), tr('全年预算数'), tr('全年执行数'), '分值', tr('执行率'), '得分']));
  add(shiftF([null, tr('年度资金总额'), num(2000000), num(2000000), num(1950000), num(10), '97.50%', num(9.75)]));
  const rep = o.qizhongRepeats;
  add(shiftF([null, tr('其中：当年财政拨款'), num(2000000), num(2000000), num(1950000), rep ? num(10) : '—', rep ? '97.50%' : null, rep ? num(9.75) : '—']));
  add(shiftF([null, tr('上年结转资金'), 0, 0, 0, '—', null, '—']));
  const fl = add(shiftF([null, tr('其他资金'), 0, 0, 0, '—', null, '—']));
  down(f, fh, fl);
  const g = add([tr('年度总体目标'), tr('预期目标'), null, null, null, tr('实际完成情况')]);
  span(g, 1, 4);
  span(g, 5, width - 1);
  const g2 = add([null, '建成10个智慧社区', null, null, null, '建成10个智慧社区并通过验收']);
  span(g2, 1, 4);
  span(g2, 5, width - 1);
  down(0, g, g2);

  const header = new Array<CellValue>(width).fill(null);
  const labels: [number, string][] = [[col.l1, '一级指标'], [col.l2, '二级指标'], [col.l3, '三级指标'], [col.a, '实际完成值'], [col.w, '分值'], [col.s, '得分'], [col.n, '偏差原因分析及改进措施']];
  if (!two) {
    if (perf) header[0] = tr('绩效指标');
    for (const [c, l] of labels) header[c] = hd(l);
    if (split) [split.sign, split.value, split.unit].forEach((l, i) => { header[col.t + i] = tr(l); });
    else header[col.t] = hd('年度指标值');
    add(header);
  } else {
    const lower = new Array<CellValue>(width).fill(null);
    header[col.l1] = tr('绩效指标');
    for (const [c, l] of labels) {
      if (c === col.l1 || c === col.l2 || c === col.l3) lower[c] = tr(l);
      else header[c] = hd(l);
    }
    header[col.t] = hd('年度指标值');
    if (split) [split.sign, split.value, split.unit].forEach((l, i) => { lower[col.t + i] = tr(l); });
    const top = add(header);
    add(lower);
    span(top, col.l1, col.l3);
    if (split) span(top, col.t, col.t + 2);
    else down(col.t, top, top + 1);
    for (const c of [col.a, col.w, col.s, col.n]) down(c, top, top + 1);
    if (perf) down(0, top, top + 1);
  }

  const first = rows.length + 1;
  const list = indicators(o);
  const l1Text = (l: string) => (o.level1Weights === 'bare' ? `（${BLOCKS[l]}分）` : o.level1Weights === 'named' ? `${tr(l)}（${BLOCKS[l]}分）` : tr(l));
  list.forEach((i) => {
    const r = new Array<CellValue>(width).fill(null);
    if (i.l1) r[col.l1] = l1Text(i.l1);
    if (i.l2) r[col.l2] = tr(i.l2);
    r[col.l3] = i.name;
    const [sign, value, unit] = i.t;
    const unitShown = o.traditional && unit === '个' ? '個' : unit;
    if (split) {
      r[col.t] = sign;
      r[col.t + 1] = num(value);
      r[col.t + 2] = unitShown;
    } else {
      r[col.t] = sign === '定性' ? value : `${sign}${String(value)}${unitShown}`;
    }
    r[col.a] = i.actual;
    r[col.w] = num(i.weight);
    r[col.s] = num(i.score);
    const n = add(r);
    if (o.formulas && typeof i.weight === 'number') formulas[`${L(col.w)}${n}`] = `=${i.weight}`;
  });
  const lastRow = rows.length;
  // level labels merged over their runs, the way published forms draw them
  for (const c of [col.l1, col.l2]) {
    let start = first;
    for (let r = first + 1; r <= lastRow + 1; r++) {
      if (r > lastRow || rows[r - 1][c] !== null) {
        down(c, start, r - 1);
        start = r;
      }
    }
  }
  if (perf) down(0, first, lastRow);
  const total = new Array<CellValue>(width).fill(null);
  total[0] = tr('总分');
  total[col.w] = num(100);
  total[col.s] = num(Number(TEMPLATE_TOTAL));
  span(add(total), 0, col.w - 1);
  return { rows, merges, formats, formulas };
}
