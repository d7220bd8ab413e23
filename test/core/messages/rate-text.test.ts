import { checkSheet, renderMessage, type CheckResult, type FindingCode } from '../../../src/core';
import { buildForm, sheetOf, standardIndicators, type FormSpec, type IndicatorSpec } from '../../fixtures/forms';
import { humanReport } from '../../../src/cli/human';
import { strings } from '../../../src/app';
import { findingDetails } from '../../../src/taskpane/components/FindingList/useFindingList';

function check(o: Partial<FormSpec> = {}, first: Partial<IndicatorSpec> = {}): CheckResult {
  const ind = standardIndicators();
  ind[0] = { ...ind[0], ...first };
  return checkSheet(sheetOf([buildForm({ indicators: ind, totalScore: 100, ...o })], { sheet: '项目' }));
}

/** A fraction shown bare (0.9531), as a 得分 would be: not part of a larger number, not followed by `%`. */
const BARE_FRACTION = /(?<![\d.,])0\.\d{3,}(?!\d|%)/u;

/** Every code whose message carries a rate (执行率, 完成率, a share of the target), on a form that raises it. */
const RATE_CASES: [string, FindingCode, () => CheckResult, string[]][] = [
  ['a wrong 执行率 (表内 95.31%, 计算 95.30%)', 'RATE_MISMATCH',
    () => check({ executed: 953000, rate: 0.9531, fundsScore: 9.53, totalScore: 99.53 }), ['95.31%', '95.30%']],
  ['a 执行率 rounded up', 'RATE_ROUNDING', () => check({ executed: 982806, rate: 0.9829, fundsScore: 9.83, totalScore: 99.83 }), ['98.29%', '98.28%']],
  ['a 执行率 cut', 'RATE_ROUNDING', () => check({ executed: 978086, rate: 0.978, fundsScore: 9.78, totalScore: 99.78 }), ['97.80%', '97.81%']],
  ['a funds score against its 执行率', 'SCORE_MISMATCH', () => check({ executed: 960000, rate: 0.96, fundsScore: 9, totalScore: 99 }), ['96.00%']],
  ['an indicator score against its 完成率', 'SCORE_MISMATCH', () => check({}, { actual: 52, note: '受限' }), ['80.00%']],
  ['an over-achievement as a share of the target', 'OVERACHIEVED', () => check({}, { actual: 78 }), ['120.00%', '120%']],
];

describe('rates are shown as rates, never as a 得分 0.9531 (issue 14)', () => {
  it.each(RATE_CASES)('%s: %s in both languages', (_name, code, run, figures) => {
    const fs = run().findings.filter((f) => f.code === code);
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const m = renderMessage(f, lang);
        for (const x of figures) expect(m).toContain(x);
        expect(m).not.toMatch(BARE_FRACTION);
      }
    }
  });

  it.each(RATE_CASES)('%s: the pane\'s detail rows of %s', (_name, code, run) => {
    const r = run();
    for (const f of r.findings.filter((x) => x.code === code)) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const d = findingDetails(f, r.forms[0], strings(lang), r.ruleSet, lang);
        for (const x of d) expect(x.value).not.toMatch(BARE_FRACTION);
        if (code.startsWith('RATE_')) expect(d.filter((x) => /%$/.test(x.value))).toHaveLength(2);
      }
    }
  });

  it.each(RATE_CASES)('%s: the CLI text report', (_name, _code, run) => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const out = humanReport('a.xlsx', run(), lang);
      expect(out).toMatch(/\d%/);
      expect(out).not.toMatch(BARE_FRACTION);
    }
  });

  it.each(['97%', '100%', '0%'])('a wrong 执行率 stated %s: the card\'s 计算执行率 is the message\'s, to two percent decimals', (stated) => {
    const r = check({ executed: 982806, rate: stated, fundsScore: 9.83, totalScore: 99.83 });
    const [f] = r.findings.filter((x) => x.code === 'RATE_MISMATCH');
    expect(renderMessage(f)).toContain(`执行率 ${stated} 与计算值 98.28% 不符`);
    const d = findingDetails(f, r.forms[0], strings('zh-CN'), r.ruleSet, 'zh-CN');
    expect(d.slice(0, 2)).toEqual([{ label: '表内执行率', value: stated }, { label: '计算执行率', value: '98.28%' }]);
  });

  it('a drafted deviation note states its 完成率 as a rate', () => {
    const notes = check({ totalScore: 96 }, { actual: 52, score: 16 }).fillPlan.cells.filter((c) => c.reason === 'note');
    expect(notes.map((c) => c.value)).toEqual([expect.stringContaining('完成率 80.00%')]);
    for (const c of notes) expect(String(c.value)).not.toMatch(BARE_FRACTION);
  });
});

describe('the pane\'s card of a funds score that cannot be computed shows the stated score beside the reason', () => {
  it('表内得分 with the message that says why', () => {
    const r = check({ budget: 0, executed: 0 });
    const [f] = r.findings.filter((x) => x.code === 'FUNDS_SCORE_UNCOMPUTABLE');
    expect(renderMessage(f)).toContain('全年预算数为 0，无法计算执行率');
    const d = findingDetails(f, r.forms[0], strings('zh-CN'), r.ruleSet, 'zh-CN');
    expect(d).toContainEqual({ label: '表内得分', value: '10' });
    expect(d.map((x) => x.label)).not.toContain('计算得分');
  });
});
