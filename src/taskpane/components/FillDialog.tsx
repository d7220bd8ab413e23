import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FillPlan } from '../../core';
import type { Strings } from '../../app';

export interface FillDialogProps {
  readonly plan: FillPlan | null;
  /** the person enabled 覆盖已有得分: overwriting cells need a second, explicit consent */
  readonly overwrite: boolean;
  readonly strings: Strings;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The fill preview: what will be written, and a confirmation before anything is. */
export function FillDialog({ plan, overwrite, strings: s, onConfirm, onCancel }: FillDialogProps) {
  const [consent, setConsent] = useState(false);
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
