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
 * - a sync whose loaded results (values, formats, formulas, cell properties, every loaded scalar) come to more
 *   than `emu.payloadLimitBytes` (UTF-8 bytes of their JSON; Excel on the web caps a response at 5 MB) rejects
 *   with `ResponsePayloadSizeLimitExceeded`, delivers no load result and applies none of its writes; a sync whose
 *   written data (values, formulas, formats, setting values, note texts) comes to more rejects with
 *   `RequestPayloadSizeLimitExceeded` before anything is applied.
 * Assumptions where Office's docs are silent: adding a note or comment to a cell that has one fails with
 * `InvalidArgument`; `getMergedAreasOrNullObject` over more than 512 areas fails with `emu.mergedAreasLimitCode`
 * (GeneralException unless a test says otherwise: the reference names no code).
 */
import type { CellRange } from '../../core/grid';
import { enter } from './formula';
import { cellKey, EmuSheet, keyPos, parseAddress, rangeAddress, type EmuComment, type EmuNote as NoteData } from './model';
import type { EmuWorkbook } from './workbook';

export class EmuError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  /** @internal the sync undoes the whole batch */
  readonly rollback: boolean;
  constructor(code: string, message: string, location?: string, rollback = false) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
    this.rollback = rollback;
  }
}

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidOperation: 'The operation is invalid for the object.',
  GeneralException: 'An internal error has occurred while processing the request.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  ItemNotFound: 'The requested resource doesn\'t exist.',
  AccessDenied: 'You cannot perform the requested operation.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
};

