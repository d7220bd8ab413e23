/**
 * Running one Excel batch: requirement checks, sync counting, one retry after cell-edit mode, the write batch's
 * events switch, and Office's errors (ApiNotFound, edit mode, protection, payload limits) as HostErrors.
 */
import type { ExcelLike, RequestContextLike, RequirementsLike } from './excel-like';
import { HostError } from './host';
import { TooLarge } from './read';

/** minimum, as the manifest declares: getRangeByIndexes (1.7), workbook.settings (1.4), getUsedRange(valuesOnly), protection */
export const MIN_EXCEL_API = '1.7';

/**
 * UTF-8 bytes the add-in's settings (the undo record and the record of the marks) may take together: 512 KB.
 * Office documents 2 MB of settings per add-in (reference of Office.Settings.set; the limit is on the total, so
 * spreading a record over several keys gains nothing), but Excel 2021 refused about 1 MB with InvalidArgument
 * (office-js#3957), so the add-in keeps to half of that. A fill or marking that would need more stops with
 * TOO_LARGE before writing anything.
 */
export const SETTINGS_BUDGET_BYTES = 512 * 1024;

const UTF8 = new TextEncoder();

/** UTF-8 size of a string, as Office counts payload and settings bytes. */
export function utf8Bytes(s: string): number {
  return UTF8.encode(s).length;
}

/** UTF-8 bytes of a setting's value once written (0 for none). */
export const jsonBytes = (v: unknown): number => (v === null || v === undefined ? 0 : utf8Bytes(JSON.stringify(v)));

export function errorCode(e: unknown): string {
  return String((e as { code?: unknown })?.code ?? '');
}

/** The API an Office error was raised at (`debugInfo.errorLocation`, e.g. `Range.getMergedAreasOrNullObject`). */
function apiOf(e: unknown): Record<string, string> {
  const at = (e as { debugInfo?: { errorLocation?: unknown } })?.debugInfo?.errorLocation;
  return typeof at === 'string' && at ? { api: at } : {};
}

/** An Office error (or a read that is too large) as the HostError the person is told about. */
export function toHostError(e: unknown, sheet = ''): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof TooLarge) return new HostError('TOO_LARGE', { cells: e.cells, sheet });
  const code = errorCode(e);
  const message = String((e as Error)?.message ?? e);
  switch (code) {
    case 'InvalidOperationInCellEditMode': return new HostError('EDIT_MODE', {}, message);
    // Excel's message names no requirement set and is localized: the API comes from debugInfo, when there is one
    case 'ApiNotFound': return new HostError('UNSUPPORTED', apiOf(e), message);
    case 'ItemNotFound': return new HostError('SHEET_GONE', { sheet }, message);
    case 'AccessDenied': return new HostError('PROTECTED', { sheet }, message);
    case 'InvalidOperation': return /protect/i.test(message) ? new HostError('PROTECTED', { sheet }, message) : new HostError('UNKNOWN', { code }, message);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded': return new HostError('TOO_LARGE', { sheet }, message);
    default: return new HostError('UNKNOWN', { code }, message);
  }
}

/** Whether a failed batch that added notes or comments is worth marking again with fills only. */
export function notesMayHaveFailed(e: unknown): boolean {
  const code = errorCode(e);
  return code !== 'InvalidOperationInCellEditMode' && code !== 'ItemNotFound' && code !== 'AccessDenied';
}

/** The syncs of one batch, counted; a failed write sync turns events back on. */
export class Syncs {
  reads = 0;
  writes = 0;
  /** the write batch turns events off and back on at its end */
  eventsOff = false;
  constructor(private readonly ctx: RequestContextLike) {}
  read = async () => { this.reads++; await this.ctx.sync(); };
  write = async () => {
    this.writes++;
    try {
      await this.ctx.sync();
    } catch (e) {
      // Office applied the batch up to the failing operation: the switch back on at its end may not have run
      if (this.eventsOff) {
        try {
          this.ctx.runtime.enableEvents = true;
          await this.ctx.sync();
        } catch {
          // the original failure is what the person needs to hear about
        }
      }
      throw e;
    } finally {
      this.eventsOff = false;
    }
  };
}

/** One Excel.run: its context, its syncs and the requirement sets the host supports. */
export interface Batch {
  readonly ctx: RequestContextLike;
  readonly syncs: Syncs;
  /** whether the host supports ExcelApi `version` */
  readonly supports: (version: string) => boolean;
}

/** `env`, else `Office.context.requirements` when present, else everything is assumed supported. */
export function requirementsOf(env?: RequirementsLike): RequirementsLike {
  return env ?? (typeof Office !== 'undefined' && Office.context?.requirements ? Office.context.requirements : { isSetSupported: () => true });
}

/**
 * Runs `batch` in Excel.run: NOT_IN_EXCEL without an api, UNSUPPORTED below MIN_EXCEL_API, errors as HostErrors.
 * Every run asks Excel to wait while the person edits a cell (`delayForCellEdit`: Excel.RunOptions, whose reference
 * names no requirement set, so it is always asked); a host that ignores it still fails the batch with
 * InvalidOperationInCellEditMode, and that batch runs once more after `retryDelayMs`.
 */
export function batchRunner(api: ExcelLike | undefined, requirements: RequirementsLike, retryDelayMs: number) {
  const supports = (v: string) => requirements.isSetSupported('ExcelApi', v);
  return async function run<T>(batch: (b: Batch) => Promise<T>): Promise<T> {
    if (!api) throw new HostError('NOT_IN_EXCEL');
    if (!supports(MIN_EXCEL_API)) throw new HostError('UNSUPPORTED', { needed: `ExcelApi ${MIN_EXCEL_API}` });
    const once = () => api.run({ delayForCellEdit: true }, (ctx) => batch({ ctx, syncs: new Syncs(ctx), supports })).catch((e: unknown) => { throw toHostError(e); });
    try {
      return await once();
    } catch (e) {
      if (!(e instanceof HostError) || e.code !== 'EDIT_MODE') throw e;
      await new Promise((r) => setTimeout(r, retryDelayMs));
      return once();
    }
  };
}

/** Queues the start of a write batch: screen updating suspended, events off (where the host supports them). */
export function beginWrite(b: Batch): void {
  if (b.supports('1.9')) b.ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  if (b.supports('1.8')) {
    b.ctx.runtime.enableEvents = false;
    b.syncs.eventsOff = true;
  }
}

/** Queues the end of a write batch: events back on. */
export function endWrite(b: Batch): void {
  if (b.supports('1.8')) b.ctx.runtime.enableEvents = true;
}

/** Which of `names` are protected now (Office's messages are localized, so a refusal is told by the state). */
export async function protectedSheets(ctx: RequestContextLike, names: readonly string[]): Promise<string[]> {
  try {
    ctx.workbook.worksheets.load(['items/name', 'items/protection/protected']);
    await ctx.sync();
    return ctx.workbook.worksheets.items.filter((w) => names.includes(w.name) && w.protection.protected).map((w) => w.name);
  } catch {
    return [];
  }
}

/** A write Office refused with InvalidOperation or AccessDenied because a sheet is protected: PROTECTED. */
export async function refusedAsProtected(ctx: RequestContextLike, e: unknown, names: readonly string[]): Promise<HostError | null> {
  const code = errorCode(e);
  if (code !== 'InvalidOperation' && code !== 'AccessDenied') return null;
  const locked = await protectedSheets(ctx, names);
  return locked.length ? new HostError('PROTECTED', { sheet: locked[0] }, String((e as Error)?.message ?? code)) : null;
}
