/**
 * Builds 自评表 forms in the real layout with exceljs: the project's own sample workbook, test workbooks and the
 * bench's workbooks of N forms. Everything here is invented; nothing is copied from ../shared.
 */
import ExcelJS from 'exceljs';
import { D } from '../../src/core/decimal';
import { columnLetters } from '../../src/core/grid';

type Cell = string | number | null | { formula: string; result: number };

export interface FundsRowSpec {
  /** 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金 */
  label: string;
  initial: Cell;
  budget: Cell;
  executed: Cell;
}

export interface IndicatorSpec {
  level1: string;
  level2: string;
  name: string;
  target: Cell;
  actual: Cell;
  /** number format of the actual cell (`0.00%` for a fraction) */
  actualFormat?: string;
  weight: number;
  score: Cell;
  note?: string;
}

export interface FormSpec {
  project: string;
  department: string;
  unit: string;
  year?: string;
  /** `元` or `万元` */
  moneyUnit?: string;
  funds: FundsRowSpec[];
  fundsWeight: number;
  /** stated 执行率 (a fraction shown with `0.00%`), or a formula */
  rate: Cell;
  fundsScore: Cell;
  goal: { target: string; actual: string };
  indicators: IndicatorSpec[];
  totalWeight: number;
  totalScore: Cell;
}

const MONEY = '#,##0.00';
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

function put(ws: ExcelJS.Worksheet, row: number, col: number, v: Cell, numFmt?: string): ExcelJS.Cell {
  const cell = ws.getCell(row, col);
  if (v !== null) cell.value = v;
  if (numFmt) cell.numFmt = numFmt;
  cell.border = thin;
  cell.alignment = { vertical: 'middle', wrapText: true };
  return cell;
}

function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (top === bottom && left === right) return;
  ws.mergeCells(top, left, bottom, right);
}

/** Rows a form takes on the sheet. */
export function formHeight(spec: FormSpec): number {
  return 11 + spec.indicators.length + 1;
}

/** A1 addresses of a form's key cells when it is laid out at (row, col) (1-based). */
export function formCells(spec: FormSpec, row = 1, col = 1): {
  budget: string; executed: string; rate: string; fundsScore: string; firstScore: string; lastScore: string; total: string;
} {
  const L = (i: number): string => columnLetters(col - 1 + i);
  const funds = row + 5;
  const first = row + 12;
  const last = first + spec.indicators.length - 1;
  return {
    budget: `${L(3)}${funds}`, executed: `${L(4)}${funds}`, rate: `${L(6)}${funds}`, fundsScore: `${L(7)}${funds}`,
    firstScore: `${L(7)}${first}`, lastScore: `${L(7)}${last}`, total: `${L(7)}${last + 1}`,
  };
}

/**
 * Writes one form with its top-left corner at (row, col) (1-based, as exceljs counts) and returns the next free
 * row. Nine columns wide: A 项目资金/绩效指标, B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分,
 * I 偏差原因分析及改进措施; the funds 得分 spans H:I as in published forms.
 */
