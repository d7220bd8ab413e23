import { amount, eachCell, gap, text } from './format';
import type { MessageTable } from './types';

/** The codes of the 绩效目标申报表 and of a self-evaluation checked against it. */
type DeclarationCode =
  | 'DECL_FUNDS_SUM' | 'DECL_DIMENSION_MISSING' | 'DECL_TARGET_MISSING' | 'DECL_TARGET_QUALITATIVE' | 'DECL_PLACEHOLDER'
  | 'DECL_DIRECTION' | 'DECL_PERCENT_ABOVE_100' | 'DECL_SATISFACTION_LOW' | 'DECL_DEADLINE_AFTER_PERIOD'
  | 'DECL_ANNUAL_ABOVE_MIDTERM' | 'TARGET_CHANGED' | 'INDICATOR_NOT_DECLARED' | 'DECLARED_NOT_EVALUATED';

type Table = Pick<MessageTable, DeclarationCode>;

const who = (p: { readonly name?: string }) => (p.name ? `“${p.name}”` : '');
const whoEn = (p: { readonly name?: string }) => (p.name ? `"${p.name}": ` : '');
const BLOCK_ZH: Record<string, string> = { midTerm: '中期资金总额', annual: '年度资金总额' };
const BLOCK_EN: Record<string, string> = { midTerm: 'mid-term funds', annual: 'annual funds' };
const FIELD_ZH: Record<string, string> = { name: '指标名称', target: '指标值', midTarget: '中期指标值' };
const FIELD_EN: Record<string, string> = { name: 'name', target: 'target', midTarget: 'mid-term target' };

export const declarationZh: Table = {
  DECL_FUNDS_SUM: (p) =>
    `${BLOCK_ZH[text(p.block)] ?? '资金总额'} ${amount(p.total)} ≠ 财政拨款 ${amount(p.fiscal)} + 其他资金 ${amount(p.other)}（合计 ${amount(p.sum)}，${gap(p.difference, '多', '少')}）：请核对资金来源。`,
  DECL_DIMENSION_MISSING: (p) =>
    p.level === 1
      ? `绩效指标缺少一级指标“${text(p.missing)}”：申报表应包含产出指标、效益指标和满意度指标。`
      : `产出指标下缺少${text(p.missing)}：应至少包含数量指标，以及质量、时效、成本指标之一。`,
  DECL_TARGET_MISSING: (p) => `${who(p)}未填写指标值：请填写可衡量的目标。`,
  DECL_TARGET_QUALITATIVE: (p) =>
    `${who(p)}指标值“${text(p.target)}”为定性表述，而${text(p.level2) || '该二级指标'}通常应量化（数值、比率、时限或金额）：请考虑细化为可衡量的目标。`,
  DECL_PLACEHOLDER: (p) => {
    const cells = eachCell(p);
    const what = cells ? cells.map((c) => `${FIELD_ZH[text(c.field)] ?? ''}（${c.cell}）“${text(c.text)}”`).join('、') : `${FIELD_ZH[text(p.field)] ?? ''}“${text(p.text)}”`;
    return `${who(p)}${what}含未替换的占位内容（*、××、XX、待定或缺数字的 %）：请填写实际内容。`;
  },
  DECL_DIRECTION: (p) =>
    p.what === 'cost'
      ? `${who(p)}成本指标“${text(p.target)}”设了下限（≥/不低于），按此数值越高越达标；成本指标通常应设上限（≤），请核实方向。`
      : `${who(p)}时效指标“${text(p.target)}”对时长设了下限（≥/不低于），按此用时越长越达标；时长通常应设上限（≤），请核实方向。`,
  DECL_PERCENT_ABOVE_100: (p) => `${who(p)}百分比目标“${text(p.target)}”超过 100%，请核实。`,
  DECL_SATISFACTION_LOW: (p) => `${who(p)}满意度目标“${text(p.target)}”低于 60%，偏低，请核实。`,
  DECL_DEADLINE_AFTER_PERIOD: (p) =>
    `${who(p)}时限“${text(p.target)}”（${text(p.deadline)}）晚于项目期“${text(p.period)}”的结束日 ${text(p.periodEnd)}：请更正时限或项目期。`,
  DECL_ANNUAL_ABOVE_MIDTERM: (p) => `${who(p)}年度指标值“${text(p.target)}”高于中期指标值“${text(p.mid)}”：年度目标不应超过中期目标，请核实。`,
  TARGET_CHANGED: (p) =>
    `${who(p)}自评所用目标“${text(p.target)}”与申报表（${text(p.declaredSheet)}!${text(p.declaredCell)}）申报的“${text(p.declared)}”不一致：目标调整须有依据，请核实。`,
  INDICATOR_NOT_DECLARED: (p) => `${who(p)}在自评表中评价，但未见于绩效目标申报表：请核实指标是否经过申报或调整。`,
  DECLARED_NOT_EVALUATED: (p) =>
    `${who(p)}已在申报表（${text(p.declaredSheet)}!${text(p.declaredCell)}）申报，但自评表中没有该指标：请补充自评或说明原因。`,
};

