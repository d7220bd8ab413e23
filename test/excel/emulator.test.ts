import { gridOf } from '../fixtures/grid';
import type { EmuWorksheet } from '../../src/workbench/emulator/api';
import { cellAt, createExcelApi, EmuError, emuFromGrids, enter, evaluate, PAYLOAD_LIMIT_BYTES, sheetState } from '../../src/workbench/emulator';

function book() {
  const g = gridOf(
    [
      ['项目', '预算', '执行', '率'],
      ['甲', 100, 80, 0.8],
      ['乙', null, null, null],
    ],
    { sheet: 'S', merges: ['A2:A3', 'B3:C3'], formats: { D2: '0.00%' }, formulas: { D2: '=C2/B2' } },
  );
  return emuFromGrids([g, gridOf([['x']], { sheet: 'T' })], { S: { fills: { A1: '#FFFF00' } } });
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as EmuError).code;
  }
  throw new Error('expected a rejection');
}

describe('emulated Excel API: load/sync discipline', () => {
  it('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:D3');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([['项目', '预算', '执行', '率'], ['甲', 100, 80, 0.8], ['乙', '', '', '']]);
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('writes queue until sync, and loads queued before a write see the old value', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('B2');
      const before = ctx.workbook.worksheets.getItem('S').getRange('B2').load('values');
      r.values = [[200]];
      expect(cellAt(emu, 'S', 'B2').value).toBe(100);
      const after = ctx.workbook.worksheets.getItem('S').getRange('D2').load('values');
      await ctx.sync();
      expect(before.values).toEqual([[100]]);
      expect(cellAt(emu, 'S', 'B2').value).toBe(200);
      expect(after.values).toEqual([[0.4]]);
    });
  });

  it('counts syncs, including the final flush of Excel.run', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    await api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      await ctx.sync();
    });
    expect(emu.syncCount).toBe(2);
    await api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['新']];
    });
    expect(emu.syncCount).toBe(3);
    expect(cellAt(emu, 'S', 'A1').value).toBe('新');
    await api.run(async () => undefined);
    expect(emu.syncCount).toBe(3);
  });

  it('a mismatched 2-D array fails the sync; null entries leave cells alone', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    expect(await code(api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['a']];
      await ctx.sync();
    }))).toBe('InvalidArgument');
    await api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A2:C2').values = [[null, 1, null]];
      await ctx.sync();
    });
    expect([cellAt(emu, 'S', 'A2').value, cellAt(emu, 'S', 'B2').value, cellAt(emu, 'S', 'C2').value]).toEqual(['甲', 1, 80]);
  });

  it('getItem of a missing sheet fails at sync with ItemNotFound; getItemOrNullObject reports isNullObject', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    expect(await code(api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('nope').load('name');
      await ctx.sync();
    }))).toBe('ItemNotFound');
    await api.run(async (ctx) => {
      const w = ctx.workbook.worksheets.getItemOrNullObject('nope');
      const s = ctx.workbook.worksheets.getItemOrNullObject('S');
      expect(() => w.isNullObject).toThrow();
      await ctx.sync();
      expect(w.isNullObject).toBe(true);
      expect(s.isNullObject).toBe(false);
    });
  });

  it('collections load items with paths', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.load('items/name,items/visibility');
      await ctx.sync();
      expect(ws.items.map((w) => [w.name, w.visibility])).toEqual([['S', 'Visible'], ['T', 'Visible']]);
      expect(() => ws.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });
});

