import { columnLetters, GridView, parseA1, parseRangeA1, toA1, type CellRange, type SheetGrid } from '../../src/core/grid';

/** A grid of `rows` × `cols` empty cells from A1 with the given merges, each top-left holding its own name. */
function gridWith(merges: CellRange[], rows: number, cols: number): SheetGrid {
  const values = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  merges.forEach((m, i) => {
    values[m.top][m.left] = `m${i}`;
  });
  return { sheet: 'S', origin: { row: 0, col: 0 }, values, merges };
}

/** What mergeOf should answer, by looking at every merge. */
function expected(merges: CellRange[], row: number, col: number): CellRange | null {
  let hit: CellRange | null = null;
  for (const m of merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) hit = m;
  return hit;
}

describe('GridView merges', () => {
  it.each([
    ['close together (the index is an array over their box)', [
      { top: 0, left: 0, bottom: 0, right: 8 }, { top: 4, left: 0, bottom: 8, right: 0 }, { top: 5, left: 7, bottom: 5, right: 8 },
    ], 10, 10],
    ['far apart (a box past four million cells: the index is a map)', [
      { top: 0, left: 0, bottom: 1, right: 1 }, { top: 4999, left: 998, bottom: 5000, right: 999 },
    ], 5001, 1000],
  ])('%s: every cell resolves to its merged area, or none', (_what, merges, rows, cols) => {
    const view = new GridView(gridWith(merges, rows, cols));
    const probes: [number, number][] = [];
    for (const m of merges) {
      for (let r = m.top - 1; r <= m.bottom + 1; r++) for (let c = m.left - 1; c <= m.right + 1; c++) probes.push([r, c]);
    }
    probes.push([-5, -5], [rows + 3, cols + 3], [2, 2]);
    for (const [r, c] of probes) {
      expect([r, c, view.mergeOf(r, c)]).toEqual([r, c, expected(merges, r, c)]);
      const m = expected(merges, r, c);
      if (m) expect(view.value(r, c)).toBe(`m${merges.indexOf(m)}`);
    }
  });

  it('reads no merge on a sheet without any', () => {
    const view = new GridView(gridWith([], 3, 3));
    expect(view.mergeOf(1, 1)).toBeNull();
    expect(view.anchor(1, 1)).toEqual({ row: 1, col: 1 });
  });
});

describe('parseA1 and parseRangeA1', () => {
  it.each<[string, { row: number; col: number } | null]>([
    ['A1', { row: 0, col: 0 }], ['$B$7', { row: 6, col: 1 }], ['ab12', { row: 11, col: 27 }], [' XFD1048576 ', { row: 1048575, col: 16383 }],
    ['$A1', { row: 0, col: 0 }], ['A$1', { row: 0, col: 0 }], ['ZZZ9999999', { row: 9999998, col: 18277 }],
    ['', null], ['A', null], ['1', null], ['ABCD1', null], ['A12345678', null], ['A1B', null], ['$$A1', null], ['A$$1', null],
    ['A-1', null], ['Ä1', null], ['A1 B', null], ['@1', null], ['[1', null], ['A١', null],
  ])('%j', (a1, expected) => {
    if (expected === null) expect(() => parseA1(a1)).toThrow(/not an A1 address/);
    else expect(parseA1(a1)).toEqual(expected);
  });

  it('reads a range, its corners in any order, and one cell as a range', () => {
    expect(parseRangeA1('B2:A1')).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseRangeA1('C3')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRangeA1('A1:B2:C3')).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(() => parseRangeA1('A1:ZZZZ1')).toThrow(/not an A1 address/);
  });
});

describe('toA1 (kept per position) and parseA1 agree', () => {
  it.each<[number, number, string]>([
    [0, 0, 'A1'], [6, 1, 'B7'], [0, 25, 'Z1'], [0, 26, 'AA1'], [99, 701, 'ZZ100'], [0, 702, 'AAA1'],
    [1048575, 16383, 'XFD1048576'], [2000000, 5, 'F2000001'], [3, 20000, `${columnLetters(20000)}4`],
  ])('row %i, column %i is %s', (row, col, a1) => {
    expect(toA1(row, col)).toBe(a1);
    // asked again: the kept answer is the same
    expect(toA1(row, col)).toBe(a1);
    if (col < 16384) expect(parseA1(a1)).toEqual({ row, col });
  });

  it('names 5,000 random positions as the letters and digits say, in and out of the kept range', () => {
    for (let i = 0; i < 5000; i++) {
      const row = Math.floor(Math.random() * 3_000_000);
      const col = Math.floor(Math.random() * 20_000);
      expect(toA1(row, col)).toBe(`${columnLetters(col)}${row + 1}`);
    }
  });
});
