import type { CellValue } from '../../../src/core/grid';
import { parseA1 } from '../../../src/core/grid';
import { bareForm, compactForm, type CompactIndicator } from '../../fixtures/forms';
import { checkLit, findingList, messages } from './helpers';
import type { Lit } from '../../fixtures/grid';

/** The tested indicator sits on row 7 (产出, weight 10) beside fillers worth 80 (产出 40, 效益 30, 满意度 10). */
function formWith(i: Omit<CompactIndicator, 'name' | 'weight'>): Lit {
  const stated = typeof i.score === 'number' ? i.score : typeof i.score === 'string' ? Number(i.score) || 0 : 0;
  return compactForm([
    { level1: '产出指标', level2: '质量指标', name: '被测指标', weight: 10, ...i },
    { level1: '产出指标', level2: '数量指标', name: '完成项目数', target: '≥4个', actual: '4个', weight: 40, score: 40 },
    { level1: '效益指标', level2: '社会效益指标', name: '受益人数', target: '≥500人', actual: '520人', weight: 30, score: 30 },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '≥90%', actual: '95%', weight: 10, score: 10 },
  ], { score: 90 + stated });
}

const onRow7 = (list: string[]) => list.filter((s) => /[A-Z]7$/u.test(s));

type Case = [
  label: string, target: CellValue, targetFormat: string | null, actual: CellValue, actualFormat: string | null,
  stated: CellValue, note: string | null, kind: string, computed: string | null, status: string, findings: string[],
];

const NOTE = '已分析原因';

