/** The emulated RangeFormat, RangeFill (the fill colour of the cells of a range) and FormatProtection (locked). */
import { EmuError } from './errors';
import type { RangeRef } from './model';
import { EmuObject } from './request';

export class EmuRangeFormat extends EmuObject<RangeRef> {
  private fillObj?: EmuRangeFill;
  private protectionObj?: EmuFormatProtection;
  protected scalars() {
    return {};
  }
  protected override navs(): Record<string, EmuObject<unknown>> {
    return { fill: this.fill as EmuObject<unknown>, protection: this.protection as EmuObject<unknown> };
  }
  get fill(): EmuRangeFill {
    this.fillObj ??= new EmuRangeFill(this.ctx, () => this.target());
    return this.fillObj;
  }
  /** ExcelApi 1.2 */
  get protection(): EmuFormatProtection {
    this.protectionObj ??= new EmuFormatProtection(this.ctx, () => this.target());
    return this.protectionObj;
  }
}

/**
 * FormatProtection.locked: true or false when every cell of the range agrees, null when they differ (reference of
 * Excel.FormatProtection); a protected sheet refuses a change of it.
 */
export class EmuFormatProtection extends EmuObject<RangeRef> {
  protected scalars() {
    return {
      locked: (ref: RangeRef) => {
        let first: boolean | undefined;
        for (let r = ref.r.top; r <= ref.r.bottom; r++) {
          for (let c = ref.r.left; c <= ref.r.right; c++) {
            const l = ref.sheet.locked(r, c);
            if (first === undefined) first = l;
            else if (first !== l) return null;
          }
        }
        return first ?? true;
      },
    };
  }
  get locked(): boolean | null { return this.get('locked'); }
  set locked(v: boolean | null) {
    this.put('locked', v, (ref) => {
      this.ctx.writable(ref.sheet, 'FormatProtection.locked');
      for (let r = ref.r.top; r <= ref.r.bottom; r++) for (let c = ref.r.left; c <= ref.r.right; c++) ref.sheet.cell(r, c).locked = v !== false;
    });
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
      this.ctx.writable(ref.sheet, 'RangeFill.color', 'format');
      const color = normalizeColor(v);
      for (let r = ref.r.top; r <= ref.r.bottom; r++) for (let c = ref.r.left; c <= ref.r.right; c++) ref.sheet.cell(r, c).fill = color;
    });
  }
  get pattern(): string { return this.get('pattern'); }
  clear(): void {
    this.ctx.queue(true, () => {
      const ref = this.target();
      this.ctx.writable(ref.sheet, 'RangeFill.clear', 'format');
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
