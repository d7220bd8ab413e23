/**
 * The WPS 表格 (ET) object model over the Excel emulator's workbook (EmuWorkbook), for the WPS host's tests and the
 * workbench's `?host=wps`. It follows the VBA-style model WPS exposes to add-ins (`window.Application`) and the
 * names of `wps-jsapi`, and is no kinder than WPS:
 * - synchronous; EVERY property get/set and method call is one call into the WPS process and is counted
 *   (`calls`, and by member in `byMember`), failed ones included;
 * - indexes are 1-based (`Row`, `Column`, `Worksheets.Item(1)`); a missing sheet throws (VBA's error 9);
 * - `Value2` is a scalar for one cell and a 2-D array for a range; empty cells are `undefined` (VBA's Empty);
 *   dates are serial numbers; errors are CVErr values (`#DIV/0!` → -2146826281); a merged area's value is only in
 *   its top-left cell;
 * - `NumberFormat`, `MergeCells` and `Interior.Color` of several cells answer one value when the cells agree and
 *   null when they differ (VBA's Null), never an array;
 * - a write to a protected sheet, writing part of a merged area, `AddComment` on a cell that has a comment, and
 *   `Select` on a sheet that is not active throw (VBA's error 1004), after applying what came before: there is no
 *   batch to roll back;
 * - `Worksheets.Add` activates the new sheet, as in Excel.
 * Assumption where the public material is silent: a string written to `Value2` is parsed as if typed (numbers,
 * percents, `=` formulas; a leading apostrophe keeps text), as Excel's object model does.
 */
import type { CellRange } from '../../core';
import { toA1 } from '../../core';
import { enter } from '../emulator/formula';
import { cellKey, EmuSheet, parseAddress, type Visibility } from '../emulator/model';
import type { EmuWorkbook } from '../emulator/workbook';
import { bgrOf, CVERR, hexOf, XL_NONE, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE, type EtScalar } from '../../wps/et-like';

/** What the object model throws: `number` as VBA's Err.Number (1004 application-defined, 9 subscript out of range). */
export class EtError extends Error {
  readonly number: number;
  constructor(number: number, message: string) {
    super(message);
    this.name = 'EtError';
    this.number = number;
  }
}

const WHITE = 16777215;
const VIS: Record<Visibility, number> = { Visible: XL_SHEET_VISIBLE, Hidden: XL_SHEET_HIDDEN, VeryHidden: XL_SHEET_VERY_HIDDEN };

/** The emulated WPS: `app` is what the add-in sees as `window.Application`. */
export class EtEmulator {
  /** object-model calls so far */
  calls = 0;
  /** of which changed the workbook (property sets, AddComment, Delete, Add, Activate, Select) */
  writeCalls = 0;
  readonly byMember = new Map<string, number>();
  readonly app: EtApp;
  screenUpdating = true;
  constructor(readonly emu: EmuWorkbook) {
    this.app = new EtApp(this);
  }
  /** @internal */
  tick(member: string): void {
    this.calls++;
    if (/=$|\.(AddComment|Delete|Add|Activate|Select)$/.test(member)) this.writeCalls++;
    this.byMember.set(member, (this.byMember.get(member) ?? 0) + 1);
  }
  /** The counts in the shape the workbench's instrumentation reads (an EmuWorkbook's sync counters). */
  readonly meter = {
    et: this as EtEmulator,
    get syncCount(): number { return this.et.calls; },
    get writeSyncCount(): number { return this.et.writeCalls; },
  };
  /** Calls counted while `run` ran. */
  count<T>(run: () => T): { result: T; calls: number } {
    const c0 = this.calls;
    const result = run();
    return { result, calls: this.calls - c0 };
  }
}

class EtApp {
  constructor(private readonly et: EtEmulator) {}
  get ActiveWorkbook(): EtWorkbook | null {
    this.et.tick('Application.ActiveWorkbook');
    return this.et.emu.sheets.length ? new EtWorkbook(this.et) : null;
  }
  get ActiveSheet(): EtSheet | null {
    this.et.tick('Application.ActiveSheet');
    return this.et.emu.sheets.length ? new EtSheet(this.et, this.et.emu.activeSheet) : null;
  }
  get Selection(): EtRange | null {
    this.et.tick('Application.Selection');
    if (!this.et.emu.sheets.length) return null;
    const sheet = this.et.emu.activeSheet;
    return new EtRange(this.et, sheet, { ...sheet.selection });
  }
  get ScreenUpdating(): boolean {
    this.et.tick('Application.ScreenUpdating');
    return this.et.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.et.tick('Application.ScreenUpdating=');
    this.et.screenUpdating = v;
  }
}

