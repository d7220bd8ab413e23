import type { Settings, Strings } from '../../../app';

export interface RuleSetOption {
  readonly name: string;
  readonly label: string;
  /** the rule set's own over-achievement threshold in percent (`120`), when known */
  readonly thresholdPercent: string | null;
}

export interface SettingsPanelProps {
  readonly settings: Settings;
  readonly onChange: (next: Settings) => void;
  readonly ruleSets: readonly RuleSetOption[];
  readonly strings: Strings;
  readonly onClose: () => void;
  readonly id?: string;
  /** the support line (src/app/support.ts); '' outside Office */
  readonly support?: string;
}

export interface SettingsPanelState {
  readonly thresholdText: string;
  readonly thresholdPlaceholder: string;
  readonly thresholdInvalid: boolean;
  readonly setThresholdText: (text: string) => void;
  readonly commitThreshold: () => void;
  readonly set: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
}