export function addForm(ws: ExcelJS.Worksheet, spec: FormSpec, row = 1, col = 1): number {
  const c = (i: number): number => col + i;
  const R = row;
  put(ws, R, c(0), '财政项目支出绩效自评表').font = { bold: true, size: 14 };
  merge(ws, R, c(0), R, c(8));
  put(ws, R + 1, c(0), `(${spec.year ?? '2021'} 年度)`);
  merge(ws, R + 1, c(0), R + 1, c(8));
  put(ws, R + 2, c(0), '项目名称');
  put(ws, R + 2, c(1), spec.project);
  merge(ws, R + 2, c(1), R + 2, c(8));
  put(ws, R + 3, c(0), '主管部门');
  put(ws, R + 3, c(1), spec.department);
  merge(ws, R + 3, c(1), R + 3, c(4));
  put(ws, R + 3, c(5), '实施单位');
  put(ws, R + 3, c(6), spec.unit);
  merge(ws, R + 3, c(6), R + 3, c(8));

  const F = R + 4;
  put(ws, F, c(0), `项目资金 (${spec.moneyUnit ?? '元'})`);
  put(ws, F, c(1), null);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => put(ws, F, c(2 + i), h));
  merge(ws, F, c(7), F, c(8));
  for (let i = 0; i < 4; i++) {
    const fr = spec.funds[i] ?? { label: ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'][i], initial: 0, budget: 0, executed: null };
    const r = F + 1 + i;
    put(ws, r, c(1), fr.label);
    put(ws, r, c(2), fr.initial, MONEY);
    put(ws, r, c(3), fr.budget, MONEY);
    put(ws, r, c(4), fr.executed, MONEY);
    if (i === 0) {
      put(ws, r, c(5), spec.fundsWeight);
      put(ws, r, c(6), spec.rate, '0.00%');
      put(ws, r, c(7), spec.fundsScore, '0.00');
    } else {
      put(ws, r, c(5), '—');
      put(ws, r, c(6), null);
      put(ws, r, c(7), '—');
    }
    merge(ws, r, c(7), r, c(8));
  }
  merge(ws, F, c(0), F + 4, c(0));

  const G = F + 5;
  put(ws, G, c(0), '年度\n总体目标');
  put(ws, G, c(1), '预算目标');
  merge(ws, G, c(1), G, c(4));
  put(ws, G, c(5), '实际完成情况');
  merge(ws, G, c(5), G, c(8));
  put(ws, G + 1, c(1), spec.goal.target);
  merge(ws, G + 1, c(1), G + 1, c(4));
  put(ws, G + 1, c(5), spec.goal.actual);
  merge(ws, G + 1, c(5), G + 1, c(8));
  merge(ws, G, c(0), G + 1, c(0));

  const H = G + 2;
  put(ws, H, c(0), '绩效指标');
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    put(ws, H, c(1 + i), h).font = { bold: true });
  const first = H + 1;
  spec.indicators.forEach((ind, i) => {
    const r = first + i;
    const prev = spec.indicators[i - 1];
    put(ws, r, c(1), prev && prev.level1 === ind.level1 ? null : ind.level1);
    put(ws, r, c(2), prev && prev.level1 === ind.level1 && prev.level2 === ind.level2 ? null : ind.level2);
    put(ws, r, c(3), ind.name);
    put(ws, r, c(4), ind.target);
    put(ws, r, c(5), ind.actual, ind.actualFormat);
    put(ws, r, c(6), ind.weight);
    put(ws, r, c(7), ind.score);
    put(ws, r, c(8), ind.note ?? null);
  });
  const last = first + spec.indicators.length - 1;
  // merge runs of equal 一级 and (within them) 二级 labels
  for (const [level, key] of [[1, (x: IndicatorSpec) => x.level1], [2, (x: IndicatorSpec) => `${x.level1}\u0000${x.level2}`]] as const) {
    let start = 0;
    for (let i = 1; i <= spec.indicators.length; i++) {
      if (i === spec.indicators.length || key(spec.indicators[i]) !== key(spec.indicators[start])) {
        merge(ws, first + start, c(level), first + i - 1, c(level));
        start = i;
      }
    }
  }
  merge(ws, H, c(0), last, c(0));

  const T = last + 1;
  put(ws, T, c(0), '总分');
  merge(ws, T, c(0), T, c(5));
  put(ws, T, c(6), spec.totalWeight);
  put(ws, T, c(7), spec.totalScore, '0.00');
  put(ws, T, c(8), null);
  return T + 1;
}

export function setColumnWidths(ws: ExcelJS.Worksheet, col = 1): void {
  [14, 14, 16, 24, 18, 18, 8, 10, 28].forEach((w, i) => {
    ws.getColumn(col + i).width = w;
  });
}

const n = (s: string): number => Number(s);

/** Half-up 2-decimal score as a JS number for the sheet (computed exactly with D). */
function score(w: number, ratio: InstanceType<typeof D>): number {
  const r = ratio.gt(1) ? new D(1) : ratio;
  return n(new D(w).mul(r).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed());
}

/**
 * The 社区养老 form filled in correctly (no error, no score to fill): the clean workbook of tests. The sample's first
 * sheet is this form with the faults of `SAMPLE_FAULTS.firstSheet` (see {@link sampleForms}).
 */
