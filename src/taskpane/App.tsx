import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { D, RULE_SETS, ruleSetNames, type CheckResult, type Finding, type Severity } from '../core';
import { formsTable, summarizeResult, withoutColumn } from '../report';
import { ColumnMapPanel } from './components/ColumnMap/ColumnMap';
import { FillDialog } from './components/FillDialog';
import { FindingList } from './components/FindingList/FindingList';
import { FormSummary } from './components/FormSummary/FormSummary';
import { PileOverview } from './components/PileOverview/PileOverview';
import { MessageText } from './components/SheetText';
import { SettingsPanel } from './components/SettingsPanel/SettingsPanel';
import type { RuleSetOption } from './components/SettingsPanel/SettingsPanel.types';
import { useHost } from './HostContext';
import { strings, type Settings, createSettingsStore, loadSupportInfo, supportLine, type SettingsStore } from '../app';
import { forcedColors, paneThemeName, PANE_THEMES, type OfficeThemeLike, type PaneThemeName } from './theme';
import { useZiping } from './useZiping';

export interface AppProps {
  /** where settings are remembered; localStorage by default */
  readonly store?: SettingsStore;
  /** run 校验 as soon as the pane opens (the ribbon's 校验 button opens it that way) */
  readonly autoRun?: boolean;
  /** Office's theme (Office.context.officeTheme); light outside Office */
  readonly officeTheme?: OfficeThemeLike;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    // a very long project name or a huge number wraps instead of widening the pane
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  scope: { maxWidth: '14em' },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  filter: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  // Fluent's checked ToggleButton differs from the unchecked one by a light grey only; a pressed filter shows the brand
  // colour and a thicker border (forced-colours mode keeps Fluent's Highlight/HighlightText for checked buttons)
  pressed: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorNeutralForeground1 },
    ':hover:active': { backgroundColor: tokens.colorBrandBackground2Pressed, color: tokens.colorNeutralForeground1 },
  },
  check: { display: 'inline-block', minWidth: '1em' },
  unpressed: { border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  sheetTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function ruleSetOptions(lang: Settings['lang']): RuleSetOption[] {
  return ruleSetNames().map((name) => {
    const r = RULE_SETS[name];
    return { name, label: r.label[lang], thresholdPercent: new D(r.overachieveThreshold).times(100).toFixed() };
  });
}

/** Findings not tied to a form (NO_FORM and the like), by sheet. */
function sheetFindings(result: CheckResult): Map<string, Finding[]> {
  const inForms = new Set<Finding>(result.forms.flatMap((f) => f.findings));
  const bySheet = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (inForms.has(f)) continue;
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  return bySheet;
}

export function App({ store: storeProp, autoRun = false, officeTheme: officeThemeProp }: AppProps) {
  const host = useHost();
  const store = useMemo(() => storeProp ?? createSettingsStore(), [storeProp]);
  const [settings, setSettingsState] = useState<Settings>(() => store.load());
  const setSettings = useCallback(
    (next: Settings) => {
      setSettingsState(next);
      store.save(next);
    },
    [store],
  );
  const [state, actions] = useZiping(host, settings, autoRun);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const themeName = usePaneTheme(officeThemeProp);
  const [filter, setFilter] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const s = strings(settings.lang);
  const styles = useStyles();
  const ruleSets = useMemo(() => ruleSetOptions(settings.lang), [settings.lang]);
  // read when the settings open: a ribbon command may have left office-js-helpers' detection meanwhile
  const support = useMemo(() => (settingsOpen ? supportLine(loadSupportInfo()) : ''), [settingsOpen]);
  const { result, busy, progress, status, canUndo, pendingFill } = state;
  const orphans = useMemo(() => (result ? sheetFindings(result) : new Map<string, Finding[]>()), [result]);
  const hidden = result ? result.findings.filter((f) => !filter.has(f.severity)).length : 0;
  const onSelect = useCallback((f: Finding) => void actions.select(f), [actions]);

  const toggleSeverity = (sev: Severity) =>
    setFilter((prev) => {
      const next = new Set(prev);
      if (!next.delete(sev)) next.add(sev);
      return next;
    });

  return (
    <FluentProvider theme={PANE_THEMES[themeName]} lang={settings.lang} dir="ltr" data-theme={themeName}>
      <main className={styles.root} lang={settings.lang} data-testid="ziping-pane">
        <header className={styles.header}>
          <h1 className={styles.title}>{s.appTitle}</h1>
          <Button
            appearance="subtle"
            aria-label={s.settings}
            title={s.settings}
            aria-expanded={settingsOpen}
            aria-controls="ziping-settings"
            onClick={() => setSettingsOpen((o) => !o)}
            data-testid="settings-toggle"
          >
            <span aria-hidden="true">⚙</span>
          </Button>
        </header>

        {settingsOpen && (
          <SettingsPanel
            id="ziping-settings"
            settings={settings}
            onChange={setSettings}
            ruleSets={ruleSets}
            strings={s}
            onClose={() => setSettingsOpen(false)}
            support={support}
          />
        )}

        <div className={styles.toolbar} role="toolbar" aria-label={s.appTitle}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void actions.validate()} data-testid="validate">
            {s.validate}
          </Button>
          <Button disabled={busy !== null} onClick={() => void actions.requestFill()} data-testid="fill">
            {s.fill}
          </Button>
          <Button disabled={busy !== null || !canUndo} onClick={() => void actions.undo()} data-testid="undo">
            {s.undoFill}
          </Button>
        </div>
        <Select
          className={styles.scope}
          aria-label={s.scope}
          value={settings.allSheets ? 'all' : 'active'}
          onChange={(_, d) => setSettings({ ...settings, allSheets: d.value === 'all' })}
          data-testid="scope"
        >
          <option value="active">{s.scopeActive}</option>
          <option value="all">{s.scopeAll}</option>
        </Select>

        {busy !== null && (
          <div className={styles.progress} data-testid="progress">
            <ProgressBar
              value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
              aria-label={busy === 'validate' && progress ? s.reading(progress.done, progress.total) : s.writing}
            />
            <span>{progress ? s.reading(progress.done, progress.total) : busy === 'validate' ? s.reading(0, 1) : s.writing}</span>
          </div>
        )}

        <div role="status" aria-live="polite" aria-atomic="true" data-testid="status" data-intent={status?.intent}>
          {status && (
            <MessageBar intent={status.intent} layout="multiline">
              <MessageBarBody>
                <MessageText text={status.text(s)} />
              </MessageBarBody>
            </MessageBar>
          )}
        </div>

        {result === null && busy === null && <p className={styles.muted}>{s.idle}</p>}

        {result !== null && host.selectedCell && host.writeColumnMap && (
          <ColumnMapPanel
            forms={result.forms}
            stored={state.columnMap}
            strings={s}
            lang={settings.lang}
            busy={busy !== null}
            selectedCell={host.selectedCell.bind(host)}
            onSave={actions.saveColumnMap}
          />
        )}

        {result !== null && result.forms.length === 0 && (
          <p className={styles.muted} data-testid="empty">
            {s.noForm}
          </p>
        )}

        {result !== null && result.findings.length > 0 && (
          <div className={styles.filter} role="group" aria-label={s.filterLabel} data-testid="filter">
            <span>{s.filterLabel}</span>
            {SEVERITIES.map((sev) => (
              <ToggleButton
                key={sev}
                size="small"
                checked={filter.has(sev)}
                className={filter.has(sev) ? styles.pressed : styles.unpressed}
                onClick={() => toggleSeverity(sev)}
                data-testid={`filter-${sev}`}
              >
                {/* pressed is told by more than colour: a check mark (aria-pressed tells screen readers) */}
                <span aria-hidden="true" className={styles.check}>
                  {filter.has(sev) ? '✓' : ''}
                </span>
                <span aria-hidden="true">{s.severityIcon[sev]}</span>&nbsp;{s.severity[sev]}
              </ToggleButton>
            ))}
            {hidden > 0 && (
              <span className={styles.muted} data-testid="filter-hidden">
                {s.hiddenFindings(hidden)}
              </span>
            )}
          </div>
        )}

        {result !== null && settings.allSheets && result.forms.length > 0 && (
          <PileOverview
            result={result}
            lang={settings.lang}
            filter={filter}
            onJump={onSelect}
            busy={busy !== null}
            onWriteSummary={host.writeSummary ? () => {
              const table = withoutColumn(formsTable(summarizeResult(result, '', settings.lang).forms, settings.lang), 0);
              void actions.writeSummary(table, s.overview.written);
            } : undefined}
          />
        )}

        {result?.forms.map((form, i) => (
          <div className={styles.form} key={`${form.sheet}!${form.range}`} data-testid="form" data-sheet={form.sheet}>
            <FormSummary form={form} strings={s} headingId={`ziping-form-${i}`} />
            <FindingList
              findings={form.findings}
              form={form}
              ruleSet={result.ruleSet}
              lang={settings.lang}
              strings={s}
              filter={filter}
              onSelect={onSelect}
              label={s.findingsOf(form.project || form.sheet)}
            />
          </div>
        ))}

        {result !== null &&
          result.forms.length > 0 &&
          [...orphans].map(([sheet, findings]) => (
            <div className={styles.form} key={`sheet:${sheet}`}>
              <h2 className={styles.sheetTitle}>
                <MessageText text={s.sheetFindings(sheet)} />
              </h2>
              <FindingList
                findings={findings}
                form={null}
                ruleSet={result.ruleSet}
                lang={settings.lang}
                strings={s}
                filter={filter}
                onSelect={onSelect}
                label={s.sheetFindings(sheet)}
              />
            </div>
          ))}

        {result !== null && result.forms.length > 0 && (result.sheetsWithoutForm?.length ?? 0) > 0 && (
          <p className={styles.muted} data-testid="sheets-without-form">
            <MessageText text={s.sheetsWithoutForm(result.sheetsWithoutForm)} />
          </p>
        )}

        {/* mounted only while a plan waits: a mounted Fluent Dialog, even closed, has Tabster put focus sentinels
            (aria-hidden, tabindex 0) on <body>, which screen readers and axe (aria-hidden-focus) trip over */}
        {pendingFill !== null && (
          <FillDialog
            plan={pendingFill}
            overwrite={settings.overwriteScores}
            strings={s}
            onConfirm={() => void actions.confirmFill()}
            onCancel={actions.cancelFill}
          />
        )}
      </main>
    </FluentProvider>
  );
}

/** The Fluent theme for Office's theme, switching when forced-colours mode is turned on or off. */
function usePaneTheme(office: OfficeThemeLike | undefined): PaneThemeName {
  const [forced, setForced] = useState(forcedColors);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const q = window.matchMedia('(forced-colors: active)');
    const on = () => setForced(q.matches);
    q.addEventListener?.('change', on);
    return () => q.removeEventListener?.('change', on);
  }, []);
  return paneThemeName(office, forced);
}
