/** @jest-environment jsdom */
import { teamsHighContrastTheme } from '@fluentui/react-components';
import { paneThemeName, PANE_THEMES } from '../../src/taskpane/theme';
import { fakeHost, result } from '../fixtures/host';
import { mountApp } from './render';

describe('the pane follows Office’s theme', () => {
  it.each([
    ['Colorful / White', { isDarkTheme: false, bodyBackgroundColor: '#FFFFFF' }, false, 'light'],
    ['Dark Gray', { isDarkTheme: true, bodyBackgroundColor: '#444444' }, false, 'dark'],
    ['Black (no isDarkTheme: told by the body colour)', { bodyBackgroundColor: '#262626' }, false, 'dark'],
    ['outside Office', undefined, false, 'light'],
    ['forced colours (Windows high contrast), whatever Office says', { isDarkTheme: true }, true, 'contrast'],
  ] as const)('%s → %s', (_label, office, forced, want) => {
    expect(paneThemeName(office, forced)).toBe(want);
  });

  it('Fluent’s matching themes: web light, web dark, high contrast', () => {
    expect(PANE_THEMES.dark.colorNeutralBackground1).not.toBe(PANE_THEMES.light.colorNeutralBackground1);
    expect(PANE_THEMES.contrast).toBe(teamsHighContrastTheme);
  });

  it('a dark Office renders the pane with Fluent’s dark theme', async () => {
    const m = await mountApp(fakeHost(result([])), {}, false, { isDarkTheme: true });
    try {
      expect(document.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
    } finally {
      m.unmount();
    }
  });
});
