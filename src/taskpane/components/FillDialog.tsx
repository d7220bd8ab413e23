import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { D, isExcelError, type CellValue, type FillCell, type FillPlan } from '../../core';
import type { Strings } from '../../app';
import { SheetText } from './SheetText';

export interface FillDialogProps {
  readonly plan: FillPlan | null;
  /** the person enabled 覆盖已有得分: overwriting cells need a second, explicit consent */
  readonly overwrite: boolean;
  readonly strings: Strings;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

const useStyles = makeStyles({
  // scrolls inside the dialog; focusable so that a keyboard can scroll it (axe scrollable-region-focusable)
  list: {
    maxHeight: '40vh',
    overflowY: 'auto',
    margin: `${tokens.spacingVerticalS} 0`,
    padding: tokens.spacingHorizontalS,
    listStyleType: 'none',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: { display: 'flex', columnGap: tokens.spacingHorizontalS, minWidth: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300 },
  at: { flexShrink: 0, fontFamily: tokens.fontFamilyMonospace },
  // a long note or name is cut, the full text on hover
  value: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
});

/** A value as the list shows it: empty, an error code, a rate as a percent, a number, or the text. */
function shown(v: CellValue | number | string, format: string | null, empty: string, exact?: string | null): string {
  if (v === null || v === '') return empty;
  if (isExcelError(v)) return v.code;
  if (typeof v === 'number' && format?.includes('%')) {
    const places = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${new D(exact ?? v).times(100).toFixed(places)}%`;
  }
  if (typeof v === 'number') return exact ?? String(v);
  return String(v);
}

function CellLine({ f, many, empty }: { f: FillCell; many: boolean; empty: string }) {
  const styles = useStyles();
  const before = shown(f.current, null, empty);
  const after = shown(f.value, f.numberFormat, empty, f.exact);
  return (
    <li className={styles.item} data-testid="fill-cell" data-cell={f.cell}>
      <span className={styles.at}>
        {many && (
          <>
            <SheetText text={f.sheet} />!
          </>
        )}
        {f.cell}
      </span>
      <span className={styles.value} title={`${before} → ${after}`}>
        <SheetText text={before} /> → <SheetText text={after} />
      </span>
    </li>
  );
}

/** The fill preview: what will be written (every cell, old → new, in a scrolling list), and a confirmation. */
export function FillDialog({ plan, overwrite, strings: s, onConfirm, onCancel }: FillDialogProps) {
  const styles = useStyles();
  const [consent, setConsent] = useState(false);
  const many = plan ? new Set(plan.cells.map((c) => c.sheet)).size > 1 : false;
  useEffect(() => setConsent(false), [plan]);
  const overwriting = plan && overwrite ? plan.counts.overwriteScore : 0;
  const blocked = overwriting > 0 && !consent;
  return (
    <Dialog open={plan !== null} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface data-testid="fill-dialog">
        <DialogBody>
          <DialogTitle>{s.fill}</DialogTitle>
          <DialogContent>
            {plan && <p data-testid="fill-preview">{s.fillPreview(plan.cells.length, plan.counts)}</p>}
            {plan && plan.cells.length > 0 && (
              <ul className={styles.list} tabIndex={0} aria-label={s.fillCellsLabel} data-testid="fill-cells">
                {plan.cells.map((f, i) => (
                  <CellLine key={`${f.sheet}!${f.cell}!${i}`} f={f} many={many} empty={s.emptyCell} />
                ))}
              </ul>
            )}
            {overwriting > 0 && (
              <>
                <p data-testid="fill-overwrite-warning">{s.overwriteWarning(overwriting)}</p>
                <Checkbox
                  checked={consent}
                  onChange={(_, d) => setConsent(d.checked === true)}
                  label={s.overwriteConsent(overwriting)}
                  data-testid="fill-overwrite-consent"
                />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={blocked} onClick={onConfirm} data-testid="fill-confirm">
              {s.fillConfirm}
            </Button>
            <Button onClick={onCancel} data-testid="fill-cancel">
              {s.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