describe('emulated Excel API: what Excel does with written values', () => {
  it.each([
    ['=1+2', 3, '=1+2'],
    ['=B2*2', 200, '=B2*2'],
    ['+B2', 100, '=+B2'],
    ['-B2', -100, '=-B2'],
    ['=abc', '#NAME?', '=abc'],
    ['-5', -5, null],
    ['12', 12, null],
    ["'=1+2", '=1+2', null],
    ["'12", '12', null],
    ['说明：=号', '说明：=号', null],
    ['#N/A', '#N/A', null],
    ['2021-05-01', 44317, null],
    ['$1,200.50', 1200.5, null],
    ['¥100', 100, null],
    ['(5)', -5, null],
    ['2021-02-30', '2021-02-30', null],
  ])('values = %j stores %j (formula %j)', async (raw, value, formula) => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('E1').values = [[raw]];
      await ctx.sync();
    });
    expect(cellAt(emu, 'S', 'E1')).toMatchObject({ value, formula });
  });

  it('a text number format keeps `=` text as text', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('E1');
      r.numberFormat = [['@']];
      r.values = [['=1+2']];
      await ctx.sync();
    });
    expect(cellAt(emu, 'S', 'E1')).toMatchObject({ value: '=1+2', formula: null, numberFormat: '@' });
  });

  it('formulas reads formula text and constants; formulas recalculate after writes', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('C2').values = [[50]];
      const r = s.getRange('B2:D2').load('formulas,values');
      await ctx.sync();
      expect(r.formulas).toEqual([[100, 50, '=C2/B2']]);
      expect(r.values).toEqual([[100, 50, 0.5]]);
    });
  });

  it.each([
    ['=ROUNDUP(0.982806,4)', 0.9829],
    ['=ROUND(2.675,2)', 2.68],
    ['=SUM(1,2,3)/0', '#DIV/0!'],
    ['=IF(1,2,3)', undefined],
    ['="a"&"b"', 'ab'],
  ])('evaluate %s → %j', (f, v) => {
    expect(evaluate(f, () => '')).toBe(v);
  });

  it('enter() leaves a leading apostrophe out of the value', () => {
    expect(enter("'+86", 'General')).toMatchObject({ value: '+86', formula: null, quotePrefix: true });
  });
});

describe('emulated Excel API: protected sheets and locked cells', () => {
  it('every cell is locked until unlocked (as in Excel); a protected sheet takes contents only in unlocked cells', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    await api.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const a = s.getRange('A1:B1').format.protection.load('locked');
      s.getRange('B2').format.protection.locked = false;
      const mixed = s.getRange('B2:C2').format.protection.load('locked');
      const b2 = s.getRange('B2').format.protection.load('locked');
      await ctx.sync();
      expect([a.locked, b2.locked, mixed.locked]).toEqual([true, false, null]);
      s.protection.protect();
      await ctx.sync();
    });
    await api.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('B2').values = [[5]]; await ctx.sync(); });
    expect(cellAt(emu, 'S', 'B2').value).toBe(5);
    for (const write of [
      (s: EmuWorksheet) => { s.getRange('B2:C2').values = [[1, 2]]; },
      (s: EmuWorksheet) => { s.getRange('B2').numberFormat = [['0.00']]; },
      (s: EmuWorksheet) => { s.getRange('B2').format.fill.color = '#FF0000'; },
      (s: EmuWorksheet) => { s.getRange('B2').format.protection.locked = true; },
    ]) {
      expect(await code(api.run(async (ctx) => { write(ctx.workbook.worksheets.getItem('S')); await ctx.sync(); }))).toBe('InvalidOperation');
    }
    expect(cellAt(emu, 'S', 'C2').value).toBe(80);
  });

  it('formats change on a protected sheet only when its protection allows formatting cells', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    await api.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.protection.protect({ allowFormatCells: true });
      const p = s.protection.load('options');
      await ctx.sync();
      expect(p.options.allowFormatCells).toBe(true);
      s.getRange('B2').numberFormat = [['0.00']];
      await ctx.sync();
    });
    expect(cellAt(emu, 'S', 'B2').numberFormat).toBe('0.00');
  });
});

