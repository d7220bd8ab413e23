import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { D, parseA1, type CheckResult, type Finding, type Lang, type Severity } from '../../../core';
import { summarizeResult, type FormRow } from '../../../report';
import { strings } from '../../../app';
import { SheetText } from '../SheetText';

export interface PileOverviewProps {
  readonly result: CheckResult;
  readonly lang: Lang;
  /** severities shown; the overview says how many findings the rest hides */
  readonly filter: ReadonlySet<Severity>;
  readonly onJump: (f: Finding) => void;
  /** 写入汇总表; absent where the host cannot add a sheet */
  readonly onWriteSummary?: () => void;
  readonly busy: boolean;
}

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { padding: '2px 4px', textAlign: 'left', verticalAlign: 'middle', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  // a long project name is cut after two lines (the cell's title holds it whole)
  name: { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: 2, overflow: 'hidden', overflowWrap: 'anywhere' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  longNum: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  bad: { backgroundColor: tokens.colorPaletteRedBackground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

const BAR_W = 72;
const BAR_H = 14;

/** Stated (grey) over computed (blue) total, on a 0–100 scale (or the larger total): a bar pair in inline SVG. */
function TotalBars({ row, label }: { row: FormRow; label: string }) {
  const stated = row.stated === null ? null : Number(row.stated);
  const computed = row.computed === null ? null : Number(row.computed);
  const max = Math.max(100, stated ?? 0, computed ?? 0);
  const w = (v: number | null) => (v === null ? 0 : Math.max(0, (v / max) * BAR_W));
  return (
    <svg width={BAR_W} height={BAR_H} role="img" aria-label={label} data-testid="overview-bar">
      <rect x={0} y={1} width={w(stated)} height={5} fill="#9aa5b1" />
      <rect x={0} y={8} width={w(computed)} height={5} fill={stated !== null && computed !== null && stated !== computed ? '#c0392b' : '#2f6fb3'} />
    </svg>
  );
}

/** The first form's topmost, leftmost error: the one the findings list shows first. */
function firstErrorOf(result: CheckResult): Finding | null {
  for (const form of result.forms) {
    const errors = form.findings.filter((f) => f.severity === 'error');
    if (errors.length === 0) continue;
    const at = (f: Finding) => {
      try {
        return parseA1(f.cell);
      } catch {
        return { row: Infinity, col: Infinity };
      }
    };
    return errors.reduce((a, b) => {
      const x = at(a);
      const y = at(b);
      return y.row < x.row || (y.row === x.row && y.col < x.col) ? b : a;
    });
  }
  return null;
}

const num = (s: string | null) => (s === null ? '—' : new D(s).toFixed(2));
/** A total as long as a sheet may state it (forty digits) breaks inside its cell rather than widen the pane. */
const LONG_NUMBER = 12;

/** With 全部工作表: per form its totals, grade and counts with a small bar pair; jump to the first error; what the filter hides. */
export function PileOverview({ result, lang, filter, onJump, onWriteSummary, busy }: PileOverviewProps) {
  const t = strings(lang).overview;
  const styles = useStyles();
  const rows = useMemo(() => summarizeResult(result, '', lang).forms, [result, lang]);
  const firstError = useMemo(() => firstErrorOf(result), [result]);
  const hidden = result.findings.filter((f) => !filter.has(f.severity)).length;
  return (
    <section className={styles.root} aria-labelledby="ziping-overview" data-testid="overview">
      <h2 className={styles.title} id="ziping-overview">{t.title(rows.length)}</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">{t.project}</th>
            <th className={`${styles.cell} ${styles.num}`} scope="col">{t.stated}</th>
            <th className={`${styles.cell} ${styles.num}`} scope="col">{t.computed}</th>
            <th className={styles.cell} scope="col" aria-hidden="true" />
            <th className={styles.cell} scope="col">{t.grade}</th>
            <th className={`${styles.cell} ${styles.num}`} scope="col">{t.counts}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.sheet}!${r.range}`} className={r.errors > 0 ? styles.bad : undefined} data-testid="overview-row" data-sheet={r.sheet}>
              <td className={styles.cell} title={r.project || r.sheet}>
                <span className={styles.name}>
                  <SheetText text={r.project || r.sheet} />
                </span>
              </td>
              <td className={mergeClasses(styles.cell, styles.num, num(r.stated).length > LONG_NUMBER && styles.longNum)} data-testid="overview-stated">
                {num(r.stated)}
              </td>
              <td className={mergeClasses(styles.cell, styles.num, num(r.computed).length > LONG_NUMBER && styles.longNum)} data-testid="overview-computed">
                {num(r.computed)}
              </td>
              <td className={styles.cell}><TotalBars row={r} label={t.chart(num(r.stated), num(r.computed))} /></td>
              <td className={styles.cell}>{r.grade ?? '—'}</td>
              <td className={`${styles.cell} ${styles.num}`}>{`${r.errors}/${r.warnings}/${r.infos}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.actions}>
        <Button size="small" disabled={!firstError} onClick={() => firstError && onJump(firstError)} data-testid="jump-first-error">
          {firstError ? t.jump : t.noErrors}
        </Button>
        {onWriteSummary && (
          <Button size="small" disabled={busy} onClick={onWriteSummary} data-testid="write-summary">{t.write}</Button>
        )}
      </div>
      {hidden > 0 && <p className={styles.muted} data-testid="hidden-count">{t.hidden(hidden)}</p>}
    </section>
  );
}
