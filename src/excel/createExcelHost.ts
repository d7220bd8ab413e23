import { MAX_SHEET_CELLS, type ColumnMap, type Table } from '../core';
import { batchRunner, beginWrite, endWrite, requirementsOf, SETTINGS_BUDGET_BYTES, toHostError } from './batch';
import type { ExcelLike, RequirementsLike } from './excel-like';
import { fill, type FillSettings } from './fill';
import { checkWithMap, selectedCell, writeColumnMap } from './columnMap';
import type { FillOutcome, FillRequest, Progress, SelectedCell, ValidateOutcome, ValidateRequest, ZipingHost } from './host';
import { markFindings } from './marking';
import { readWorkbook, type Scope } from './snapshot';
import { writeSummarySheet } from './summarySheet';
import { hasUndo, UNDO_KEY, undoFill } from './undo';

export { MIN_EXCEL_API, SETTINGS_BUDGET_BYTES, utf8Bytes } from './batch';
export { asText } from './cells';
export { MAP_KEY } from './columnMap';
export { UNDO_KEY, type UndoCell, type UndoRecord } from './undo';

export interface HostOptions {
  /**
   * cells per read sync on the bounded path, taken only when Office refuses a sheet's used range in one
   * response (5 MB on the web, or more than 512 merged areas); default 5000, far below 5 MB
   */
  readonly cellBudget?: number;
  /** cells of one sheet's used range above which reading stops with TOO_LARGE; default 2 000 000 */
  readonly maxCells?: number;
  /** pause before the one retry after Excel reported cell-edit mode; default 1500 ms */
  readonly retryDelayMs?: number;
  /** clock for the undo record's timestamp */
  readonly now?: () => Date;
  /** UTF-8 bytes the undo record and the record of the marks may take together; default SETTINGS_BUDGET_BYTES */
  readonly settingsBudgetBytes?: number;
}

/**
 * The ZipingHost over the Excel JavaScript API. `api` is the global `Excel` in the add-in or the emulator's
 * `createExcelApi(emu)`; `env` answers requirement-set questions (`Office.context.requirements`, or the
 * EmuWorkbook); without it, `Office.context.requirements` is used when present, else everything is assumed.
 */
export function createExcelHost(api: ExcelLike | undefined, env?: RequirementsLike, options: HostOptions = {}): ZipingHost {
  const settings: FillSettings = {
    cellBudget: options.cellBudget ?? 5000,
    maxCells: options.maxCells ?? MAX_SHEET_CELLS,
    now: options.now ?? (() => new Date()),
    settingsBudget: options.settingsBudgetBytes ?? SETTINGS_BUDGET_BYTES,
  };
  const run = batchRunner(api, requirementsOf(env), options.retryDelayMs ?? 1500);

  return {
    validate(request: ValidateRequest, onProgress?: (p: Progress) => void): Promise<ValidateOutcome> {
      return run(async (b) => {
        const scope: Scope = { allSheets: request.allSheets, also: [], mark: request.mark };
        const r = await readWorkbook(b, settings, scope, onProgress);
        const { result, columnMap } = checkWithMap({ sheets: r.sheets.map((s) => s.grid) }, { lang: request.lang, ...request.options }, r.columnMap);
        const unmarked = request.mark ? await markFindings(b, r, result.findings, request.lang, settings.settingsBudget, () => readWorkbook(b, settings, scope)) : [];
        return { result, sheets: r.sheets.map((s) => s.name), tooLarge: r.tooLarge, unmarked, columnMap, readSyncs: b.syncs.reads, writeSyncs: b.syncs.writes };
      });
    },

    fill(request: FillRequest, onProgress?: (p: Progress) => void): Promise<FillOutcome> {
      return run((b) => fill(b, settings, request, true, onProgress));
    },

    undoFill(): Promise<{ restored: number }> {
      return run(undoFill);
    },

    writeSummary(table: Table): Promise<{ rows: number; added: boolean }> {
      return run((b) => writeSummarySheet(b.ctx, table, {
        read: b.syncs.read, write: b.syncs.write, now: settings.now, begin: () => beginWrite(b), end: () => endWrite(b),
        record: (undo) => b.ctx.workbook.settings.add(UNDO_KEY, undo),
      }));
    },

    selectedCell(): Promise<SelectedCell> {
      return run(selectedCell);
    },

    writeColumnMap(map: ColumnMap | null): Promise<void> {
      return run((b) => writeColumnMap(b, map, settings.settingsBudget));
    },

    hasUndo(): Promise<boolean> {
      return run(hasUndo);
    },

    select(sheet: string, cell: string): Promise<void> {
      return run(async (b) => {
        const ws = b.ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await b.syncs.read().catch((e: unknown) => { throw toHostError(e, sheet); });
      });
    },
  };
}
