import { checkWorkbook, checkSheets, checkSheet, buildReport, renderMessage, type CheckResult, type Finding, type FindingCode } from '../../src/core';
import { gridOf } from '../fixtures/grid';
import { buildForm, sheetOf, standardIndicators, type FormSpec } from '../fixtures/forms';

const codes = (r: CheckResult | { findings: readonly Finding[] }) => r.findings.map((f) => f.code);
const only = (r: CheckResult, code: FindingCode) => r.findings.filter((f) => f.code === code);
const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });

describe('a clean form', () => {
  const r = checkSheet(sheetOf([buildForm(spec())], { sheet: '项目A' }));

  it('is found, scored 100, graded 优, with no warning or error', () => {
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f.project).toBe('测试项目');
    expect(f.year).toBe('2021');
    expect(f.indicators).toHaveLength(6);
    expect(f.total.computed?.toFixed()).toBe('100');
    expect(f.grade).toBe('优');
    expect(r.findings.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(r.fillPlan.cells).toEqual([]);
  });

  it('reports the cells of SPEC §7', () => {
    const rep = buildReport(r, 'x.xlsx');
    const f = rep.forms[0];
    expect(f.range.startsWith('A1:')).toBe(true);
    expect(f.funds).toMatchObject({ budget: '1000000', executed: '1000000', rate: '1', weight: '10', statedScore: '10', computedScore: '10', cell: 'H6' });
    expect(f.indicators[0]).toMatchObject({ cell: 'D13', level1: '产出指标', level2: '数量指标', target: '>=65场', actual: '65', kind: 'atLeast', weight: '20', statedScore: '20', computedScore: '20', status: 'achieved', scoreCell: 'H13', noteCell: 'I13' });
    expect(f.indicators[1]).toMatchObject({ level1: '产出指标', level2: '数量指标' });
    expect(f.total).toEqual({ weight: '100', stated: '100', computed: '100', undetermined: 0, cell: 'H19' });
    expect(JSON.parse(JSON.stringify(rep))).toEqual(rep);
  });
});

