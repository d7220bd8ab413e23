import { FINDING_CODES, type Finding } from '../../../src/core/model';
import { MESSAGES, renderMessage } from '../../../src/core/messages';
import { amount, pct, plain } from '../../../src/core/messages/format';

describe('messages', () => {
  it.each(FINDING_CODES.map((c) => [c]))('%s has a zh-CN and an en-US message', (code) => {
    const f: Finding = { code, severity: 'warning', sheet: 'S', cell: 'A1', params: { name: '指标', stated: '7', computed: '10', weight: '10' } };
    const zh = renderMessage(f, 'zh-CN');
    const en = renderMessage(f, 'en-US');
    expect(zh.length).toBeGreaterThan(5);
    expect(en.length).toBeGreaterThan(5);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toBe(en);
    expect(zh).not.toMatch(/undefined|NaN|\[object/);
    expect(en).not.toMatch(/undefined|NaN|\[object/);
  });

  it('tables have exactly the finding codes', () => {
    for (const table of Object.values(MESSAGES)) expect(Object.keys(table).sort()).toEqual([...FINDING_CODES].sort());
  });

  it('says what is wrong, with the numbers as the sheet writes them', () => {
    const f: Finding = {
      code: 'SCORE_MISMATCH', severity: 'error', sheet: 'S', cell: 'H13',
      params: { name: '满意度', stated: '7', computed: '10', weight: '10', target: '≥100%', actual: '100%', kind: 'atLeast', status: 'achieved' },
    };
    expect(renderMessage(f)).toBe('“满意度”得分 7 与计算值 10 不符：实际完成 100% 已达到目标 ≥100%（正向指标），按规则应得满分 10 分。');
  });

  const msg = (code: Finding['code'], params: Finding['params']) => {
    const f: Finding = { code, severity: 'warning', sheet: 'S', cell: 'H13', params };
    return [renderMessage(f, 'zh-CN'), renderMessage(f, 'en-US')];
  };

  it.each<[string, Finding['code'], Finding['params'], string, string]>([
    ['a partial score with its completion rate', 'SCORE_MISMATCH',
      { name: '合格率', stated: '9.5', computed: '9.52', weight: '10', target: '≥100%', actual: '95.238%', kind: 'atLeast', status: 'partial', ratio: '0.95238' },
      '“合格率”得分 9.5 与计算值 9.52 不符：实际完成 95.238%，目标 ≥100%（正向指标，部分达成），完成率 95.24%，分值 10，按规则应得 9.52 分。',
      '"合格率": score 9.5 does not match the computed 9.52: actual 95.238%, target ≥100% (positive indicator, partly achieved), completion 95.24%, weight 10; the rules give 9.52.'],
    ['a reverse indicator', 'SCORE_MISMATCH',
      { name: '办理时长', stated: '10', computed: '7.14', weight: '10', target: '≤5个工作日', actual: '7个工作日', kind: 'atMost', status: 'partial', ratio: '0.714285' },
      '“办理时长”得分 10 与计算值 7.14 不符：实际完成 7个工作日，目标 ≤5个工作日（反向指标，部分达成），得分比例 71.43%，分值 10，按规则应得 7.14 分。',
      '"办理时长": score 10 does not match the computed 7.14: actual 7个工作日, target ≤5个工作日 (reverse indicator, partly achieved), share of the weight 71.43%, weight 10; the rules give 7.14.'],
    ['the funds score', 'SCORE_MISMATCH',
      { name: '年度资金总额', funds: true, stated: '9', computed: '9.6', weight: '10', rate: '0.96' },
      '“年度资金总额”得分 9 与计算值 9.6 不符：执行率 96.00%，分值 10，按规则应得 9.6 分（分值 × 执行率，执行率超过 100% 的按 100% 计）。',
      '"年度资金总额": score 9 does not match the computed 9.6: execution rate 96.00%, weight 10; the rules give 9.6 (weight × rate, a rate above 100% counts as 100%).'],
    ['a formula score shown as the sheet shows it', 'SCORE_OVER_WEIGHT',
      { name: '人数', stated: '30.5714285714286', statedText: '30.57', weight: '30' },
      '“人数”得分 30.57 超出分值范围 0～30：请更正得分或分值。', '"人数": score 30.57 is outside 0–30. Correct the score or the weight.'],
    ['a partial band, its high end excluded', 'SCORE_OUT_OF_BAND',
      { name: '服务质量', stated: '8', weight: '10', status: 'partial', low: '6', high: '8', highInclusive: false },
      '“服务质量”定性指标判定为“部分达成”，得分应不低于 6 且低于 8，表内为 8：请核实判定或得分。',
      '"服务质量": qualitative indicator judged "partly achieved": its score should be at least 6 and below 8, the sheet has 8. Check the judgement or the score.'],
    ['the not-achieved band', 'SCORE_OUT_OF_BAND',
      { name: '服务质量', stated: '7', weight: '10', status: 'notAchieved', low: '0', high: '6', highInclusive: false },
      '“服务质量”定性指标判定为“未达成”，得分应低于 6，表内为 7：请核实判定或得分。',
      '"服务质量": qualitative indicator judged "not achieved": its score should be below 6, the sheet has 7. Check the judgement or the score.'],
    ['the achieved band', 'SCORE_OUT_OF_BAND',
      { name: '服务质量', stated: '7', weight: '10', status: 'achieved', low: '8', high: '10', highInclusive: true },
      '“服务质量”定性指标判定为“已达成”，得分应在 8～10 之间，表内为 7：请核实判定或得分。',
      '"服务质量": qualitative indicator judged "achieved": its score should be between 8 and 10, the sheet has 7. Check the judgement or the score.'],
    ['a bare actual read at the target\'s 万', 'SCALE_GUESSED',
      { name: '户数', actual: '1.3', target: '≥1.2万户', value: '13000', unit: '户', magnitude: '10000' },
      '“户数”实际完成值“1.3”未写单位，按目标“≥1.2万户”的量级读作 1.3万户（13,000户），请核实。',
      '"户数": actual "1.3" has no unit; read at the scale of the target "≥1.2万户" as 1.3万户 (13,000户). Please verify.'],
    ['a bare actual read as written against a 万 target', 'SCALE_GUESSED',
      { name: '户数', actual: '13000', target: '≥1.2万户', value: '13000', unit: '户', magnitude: '1', targetMagnitude: '10000' },
      '“户数”实际完成值“13000”未写单位，读作 13,000户，而非 13,000万户（目标 ≥1.2万户），请核实。',
      '"户数": actual "13000" has no unit; read as 13,000户, not 13,000万户 (target ≥1.2万户). Please verify.'],
    ['a fraction against a percentage', 'SCALE_GUESSED',
      { name: '满意度', actual: '0.935', target: '≥90%', value: '93.5', unit: '%', magnitude: '100' },
      '“满意度”实际完成值“0.935”未写单位，按小数读作 93.5%（目标 ≥90%），请核实。',
      '"满意度": actual "0.935" has no unit; read as a fraction, 93.5% (target ≥90%). Please verify.'],
    ['a formula without a cached result', 'SCORE_MISSING',
      { name: '人数', computable: true, computed: '20', formula: '=MIN(G13,G13*F13/E13)' },
      '“人数”得分单元格是公式（=MIN(G13,G13*F13/E13)），但没有计算结果，按规则应为 20 分：请在 Excel 中重新计算并保存。公式单元格不会被自动填写。',
      '"人数": the score cell holds a formula (=MIN(G13,G13*F13/E13)) with no computed result; the rules give 20. Recalculate and save in Excel; formula cells are never filled.'],
  ])('%s', (_name, code, params, zh, en) => {
    expect(msg(code, params)).toEqual([zh, en]);
  });

  it.each([
    [amount, '123020298', '123,020,298.00'],
    [amount, '56322477.69', '56,322,477.69'],
    [plain, '0.3', '0.3'],
    [plain, '184400457', '184,400,457'],
  ])('formats %p(%s) as %s', (fn, input, out) => {
    expect(fn(input)).toBe(out);
  });

  it('formats rates at their written precision without float noise', () => {
    expect(pct('0.9829', 4)).toBe('98.29%');
    expect(pct('0.982806', 4)).toBe('98.28%');
    expect(pct('1', 0)).toBe('100%');
  });
});

describe('scores as a reader compares them', () => {
  it.each([
    ['96.8714285714286', '96.87'],
    ['100.00', '100'],
    ['9.985', '9.99'],
    ['0', '0'],
    ['', '—'],
  ])('%s → %s', async (input, out) => {
    const { scoreText } = await import('../../../src/core/messages/format');
    expect(scoreText(input)).toBe(out);
  });
});
