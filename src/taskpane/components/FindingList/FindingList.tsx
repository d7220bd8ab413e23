import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { FindingListProps } from './FindingList.types';
import { useFindingList } from './useFindingList';
import { MessageText, SheetText } from '../SheetText';
import { useFindingListStyles } from './useFindingListStyles.styles';

/**
 * Findings of one form, errors first. A finding's button selects its cell (click, Enter or Space); the
 * details button shows target, actual, weight, scores and the rule applied. Sheet text is rendered as text.
 */
export function FindingList(props: FindingListProps) {
  const state = useFindingList(props);
  const styles = useFindingListStyles();
  const s = props.strings;
  if (props.findings.length === 0) return <p className={styles.empty}>{s.noFindings}</p>;
  return (
    <ul className={styles.list} aria-label={props.label} data-testid="finding-list">
      {state.items.map((it) => {
        const detailsId = `details-${it.key.replace(/[^A-Za-z0-9_-]/g, (ch) => ch.charCodeAt(0).toString(36))}`;
        return (
          <li key={it.key} data-testid="finding" data-code={it.finding.code} data-severity={it.finding.severity} data-cell={it.finding.cell}>
            <MessageBar intent={it.intent} layout="multiline" className={styles.bar}>
              <MessageBarBody className={styles.body}>
                <div className={styles.row}>
                  <button
                    type="button"
                    className={styles.select}
                    data-testid="finding-select"
                    title={s.selectCell(it.finding.cell)}
                    onClick={() => {
                      state.expand(it.key);
                      props.onSelect(it.finding);
                    }}
                  >
                    <span className={styles.cell}>
                      <span className={styles.srOnly}>{it.severityLabel} </span>
                      {it.cellLabel}
                    </span>
                    <span className={styles.message}>
                      <MessageText text={it.message} />
                    </span>
                  </button>
                  {it.details.length > 0 && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-expanded={it.expanded}
                      aria-controls={detailsId}
                      data-testid="finding-toggle"
                      onClick={() => state.toggle(it.key)}
                    >
                      {it.expanded ? s.hideDetails : s.details}
                    </Button>
                  )}
                </div>
                {it.expanded && (
                  <dl className={styles.details} id={detailsId} data-testid="finding-details">
                    {it.details.map((d) => (
                      <div key={d.label} style={{ display: 'contents' }}>
                        <dt className={styles.term}>{d.label}</dt>
                        <dd className={styles.value}>
                          <SheetText text={d.value} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </MessageBarBody>
            </MessageBar>
          </li>
        );
      })}
    </ul>
  );
}