describe('faults', () => {
  it('a score that does not follow from target and actual is an error; fill can overwrite it only with consent', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], actual: 52, score: 20, note: '场地受限' };
    const r = checkSheet(sheetOf([buildForm(spec({ indicators: ind, totalScore: 100 }))]));
    const m = only(r, 'SCORE_MISMATCH');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ cell: 'H13', severity: 'error', params: { stated: '20', computed: '16' } });
    expect(r.forms[0].total.computed?.toFixed()).toBe('96');
    expect(r.fillPlan.cells).toEqual([]);
    const r2 = checkSheet(sheetOf([buildForm(spec({ indicators: ind, totalScore: 100 }))]), { overwriteScores: true });
    expect(r2.fillPlan.cells.map((c) => [c.cell, c.value, c.reason])).toEqual([['H13', 16, 'overwriteScore'], ['H19', 96, 'overwriteScore']]);
  });

  it('missing scores are offered, the total and notes drafted, in one plan', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], actual: 52, score: null };
    ind[5] = { ...ind[5], score: null };
    const r = checkSheet(sheetOf([buildForm(spec({ indicators: ind, totalScore: null, rate: null, fundsScore: null, executed: 950000 }))]));
    expect(only(r, 'SCORE_MISSING').map((f) => f.cell)).toEqual(['H6', 'H13', 'H18', 'H19']);
    const plan = r.fillPlan.cells.map((c) => [c.cell, c.value, c.reason]);
    expect(plan).toEqual([
      ['G6', 0.95, 'rate'],
      ['H6', 9.5, 'fundsScore'],
      ['H13', 16, 'score'],
      ['H18', 10, 'score'],
      ['I13', '实际完成 52（目标 >=65场），完成率 80.00%，扣 4.00 分。原因：（待填写）', 'note'],
      ['H19', 95.5, 'total'],
    ]);
    expect(r.fillPlan.counts).toMatchObject({ score: 2, rate: 1, fundsScore: 1, total: 1, note: 1 });
  });

  it('a score above its weight, a total that is not the sum, weights that do not add to 100', () => {
    const ind = standardIndicators();
    ind[1] = { ...ind[1], score: 12 };
    ind[2] = { ...ind[2], weight: 15, score: 15 };
    const r = checkSheet(sheetOf([buildForm(spec({ indicators: ind, totalScore: 99 }))]));
    expect(only(r, 'SCORE_OVER_WEIGHT')[0]).toMatchObject({ cell: 'H14', severity: 'error' });
    expect(only(r, 'WEIGHT_SUM')[0]).toMatchObject({ severity: 'error', params: { sum: '105', expected: '100' } });
    expect(only(r, 'TOTAL_MISMATCH')[0]).toMatchObject({ cell: 'H19', params: { stated: '99', computed: '107' } });
    expect(only(r, 'WEIGHT_SPLIT')[0]).toMatchObject({ severity: 'info', params: { level1: '产出指标', weight: '55', expected: '50' } });
  });

  it('execution rate: wrong is an error, round-up is info, the funds breakdown must add up', () => {
    const r = checkSheet(sheetOf([buildForm(spec({
      budget: 23845000, executed: 23435000, rate: 0.9829, fundsScore: 9.83, totalScore: 99.83,
      sub: { current: [1000000, 20000000, 23435000], carryover: [null, 3000000, null] },
      indicators: standardIndicators(),
    }))]));
    expect(only(r, 'RATE_ROUNDING')[0]).toMatchObject({ cell: 'G6', severity: 'info', params: { halfUp: '0.9828', roundUp: '0.9829' } });
    expect(only(r, 'RATE_MISMATCH')).toEqual([]);
    const fb = only(r, 'FUNDS_BREAKDOWN');
    expect(fb.map((f) => f.cell)).toEqual(['D6']);
    expect(fb[0].params).toMatchObject({ total: '23845000', sum: '23000000' });
    expect(renderMessage(fb[0])).toContain('23,000,000.00');
    const bad = checkSheet(sheetOf([buildForm(spec({ budget: 100, executed: 90, rate: 0.95, fundsScore: 9, totalScore: 99 }))]));
    expect(only(bad, 'RATE_MISMATCH')[0]).toMatchObject({ cell: 'G6', severity: 'error' });
    const over = checkSheet(sheetOf([buildForm(spec({ budget: 100, executed: 110, rate: 1, fundsScore: 10 }))]));
    expect(codes(over)).toContain('OVER_EXECUTION');
  });

  it('over-achievement needs a reason; a note turns the warning into info', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], actual: '100场' };
    const r = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    expect(only(r, 'OVERACHIEVED')[0]).toMatchObject({ cell: 'F13', severity: 'warning' });
    expect(only(r, 'NOTE_MISSING')[0]).toMatchObject({ cell: 'I13', params: { reason: 'overachieved' } });
    ind[0] = { ...ind[0], note: '需求超出预期' };
    const r2 = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    expect(only(r2, 'OVERACHIEVED')[0].severity).toBe('info');
    expect(only(r2, 'NOTE_MISSING')).toEqual([]);
    const r3 = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]), { overachieveThreshold: 2 });
    expect(only(r3, 'OVERACHIEVED')).toEqual([]);
  });

  it('qualitative: partial keeps the person score inside its band, undetermined asks for review', () => {
    const ind = standardIndicators();
    ind[4] = { ...ind[4], actual: '基本完成', score: 27, note: '部分延期' };
    let r = checkSheet(sheetOf([buildForm(spec({ indicators: ind, totalScore: 97 }))]));
    expect(only(r, 'SCORE_OUT_OF_BAND')[0]).toMatchObject({ cell: 'H17', params: { low: '18', high: '24' } });
    expect(r.forms[0].indicators[4]).toMatchObject({ status: 'partial', computedScore: null });
    ind[4] = { ...ind[4], actual: '基本完成', score: 20 };
    r = checkSheet(sheetOf([buildForm(spec({ indicators: ind, totalScore: 90 }))]));
    expect(codes(r)).not.toContain('SCORE_OUT_OF_BAND');
    expect(r.forms[0].total).toMatchObject({ undetermined: 1 });
    expect(r.forms[0].total.computed?.toFixed()).toBe('90');
    ind[4] = { ...ind[4], actual: '开展了多项工作', score: 30 };
    r = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    expect(only(r, 'QUALITATIVE_REVIEW')[0]).toMatchObject({ cell: 'F17', severity: 'info' });
  });

  it('an empty overall-goal actual, an unreadable actual, a malformed target', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], actual: '约60' };
    ind[1] = { ...ind[1], target: '满足国内%以上的主流浏览器', actual: '满足' };
    ind[2] = { ...ind[2], actual: { kind: 'error', code: '#DIV/0!' } };
    const r = checkSheet(sheetOf([buildForm(spec({ indicators: ind, goalActual: null }))]));
    expect(only(r, 'GOAL_MISSING')[0].cell).toBe('F11');
    expect(only(r, 'VALUE_UNPARSED').map((f) => f.cell)).toEqual(['F13', 'F15']);
    expect(only(r, 'TARGET_MALFORMED')[0].cell).toBe('E14');
    expect(r.forms[0].indicators[0].computedScore).toBeNull();
  });
});

