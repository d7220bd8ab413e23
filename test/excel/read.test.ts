import { rangeToA1 } from '../../src/core/grid';
import { inferMerges } from '../../src/excel/infer';
import type { ExcelLike } from '../../src/excel/excel-like';
import { bands, mergedRects, queueProbe, readChunked, takeWhole } from '../../src/excel/read';
import { createExcelApi, emuFromGrids } from '../../src/workbench/emulator';
import { gridOf } from '../fixtures/grid';
import { formGrid } from '../fixtures/forms';

describe('inferMerges (hosts without merged-area API)', () => {
  it('finds the label and funds-score merges of a form whose merges were lost', () => {
    const g = { ...formGrid(), merges: [] };
    const got = inferMerges(g).map(rangeToA1).sort();
    expect(got).toEqual(['A12:A17', 'A5:A9', 'A10:A11', 'B13:B15', 'H5:I5', 'H6:I6', 'H7:I7', 'H8:I8', 'H9:I9'].sort());
  });

  it('never absorbs a filled cell, stops at the 总分 row, and splits 二级 runs where a new 一级 starts', () => {
    const g = gridOf([
      ['一级指标', '二级指标', '三级指标', '分值'],
      ['产出指标', '数量指标', 'a', 10],
      [null, null, 'b', 10],
      ['效益指标', null, 'c', 10],
      [null, '满意度', 'd', 10],
      ['总分', null, null, 40],
      [null, null, 'after', 1],
    ]);
    expect(inferMerges(g).map(rangeToA1).sort()).toEqual(['A2:A3', 'A4:A5', 'B2:B3'].sort());
  });

  it('a funds 得分 column with a filled right neighbour is not widened', () => {
    const g = gridOf([
      ['项目资金', null, '全年预算数', '全年执行数', '分值', '执行率', '得分', '备注'],
      [null, '年度资金总额', 100, 90, 10, 0.9, 9, '说明'],
    ]);
    expect(inferMerges(g).map(rangeToA1).filter((a) => a.startsWith('G'))).toEqual([]);
  });
});

describe('reading helpers', () => {
  it('mergedRects: the areas items as rectangles, none for a null object', () => {
    const item = (rowIndex: number, columnIndex: number, rowCount: number, columnCount: number) => ({ rowIndex, columnIndex, rowCount, columnCount });
    const areas = { isNullObject: false, areas: { load: () => undefined, items: [item(1, 0, 2, 1), item(5, 7, 1, 2)] } };
    expect(mergedRects(areas).map(rangeToA1)).toEqual(['A2:A3', 'H6:I6']);
    const none = { isNullObject: true, areas: { load: () => undefined, get items(): never { throw new Error('not loaded'); } } };
    expect(mergedRects(none)).toEqual([]);
  });

  it('bands stay within the cell budget and cover the range once', () => {
    const r = { top: 3, left: 0, bottom: 1002, right: 9 };
    const b = bands(r, 1000);
    expect(b.every((x) => (x.bottom - x.top + 1) * 10 <= 1000)).toBe(true);
    expect(b[0].top).toBe(3);
    expect(b[b.length - 1].bottom).toBe(1002);
    for (let i = 1; i < b.length; i++) expect(b[i].top).toBe(b[i - 1].bottom + 1);
  });
});

describe('whole read and bounded read', () => {
  const o = { merges: true, fills: true, cellBudget: 40, maxCells: 1_000_000 };

  async function readBoth(emu: ReturnType<typeof emuFromGrids>, sheet: string) {
    const api = createExcelApi(emu) as unknown as ExcelLike;
    const whole = await api.run({}, async (ctx) => {
      const p = queueProbe(ctx.workbook.worksheets.getItem(sheet), o, true);
      await ctx.sync();
      return takeWhole(p, o)!;
    });
    let syncs = 0;
    const bounded = await api.run({}, async (ctx) => {
      const p = queueProbe(ctx.workbook.worksheets.getItem(sheet), o, false);
      await ctx.sync();
      return readChunked(p, o, async () => { syncs++; await ctx.sync(); }, () => undefined);
    });
    return { whole, bounded, syncs };
  }

  it('give the same sheet: values, formats, formulas, fills, merges, origin', async () => {
    const g = formGrid('表', 'C4');
    const emu = emuFromGrids([g], { 表: { fills: { D8: '#FFFF00', K20: '#00B0F0' } } });
    emu.sheet('表')!.cell(9, 9).formula = '=H9*2';
    emu.recalc();
    const { whole, bounded, syncs } = await readBoth(emu, '表');
    expect(syncs).toBe(Math.ceil(g.values.length / Math.floor(40 / 9)));
    expect(bounded).toEqual(whole);
    expect(whole.grid.origin).toEqual({ row: 3, col: 2 });
    expect(whole.grid.merges.map(rangeToA1).sort()).toEqual(g.merges.map(rangeToA1).sort());
    expect(whole.fills?.[4][1]).toBe('#FFFF00');
    expect(whole.grid.formulas?.[6][7]).toBe('=H9*2');
  });

  it('merged areas beside the used range are not taken (Office answers merged areas by their top-left)', async () => {
    const g = gridOf([['a', 'b'], ['c', 'd']], { sheet: 'S', at: 'B2', merges: ['B2:C2'] });
    const emu = emuFromGrids([g]);
    emu.sheet('S')!.merges.push({ top: 0, left: 0, bottom: 4, right: 0 }, { top: 9, left: 5, bottom: 9, right: 6 });
    const { whole, bounded } = await readBoth(emu, 'S');
    expect(whole.grid.merges.map(rangeToA1)).toEqual(['B2:C2']);
    expect(bounded).toEqual(whole);
  });
});
