import { runFill, runValidate } from '../../src/commands/run';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { fakeHost, form, plan, result } from './fixtures';

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
});