function notLoaded(name: string): EmuError {
  return new EmuError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

type Commit = (() => void) | void;

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

export class EmuRequestContext {
  readonly workbook: EmuWorkbookObject;
  readonly runtime: EmuRuntime;
  /** @internal */
  readonly emu: EmuWorkbook;
  private ops: Op[] = [];
  private responseBytes = 0;

  constructor(emu: EmuWorkbook) {
    this.emu = emu;
    this.workbook = new EmuWorkbookObject(this);
    this.runtime = new EmuRuntime(this);
  }

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

  /** @internal throws ApiNotFound unless the workbook supports ExcelApi `version` */
  need(version: string, api: string): void {
    if (!this.emu.isSetSupported('ExcelApi', version)) {
      throw new EmuError('ApiNotFound', `${MESSAGES.ApiNotFound} (${api}: ExcelApi ${version})`, api);
    }
  }

  /** @internal */
  writable(sheet: EmuSheet, what: string): void {
    if (sheet.protected) {
      throw new EmuError('InvalidOperation', `${this.emu.protectedMessage} (${sheet.name}: ${what})`, what);
    }
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.emu.syncCount++;
    await Promise.resolve();
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

abstract class EmuObject<T> {
  /** @internal */
  readonly ctx: EmuRequestContext;
  private readonly resolver: () => T | null;
  private readonly nullable: boolean;
  private resolved: T | null | undefined = undefined;
  private known = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(ctx: EmuRequestContext, resolver: () => T | null, nullable = false) {
    this.ctx = ctx;
    this.resolver = resolver;
    this.nullable = nullable;
    if (nullable) ctx.queue(false, () => { this.resolve(); return () => { this.known = true; }; });
  }

  get context(): EmuRequestContext {
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
  constructor(ctx: EmuRequestContext, compute: () => V) {
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

abstract class EmuCollection<T, E, P extends EmuObject<E>> extends EmuObject<T> {
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

// ---------------------------------------------------------------- workbook, runtime, application

export class EmuRuntime extends EmuObject<EmuWorkbook> {
  constructor(ctx: EmuRequestContext) {
    super(ctx, () => ctx.emu);
  }
  protected scalars() {
    return { enableEvents: (w: EmuWorkbook) => { this.ctx.need('1.8', 'Runtime.enableEvents'); return w.eventsEnabled; } };
  }
  get enableEvents(): boolean {
    return this.get('enableEvents');
  }
  set enableEvents(v: boolean) {
    this.loaded.set('enableEvents', v);
    this.ctx.queue(false, () => { this.ctx.need('1.8', 'Runtime.enableEvents'); this.ctx.emu.eventsEnabled = v; });
  }
}

export class EmuApplication extends EmuObject<EmuWorkbook> {
  constructor(ctx: EmuRequestContext) {
    super(ctx, () => ctx.emu);
  }
  protected scalars() {
    return {};
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.queue(false, () => { this.ctx.need('1.9', 'Application.suspendScreenUpdatingUntilNextSync'); this.ctx.emu.screenUpdatingSuspensions++; });
  }
}

export class EmuWorkbookObject extends EmuObject<EmuWorkbook> {
  readonly worksheets: EmuWorksheetCollection;
  readonly settings: EmuSettingCollection;
  readonly application: EmuApplication;
  constructor(ctx: EmuRequestContext) {
    super(ctx, () => ctx.emu);
    this.worksheets = new EmuWorksheetCollection(ctx);
    this.settings = new EmuSettingCollection(ctx);
    this.application = new EmuApplication(ctx);
  }
  protected scalars() {
    return { name: () => 'Book1.xlsx' };
  }
  get name(): string {
    return this.get('name');
  }
}

// ---------------------------------------------------------------- settings

interface SettingRef {
  key: string;
}

export class EmuSetting extends EmuObject<SettingRef> {
  protected scalars() {
    return {
      key: (s: SettingRef) => s.key,
      value: (s: SettingRef) => JSON.parse(this.ctx.emu.settings.get(s.key) ?? 'null'),
    };
  }
  protected override check(s: SettingRef): void {
    if (!this.ctx.emu.settings.has(s.key)) throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, 'Setting');
  }
  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(v: unknown) {
    this.put('value', v, (s) => this.ctx.emu.putSetting(s.key, JSON.stringify(v)));
  }
  delete(): void {
    this.ctx.queue(true, () => { this.ctx.emu.settings.delete(this.target().key); });
  }
}

export class EmuSettingCollection extends EmuCollection<EmuWorkbook, SettingRef, EmuSetting> {
  constructor(ctx: EmuRequestContext) {
    super(ctx, () => { ctx.need('1.4', 'Workbook.settings'); return ctx.emu; });
  }
  protected elements(w: EmuWorkbook): SettingRef[] {
    return [...w.settings.keys()].map((key) => ({ key }));
  }
  protected wrap(e: SettingRef): EmuSetting {
    return new EmuSetting(this.ctx, () => e);
  }
  add(key: string, value: unknown): EmuSetting {
    const text = JSON.stringify(value);
    this.ctx.queue(true, () => { this.ctx.need('1.4', 'SettingCollection.add'); this.ctx.emu.putSetting(key, text); }, jsonBytes(text));
    return new EmuSetting(this.ctx, () => ({ key }));
  }
  getItem(key: string): EmuSetting {
    return new EmuSetting(this.ctx, () => (this.target().settings.has(key) ? { key } : null));
  }
  getItemOrNullObject(key: string): EmuSetting {
    return new EmuSetting(this.ctx, () => (this.target().settings.has(key) ? { key } : null), true);
  }
}

// ---------------------------------------------------------------- worksheets

export class EmuWorksheetCollection extends EmuCollection<EmuWorkbook, EmuSheet, EmuWorksheet> {
  constructor(ctx: EmuRequestContext) {
    super(ctx, () => ctx.emu);
  }
  protected elements(w: EmuWorkbook): EmuSheet[] {
    return w.sheets;
  }
  protected wrap(e: EmuSheet): EmuWorksheet {
    return new EmuWorksheet(this.ctx, () => e);
  }
  getActiveWorksheet(): EmuWorksheet {
    return new EmuWorksheet(this.ctx, () => this.ctx.emu.activeSheet);
  }
  getItem(key: string): EmuWorksheet {
    return new EmuWorksheet(this.ctx, () => this.ctx.emu.sheet(key) ?? null);
  }
  getItemOrNullObject(key: string): EmuWorksheet {
    return new EmuWorksheet(this.ctx, () => this.ctx.emu.sheet(key) ?? null, true);
  }
  add(name: string): EmuWorksheet {
    this.ctx.queue(true, () => { this.ctx.emu.addSheet(name); });
    return this.getItem(name);
  }
}

export class EmuWorksheetProtection extends EmuObject<EmuSheet> {
  protected scalars() {
    return { protected: (s: EmuSheet) => s.protected };
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protect(): void {
    this.ctx.queue(false, () => { this.target().protected = true; });
  }
  unprotect(): void {
    this.ctx.queue(false, () => { this.target().protected = false; });
  }
}

export class EmuWorksheet extends EmuObject<EmuSheet> {
  private prot?: EmuWorksheetProtection;
  private noteList?: EmuNoteCollection;
  private commentList?: EmuCommentCollection;

  protected scalars() {
    return {
      name: (s: EmuSheet) => s.name,
      id: (s: EmuSheet) => `{emu-${s.name}}`,
      position: (s: EmuSheet) => this.ctx.emu.sheets.indexOf(s),
      visibility: (s: EmuSheet) => s.visibility,
    };
  }
  protected override navs(): Record<string, EmuObject<unknown>> {
    return { protection: this.protection as EmuObject<unknown> };
  }
  protected override check(s: EmuSheet): void {
    if (!this.ctx.emu.sheets.includes(s)) throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, 'Worksheet');
  }
  get name(): string {
    return this.get('name');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  get protection(): EmuWorksheetProtection {
    this.prot ??= new EmuWorksheetProtection(this.ctx, () => this.target());
    return this.prot;
  }
  get freezePanes(): { freezeRows(count: number): void } {
    return { freezeRows: (count: number) => this.ctx.queue(true, () => { this.target().frozenRows = count; }) };
  }
  delete(): void {
    this.ctx.queue(true, () => {
      const s = this.target();
      this.ctx.writable(s, 'Worksheet.delete');
      this.ctx.emu.deleteSheet(s.name);
    });
  }
  get notes(): EmuNoteCollection {
    this.noteList ??= new EmuNoteCollection(this.ctx, () => { this.ctx.need('1.18', 'Worksheet.notes'); return this.target(); });
    return this.noteList;
  }
  get comments(): EmuCommentCollection {
    this.commentList ??= new EmuCommentCollection(this.ctx, () => { this.ctx.need('1.10', 'Worksheet.comments'); return this.target(); });
    return this.commentList;
  }
  getRange(address?: string): EmuRange {
    return new EmuRange(this.ctx, () => {
      const s = this.target();
      if (address === undefined) return { sheet: s, r: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      const p = parseAddress(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase()) throw new EmuError('InvalidArgument', `address ${address} is on another sheet`);
      return { sheet: s, r: p.range };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): EmuRange {
    return new EmuRange(this.ctx, () => {
      if (rowCount < 1 || columnCount < 1) throw new EmuError('InvalidArgument', 'rowCount and columnCount must be positive');
      return { sheet: this.target(), r: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
  }
  getUsedRange(valuesOnly?: boolean): EmuRange {
    return new EmuRange(this.ctx, () => {
      const s = this.target();
      return { sheet: s, r: s.usedRange(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): EmuRange {
    return new EmuRange(this.ctx, () => {
      this.ctx.need('1.4', 'Worksheet.getUsedRangeOrNullObject');
      const s = this.target();
      const r = s.usedRange(!!valuesOnly);
      return r ? { sheet: s, r } : null;
    }, true);
  }
  activate(): void {
    this.ctx.queue(false, () => { this.ctx.emu.setActive(this.target().name); });
  }
}

// ---------------------------------------------------------------- ranges

interface RangeRef {
  sheet: EmuSheet;
  r: CellRange;
}

function cellsOf(ref: RangeRef, f: (row: number, col: number) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let row = ref.r.top; row <= ref.r.bottom; row++) {
    const line: unknown[] = [];
    for (let col = ref.r.left; col <= ref.r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}


export class EmuRange extends EmuObject<RangeRef> {
  private fmt?: EmuRangeFormat;

  protected override check(ref: RangeRef): void {
    if (!this.ctx.emu.sheets.includes(ref.sheet)) throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, 'Range');
  }
  protected scalars() {
    /** true: the array comes back null */
    const big = (ref: RangeRef): boolean => {
      if ((ref.r.bottom - ref.r.top + 1) * (ref.r.right - ref.r.left + 1) <= this.ctx.emu.readCellLimit) return false;
      if (this.ctx.emu.oversizedRead === 'null') return true;
      throw new EmuError('RangeExceedsLimit', MESSAGES.RangeExceedsLimit);
    };
    return {
      address: (ref: RangeRef) => rangeAddress(ref.sheet.name, ref.r),
      rowIndex: (ref: RangeRef) => ref.r.top,
      columnIndex: (ref: RangeRef) => ref.r.left,
      rowCount: (ref: RangeRef) => ref.r.bottom - ref.r.top + 1,
      columnCount: (ref: RangeRef) => ref.r.right - ref.r.left + 1,
      cellCount: (ref: RangeRef) => (ref.r.bottom - ref.r.top + 1) * (ref.r.right - ref.r.left + 1),
      values: (ref: RangeRef) => (big(ref) ? null : cellsOf(ref, (r, c) => ref.sheet.get(r, c)?.value ?? '')),
      formulas: (ref: RangeRef) => (big(ref) ? null : cellsOf(ref, (r, c) => { const x = ref.sheet.get(r, c); return x?.formula ?? x?.value ?? ''; })),
      numberFormat: (ref: RangeRef) => (big(ref) ? null : cellsOf(ref, (r, c) => ref.sheet.get(r, c)?.numberFormat ?? 'General')),
      text: (ref: RangeRef) => (big(ref) ? null : cellsOf(ref, (r, c) => String(ref.sheet.get(r, c)?.value ?? ''))),
    };
  }
  protected override navs(): Record<string, EmuObject<unknown>> {
    return { format: this.format as EmuObject<unknown>, worksheet: this.worksheet as EmuObject<unknown> };
  }

  get address(): string { return this.get('address'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get cellCount(): number { return this.get('cellCount'); }
  get text(): string[][] { return this.get('text'); }
  get values(): unknown[][] { return this.get('values'); }
  set values(v: unknown[][]) { this.put('values', v, (ref) => this.write(ref, v, 'values')); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  set formulas(v: unknown[][]) { this.put('formulas', v, (ref) => this.write(ref, v, 'formulas')); }
  get numberFormat(): unknown[][] { return this.get('numberFormat'); }
  set numberFormat(v: unknown[][]) { this.put('numberFormat', v, (ref) => this.write(ref, v, 'numberFormat')); }

  get format(): EmuRangeFormat {
    this.fmt ??= new EmuRangeFormat(this.ctx, () => this.target());
    return this.fmt;
  }
  get worksheet(): EmuWorksheet {
    return new EmuWorksheet(this.ctx, () => this.target().sheet);
  }

  private write(ref: RangeRef, v: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    this.ctx.writable(ref.sheet, `Range.${what}`);
    const rows = ref.r.bottom - ref.r.top + 1;
    const cols = ref.r.right - ref.r.left + 1;
    const scalar = !Array.isArray(v);
    if (!scalar) {
      const a = v as unknown[][];
      if (a.length !== rows || a.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new EmuError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.', `Range.${what}`);
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const x = scalar ? v : (v as unknown[][])[i][j];
        // Office leaves a cell alone when its entry in the 2-D array is null
        if (x === null) continue;
        const cell = ref.sheet.cell(ref.r.top + i, ref.r.left + j);
        if (what === 'numberFormat') {
          cell.numberFormat = String(x);
          continue;
        }
        const e = enter(x, cell.numberFormat);
        cell.value = e.value;
        cell.formula = e.formula;
        cell.quotePrefix = e.quotePrefix;
        if (e.autoFormat && cell.numberFormat === 'General') cell.numberFormat = e.autoFormat;
      }
    }
  }

  getMergedAreasOrNullObject(): EmuRangeAreas {
    return new EmuRangeAreas(this.ctx, () => {
      this.ctx.need('1.13', 'Range.getMergedAreasOrNullObject');
      const ref = this.target();
      const inside = ref.sheet.merges.filter((m) => m.top >= ref.r.top && m.top <= ref.r.bottom && m.left >= ref.r.left && m.left <= ref.r.right);
      if (inside.length > 512) {
        const code = this.ctx.emu.mergedAreasLimitCode;
        throw new EmuError(code, `${MESSAGES[code] ?? code} (more than 512 merged areas)`, 'Range.getMergedAreasOrNullObject');
      }
      return inside.length ? { sheet: ref.sheet, areas: inside } : null;
    });
  }

  getIntersectionOrNullObject(other: EmuRange | string): EmuRange {
    return new EmuRange(this.ctx, () => {
      this.ctx.need('1.4', 'Range.getIntersectionOrNullObject');
      const a = this.target();
      const b = typeof other === 'string' ? parseAddress(other).range : other.target().r;
      const r = { top: Math.max(a.r.top, b.top), left: Math.max(a.r.left, b.left), bottom: Math.min(a.r.bottom, b.bottom), right: Math.min(a.r.right, b.right) };
      return r.top > r.bottom || r.left > r.right ? null : { sheet: a.sheet, r };
    }, true);
  }

  getCell(row: number, column: number): EmuRange {
    return new EmuRange(this.ctx, () => {
      const a = this.target();
      return { sheet: a.sheet, r: { top: a.r.top + row, left: a.r.left + column, bottom: a.r.top + row, right: a.r.left + column } };
    });
  }

  /** Supports `address` and `format.fill.color/pattern` (ExcelApi 1.9). */
  getCellProperties(options: { address?: boolean; format?: { fill?: { color?: boolean; pattern?: boolean } } }): EmuClientResult<Record<string, unknown>[][]> {
    return new EmuClientResult(this.ctx, () => {
      this.ctx.need('1.9', 'Range.getCellProperties');
      const ref = this.target();
      const out = cellsOf(ref, (row, col) => {
        const o: Record<string, unknown> = {};
        if (options.address) o.address = rangeAddress(ref.sheet.name, { top: row, left: col, bottom: row, right: col });
        const f = options.format?.fill;
        if (f) {
          const fill = ref.sheet.get(row, col)?.fill ?? null;
          const x: Record<string, unknown> = {};
          if (f.color) x.color = fill ?? '#FFFFFF';
          if (f.pattern) x.pattern = fill ? 'Solid' : 'None';
          o.format = { fill: x };
        }
        return o;
      }) as Record<string, unknown>[][];
      return out;
    });
  }

  select(): void {
    this.ctx.queue(false, () => {
      const ref = this.target();
      this.ctx.emu.setActive(ref.sheet.name);
      ref.sheet.selection = { ...ref.r };
    });
  }
}

export class EmuRangeFormat extends EmuObject<RangeRef> {
  private fillObj?: EmuRangeFill;
  protected scalars() {
    return {};
  }
  protected override navs(): Record<string, EmuObject<unknown>> {
    return { fill: this.fill as EmuObject<unknown> };
  }
  get fill(): EmuRangeFill {
    this.fillObj ??= new EmuRangeFill(this.ctx, () => this.target());
    return this.fillObj;
  }
}

export class EmuRangeFill extends EmuObject<RangeRef> {
  protected scalars() {
    const uniform = (ref: RangeRef): string | null | undefined => {
      let first: string | null | undefined;
      for (let r = ref.r.top; r <= ref.r.bottom; r++) {
        for (let c = ref.r.left; c <= ref.r.right; c++) {
          const f = ref.sheet.get(r, c)?.fill ?? null;
          if (first === undefined) first = f;
          else if (first !== f) return undefined;
        }
      }
      return first;
    };
    return {
      color: (ref: RangeRef) => { const u = uniform(ref); return u === undefined ? null : (u ?? '#FFFFFF'); },
      pattern: (ref: RangeRef) => { this.ctx.need('1.9', 'RangeFill.pattern'); const u = uniform(ref); return u === undefined ? null : u ? 'Solid' : 'None'; },
    };
  }
  get color(): string { return this.get('color'); }
  set color(v: string) {
    this.put('color', v, (ref) => {
      this.ctx.writable(ref.sheet, 'RangeFill.color');
      const color = normalizeColor(v);
      for (let r = ref.r.top; r <= ref.r.bottom; r++) for (let c = ref.r.left; c <= ref.r.right; c++) ref.sheet.cell(r, c).fill = color;
    });
  }
  get pattern(): string { return this.get('pattern'); }
  clear(): void {
    this.ctx.queue(true, () => {
      const ref = this.target();
      this.ctx.writable(ref.sheet, 'RangeFill.clear');
      for (let r = ref.r.top; r <= ref.r.bottom; r++) for (let c = ref.r.left; c <= ref.r.right; c++) { const x = ref.sheet.get(r, c); if (x) x.fill = null; }
    });
  }
}

const NAMED: Record<string, string> = { red: '#FF0000', yellow: '#FFFF00', white: '#FFFFFF', green: '#008000', blue: '#0000FF', orange: '#FFA500' };

function normalizeColor(v: string): string {
  const s = v.trim();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  if (NAMED[s.toLowerCase()]) return NAMED[s.toLowerCase()];
  throw new EmuError('InvalidArgument', `not a colour: ${v}`, 'RangeFill.color');
}

interface AreasRef {
  sheet: EmuSheet;
  areas: CellRange[];
}

export class EmuRangeCollection extends EmuCollection<AreasRef, RangeRef, EmuRange> {
  protected elements(t: AreasRef): RangeRef[] {
    return t.areas.map((r) => ({ sheet: t.sheet, r }));
  }
  protected wrap(e: RangeRef): EmuRange {
    return new EmuRange(this.ctx, () => e);
  }
}

export class EmuRangeAreas extends EmuObject<AreasRef> {
  readonly areas: EmuRangeCollection;
  constructor(ctx: EmuRequestContext, resolver: () => AreasRef | null) {
    super(ctx, resolver, true);
    this.areas = new EmuRangeCollection(ctx, () => this.target());
  }
  protected scalars() {
    return {
      // as Office's reference shows it: "Sheet1!A1:B4, Sheet1!D1:D4"
      address: (t: AreasRef) => t.areas.map((r) => rangeAddress(t.sheet.name, r)).join(', '),
      areaCount: (t: AreasRef) => t.areas.length,
    };
  }
  protected override navs(): Record<string, EmuObject<unknown>> {
    return { areas: this.areas as EmuObject<unknown> };
  }
  get address(): string { return this.get('address'); }
  get areaCount(): number { return this.get('areaCount'); }
}

// ---------------------------------------------------------------- notes and comments

interface NoteRef {
  sheet: EmuSheet;
  note: NoteData;
}

function noteKey(ref: NoteRef): number {
  for (const [k, n] of ref.sheet.notes) if (n === ref.note) return k;
  throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, 'Note');
}

function singleCell(address: string | EmuRange): (sheet: EmuSheet) => number {
  return (sheet) => {
    const r = typeof address === 'string' ? parseAddress(address).range : address.target().r;
    if (typeof address !== 'string' && address.target().sheet !== sheet) throw new EmuError('InvalidArgument', 'cell on another sheet');
    if (r.top !== r.bottom || r.left !== r.right) throw new EmuError('InvalidArgument', 'The address must be a single cell.');
    return cellKey(r.top, r.left);
  };
}

export class EmuNoteObject extends EmuObject<NoteRef> {
  protected scalars() {
    return { content: (t: NoteRef) => t.note.content, authorName: (t: NoteRef) => t.note.author };
  }
  protected override check(t: NoteRef): void {
    noteKey(t);
  }
  get content(): string { return this.get('content'); }
  set content(v: string) { this.put('content', v, (t) => { this.ctx.writable(t.sheet, 'Note.content'); t.note.content = v; }); }
  get authorName(): string { return this.get('authorName'); }
  delete(): void {
    this.ctx.queue(true, () => { const t = this.target(); this.ctx.writable(t.sheet, 'Note.delete'); t.sheet.notes.delete(noteKey(t)); });
  }
  getLocation(): EmuRange {
    return new EmuRange(this.ctx, () => { const t = this.target(); const p = keyPos(noteKey(t)); return { sheet: t.sheet, r: { top: p.row, left: p.col, bottom: p.row, right: p.col } }; });
  }
}

export class EmuNoteCollection extends EmuCollection<EmuSheet, NoteRef, EmuNoteObject> {
  protected elements(s: EmuSheet): NoteRef[] {
    return [...s.notes].sort((a, b) => a[0] - b[0]).map(([, note]) => ({ sheet: s, note }));
  }
  protected wrap(e: NoteRef): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => e);
  }
  add(cellAddress: string | EmuRange, content: string): EmuNoteObject {
    const data: NoteData = { content: String(content), author: 'Ziping' };
    let sheet: EmuSheet | null = null;
    this.ctx.queue(true, () => {
      this.ctx.need('1.18', 'NoteCollection.add');
      const s = this.target();
      this.ctx.writable(s, 'NoteCollection.add');
      const k = singleCell(cellAddress)(s);
      if (s.notes.has(k) || s.comments.some((c) => c.key === k)) throw new EmuError('InvalidArgument', 'The cell already has a note or comment.', 'NoteCollection.add');
      s.notes.set(k, data);
      sheet = s;
    }, jsonBytes(data.content));
    return new EmuNoteObject(this.ctx, () => (sheet ? { sheet, note: data } : null));
  }
  getItem(key: string): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => this.find(key));
  }
  getItemOrNullObject(key: string): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => this.find(key), true);
  }
  getItemAt(index: number): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => this.elements(this.target())[index] ?? null);
  }
  private find(key: string): NoteRef | null {
    const s = this.target();
    const note = s.notes.get(singleCell(key)(s));
    return note ? { sheet: s, note } : null;
  }
}

interface CommentRef {
  sheet: EmuSheet;
  comment: EmuComment;
}

export class EmuCommentObject extends EmuObject<CommentRef> {
  protected scalars() {
    return { id: (t: CommentRef) => t.comment.id, content: (t: CommentRef) => t.comment.content, authorName: () => 'Ziping' };
  }
  protected override check(t: CommentRef): void {
    if (!t.sheet.comments.includes(t.comment)) throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, 'Comment');
  }
  get id(): string { return this.get('id'); }
  get content(): string { return this.get('content'); }
  set content(v: string) { this.put('content', v, (t) => { this.ctx.writable(t.sheet, 'Comment.content'); t.comment.content = v; }); }
  delete(): void {
    this.ctx.queue(true, () => { const t = this.target(); this.ctx.writable(t.sheet, 'Comment.delete'); t.sheet.comments = t.sheet.comments.filter((c) => c !== t.comment); });
  }
  getLocation(): EmuRange {
    return new EmuRange(this.ctx, () => { const t = this.target(); const p = keyPos(t.comment.key); return { sheet: t.sheet, r: { top: p.row, left: p.col, bottom: p.row, right: p.col } }; });
  }
}

export class EmuCommentCollection extends EmuCollection<EmuSheet, CommentRef, EmuCommentObject> {
  protected elements(s: EmuSheet): CommentRef[] {
    return s.comments.map((comment) => ({ sheet: s, comment }));
  }
  protected wrap(e: CommentRef): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => e);
  }
  /**
   * A string address must name the sheet (`'My S'!A1`), as Office's reference says; a bare `A1` fails with
   * InvalidArgument. With `emu.threadedComments` false the host lacks threaded comments and this fails with
   * NotImplemented (reported on Excel builds that claim ExcelApi 1.10: office-js#1847).
   */
  add(cellAddress: string | EmuRange, content: string): EmuCommentObject {
    const comment: EmuComment = { id: this.ctx.emu.newCommentId(), key: -1, content: String(content) };
    let sheet: EmuSheet | null = null;
    this.ctx.queue(true, () => {
      this.ctx.need('1.10', 'CommentCollection.add');
      if (!this.ctx.emu.threadedComments) throw new EmuError('NotImplemented', 'This operation is not implemented.', 'CommentCollection.add');
      const s = this.target();
      this.ctx.writable(s, 'CommentCollection.add');
      if (typeof cellAddress === 'string') {
        const a = parseAddress(cellAddress);
        if (a.sheet === null || a.sheet.toLowerCase() !== s.name.toLowerCase()) {
          throw new EmuError('InvalidArgument', 'The cell address must contain the full address, including the sheet name.', 'CommentCollection.add');
        }
      }
      const k = singleCell(cellAddress)(s);
      if (s.notes.has(k) || s.comments.some((c) => c.key === k)) throw new EmuError('InvalidArgument', 'The cell already has a note or comment.', 'CommentCollection.add');
      comment.key = k;
      s.comments.push(comment);
      sheet = s;
    }, jsonBytes(comment.content));
    return new EmuCommentObject(this.ctx, () => (sheet ? { sheet, comment } : null));
  }
  getItem(commentId: string): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => { const s = this.target(); const c = s.comments.find((x) => x.id === commentId); return c ? { sheet: s, comment: c } : null; });
  }
  getItemAt(index: number): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => { const s = this.target(); const c = s.comments[index]; return c ? { sheet: s, comment: c } : null; });
  }
  getItemByCell(cellAddress: string | EmuRange): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => {
      const s = this.target();
      const k = singleCell(cellAddress)(s);
      const c = s.comments.find((x) => x.key === k);
      return c ? { sheet: s, comment: c } : null;
    });
  }
}

// ---------------------------------------------------------------- Excel

export interface EmuExcel {
  run<T>(batch: (context: EmuRequestContext) => Promise<T>): Promise<T>;
}

/** The `Excel` namespace's `run` over `emu`. Pass it where the add-in passes the global `Excel`. */
export function createExcelApi(emu: EmuWorkbook): EmuExcel {
  return {
    async run<T>(batch: (context: EmuRequestContext) => Promise<T>): Promise<T> {
      const ctx = new EmuRequestContext(emu);
      const result = await batch(ctx);
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };
}
