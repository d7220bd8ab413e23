import type { CellRange } from '../../core';
import { utf8Bytes } from '../../excel/batch';
import { EmuError } from './errors';
import { evaluate, type Scalar } from './formula';
import { EmuSheet, keyPos } from './model';

/** Excel on the web caps a request and a response at 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Office's limit on the settings of one add-in. */
export const SETTINGS_LIMIT_BYTES = 2 * 1024 * 1024;


/** Office's limit on the cells of a range read at once. */
export const READ_CELL_LIMIT = 5_000_000;

/** The newest ExcelApi set the emulator implements. */
export const EMULATED_EXCEL_API = '1.20';

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Snapshot {
  sheets: {
    sheet: EmuSheet;
    name: string;
    cells: [number, import('./model').EmuCell][];
    merges: CellRange[];
    protected: boolean;
    allowFormatCells: boolean;
    visibility: EmuSheet['visibility'];
    notes: [number, import('./model').EmuNote][];
    comments: EmuSheet['comments'];
    selection: CellRange;
  }[];
  active: number;
  settings: [string, string][];
}

/**
 * An in-memory workbook with the state the Excel JavaScript API exposes to the add-in. Test and workbench code
 * manipulate it directly; add-in code reaches it only through `createExcelApi(emu)` (see api.ts), which
 * imitates Office's batching: queued writes, loads resolved at `context.sync()`.
 */
export class EmuWorkbook {
  sheets: EmuSheet[] = [];
  activeIndex = 0;
  /** workbook.settings: key → JSON text (Office serializes setting values) */
  readonly settings = new Map<string, string>();
  /** requirement sets the host supports, e.g. `{ ExcelApi: '1.12' }`; missing sets are unsupported */
  requirements: Record<string, string> = { ExcelApi: EMULATED_EXCEL_API };
  /**
   * a sync whose loaded results exceed this many bytes (UTF-8 of their JSON) rejects with
   * `ResponsePayloadSizeLimitExceeded` and applies nothing; Excel on the web's 5 MB by default
   */
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;
  /** every `context.sync()` (explicit or Excel.run's final flush), failed ones included */
  syncCount = 0;
  /** syncs that carried at least one write */
  writeSyncCount = 0;
  eventsEnabled = true;
  /**
   * Office limits a range to 5 000 000 cells for read operations; a load of `values` (or another cell array) of a
   * larger range fails with RangeExceedsLimit or, as Office's performance article warns, delivers null
   */
  readCellLimit = READ_CELL_LIMIT;
  oversizedRead: 'RangeExceedsLimit' | 'null' = 'RangeExceedsLimit';
  /** the message of a write to a protected sheet; Office localizes messages (a zh-CN Excel answers in Chinese) */
  protectedMessage = "The cell or chart you're trying to change is on a protected sheet.";
  /** the code of a merged-areas query over more than 512 areas (Office's reference names none) */
  mergedAreasLimitCode = 'GeneralException';
  /** false: `CommentCollection.add` fails with NotImplemented, as on Excel builds without threaded comments */
  threadedComments = true;
  /** how often `suspendScreenUpdatingUntilNextSync` was queued and applied */
  screenUpdatingSuspensions = 0;
  /**
   * UTF-8 bytes (keys and JSON values) all settings may take: Office keeps at most 2 MB of settings per add-in
   * (reference of Office.Settings.set); above it `settings.add` fails with InvalidArgument, as office-js#3957 reports
   */
  settingsLimitBytes = SETTINGS_LIMIT_BYTES;
  /** the person is editing a cell: syncs fail with InvalidOperationInCellEditMode or, when delayed, wait */
  cellEditing = false;
  /** false: the host ignores Excel.RunOptions.delayForCellEdit and fails the batch as without it */
  honoursDelayForCellEdit = true;
  private editWaiters: (() => void)[] = [];
  private pendingFailures: string[] = [];
  private nextCommentId = 1;

  isSetSupported(name: string, version = '1.1'): boolean {
    const have = this.requirements[name];
    return have !== undefined && compareVersions(have, version) >= 0;
  }

