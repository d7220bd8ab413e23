import { amount, divided, eachCell, gap, pct, plain, ratePct, ratioPct, text } from './format';
import type { FindingParams, UncomputableReason, WeightOf } from '../findings';
import type { MessageTable } from './types';
import { declarationZh } from './declaration';

/** ends every drafted note; a note still holding it is a draft, not a reason */
const PLACEHOLDER = '（待填写）';

const who = (p: { readonly name?: string }) => (p.name ? `“${p.name}”` : '');
const KIND: Record<string, string> = {
  atLeast: '正向指标', moreThan: '正向指标', atMost: '反向指标', lessThan: '反向指标', equal: '等值指标',
  range: '区间指标', rank: '排名指标', qualitative: '定性指标',
};
/** 完成率 for kinds scored B/A; the share of the weight the rule gives for the others. */
const RATIO: Record<string, string> = { atLeast: '完成率', moreThan: '完成率', equal: '完成率' };
const MAGNITUDE: Record<string, string> = { '10000': '万', '100000000': '亿' };
/** A stated number as the sheet shows it. */
const st = (p: { readonly statedText?: string | null; readonly stated?: string | null }) => (p.statedText ? p.statedText : plain(p.stated));

function mismatch(p: Readonly<FindingParams['SCORE_MISMATCH']>): string {
  const head = `${who(p)}得分 ${st(p)} 与计算值 ${plain(p.computed)} 不符：`;
  if (p.funds) return `${head}执行率 ${pct(p.rate, 4)}，分值 ${plain(p.weight)}，按规则应得 ${plain(p.computed)} 分（分值 × 执行率，执行率超过 100% 的按 100% 计）。`;
  const kind = text(p.kind);
  const actual = text(p.actual) || '—';
  const target = text(p.target) || '—';
  if (p.status === 'achieved') {
    return `${head}实际完成 ${actual} 已达到目标 ${target}（${KIND[kind] ?? ''}），按规则应得满分 ${plain(p.computed)} 分。`;
  }
  const ratio = p.ratio ? `，${RATIO[kind] ?? '得分比例'} ${pct(p.ratio, 4)}` : '';
  return `${head}实际完成 ${actual}，目标 ${target}（${KIND[kind] ?? ''}，${STATUS[text(p.status)] ?? ''}）${ratio}，分值 ${plain(p.weight)}，按规则应得 ${plain(p.computed)} 分。`;
}

function band(p: Readonly<FindingParams['SCORE_OUT_OF_BAND']>): string {
  const low = plain(p.low);
  const high = plain(p.high);
  if (p.highInclusive) return `在 ${low}～${high} 之间`;
  if (Number(p.low) === 0) return `低于 ${high}`;
  return `不低于 ${low} 且低于 ${high}`;
}

function scaleGuess(p: Readonly<FindingParams['SCALE_GUESSED']>): string {
  const actual = `${who(p)}实际完成值“${text(p.actual)}”未写单位`;
  const unit = text(p.unit);
  const mag = text(p.magnitude);
  if (mag === '100') return `${actual}，按小数读作 ${plain(p.value)}%（目标 ${text(p.target)}），请核实。`;
  const m = MAGNITUDE[mag];
  if (m) {
    const written = plain(divided(p.value, mag));
    return `${actual}，按目标“${text(p.target)}”的量级读作 ${written}${m}${unit}（${plain(p.value)}${unit}），请核实。`;
  }
  const tm = MAGNITUDE[text(p.targetMagnitude)];
  if (tm) return `${actual}，读作 ${plain(p.value)}${unit}，而非 ${plain(p.value)}${tm}${unit}（目标 ${text(p.target)}），请核实。`;
  return `${actual}，读作 ${plain(p.value)}${unit}（目标 ${text(p.target)}），请核实。`;
}
const STATUS: Record<string, string> = { achieved: '已达成', partial: '部分达成', notAchieved: '未达成', undetermined: '无法判定' };
const WHAT: Record<string, string> = { weight: '分值', score: '得分', funds: '项目资金' };
const WEIGHT_OF: Partial<Record<WeightOf, string>> = { funds: '年度资金总额的', total: '总分的' };

function weightProblem(p: Readonly<FindingParams['WEIGHT_INVALID']>): string {
  if (p.reason === 'notFinite') return `“${text(p.value)}”不是有限的数值`;
  if (p.reason === 'negative') return ` ${text(p.value)} 为负数，不能小于 0`;
  return ` ${text(p.value)} 超过 ${plain(p.limit)}`;
}

function fundsBreakdown(p: Readonly<FindingParams['FUNDS_BREAKDOWN']>): string {
  const one = (q: Readonly<FindingParams['FUNDS_BREAKDOWN']>, cell = '') =>
    `${q.column ? `${text(q.column)}${cell && `（${cell}）`}的` : cell && `${cell} 的`}“其中”各项之和 ${amount(q.sum)}（${String(q.parts ?? '').split('+').map((x) => amount(x)).join(' + ')}）≠ 年度资金总额 ${amount(q.total)}（${gap(q.difference, '多', '少')}）`;
  const cells = eachCell(p);
  return `资金构成不符：${cells ? cells.map((c) => one(c, c.cell)).join('；') : one(p)}：请核对各项资金来源。`;
}

