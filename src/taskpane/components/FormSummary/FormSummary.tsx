import { mergeClasses } from '@fluentui/react-components';
import type { FormSummaryProps } from './FormSummary.types';
import { useFormSummary } from './useFormSummary';
import { useFormSummaryStyles } from './useFormSummaryStyles.styles';
import { MessageText, SheetText } from '../SheetText';

/** One form's card: project, year, computed total against the sheet's, grade, counts by severity. */
export function FormSummary(props: FormSummaryProps) {
  const state = useFormSummary(props);
  const styles = useFormSummaryStyles();
  return (
    <section className={styles.root} aria-labelledby={props.headingId} data-testid="form-summary" data-sheet={props.form.sheet}>
      <div className={styles.head}>
        <h2 className={styles.project} id={props.headingId} title={state.project} data-testid="form-project">
          <SheetText text={state.project} />
        </h2>
        {state.year && (
          <span className={styles.year}>
            <MessageText text={state.year} />
          </span>
        )}
      </div>
      <div className={styles.line}>
        <span className={mergeClasses(state.totalDiffers && styles.differs)} data-testid="form-total">
          {state.total}
        </span>
        {state.grade && <span data-testid="form-grade">{state.grade}</span>}
      </div>
      <ul className={styles.counts} data-testid="form-counts">
        {state.counts.map((c) => (
          <li key={c.severity} data-severity={c.severity}>
            <span className={styles[c.severity]} aria-hidden="true">
              {c.icon}
            </span>{' '}
            {c.label} {c.count}
          </li>
        ))}
      </ul>
    </section>
  );
}
