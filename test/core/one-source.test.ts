import {
  cellTextAsWritten, columnIndex, columnLetters, parseA1, sameCellValue, sortFindings, trimmedCellText, type CellValue, type Finding,
} from '../../src/core';

describe('one source for each helper (issue 7)', () => {
  it('columnIndex decodes what columnLetters writes, any case', () => {
    for (const col of [0, 1, 25, 26, 27, 51, 52, 701, 702, 16383]) expect(columnIndex(columnLetters(col))).toBe(col);
    expect(columnIndex('xfd')).toBe(16383);
    expect(parseA1('$AB$12')).toEqual({ row: 11, col: 27 });
  });

  it.each<[CellValue, CellValue, boolean]>([
    [null, '', true],
    [null, '  ', true],
    ['', null, true],
    [1, 1, true],
    [1, '1', false],
    ['a', 'a ', false],
    [true, 'TRUE', false],
    [{ kind: 'error', code: '#N/A' }, { kind: 'error', code: '#N/A' }, true],
    [{ kind: 'error', code: '#N/A' }, '#N/A', false],
    [{ kind: 'error', code: '#N/A' }, { kind: 'error', code: '#REF!' }, false],
  ])('sameCellValue(%p, %p) is %p', (a, b, same) => {
    expect(sameCellValue(a, b)).toBe(same);
    expect(sameCellValue(b, a)).toBe(same);
  });

  it('the two cell texts say how they differ: as written, or trimmed', () => {
    expect(cellTextAsWritten('  65场 ')).toBe('  65场 ');
    expect(trimmedCellText('  65场 ')).toBe('65场');
    for (const v of [null, true, false, 12.5, { kind: 'error', code: '#DIV/0!' }] as CellValue[]) {
      expect(trimmedCellText(v)).toBe(cellTextAsWritten(v));
    }
    expect([cellTextAsWritten(null), cellTextAsWritten(false), cellTextAsWritten({ kind: 'error', code: '#DIV/0!' })]).toEqual(['', 'FALSE', '#DIV/0!']);
  });

  it('sortFindings: errors, warnings, infos; then row, column (AA after Z); ties as raised', () => {
    const f = (code: Finding['code'], severity: Finding['severity'], cell: string): Finding => ({ code, severity, sheet: 'S', cell, params: {} });
    const fs = [
      f('OVERACHIEVED', 'info', 'A1'), f('NOTE_MISSING', 'warning', 'AA3'), f('NOTE_MISSING', 'warning', 'Z3'),
      f('SCORE_MISMATCH', 'error', 'H13'), f('TOTAL_MISMATCH', 'error', 'H2'), f('WEIGHT_SUM', 'error', 'H2'),
    ];
    expect(sortFindings(fs).map((x) => `${x.code}@${x.cell}`)).toEqual([
      'TOTAL_MISMATCH@H2', 'WEIGHT_SUM@H2', 'SCORE_MISMATCH@H13', 'NOTE_MISSING@Z3', 'NOTE_MISSING@AA3', 'OVERACHIEVED@A1',
    ]);
    expect(fs[0].code).toBe('OVERACHIEVED');
  });
});
