import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Lang } from '../core';
import { findingsTable, fitWidths, formsTable, unitsTable, REPORT_TEXT, type PileSummary, type Table } from '../report';

/** A fixed time for the workbook's properties and zip entries: the same pile gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const NUMBER_FORMAT = { score: '0.00', percent: '0.00%', count: '0', text: '@' } as const;
const MARK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } };

/**
 * exceljs zips through JSZip, which stamps every entry with the current time unless told a date; the only place to
 * tell it is JSZip's defaults (exceljs passes no options per entry). Same instance as exceljs's own.
 */
function pinZipDates(): void {
  // the same module exceljs requires (one jszip in node_modules, and one copy in the bundled bin)
  const defaults = (JSZip as unknown as { defaults?: { date: Date | null } }).defaults;
  if (defaults) defaults.date = FIXED_DATE;
}

function addTable(wb: ExcelJS.Workbook, name: string, table: Table): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const widths = fitWidths(table);
  ws.columns = table.columns.map((c, i) => ({ width: widths[i], style: { numFmt: NUMBER_FORMAT[c.kind] } }));
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.numFmt = '@';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  table.rows.forEach((r, i) => {
    // strings stay shared-string cells whatever they start with (= + - @): exceljs writes a formula only from { formula }
    const row = ws.addRow(r.map((v) => v ?? null));
    if (table.marked[i]) row.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = MARK_FILL;
    });
  });
  if (table.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  }
}

/** The summary workbook: 汇总, 问题清单 and 按单位 (or their en-US names). */
export async function summaryWorkbook(pile: PileSummary, lang: Lang): Promise<Uint8Array> {
  const t = REPORT_TEXT[lang];
  pinZipDates();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ziping';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  addTable(wb, t.sheets.summary, formsTable(pile.forms, lang));
  addTable(wb, t.sheets.findings, findingsTable(pile.findings, lang));
  addTable(wb, t.sheets.units, unitsTable(pile.units, lang));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
