import type { ColumnMap, FormResult } from '../../../core';
import type { MapRole, Strings } from '../../../app';
import type { SelectedCell, StoredColumnMap } from '../../../host';

/** A form whose header was found but whose roles could not all be placed (HEADER_MISSING). */
export interface MapGap {
  readonly form: FormResult;
  readonly sheet: string;
  /** 0-based first row of the indicator header; a header drawn over two rows also covers the next row */
  readonly headerRow: number;
  readonly roles: readonly MapRole[];
}

/** A header cell the person pointed at for a role. */
export interface MapPick {
  readonly gap: MapGap;
  readonly role: MapRole;
  /** 0-based row (the lower row of a merged header cell) and column */
  readonly row: number;
  readonly col: number;
  /** `E12` as shown */
  readonly cell: string;
}

export interface ColumnMapProps {
  readonly forms: readonly FormResult[];
  /** the map kept with the workbook, as the last validate read it */
  readonly stored: StoredColumnMap | null;
  readonly strings: Strings;
  readonly lang: 'zh-CN' | 'en-US';
  readonly busy: boolean;
  readonly selectedCell: () => Promise<SelectedCell>;
  /** keep `map` with the workbook (null clears it) and check again; false when that failed (the pane says why) */
  readonly onSave: (map: ColumnMap | null) => Promise<boolean>;
}

export interface ColumnMapState {
  readonly gaps: readonly MapGap[];
  /** the roles offered: the unplaced ones first, then every other role (to correct a column read wrongly) */
  readonly roles: readonly MapRole[];
  readonly role: MapRole;
  readonly setRole: (r: MapRole) => void;
  readonly picks: readonly MapPick[];
  /** what the last action said (a refused selection, saved, cleared) */
  readonly note: { readonly intent: 'error' | 'success'; readonly text: string } | null;
  readonly takeSelection: () => Promise<void>;
  readonly remove: (p: MapPick) => void;
  readonly save: () => Promise<void>;
  readonly clear: () => Promise<void>;
}
