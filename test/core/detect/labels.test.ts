import { LABEL_SYNONYMS, labelKey, normalizeLabel } from '../../../src/core/detect';
import { classifyLabel, inlineHeader, isTitleText, unitOf, yearOf } from '../../../src/core/detect/labels';

describe('normalizeLabel', () => {
  it.each([
    ['年度\n指标值', '年度指标值'],
    ['实际\r\n完成值', '实际完成值'],
    ['年度 总体 目标', '年度总体目标'],
    ['分\u3000值', '分值'],
    ['\t得分\u00a0', '得分'],
    ['偏差\n原因分析及改进措施', '偏差原因分析及改进措施'],
    ['项目资金（万元）', '项目资金(万元)'],
    ['年度指标值（Ａ）', '年度指标值(A)'],
    ['项目名称：', '项目名称'],
    ['项目名称:: ', '项目名称'],
    ['其中：当年财政拨款', '其中:当年财政拨款'],
    ['２０２１年度', '2021年度'],
    ['零\u200B宽', '零宽'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});

describe('labelKey', () => {
  it.each([
    ['年度指标值（A）', '年度指标值'],
    ['实际完成值(B)', '实际完成值'],
    ['目标值（标准）', '目标值'],
    ['项目资金 (元)', '项目资金'],
    ['分值【分】', '分值'],
    ['其中：本年财政拨款', '本年财政拨款'],
    ['其中:当年财政资金（元）：', '当年财政资金'],
    ['(2021 年度)', ''],
  ])('%j → %j', (input, expected) => {
    expect(labelKey(input)).toBe(expected);
  });
});

describe('classifyLabel', () => {
  const table: [string, string, string][] = [];
  for (const [group, roles] of Object.entries(LABEL_SYNONYMS)) {
    if (Array.isArray(roles)) continue;
    for (const [role, labels] of Object.entries(roles as Record<string, readonly string[]>)) {
      for (const l of labels) table.push([l, group, role]);
    }
  }
  const groupKey: Record<string, string> = {
    indicator: 'indicator', fundsColumns: 'fundsColumn', fundsRows: 'fundsRow', header: 'header', goal: 'goal',
    declaration: 'declaration',
  };

  it.each(table)('%s is a %s label for %s', (label, group, role) => {
    const m = classifyLabel(label) as Record<string, unknown> | null;
    expect(m?.[groupKey[group]]).toBe(role);
    // spacing and full-width forms do not change the meaning
    const spaced = [...label].join(' ').replace(/\(/g, '（').replace(/\)/g, '）');
    expect((classifyLabel(`${spaced}\n`) as Record<string, unknown> | null)?.[groupKey[group]]).toBe(role);
  });

  it.each(['分值', '得分'])('%s is both an indicator and a funds column label', (label) => {
    const m = classifyLabel(label);
    expect(m?.indicator).toBeDefined();
    expect(m?.fundsColumn).toBeDefined();
  });

  it.each(['总分', '合计', '总计', '分数合计'])('%s marks the total row', (label) => {
    expect(classifyLabel(label)?.total).toBe(true);
  });

  it.each(['备注', '核查分数', '扣减分数', '指标', '年度', '三级指标名称', '实际完成值说明', '上海超算中心的高性能计算服务'])(
    '%s is not a role label', (text) => {
      const m = classifyLabel(text);
      expect(m?.indicator).toBeUndefined();
      expect(m?.fundsColumn).toBeUndefined();
    },
  );

  it('does not read a paragraph as a label', () => {
    expect(classifyLabel(`分值${'　'.repeat(60)}`)).toBeNull();
  });
});

describe('titles, units, years, inline header labels', () => {
  it.each([
    ['财政项目支出绩效自评表', true],
    ['2021年度项目支出绩效 自评表', true],
    ['部门整体支出绩效自评表（2021）', true],
    ['绩效指标', false],
    ['自评得分', false],
  ])('isTitleText(%j) is %s', (text, expected) => {
    expect(isTitleText(text)).toBe(expected);
  });

  it.each([
    ['项目资金 (元)', '元'],
    ['项目资金（万元）', '万元'],
    ['项目资金\n(单位：万元)', '万元'],
    ['项目资金', null],
  ])('unitOf(%j) is %j', (text, expected) => {
    expect(unitOf(text)).toBe(expected);
  });

  it.each([
    ['(2021 年度)', '2021'],
    ['（２０２１年度）', '2021'],
    ['2020年度', '2020'],
    ['(2019)', '2019'],
    ['2022年度财政项目支出绩效自评表', '2022'],
    ['财政项目支出绩效自评表', null],
    ['共12345', null],
  ])('yearOf(%j) is %j', (text, expected) => {
    expect(yearOf(text)).toBe(expected);
  });

  it.each([
    ['项目名称：政府购买服务', 'project'],
    ['主管部门: 上海市经济和信息化委员会', 'department'],
    ['实施单位：某中心', 'implementer'],
    ['项目名称：', null],
    ['项目名称', null],
    ['说明：项目名称', null],
  ])('inlineHeader(%j) is %j', (text, expected) => {
    expect(inlineHeader(text)).toBe(expected);
  });
});
