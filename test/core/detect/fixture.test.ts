import { GridView } from '../../../src/core/grid';
import { detectForms } from '../../../src/core/detect';
import type { FormLayout } from '../../../src/core/detect/types';
import { SEED_XLSX as FIXTURE, SEED_PRESENT as fixtureAvailable } from '../../helpers/shared';
import { summary } from '../../fixtures/layout';
import { gridsFromXlsx } from '../../fixtures/xlsx';

const describeFixture = fixtureAvailable ? describe : describe.skip;
if (!fixtureAvailable) {
  console.warn(`skipping the sheitc-2021 fixture tests: ${FIXTURE} is absent (it lives in ../shared, not in the repo)`);
}

describeFixture('detectForms on ../shared/fixtures/sheitc-2021.xlsx', () => {
  let bySheet: Map<string, FormLayout[]>;
  beforeAll(async () => {
    const sheets = await gridsFromXlsx(FIXTURE);
    bySheet = new Map(sheets.map((g) => [g.sheet, detectForms(new GridView(g))]));
  });

  it('finds one form on each of the five sheets', () => {
    expect([...bySheet.keys()]).toEqual(['超算服务', '综合部门', '产业转型', '信息化发展', '法人认证']);
    for (const forms of bySheet.values()) expect(forms).toHaveLength(1);
  });

  it.each([
    ['超算服务', 5, 'A1:I18', 18],
    ['综合部门', 16, 'A1:I29', 29],
    ['产业转型', 11, 'A1:I24', 24],
    ['信息化发展', 7, 'A1:I20', 20],
    ['法人认证', 23, 'A1:I36', 36],
  ])('%s: %i indicators from row 13, range %s, 总分 on row %i', (sheet, count, range, totalRow) => {
    const s = summary(bySheet.get(sheet)![0]);
    expect(s.indicators).toEqual(Array.from({ length: count }, (_, i) => 13 + i));
    expect(s.range).toBe(range);
    expect(s.total).toEqual({ row: totalRow, label: `A${totalRow}`, weight: `G${totalRow}`, score: `H${totalRow}` });
    expect(s.missing).toEqual([]);
  });

  it('reads the whole layout of 综合部门', () => {
    expect(summary(bySheet.get('综合部门')![0])).toEqual({
      sheet: '综合部门',
      range: 'A1:I29',
      title: 'A1',
      year: '2021',
      project: 'B3',
      department: 'B4',
      implementer: 'G4',
      funds: {
        headerRow: 5,
        columns: { initialBudget: 'C', budget: 'D', executed: 'E', weight: 'F', rate: 'G', score: 'H' },
        rows: { total: 6, current: 7, carryover: 8, other: 9 },
        unit: '元',
      },
      goal: { target: 'B11', actual: 'F11' },
      indicatorHeaderRow: 12,
      columns: { level1: 'B', level2: 'C', level3: 'D', target: 'E', actual: 'F', weight: 'G', score: 'H', note: 'I' },
      missing: [],
      indicators: Array.from({ length: 16 }, (_, i) => 13 + i),
      total: { row: 29, label: 'A29', weight: 'G29', score: 'H29' },
    });
  });
});
