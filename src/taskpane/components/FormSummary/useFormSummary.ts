import { isolate, roundHalfUp, scoreText, type Dec } from '../../../core';
import { severityCounts } from '../../useZiping';
import type { FormSummaryProps, FormSummaryState } from './FormSummary.types';

const show = (d: Dec | null): string => (d === null ? '—' : scoreText(d));

export function useFormSummary({ form, strings }: FormSummaryProps): FormSummaryState {
  const c = severityCounts(form.findings);
  const { computed, stated } = form.total;
  return {
    project: form.project.trim() || strings.untitledProject,
    year: form.year ? strings.yearLabel(isolate(form.year)) : null,
    total: form.kind === 'declaration' ? strings.declarationForm(form.indicators.length) : strings.total(show(computed), show(stated)),
    totalDiffers: computed !== null && stated !== null && !roundHalfUp(computed, 2).eq(roundHalfUp(stated, 2)),
    grade: form.grade ? `${strings.gradeLabel} ${strings.grade[form.grade]}` : null,
    counts: (['error', 'warning', 'info'] as const).map((severity) => ({
      severity,
      icon: strings.severityIcon[severity],
      label: strings.severity[severity],
      count: c[severity],
    })),
  };
}
