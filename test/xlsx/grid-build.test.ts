import { buildGrid, CellList } from '../../src/xlsx/grid-build';
import type { CellRange, CellValue } from '../../src/core';

/** A cell as a reader pushes it into a CellList. */
interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  format: string | null;
  formula: string | null;
}

function listOf(cells: readonly RawCell[]): CellList {
  const list = new CellList();
  for (const c of cells) list.push(c.row, c.col, c.value, c.format, c.formula);
  return list;
}

/** Excel's rule, cell by cell: hidden when some merge covers it and it is not that merge's top-left. */
const hiddenByRule = (merges: CellRange[], r: number, c: number): boolean =>
  merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));

describe('buildGrid drops what merged areas hide', () => {
  it('agrees with the rule for random cells and merges, overlapping ones and ones past the used range included', () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 300; k++) {
      const b: CellRange = { top: next(3), left: next(3), bottom: 3 + next(6), right: 3 + next(6) };
      const merges: CellRange[] = Array.from({ length: next(5) }, () => {
        const top = next(10);
        const left = next(10);
        return { top, left, bottom: top + next(3), right: left + next(3) };
      });
      const cells: RawCell[] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) if (next(3) > 0) cells.push({ row: r, col: c, value: `${r},${c}`, format: next(4) === 0 ? '0.00' : null, formula: null });
      }
      const g = buildGrid('S', listOf(cells), new CellList(), merges, b);
      for (const cell of cells) {
        const shown = g.values[cell.row - b.top][cell.col - b.left];
        expect([k, cell.row, cell.col, shown]).toEqual([k, cell.row, cell.col, hiddenByRule(merges, cell.row, cell.col) ? null : cell.value]);
        const format = g.formats?.[cell.row - b.top][cell.col - b.left] ?? null;
        expect(format).toBe(hiddenByRule(merges, cell.row, cell.col) ? null : cell.format);
      }
      // no format layer at all when only hidden cells had a format
      if (!cells.some((c) => c.format !== null && !hiddenByRule(merges, c.row, c.col))) expect(g.formats).toBeUndefined();
    }
  });
});

describe('CellList (the cells a reader found, in blocks of an array per field)', () => {
  it('gives back what was pushed, across blocks, and the cells inside a range in order', () => {
    const cells: RawCell[] = Array.from({ length: 40000 }, (_, k) => ({
      row: k % 7 === 0 ? 100000 + k : k >> 4, col: k & 15, value: k % 3 === 0 ? `t${k}` : k % 3 === 1 ? k / 7 : null,
      format: k % 5 === 0 ? '0.00' : null, formula: k % 11 === 0 ? `=A${k}` : null,
    }));
    const list = listOf(cells);
    expect(list.length).toBe(cells.length);
    const back = (l: CellList): RawCell[] => Array.from({ length: l.length }, (_, k) => ({ row: l.row(k), col: l.col(k), value: l.value(k), format: l.format(k), formula: l.formula(k) }));
    expect(back(list)).toEqual(cells);
    const b = { top: 0, left: 2, bottom: 2000, right: 9 };
    expect(back(list.inside(b))).toEqual(cells.filter((c) => c.row >= b.top && c.row <= b.bottom && c.col >= b.left && c.col <= b.right));
    expect(list.inside({ top: Infinity, left: Infinity, bottom: -1, right: -1 }).length).toBe(0);
  });
});
