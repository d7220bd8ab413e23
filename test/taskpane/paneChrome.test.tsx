/** @jest-environment jsdom */
import type { Finding } from '../../src/core';
import { fakeHost, form, result } from '../fixtures/host';
import { $, click, mountApp, must, text, type Mounted } from './render';

const f = (severity: Finding['severity'], cell: string): Finding => ({ code: 'GOAL_MISSING', severity, sheet: '表', cell, params: {} });

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('the pane’s controls', () => {
  it('settings open from an icon button named for screen readers', async () => {
    mounted = await mountApp(fakeHost(result([])), { lang: 'en-US' });
    const toggle = must('settings-toggle');
    expect(toggle.getAttribute('aria-label')).toBe('Settings');
    // the glyph is not read out; the label is the name
    expect(toggle.querySelector('[aria-hidden="true"]')?.textContent).toBe('⚙');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).not.toBeNull();
  });

  it('a severity filter is a toggle button: aria-pressed, a check mark while pressed, and the count it hides', async () => {
    mounted = await mountApp(fakeHost(result([form({ sheet: '表', findings: [f('warning', 'A1'), f('warning', 'A2'), f('error', 'A3')] })])), { lang: 'en-US' });
    await click(must('validate'));
    const warning = must('filter-warning');
    expect(warning.getAttribute('aria-pressed')).toBe('true');
    expect(text(warning)).toMatch(/^✓/);
    expect($('filter-hidden')).toBeNull();
    await click(warning);
    expect(warning.getAttribute('aria-pressed')).toBe('false');
    expect(text(warning)).not.toContain('✓');
    expect(text(must('filter-hidden'))).toBe('2 findings hidden');
    await click(must('filter-error'));
    expect(text(must('filter-hidden'))).toBe('3 findings hidden');
  });
});
