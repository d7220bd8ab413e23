import { buildReport } from '../../../src/core';
import { firstColumnLevel1, guangxi, mof2022, zhejiang } from './corpus';
import { checkLit, findingList, indicatorList, problems } from './helpers';

describe('the 2021+ MoF template (项目支出绩效自评表, 万元, 成本指标)', () => {
  const r = checkLit(mof2022());
  const f = r.forms[0];

  it('is found with its title, year, project, funds block in 万元 and 预期目标', () => {
    expect(r.forms).toHaveLength(1);
    const rep = buildReport(r, 'mof.xlsx').forms[0];
    expect(rep).toMatchObject({ range: 'A1:I21', project: '中小企业数字化转型培训', year: '2021' });
    expect(f.goal).toEqual({ target: '全年开展数字化转型培训20期，培训企业1.2万户', actual: '全年开展培训22期，覆盖企业13000户' });
  });

  it('reads amounts with up to 6 decimals exactly: 执行率 120.48 / 125.5 = 96%, funds score 9.6, sub-rows add up', () => {
    expect(f.funds).toMatchObject({ cell: 'H6', rateCell: 'G6' });
    expect(f.funds?.budget?.toFixed()).toBe('125.5');
    expect(f.funds?.rate?.toFixed()).toBe('0.96');
    expect(f.funds?.computedScore?.toFixed()).toBe('9.6');
    expect(r.findings.filter((x) => x.code === 'FUNDS_BREAKDOWN')).toEqual([]);
  });

  it('scores 成本指标 (经济成本 at most, 社会成本 repeating its target) with the others; total 99.6, no error or warning', () => {
    expect(indicatorList(f)).toEqual([
      'D13 atLeast 10 achieved',
      'D14 atLeast 10 achieved',
      'D15 qualitative 10 achieved',
      'D16 atMost 10 achieved',
      'D17 qualitative 10 achieved',
      'D18 atLeast 15 achieved',
      'D19 atLeast 15 achieved',
      'D20 atLeast 10 achieved',
    ]);
    expect(f.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '成本指标', '成本指标', '效益指标', '效益指标', '满意度指标']);
    expect(f.total).toMatchObject({ undetermined: 0, cell: 'H21' });
    expect(f.total.computed?.toFixed()).toBe('99.6');
    expect(f.grade).toBe('优');
    expect(problems(r)).toEqual([]);
  });

  it('says only that the bare 13000 against ≥1.2万户 was read as 13000 户', () => {
    expect(findingList(r)).toEqual(['info SCALE_GUESSED F18']);
  });

  it('reports the fraction actual as the sheet shows it (96.5%)', () => {
    expect(f.indicators[1].actual).toBe('96.5%');
  });
});

describe('a template starting with 一级指标, no 年初预算数, 得分 not merged', () => {
  it.each([
    ['as drawn', {}, { target: 'D', score: 'G' }],
    ['with the funds 分值 merged over its sub-rows and 三级指标 over two columns', { mergedFundsWeight: true, level3TwoColumns: true }, { target: 'E', score: 'H' }],
  ])('%s: every indicator found and scored, total 99.75, nothing to report', (_name, o, cols) => {
    const r = checkLit(firstColumnLevel1(o));
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f.indicators.map((i) => [i.cell, i.targetCell, i.scoreCell])).toEqual(
      [11, 12, 13, 14, 15, 16].map((n) => [`C${n}`, `${cols.target}${n}`, `${cols.score}${n}`]),
    );
    expect(f.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '满意度指标']);
    expect(f.funds?.weight?.toFixed()).toBe('10');
    expect(f.funds?.computedScore?.toFixed()).toBe('9.75');
    expect(f.total.computed?.toFixed()).toBe('99.75');
    expect(f.total.stated?.toFixed()).toBe('99.75');
    expect(findingList(r)).toEqual([]);
  });
});

describe('a Guangxi-like form (指标值 / 实际值 / 权重 / 偏差原因分析)', () => {
  it('reads 权重 in the funds block too, so the weights add up; 125% is over-achievement at 120%, with its reason', () => {
    const r = checkLit(guangxi());
    const f = r.forms[0];
    expect(f.funds?.weight?.toFixed()).toBe('10');
    expect(f.funds?.computedScore?.toFixed()).toBe('9.84');
    expect(f.indicators.map((i) => i.noteCell)).toEqual(['I13', 'I14', 'I15', 'I16', 'I17', 'I18']);
    expect(f.total.computed?.toFixed()).toBe('99.84');
    expect(findingList(r)).toEqual(['info OVERACHIEVED F13']);
  });

  it('under the guangxi rule set (130%) there is nothing to report', () => {
    expect(findingList(checkLit(guangxi(), { ruleSet: 'guangxi' }))).toEqual([]);
  });

  it('converts 0.4小时 to 24 minutes against ≤30分钟', () => {
    const f = checkLit(guangxi()).forms[0];
    expect(f.indicators[3]).toMatchObject({ kind: 'atMost', status: 'achieved' });
  });
});

describe('a Zhejiang-like form (年度指标值（A）/ 实际完成值（B）, 得分 =MIN(G,G*F/E))', () => {
  const r = checkLit(zhejiang());
  const f = r.forms[0];

  it('takes the formulas\' cached results as the stated scores and agrees with them at 2 decimals', () => {
    expect(f.indicators.map((i) => [i.statedScore?.toFixed(), i.computedScore?.toFixed()])).toEqual([
      ['20', '20'], ['15', '15'], ['13.5', '13.5'], ['28.5714285714286', '28.57'], ['10', '10'],
    ]);
    expect(f.total.stated?.toFixed()).toBe('96.8714285714286');
    expect(f.total.computed?.toFixed()).toBe('96.87');
  });

  it('shows percentage cells as the sheet shows them', () => {
    expect(f.indicators[1]).toMatchObject({ target: '95%', actual: '97.00%' });
  });

  it('asks for the missing reason on the one row below target without a note, and drafts it; never writes a formula cell', () => {
    expect(findingList(r)).toEqual(['warning NOTE_MISSING I16']);
    expect(r.fillPlan.cells.map((c) => [c.cell, c.reason])).toEqual([['I16', 'note']]);
    expect(r.fillPlan.cells[0].value).toBe('实际完成 200（目标 210），完成率 95.24%，扣 1.43 分。原因：（待填写）');
  });
});
