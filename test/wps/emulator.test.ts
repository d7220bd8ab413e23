import { emuFromGrids } from '../../src/workbench/emulator';
import { EtEmulator, EtError } from '../../src/workbench/wps-emulator';
import { CVERR, XL_NONE, XL_SHEET_VERY_HIDDEN } from '../../src/wps/et-like';
import { gridOf } from '../fixtures/grid';

function sheet() {
  const g = gridOf(
    [
      ['标题', null, null],
      [1, 'a', 45000],
      [{ kind: 'error', code: '#DIV/0!' }, true, CVERR['#N/A']],
    ],
    { sheet: '表1', merges: ['A1:C1'], formats: { C2: 'yyyy-mm-dd' } },
  );
  const emu = emuFromGrids([g, gridOf([['x']], { sheet: '表2' })]);
  return { emu, et: new EtEmulator(emu) };
}

const throwsEt = (f: () => unknown, n: number) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EtError);
    expect((e as EtError).number).toBe(n);
    return;
  }
  throw new Error('expected an EtError');
};

describe('ET emulator', () => {
  it('is 1-based, counts every get/set/call, and gives Value2 as a scalar for a cell and a 2-D array for a range', () => {
    const { et } = sheet();
    const ws = et.app.ActiveWorkbook!.Worksheets.Item(1);
    expect(et.calls).toBe(3);
    const used = ws.UsedRange;
    expect([used.Row, used.Column, used.Rows.Count, used.Columns.Count]).toEqual([1, 1, 3, 3]);
    expect(ws.Range('B2').Value2).toBe('a');
    // merged: the value only in the top-left cell; empty cells are undefined; dates are serials; errors CVErr numbers
    expect(used.Value2).toEqual([
      ['标题', undefined, undefined],
      [1, 'a', 45000],
      [CVERR['#DIV/0!'], true, CVERR['#N/A']],
    ]);
    // the Formula text tells an error constant from a number equal to a CVErr code
    expect(ws.Range('A3:C3').Formula).toEqual([['#DIV/0!', 'TRUE', String(CVERR['#N/A'])]]);
    expect(et.calls).toBe(3 + 1 + 6 + 2 + 1 + 2);
    throwsEt(() => et.app.ActiveWorkbook!.Worksheets.Item(3), 9);
  });

  it('answers one value or null for NumberFormat, MergeCells and Interior of several cells, never an array', () => {
    const { et } = sheet();
    const ws = et.app.ActiveSheet!;
    expect(ws.Range('C2').NumberFormat).toBe('yyyy-mm-dd');
    expect(ws.Range('A2:C2').NumberFormat).toBeNull();
    expect(ws.Range('A2:B3').NumberFormat).toBe('General');
    expect(ws.Range('A1:C1').MergeCells).toBe(true);
    expect(ws.Range('A1:A2').MergeCells).toBeNull();
    expect(ws.Range('A2:C3').MergeCells).toBe(false);
    expect(ws.Range('B1').MergeArea.Address()).toBe('$A$1:$C$1');
    expect(ws.Range('A2').Interior.Pattern).toBe(XL_NONE);
    ws.Range('A2').Interior.Color = 0x0000ff;
    expect(ws.Range('A2').Interior.Color).toBe(0x0000ff);
    expect(ws.Range('A2:B2').Interior.Color).toBeNull();
  });

  it('is no kinder than WPS: protected sheets, parts of merged areas, a second comment and Select off the active sheet throw', () => {
    const { emu, et } = sheet();
    const ws = et.app.ActiveSheet!;
    throwsEt(() => { ws.Range('A1:B2').Value2 = [[1, 2], [3, 4]]; }, 1004);
    ws.Range('B2').AddComment('一');
    throwsEt(() => ws.Range('B2').AddComment('二'), 1004);
    expect(ws.Range('B2').Comment!.Text()).toBe('一');
    throwsEt(() => et.app.ActiveWorkbook!.Worksheets.Item('表2').Range('A1').Select(), 1004);
    emu.sheets[0].protected = true;
    throwsEt(() => { ws.Range('B2').Value2 = 'x'; }, 1004);
    expect(ws.Range('B2').Value2).toBe('a');
  });

  it('parses a string written to Value2 as typed, keeps apostrophe text, and Add activates the new sheet', () => {
    const { emu, et } = sheet();
    const ws = et.app.ActiveSheet!;
    ws.Range('B2:B3').Value2 = [['50%'], ["'=1+1"]];
    expect(ws.Range('B2').Value2).toBe(0.5);
    expect(ws.Range('B3').Value2).toBe('=1+1');
    const all = et.app.ActiveWorkbook!.Worksheets;
    const added = all.Add(undefined, all.Item(all.Count));
    expect(emu.activeSheet.name).toBe(added.Name);
    expect(emu.sheets.map((s) => s.name)).toEqual(['表1', '表2', added.Name]);
    added.Visible = XL_SHEET_VERY_HIDDEN;
    throwsEt(() => added.Activate(), 1004);
  });
});