class EtWorkbook {
  constructor(private readonly et: EtEmulator) {}
  get Worksheets(): EtSheets {
    this.et.tick('Workbook.Worksheets');
    return new EtSheets(this.et);
  }
}

class EtSheets {
  constructor(private readonly et: EtEmulator) {}
  get Count(): number {
    this.et.tick('Worksheets.Count');
    return this.et.emu.sheets.length;
  }
  Item(index: number | string): EtSheet {
    this.et.tick('Worksheets.Item');
    const s = typeof index === 'number' ? this.et.emu.sheets[index - 1] : this.et.emu.sheet(index);
    if (!s) throw new EtError(9, '下标越界 (Subscript out of range)');
    return new EtSheet(this.et, s);
  }
  Add(before?: EtSheet, after?: EtSheet): EtSheet {
    this.et.tick('Worksheets.Add');
    const emu = this.et.emu;
    let n = emu.sheets.length + 1;
    while (emu.sheet(`Sheet${n}`)) n++;
    const s = new EmuSheet(`Sheet${n}`);
    const anchor = after ?? before;
    const at = anchor ? emu.sheets.indexOf(anchor.sheet) + (after ? 1 : 0) : emu.activeIndex;
    emu.sheets.splice(at, 0, s);
    emu.activeIndex = at;
    return new EtSheet(this.et, s);
  }
}

class EtSheet {
  constructor(private readonly et: EtEmulator, readonly sheet: EmuSheet) {}
  private live(): EmuSheet {
    if (!this.et.emu.sheets.includes(this.sheet)) throw new EtError(424, '对象不存在 (Object required)');
    return this.sheet;
  }
  get Name(): string {
    this.et.tick('Worksheet.Name');
    return this.live().name;
  }
  set Name(v: string) {
    this.et.tick('Worksheet.Name=');
    const other = this.et.emu.sheet(v);
    if (other && other !== this.sheet) throw new EtError(1004, `工作表名称“${v}”已被占用`);
    this.live().name = v;
  }
  get Visible(): number {
    this.et.tick('Worksheet.Visible');
    return VIS[this.live().visibility];
  }
  set Visible(v: number) {
    this.et.tick('Worksheet.Visible=');
    this.live().visibility = v === XL_SHEET_VERY_HIDDEN ? 'VeryHidden' : v === XL_SHEET_HIDDEN || v === 0 ? 'Hidden' : 'Visible';
  }
  get ProtectContents(): boolean {
    this.et.tick('Worksheet.ProtectContents');
    return this.live().protected;
  }
  get UsedRange(): EtRange {
    this.et.tick('Worksheet.UsedRange');
    const s = this.live();
    return new EtRange(this.et, s, s.usedRange(false) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  Range(address: string): EtRange {
    this.et.tick('Worksheet.Range');
    const s = this.live();
    let parsed;
    try {
      parsed = parseAddress(address);
    } catch {
      throw new EtError(1004, `Worksheet 类的 Range 方法无效: ${address}`);
    }
    if (parsed.sheet !== null) throw new EtError(1004, `Worksheet 类的 Range 方法无效: ${address}`);
    return new EtRange(this.et, s, parsed.range);
  }
  Activate(): void {
    this.et.tick('Worksheet.Activate');
    const s = this.live();
    if (s.visibility !== 'Visible') throw new EtError(1004, 'Worksheet 类的 Activate 方法无效（工作表已隐藏）');
    this.et.emu.activeIndex = this.et.emu.sheets.indexOf(s);
  }
}

function cells(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function inside(a: CellRange, b: CellRange): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}

class EtRange {
  constructor(private readonly et: EtEmulator, private readonly sheet: EmuSheet, private readonly r: CellRange) {}

  private map<T>(f: (row: number, col: number) => T): T | T[][] {
    if (cells(this.r) === 1) return f(this.r.top, this.r.left);
    const out: T[][] = [];
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      const line: T[] = [];
      for (let col = this.r.left; col <= this.r.right; col++) line.push(f(row, col));
      out.push(line);
    }
    return out;
  }

  /** One value when every cell agrees, else null. */
  private common<T>(f: (row: number, col: number) => T): T | null {
    let first = true;
    let v: T | null = null;
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      for (let col = this.r.left; col <= this.r.right; col++) {
        const x = f(row, col);
        if (first) { v = x; first = false; } else if (x !== v) return null;
      }
    }
    return v;
  }

