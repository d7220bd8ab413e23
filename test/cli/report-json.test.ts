import { buildReport, checkWorkbook, type Report } from '../../src/core';
import { reportJsonChunks } from '../../src/cli/reportJson';
import { jsonSafe } from '../../src/cli/terminal';
import { buildForm, sheetOf, standardIndicators, type FormSpec } from '../fixtures/forms';

const spec = (o: Partial<FormSpec> = {}): FormSpec => ({ indicators: standardIndicators(), totalScore: 100, ...o });

/** A report of `n` sheets with one form each, some with findings, some with text a terminal must not act on. */
function reportOf(n: number, file: string): Report {
  const sheets = Array.from({ length: n }, (_, i) => sheetOf([buildForm(spec({
    project: i % 3 === 0 ? `项目 ${i} \u202E反向\u001b[31m "引号" \\ 反斜杠` : `项目 ${i}`,
    totalScore: i % 2 === 0 ? 100 : 97,
  }))], { sheet: `表${i + 1}` }));
  return buildReport(checkWorkbook({ sheets }), file);
}

describe('reportJsonChunks (the --json report, written piece by piece)', () => {
  it.each<[string, number, string]>([
    ['no form', 0, 'empty.xlsx'],
    ['one form', 1, 'one.xlsx'],
    ['many forms', 7, 'many.xlsx'],
    ['a file name with quotes, backslashes, a NUL escape and a line feed', 3, 'a "b" \\ \\u0000 "\u0000"\n\u202Ec.xlsx'],
    ['a file name that is the placeholder line itself', 2, '\n    "\u0000"\n'],
  ])('%s: the pieces join to the whole report, made safe', (_what, n, file) => {
    const report = reportOf(n, file);
    const chunks = [...reportJsonChunks(report)];
    expect(chunks.join('')).toBe(jsonSafe(JSON.stringify(report, null, 2)));
    expect(JSON.parse(chunks.join(''))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(chunks).toHaveLength(n === 0 ? 1 : n + 2);
  });

  it('escapes what a terminal acts on in every piece', () => {
    for (const chunk of reportJsonChunks(reportOf(4, 'x.xlsx'))) {
      // eslint-disable-next-line no-control-regex -- the point
      expect(chunk).not.toMatch(/[\u001b\u202e\u0000]/u);
    }
  });
});
