import { Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import type { MapRole } from '../../../app';
import { isolate } from '../../../core';
import { MessageText } from '../SheetText';
import type { ColumnMapProps } from './ColumnMap.types';
import { useColumnMap } from './useColumnMap';
import { useColumnMapStyles } from './useColumnMapStyles.styles';

/**
 * 指定表头列 (issue 9): names the roles a found header could not place, lets the person point at the header cell
 * of each (select it in the sheet, pick the role, 使用所选单元格), saves the map with the workbook, clears it.
 * Sheet text appears only as text nodes.
 */
export function ColumnMapPanel(props: ColumnMapProps) {
  const state = useColumnMap(props);
  const styles = useColumnMapStyles();
  const { strings, stored, busy } = props;
  const t = strings.columnMap;
  if (state.gaps.length === 0 && !stored) return null;
  return (
    <section className={styles.root} aria-labelledby="ziping-colmap-title" data-testid="column-map">
      <h2 className={styles.title} id="ziping-colmap-title">
        {t.title}
      </h2>
      {state.gaps.map((g) => (
        <p className={styles.text} key={`${g.sheet}!${g.headerRow}`} data-testid="column-map-gap">
          <MessageText text={t.unplaced(`${isolate(g.form.project || g.sheet)} · ${isolate(g.sheet)}!${g.form.range}`, g.roles.map((r) => t.role[r]).join('、'))} />
        </p>
      ))}
      {state.gaps.length > 0 && (
        <>
          <p className={styles.muted}>{t.howTo}</p>
          <div className={styles.row}>
            <Field label={t.roleField}>
              <Select value={state.role} onChange={(_, d) => state.setRole(d.value as MapRole)} data-testid="column-map-role">
                {state.roles.map((r) => (
                  <option key={r} value={r}>
                    {t.role[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={busy} onClick={() => void state.takeSelection()} data-testid="column-map-use">
              {t.useSelection}
            </Button>
          </div>
          {state.picks.length > 0 && (
            <ul className={styles.picks} data-testid="column-map-picks">
              {state.picks.map((p) => (
                <li className={styles.pick} key={`${p.gap.sheet}!${p.gap.headerRow}:${p.role}`}>
                  <span><MessageText text={t.picked(t.role[p.role], `${isolate(p.gap.sheet)}!${p.cell}`)} /></span>
                  <Button size="small" appearance="subtle" aria-label={t.remove(t.role[p.role])} onClick={() => state.remove(p)}>
                    ✕
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {stored && (
        <p className={styles.muted} data-testid="column-map-stored">
          {stored.refused ? t.refused(props.lang === 'en-US' ? stored.refused.en : stored.refused.zh) : t.inUse(stored.map.forms.length)}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="column-map-note">
        {state.note && (
          <MessageBar intent={state.note.intent} layout="multiline">
            <MessageBarBody><MessageText text={state.note.text} /></MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.row}>
        {state.gaps.length > 0 && (
          <Button appearance="primary" disabled={busy || state.picks.length === 0} onClick={() => void state.save()} data-testid="column-map-save">
            {t.save}
          </Button>
        )}
        {stored && (
          <Button disabled={busy} onClick={() => void state.clear()} data-testid="column-map-clear">
            {t.clear}
          </Button>
        )}
      </div>
    </section>
  );
}
