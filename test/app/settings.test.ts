/** @jest-environment jsdom */
import { DEFAULT_SETTINGS, parsePercent, sanitizeSettings, toCheckOptions } from '../../src/app/settings';
import { createSettingsStore } from '../../src/app/storage';

describe('parsePercent', () => {
  it.each([
    ['120', '120'],
    [' 130 ', '130'],
    ['120%', '120'],
    ['125.5％', '125.5'],
    ['0', null],
    ['-5', null],
    ['abc', null],
    ['1e3', null],
    ['', null],
    ['1001', null],
  ])('%j → %j', (input, expected) => {
    expect(parsePercent(input)).toBe(expected);
  });
});

describe('toCheckOptions', () => {
  it('turns a percent into the exact fraction the core takes, and leaves the rule set’s own when unset', () => {
    expect(toCheckOptions({ ...DEFAULT_SETTINGS, overachievePercent: '133.3' }).overachieveThreshold).toBe('1.333');
    expect(toCheckOptions(DEFAULT_SETTINGS)).toEqual({ ruleSet: 'mof-2020', overwriteScores: false, lang: 'zh-CN' });
  });
});

describe('sanitizeSettings', () => {
  it('keeps sound fields and replaces the rest with defaults', () => {
    expect(sanitizeSettings({ ruleSet: 'guangxi', lang: 'fr-FR', mark: 'yes', allSheets: true, overachievePercent: 'x' })).toEqual({
      ...DEFAULT_SETTINGS,
      ruleSet: 'guangxi',
      allSheets: true,
    });
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings store', () => {
  beforeEach(() => localStorage.clear());

  it('remembers settings across pane loads', () => {
    createSettingsStore().save({ ...DEFAULT_SETTINGS, lang: 'en-US', overwriteScores: true });
    expect(createSettingsStore().load()).toEqual({ ...DEFAULT_SETTINGS, lang: 'en-US', overwriteScores: true });
    expect(Object.keys(localStorage)).toEqual(['@ziping/settings']);
  });

  it('reads a corrupt entry as the defaults', () => {
    localStorage.setItem('@ziping/settings', '{not json');
    expect(createSettingsStore().load()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to memory when storage refuses writes', () => {
    const spy = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    try {
      const store = createSettingsStore();
      store.save({ ...DEFAULT_SETTINGS, lang: 'en-US' });
      expect(store.load().lang).toBe('en-US');
    } finally {
      spy.mockRestore();
    }
  });
});
