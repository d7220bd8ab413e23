import { noticeQuery, readNotice } from '../../src/commands/noticeText';
import { fillWithNotice, runFill, runValidate, validateWithNotice } from '../../src/commands/run';
import { HostError } from '../../src/host';
import { DEFAULT_SETTINGS } from '../../src/app';
import { fakeHost, form, plan, result } from '../fixtures/host';

describe('ribbon commands', () => {
  it('校验 marks the cells whatever the pane’s marking setting', async () => {
    const host = fakeHost(result([form({ sheet: 'S' })]));
    await runValidate(host, { ...DEFAULT_SETTINGS, mark: false, allSheets: true });
    expect(host.calls.map((c) => c.method)).toEqual(['validate']);
    expect(host.calls[0].args[0]).toMatchObject({ mark: true, allSheets: true, options: { ruleSet: 'mof-2020' } });
  });

  it('填写得分 validates, then writes exactly that plan, never overwriting stated scores', async () => {
    const r = result([form({ sheet: 'S' })], plan({ score: 2, total: 1 }));
    const host = fakeHost(r);
    const written = await runFill(host, { ...DEFAULT_SETTINGS, overwriteScores: true });
    expect(written).toBe(3);
    expect(host.calls.map((c) => c.method)).toEqual(['validate', 'fill']);
    const v = host.calls[0].args[0] as { options: { overwriteScores: boolean } };
    expect(v.options.overwriteScores).toBe(false);
    const f = host.calls[1].args[0] as { expected: unknown; options: { overwriteScores: boolean } };
    expect(f.expected).toBe(r.fillPlan);
    expect(f.options.overwriteScores).toBe(false);
  });

  it('填写得分 writes nothing when nothing is to be filled', async () => {
    const host = fakeHost(result([form({ sheet: 'S' })]));
    expect(await runFill(host, DEFAULT_SETTINGS)).toBe(0);
    expect(host.calls.map((c) => c.method)).toEqual(['validate']);
  });

  it('填写得分 from the ribbon says what it wrote, in the person’s language', async () => {
    const host = fakeHost(result([form({ sheet: 'S' })], plan({ score: 2, total: 1 })));
    expect(await fillWithNotice(host, DEFAULT_SETTINGS)).toMatchObject({ tone: 'success', text: '已写入 3 个单元格。可撤销。', title: '填写得分' });
    const en = await fillWithNotice(fakeHost(result([form({ sheet: 'S' })])), { ...DEFAULT_SETTINGS, lang: 'en-US' });
    expect(en).toMatchObject({ tone: 'success', text: 'Nothing to fill.', ok: 'OK' });
  });

  it('填写得分 from the ribbon on a protected sheet says so instead of failing silently', async () => {
    const host = fakeHost(result([form({ sheet: 'S' })], plan({ score: 1 })));
    host.next.error = new HostError('PROTECTED', { sheet: '项目A' });
    const n = await fillWithNotice(host, DEFAULT_SETTINGS);
    expect(n.tone).toBe('error');
    expect(n.text).toContain('“项目A”受保护');
    expect(n.text).toContain('未写入任何内容');
  });

  it('校验 from the ribbon shows no dialog when its marks speak for it', async () => {
    expect(await validateWithNotice(fakeHost(result([form({ sheet: 'S' })])), DEFAULT_SETTINGS)).toBeNull();
  });

  it('校验 from the ribbon says which protected sheets kept no marks, and why a check failed, instead of nothing', async () => {
    const host = fakeHost(result([form({ sheet: 'S' })]));
    host.next.unmarked = ['项目A'];
    expect(await validateWithNotice(host, DEFAULT_SETTINGS)).toMatchObject({
      tone: 'error', title: '校验', text: '工作表“项目A”受保护，问题只列在面板中，未在表上标注。',
    });
    const failing = fakeHost(result([form({ sheet: 'S' })]));
    failing.next.error = new HostError('EDIT_MODE');
    const n = await validateWithNotice(failing, { ...DEFAULT_SETTINGS, lang: 'en-US' });
    expect(n).toMatchObject({ tone: 'error', ok: 'OK' });
    expect(n?.text).toMatch(/edit/i);
  });

  it('the notice survives the trip through the dialog URL, text only', () => {
    const n = { title: '填写得分', text: '<b>已写入</b> 3 个单元格 & 更多', ok: '确定', lang: 'zh-CN' as const, tone: 'error' as const };
    expect(readNotice(noticeQuery(n))).toEqual(n);
    expect(readNotice('?tone=weird&lang=xx')).toMatchObject({ tone: 'success', lang: 'zh-CN', ok: '确定' });
  });
});

describe('host errors in words', () => {
  it('a fill too large for the workbook’s add-in settings says what to do, not that the sheet is too large', async () => {
    const { strings } = await import('../../src/app');
    const zh = strings('zh-CN').hostError('TOO_LARGE', { cells: 12000, bytes: 1200000 }, 'TOO_LARGE');
    expect(zh).toContain('12000 个');
    expect(zh).toContain('未写入任何内容');
    expect(strings('zh-CN').hostError('TOO_LARGE', { sheet: '大表' }, 'TOO_LARGE')).toContain('工作表太大');
    expect(strings('en-US').hostError('TOO_LARGE', { cells: 12000, bytes: 1200000 }, 'TOO_LARGE')).toContain('Nothing was written');
  });
});
