/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { strings } from '../../src/app';
import type { FillCell, FillPlan } from '../../src/core';
import { FillDialog } from '../../src/taskpane/components/FillDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cell = (sheet: string, a1: string, current: FillCell['current'], value: number | string, numberFormat: string | null, exact: string | null, reason: FillCell['reason']): FillCell =>
  ({ sheet, cell: a1, row: 0, col: 0, current, value, exact, numberFormat, reason });

describe('the fill dialog', () => {
  it('lists every cell it will write, old → new, in a focusable scrolling list; rates as percents; long text cut with the full text on hover', async () => {
    const note = `${'因招标延期，'.repeat(20)}（待填写）`;
    const plan: FillPlan = {
      cells: [
        cell('表一', 'G5', null, 0.9531, '0.00%', '0.95305', 'rate'),
        cell('表一', 'H13', 12, 16, null, '16', 'score'),
        cell('表二', 'I14', null, note, null, null, 'note'),
      ],
      counts: { score: 1, fundsScore: 0, rate: 1, total: 0, note: 1, overwriteScore: 0 },
    };
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () => {
      root.render(
        <FluentProvider theme={webLightTheme}>
          <FillDialog plan={plan} overwrite={false} strings={strings('zh-CN')} onConfirm={() => undefined} onCancel={() => undefined} />
        </FluentProvider>,
      );
    });
    const list = document.querySelector('[data-testid="fill-cells"]') as HTMLElement;
    expect(list.tabIndex).toBe(0);
    expect(list.getAttribute('aria-label')).toBe('将写入的单元格（原值 → 新值）');
    const lines = [...list.querySelectorAll('[data-testid="fill-cell"]')].map((li) => li.textContent);
    expect(lines[0]).toBe('表一!G5（空） → 95.31%');
    expect(lines[1]).toBe('表一!H1312 → 16');
    expect(lines[2]).toContain('表二!I14（空） → 因招标延期');
    const long = list.querySelectorAll('[data-testid="fill-cell"]')[2].querySelector('[title]')!;
    expect(long.getAttribute('title')).toBe(`（空） → ${note}`);
    // sheet text isolated: a right-to-left override in a name cannot reverse the rest of the line
    expect(list.querySelectorAll('bdi').length).toBeGreaterThanOrEqual(6);
    act(() => root.unmount());
    container.remove();
  });
});