  private writable(what: string): void {
    if (this.sheet.protected) throw new EtError(1004, `无法设置 Range 类的 ${what} 属性：工作表“${this.sheet.name}”受保护`);
    if (cells(this.r) > 1 && this.sheet.merges.some((m) => overlaps(m, this.r) && !inside(m, this.r))) {
      throw new EtError(1004, '不能对合并单元格的一部分进行更改');
    }
  }

  private put(v: unknown, what: 'Value2' | 'Formula'): void {
    this.writable(what);
    const rows = this.r.bottom - this.r.top + 1, cols = this.r.right - this.r.left + 1;
    const arr = Array.isArray(v) ? (v as unknown[][]) : null;
    if (arr && (arr.length !== rows || arr.some((line) => !Array.isArray(line) || line.length !== cols))) {
      throw new EtError(1004, `数组的大小与区域 ${this.Address()} 不符`);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const raw = arr ? arr[i][j] : v;
        const cell = this.sheet.cell(this.r.top + i, this.r.left + j);
        const e = enter(raw, cell.numberFormat);
        cell.value = e.value;
        cell.formula = e.formula;
        cell.quotePrefix = e.quotePrefix;
        if (e.autoFormat && cell.numberFormat === 'General') cell.numberFormat = e.autoFormat;
      }
    }
    this.et.emu.recalc();
  }

  private value2(row: number, col: number): EtScalar {
    const c = this.sheet.get(row, col);
    if (!c || (c.value === '' && c.formula === null)) return undefined;
    if (c.value === '') return '';
    if (typeof c.value === 'string' && !c.quotePrefix && CVERR[c.value] !== undefined) return CVERR[c.value];
    return c.value;
  }

  private formula(row: number, col: number): string {
    const c = this.sheet.get(row, col);
    if (!c) return '';
    if (c.formula !== null) return c.formula;
    if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
    return String(c.value);
  }

  private mergeAt(row: number, col: number): CellRange | undefined {
    return this.sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  get Value2(): EtScalar | EtScalar[][] {
    this.et.tick('Range.Value2');
    return this.map((row, col) => this.value2(row, col));
  }
  set Value2(v: EtScalar | EtScalar[][]) {
    this.et.tick('Range.Value2=');
    this.put(v, 'Value2');
  }
  get Formula(): string | string[][] {
    this.et.tick('Range.Formula');
    return this.map((row, col) => this.formula(row, col));
  }
  set Formula(v: string | string[][]) {
    this.et.tick('Range.Formula=');
    this.put(v, 'Formula');
  }
  get NumberFormat(): string | null {
    this.et.tick('Range.NumberFormat');
    return this.common((row, col) => this.sheet.get(row, col)?.numberFormat ?? 'General');
  }
  set NumberFormat(v: string) {
    this.et.tick('Range.NumberFormat=');
    this.writable('NumberFormat');
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      for (let col = this.r.left; col <= this.r.right; col++) this.sheet.cell(row, col).numberFormat = String(v);
    }
  }
  get MergeCells(): boolean | null {
    this.et.tick('Range.MergeCells');
    return this.common((row, col) => this.mergeAt(row, col) !== undefined);
  }
  get MergeArea(): EtRange {
    this.et.tick('Range.MergeArea');
    const m = this.mergeAt(this.r.top, this.r.left);
    return new EtRange(this.et, this.sheet, m ?? { top: this.r.top, left: this.r.left, bottom: this.r.top, right: this.r.left });
  }
  get Row(): number {
    this.et.tick('Range.Row');
    return this.r.top + 1;
  }
  get Column(): number {
    this.et.tick('Range.Column');
    return this.r.left + 1;
  }
  get Rows(): { readonly Count: number } {
    this.et.tick('Range.Rows');
    const et = this.et, n = this.r.bottom - this.r.top + 1;
    return { get Count() { et.tick('Range.Count'); return n; } };
  }
  get Columns(): { readonly Count: number } {
    this.et.tick('Range.Columns');
    const et = this.et, n = this.r.right - this.r.left + 1;
    return { get Count() { et.tick('Range.Count'); return n; } };
  }
  get Interior(): EtInterior {
    this.et.tick('Range.Interior');
    return new EtInterior(this.et, this.sheet, this.r, (w) => this.writable(w));
  }
  get Comment(): EtComment | null {
    this.et.tick('Range.Comment');
    const k = cellKey(this.r.top, this.r.left);
    return this.sheet.notes.has(k) ? new EtComment(this.et, this.sheet, k) : null;
  }
  AddComment(text?: string): EtComment {
    this.et.tick('Range.AddComment');
    if (this.sheet.protected) throw new EtError(1004, `Range 类的 AddComment 方法无效：工作表“${this.sheet.name}”受保护`);
    const k = cellKey(this.r.top, this.r.left);
    if (this.sheet.notes.has(k)) throw new EtError(1004, 'Range 类的 AddComment 方法无效（单元格已有批注）');
    this.sheet.notes.set(k, { content: String(text ?? ''), author: 'WPS' });
    return new EtComment(this.et, this.sheet, k);
  }
  Address(): string {
    this.et.tick('Range.Address');
    const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    const a = abs(toA1(this.r.top, this.r.left)), b = abs(toA1(this.r.bottom, this.r.right));
    return a === b ? a : `${a}:${b}`;
  }
  Select(): void {
    this.et.tick('Range.Select');
    if (this.et.emu.activeSheet !== this.sheet) throw new EtError(1004, 'Range 类的 Select 方法无效（工作表未激活）');
    this.sheet.selection = { ...this.r };
  }
}

