import { Button, Field, Input, Select, Switch } from '@fluentui/react-components';
import { LANGS, isLang } from '../../../app';
import type { SettingsPanelProps } from './SettingsPanel.types';
import { useSettingsPanel } from './useSettingsPanel';
import { useSettingsPanelStyles } from './useSettingsPanelStyles.styles';

/** ⚙: rule set, over-achievement threshold, marking, scope, overwrite consent, language. */
export function SettingsPanel(props: SettingsPanelProps) {
  const state = useSettingsPanel(props);
  const styles = useSettingsPanelStyles();
  const { settings, strings: s } = props;
  return (
    <section className={styles.root} id={props.id} aria-labelledby="ziping-settings-title" data-testid="settings">
      <div className={styles.head}>
        <h2 className={styles.title} id="ziping-settings-title">
          {s.settingsTitle}
        </h2>
        <Button appearance="subtle" size="small" onClick={props.onClose}>
          {s.close}
        </Button>
      </div>
      <Field label={s.ruleSet}>
        <Select value={settings.ruleSet} onChange={(_, d) => state.set('ruleSet', d.value)} data-testid="setting-rule-set">
          {props.ruleSets.map((r) => (
            <option key={r.name} value={r.name}>
              {r.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={s.overachieveThreshold}
        hint={s.overachieveHint}
        validationState={state.thresholdInvalid ? 'error' : 'none'}
        validationMessage={state.thresholdInvalid ? s.overachieveHint : undefined}
      >
        <Input
          inputMode="decimal"
          value={state.thresholdText}
          placeholder={state.thresholdPlaceholder}
          contentAfter="%"
          onChange={(_, d) => state.setThresholdText(d.value)}
          onBlur={state.commitThreshold}
          onKeyDown={(e) => {
            if (e.key === 'Enter') state.commitThreshold();
          }}
          data-testid="setting-threshold"
        />
      </Field>
      <Switch label={s.markCells} checked={settings.mark} onChange={(_, d) => state.set('mark', d.checked)} data-testid="setting-mark" />
      <Switch label={s.allSheets} checked={settings.allSheets} onChange={(_, d) => state.set('allSheets', d.checked)} data-testid="setting-all-sheets" />
      <Field hint={s.overwriteScoresHint}>
        <Switch
          label={s.overwriteScores}
          checked={settings.overwriteScores}
          onChange={(_, d) => state.set('overwriteScores', d.checked)}
          data-testid="setting-overwrite"
        />
      </Field>
      <Field label={s.language}>
        <Select
          value={settings.lang}
          onChange={(_, d) => {
            if (isLang(d.value)) state.set('lang', d.value);
          }}
          data-testid="setting-lang"
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {s.languageNames[l]}
            </option>
          ))}
        </Select>
      </Field>
      {props.support && (
        <p className={styles.support} data-testid="support-line">
          {s.supportInfo}: <bdi>{props.support}</bdi>
        </p>
      )}
    </section>
  );
}
