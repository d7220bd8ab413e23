/** @jest-environment jsdom */
import { act } from 'react';
import { type Finding } from '../../src/core';
import { HostError } from '../../src/host';
import { fakeHost, form, indicator, plan, result } from '../fixtures/host';
import { $, $$, choose, click, mountApp, must, text, type Mounted } from './render';

const f = (code: Finding['code'], severity: Finding['severity'], cell: string, params: Finding['params'] = {}, sheet = '综合部门'): Finding => ({ code, severity, sheet, cell, params });

const SUMMARY_FINDINGS: Finding[] = [
  f('RATE_ROUNDING', 'info', 'G6', { stated: '0.9829', halfUp: '0.9828', places: 4 }),
  f('FUNDS_BREAKDOWN', 'warning', 'D8', { column: '全年预算数', sum: '123020298', parts: '54018998+69001300', total: '57001300' }),
  f('SCORE_MISMATCH', 'error', 'H13', { name: '举办活动', stated: '20', computed: '16', actual: '52', target: '>=65场', kind: 'atLeast', status: 'partial', weight: '20' }),
  f('NOTE_MISSING', 'warning', 'I13', { name: '举办活动', score: '16', weight: '20' }),
  f('VALUE_FROM_TEXT', 'info', 'F15', { name: '满意度', actual: '满意度>=99%', used: '99%' }),
  f('WEIGHT_SPLIT', 'info', 'B12', { level1: '产出指标', weight: '60', expected: '50' }),
];

function sampleResult() {
  return result(
    [
      form({
        sheet: '综合部门',
        project: '综合部门重点工作',
        computed: '99.88',
        stated: '99.88',
        findings: SUMMARY_FINDINGS,
        indicators: [indicator({ cell: 'D13', name: '举办活动', target: '>=65场', actual: '52', stated: '20', computed: '16', status: 'partial' })],
      }),
    ],
    plan({ score: 17, fundsScore: 1, rate: 1, total: 1, note: 3 }),
  );
}

const counts = (within: ParentNode) => [...must('form-counts', within).querySelectorAll('li')].map(text).join(' ');

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.replaceChildren();
});

async function validated(host = fakeHost(sampleResult()), settings = {}) {
  mounted = await mountApp(host, settings);
  await click(must('validate'));
  return { host, m: mounted };
}