describe('layouts', () => {
  it('finds a form that starts at C5 and reports its cells there', () => {
    const r = checkSheet(sheetOf([buildForm(spec())], { at: 'C5' }));
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].range.startsWith('C5:')).toBe(true);
    expect(r.forms[0].funds?.cell).toBe('J10');
    expect(r.forms[0].total.computed?.toFixed()).toBe('100');
  });

  it('reads two forms stacked on one sheet separately', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], actual: 52, score: 16, note: '场地受限' };
    const r = checkSheet(sheetOf([buildForm(spec({ project: '甲' })), buildForm(spec({ project: '乙', indicators: ind, totalScore: 96 }))], { gap: 3 }));
    expect(r.forms.map((f) => [f.project, f.total.computed?.toFixed()])).toEqual([['甲', '100'], ['乙', '96']]);
    expect(r.findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('reads synonym and line-broken headers and ignores an extra 备注 column', () => {
    const ind = standardIndicators().map((i) => ({ ...i, extra: '核查：无误' }));
    const b = buildForm(spec({
      indicators: ind, extraColumn: '备注',
      headers: { target: '年度\n指标值', actual: '全年实际值（B）', weight: '权重', score: '自评得分', note: '偏差原因及改进措施' },
    }));
    const r = checkSheet(sheetOf([b]));
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].indicators[0]).toMatchObject({ scoreCell: 'H13', noteCell: 'I13' });
    expect(r.findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('reads numbers stored as text with separators, % fractions, formulas with cached results and HTML text', () => {
    const ind = standardIndicators();
    ind[5] = { ...ind[5], actual: 0.95 };
    const b = buildForm(spec({ indicators: ind, budget: '16,221,100', executed: '16,221,100.00', rate: '100.00%', goalActual: '<p>全部完成</p>' }));
    const sheet = sheetOf([b], { formats: { F18: '0%' }, formulas: { G6: '=E6/D6' } });
    const r = checkSheet(sheet);
    expect(r.forms[0].funds?.rate?.toFixed()).toBe('1');
    expect(r.forms[0].indicators[5].computedScore?.toFixed()).toBe('10');
    expect(codes(r)).not.toContain('SCALE_GUESSED');
    expect(r.forms[0].goal?.actual).toBe('<p>全部完成</p>');
    expect(r.findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('says NO_FORM, with what it looked for, when no sheet holds a form', () => {
    const r = checkWorkbook({ sheets: [gridOf([['说明'], ['本表用于…']], { sheet: '说明' })] });
    expect(r.forms).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'NO_FORM', severity: 'error', sheet: '说明' });
    expect(renderMessage(r.findings[0])).toContain('年度指标值');
    const empty = checkWorkbook({ sheets: [] });
    expect(codes(empty)).toEqual(['NO_FORM']);
  });

  it('skips a sheet without a form when another sheet has one', () => {
    const r = checkWorkbook({ sheets: [gridOf([['说明']], { sheet: '说明' }), sheetOf([buildForm(spec())], { sheet: '项目' })] });
    expect(r.forms).toHaveLength(1);
    expect(codes(r)).not.toContain('NO_FORM');
    expect(r.sheetsWithoutForm).toEqual(['说明']);
  });

  it('reports HEADER_MISSING when the score column is absent', () => {
    const b = buildForm(spec());
    b.rows[b.rowOf.header][7] = '说明';
    const r = checkSheet(sheetOf([b]));
    expect(only(r, 'HEADER_MISSING')[0]).toMatchObject({ severity: 'error', params: { roles: 'score' } });
  });
});

describe('bad input never crashes', () => {
  const junk = [null, '', 0, -1, 1e308, NaN, Infinity, true, '=1+1', '@SUM(A1)', '<script>x</script>', '１２３', '—', { kind: 'error', code: '#N/A' }, '9'.repeat(400), '前', '≥', '%'];
  it.each(junk.map((j) => [JSON.stringify(j) ?? String(j), j]))('any cell may hold %s', (_name, v) => {
    const ind = standardIndicators().map((i) => ({ ...i, target: v as never, actual: v as never, weight: v as never, score: v as never }));
    expect(() => checkSheet(sheetOf([buildForm(spec({ indicators: ind, budget: v as never, rate: v as never, totalScore: v as never }))]))).not.toThrow();
  });
});

describe('weight split', () => {
  it('counts 成本指标 with 产出 and reads decorated level-1 labels', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], weight: 10, score: 10 };
    ind.splice(4, 0, { level1: '成本指标', level2: '经济成本指标', name: '成本控制', target: '<=100万元', actual: '90万元', weight: 10, score: 10 });
    ind[5] = { ...ind[5], level1: '效益指标（30分）' };
    const r = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    expect(only(r, 'WEIGHT_SPLIT')).toEqual([]);
    expect(only(r, 'WEIGHT_SUM')).toEqual([]);
  });
});