export function cleanPensionForm(): FormSpec {
  const rate1 = new D(11436500).div(12000000);
  const pension: FormSpec = {
    project: '社区养老服务补贴项目',
    department: '某市民政局',
    unit: '某市养老服务指导中心',
    funds: [
      { label: '年度资金总额', initial: 12000000, budget: 12000000, executed: 11436500 },
      { label: '其中：当年财政拨款', initial: 12000000, budget: 12000000, executed: 11436500 },
      { label: '上年结转资金', initial: 0, budget: 0, executed: null },
      { label: '其他资金', initial: 0, budget: 0, executed: null },
    ],
    fundsWeight: 10,
    rate: n(rate1.toDecimalPlaces(4, D.ROUND_UP).toFixed()),
    fundsScore: score(10, rate1),
    goal: {
      target: '新建社区养老服务站 20 个，为辖区老年人提供助餐、助浴、日间照料等服务不少于 1.2 万人次。',
      actual: '建成社区养老服务站 20 个，全年服务老年人 13,000 人次，服务站验收合格率 95%。',
    },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '新建社区养老服务站', target: '>=20个', actual: 20, weight: 10, score: 10 },
      { level1: '产出指标', level2: '数量指标', name: '服务老年人次', target: '≥1.2万人次', actual: '13,000人次', weight: 10, score: 10 },
      { level1: '产出指标', level2: '质量指标', name: '服务站验收合格率', target: '>=98%', actual: 0.95, actualFormat: '0.00%', weight: 10,
        score: score(10, new D(95).div(98)), note: '2 个服务站消防整改后复验，已于次年 1 月通过。' },
      { level1: '产出指标', level2: '时效指标', name: '补贴发放及时率', target: '不低于95%', actual: '100%', weight: 10, score: 10 },
      { level1: '产出指标', level2: '成本指标', name: '单个服务站建设成本', target: '<=50万元', actual: '48万元', weight: 10, score: 10 },
      { level1: '效益指标', level2: '社会效益指标', name: '老年人生活质量', target: '有效提升', actual: '显著提升', weight: 15, score: 15 },
      { level1: '效益指标', level2: '可持续影响指标', name: '长效运营机制', target: '形成长效运营机制', actual: '基本形成', weight: 15, score: 11,
        note: '社会化运营招标延至次年，已制定时间表。' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '>=90%', actual: 93, weight: 10, score: 10 },
    ],
    totalWeight: 100,
    totalScore: 0,
  };
  pension.totalScore = sumScores(pension);
  return pension;
}

/**
 * The sample's first sheet, the one the workbench opens on, shows the whole flow by itself: a stated score above
 * what the rules give (an error 校验 finds; a fill leaves it to the person), blank 得分 cells and a missed target
 * without its 偏差原因 (a drafted note), so that 填写得分 on this sheet alone writes scores and a note. Its 总分 is
 * the sum the filled sheet adds up to.
 */
function pensionWithFaults(): FormSpec {
  const clean = cleanPensionForm();
  const f = SAMPLE_FAULTS.firstSheet;
  const filled: FormSpec = {
    ...clean,
    indicators: clean.indicators.map((i): IndicatorSpec => {
      if (i.name === f.scoreMismatch) return { ...i, actual: '92%', score: 10, note: '部分街道补贴名册核对延后，已督促按月发放。' };
      if (i.name === f.noteMissing) return { ...i, actual: '52万元', score: score(10, new D(50).div(52)), note: undefined };
      return i;
    }),
  };
  const blank = new Set<string>([f.scoreMissing, f.noteMissing]);
  return {
    ...filled,
    indicators: filled.indicators.map((i) => (blank.has(i.name) ? { ...i, score: null } : i)),
    totalScore: sumScores(filled),
  };
}

