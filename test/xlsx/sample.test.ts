import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook, type FindingCode, type FormResult } from '../../src/core';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildSampleWorkbook, SAMPLE_FAULTS } from '../bench/sample';
import { changedCells, snapshotOf } from '../fixtures/xlsx';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'sample-2021.xlsx');

describe('assets/sample/sample-2021.xlsx', () => {
  let forms: readonly FormResult[];
  beforeAll(async () => {
    forms = checkWorkbook(await readWorkbookGrid(fs.readFileSync(SAMPLE))).forms;
  });

  it('is what test/bench/make-sample.ts builds (regenerate it after changing the builder)', async () => {
    const built = new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer());
    const a = await snapshotOf(new Uint8Array(fs.readFileSync(SAMPLE)));
    const b = await snapshotOf(built);
    expect(changedCells(a, b)).toEqual([]);
    expect(b.merges).toEqual(a.merges);
  });

  it('holds four forms on three sheets, two stacked on one sheet and one away from A1', () => {
    expect(forms.map((f) => [f.sheet, f.project])).toEqual([
      ['社区养老', '社区养老服务补贴项目'],
      [SAMPLE_FAULTS.stacked.sheet, SAMPLE_FAULTS.stacked.projects[0]],
      [SAMPLE_FAULTS.stacked.sheet, SAMPLE_FAULTS.stacked.projects[1]],
      ['政务平台', '政务服务平台运行维护项目'],
    ]);
    expect(forms[3].range).toBe(SAMPLE_FAULTS.startsOffA1.range);
    for (const f of forms) expect(f.total.weight?.toFixed()).toBe('100');
  });

  const project = (name: string): FormResult => {
    const f = forms.find((x) => x.project === name);
    if (!f) throw new Error(`no form ${name}`);
    return f;
  };
  const codes = (name: string): FindingCode[] => project(name).findings.map((f) => f.code);

  it.each<[string, string, FindingCode]>([
    ['a missing score', SAMPLE_FAULTS.scoreMissing.project, 'SCORE_MISSING'],
    ['a funds breakdown that does not add up', SAMPLE_FAULTS.fundsBreakdown.project, 'FUNDS_BREAKDOWN'],
    ['a missed target without a note', SAMPLE_FAULTS.noteMissing.project, 'NOTE_MISSING'],
    ['an empty 实际完成情况', SAMPLE_FAULTS.goalMissing.project, 'GOAL_MISSING'],
    ['a stated score that does not follow from the rules', SAMPLE_FAULTS.scoreMismatch.project, 'SCORE_MISMATCH'],
  ])('shows %s', (_what, name, code) => {
    expect(codes(name)).toContain(code);
  });

  it('reads a % target against a fraction shown with a 0.00% format', () => {
    const i = project(SAMPLE_FAULTS.percentFormat.project).indicators.find((x) => x.name === SAMPLE_FAULTS.percentFormat.name);
    expect(i?.computedScore?.toFixed()).toBe('9.69');
    expect(i?.statedScore?.toFixed()).toBe('9.69');
  });

  it('shows the whole flow on its first sheet, the one it opens on: an error, and cells that 填写得分 writes', async () => {
    const grid = await readWorkbookGrid(fs.readFileSync(SAMPLE));
    // the workbench opens on the first visible sheet, Excel on the active tab (the first: the workbook names none)
    const first = grid.sheets[0].sheet;
    expect(first).toBe(SAMPLE_FAULTS.firstSheet.sheet);
    expect(grid.sheets[0].hidden ?? false).toBe(false);
    const only = checkWorkbook({ ...grid, sheets: grid.sheets.filter((s) => s.sheet === first) });
    expect(only.forms.map((f) => f.project)).toEqual([SAMPLE_FAULTS.firstSheet.project]);
    const errors = only.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const named = (code: FindingCode) => only.findings.filter((f) => f.code === code).map((f) => f.params.name);
    expect(named('SCORE_MISMATCH')).toContain(SAMPLE_FAULTS.firstSheet.scoreMismatch);
    expect(named('SCORE_MISSING')).toEqual(expect.arrayContaining([SAMPLE_FAULTS.firstSheet.scoreMissing, SAMPLE_FAULTS.firstSheet.noteMissing]));
    expect(named('NOTE_MISSING')).toContain(SAMPLE_FAULTS.firstSheet.noteMissing);
    const plan = only.fillPlan;
    expect(plan.counts.score).toBeGreaterThanOrEqual(2);
    expect(plan.counts.note).toBeGreaterThanOrEqual(1);
    expect(new Set(plan.cells.map((c) => c.sheet))).toEqual(new Set([first]));
  });

  it('has a qualitative indicator left to the person (partial)', () => {
    const i = project(SAMPLE_FAULTS.qualitative.project).indicators.find((x) => x.name === SAMPLE_FAULTS.qualitative.name);
    expect(i).toMatchObject({ kind: 'qualitative', status: 'partial', computedScore: null });
  });
});
