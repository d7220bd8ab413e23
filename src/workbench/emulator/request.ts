/**
 * Office's request semantics shared by every emulated API object (see api.ts for the list): the batch that queues
 * operations and runs them at `sync()`, and the proxies whose properties are readable only once loaded and synced.
 */
import { EmuError, MESSAGES, notLoaded } from './errors';
import type { CellRange } from '../../core';
import type { EmuSheet } from './model';
import type { EmuWorkbook } from './workbook';

type Commit = (() => void) | void;

function anyLocked(sheet: EmuSheet, r: CellRange): boolean {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (sheet.locked(row, col)) return true;
  return false;
}

interface Op {
  write: boolean;
  run: () => Commit;
  /** UTF-8 bytes of the data the operation sends (written values, setting values, note texts) */
  bytes: number;
}

/** UTF-8 bytes of the JSON of a loaded result (the part of a response that grows with the cells). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v ?? null);
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00) { n += 2; i++; } // a surrogate pair: 4 bytes for 2 code units
    else n += 2;
  }
  return n;
}

/**
 * The queue and the sync of a request context, without its objects (EmuRequestContext in api.ts adds the
 * workbook and the runtime), so that the proxies of every API object depend on this module and not on each other.
 */
export abstract class EmuBatch {
  /** @internal */
  readonly emu: EmuWorkbook;
  private ops: Op[] = [];
  private responseBytes = 0;

  /** the run asked Excel to wait while a cell is being edited (Excel.RunOptions.delayForCellEdit) */
  readonly delayForCellEdit: boolean;

  constructor(emu: EmuWorkbook, delayForCellEdit = false) {
    this.emu = emu;
    this.delayForCellEdit = delayForCellEdit;
  }

  /**
   * @internal the proxy of a range's sheet (`Range.worksheet`): made by the context, so that range.ts and
   * worksheet.ts need not import each other
   */
  abstract worksheetProxy(resolve: () => EmuSheet): EmuObject<EmuSheet>;

  /** @internal */
  queue(write: boolean, run: () => Commit, bytes = 0): void {
    this.ops.push({ write, run, bytes });
  }

  /** @internal counts a loaded result towards the running sync's response */
  respond(bytes: number): void {
    this.responseBytes += bytes;
  }

  /** @internal */
  get pending(): number {
    return this.ops.length;
  }

  /**
   * @internal throws ApiNotFound unless the workbook supports ExcelApi `version`. Excel's message names neither
   * the API nor the requirement set (and is localized); only `debugInfo.errorLocation` says which API it was.
   */
  need(version: string, api: string): void {
    if (!this.emu.isSetSupported('ExcelApi', version)) throw new EmuError('ApiNotFound', MESSAGES.ApiNotFound, api);
  }

  /**
   * @internal refuses a change to a protected sheet as Excel does: cell contents only in unlocked cells (`range`;
   * every cell is locked until unlocked), formats only when the protection allows formatting cells, anything
   * else (notes, comments, the lock itself) never.
   */
  writable(sheet: EmuSheet, what: string, kind: 'contents' | 'format' | 'other' = 'other', range?: CellRange): void {
    if (!sheet.protected) return;
    if (kind === 'format' && sheet.allowFormatCells) return;
    if (kind === 'contents' && range && !anyLocked(sheet, range)) return;
    throw new EmuError('InvalidOperation', `${this.emu.protectedMessage} (${sheet.name}: ${what})`, what);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.emu.syncCount++;
    await Promise.resolve();
    if (this.emu.cellEditing) {
      if (!this.delayForCellEdit || !this.emu.honoursDelayForCellEdit) {
        throw new EmuError('InvalidOperationInCellEditMode', MESSAGES.InvalidOperationInCellEditMode);
      }
      await this.emu.cellEditEnded();
    }
    const failure = this.emu.takeFailure();
    if (failure) throw new EmuError(failure, MESSAGES[failure] ?? failure);
    // a request above the limit never reaches the workbook
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    if (requestBytes > this.emu.payloadLimitBytes) {
      throw new EmuError('RequestPayloadSizeLimitExceeded', `${MESSAGES.RequestPayloadSizeLimitExceeded} (${requestBytes} bytes)`);
    }
    const writes = ops.some((o) => o.write);
    if (writes) this.emu.writeSyncCount++;
    const snap = writes ? this.emu.snapshot() : null;
    const commits: (() => void)[] = [];
    this.responseBytes = 0;
    try {
      for (const op of ops) {
        const c = op.run();
        if (c) commits.push(c);
        if (op.write) this.emu.recalc();
      }
      if (this.responseBytes > this.emu.payloadLimitBytes) {
        throw new EmuError('ResponsePayloadSizeLimitExceeded', `${MESSAGES.ResponsePayloadSizeLimitExceeded} (${this.responseBytes} bytes)`, undefined, true);
      }
    } catch (e) {
      if (snap && e instanceof EmuError && e.rollback) {
        this.emu.restore(snap);
        this.emu.recalc();
      }
      throw e;
    }
    for (const c of commits) c();
  }
}

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