/** The four forms of assets/sample/sample-2021.xlsx, with the faults listed in `SAMPLE_FAULTS`. */
export function sampleForms(): { sheet: string; forms: FormSpec[]; at?: { row: number; col: number } }[] {
  const pension = pensionWithFaults();

  const rate2 = new D(8350000).div(8500000);
  const roads: FormSpec = {
    project: '城市道路养护维修项目',
    department: '某市住房和城乡建设管理委员会',
    unit: '某市道路管理所',
    funds: [
      { label: '年度资金总额', initial: 8500000, budget: 8500000, executed: 8350000 },
      { label: '其中：当年财政拨款', initial: 8000000, budget: 8000000, executed: 8050000 },
      { label: '上年结转资金', initial: 300000, budget: 300000, executed: 300000 },
      { label: '其他资金', initial: 0, budget: 0, executed: 0 },
    ],
    fundsWeight: 10,
    rate: n(rate2.toDecimalPlaces(4, D.ROUND_UP).toFixed()),
    fundsScore: score(10, rate2),
    goal: { target: '完成全市主次干道日常养护和病害维修，保障道路完好率。', actual: '' },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '道路维修面积', target: '>=120000平方米', actual: '108,000平方米', weight: 15,
        score: score(15, new D(108000).div(120000)) },
      { level1: '产出指标', level2: '数量指标', name: '巡查里程', target: '不少于3000公里', actual: 3260, weight: 10, score: 10 },
      { level1: '产出指标', level2: '质量指标', name: '道路完好率', target: '80%-95%', actual: '92%', weight: 10, score: 10 },
      { level1: '产出指标', level2: '时效指标', name: '坑槽修复响应时间', target: '<=24小时', actual: '20小时', weight: 10, score: 10 },
      { level1: '产出指标', level2: '成本指标', name: '每平方米维修成本', target: '≤65元', actual: 70, weight: 5, score: score(5, new D(65).div(70)),
        note: '沥青价格上涨。' },
      { level1: '效益指标', level2: '社会效益指标', name: '市民出行条件', target: '明显改善', actual: '改善', weight: 20, score: 20 },
      { level1: '效益指标', level2: '生态效益指标', name: '施工扬尘投诉', target: '<=5件', actual: '3件', weight: 10, score: 10 },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '市民满意度', target: '≥85%', actual: '88%', weight: 5, score: 5 },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '有效投诉处理率', target: '=100%', actual: 1, actualFormat: '0%', weight: 5, score: 5 },
    ],
    totalWeight: 100,
    totalScore: 0,
  };
  roads.totalScore = sumScores(roads);

  const rate3 = new D(2960000).div(3000000);
  const bridges: FormSpec = {
    project: '桥梁安全检测项目',
    department: '某市住房和城乡建设管理委员会',
    unit: '某市桥梁管理中心',
    funds: [
      { label: '年度资金总额', initial: 3000000, budget: 3000000, executed: 2960000 },
      { label: '其中：当年财政拨款', initial: 3000000, budget: 3000000, executed: 2960000 },
      { label: '上年结转资金', initial: 0, budget: 0, executed: null },
      { label: '其他资金', initial: 0, budget: 0, executed: null },
    ],
    fundsWeight: 10,
    rate: n(rate3.toDecimalPlaces(4, D.ROUND_UP).toFixed()),
    fundsScore: score(10, rate3),
    goal: { target: '完成全市 120 座桥梁的定期检测和 8 座特大桥的专项检测。', actual: '完成 126 座桥梁定期检测和 8 座特大桥专项检测。' },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '桥梁定期检测', target: '>=120座', actual: '126座', weight: 20, score: null },
      { level1: '产出指标', level2: '数量指标', name: '特大桥专项检测', target: '=8座', actual: 8, weight: 15, score: 15 },
      { level1: '产出指标', level2: '质量指标', name: '检测报告合格率', target: '100%', actual: '100%', weight: 15, score: 15 },
      { level1: '效益指标', level2: '安全效益指标', name: '重大安全隐患发现处置', target: '及时', actual: '及时', weight: 30, score: 30 },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '管养单位满意度', target: '≥90%', actual: '96%', weight: 10, score: 10 },
    ],
    totalWeight: 100,
    totalScore: 0,
  };
  bridges.totalScore = new D(sumScores(bridges)).plus(20).toNumber();

  const rate4 = new D('1562400.5').div(1600000);
  const portal: FormSpec = {
    project: '政务服务平台运行维护项目',
    department: '某市大数据管理局',
    unit: '某市大数据中心',
    moneyUnit: '元',
    funds: [
      { label: '年度资金总额', initial: '1,600,000.00', budget: 1600000, executed: 1562400.5 },
      { label: '其中：当年财政拨款', initial: '1,600,000.00', budget: 1600000, executed: 1562400.5 },
      { label: '上年结转资金', initial: 0, budget: 0, executed: null },
      { label: '其他资金', initial: 0, budget: 0, executed: null },
    ],
    fundsWeight: 10,
    rate: 0,
    fundsScore: score(10, rate4),
    goal: {
      target: '<p>保障政务服务平台全年稳定运行，系统可用率不低于 99.9%。</p>',
      actual: '<p>平台全年稳定运行，可用率 99.95%，办件量 230 万件。</p>',
    },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '年办件量', target: '>=150万件', actual: '230万件', weight: 15, score: 15,
        note: '“一网通办”接入事项增加，办件量超出预期。' },
      { level1: '产出指标', level2: '质量指标', name: '系统可用率', target: '>=99.9%', actual: 0.9995, actualFormat: '0.00%', weight: 15, score: 15 },
      { level1: '产出指标', level2: '质量指标', name: '全国营商环境评价排名', target: '前三名', actual: '第2名', weight: 10, score: 10 },
      // stated full marks for a missed reverse target: 10 × 2 / 2.5 = 8 (SCORE_MISMATCH, then TOTAL_MISMATCH)
      { level1: '产出指标', level2: '时效指标', name: '故障平均恢复时间', target: '≤2小时', actual: '2.5小时', weight: 10, score: 10 },
      { level1: '效益指标', level2: '社会效益指标', name: '企业群众办事便利度', target: '有效提升', actual: '有效', weight: 30, score: 30 },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '用户满意度', target: '≥95%', actual: '服务对象满意度>=98%', weight: 5, score: 5 },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '有效投诉率', target: '<0.01%', actual: 0.00005, actualFormat: '0.000%', weight: 5, score: 5 },
    ],
    totalWeight: 100,
    totalScore: 0,
  };
  // 执行率 as published: a ROUNDUP formula with its cached result; 总分 as a SUM formula
  const pc = formCells(portal, 2, 2);
  portal.rate = { formula: `ROUNDUP(${pc.executed}/${pc.budget},4)`, result: n(rate4.toDecimalPlaces(4, D.ROUND_UP).toFixed()) };
  portal.totalScore = { formula: `${pc.fundsScore}+SUM(${pc.firstScore}:${pc.lastScore})`, result: sumScores(portal) };

  return [
    { sheet: '社区养老', forms: [pension] },
    { sheet: '城建项目', forms: [roads, bridges] },
    { sheet: '政务平台', forms: [portal], at: { row: 2, col: 2 } },
  ];
}

