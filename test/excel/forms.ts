import * as path from 'path';
import * as fs from 'fs';
import { parseA1, parseRangeA1, rangeToA1, toA1, type CellValue, type SheetGrid } from '../../src/core/grid';
import { gridOf } from '../helpers/grid';

const T = '财政项目支出绩效自评表';

/** A small complete form with gaps the fill completes (rate, funds score, one indicator score, total). */
export function formGrid(sheet = '测试', at = 'A1'): SheetGrid {
  const rows: CellValue[][] = [
    [T],
    ['(2021 年度)'],
    ['项目名称', '测试项目'],
    ['主管部门', '某委', null, null, null, '实施单位', '某中心'],
    ['项目资金 (元)', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 100, 100, 90, 10, null, null],
    [null, '其中：当年财政拨款', 100, 100, 90, '—', null, '—'],
    [null, '上年结转资金', 0, 0, 0, '—', null, '—'],
    [null, '其他资金', 0, 0, 0, '—', null, '—'],
    ['年度总体目标', '预算目标', null, null, null, '实际完成情况'],
    [null, '完成目标', null, null, null, '已完成'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '场次', '>=65场', 65, 30, null, null],
    [null, null, '质量指标', '合格率', '>=90%', '80%', 20, 20, null],
    [null, null, '时效指标', '及时性', '及时', '及时', 10, 10, null],
    [null, '效益指标', '社会效益指标', '效益', '有效', '有效', 20, 20, null],
    [null, '满意度指标', '服务对象满意度指标', '满意度', '>=90%', '95%', 10, 10, null],
    ['总分', null, null, null, null, null, 100, null, null],
  ];
  const start = parseA1(at);
  const o = (a1: string) => {
    const p = parseA1(a1);
    return toA1(p.row + start.row, p.col + start.col);
  };
  return gridOf(rows, {
    sheet,
    at,
    merges: ['A1:I1', 'A2:I2', 'B3:I3', 'A5:A9', 'H5:I5', 'H6:I6', 'H7:I7', 'H8:I8', 'H9:I9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11', 'A12:A17', 'B13:B15', 'A18:F18'].map((m) => m.split(':').map(o).join(':')),
    formats: { [o('C6')]: '#,##0.00', [o('D6')]: '#,##0.00', [o('E6')]: '#,##0.00' },
  });
}

/** `n` copies of formGrid stacked on one sheet from `at`, two blank rows apart, each with its merges and formats. */
export function formsGrid(n: number, sheet = '测试', at = 'A1'): SheetGrid {
  const one = formGrid(sheet, 'A1');
  const height = one.values.length + 2;
  const start = parseA1(at);
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const formats: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    if (i > 0) values.push([], []);
    values.push(...one.values.map((r) => [...r]));
    const dr = start.row + i * height;
    for (const m of one.merges) merges.push(rangeToA1({ top: m.top + dr, left: m.left + start.col, bottom: m.bottom + dr, right: m.right + start.col }));
    one.formats?.forEach((line, r) => line.forEach((f, c) => { if (f) formats[toA1(r + dr, c + start.col)] = f; }));
  }
  return gridOf(values, { sheet, at, merges, formats });
}

export const SHARED = path.join(__dirname, '..', '..', '..', 'shared');
export const FIXTURE = path.join(SHARED, 'fixtures', 'sheitc-2021.xlsx');
export const hasFixture = fs.existsSync(FIXTURE);

/** Reads an .xlsx with exceljs into grids: merged cells keep their value only in the top-left cell. */
export async function gridsFromXlsx(file: string): Promise<SheetGrid[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const vr: CellValue[] = [], fr: (string | null)[] = [], fo: (string | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        let v: unknown = cell.isMerged && cell.master !== cell ? null : cell.value;
        let formula: string | null = null;
        if (v && typeof v === 'object' && 'formula' in (v as object)) {
          formula = `=${(v as { formula: string }).formula}`;
          v = (v as { result?: unknown }).result ?? null;
        }
        if (v && typeof v === 'object' && 'richText' in (v as object)) v = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
        if (v && typeof v === 'object' && 'error' in (v as object)) v = { kind: 'error', code: (v as { error: string }).error };
        vr.push(v === undefined ? null : (v as CellValue));
        fr.push(cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null);
        fo.push(formula);
      }
      values.push(vr); formats.push(fr); formulas.push(fo);
    }
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).length
      ? ((ws.model as unknown as { merges: string[] }).merges ?? [])
      : [];
    return { sheet: ws.name, origin: { row: 0, col: 0 }, values, formats, formulas, merges: merges.map(parseRangeA1) };
  });
}