  /** The next sync rejects with this Office error code and applies nothing (e.g. `InvalidOperationInCellEditMode`). */
  failNextSyncWith(code: string): void {
    this.pendingFailures.push(code);
  }

  /** Sets a setting (JSON text), or throws InvalidArgument when the settings would exceed `settingsLimitBytes`. */
  putSetting(key: string, json: string): void {
    let total = utf8Bytes(key) + utf8Bytes(json);
    for (const [k, v] of this.settings) if (k !== key) total += utf8Bytes(k) + utf8Bytes(v);
    if (total > this.settingsLimitBytes) {
      throw new EmuError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'SettingCollection.add');
    }
    this.settings.set(key, json);
  }

  /** The person starts editing a cell. */
  editCell(): void {
    this.cellEditing = true;
  }

  /** The person leaves cell-edit mode (Enter, Tab, Esc): delayed batches run. */
  endCellEdit(): void {
    this.cellEditing = false;
    const waiting = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiting) w();
  }

  /** @internal resolves when the cell edit ends */
  cellEditEnded(): Promise<void> {
    return this.cellEditing ? new Promise((r) => this.editWaiters.push(r)) : Promise.resolve();
  }

  takeFailure(): string | undefined {
    return this.pendingFailures.shift();
  }

  addSheet(name: string): EmuSheet {
    if (this.sheet(name)) throw new Error(`sheet exists: ${name}`);
    const s = new EmuSheet(name);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): EmuSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  get activeSheet(): EmuSheet {
    const s = this.sheets[this.activeIndex];
    if (!s) throw new Error('workbook has no sheets');
    return s;
  }

  setActive(name: string): void {
    const i = this.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`no sheet ${name}`);
    this.activeIndex = i;
  }

  deleteSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`no sheet ${name}`);
    this.sheets.splice(i, 1);
    if (this.activeIndex >= this.sheets.length) this.activeIndex = Math.max(0, this.sheets.length - 1);
  }

  newCommentId(): string {
    return `emu-comment-${this.nextCommentId++}`;
  }

  /** Recomputes every formula cell (a few passes, enough for the short chains of a form). */
  recalc(): void {
    const lookup = (self: EmuSheet) => (name: string | null, row: number, col: number): Scalar => {
      const s = name === null ? self : this.sheet(name);
      if (!s) return '#REF!';
      return s.get(row, col)?.value ?? '';
    };
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const s of this.sheets) {
        for (const c of s.cells.values()) {
          if (c.formula === null) continue;
          const v = evaluate(c.formula, lookup(s));
          if (v !== undefined && v !== c.value) { c.value = v; changed = true; }
        }
      }
      if (!changed) return;
    }
  }

  snapshot(): Snapshot {
    return {
      sheets: this.sheets.map((s) => ({
        sheet: s,
        name: s.name,
        cells: [...s.cells].map(([k, c]) => [k, { ...c }]),
        merges: s.merges.map((m) => ({ ...m })),
        protected: s.protected,
        allowFormatCells: s.allowFormatCells,
        visibility: s.visibility,
        notes: [...s.notes].map(([k, n]) => [k, { ...n }]),
        comments: s.comments.map((c) => ({ ...c })),
        selection: { ...s.selection },
      })),
      active: this.activeIndex,
      settings: [...this.settings],
    };
  }

  restore(snap: Snapshot): void {
    this.sheets = snap.sheets.map((x) => {
      const s = x.sheet;
      s.name = x.name;
      s.cells.clear();
      for (const [k, c] of x.cells) s.cells.set(k, c);
      s.merges = x.merges;
      s.protected = x.protected;
      s.allowFormatCells = x.allowFormatCells;
      s.visibility = x.visibility;
      s.notes.clear();
      for (const [k, n] of x.notes) s.notes.set(k, n);
      s.comments = x.comments;
      s.selection = x.selection;
      return s;
    });
    this.activeIndex = snap.active;
    this.settings.clear();
    for (const [k, v] of snap.settings) this.settings.set(k, v);
  }
}

export { keyPos };