function cellNumber(v: Cell): number {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') return v.result;
  return 0;
}

function sumScores(spec: FormSpec): number {
  return spec.indicators.reduce((s, i) => s.plus(cellNumber(i.score)), new D(cellNumber(spec.fundsScore))).toNumber();
}

/** What the sample workbook gets wrong on purpose, for tests and docs. */
export const SAMPLE_FAULTS = {
  /** on the first sheet (社区养老服务补贴项目), each by its indicator's name */
  firstSheet: {
    sheet: '社区养老', project: '社区养老服务补贴项目',
    scoreMismatch: '补贴发放及时率', scoreMissing: '新建社区养老服务站', noteMissing: '单个服务站建设成本',
  },
  scoreMissing: { sheet: '城建项目', project: '桥梁安全检测项目', name: '桥梁定期检测' },
  fundsBreakdown: { sheet: '城建项目', project: '城市道路养护维修项目' },
  noteMissing: { sheet: '城建项目', project: '城市道路养护维修项目', name: '道路维修面积' },
  goalMissing: { sheet: '城建项目', project: '城市道路养护维修项目' },
  qualitative: { sheet: '社区养老', project: '社区养老服务补贴项目', name: '长效运营机制' },
  percentFormat: { sheet: '社区养老', project: '社区养老服务补贴项目', name: '服务站验收合格率' },
  stacked: { sheet: '城建项目', projects: ['城市道路养护维修项目', '桥梁安全检测项目'] },
  scoreMismatch: { sheet: '政务平台', project: '政务服务平台运行维护项目', name: '故障平均恢复时间' },
  startsOffA1: { sheet: '政务平台', range: 'B2:J21' },
} as const;

