/** The emulated Workbook, its Runtime and Application, and its settings. */
import { EmuError, MESSAGES } from './errors';
import { EmuRange } from './range';
import { EmuCollection, EmuObject, jsonBytes, type EmuBatch } from './request';
import type { EmuWorkbook } from './workbook';
import { EmuWorksheetCollection } from './worksheet';

export class EmuRuntime extends EmuObject<EmuWorkbook> {
  constructor(ctx: EmuBatch) {
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
  constructor(ctx: EmuBatch) {
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
  constructor(ctx: EmuBatch) {
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
  /**
   * The active sheet's selection (ExcelApi 1.1), resolved at sync like any range: its properties need `load`.
   * The emulated sheet keeps one selected range (a merged cell clicked is its whole area), so it never has the
   * several ranges that make Excel's call fail.
   */
  getSelectedRange(): EmuRange {
    return new EmuRange(this.ctx, () => {
      const sheet = this.ctx.emu.activeSheet;
      return { sheet, r: { ...sheet.selection } };
    });
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
  constructor(ctx: EmuBatch) {
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
