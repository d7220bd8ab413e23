/** The conflict check of a fill: the sheet must still be what the person saw in the preview. */
import { gridValueAt, sameCellValue, type CheckResult, type FillCell } from '../core';
import { HostError } from './host';
import type { SheetRead } from './read';

/**
 * The cells of `plan` that no longer match: the cell holds something else than the plan saw, or the check of the
 * sheets as read now (`fresh`) would not write the same value and number format there (an input changed).
 */
export function conflicts(sheets: readonly SheetRead[], plan: readonly FillCell[], fresh: CheckResult): FillCell[] {
  const freshBy = new Map(fresh.fillPlan.cells.map((f) => [`${f.sheet}!${f.cell}`, f]));
  const out: FillCell[] = [];
  for (const f of plan) {
    const s = sheets.find((x) => x.name.toLowerCase() === f.sheet.toLowerCase())!;
    const now = gridValueAt(s.grid, f.row, f.col);
    const again = freshBy.get(`${s.name}!${f.cell}`);
    if (!sameCellValue(now, f.current) || !again || again.value !== f.value || again.numberFormat !== f.numberFormat) out.push(f);
  }
  return out;
}

/** Throws CONFLICT naming the changed cells (with their sheet when the plan spans several sheets). */
export function refuseConflicts(sheets: readonly SheetRead[], plan: readonly FillCell[], fresh: CheckResult): void {
  const changed = conflicts(sheets, plan, fresh);
  if (!changed.length) return;
  const many = new Set(plan.map((f) => f.sheet)).size > 1;
  throw new HostError('CONFLICT', { cells: changed.map((f) => (many ? `${f.sheet}!${f.cell}` : f.cell)).join(',') });
}