describe('values a careful reviewer reads without help', () => {
  it.each<Case>([
    ['a text percentage', '≥95%', null, '96.5%', null, 10, null, 'atLeast', '10', 'achieved', []],
    ['a fraction with a % format', '≥95%', null, 0.965, '0.0%', 10, null, 'atLeast', '10', 'achieved', []],
    ['100% against ≥95%', '≥95%', null, '100%', null, 10, null, 'atLeast', '10', 'achieved', []],
    ['98.00% against ≥98%', '≥98%', null, '98.00%', null, 10, null, 'atLeast', '10', 'achieved', []],
    ['satisfaction 93.5 against ≥90%', '≥90%', null, '93.5', null, 10, null, 'atLeast', '10', 'achieved', []],
    ['working days, reverse', '≤5个工作日', null, '3个工作日', null, 10, null, 'atMost', '10', 'achieved', []],
    ['a percentage, reverse', '≤3%', null, '2.5%', null, 10, null, 'atMost', '10', 'achieved', []],
    ['a fraction cell, reverse', '≤3%', null, 0.025, '0.0%', 10, null, 'atMost', '10', 'achieved', []],
    ['控制在…以内', '控制在100万元以内', null, '98.6万元', null, 10, null, 'atMost', '10', 'achieved', []],
    ['13000 against ≥1.2万户', '≥1.2万户', null, 13000, null, 10, null, 'atLeast', '10', 'achieved', ['info SCALE_GUESSED F7']],
    ['1.3 against ≥1.2万户', '≥1.2万户', null, 1.3, null, 10, null, 'atLeast', '10', 'achieved', ['info SCALE_GUESSED F7']],
    ['13000户 against ≥1.2万户', '≥1.2万户', null, '13000户', null, 10, null, 'atLeast', '10', 'achieved', []],
    ['inside a range', '80%-90%', null, '85%', null, 10, null, 'range', '10', 'achieved', []],
    ['above a range', '80%-90%', null, '95%', null, 9.47, NOTE, 'range', '9.47', 'partial', []],
    ['a missed rank', '前10名', null, '第12名', null, 8.33, NOTE, 'rank', '8.33', 'partial', []],
    ['a deadline met, in words', '2021年12月底前', null, '已按期完成', null, 10, null, 'qualitative', '10', 'achieved', []],
    ['a deadline without year, in words', '12月31日前完成', null, '已按期完成', null, 10, null, 'qualitative', '10', 'achieved', []],
    ['a deadline met, by date', '2021年12月底前', null, '2021年11月30日', null, 10, null, 'qualitative', '10', 'achieved', []],
    ['a deadline missed, by date cell, scored in its band', '2021年12月31日前', null, 44600, 'yyyy/m/d', 5, NOTE, 'qualitative', null, 'notAchieved', []],
    ['a date cell as target', 44561, 'yyyy/m/d', '已按期完成', null, 10, null, 'qualitative', '10', 'achieved', []],
    ['按时 against 按时完成', '按时完成', null, '按时', null, 10, null, 'qualitative', '10', 'achieved', []],
    ['a stated 9.5 where the rules give 9.52', '≥100%', null, '95.238%', null, 9.5, NOTE, 'atLeast', '9.52', 'partial', ['error SCORE_MISMATCH H7']],
    ['a stated text 9.5 where the rules give 10', '≥90%', null, '93.5', null, '9.5', NOTE, 'atLeast', '10', 'achieved', ['error SCORE_MISMATCH H7']],
    ['较好 scored 8 of 10 (the partial band ends below 8)', '良好', null, '较好', null, 8, NOTE, 'qualitative', null, 'partial', ['warning SCORE_OUT_OF_BAND H7']],
    ['较好 scored 7 of 10 with a reason', '良好', null, '较好', null, 7, NOTE, 'qualitative', null, 'partial', []],
    ['较好 scored 7 of 10 without a reason', '良好', null, '较好', null, 7, null, 'qualitative', null, 'partial', ['warning NOTE_MISSING I7']],
    ['a note column with text: no note asked', '=100%', null, '96.5%', null, 9.65, '设备到货延迟', 'equal', '9.65', 'partial', []],
    ['no note for a score below weight', '=100%', null, '96.5%', null, 9.65, null, 'equal', '9.65', 'partial', ['warning NOTE_MISSING I7']],
    ['calendar days against working days', '≤5个工作日', null, '4天', null, 10, null, 'atMost', null, 'undetermined', ['warning UNIT_MISMATCH F7']],
    ['a boolean actual', '有效', null, true, null, 10, null, 'qualitative', null, 'undetermined', ['info QUALITATIVE_REVIEW F7']],
    ['an Excel error actual', '≥95%', null, { kind: 'error', code: '#DIV/0!' }, null, 10, null, 'atLeast', null, 'undetermined', ['warning VALUE_UNPARSED F7']],
    ['full-width digits and ，', '≥1,000人次', null, '１，２００人次', null, 10, NOTE, 'atLeast', '10', 'achieved', ['info OVERACHIEVED F7']],
    ['a boolean score', '≥90%', null, '96%', null, true, null, 'atLeast', '10', 'achieved', ['warning CELL_UNREADABLE H7']],
    ['a score written 10分', '≥90%', null, '96%', null, '10分', null, 'atLeast', '10', 'achieved', []],
    ['a count per year against the year\'s count', '≥20期/年', null, '22期', null, 10, null, 'atLeast', '10', 'achieved', []],
    ['a count per year in a sentence', '≥20人次/年', null, '全年培训22人次', null, 10, null, 'atLeast', '10', 'achieved', ['info VALUE_FROM_TEXT F7']],
    ['a count per month is not a count per year', '≥2次/月', null, '24次', null, 10, null, 'atLeast', null, 'undetermined', ['warning UNIT_MISMATCH F7']],
  ])('%s', (_label, target, targetFormat, actual, actualFormat, stated, note, kind, computed, status, expected) => {
    const r = checkLit(formWith({
      target, targetFormat: targetFormat ?? undefined, actual, actualFormat: actualFormat ?? undefined, score: stated, note,
    }));
    expect(r.forms).toHaveLength(1);
    const i = r.forms[0].indicators[0];
    expect([i.kind, i.computedScore?.toFixed() ?? null, i.status]).toEqual([kind, computed, status]);
    expect(onRow7(findingList(r))).toEqual(expected);
    // everything else on the form is correct: the only other finding may be the total the stated fault carries
    expect(findingList(r).filter((f) => !/[A-Z]7$/u.test(f) && !f.includes('TOTAL_MISMATCH'))).toEqual([]);
  });

  it('a date target and actual are shown as dates, never as serial numbers', () => {
    const r = checkLit(formWith({ target: 44561, targetFormat: 'yyyy/m/d', actual: 44600, actualFormat: 'yyyy"年"m"月"d"日"', score: 10, note: NOTE }));
    const i = r.forms[0].indicators[0];
    expect([i.target, i.actual]).toEqual(['2021年12月31日', '2022年2月8日']);
    const band = messages(r).find((m) => m.f.code === 'SCORE_OUT_OF_BAND');
    expect(band?.zh).toBe('“被测指标”定性指标判定为“未达成”，得分应低于 6，表内为 10：请核实判定或得分。');
  });

  it('a 得分 formula without a cached result is reported, computed, and never filled', () => {
    const l = formWith({ target: '≥95%', actual: '96%', score: null });
    l.formulas = { ...l.formulas, H7: '=IF(F7>=0.95,G7,G7*F7/0.95)' };
    const r = checkLit(l);
    expect(onRow7(findingList(r))).toEqual(['warning SCORE_MISSING H7']);
    expect(messages(r).find((m) => m.f.code === 'SCORE_MISSING')?.zh)
      .toBe('“被测指标”得分单元格是公式（=IF(F7>=0.95,G7,G7*F7/0.95)），但没有计算结果，按规则应为 10 分：请在 Excel 中重新计算并保存。公式单元格不会被自动填写。');
    expect(r.fillPlan.cells.map((c) => c.cell)).not.toContain('H7');
  });
});

