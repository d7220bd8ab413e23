import { D, type CheckOptions, type Lang } from '../core';
import { DEFAULT_LANG, isLang } from './i18n';

export const DEFAULT_RULE_SET = 'mof-2020';
export const DEFAULT_THRESHOLD_PERCENT = '120';

/** What the person chose in ⚙; remembered per user. */
export interface Settings {
  readonly ruleSet: string;
  /** over-achievement threshold in percent, as typed (`120`); null = the rule set's own */
  readonly overachievePercent: string | null;
  readonly mark: boolean;
  readonly allSheets: boolean;
  readonly overwriteScores: boolean;
  readonly lang: Lang;
}

export const DEFAULT_SETTINGS: Settings = {
  ruleSet: DEFAULT_RULE_SET,
  overachievePercent: null,
  mark: true,
  allSheets: false,
  overwriteScores: false,
  lang: DEFAULT_LANG,
};

/** A threshold percent the core can use: a positive decimal, at most 1000%. */
export function parsePercent(text: string): string | null {
  const t = text.trim().replace(/[％%]$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = new D(t);
  if (v.lte(0) || v.gt(1000)) return null;
  return v.toFixed();
}

export function toCheckOptions(s: Settings): CheckOptions {
  const pct = s.overachievePercent === null ? null : parsePercent(s.overachievePercent);
  return {
    ruleSet: s.ruleSet,
    overwriteScores: s.overwriteScores,
    lang: s.lang,
    ...(pct === null ? {} : { overachieveThreshold: new D(pct).div(100).toFixed() }),
  };
}

/** Accepts whatever storage held (older versions, hand edits) and keeps only sound fields. */
export function sanitizeSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const bool = (k: keyof Settings, dflt: boolean): boolean => (typeof r[k] === 'boolean' ? (r[k] as boolean) : dflt);
  const pct = typeof r.overachievePercent === 'string' && parsePercent(r.overachievePercent) !== null ? r.overachievePercent : null;
  return {
    ruleSet: typeof r.ruleSet === 'string' && r.ruleSet.trim() !== '' ? r.ruleSet : DEFAULT_SETTINGS.ruleSet,
    overachievePercent: pct,
    mark: bool('mark', DEFAULT_SETTINGS.mark),
    allSheets: bool('allSheets', DEFAULT_SETTINGS.allSheets),
    overwriteScores: bool('overwriteScores', DEFAULT_SETTINGS.overwriteScores),
    lang: isLang(r.lang) ? r.lang : DEFAULT_SETTINGS.lang,
  };
}