describe('summary card', () => {
  it('shows project, year, computed total against the sheet, grade and counts by severity', async () => {
    await validated();
    const card = must('form-summary');
    expect(text(card.querySelector('h2'))).toBe('综合部门重点工作');
    expect(text(card)).toContain('2021 年度');
    expect(text(must('form-total', card))).toBe('总分 99.88（表内 99.88）');
    expect(text(must('form-grade', card))).toBe('等级 优');
    expect(counts(card)).toBe('● 错误 1 ▲ 警告 2 ⓘ 提示 3');
  });

  it('shows a total that differs from the sheet, and the grade in English when asked', async () => {
    const r = result([form({ sheet: 'S', computed: '96', stated: '100', grade: '优' })]);
    await validated(fakeHost(r), { lang: 'en-US' });
    expect(text(must('form-total'))).toBe('Total score 96 (sheet: 100)');
    expect(text(must('form-grade'))).toBe('Grade Excellent');
  });

  it('announces the outcome in a live region', async () => {
    await validated();
    const live = must('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(text(live)).toBe('校验完成：1 张自评表，错误 1，警告 2，提示 3。');
  });
  it('says which protected sheets kept no marks, in both languages', async () => {
    const host = fakeHost(sampleResult());
    host.next.unmarked = ['综合部门'];
    await validated(host);
    expect(text(must('status'))).toBe('校验完成：1 张自评表，错误 1，警告 2，提示 3。 工作表“综合部门”受保护，问题只列在面板中，未在表上标注。');
    mounted?.unmount();
    const en = fakeHost(sampleResult());
    en.next.unmarked = ['甲', '乙'];
    await validated(en, { lang: 'en-US' });
    expect(text(must('status'))).toMatch(/ Sheets “甲”, “乙” are protected: the findings are listed here, not marked on the sheet\.$/);
  });
});

describe('findings', () => {
  it('lists errors first, then warnings, then infos, each top to bottom', async () => {
    await validated();
    expect($$('finding').map((li) => `${li.dataset.severity}:${li.dataset.cell}`)).toEqual([
      'error:H13', 'warning:D8', 'warning:I13', 'info:G6', 'info:B12', 'info:F15',
    ]);
  });

  it('shows the cell address and the one-line message from the core', async () => {
    await validated();
    const first = $$('finding-select')[0];
    expect(text(first)).toContain('H13');
    expect(text(first)).toContain('“举办活动”得分 20 与计算值 16 不符');
    expect(text($$('finding-select')[1])).toContain('资金构成不符');
  });

  it('filters by severity', async () => {
    await validated();
    expect($('filter-hidden')).toBeNull();
    expect(must('filter-info').getAttribute('aria-pressed')).toBe('true');
    await click(must('filter-info'));
    expect($$('finding').map((li) => li.dataset.severity)).toEqual(['error', 'warning', 'warning']);
    expect(must('filter-info').getAttribute('aria-pressed')).toBe('false');
    expect(text(must('filter-hidden'))).toBe('已隐藏 3 条');
    await click(must('filter-error'));
    expect($$('finding').map((li) => li.dataset.cell)).toEqual(['D8', 'I13']);
    expect(text(must('filter-hidden'))).toBe('已隐藏 4 条');
    await click(must('filter-info'));
    expect($$('finding').map((li) => li.dataset.cell)).toEqual(['D8', 'I13', 'G6', 'B12', 'F15']);
  });

  it('clicking a finding selects its cell through the host and opens its details', async () => {
    const { host } = await validated();
    await click($$('finding-select')[0]);
    expect(host.calls.filter((c) => c.method === 'select').map((c) => c.args)).toEqual([['综合部门', 'H13']]);
    const details = text(must('finding-details'));
    expect(details).toContain('年度指标值>=65场');
    expect(details).toContain('实际完成值52');
    expect(details).toContain('计算得分16');
    expect(details).toContain('评分规则财政部 2020');
    expect(details).toContain('不低于目标');
    const toggle = must('finding-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await click(toggle);
    expect($('finding-details')).toBeNull();
  });

  it('a failing select is reported, not thrown', async () => {
    const host = fakeHost(sampleResult());
    host.select = async () => {
      throw new HostError('SHEET_GONE', { sheet: '综合部门' });
    };
    await validated(host);
    await click($$('finding-select')[0]);
    expect(text(must('status'))).toBe('工作表“综合部门”已被删除或重命名。请重新校验。');
  });
});

describe('sheet text is text', () => {
  it('shows HTML from the sheet literally and never builds elements from it', async () => {
    const evil = '<p>上海超算</p><img src=x onerror="window.__pwned=1"><b id="injected">x</b>';
    const r = result([
      form({
        sheet: 'S',
        project: evil,
        findings: [f('TARGET_MALFORMED', 'warning', 'E14', { name: evil, target: '<p>满足国内%以上</p>' }, 'S')],
      }),
    ]);
    await validated(fakeHost(r));
    expect(text(must('form-summary').querySelector('h2'))).toBe(evil);
    expect(text($$('finding-select')[0])).toContain('“<p>上海超算</p>');
    expect(text($$('finding-select')[0])).toContain('年度指标值“<p>满足国内%以上</p>”');
    expect(document.getElementById('injected')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('fill', () => {
  it('after a fill, points at the drafted notes that still say （待填写）', async () => {
    const p = plan({ score: 1, note: 2 });
    const cells = p.cells.map((c, i) => (c.reason === 'note' ? { ...c, cell: `I${13 + i}`, value: `实际完成 80%。原因：（待填写）` } : c));
    const host = fakeHost(result([form({ sheet: 'S' })], { ...p, cells }));
    await validated(host);
    await click(must('fill'));
    await click(must('fill-confirm'));
    expect(text(must('status'))).toBe('已写入 3 个单元格。可撤销。 偏差说明草稿仍含“（待填写）”，请补全：I14、I15。');
  });

  it('previews what it will write, writes the plan the person saw on confirm, then offers undo', async () => {
    const { host } = await validated();
    expect((must('undo') as HTMLButtonElement).disabled).toBe(true);
    await click(must('fill'));
    expect(text(must('fill-preview'))).toBe('将写入 23 个单元格（得分 18、执行率 1、总分 1、偏差说明草稿 3）');
    expect(host.calls.some((c) => c.method === 'fill')).toBe(false);
    await click(must('fill-confirm'));
    const fills = host.calls.filter((c) => c.method === 'fill');
    expect(fills).toHaveLength(1);
    const req = fills[0].args[0] as { expected: unknown; options: { overwriteScores: boolean } };
    expect(req.expected).toBe(host.next.validate!.fillPlan);
    expect(req.options.overwriteScores).toBe(false);
    expect(text(must('status'))).toBe('已写入 23 个单元格。可撤销。');
    expect($('fill-dialog')).toBeNull();
    expect((must('undo') as HTMLButtonElement).disabled).toBe(false);
  });

  it('cancel writes nothing', async () => {
    const { host } = await validated();
    await click(must('fill'));
    await click(must('fill-cancel'));
    expect(host.calls.some((c) => c.method === 'fill')).toBe(false);
    expect($('fill-dialog')).toBeNull();
  });

  it('validates first when there is no result yet', async () => {
    const host = fakeHost(sampleResult());
    mounted = await mountApp(host);
    await click(must('fill'));
    expect(host.calls.filter((c) => c.method === 'validate')).toHaveLength(1);
    expect(text(must('fill-preview'))).toContain('将写入 23 个单元格');
  });

  it('says so when there is nothing to fill', async () => {
    const r = result([form({ sheet: 'S' })]);
    const { host } = await validated(fakeHost(r));
    await click(must('fill'));
    expect($('fill-dialog')).toBeNull();
    expect(host.calls.some((c) => c.method === 'fill')).toBe(false);
    expect(text(must('status'))).toBe('没有需要填写的单元格。');
  });

  it('asks for an extra confirmation before overwriting stated scores', async () => {
    const r = result([form({ sheet: 'S' })], plan({ score: 2, overwriteScore: 2 }));
    const { host } = await validated(fakeHost(r), { overwriteScores: true });
    await click(must('fill'));
    expect(text(must('fill-preview'))).toBe('将写入 4 个单元格（得分 2、覆盖已有得分 2）');
    expect(text(must('fill-overwrite-warning'))).toContain('2 个单元格已有得分');
    const confirm = must('fill-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const consent = must('fill-overwrite-consent');
    expect(consent.tagName).toBe('INPUT');
    await click(consent);
    expect((must('fill-confirm') as HTMLButtonElement).disabled).toBe(false);
    await click(must('fill-confirm'));
    const req = host.calls.find((c) => c.method === 'fill')!.args[0] as { options: { overwriteScores: boolean } };
    expect(req.options.overwriteScores).toBe(true);
  });

  it('a conflict is explained and nothing claims to be written', async () => {
    const { host } = await validated();
    host.next.error = new HostError('CONFLICT', { cells: 'H13,I13' });
    await click(must('fill'));
    await click(must('fill-confirm'));
    expect(text(must('status'))).toBe('自上次校验后，单元格 H13、I13 已被修改。为避免覆盖，未写入任何内容。请重新校验后再填写。');
    expect((must('undo') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('undo', () => {
  it('is enabled only when the host holds an undo record, and restores', async () => {
    const host = fakeHost(sampleResult());
    host.undoAvailable = true;
    mounted = await mountApp(host);
    const undo = must('undo') as HTMLButtonElement;
    expect(undo.disabled).toBe(false);
    await click(undo);
    expect(host.calls.filter((c) => c.method === 'undoFill')).toHaveLength(1);
    expect(text(must('status'))).toBe('已恢复 3 个单元格。');
    expect((must('undo') as HTMLButtonElement).disabled).toBe(true);
    // the pane re-reads the sheet after an undo
    expect(host.calls.filter((c) => c.method === 'validate')).toHaveLength(1);
  });
});

describe('progress, errors, empty state', () => {
  it('shows reading progress and disables the buttons while busy', async () => {
    const host = fakeHost(sampleResult());
    let open!: () => void;
    host.gate = new Promise<void>((r) => (open = r));
    host.progress = [{ done: 3, total: 12, sheet: 'S3' }];
    mounted = await mountApp(host);
    await click(must('validate'));
    expect(text(must('progress'))).toBe('正在读取 3/12 个工作表…');
    expect((must('validate') as HTMLButtonElement).disabled).toBe(true);
    expect((must('fill') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => open());
    expect($('progress')).toBeNull();
    expect((must('validate') as HTMLButtonElement).disabled).toBe(false);
  });

  it.each([
    ['PROTECTED', { sheet: '超算' }, '工作表“超算”受保护，无法写入。'],
    ['EDIT_MODE', {}, 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后再试一次。'],
    ['UNSUPPORTED', { needed: 'ExcelApi 1.13' }, '此版本的 Excel 不支持所需的功能（需要 ExcelApi 1.13）'],
    ['TOO_LARGE', { sheet: '大表' }, '工作表太大，无法一次读取（“大表”）'],
    ['NOT_IN_EXCEL', {}, 'Ziping 需要在 Excel 中运行。'],
    ['NO_UNDO', {}, '没有可撤销的填写记录。'],
  ] as const)('explains %s in Chinese', async (code, detail, expected) => {
    const host = fakeHost(sampleResult());
    host.next.error = new HostError(code, { ...detail });
    mounted = await mountApp(host);
    await click(must('validate'));
    expect(text(must('status'))).toContain(expected);
  });

  it('an unexpected error is shown with its message', async () => {
    const host = fakeHost(sampleResult());
    host.next.error = new TypeError('boom');
    mounted = await mountApp(host);
    await click(must('validate'));
    expect(text(must('status'))).toBe('发生意外错误：boom');
  });

  it('says what to do when the sheet holds no form', async () => {
    const r = result([], plan({}), [f('NO_FORM', 'error', 'A1', { sheet: 'Sheet1' }, 'Sheet1')]);
    await validated(fakeHost(r));
    expect(text(must('empty'))).toBe('未在当前工作表找到绩效自评表。需要包含“年度指标值”“实际完成值”“分值”“得分”等表头。');
    expect($('form-summary')).toBeNull();
  });

  it('names the sheets without a form when others hold one', async () => {
    const r = { ...result([form({ sheet: 'S' })]), sheetsWithoutForm: ['说明', '<b>封面</b>'] };
    await validated(fakeHost(r));
    expect(text(must('sheets-without-form'))).toBe('以下工作表中没有绩效自评表：“说明”、“<b>封面</b>”。');
    expect($('empty')).toBeNull();
  });

  it('runs the check on open when launched from the ribbon', async () => {
    const host = fakeHost(sampleResult());
    mounted = await mountApp(host, {}, true);
    expect(host.calls.filter((c) => c.method === 'validate')).toHaveLength(1);
    expect($$('form-summary')).toHaveLength(1);
  });
});

describe('settings', () => {
  it('the settings name the Office running the add-in: the support line a ribbon command left (office-js-helpers), sheet text isolated', async () => {
    localStorage.setItem('@ziping/support', JSON.stringify({ host: 'EXCEL', platform: 'PC', excelApi: '1.17', version: '16.0.1' }));
    try {
      await validated();
      await click(must('settings-toggle'));
      expect(text(must('support-line'))).toBe('运行环境（报告问题时请附上）: EXCEL · PC · ExcelApi 1.17 · 16.0.1');
      expect(must('support-line').querySelector('bdi')).not.toBeNull();
    } finally {
      localStorage.removeItem('@ziping/support');
    }
  });

  it('switches the language of the whole pane and remembers it', async () => {
    const { m } = await validated();
    await click(must('settings-toggle'));
    await choose(must('setting-lang') as HTMLSelectElement, 'en-US');
    expect(text(must('validate'))).toBe('Validate');
    expect(text(must('fill'))).toBe('Fill scores');
    expect(text(must('undo'))).toBe('Undo fill');
    expect(counts(document)).toBe('● Error 1 ▲ Warning 2 ⓘ Info 3');
    expect(text($$('finding-select')[0])).toContain('score 20 does not match the computed 16');
    expect(text(must('status'))).toBe('Validation done: 1 form, 1 error, 2 warnings, 3 infos.');
    // the bar's colour follows the worst finding
    expect(must('status').dataset.intent).toBe('error');
    expect(m.store.load().lang).toBe('en-US');
    expect(must('ziping-pane').getAttribute('lang')).toBe('en-US');
  });

  it('passes rule set, threshold, marking and scope to the host', async () => {
    const host = fakeHost(sampleResult());
    mounted = await mountApp(host);
    await click(must('settings-toggle'));
    const rules = must('setting-rule-set') as HTMLSelectElement;
    expect([...rules.options].map((o) => o.value)).toEqual(expect.arrayContaining(['mof-2020', 'guangxi']));
    await choose(rules, 'guangxi');
    expect((must('setting-threshold') as HTMLInputElement).value).toBe('130');
    await click(must('setting-mark'));
    await choose(must('scope') as HTMLSelectElement, 'all');
    await click(must('validate'));
    const req = host.calls.find((c) => c.method === 'validate')!.args[0] as { allSheets: boolean; mark: boolean; options: Record<string, unknown> };
    expect(req.allSheets).toBe(true);
    expect(req.mark).toBe(false);
    expect(req.options.ruleSet).toBe('guangxi');
    expect(req.options.overachieveThreshold).toBeUndefined();
    expect(mounted.store.load()).toMatchObject({ ruleSet: 'guangxi', allSheets: true, mark: false });
  });

  it('a typed threshold becomes a fraction for the core', async () => {
    const host = fakeHost(sampleResult());
    mounted = await mountApp(host, { overachievePercent: '150' });
    await click(must('validate'));
    const req = host.calls.find((c) => c.method === 'validate')!.args[0] as { options: Record<string, unknown> };
    expect(req.options.overachieveThreshold).toBe('1.5');
  });
});
