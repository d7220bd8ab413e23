import { amount, pct, plain, ratioPct, text } from './format';
import type { MessageTable } from './types';

const who = (p: Record<string, unknown>) => (p.name ? `“${text(p.name as string)}”` : '');
const KIND: Record<string, string> = {
  atLeast: '不低于目标', moreThan: '高于目标', atMost: '不高于目标', lessThan: '低于目标', equal: '等于目标',
  range: '在区间内', rank: '排名不低于目标', qualitative: '定性判断',
};
const STATUS: Record<string, string> = { achieved: '已达成', partial: '部分达成', notAchieved: '未达成', undetermined: '无法判定' };
const WHAT: Record<string, string> = { weight: '分值', score: '得分', funds: '项目资金' };

export const zhCN: MessageTable = {
  NO_FORM: (p) => `工作表“${text(p.sheet)}”中未找到绩效自评表。需要包含“年度指标值”“实际完成值”“分值”“得分”等表头。`,
  HEADER_MISSING: (p) => `绩效指标表缺少列：${text(p.labels)}。请补上表头（可用同义词，如“全年实际值”“权重”）。`,
  SCORE_MISMATCH: (p) =>
    `${who(p)}得分 ${plain(p.stated)} 与计算值 ${plain(p.computed)} 不符：实际完成 ${text(p.actual) || '—'}，目标 ${text(p.target) || '—'}（${KIND[text(p.kind)] ?? ''}，${STATUS[text(p.status)] ?? ''}），分值 ${plain(p.weight)}，按规则应得 ${plain(p.computed)} 分。`,
  SCORE_OVER_WEIGHT: (p) => `${who(p)}得分 ${plain(p.stated)} 超出分值范围 0～${plain(p.weight)}。`,
  SCORE_MISSING: (p) =>
    p.computable
      ? `${who(p)}得分为空${p.computed ? `，按规则可填 ${plain(p.computed)} 分（“填写得分”可自动填入）` : '，可由“填写得分”自动计算'}。`
      : `${who(p)}得分为空，且需人工评定（${STATUS[text(p.status)] ?? '无法判定'}），请填写。`,
  SCORE_OUT_OF_BAND: (p) =>
    `${who(p)}定性指标判定为“${STATUS[text(p.status)] ?? ''}”，得分应在 ${plain(p.low)}～${plain(p.high)} 之间，表内为 ${plain(p.stated)}。`,
  WEIGHT_SUM: (p) => `分值合计 ${plain(p.sum)}（资金 ${plain(p.funds)} + 指标 ${plain(p.indicators)}）与总分值 ${plain(p.expected)} 不符。`,
  TOTAL_MISMATCH: (p) => `总分 ${plain(p.stated)} 与各项得分之和 ${plain(p.computed)} 不符。`,
  RATE_MISMATCH: (p) =>
    `执行率 ${pct(p.stated, p.places)} 与计算值 ${pct(p.computed, p.places)} 不符（全年执行数 ${amount(p.executed)} ÷ 全年预算数 ${amount(p.budget)}）。`,
  RATE_ROUNDING: (p) =>
    `执行率 ${pct(p.stated, p.places)} 为向上取整；按四舍五入应为 ${pct(p.halfUp, p.places)}，不影响得分。`,
  FUNDS_BREAKDOWN: (p) =>
    `资金构成不符：${p.column ? `${text(p.column)}的` : ""}“其中”各项之和 ${amount(p.sum)}（${String(p.parts ?? '').split('+').map((x) => amount(x)).join(' + ')}）≠ 年度资金总额 ${amount(p.total)}。`,
  OVER_EXECUTION: (p) => `全年执行数 ${amount(p.executed)} 超过全年预算数 ${amount(p.budget)}，请核实。`,
  GOAL_MISSING: () => '年度总体目标的“实际完成情况”为空，请填写。',
  NOTE_MISSING: (p) =>
    p.reason === 'overachieved'
      ? `${who(p)}超额完成较多，未说明原因：请在“偏差原因分析及改进措施”中分析原因。`
      : `${who(p)}得分 ${plain(p.score)} 低于分值 ${plain(p.weight)}，未说明偏差原因及改进措施。`,
  OVERACHIEVED: (p) =>
    `${who(p)}实际完成 ${text(p.actual)} 达到目标 ${text(p.target)} 的 ${pct(p.ratio, 4)}，超过 ${ratioPct(p.threshold)}${p.hasNote ? '，已说明原因' : '，需说明原因（财预〔2020〕10号）'}。`,
  TARGET_MALFORMED: (p) => `${who(p)}年度指标值“${text(p.target)}”像数值目标但缺少数字，按定性指标处理，请修正。`,
  VALUE_UNPARSED: (p) =>
    p.reason === 'empty'
      ? `${who(p)}实际完成值为空，无法计算得分。`
      : `${who(p)}实际完成值“${text(p.actual)}”不是可读的数值（目标 ${text(p.target)}），无法计算得分。`,
  UNIT_MISMATCH: (p) => `${who(p)}实际完成值“${text(p.actual)}”与目标“${text(p.target)}”单位不一致，无法换算。`,
  QUALITATIVE_REVIEW: (p) =>
    p.review === 'reverseExceeded'
      ? `${who(p)}反向指标实际值 ${text(p.actual)} 超过目标 ${text(p.target)}，需复核。`
      : p.review === 'equalDiffers'
        ? `${who(p)}实际值 ${text(p.actual)} 与目标 ${text(p.target)} 不相等，需复核。`
        : `${who(p)}实际完成情况“${text(p.actual)}”无法自动判定是否达成，请人工复核得分${p.stated ? `（表内 ${plain(p.stated)}）` : ''}。`,
  VALUE_FROM_TEXT: (p) => `${who(p)}从“${text(p.actual)}”中取数值 ${text(p.used)}。`,
  WEIGHT_SPLIT: (p) => `一级指标“${text(p.level1)}”分值合计 ${plain(p.weight)}，通常为 ${plain(p.expected)}。`,
  SCALE_GUESSED: (p) => `${who(p)}实际完成值“${text(p.actual)}”未写单位，按目标的量级读作 ${plain(p.value)}${text(p.unit)}，请核实。`,
  CELL_UNREADABLE: (p) => `${who(p)}${WHAT[text(p.what)] ?? ''}单元格的内容“${text(p.value)}”不是数值。`,
};

export const zhCNNote = {
  below: (p: { actual: string; target: string; rate: string | null; deduct: string }) =>
    `实际完成 ${p.actual}（目标 ${p.target}）${p.rate ? `，完成率 ${p.rate}` : ''}，扣 ${p.deduct} 分。原因：（待填写）`,
  over: (p: { actual: string; target: string; rate: string | null }) =>
    `实际完成 ${p.actual}（目标 ${p.target}）${p.rate ? `，完成率 ${p.rate}` : ''}，超出目标较多。原因：（待填写）`,
};

