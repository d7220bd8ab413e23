import ExcelJS from 'exceljs';

export interface BookSnapshot {
  /** `sheet!A1` → value, format and style of every cell that has any */
  cells: Map<string, string>;
  merges: Map<string, string[]>;
  widths: Map<string, (number | undefined)[]>;
}

/** Everything the writer promises to keep, cell by cell, as comparable strings. Test helper. */
export async function snapshotOf(data: Uint8Array): Promise<BookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const cells = new Map<string, string>();
  const merges = new Map<string, string[]>();
  const widths = new Map<string, (number | undefined)[]>();
  for (const ws of wb.worksheets) {
    merges.set(ws.name, [...(ws.model.merges ?? [])].sort());
    widths.set(ws.name, Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width));
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (c) => {
        const { numFmt, font, fill, border, alignment, protection } = c.style;
        cells.set(`${ws.name}!${c.address}`, JSON.stringify({
          type: c.type, value: c.value, formula: c.formula ?? null, numFmt: numFmt ?? null, font, fill, border, alignment, protection,
        }));
      });
    });
  }
  return { cells, merges, widths };
}

/** Addresses whose snapshot differs between two books (present in either). */
export function changedCells(a: BookSnapshot, b: BookSnapshot): string[] {
  const keys = new Set([...a.cells.keys(), ...b.cells.keys()]);
  const blank = (s: string | undefined): boolean => s === undefined || JSON.parse(s).type === 0 && JSON.parse(s).numFmt === null;
  return [...keys].filter((k) => {
    const x = a.cells.get(k);
    const y = b.cells.get(k);
    if (blank(x) && blank(y)) return false;
    return x !== y;
  }).sort();
}
