/** The emulated Range, and the RangeAreas of its merged areas. */
import type { CellRange } from '../../core';
import { EmuError, MESSAGES } from './errors';
import { enter } from './formula';
import { parseAddress, rangeAddress, type EmuSheet, type RangeRef } from './model';
import { EmuRangeFormat } from './range-format';
import { EmuClientResult, EmuCollection, EmuObject, type EmuBatch } from './request';

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
  get worksheet(): EmuObject<EmuSheet> {
    return this.ctx.worksheetProxy(() => this.target().sheet);
  }

  private write(ref: RangeRef, v: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    this.ctx.writable(ref.sheet, `Range.${what}`, what === 'numberFormat' ? 'format' : 'contents', ref.r);
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

interface AreasRef {
  sheet: EmuSheet;
  areas: CellRange[];
}

export class EmuRangeCollection extends EmuCollection<AreasRef, RangeRef, EmuRange> {
  /** @internal whether the owning RangeAreas is a null object */
  ownerNull: () => boolean = () => false;
  /**
   * The areas of a null RangeAreas load nothing and their `items` stay unreadable (PropertyNotLoaded): Office's
   * reference says nothing of a null object's children, so a reader must look at `isNullObject` first.
   */
  override loadNow(paths: string[]) {
    if (this.ownerNull()) return undefined;
    return super.loadNow(paths);
  }
  protected elements(t: AreasRef): RangeRef[] {
    return t.areas.map((r) => ({ sheet: t.sheet, r }));
  }
  protected wrap(e: RangeRef): EmuRange {
    return new EmuRange(this.ctx, () => e);
  }
}

export class EmuRangeAreas extends EmuObject<AreasRef> {
  readonly areas: EmuRangeCollection;
  constructor(ctx: EmuBatch, resolver: () => AreasRef | null) {
    super(ctx, resolver, true);
    this.areas = new EmuRangeCollection(ctx, () => this.target());
    this.areas.ownerNull = () => this.resolve() === null;
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
