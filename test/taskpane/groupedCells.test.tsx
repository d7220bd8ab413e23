/** @jest-environment jsdom */
import { groupRowFindings, type Finding } from '../../src/core';
import { fakeHost, form, result } from '../fixtures/host';
import { click, mountApp, must, type Mounted } from './render';

/** The 其中 rows not adding up to 年度资金总额, seen in two amount columns: one fault, one finding. */
const breakdown = (cell: string, column: string): Finding => ({
  code: 'FUNDS_BREAKDOWN', severity: 'warning', sheet: '表一', cell,
  params: { column, total: '0', sum: '100000', parts: '100000+0+0', difference: '-100000' },
});

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

it('a finding that names several cells of a row shows them all on its card and selects the first', async () => {
  const findings = groupRowFindings([breakdown('D6', '全年预算数'), breakdown('E6', '全年执行数')]);
  expect(findings).toHaveLength(1);
  const host = fakeHost(result([form({ sheet: '表一', project: '项目', findings })]));
  mounted = await mountApp(host);
  await click(must('validate', mounted.container));
  const select = must('finding-select', mounted.container);
  expect(select.firstElementChild?.textContent).toMatch(/D6、E6$/);
  await click(select);
  expect(host.calls.filter((c) => c.method === 'select').at(-1)?.args).toEqual(['表一', 'D6']);
});
