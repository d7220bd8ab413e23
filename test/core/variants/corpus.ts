/**
 * Realistic 自评表 variants from templates the seed does not show: the 2021+ Ministry of Finance template in 万元,
 * provincial variants (Guangxi-like, Zhejiang-like), layouts without a 绩效指标 column, two-row headers, forms far down
 * a sheet, stacked and side-by-side forms. Everything is invented; each variant says what a careful reviewer expects.
 * These are whole templates drawn row by row; the variants of the published layout (two-row header, compact and bare
 * forms) are options and presets of the one form builder in test/fixtures/forms.ts.
 */
import type { CellValue } from '../../../src/core/grid';
import { SheetBuilder, type Lit } from '../../fixtures/grid';
import { bareForm } from '../../fixtures/forms';

/**
 * The 2021+ MoF template (财预〔2020〕10号 附件, later edition): 项目支出绩效自评表, 预期目标, 成本指标 with
 * 经济成本指标/社会成本指标, 项目资金（万元） with amounts of up to 6 decimals, 全年预算数（A）/全年执行数（B）/执行率（B/A）.
 * Correct throughout: total 99.6 (funds 9.6 + 90).
 */
export function mof2022(): Lit {
  const b = new SheetBuilder();
  b.row(['项目支出绩效自评表'], { span: ['A:I'] });
  b.row(['（2021年度）'], { span: ['A:I'] });
  b.row(['项目名称', '中小企业数字化转型培训'], { span: ['B:I'] });
  b.row(['主管部门', '某市经济和信息化局', null, null, null, '实施单位', '某市中小企业服务中心'], { span: ['B:E', 'G:I'] });
  const f = b.row(['项目资金（万元）', null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'], { span: ['H:I'] });
  b.row([null, '年度资金总额', 120.5, 125.5, 120.48, 10, 0.96, 9.6], { span: ['H:I'], fmt: { G: '0.00%', C: '#,##0.00', D: '#,##0.000000', E: '#,##0.00' } });
  b.row([null, '其中：当年财政拨款', 100, 100.123456, 95.1, '—', null, '—'], { span: ['H:I'] });
  b.row([null, '上年结转资金', 20.5, 25.376544, 25.38, '—', null, '—'], { span: ['H:I'] });
  b.row([null, '其他资金', 0, 0, 0, '—', null, '—'], { span: ['H:I'] });
  b.down('A', f, b.last);
  const g = b.row(['年度总体目标', '预期目标', null, null, null, '实际完成情况'], { span: ['B:E', 'F:I'] });
  b.row([null, '全年开展数字化转型培训20期，培训企业1.2万户', null, null, null, '全年开展培训22期，覆盖企业13000户'], { span: ['B:E', 'F:I'] });
  b.down('A', g, b.last);
  const h = b.row(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  const ind: CellValue[][] = [
    [null, '产出指标', '数量指标', '开展培训期数', '≥20期', '22期', 10, 10],
    [null, null, '质量指标', '培训合格率', '≥95%', 0.965, 10, 10],
    [null, null, '时效指标', '培训完成时间', '2021年12月底前', '已按期完成', 10, 10],
    [null, '成本指标', '经济成本指标', '培训总成本', '控制在100万元以内', '98.6万元', 10, 10],
    [null, null, '社会成本指标', '对参训企业正常生产的影响', '无负面影响', '无负面影响', 10, 10],
    [null, '效益指标', '社会效益指标', '受益企业户数', '≥1.2万户', 13000, 15, 15],
    [null, null, '经济效益指标', '带动企业数字化投资', '≥5亿元', '5.2亿元', 15, 15],
    [null, '满意度指标', '服务对象满意度指标', '参训企业满意度', '≥90%', '93.5', 10, 10],
  ];
  const first = b.last + 1;
  for (const r of ind) b.row(r, r[5] === 0.965 ? { fmt: { F: '0.0%' } } : {});
  b.down('B', first, first + 2);
  b.down('B', first + 3, first + 4);
  b.down('B', first + 5, first + 6);
  b.down('A', h, b.last);
  b.row(['总分', null, null, null, null, null, 100, 99.6], { span: ['A:F'] });
  return b.lit();
}

export interface PlainOptions {
  /** 分值 of the funds block in one cell merged over the 年度资金总额 and 其中 rows */
  mergedFundsWeight?: boolean;
  /** 三级指标 (header and names) merged over two columns */
  level3TwoColumns?: boolean;
}

/**
 * A template whose indicator table starts with 一级指标 (no 绩效指标 column), a funds block without 年初预算数, 得分 not
 * merged, a text 执行率 `97.50%`. Correct throughout: total 99.75.
 */
export function firstColumnLevel1(o: PlainOptions = {}): Lit {
  const two = o.level3TwoColumns ?? false;
  // with 三级指标 over C:D every column right of C moves one to the right
  const cols = two ? 'ABCEFGHI' : 'ABCDEFGH';
  const phys = (i: number) => cols.charCodeAt(i) - 65;
  const at = (cells: CellValue[]): CellValue[] => {
    if (!two) return cells;
    return [cells[0], cells[1], cells[2], null, ...cells.slice(3)];
  };
  const last = cols[7];
  const b = new SheetBuilder();
  b.row(['项目名称', '智慧社区建设'], { span: [`B:${last}`] });
  b.row(['主管部门', '某区民政局', null, null, '实施单位', '某区社区服务中心'], { span: ['B:D', `F:${last}`] });
  const f = b.row(['项目资金（元）', null, '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  b.row([null, '年度资金总额', '2,000,000', 1950000, 10, '97.50%', 9.75]);
  b.row([null, '其中：当年财政拨款', 2000000, 1950000, o.mergedFundsWeight ? null : '—', null, '—']);
  b.row([null, '上年结转资金', 0, 0, o.mergedFundsWeight ? null : '—', null, '—']);
  b.row([null, '其他资金', 0, 0, o.mergedFundsWeight ? null : '—', null, '—']);
  b.down('A', f, b.last);
  if (o.mergedFundsWeight) b.down('E', f + 1, b.last);
  b.row(['年度总体目标', '预期目标', null, null, null, '实际完成情况'], { span: ['B:E', `F:${last}`] });
  b.row([null, '建成10个智慧社区', null, null, null, '建成10个智慧社区并通过验收'], { span: ['B:E', `F:${last}`] });
  b.down('A', b.last - 1, b.last);
  const span3 = two ? ['C:D'] : [];
  b.row(at(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']), { span: span3 });
  const first = b.last + 1;
  b.row(at(['产出指标', '数量指标', '建成智慧社区', '≥10个', '10个', 20, 20]), { span: span3 });
  b.row(at([null, '质量指标', '系统验收合格率', '100%', '100%', 15, 15]), { span: span3 });
  b.row(at([null, '时效指标', '项目完成时间', '12月31日前完成', '已按期完成', 15, 15]), { span: span3 });
  b.row(at(['效益指标', '社会效益指标', '居民办事平均时长', '≤5个工作日', '3个工作日', 15, 15]), { span: span3 });
  b.row(at([null, null, '网络故障率', '≤3%', '2.5%', 15, 15]), { span: span3 });
  b.row(at(['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '96.5%', 10, 10]), { span: span3 });
  b.down('A', first, first + 2);
  b.down('A', first + 3, first + 4);
  b.down('B', first + 3, first + 4);
  const total: CellValue[] = new Array<CellValue>(phys(6) + 1).fill(null);
  total[0] = '总分';
  total[phys(5)] = 100;
  total[phys(6)] = 99.75;
  b.row(total, { span: [`A:${cols[4]}`] });
  return b.lit();
}

/**
 * A Guangxi-like form: 指标值 / 实际值 / 权重 / 得分 / 偏差原因分析, 权重 also in the funds block, amounts in 万元. One
 * indicator is at 125% of its target with a reason given: over-achievement under mof-2020 (120%), not under guangxi
 * (130%). Total 99.84.
 */
export function guangxi(): Lit {
  const b = new SheetBuilder();
  b.row(['项目支出绩效自评表'], { span: ['A:I'] });
  b.row(['（2021年度）'], { span: ['A:I'] });
  b.row(['项目名称', '农村公路建设'], { span: ['B:I'] });
  b.row(['主管部门及代码', '某县交通运输局（123001）', null, null, null, '实施单位', '某县公路事务中心'], { span: ['B:E', 'G:I'] });
  const f = b.row(['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '权重', '执行率', '得分'], { span: ['H:I'] });
  b.row([null, '年度资金总额', 3000, 3200.5, 3150.25, 10, '98.43%', 9.84], { span: ['H:I'] });
  b.row([null, '其中：财政拨款', 3000, 3200.5, 3150.25, '—', null, '—'], { span: ['H:I'] });
  b.row([null, '上年结转资金', 0, 0, 0, '—', null, '—'], { span: ['H:I'] });
  b.row([null, '其他资金', 0, 0, 0, '—', null, '—'], { span: ['H:I'] });
  b.down('A', f, b.last);
  b.row(['年度总体目标', '预期目标', null, null, null, '实际完成情况'], { span: ['B:E', 'F:I'] });
  b.row([null, '新建农村公路100公里', null, null, null, '新建农村公路125公里'], { span: ['B:E', 'F:I'] });
  b.down('A', b.last - 1, b.last);
  const h = b.row(['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '实际值', '权重', '得分', '偏差原因分析']);
  const first = b.last + 1;
  b.row([null, '产出指标', '数量指标', '新建农村公路里程', '≥100公里', '125公里', 20, 20, '追加了上级补助项目']);
  b.row([null, null, '质量指标', '工程验收合格率', '≥98%', '98.00%', 15, 15]);
  b.row([null, null, '时效指标', '完工时间', '2021年12月底前', '已按期完成', 15, 15]);
  b.row([null, '效益指标', '社会效益指标', '沿线群众出行时间', '≤30分钟', '0.4小时', 15, 15]);
  b.row([null, null, '可持续影响指标', '道路设计使用年限', '≥10年', '10年', 15, 15]);
  b.row([null, '满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '93.5', 10, 10]);
  b.down('B', first, first + 2);
  b.down('B', first + 3, first + 4);
  b.down('A', h, b.last);
  b.row(['总分', null, null, null, null, null, 100, 99.84], { span: ['A:F'] });
  return b.lit();
}

/**
 * A Zhejiang-like form: numeric targets and actuals in adjacent 年度指标值（A）/ 实际完成值（B） columns, 得分 as
 * `=MIN(G13,G13*F13/E13)` with cached results, the total as `=SUM(H6:H17)`. Row 15 is below target with a reason,
 * row 16 below target without one. Total 96.87.
 */
export function zhejiang(): Lit {
  const b = new SheetBuilder();
  b.row(['项目支出绩效自评表'], { span: ['A:I'] });
  b.row(['2021年度'], { span: ['A:I'] });
  b.row(['项目名称', '职业技能提升培训'], { span: ['B:I'] });
  b.row(['主管部门', '某市人力资源和社会保障局', null, null, null, '实施单位', '某市职业技能培训中心'], { span: ['B:E', 'G:I'] });
  const f = b.row(['项目资金（元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'], { span: ['H:I'] });
  b.row([null, '年度资金总额', 1000000, 1000000, 980000, 10, 0.98, 9.8], { span: ['H:I'], fmt: { G: '0.00%' }, f: { G: '=E6/D6' } });
  b.row([null, '其中：当年财政拨款', 1000000, 1000000, 980000, '—', null, '—'], { span: ['H:I'] });
  b.row([null, '上年结转资金', 0, 0, 0, '—', null, '—'], { span: ['H:I'] });
  b.row([null, '其他资金', 0, 0, 0, '—', null, '—'], { span: ['H:I'] });
  b.down('A', f, b.last);
  b.row(['年度总体目标', '预算目标', null, null, null, '实际完成情况'], { span: ['B:E', 'F:I'] });
  b.row([null, '完成职业技能培训500人次', null, null, null, '完成培训520人次'], { span: ['B:E', 'F:I'] });
  b.down('A', b.last - 1, b.last);
  const h = b.row(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值（A）', '实际完成值（B）', '分值', '得分', '偏差原因分析及改进措施']);
  const rows: [CellValue, CellValue, CellValue, string, number, number, number, number, string | null, string | null][] = [
    [null, '产出指标', '数量指标', '完成培训人次', 500, 520, 20, 20, null, null],
    [null, null, '质量指标', '课程考核合格率', 0.95, 0.97, 15, 15, '0%', null],
    [null, null, '时效指标', '按期开班率', 1, 0.9, 15, 13.5, '0%', '两期因疫情延期开班'],
    [null, '效益指标', '社会效益指标', '带动就业人数', 210, 200, 30, (30 * 200) / 210, null, null],
    [null, '满意度指标', '服务对象满意度指标', '学员满意度', 0.9, 0.935, 10, 10, '0%', null],
  ];
  const first = b.last + 1;
  for (const [a, l1, l2, name, target, actual, w, score, pctFmt, note] of rows) {
    const n = b.last + 1;
    b.row([a, l1, l2, name, target, actual, w, score, note], {
      fmt: pctFmt ? { E: pctFmt, F: '0.00%', H: '0.00' } : { H: '0.00' },
      f: { H: `=MIN(G${n},G${n}*F${n}/E${n})` },
    });
  }
  b.down('B', first, first + 2);
  b.down('A', h, b.last);
  const n = b.last + 1;
  b.row(['总分', null, null, null, null, null, 100, 9.8 + 20 + 15 + 13.5 + (30 * 200) / 210 + 10], { span: ['A:F'], fmt: { H: '0.00' }, f: { H: `=SUM(H6:H${n - 1})` } });
  return b.lit();
}

/** Indicator rows with an empty row between two of them (a deleted indicator left behind). */
export function gappedRows(): Lit {
  const l = bareForm('培训');
  const at = l.rows.findIndex((r) => r[2] === '社会效益指标' || r[1] === '效益指标');
  const rows = [...l.rows.slice(0, at), [], ...l.rows.slice(at)];
  const shift = (a1: string) => a1.replace(/\d+/gu, (n) => (Number(n) > at ? String(Number(n) + 1) : n));
  return {
    rows,
    merges: (l.merges ?? []).map((m) => m.split(':').map(shift).join(':')),
    formats: Object.fromEntries(Object.entries(l.formats ?? {}).map(([k, v]) => [shift(k), v])),
  };
}