describe('emulated Excel API: cell-edit mode', () => {
  it('a sync while a cell is edited fails with InvalidOperationInCellEditMode, unless the run asked delayForCellEdit', async () => {
    const emu = book();
    emu.editCell();
    const api = createExcelApi(emu);
    expect(await code(api.run(async (ctx) => { ctx.workbook.worksheets.load('items/name'); await ctx.sync(); }))).toBe('InvalidOperationInCellEditMode');
    let ran = false;
    const delayed = api.run({ delayForCellEdit: true }, async (ctx) => { ctx.workbook.worksheets.load('items/name'); await ctx.sync(); ran = true; });
    await new Promise((r) => setTimeout(r, 5));
    expect(ran).toBe(false);
    emu.endCellEdit();
    await delayed;
    expect(ran).toBe(true);
  });
});

describe('emulated Excel API: merged areas, fills, protection, requirement sets', () => {
  it('getMergedAreasOrNullObject returns only areas whose top-left is inside the range', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const all = s.getRange('A1:D3').getMergedAreasOrNullObject().load('address,areaCount');
      const tail = s.getRange('A3:D3').getMergedAreasOrNullObject().load('address');
      const none = s.getRange('D1:D3').getMergedAreasOrNullObject().load('address');
      none.areas.load('items/rowIndex');
      const areas = s.getRange('A1:D3').getMergedAreasOrNullObject();
      areas.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
      await ctx.sync();
      expect(all.address).toBe('S!A2:A3, S!B3:C3');
      expect(all.areaCount).toBe(2);
      expect(tail.address).toBe('S!B3:C3');
      expect(none.isNullObject).toBe(true);
      // the reference says nothing of a null object's children: the emulator loads none, so a reader checks isNullObject first
      expect(() => none.areas.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(areas.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount])).toEqual([[1, 0, 2, 1], [2, 1, 1, 2]]);
    });
  });

  it('fails above 512 merged areas', async () => {
    const emu = book();
    const s = emu.sheet('S')!;
    s.merges = Array.from({ length: 513 }, (_, i) => ({ top: 10 + i, left: 0, bottom: 10 + i, right: 1 }));
    expect(await code(createExcelApi(emu).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:D600').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
    }))).toBe('GeneralException');
  });

  it('fill colour: uniform colour, white for no fill, null when mixed; cell properties per cell', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const a = s.getRange('A1').format.fill.load('color,pattern');
      const b = s.getRange('B1').format.fill.load('color,pattern');
      const ab = s.getRange('A1:B1').format.fill.load('color');
      const props = s.getRange('A1:B1').getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await ctx.sync();
      expect([a.color, a.pattern, b.color, b.pattern, ab.color]).toEqual(['#FFFF00', 'Solid', '#FFFFFF', 'None', null]);
      expect(props.value).toEqual([[{ format: { fill: { color: '#FFFF00', pattern: 'Solid' } } }, { format: { fill: { color: '#FFFFFF', pattern: 'None' } } }]]);
    });
  });

  it('a sync whose loaded results exceed payloadLimitBytes rejects and delivers and applies nothing', async () => {
    const emu = book();
    expect(emu.payloadLimitBytes).toBe(PAYLOAD_LIMIT_BYTES);
    const api = createExcelApi(emu);
    // what the loads below weigh: the UTF-8 bytes of each loaded result's JSON
    const weigh = async () => api.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const r = s.getRange('A1:D3').load('values,numberFormat');
      const props = s.getRange('A1:D3').getCellProperties({ format: { fill: { color: true } } });
      await ctx.sync();
      return Buffer.byteLength(JSON.stringify(r.values)) + Buffer.byteLength(JSON.stringify(r.numberFormat)) + Buffer.byteLength(JSON.stringify(props.value));
    });
    const bytes = await weigh();
    emu.payloadLimitBytes = bytes;
    expect(await weigh()).toBe(bytes);
    emu.payloadLimitBytes = bytes - 1;
    let seen: unknown = 'untouched';
    const c = await code(api.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('B2').values = [[999]];
      const r = s.getRange('A1:D3').load('values,numberFormat');
      s.getRange('A1:D3').getCellProperties({ format: { fill: { color: true } } });
      try {
        await ctx.sync();
      } finally {
        try { seen = r.values; } catch (e) { seen = (e as EmuError).code; }
      }
    }));
    expect(c).toBe('ResponsePayloadSizeLimitExceeded');
    expect(seen).toBe('PropertyNotLoaded');
    expect(cellAt(emu, 'S', 'B2').value).toBe(100);
    // the limit is per sync: the same loads in two syncs pass
    await api.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const r = s.getRange('A1:D3').load('values,numberFormat');
      await ctx.sync();
      const props = s.getRange('A1:D3').getCellProperties({ format: { fill: { color: true } } });
      await ctx.sync();
      expect(r.values[1][1]).toBe(100);
      expect(props.value).toHaveLength(3);
    });
  });

  it.each(['RangeExceedsLimit', 'null'] as const)('a values load above 5 000 000 cells: %s', async (answer) => {
    const emu = book();
    expect(emu.readCellLimit).toBe(5_000_000);
    emu.oversizedRead = answer;
    const run = createExcelApi(emu).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 5000, 1001).load('values');
      const ok = ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 5000, 1000).load('rowCount');
      await ctx.sync();
      expect(ok.rowCount).toBe(5000);
      return r.values;
    });
    if (answer === 'null') expect(await run).toBeNull();
    else expect(await code(run)).toBe('RangeExceedsLimit');
  });

  it('a sync whose written data passes payloadLimitBytes rejects with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const emu = book();
    emu.payloadLimitBytes = 1000;
    const c = await code(createExcelApi(emu).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['changed']];
      ctx.workbook.settings.add('k', 'x'.repeat(1000));
      await ctx.sync();
    }));
    expect(c).toBe('RequestPayloadSizeLimitExceeded');
    expect(cellAt(emu, 'S', 'A1').value).toBe('项目');
    expect(emu.settings.has('k')).toBe(false);
  });

  it('a write to a protected sheet fails the sync with InvalidOperation; what precedes it stays applied', async () => {
    const emu = emuFromGrids([gridOf([['a', 1]], { sheet: 'P' }), gridOf([['b']], { sheet: 'Q' })], { P: { protected: true } });
    const c = await code(createExcelApi(emu).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Q').getRange('A1').values = [['changed']];
      ctx.workbook.settings.add('k', { v: 1 });
      ctx.workbook.worksheets.getItem('P').getRange('B1').values = [[2]];
      await ctx.sync();
    }));
    expect(c).toBe('InvalidOperation');
    expect(cellAt(emu, 'Q', 'A1').value).toBe('changed');
    expect(cellAt(emu, 'P', 'B1').value).toBe(1);
    expect(emu.settings.has('k')).toBe(true);
  });

  it('other failures are not transactional: operations before the failing one stay applied', async () => {
    const emu = book();
    const c = await code(createExcelApi(emu).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['changed']];
      ctx.workbook.worksheets.getItem('gone').getRange('A1').values = [['x']];
      await ctx.sync();
    }));
    expect(c).toBe('ItemNotFound');
    expect(cellAt(emu, 'S', 'A1').value).toBe('changed');
  });

  it('failNextSyncWith rejects one sync with the code and applies nothing', async () => {
    const emu = book();
    emu.failNextSyncWith('InvalidOperationInCellEditMode');
    const api = createExcelApi(emu);
    expect(await code(api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
      await ctx.sync();
    }))).toBe('InvalidOperationInCellEditMode');
    expect(cellAt(emu, 'S', 'A1').value).toBe('项目');
    await api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    expect(cellAt(emu, 'S', 'A1').value).toBe('x');
  });

  it('requirement sets: ExcelApi 1.12 lacks merged areas (1.13) and notes (1.18), keeps comments (1.10)', async () => {
    const emu = book();
    emu.requirements = { ExcelApi: '1.12' };
    expect(emu.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(emu.isSetSupported('ExcelApi', '1.9')).toBe(true);
    const api = createExcelApi(emu);
    expect(await code(api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:D3').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
    }))).toBe('ApiNotFound');
    // as Excel's: the message names neither the API nor the requirement set; debugInfo says where
    const e = await api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').getMergedAreasOrNullObject();
      await ctx.sync();
    }).catch((x: EmuError) => x);
    expect((e as EmuError).message).toBe('The API you are trying to use could not be found. It may be available in a newer version of Excel.');
    expect((e as EmuError).debugInfo.errorLocation).toBe('Range.getMergedAreasOrNullObject');
    expect(await code(api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').notes.add('A1', 'x');
      await ctx.sync();
    }))).toBe('ApiNotFound');
    await api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').comments.add('S!A1', '批注');
      await ctx.sync();
    });
    expect(sheetState(emu, 'S').comments).toEqual({ A1: '批注' });
  });

  it('comments.add: a string address must name the sheet (Office reference); a Range works; NotImplemented without threaded comments', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    expect(await code(api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').comments.add('B2', 'x');
      await ctx.sync();
    }))).toBe('InvalidArgument');
    await api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.comments.add(ws.getRange('B2'), 'x');
      await ctx.sync();
    });
    expect(sheetState(emu, 'S').comments).toEqual({ B2: 'x' });
    emu.threadedComments = false;
    expect(await code(api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.comments.add(ws.getRange('C2'), 'y');
      await ctx.sync();
    }))).toBe('NotImplemented');
  });

  it('notes: add, find by cell, delete; one note per cell', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    await api.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem('S').notes;
      notes.add('B2', '说明');
      await ctx.sync();
      const n = notes.getItemOrNullObject('B2').load('content');
      const m = notes.getItemOrNullObject('C2').load('content');
      await ctx.sync();
      expect(n.content).toBe('说明');
      expect(m.isNullObject).toBe(true);
      notes.add('B2', 'again');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      n.delete();
      await ctx.sync();
    });
    expect(sheetState(emu, 'S').notes).toEqual({});
  });

  it('settings: add overwrites; all settings together stay within 2 MB (UTF-8), else InvalidArgument', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    expect(emu.settingsLimitBytes).toBe(2 * 1024 * 1024);
    emu.settingsLimitBytes = 40;
    await api.run(async (ctx) => {
      ctx.workbook.settings.add('k', '绩效'.repeat(3));
      ctx.workbook.settings.add('k', '绩效'.repeat(5));
      await ctx.sync();
    });
    expect(JSON.parse(emu.settings.get('k')!)).toBe('绩效'.repeat(5));
    expect(await code(api.run(async (ctx) => {
      ctx.workbook.settings.add('k2', '绩效');
      await ctx.sync();
    }))).toBe('InvalidArgument');
    expect(emu.settings.has('k2')).toBe(false);
  });

  it('settings keep JSON values across runs; activate and select move the selection', async () => {
    const emu = book();
    const api = createExcelApi(emu);
    await api.run(async (ctx) => {
      ctx.workbook.settings.add('ziping.test', { a: [1, 'x'] });
      ctx.workbook.worksheets.getItem('T').getRange('A1').select();
      await ctx.sync();
    });
    await api.run(async (ctx) => {
      const s = ctx.workbook.settings.getItemOrNullObject('ziping.test').load('value');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect(s.value).toEqual({ a: [1, 'x'] });
      expect(active.name).toBe('T');
    });
  });

  it('a range\'s worksheet (made by the request context) loads as its sheet, and only after sync', async () => {
    const emu = book();
    await createExcelApi(emu).run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('T').getRange('A1');
      r.load('address, worksheet/name');
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.toJSON()).toMatchObject({ address: 'T!A1' });
      const ws = r.worksheet.load('name');
      await ctx.sync();
      expect(ws.toJSON()).toEqual({ name: 'T' });
    });
  });
});
