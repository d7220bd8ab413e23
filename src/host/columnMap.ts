import { checkWorkbook, ColumnMapError, parseColumnMap, type CheckOptions, type CheckResult, type ColumnMap, type WorkbookGrid } from '../core';
import type { StoredColumnMap } from './index';

/** A stored map's value as the host read it: anything that is no map (edited by hand, an older format) is none. */
export function parseStoredMap(v: unknown): ColumnMap | null {
  if (v === null || v === undefined) return null;
  try {
    return parseColumnMap(v);
  } catch {
    return null;
  }
}

/**
 * Checks with the stored map unless the request brings its own. A stored map the workbook no longer fits (a sheet
 * renamed, rows deleted) is set aside with core's reason, so the check still runs and the pane can offer to clear it.
 */
export function checkWithMap(grid: WorkbookGrid, options: CheckOptions, stored: ColumnMap | null): { result: CheckResult; columnMap: StoredColumnMap | null } {
  if (!stored || options.columnMap) return { result: checkWorkbook(grid, options), columnMap: stored ? { map: stored } : null };
  try {
    return { result: checkWorkbook(grid, { ...options, columnMap: stored }), columnMap: { map: stored } };
  } catch (e) {
    if (!(e instanceof ColumnMapError)) throw e;
    return { result: checkWorkbook(grid, options), columnMap: { map: stored, refused: { zh: e.message, en: e.messageEn } } };
  }
}