class EtInterior {
  constructor(
    private readonly et: EtEmulator,
    private readonly sheet: EmuSheet,
    private readonly r: CellRange,
    private readonly writable: (what: string) => void,
  ) {}
  private fills(): (string | null)[] {
    const out: (string | null)[] = [];
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      for (let col = this.r.left; col <= this.r.right; col++) out.push(this.sheet.get(row, col)?.fill ?? null);
    }
    return out;
  }
  private set(fill: string | null): void {
    this.writable('Interior');
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      for (let col = this.r.left; col <= this.r.right; col++) this.sheet.cell(row, col).fill = fill;
    }
  }
  get Color(): number | null {
    this.et.tick('Interior.Color');
    const f = this.fills();
    return f.every((x) => x === f[0]) ? (f[0] === null ? WHITE : bgrOf(f[0])) : null;
  }
  set Color(v: number) {
    this.et.tick('Interior.Color=');
    this.set(hexOf(v));
  }
  /** xlNone without a fill; for a fill, a palette index the emulator does not compute exactly (1) */
  get ColorIndex(): number | null {
    this.et.tick('Interior.ColorIndex');
    const f = this.fills();
    return f.every((x) => (x === null) === (f[0] === null)) ? (f[0] === null ? XL_NONE : 1) : null;
  }
  set ColorIndex(v: number) {
    this.et.tick('Interior.ColorIndex=');
    if (v === XL_NONE) this.set(null);
    else throw new EtError(1004, 'the emulator sets fills by Color only');
  }
  get Pattern(): number | null {
    this.et.tick('Interior.Pattern');
    const f = this.fills();
    return f.every((x) => (x === null) === (f[0] === null)) ? (f[0] === null ? XL_NONE : 1) : null;
  }
  set Pattern(v: number) {
    this.et.tick('Interior.Pattern=');
    if (v === XL_NONE) this.set(null);
  }
}

class EtComment {
  constructor(private readonly et: EtEmulator, private readonly sheet: EmuSheet, private readonly key: number) {}
  Text(text?: string): string {
    this.et.tick('Comment.Text');
    const n = this.sheet.notes.get(this.key);
    if (!n) throw new EtError(424, '批注已删除');
    if (text !== undefined) n.content = text;
    return n.content;
  }
  Delete(): void {
    this.et.tick('Comment.Delete');
    if (this.sheet.protected) throw new EtError(1004, `Comment 类的 Delete 方法无效：工作表“${this.sheet.name}”受保护`);
    this.sheet.notes.delete(this.key);
  }
}

export type { EtApp, EtWorkbook, EtSheets, EtSheet, EtRange, EtInterior, EtComment };
