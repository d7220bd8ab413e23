/**
 * The person's column map kept with the workbook (issue 9): read with the other records in the first read sync,
 * used by every validate and fill, written and cleared from the pane; and the selection the person points with.
 */
import type { ColumnMap } from '../core';
import { parseStoredMap } from '../host/columnMap';
import { jsonBytes, type Batch } from './batch';
import type { SettingLike } from './excel-like';
import { HostError, type SelectedCell } from './host';
import { MARK_KEY } from './marks';
import { UNDO_KEY } from './undo';

export { checkWithMap } from '../host/columnMap';

export const MAP_KEY = 'ziping.columnMap';

/** The stored map as the setting holds it; a value that is no map (edited by hand, older format) counts as none. */
export function storedMap(setting: SettingLike): ColumnMap | null {
  return setting.isNullObject ? null : parseStoredMap(setting.value);
}

/** `Sheet1!E12`, `'My ''Sheet'''!E12:E13` → sheet and address. */
export function splitAddress(full: string): SelectedCell {
  const bang = full.lastIndexOf('!');
  const sheet = full.slice(0, Math.max(bang, 0));
  const unquoted = /^'.*'$/su.test(sheet) ? sheet.slice(1, -1).replace(/''/gu, "'") : sheet;
  return { sheet: unquoted, address: full.slice(bang + 1).replace(/\$/gu, '') };
}

/** The selected range (one read sync). */
export async function selectedCell(b: Batch): Promise<SelectedCell> {
  const r = b.ctx.workbook.getSelectedRange();
  r.load('address');
  await b.syncs.read();
  return splitAddress(r.address);
}

/**
 * Writes (or, for null, removes) the map: one read sync for the sizes of the records it shares the settings budget
 * with, then one write sync. TOO_LARGE, before writing, when the three would pass `budget`.
 */
export async function writeColumnMap(b: Batch, map: ColumnMap | null, budget: number): Promise<void> {
  const s = b.ctx.workbook.settings;
  const [undo, marks, old] = [UNDO_KEY, MARK_KEY, MAP_KEY].map((k) => {
    const item = s.getItemOrNullObject(k);
    item.load('value');
    return item;
  });
  await b.syncs.read();
  if (map === null) {
    if (old.isNullObject) return;
    old.delete();
  } else {
    const bytes = jsonBytes(map) + (undo.isNullObject ? 0 : jsonBytes(undo.value)) + (marks.isNullObject ? 0 : jsonBytes(marks.value));
    if (bytes > budget) throw new HostError('TOO_LARGE', { bytes });
    s.add(MAP_KEY, map);
  }
  await b.syncs.write();
}
