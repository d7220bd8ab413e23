import type { Finding, FormResult, Lang, Severity } from '../../../core';
import type { Strings } from '../../../app';

export interface FindingListProps {
  readonly findings: readonly Finding[];
  /** the form the findings belong to (for details: target, actual, expected score); null for sheet-level findings */
  readonly form: FormResult | null;
  readonly ruleSet: string;
  readonly lang: Lang;
  readonly strings: Strings;
  /** severities shown */
  readonly filter: ReadonlySet<Severity>;
  readonly onSelect: (f: Finding) => void;
  /** accessible name of the list */
  readonly label: string;
}

export interface FindingDetail {
  readonly label: string;
  readonly value: string;
}

export interface FindingItem {
  readonly key: string;
  readonly finding: Finding;
  readonly intent: 'error' | 'warning' | 'info';
  readonly icon: string;
  readonly severityLabel: string;
  /** every cell the finding names (`D6、E6` for one fault seen in several cells of a row); the first is selected */
  readonly cellLabel: string;
  readonly message: string;
  readonly details: readonly FindingDetail[];
  readonly expanded: boolean;
}

export interface FindingListState {
  readonly items: readonly FindingItem[];
  /** findings hidden by the filter */
  readonly hidden: number;
  readonly toggle: (key: string) => void;
  readonly expand: (key: string) => void;
}