describe('the 2021+ Ministry template wording', () => {
  it('reads 预期目标, 主管部门及代码, 万元 funds and (A)/(B) headers', () => {
    const b = buildForm(spec({ budget: 120.5, executed: 118.09, rate: 0.98, fundsScore: 9.8, totalScore: 99.8 }));
    b.rows[3][0] = '主管部门及代码';
    b.rows[4] = ['项目资金（万元）', null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'];
    b.rows[9][1] = '预期目标';
    const r = checkSheet(sheetOf([b]));
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f.department).toBe('某某局');
    expect(f.implementer).toBe('某某中心');
    expect(f.goal?.actual).toBe('已完成年度工作');
    expect(f.funds?.computedScore?.toFixed(2)).toBe('9.80');
    expect(r.findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });
});

describe('placeholders', () => {
  it('a score cell holding a dash is missing, and the fill replaces the dash', () => {
    const ind = standardIndicators();
    ind[1] = { ...ind[1], score: '—' };
    const r = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    expect(only(r, 'SCORE_MISSING').map((f) => f.cell)).toEqual(['H14']);
    expect(r.fillPlan.cells.map((c) => [c.cell, c.current, c.value])).toEqual([['H14', '—', 10]]);
  });
});

describe('execution rate as displayed', () => {
  it('a rate stored with more decimals than its format shows is compared as displayed', () => {
    const exact = checkSheet(sheetOf([buildForm(spec({ budget: 57001300, executed: 56322477.69, rate: 0.988091, fundsScore: 9.88, totalScore: 99.88 }))]));
    expect(codes(exact).filter((c) => c.startsWith('RATE_'))).toEqual([]);
    const filled = checkSheet(sheetOf([buildForm(spec({ budget: 57001300, executed: 56322477.69, rate: null, fundsScore: null, totalScore: null }))]));
    const rate = filled.fillPlan.cells.find((c) => c.reason === 'rate')!;
    expect(rate).toMatchObject({ cell: 'G6', value: 0.988091, numberFormat: null });
  });
});

describe('hidden sheets', () => {
  it('are not checked, as the add-in reads only visible sheets, and are listed', () => {
    const hiddenForm = { ...sheetOf([buildForm(spec({ totalScore: 1 }))], { sheet: '旧版' }), hidden: true };
    const r = checkWorkbook({ sheets: [sheetOf([buildForm(spec())], { sheet: '项目' }), hiddenForm] });
    expect(r.forms.map((f) => f.sheet)).toEqual(['项目']);
    expect(r.hiddenSheets).toEqual(['旧版']);
    expect(codes(r)).not.toContain('TOTAL_MISMATCH');
  });
});

describe('drafted notes', () => {
  it('a note the fill drafted stays flagged until the person replaces its placeholder', () => {
    const ind = standardIndicators();
    ind[0] = { ...ind[0], actual: '100场' };
    const first = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    const draft = first.fillPlan.cells.find((c) => c.reason === 'note');
    expect(draft?.value).toMatch(/原因：（待填写）$/);
    ind[0] = { ...ind[0], note: String(draft!.value) };
    const drafted = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    expect(only(drafted, 'OVERACHIEVED')[0].severity).toBe('warning');
    const nm = only(drafted, 'NOTE_MISSING');
    expect(nm[0]).toMatchObject({ cell: 'I13', params: { draft: true } });
    expect(renderMessage(nm[0])).toContain('仍是草稿');
    expect(drafted.fillPlan.cells).toEqual([]);
    ind[0] = { ...ind[0], note: String(draft!.value).replace('（待填写）', '新增展会场次') };
    const done = checkSheet(sheetOf([buildForm(spec({ indicators: ind }))]));
    expect(only(done, 'NOTE_MISSING')).toEqual([]);
    expect(only(done, 'OVERACHIEVED')[0].severity).toBe('info');
  });
});

describe('checkSheets: the sheets given one at a time', () => {
  const sheets = () => [
    sheetOf([buildForm(spec())], { sheet: '甲' }),
    { ...gridOf([['说明'], ['无表']]), sheet: '说明' },
    { ...sheetOf([buildForm(spec({ totalScore: 97 }))], { sheet: '乙' }), hidden: true },
    sheetOf([buildForm(spec({ totalScore: 97 }))], { sheet: '丙' }),
  ];

  it('gives what checkWorkbook gives for the same sheets, taking each from a generator once', () => {
    const taken: string[] = [];
    function* oneAtATime() {
      for (const s of sheets()) {
        taken.push(s.sheet);
        yield s;
      }
    }
    const r = checkSheets(oneAtATime(), { lang: 'zh-CN' });
    expect(taken).toEqual(['甲', '说明', '乙', '丙']);
    expect(buildReport(r, 'x.xlsx')).toEqual(buildReport(checkWorkbook({ sheets: sheets() }, { lang: 'zh-CN' }), 'x.xlsx'));
    expect(r.hiddenSheets).toEqual(['乙']);
    expect(r.forms.map((f) => f.sheet)).toEqual(['甲', '丙']);
  });

  it('leaves a column map to checkWorkbook, which checks its sheet names against every sheet first', () => {
    expect(() => checkSheets(sheets(), { columnMap: { forms: [] } })).toThrow(/checkWorkbook/);
  });
});
