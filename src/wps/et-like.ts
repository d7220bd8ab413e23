/**
 * The part of the WPS 表格 (ET) JavaScript object model the WPS host uses, as structural types: `window.Application`
 * inside WPS and the ET emulator (src/workbench/wps-emulator) both fit. Member names are those of `wps-jsapi`'s
 * `Et.EtApplication`, `Et.EtWorksheet`, `Et.EtRange`… (test/wps/types.test.ts proves every name used here exists
 * there). The signatures are narrower than wps-jsapi's, which are generated from the COM type library: there a
 * method's result is a trailing `RHS` parameter and the return type `void` (`Item(Index?, RHS?: EtWorksheet): void`),
 * and `Value2` is typed `number`; in the JS API the result is returned and `Value2` is a scalar for one cell or a
 * 2-D array (0-based in JS) for a range.
 *
 * Every property get/set and every method call is a synchronous call into the WPS process.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the object model's Variant values */

/** `Range.Value2` of one cell: a number (dates as serials), text, a boolean, an error code, or empty. */
export type EtScalar = string | number | boolean | null | undefined;

export interface EtInteriorLike {
  /** BGR long (`RGB(r,g,b)` = r + g·256 + b·65536); 16777215 when the cell has no fill */
  Color: number | null;
  /** xlColorIndexNone (-4142) when the cell has no fill */
  ColorIndex: number | null;
  /** xlPatternNone (-4142) removes the fill */
  Pattern: number | null;
}

export interface EtCommentLike {
  Text(text?: string, start?: number, overwrite?: boolean): string;
  Delete(): void;
}

export interface EtRangeLike {
  /** a scalar for one cell, a 2-D array for a range */
  Value2: any;
  /** formula text (`=A1*2`) or the constant as text, per cell; a scalar for one cell */
  Formula: any;
  /** the format when every cell shares it; null when they differ (VBA's Null) */
  NumberFormat: any;
  /** true when every cell is part of a merged area, false when none is, null when mixed */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRangeLike;
  /** 1-based */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Interior: EtInteriorLike;
  /** the cell's comment (批注), or null */
  readonly Comment: EtCommentLike | null;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  AddComment(text?: string): EtCommentLike;
  Select(): unknown;
}

export interface EtWorksheetLike {
  Name: string;
  /** xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2) */
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRangeLike;
  Range(address: string): EtRangeLike;
  Activate(): unknown;
}

export interface EtSheetsLike {
  readonly Count: number;
  /** 1-based index or name; throws when there is no such sheet */
  Item(index: number | string): EtWorksheetLike;
  /** adds a worksheet after `after` (or before the active one) and activates it */
  Add(before?: EtWorksheetLike, after?: EtWorksheetLike): EtWorksheetLike;
}

export interface EtWorkbookLike {
  readonly Worksheets: EtSheetsLike;
}

export interface EtApplicationLike {
  readonly ActiveWorkbook: EtWorkbookLike | null;
  readonly ActiveSheet: EtWorksheetLike | null;
  /** the selected cells of the active sheet (a Range when cells are selected) */
  readonly Selection: EtRangeLike | null;
  ScreenUpdating: boolean;
}

export const XL_SHEET_VISIBLE = -1;

/** Whether a `Visible` answer means visible (xlSheetVisible, or a Boolean true from a host that converts it). */
export function isVisible(v: unknown): boolean {
  return v === XL_SHEET_VISIBLE || v === true;
}

/**
 * The worksheet of that name, or null. VBA raises error 9 for a missing item; a JS host may answer null or
 * undefined instead: both are taken as missing.
 */
export function sheetNamed(wb: EtWorkbookLike, name: string): EtWorksheetLike | null {
  try {
    return wb.Worksheets.Item(name) ?? null;
  } catch {
    return null;
  }
}
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlNone, as ColorIndex and Pattern */
export const XL_NONE = -4142;

/**
 * CVErr values as `Value2` reports errors (Excel's and WPS's object models: xlErrDiv0 = 2007 → 0x800A07D7).
 * A cell's `Formula` tells an error from a number that happens to be equal: an error constant reads `#DIV/0!`.
 */
export const CVERR: Readonly<Record<string, number>> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

/** `#RRGGBB` → BGR long. */
export function bgrOf(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** BGR long → `#RRGGBB`. */
export function hexOf(bgr: number): string {
  const r = bgr & 0xff, g = (bgr >> 8) & 0xff, b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}