function breakdownSum(p: Readonly<FindingParams['BREAKDOWN_SUM']>): string {
  const one = (q: Readonly<FindingParams['BREAKDOWN_SUM']>, cell = '') =>
    `${q.what === 'actual' ? '实际完成值' : '年度指标值'}之和 ${plain(q.sum)}${text(q.unit)} 与该项的 ${plain(q.parent)}${text(q.unit)} 不符${cell && `（${cell}）`}`;
  const cells = eachCell(p);
  return `${who(p)}下 ${plain(p.parts)} 项“其中”的${cells ? cells.map((c) => one(c, c.cell)).join('，') : one(p)}，请核实（分项不计分）。`;
}

function unreadable(p: Readonly<FindingParams['CELL_UNREADABLE']>): string {
  const cells = eachCell(p);
  const what = cells ? cells.map((c) => `${WHAT[text(c.what)] ?? ''}单元格 ${c.cell} 的内容“${text(c.value)}”`).join('、') : `${WHAT[text(p.what)] ?? ''}单元格的内容“${text(p.value)}”`;
  return `${who(p)}${what}不是数值：请改为数值。`;
}

const UNCOMPUTABLE: Record<UncomputableReason, (p: Readonly<FindingParams['FUNDS_SCORE_UNCOMPUTABLE']>) => string> = {
  budgetZero: () => '全年预算数为 0，无法计算执行率',
  budgetNegative: (p) => `全年预算数 ${amount(p.budget)} 为负数，无法计算执行率`,
  budgetMissing: () => '全年预算数为空，无法计算执行率',
  budgetUnreadable: () => '全年预算数不是数值，无法计算执行率',
  executedMissing: () => '全年执行数为空，无法计算执行率',
  executedUnreadable: () => '全年执行数不是数值，无法计算执行率',
  weightMissing: () => '资金分值为空，无法计算得分',
  weightUnreadable: () => '资金分值不是数值，无法计算得分',
  weightInvalid: () => '资金分值无效，无法计算得分',
};
const UNCOMPUTABLE_CELL: Record<string, string> = { budget: '全年预算数', executed: '全年执行数', weight: '分值' };

function uncomputable(p: Readonly<FindingParams['FUNDS_SCORE_UNCOMPUTABLE']>): string {
  const reason = UNCOMPUTABLE[p.reason]?.(p) ?? '无法计算资金得分';
  const field = UNCOMPUTABLE_CELL[/^[a-z]+/.exec(text(p.reason))?.[0] ?? ''] ?? '资金数据';
  const stated = p.stated === null || p.stated === undefined ? '得分无法计算，未填写' : `表内得分 ${st(p)} 未核对`;
  return `${reason}，${stated}：请核对${field}${p.at ? `（${text(p.at)}）` : ''}。`;
}

