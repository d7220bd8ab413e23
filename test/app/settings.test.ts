/** @jest-environment jsdom */
import { DEFAULT_SETTINGS, parsePercent, sanitizeSettings, toCheckOptions } from '../../src/app/settings';
import { count, strings } from '../../src/app/i18n';
import { createSettingsStore, storageKey } from '../../src/app/storage';
import { loadSupportInfo, saveSupportInfo, supportInfoFrom, supportLine } from '../../src/app/support';

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
    expect(toCheckOptions(DEFAULT_SETTINGS)).toEqual({ ruleSet: 'mof-2020', overwriteScores: false, lang: 'zh-CN', compareDeclarations: true });
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

describe('en-US plural rules', () => {
  it('1 error, 2 errors, 0 errors', () => {
    expect([count(1, 'error', 'errors'), count(2, 'error', 'errors'), count(0, 'error', 'errors')]).toEqual(['1 error', '2 errors', '0 errors']);
    expect(strings('en-US').validated(1, 1, 0, 2)).toBe('Validation done: 1 form, 1 error, 0 warnings, 2 infos.');
    expect(strings('en-US').filled(1)).toBe('Wrote 1 cell. You can undo this.');
  });
});

describe('support line', () => {
  it('names host, platform, the newest ExcelApi set and the version, leaving out what is unknown', () => {
    (globalThis as { Office?: unknown }).Office = { context: { diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.1' }, requirements: { isSetSupported: (_n: string, v = '1.1') => Number(v.split('.')[1]) <= 13 } } };
    try {
      expect(supportLine(supportInfoFrom())).toBe('Excel · OfficeOnline · ExcelApi 1.13 · 16.0.1');
      expect(supportLine(supportInfoFrom({ host: 'EXCEL', platform: 'OFFICE_ONLINE' }))).toBe('EXCEL · OFFICE_ONLINE · ExcelApi 1.13 · 16.0.1');
      saveSupportInfo(supportInfoFrom({ host: 'EXCEL', platform: 'PC' }));
      expect(loadSupportInfo()).toMatchObject({ host: 'EXCEL', platform: 'PC' });
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
      localStorage.clear();
    }
    expect(supportLine(supportInfoFrom())).toBe('');
  });
});

describe('settings store', () => {
  beforeEach(() => localStorage.clear());

  it('remembers settings across pane loads', () => {
    createSettingsStore().save({ ...DEFAULT_SETTINGS, lang: 'en-US', overwriteScores: true });
    expect(createSettingsStore().load()).toEqual({ ...DEFAULT_SETTINGS, lang: 'en-US', overwriteScores: true });
    expect(Object.keys(localStorage)).toEqual(['@ziping/settings']);
  });

  it('prefixes its keys with Office.context.partitionKey where Office gives one (storage partitioned on the web)', () => {
    (globalThis as { Office?: unknown }).Office = { context: { partitionKey: 'p-123' } };
    try {
      expect(storageKey('settings')).toBe('p-123@ziping/settings');
      createSettingsStore().save({ ...DEFAULT_SETTINGS, lang: 'en-US' });
      expect(Object.keys(localStorage)).toEqual(['p-123@ziping/settings']);
      expect(createSettingsStore().load().lang).toBe('en-US');
      // undefined where storage is not partitioned (Windows webviews): the plain key
      (globalThis as { Office?: unknown }).Office = { context: { partitionKey: undefined } };
      expect(storageKey('settings')).toBe('@ziping/settings');
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
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