export const declarationEn: Table = {
  DECL_FUNDS_SUM: (p) =>
    `The ${BLOCK_EN[text(p.block)] ?? 'funds'} ${amount(p.total)} ≠ fiscal appropriation ${amount(p.fiscal)} + other funds ${amount(p.other)} (sum ${amount(p.sum)}, ${gap(p.difference, 'more', 'less', true)}). Check the sources of funds.`,
  DECL_DIMENSION_MISSING: (p) =>
    p.level === 1
      ? `The indicators lack the level-1 dimension "${text(p.missing)}": a declaration needs output, outcome and satisfaction indicators.`
      : `The output indicators lack ${text(p.missing)}: they need quantity indicators and at least one of quality, timeliness or cost.`,
  DECL_TARGET_MISSING: (p) => `${whoEn(p)}no target is given. Enter a measurable target.`,
  DECL_TARGET_QUALITATIVE: (p) =>
    `${whoEn(p)}the target "${text(p.target)}" is qualitative, while ${text(p.level2) || 'its level-2 indicator'} usually asks for a quantity (a number, rate, deadline or amount). Consider a measurable target.`,
  DECL_PLACEHOLDER: (p) => {
    const cells = eachCell(p);
    if (!cells) return `${whoEn(p)}the ${FIELD_EN[text(p.field)] ?? 'cell'} "${text(p.text)}" still holds a placeholder (*, ××, XX, 待定 or a % without a number). Fill it in.`;
    const what = cells.map((c) => `the ${FIELD_EN[text(c.field)] ?? 'cell'} (${c.cell}) "${text(c.text)}"`).join(', ');
    return `${whoEn(p)}${what} still hold placeholders (*, ××, XX, 待定 or a % without a number). Fill them in.`;
  },
  DECL_DIRECTION: (p) =>
    p.what === 'cost'
      ? `${whoEn(p)}the cost target "${text(p.target)}" is a lower bound (≥): the higher the cost, the better it scores. A cost usually has an upper bound (≤); check the direction.`
      : `${whoEn(p)}the timeliness target "${text(p.target)}" puts a lower bound (≥) on a duration: the longer, the better it scores. A duration usually has an upper bound (≤); check the direction.`,
  DECL_PERCENT_ABOVE_100: (p) => `${whoEn(p)}the percentage target "${text(p.target)}" is above 100 %; please verify.`,
  DECL_SATISFACTION_LOW: (p) => `${whoEn(p)}the satisfaction target "${text(p.target)}" is below 60 %, which is low; please verify.`,
  DECL_DEADLINE_AFTER_PERIOD: (p) =>
    `${whoEn(p)}the deadline "${text(p.target)}" (${text(p.deadline)}) is after the end of the project period "${text(p.period)}" (${text(p.periodEnd)}). Correct the deadline or the period.`,
  DECL_ANNUAL_ABOVE_MIDTERM: (p) => `${whoEn(p)}the annual target "${text(p.target)}" is above the mid-term target "${text(p.mid)}"; please verify.`,
  TARGET_CHANGED: (p) =>
    `${whoEn(p)}the self-evaluation uses the target "${text(p.target)}", but the declaration (${text(p.declaredSheet)}!${text(p.declaredCell)}) declared "${text(p.declared)}". A changed target needs a reason; please verify.`,
  INDICATOR_NOT_DECLARED: (p) => `${whoEn(p)}evaluated in the self-evaluation but not found in the target declaration; check whether it was declared or adjusted.`,
  DECLARED_NOT_EVALUATED: (p) =>
    `${whoEn(p)}declared in the target declaration (${text(p.declaredSheet)}!${text(p.declaredCell)}) but missing from the self-evaluation; evaluate it or give the reason.`,
};

