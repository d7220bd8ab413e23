/**
 * The part of the Excel JavaScript API the adapter uses, as structural types: the global `Excel` and the
 * emulator (src/workbench/emulator) both fit (test/excel/types.test.ts proves it at compile time).
 * Properties are only readable after `load` + `sync`; assignments and method calls queue until `sync`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Office types cell arrays as any[][] */

export interface Loadable {
  load(propertyNames?: string | string[]): unknown;
}

export interface NullableLike {
  readonly isNullObject: boolean;
}

export interface CellPropertiesLike {
  format?: { fill?: { color?: string; pattern?: string } };
}

export interface RangeFillLike extends Loadable {
  color: string;
  clear(): void;
}

export interface RangeLike extends Loadable, NullableLike {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: any[][];
  numberFormat: any[][];
  formulas: any[][];
  /** `protection.locked`: ExcelApi 1.2; null when the cells of the range differ */
  readonly format: { readonly fill: RangeFillLike; readonly protection: Loadable & { readonly locked: boolean | null } };
  /** ExcelApi 1.13 */
  getMergedAreasOrNullObject(): MergedAreasLike;
  /** ExcelApi 1.9 */
  getCellProperties(options: { format: { fill: { color: true; pattern: true } } }): { readonly value: CellPropertiesLike[][] };
  select(): void;
}

/** The RangeAreas of merged areas: `areas` is a RangeCollection (ExcelApi 1.9) of ranges with their place. */
export interface MergedAreasLike extends NullableLike {
  readonly areas: Loadable & { readonly items: readonly Pick<RangeLike, 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'>[] };
}

export interface NoteLike extends Loadable {
  readonly content: string;
  delete(): void;
  getLocation(): RangeLike;
}

export interface CommentLike extends Loadable {
  readonly id: string;
  readonly content: string;
  delete(): void;
  getLocation(): RangeLike;
}

export interface WorksheetLike extends Loadable, NullableLike {
  readonly name: string;
  readonly visibility: string;
  /** `options` (WorksheetProtectionOptions, ExcelApi 1.2) as loaded: a plain object */
  readonly protection: Loadable & { readonly protected: boolean; readonly options: { readonly allowFormatCells?: boolean } };
  /** ExcelApi 1.18; a string address is a cell of this sheet (`A1`) */
  readonly notes: Loadable & { readonly items: NoteLike[]; add(cellAddress: RangeLike | string, content: string): unknown };
  /** ExcelApi 1.10; a string address must name the sheet too, so the adapter passes a Range */
  readonly comments: Loadable & { readonly items: CommentLike[]; add(cellAddress: RangeLike | string, content: string): unknown };
  getUsedRange(valuesOnly?: boolean): RangeLike;
  getRange(address?: string): RangeLike;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  activate(): void;
  delete(): void;
  /** ExcelApi 1.7 */
  readonly freezePanes: { freezeRows(count?: number): void };
}

export interface SettingLike extends Loadable, NullableLike {
  readonly value: any;
  delete(): void;
}

export interface RequestContextLike {
  readonly workbook: {
    readonly worksheets: Loadable & {
      readonly items: WorksheetLike[];
      getActiveWorksheet(): WorksheetLike;
      getItem(key: string): WorksheetLike;
      getItemOrNullObject(key: string): WorksheetLike;
      add(name: string): WorksheetLike;
    };
    /** ExcelApi 1.4 */
    readonly settings: {
      add(key: string, value: any): unknown;
      getItem(key: string): SettingLike;
      getItemOrNullObject(key: string): SettingLike;
    };
    readonly application: { suspendScreenUpdatingUntilNextSync(): void };
    /** ExcelApi 1.1; fails at sync when several ranges are selected */
    getSelectedRange(): RangeLike;
  };
  /** ExcelApi 1.8 */
  readonly runtime: { enableEvents: boolean };
  sync(): Promise<void>;
}

/** What the adapter passes to `Excel.run` (Excel.RunOptions). */
export interface RunOptionsLike {
  /**
   * Excel waits until the person leaves cell-edit mode instead of failing the batch (reference of
   * Excel.RunOptions; article "Delay execution while cell is being edited"). No requirement set is named for it.
   */
  delayForCellEdit?: boolean;
}

export interface ExcelLike {
  run<T>(options: RunOptionsLike, batch: (context: RequestContextLike) => Promise<T>): Promise<T>;
}

/** What `Office.context.requirements` offers; the emulator's EmuWorkbook has the same method. */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}
