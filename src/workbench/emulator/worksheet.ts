/** The emulated worksheets: the collection, a worksheet and its protection. */
import { EmuError, MESSAGES } from './errors';
import { parseAddress, type EmuSheet } from './model';
import { EmuCommentCollection, EmuNoteCollection } from './notes';
import { EmuRange } from './range';
import { EmuCollection, EmuObject, type EmuBatch } from './request';
import type { EmuWorkbook } from './workbook';

export class EmuWorksheetCollection extends EmuCollection<EmuWorkbook, EmuSheet, EmuWorksheet> {
  constructor(ctx: EmuBatch) {
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
    return {
      protected: (s: EmuSheet) => s.protected,
      // WorksheetProtectionOptions (ExcelApi 1.2): only what the emulator models; the rest as Excel's defaults
      options: (s: EmuSheet) => ({ allowFormatCells: s.allowFormatCells, allowFormatColumns: false, allowFormatRows: false, allowEditObjects: false }),
    };
  }
  get protected(): boolean {
    return this.get('protected');
  }
  get options(): { allowFormatCells: boolean } {
    return this.get('options');
  }
  protect(options?: { allowFormatCells?: boolean }): void {
    this.ctx.queue(false, () => {
      const s = this.target();
      s.protected = true;
      s.allowFormatCells = options?.allowFormatCells === true;
    });
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
