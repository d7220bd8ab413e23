import { checkWorkbook, type Finding } from '../../src/core';
import { compareWithDeclaredFile, readDeclaredFile, withDeclaredFile } from '../../src/workbench/declared';
import { declarationForm, declaredFrom } from '../fixtures/declarations';
import { buildForm, standardIndicators } from '../fixtures/forms';
import { sheetGrid } from '../fixtures/grid';
import { fakeHost } from '../fixtures/host';
import { xlsxBytes } from '../fixtures/xlsx';

const selfGrid = () => sheetGrid('自评表', [{ lit: buildForm({ indicators: standardIndicators(), totalScore: 100 }) }]);
/** The declaration of the standard self-evaluation with indicator 1's target changed to ≥500人次. */
const changedDeclaration = () =>
  declarationForm({ project: '测试项目', indicators: declaredFrom(standardIndicators()).map((d, i) => (i === 1 ? { ...d, target: '≥500人次' } : d)) });
const compareCodes = (fs: readonly Finding[]) => fs.map((f) => f.code).filter((c) => /TARGET_CHANGED|DECLARED|NOT_DECLARED/u.test(c));

describe('the declaration file picked in the workbench', () => {
  it('reads the declarations of a second workbook', async () => {
    const d = await readDeclaredFile('申报.xlsx', await xlsxBytes([{ grid: sheetGrid('申报表', [{ lit: changedDeclaration() }]) }]));
    expect(d.forms.map((f) => [f.kind, f.sheet])).toEqual([['declaration', '申报表']]);
  });

  it('refuses, in Chinese, a file without a declaration and a file that is no workbook', async () => {
    await expect(readDeclaredFile('自评.xlsx', await xlsxBytes([{ grid: selfGrid() }]))).rejects.toThrow(/自评\.xlsx 中没有找到绩效目标申报表/u);
    await expect(readDeclaredFile('坏.xlsx', new TextEncoder().encode('not a zip'))).rejects.toThrow(/^无法读取 坏\.xlsx：/u);
  });

  it('validate and fill through the wrapped host carry TARGET_CHANGED; nothing without a picked file', async () => {
    const self = checkWorkbook({ sheets: [selfGrid()] });
    const declared = await readDeclaredFile('申报.xlsx', await xlsxBytes([{ grid: sheetGrid('申报表', [{ lit: changedDeclaration() }]) }]));
    let current: typeof declared | null = null;
    const inner = fakeHost(self);
    const host = compareWithDeclaredFile(inner, () => current);
    const request = { allSheets: true, options: {}, mark: true, lang: 'zh-CN' as const };
    expect(compareCodes((await host.validate(request)).result.findings)).toEqual([]);
    current = declared;
    const v = await host.validate(request);
    expect(compareCodes(v.result.findings)).toEqual(['TARGET_CHANGED']);
    expect(v.result.fillPlan).toEqual(self.fillPlan);
    expect(v.result.forms[0].total).toEqual(self.forms[0].total);
    const f = await host.fill({ ...request, expected: self.fillPlan });
    expect(compareCodes(f.result.findings)).toEqual(['TARGET_CHANGED']);
    await host.select('自评表', 'A1');
    expect(inner.calls.map((c) => c.method)).toEqual(['validate', 'validate', 'fill', 'select']);
  });

  it('keeps a finding once when the workbook\'s own declaration already gave it', async () => {
    const both = checkWorkbook({ sheets: [selfGrid(), sheetGrid('申报表', [{ lit: changedDeclaration() }])] }, { compareDeclarations: true });
    expect(compareCodes(both.findings)).toEqual(['TARGET_CHANGED']);
    const declared = await readDeclaredFile('申报.xlsx', await xlsxBytes([{ grid: sheetGrid('申报表', [{ lit: changedDeclaration() }]) }]));
    expect(compareCodes(withDeclaredFile(both, declared).findings)).toEqual(['TARGET_CHANGED']);
  });
});

describe('the workbench host with a picked declaration', () => {
  it('keeps every optional member of the host it wraps (the pane offers the column map and the summary sheet by them)', async () => {
    const calls: string[] = [];
    const host = {
      ...fakeHost(checkWorkbook({ sheets: [selfGrid()] })),
      selectedCell: async () => { calls.push('selectedCell'); return { sheet: '自评表', address: 'E12' }; },
      writeColumnMap: async () => { calls.push('writeColumnMap'); },
    };
    const wrapped = compareWithDeclaredFile(host, () => null);
    expect(await wrapped.selectedCell!()).toEqual({ sheet: '自评表', address: 'E12' });
    await wrapped.writeColumnMap!(null);
    expect(calls).toEqual(['selectedCell', 'writeColumnMap']);
    const bare = compareWithDeclaredFile(fakeHost(checkWorkbook({ sheets: [selfGrid()] })), () => null);
    expect(bare.selectedCell).toBeUndefined();
  });
});
