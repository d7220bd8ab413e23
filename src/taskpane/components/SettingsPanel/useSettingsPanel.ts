import { useEffect, useState } from 'react';
import { DEFAULT_THRESHOLD_PERCENT, parsePercent, type Settings } from '../../../app';
import type { SettingsPanelProps, SettingsPanelState } from './SettingsPanel.types';

export function useSettingsPanel({ settings, onChange, ruleSets }: SettingsPanelProps): SettingsPanelState {
  const ruleDefault = ruleSets.find((r) => r.name === settings.ruleSet)?.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT;
  const [thresholdText, setThresholdText] = useState(settings.overachievePercent ?? ruleDefault);
  useEffect(() => setThresholdText(settings.overachievePercent ?? ruleDefault), [settings.overachievePercent, ruleDefault]);
  const trimmed = thresholdText.trim();
  const thresholdInvalid = trimmed !== '' && parsePercent(trimmed) === null;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    const next = { ...settings, [key]: value };
    // a new rule set brings its own threshold
    if (key === 'ruleSet' && value !== settings.ruleSet) next.overachievePercent = null;
    onChange(next);
  };
  const commitThreshold = () => {
    if (trimmed === '') return set('overachievePercent', null);
    const pct = parsePercent(trimmed);
    if (pct === null) return;
    set('overachievePercent', pct === parsePercent(ruleDefault) ? null : pct);
  };
  return { thresholdText, thresholdPlaceholder: ruleDefault, thresholdInvalid, setThresholdText, commitThreshold, set };
}