/** Lays out sheets of forms (stacked with two blank rows between forms of one sheet). */
export function workbookOfForms(sheets: { sheet: string; forms: FormSpec[]; at?: { row: number; col: number } }[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ziping';
  wb.created = new Date(Date.UTC(2022, 2, 1));
  wb.modified = wb.created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    const col = s.at?.col ?? 1;
    let row = s.at?.row ?? 1;
    setColumnWidths(ws, col);
    for (const f of s.forms) row = addForm(ws, f, row, col) + 2;
  }
  return wb;
}

/** The sample workbook (assets/sample/sample-2021.xlsx) in memory. */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  return workbookOfForms(sampleForms());
}

/** A small deterministic PRNG (mulberry32) so that bench workbooks are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['场', '家', '次', '户', '人次', '个', '份'];
const NAMES = ['培训', '检查', '宣传活动', '服务企业', '走访', '评审', '报告'];

/** A varied but well-formed form (mostly correct, about one fault in six indicators) from a seed. */
export function generatedForm(seed: number): FormSpec {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const budget = 1_000_000 + Math.floor(r() * 9_000_000) * 10;
  const executed = Math.round(budget * (0.9 + r() * 0.1) * 100) / 100;
  const rate = new D(executed).div(budget);
  const count = 8 + Math.floor(r() * 8);
  const indicators: IndicatorSpec[] = [];
  // weights: 50 output, 30 benefit, 10 satisfaction (+10 funds)
  const outputs = count - 3;
  const outWeights = split(50, outputs);
  for (let i = 0; i < outputs; i++) {
    const unit = pick(UNITS);
    const target = 10 + Math.floor(r() * 500);
    const miss = r() < 0.15;
    const actual = miss ? Math.floor(target * (0.7 + r() * 0.25)) : target + Math.floor(r() * target * 0.1);
    const w = outWeights[i];
    indicators.push({
      level1: '产出指标', level2: pick(['数量指标', '质量指标', '时效指标']), name: `${pick(NAMES)}${i + 1}`,
      target: `>=${target}${unit}`, actual: r() < 0.5 ? actual : `${actual}${unit}`, weight: w,
      score: score(w, new D(actual).div(target)), note: miss ? '受疫情影响，部分活动延期。' : undefined,
    });
  }
  indicators.sort((a, b) => a.level2.localeCompare(b.level2));
  indicators.push({ level1: '效益指标', level2: '社会效益指标', name: '社会影响', target: '有效提升', actual: '有效', weight: 15, score: 15 });
  indicators.push({ level1: '效益指标', level2: '经济效益指标', name: '带动投资', target: '≥1.2亿元', actual: '1.5亿元', weight: 15, score: 15 });
  indicators.push({ level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '>=90%', actual: (90 + Math.floor(r() * 10)) / 100,
    actualFormat: '0.00%', weight: 10, score: 10 });
  const spec: FormSpec = {
    project: `示例项目 ${seed}`, department: '某市某局', unit: '某市某中心',
    funds: [
      { label: '年度资金总额', initial: budget, budget, executed },
      { label: '其中：当年财政拨款', initial: budget, budget, executed },
      { label: '上年结转资金', initial: 0, budget: 0, executed: null },
      { label: '其他资金', initial: 0, budget: 0, executed: null },
    ],
    fundsWeight: 10, rate: n(rate.toDecimalPlaces(4, D.ROUND_UP).toFixed()), fundsScore: score(10, rate),
    goal: { target: '按计划完成年度工作任务。', actual: '全面完成年度工作任务。' },
    indicators, totalWeight: 100, totalScore: 0,
  };
  spec.totalScore = sumScores(spec);
  return spec;
}

function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const out = new Array<number>(parts).fill(base);
  for (let i = 0; i < total - base * parts; i++) out[i] += 1;
  return out;
}

/** A workbook of `forms` generated forms, `perSheet` stacked on each sheet. */
export function buildBenchWorkbook(forms: number, perSheet = 1): ExcelJS.Workbook {
  const sheets: { sheet: string; forms: FormSpec[] }[] = [];
  for (let i = 0; i < forms; i++) {
    if (i % perSheet === 0) sheets.push({ sheet: `项目${sheets.length + 1}`, forms: [] });
    sheets[sheets.length - 1].forms.push(generatedForm(i + 1));
  }
  return workbookOfForms(sheets);
}
