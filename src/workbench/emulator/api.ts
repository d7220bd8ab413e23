/**
 * An `Excel`-like API over an EmuWorkbook with Office's request semantics, for the subset the adapter uses:
 * - every method call and property write QUEUES; `context.sync()` runs the queue in order against the workbook;
 * - `load()` results arrive at sync; reading a property that was not loaded throws `PropertyNotLoaded`;
 * - a failed sync delivers no load results; operations before the failing one stay applied (Office batches are
 *   not transactional; Office's reference is silent on partial batches, and this is the case a writer must survive),
 *   a write to a protected sheet included: it fails with InvalidOperation and a localized message;
 * - `*OrNullObject` proxies report `isNullObject` after a sync; methods above the workbook's requirement set
 *   fail at sync with `ApiNotFound`;
 * - `Excel.run` flushes what is still queued when the batch resolves.
 * - while the person edits a cell (`emu.editCell()` … `emu.endCellEdit()`), a sync fails with
 *   InvalidOperationInCellEditMode, unless the run asked `delayForCellEdit` and `emu.honoursDelayForCellEdit`:
 *   then it waits until the edit ends (reference of Excel.RunOptions).
 * - a sync whose loaded results (values, formats, formulas, cell properties, every loaded scalar) come to more
 *   than `emu.payloadLimitBytes` (UTF-8 bytes of their JSON; Excel on the web caps a response at 5 MB) rejects
 *   with `ResponsePayloadSizeLimitExceeded`, delivers no load result and applies none of its writes; a sync whose
 *   written data (values, formulas, formats, setting values, note texts) comes to more rejects with
 *   `RequestPayloadSizeLimitExceeded` before anything is applied.
 * Assumptions where Office's docs are silent: adding a note or comment to a cell that has one fails with
 * `InvalidArgument`; `getMergedAreasOrNullObject` over more than 512 areas fails with `emu.mergedAreasLimitCode`
 * (GeneralException unless a test says otherwise: the reference names no code).
 * The objects live in one module each (request.ts holds the batch and the proxy base classes); this one composes
 * them into the request context and `Excel.run`.
 */
import type { EmuSheet } from './model';
import { EmuBatch } from './request';
import type { EmuWorkbook } from './workbook';
import { EmuRuntime, EmuWorkbookObject } from './workbook-object';
import { EmuWorksheet } from './worksheet';

export { EmuError } from './errors';
export { EmuClientResult, jsonBytes } from './request';
export { EmuApplication, EmuRuntime, EmuSetting, EmuSettingCollection, EmuWorkbookObject } from './workbook-object';
export { EmuWorksheet, EmuWorksheetCollection, EmuWorksheetProtection } from './worksheet';
export { EmuRange, EmuRangeAreas, EmuRangeCollection } from './range';
export { EmuFormatProtection, EmuRangeFill, EmuRangeFormat } from './range-format';
export { EmuCommentCollection, EmuCommentObject, EmuNoteCollection, EmuNoteObject } from './notes';

/** The context `Excel.run` hands to a batch: the queue and sync of EmuBatch, with the workbook and the runtime. */
export class EmuRequestContext extends EmuBatch {
  readonly workbook: EmuWorkbookObject;
  readonly runtime: EmuRuntime;

  constructor(emu: EmuWorkbook, delayForCellEdit = false) {
    super(emu, delayForCellEdit);
    this.workbook = new EmuWorkbookObject(this);
    this.runtime = new EmuRuntime(this);
  }

  /** @internal */
  worksheetProxy(resolve: () => EmuSheet): EmuWorksheet {
    return new EmuWorksheet(this, resolve);
  }
}

/** Excel.RunOptions, as far as the emulator knows them. */
export interface EmuRunOptions {
  delayForCellEdit?: boolean;
}

export interface EmuExcel {
  run<T>(batch: (context: EmuRequestContext) => Promise<T>): Promise<T>;
  run<T>(options: EmuRunOptions, batch: (context: EmuRequestContext) => Promise<T>): Promise<T>;
}

/** The `Excel` namespace's `run` over `emu`. Pass it where the add-in passes the global `Excel`. */
export function createExcelApi(emu: EmuWorkbook): EmuExcel {
  async function run<T>(a: EmuRunOptions | ((context: EmuRequestContext) => Promise<T>), b?: (context: EmuRequestContext) => Promise<T>): Promise<T> {
    const options = typeof a === 'function' ? {} : a;
    const batch = typeof a === 'function' ? a : b!;
    const ctx = new EmuRequestContext(emu, options.delayForCellEdit === true);
    const result = await batch(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }
  return { run };
}
