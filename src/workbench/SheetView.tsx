import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { columnLetters, toA1, type CellRange } from '../core';
import type { EmuWorkbook } from './emulator';
import { cellKey } from './emulator/model';
import { displayValue } from './format';

const useStyles = makeStyles({
  wrap: { overflow: 'auto', flexGrow: 1, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, tableLayout: 'auto' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 4px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 4px',
    textAlign: 'right',
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    minWidth: '3em',
    maxWidth: '22em',
    verticalAlign: 'top',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    cursor: 'cell',
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  noted: { boxShadow: `inset -6px 6px 0 -3px ${tokens.colorPaletteRedBorder2}` },
  tabs: { display: 'flex', flexWrap: 'wrap', gap: '2px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px' },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground2,
    padding: '2px 10px',
    cursor: 'pointer',
    font: 'inherit',
  },
  tabActive: { background: tokens.colorNeutralBackground1, fontWeight: tokens.fontWeightSemibold, borderBottom: `2px solid ${tokens.colorBrandStroke1}` },
});

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const inRange = (r: CellRange, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

export interface SheetViewProps {
  readonly emu: EmuWorkbook;
  /** bumped whenever the emulator may have changed */
  readonly version: number;
  readonly onChange: () => void;
}

/** The active sheet as an HTML table (text nodes only), merges as row/col spans, fills, selection, sheet tabs. */
export function SheetView({ emu, version, onChange }: SheetViewProps) {
  const styles = useStyles();
  const sheet = emu.sheets.length > 0 ? emu.activeSheet : null;
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  const model = useMemo(() => {
    if (!sheet) return null;
    const used = sheet.usedRange(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const bottom = Math.max(used.bottom, sheet.selection.bottom);
    const right = Math.max(used.right, sheet.selection.right);
    const mergeAt = new Map<number, CellRange>();
    for (const m of sheet.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeAt.set(cellKey(r, c), m);
    return { bottom, right, mergeAt };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet, version]);

  const sel = sheet?.selection;
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sel?.top, sel?.left, version]);

  if (!sheet || !model) return null;
  const rows = [];
  for (let r = 0; r <= model.bottom; r++) {
    const tds = [<th key="h" className={styles.rowHead} scope="row">{r + 1}</th>];
    for (let c = 0; c <= model.right; c++) {
      const m = model.mergeAt.get(cellKey(r, c));
      if (m && (m.top !== r || m.left !== c)) continue;
      const cell = sheet.get(r, c);
      const value = cell ? displayValue(cell.value, cell.numberFormat) : '';
      const isSelected = inRange(sheet.selection, r, c) || (m !== undefined && inRange(sheet.selection, m.top, m.left));
      const anchorSelected = sheet.selection.top === r && sheet.selection.left === c;
      const note = sheet.notes.get(cellKey(r, c))?.content ?? sheet.comments.find((x) => x.key === cellKey(r, c))?.content;
      const a1 = toA1(r, c);
      tds.push(
        <td
          key={c}
          ref={anchorSelected ? selectedRef : undefined}
          rowSpan={m ? m.bottom - m.top + 1 : undefined}
          colSpan={m ? m.right - m.left + 1 : undefined}
          data-cell={a1}
          data-selected={isSelected ? 'true' : undefined}
          aria-selected={isSelected}
          title={note}
          className={mergeClasses(styles.cell, typeof cell?.value === 'number' && styles.number, isSelected && styles.selected, note !== undefined && styles.noted)}
          style={cell?.fill && COLOR.test(cell.fill) ? { backgroundColor: cell.fill } : undefined}
          onClick={() => {
            sheet.selection = m ? { ...m } : { top: r, left: c, bottom: r, right: c };
            onChange();
          }}
        >
          {value}
        </td>,
      );
    }
    rows.push(<tr key={r}>{tds}</tr>);
  }
  const cols = [];
  for (let c = 0; c <= model.right; c++) cols.push(<th key={c} className={styles.head} scope="col">{columnLetters(c)}</th>);

  return (
    <>
      {/* scrolls: focusable so that a keyboard can scroll it too (axe scrollable-region-focusable) */}
      <div className={styles.wrap} data-testid="grid" data-sheet={sheet.name} tabIndex={0} role="region" aria-label={`工作表 ${sheet.name}`}>
        <table className={styles.table} role="grid" aria-label={sheet.name}>
          <thead>
            <tr>
              <th className={styles.head} />
              {cols}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="工作表">
        {emu.sheets
          .filter((s) => s.visibility === 'Visible')
          .map((s) => (
            <button
              key={s.name}
              type="button"
              role="tab"
              aria-selected={s === sheet}
              className={mergeClasses(styles.tab, s === sheet && styles.tabActive)}
              data-testid="sheet-tab"
              onClick={() => {
                emu.setActive(s.name);
                onChange();
              }}
            >
              {s.name}
            </button>
          ))}
      </div>
    </>
  );
}