describe('funds blocks as real sheets hold them', () => {
  /** bareForm's 年度资金总额 is row 3, 当年财政拨款 row 4, 总分 row 9; C 年初, D 全年预算, E 全年执行, F 分值, G 执行率, H 得分. */
  function withFunds(total: number, cells: Record<string, CellValue>): Lit {
    const l = bareForm('资金');
    l.rows[8][7] = total;
    for (const [a1, v] of Object.entries(cells)) {
      const p = parseA1(a1);
      l.rows[p.row][p.col] = v;
    }
    return l;
  }

  it('reads full-width digits with ， thousands separators as amounts', () => {
    const r = checkLit(withFunds(99.8, { D3: '８００，０００', E3: '７８４，０００．００', G3: 0.98, H3: 9.8, D4: '８００，０００', E4: '７８４，０００' }));
    const f = r.forms[0].funds;
    expect([f?.budget?.toFixed(), f?.executed?.toFixed(), f?.computedScore?.toFixed()]).toEqual(['800000', '784000', '9.8']);
    expect(findingList(r)).toEqual([]);
  });

  it('adds sub-rows computed by formulas at Excel\'s precision (no false FUNDS_BREAKDOWN from binary noise)', () => {
    const l = bareForm('资金');
    l.rows[2] = [...l.rows[2].slice(0, 2), 125.5, 125.5, 125.50000000000001, 10, 1, 10];
    l.rows[3] = [...l.rows[3].slice(0, 2), 100.2, 100.2, 100.2, '—', null, '—'];
    l.rows.splice(4, 0, [null, '上年结转资金', 25.3, 25.3, 25.3, '—', null, '—']);
    const r = checkLit({ ...l, merges: ['B1:I1', 'A2:A5', 'A6:A9', 'A10:F10'], formulas: { E3: '=E4+E5' } });
    expect(r.forms[0].funds?.executed?.toFixed()).toBe('125.5');
    expect(r.findings.filter((f) => f.code === 'FUNDS_BREAKDOWN')).toEqual([]);
  });

  it.each<[string, CellValue, string | null, string[]]>([
    ['98 in a General cell (percent points)', 98, null, []],
    ['98.00 as text', '98.00', null, []],
    ['97 in percent points', 97, null, ['error RATE_MISMATCH G3']],
    ['0.98 as a fraction', 0.98, null, []],
    ['98% with a % format', 0.98, '0%', []],
  ])('reads a 执行率 of %s', (_name, rate, format, expected) => {
    const l = withFunds(99.8, { E3: 784000, G3: rate, H3: 9.8, E4: 784000 });
    l.formats = { ...l.formats, G3: format ?? 'General' };
    expect(findingList(checkLit(l))).toEqual(expected);
  });

  it('reads a text 执行率 and a 分值 of 10 merged over the sub-rows', () => {
    const l = withFunds(99.5, { E3: 760000, G3: '95.00%', H3: 9.5, E4: 760000, F4: null });
    l.merges = [...(l.merges ?? []), 'F3:F4'];
    const r = checkLit(l);
    expect(r.forms[0].funds?.weight?.toFixed()).toBe('10');
    expect(findingList(r)).toEqual([]);
  });
});