function normalizePaths(spec: LoadSpec, prefix = ''): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean).map((s) => prefix + s);
  if (Array.isArray(spec)) return spec.flatMap((s) => normalizePaths(s, prefix));
  const out: string[] = [];
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'select' || k === 'expand') out.push(...normalizePaths(v as string, prefix));
    else if (k === '$all') continue;
    else if (v === true) out.push(prefix + k);
    else if (v && typeof v === 'object') out.push(...normalizePaths(v as Record<string, unknown>, `${prefix}${k}/`));
  }
  return out;
}

function copy<V>(v: V): V {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as V);
}

/** Groups `a/b`, `a/c`, `d` into { a: ['b','c'], d: [] }. */
function groupPaths(paths: string[]): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('/');
    if (!g.has(head)) g.set(head, []);
    if (rest.length) g.get(head)!.push(rest.join('/'));
  }
  return g;
}

export abstract class EmuObject<T> {
  /** @internal */
  readonly ctx: EmuBatch;
  private readonly resolver: () => T | null;
  private readonly nullable: boolean;
  private resolved: T | null | undefined = undefined;
  private known = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(ctx: EmuBatch, resolver: () => T | null, nullable = false) {
    this.ctx = ctx;
    this.resolver = resolver;
    this.nullable = nullable;
    if (nullable) ctx.queue(false, () => { this.resolve(); return () => { this.known = true; }; });
  }

  get context(): EmuBatch {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (!this.known) throw notLoaded('isNullObject');
    return this.resolved === null;
  }

  protected abstract scalars(): Record<string, (t: T) => unknown>;
  protected navs(): Record<string, EmuObject<unknown>> {
    return {};
  }
  /** throws when the target no longer exists */
  protected check(_t: T): void {}
  protected label(): string {
    return this.constructor.name.replace(/^Emu/, '');
  }

  /** @internal */
  resolve(): T | null {
    if (this.resolved === undefined) this.resolved = this.resolver();
    if (this.resolved === null) {
      if (!this.nullable) throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, this.label());
      return null;
    }
    this.check(this.resolved);
    return this.resolved;
  }

  /** @internal */
  target(): T {
    const t = this.resolve();
    if (t === null) throw new EmuError('InvalidArgument', `${this.label()} is a null object.`, this.label());
    return t;
  }

  load(spec?: LoadSpec): this {
    const paths = normalizePaths(spec);
    this.ctx.queue(false, () => this.loadNow(paths));
    return this;
  }

  /** @internal */
  loadNow(paths: string[]): Commit {
    const t = this.resolve();
    if (t === null) return () => { this.known = true; };
    const scalars = this.scalars();
    const navs = this.navs();
    const values = new Map<string, unknown>();
    const subs: Commit[] = [];
    const groups = paths.length ? groupPaths(paths) : new Map(Object.keys(scalars).map((k) => [k, [] as string[]]));
    for (const [head, rest] of groups) {
      if (navs[head]) subs.push(navs[head].loadNow(rest));
      else if (scalars[head]) {
        const v = scalars[head](t);
        this.ctx.respond(jsonBytes(v));
        values.set(head, v);
      } else throw new EmuError('PropertyNotFound', `The property '${head}' does not exist on ${this.label()}.`, this.label());
    }
    return () => {
      for (const [k, v] of values) this.loaded.set(k, copy(v));
      this.known = true;
      for (const s of subs) if (s) s();
    };
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Sets locally (as Office's proxies do) and queues the write. */
  protected put(name: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.set(name, value);
    this.ctx.queue(true, () => apply(this.target()), jsonBytes(value));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export class EmuClientResult<V> {
  private v: V | undefined;
  private done = false;
  constructor(ctx: EmuBatch, compute: () => V) {
    ctx.queue(false, () => {
      const v = compute();
      ctx.respond(jsonBytes(v));
      return () => { this.v = v; this.done = true; };
    });
  }
  get value(): V {
    if (!this.done) throw notLoaded('value');
    return this.v as V;
  }
}

export abstract class EmuCollection<T, E, P extends EmuObject<E>> extends EmuObject<T> {
  private list: P[] | null = null;
  protected abstract elements(t: T): E[];
  protected abstract wrap(e: E): P;

  get items(): P[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  protected scalars(): Record<string, (t: T) => unknown> {
    return {};
  }

  override loadNow(paths: string[]): Commit {
    const t = this.target();
    const itemPaths = paths.flatMap((p) => (p === 'items' ? [] : p.startsWith('items/') ? [p.slice(6)] : [p]));
    const proxies = this.elements(t).map((e) => this.wrap(e));
    const subs = proxies.map((p) => p.loadNow(itemPaths));
    return () => {
      this.list = proxies;
      for (const s of subs) if (s) s();
    };
  }

  getCount(): EmuClientResult<number> {
    return new EmuClientResult(this.ctx, () => this.elements(this.target()).length);
  }
}