export const zhCN: MessageTable = {
  NO_FORM: (p) => `工作表“${text(p.sheet)}”中未找到绩效自评表。需要包含“年度指标值”“实际完成值”“分值”“得分”等表头。`,
  HEADER_MISSING: (p) => `绩效指标表缺少列：${text(p.labels)}。请补上表头（可用同义词，如“全年实际值”“权重”）。`,
  SCORE_MISMATCH: (p) => mismatch(p),
  SCORE_OVER_WEIGHT: (p) =>
    p.weight === null || p.weight === undefined
      ? `${who(p)}得分 ${st(p)} 为负数：得分不能小于 0，请更正。`
      : `${who(p)}得分 ${st(p)} 超出分值范围 0～${plain(p.weight)}：请更正得分或分值。`,
  SCORE_MISSING: (p) =>
    p.formula
      ? `${who(p)}得分单元格是公式（${text(p.formula)}），但没有计算结果${p.computed ? `，按规则应为 ${plain(p.computed)} 分` : ''}：请在 Excel 中重新计算并保存。公式单元格不会被自动填写。`
      : p.computable
        ? `${who(p)}得分为空${p.computed ? `，按规则可填 ${plain(p.computed)} 分（“填写得分”可自动填入）` : '，可由“填写得分”自动计算'}。`
        : `${who(p)}得分为空，且需人工评定（${STATUS[text(p.status)] ?? '无法判定'}），请填写。`,
  SCORE_OUT_OF_BAND: (p) =>
    `${who(p)}定性指标判定为“${STATUS[text(p.status)] ?? ''}”，得分应${band(p)}，表内为 ${st(p)}：请核实判定或得分。`,
  WEIGHT_SUM: (p) => `分值合计 ${plain(p.sum)}（资金 ${plain(p.funds)} + 指标 ${plain(p.indicators)}）与总分值 ${plain(p.expected)} 不符：请核对各项分值。`,
  WEIGHT_INVALID: (p) => `${who(p)}${WEIGHT_OF[p.what] ?? ''}分值${weightProblem(p)}：请更正分值。未按此分值计算或填写得分。`,
  TOTAL_MISMATCH: (p) => `总分 ${st(p)} 与资金得分及各项指标得分之和 ${plain(p.computed)} 不符：请核对总分。`,
  RATE_MISMATCH: (p) =>
    `执行率 ${pct(p.stated, p.places)} 与计算值 ${ratePct(p)} 不符（全年执行数 ${amount(p.executed)} ÷ 全年预算数 ${amount(p.budget)}）：请更正执行率。`,
  RATE_ROUNDING: (p) =>
    p.way === 'down'
      ? `执行率 ${pct(p.stated, p.places)} 为截尾取值（多余小数直接舍去）；按四舍五入应为 ${pct(p.halfUp, p.places)}，不影响得分。`
      : `执行率 ${pct(p.stated, p.places)} 为向上取整；按四舍五入应为 ${pct(p.halfUp, p.places)}，不影响得分。`,
  FUNDS_BREAKDOWN: (p) => fundsBreakdown(p),
  FUNDS_SCORE_UNCOMPUTABLE: (p) => uncomputable(p),
  OVER_EXECUTION: (p) => `全年执行数 ${amount(p.executed)} 超过全年预算数 ${amount(p.budget)}，请核实。`,
  GOAL_MISSING: () => '年度总体目标的“实际完成情况”为空，请填写。',
  NOTE_MISSING: (p) =>
    p.draft
      ? `${who(p)}偏差说明仍是草稿：请把“${PLACEHOLDER}”改写为实际原因和改进措施。`
      : p.reason === 'overachieved'
      ? `${who(p)}超额完成较多，未说明原因：请在“偏差原因分析及改进措施”中分析原因。`
      : `${who(p)}未达到目标（${p.score === null || p.score === undefined ? `判定为“${STATUS[text(p.status)] ?? ''}”` : `得分 ${plain(p.score)}`}，分值 ${plain(p.weight)}），“偏差原因分析及改进措施”为空：请说明原因和改进措施。`,
  OVERACHIEVED: (p) =>
    `${who(p)}实际完成 ${text(p.actual)} 为目标 ${text(p.target)} 的 ${pct(p.ratio, 4)}（≥ ${ratioPct(p.threshold)}，超额较多）${p.hasNote ? '，已说明原因' : '，需说明原因（财预〔2020〕10号）'}。`,
  TARGET_MALFORMED: (p) => `${who(p)}年度指标值“${text(p.target)}”像数值目标但缺少数字，按定性指标处理，请修正。`,
  VALUE_UNPARSED: (p) =>
    p.reason === 'empty'
      ? `${who(p)}实际完成值为空，无法计算得分：请填写实际完成值。`
      : `${who(p)}实际完成值“${text(p.actual)}”不是可读的数值（目标 ${text(p.target)}），无法计算得分：请填写确切数值，或人工评分。`,
  UNIT_MISMATCH: (p) => `${who(p)}实际完成值“${text(p.actual)}”与目标“${text(p.target)}”单位不一致，无法换算：请统一单位，或人工评分。`,
  QUALITATIVE_REVIEW: (p) =>
    p.review === 'reverseExceeded'
      ? `${who(p)}反向指标实际值 ${text(p.actual)} 超过目标 ${text(p.target)}，需复核。`
      : p.review === 'equalDiffers'
        ? `${who(p)}实际值 ${text(p.actual)} 与目标 ${text(p.target)} 不相等，需复核。`
        : `${who(p)}实际完成情况“${text(p.actual)}”无法自动判定是否达成，请人工复核得分${p.stated ? `（表内 ${plain(p.stated)}）` : ''}。`,
  VALUE_FROM_TEXT: (p) => `${who(p)}从“${text(p.actual)}”中取数值 ${text(p.used)}。`,
  WEIGHT_SPLIT: (p) =>
    p.stated
      ? `一级指标“${text(p.level1)}”下各项分值合计 ${plain(p.weight)}，与标明的 ${plain(p.expected)} 分不符：请核对分值。`
      : `一级指标“${text(p.level1)}”分值合计 ${plain(p.weight)}，通常为 ${plain(p.expected)}。`,
  SCALE_GUESSED: (p) => scaleGuess(p),
  BREAKDOWN_SUM: (p) => breakdownSum(p),
  CELL_UNREADABLE: (p) => unreadable(p),
  TEXT_TRUNCATED: (p) =>
    `${who(p)}起草的偏差说明有 ${plain(p.length)} 个字符，超过 Excel 单元格的上限 ${plain(p.limit)}，已截断并以“…”结尾：请核对后补全。`,
  ...declarationZh,
};

export const zhCNNote = {
  placeholder: PLACEHOLDER,
  below: (p: { actual: string; target: string; rate: string | null; deduct: string | null }) =>
    `实际完成 ${p.actual}（目标 ${p.target}）${p.rate ? `，完成率 ${p.rate}` : ''}${p.deduct ? `，扣 ${p.deduct} 分` : '，未达到目标'}。原因：${PLACEHOLDER}`,
  over: (p: { actual: string; target: string; rate: string | null }) =>
    `实际完成 ${p.actual}（目标 ${p.target}）${p.rate ? `，完成率 ${p.rate}` : ''}，超出目标较多。原因：${PLACEHOLDER}`,
};

