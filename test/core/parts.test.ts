import { buildReport, checkSheets, checkWorkbook, combineChecks, partFromWire, partToWire, type SheetGrid } from '../../src/core';
import { gridOf } from '../fixtures/grid';
import { formGrid, formsGrid } from '../fixtures/forms';

/** A workbook of every kind of sheet: forms, several forms on one, a sheet without a form, a hidden one. */
function sheets(): SheetGrid[] {
  const hidden: SheetGrid = { ...formGrid('隐藏'), hidden: true };
  return [formGrid('一'), formsGrid(3, '三张'), gridOf([['本工作簿汇总各项目的自评表。']], { sheet: '说明' }), hidden, formGrid('五', 'B3')];
}

const report = (r: ReturnType<typeof checkWorkbook>): string => JSON.stringify(buildReport(r, 'book.xlsx', 'zh-CN'));

describe('a workbook checked in parts (the CLI splits a big one over two threads)', () => {
  const whole = report(checkWorkbook({ sheets: sheets() }));

  it.each([0, 1, 2, 3, 4, 5])('gives the same report when cut before sheet %i', (cut) => {
    const s = sheets();
    expect(report(combineChecks([checkSheets(s.slice(0, cut)), checkSheets(s.slice(cut))]))).toBe(whole);
  });

  it('gives the same report when a part crossed as plain data (through structured clone)', () => {
    const s = sheets();
    const far = partFromWire(structuredClone(partToWire(checkSheets(s.slice(2)))));
    expect(report(combineChecks([checkSheets(s.slice(0, 2)), far]))).toBe(whole);
  });

  it('says NO_FORM once when no part holds a form', () => {
    const none = [gridOf([['无表']], { sheet: '甲' }), gridOf([['也无']], { sheet: '乙' })];
    const r = combineChecks([checkSheets(none.slice(0, 1)), checkSheets(none.slice(1))]);
    expect(r.findings.map((f) => f.code)).toEqual(checkWorkbook({ sheets: none }).findings.map((f) => f.code));
    expect(r.sheetsWithoutForm).toEqual(['甲', '乙']);
  });

  it('carries every Decimal as its exact text and back', () => {
    const part = checkSheets([formGrid('一')]);
    const wire = JSON.stringify(partToWire(part));
    expect(wire).not.toContain('"d":[');
    const back = partFromWire(JSON.parse(wire));
    expect(back.forms[0].total.computed?.toFixed()).toBe(part.forms[0].total.computed?.toFixed());
    expect(back.forms[0].total.computed?.plus(1).toFixed()).toBe(part.forms[0].total.computed?.plus(1).toFixed());
  });
});
