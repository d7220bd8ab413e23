import type { CheckOptions, CheckResult, ColumnMap, FillPlan, FillReason, Lang, Table } from '../core';

/**
 * What the task pane and ribbon commands may ask of the workbook. `src/excel` implements it against the
 * Excel JavaScript API (real or emulated); the pane receives it through React context, so components are
 * tested with plain objects.
 */
export interface ZipingHost {
  /** Read the active sheet (or all sheets), run the core, and (when `mark`) mark findings on the sheet. */
  validate(request: ValidateRequest, onProgress?: (p: Progress) => void): Promise<ValidateOutcome>;
  /**
   * Re-read, verify that every cell `expected` touches still holds what it held, then write the plan in one
   * sync. Throws HostError('CONFLICT') without writing anything when a touched cell changed.
   */
  fill(request: FillRequest, onProgress?: (p: Progress) => void): Promise<FillOutcome>;
  /** Restore the values and formats of the cells the last fill touched (the record lives in the workbook). */
  undoFill(): Promise<{ restored: number }>;
  /** Whether the workbook holds an undo record of a fill. */
  hasUndo(): Promise<boolean>;
  /** Activate the sheet and select the cell. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * 写入汇总表: add or refresh the sheet 绩效自评汇总 with `table`, in one write sync, recorded for undo like a fill
   * (undoFill then restores the old summary, or deletes the sheet it added). Absent where the host cannot add sheets.
   */
  writeSummary?(table: Table): Promise<{ rows: number; added: boolean }>;
  /**
   * The selection as the person left it: its sheet and its address on that sheet (`E12`, or `E12:E13` for a
   * merged cell). Absent where the host cannot tell.
   */
  selectedCell?(): Promise<SelectedCell>;
  /**
   * Keeps `map` with the workbook (null removes it); every later validate and fill uses it, read in the same first
   * read. TOO_LARGE when the add-in's records would pass the settings budget. Absent where the host cannot keep it.
   */
  writeColumnMap?(map: ColumnMap | null): Promise<void>;
}

export interface SelectedCell {
  readonly sheet: string;
  /** `E12`, or the merged area `E12:E13` (no sheet name) */
  readonly address: string;
}

/** The column map kept with the workbook, as a validate found it. */
export interface StoredColumnMap {
  readonly map: ColumnMap;
  /** the map no longer fits the workbook (core refused it: Chinese and English text); the check ran without it */
  readonly refused?: { readonly zh: string; readonly en: string };
}

export interface ValidateRequest {
  readonly allSheets: boolean;
  readonly options: CheckOptions;
  /** mark cells by severity (fill colour and a note/comment where the host supports it) */
  readonly mark: boolean;
  readonly lang: Lang;
}

export interface FillRequest extends ValidateRequest {
  /** the plan the person saw in the preview; the fill refuses if the sheet no longer matches it */
  readonly expected: FillPlan;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly sheet?: string;
}

export interface ValidateOutcome {
  readonly result: CheckResult;
  /** names of the sheets read */
  readonly sheets: readonly string[];
  /** 全部工作表 only: sheets too large to read (TOO_LARGE), left out while the others were checked */
  readonly tooLarge?: readonly string[];
  /** protected sheets whose findings were not marked (shown in the pane only); absent or empty when none */
  readonly unmarked?: readonly string[];
  /** the column map kept with the workbook (null: none); absent on hosts that keep none */
  readonly columnMap?: StoredColumnMap | null;
  /** context.sync() calls the read needed: 1 for the active sheet, 2 for all sheets, one more per chunk when Office refuses the payload */
  readonly readSyncs: number;
  /** context.sync() calls the marking needed: 0 or 1 (2 only when the host refused notes and the marks were retried as fills) */
  readonly writeSyncs: number;
}

export interface FillOutcome {
  readonly written: number;
  readonly counts: Readonly<Record<FillReason, number>>;
  readonly result: CheckResult;
  readonly readSyncs: number;
  /** 1 (2 only when the host refused notes and the write was retried with fills only) */
  readonly writeSyncs: number;
}

export type HostErrorCode =
  | 'NOT_IN_EXCEL'
  | 'UNSUPPORTED'
  | 'PROTECTED'
  | 'EDIT_MODE'
  | 'SHEET_GONE'
  | 'CONFLICT'
  | 'NO_UNDO'
  | 'TOO_LARGE'
  | 'UNKNOWN';

/** A host failure the person must be told about; nothing was half-written when it is thrown. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly detail: Readonly<Record<string, string | number>>;
  constructor(code: HostErrorCode, detail: Record<string, string | number> = {}, message?: string) {
    super(message ?? code);
    this.name = 'HostError';
    this.code = code;
    this.detail = detail;
  }
}
