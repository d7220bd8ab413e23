/** @jest-environment jsdom */
import type { Finding } from '../../src/core';
import { strings } from '../../src/app';
import { fakeHost, form, indicator, result } from '../fixtures/host';
import { $$, click, mountApp, must, type Mounted } from './render';

const RLO = '\u202e';
const PDF = '\u202c';

const mismatch = (name: string, sheet: string): Finding => ({
  code: 'SCORE_MISMATCH', severity: 'error', sheet, cell: 'H13',
  params: { name, stated: '0', computed: '20', actual: `${RLO}65`, target: '>=65场', kind: 'atLeast', status: 'achieved', weight: '20' },
});

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function validated(sheet: string, project: string, extra: Finding[] = []): Promise<HTMLElement> {
  const findings = [mismatch(`${RLO}abc`, sheet)];
  const r = result([form({ sheet, project, findings, indicators: [indicator({ cell: 'D13', name: `${RLO}abc`, actual: `${RLO}65` })] })], undefined, extra);
  mounted = await mountApp(fakeHost(r));
  await click(must('validate', mounted.container));
  return mounted.container;
}

describe('sheet text in the pane is isolated', () => {
  it('a finding’s message shows the indicator name in a <bdi>, its override closed inside it; the rest is plain text', async () => {
    const c = await validated('表一', '项目');
    const message = must('finding-select', c).lastElementChild!;
    const bdi = message.querySelectorAll('bdi');
    // the name and the actual value, both with an override
    expect([...bdi].map((b) => b.textContent)).toEqual([`${RLO}abc${PDF}`, `${RLO}65${PDF}`]);
    expect(bdi[0].nextSibling?.textContent).toMatch(/^”得分 0 与计算值 20 不符/);
    // no isolate characters are left in the DOM: the element isolates
    expect(message.textContent).not.toMatch(/[\u2066-\u2069]/);
  });

  it('details show the cell texts in <bdi>, as text', async () => {
    const c = await validated('表一', '项目');
    await click(must('finding-toggle', c));
    const values = [...must('finding-details', c).querySelectorAll('dd')];
    const actual = values.find((dd) => dd.textContent?.includes(RLO))!;
    expect(actual.firstElementChild?.tagName).toBe('BDI');
    expect(actual.textContent).toBe(`${RLO}65${PDF}`);
  });

  it('the project heading is a <bdi> with the whole name as its title; a sheet name with an override is isolated in headings', async () => {
    const long = '很长的项目名称'.repeat(40);
    const sheet = `${RLO}表`;
    const c = await validated(sheet, long, [{ code: 'NO_FORM', severity: 'info', sheet: `${RLO}空`, cell: '', params: { sheet: `${RLO}空`, looked: '' } }]);
    const heading = must('form-project', c);
    expect(heading.getAttribute('title')).toBe(long);
    expect(heading.querySelector('bdi')?.textContent).toBe(long);
    const other = [...c.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('工作表“'))!;
    expect(other.querySelector('bdi')?.textContent).toBe(`${RLO}空${PDF}`);
    expect($$('finding', c).length).toBeGreaterThan(1);
  });
});

describe('en-US plural rules in the pane’s strings', () => {
  const en = strings('en-US');
  it.each([
    [en.overview.title(1), 'Overview (1 form)'],
    [en.overview.title(3), 'Overview (3 forms)'],
    [en.overview.hidden(1), 'The current filter hides 1 finding'],
    [en.overview.hidden(2), 'The current filter hides 2 findings'],
    [en.declarationForm(1), 'Performance-target declaration: 1 indicator, not scored'],
    [en.hiddenFindings(1), '1 finding hidden'],
    [en.overwriteConsent(1), 'I confirm overwriting this score'],
    [en.overwriteConsent(2), 'I confirm overwriting these 2 scores'],
    [en.columnMap.inUse(1), 'This workbook keeps a column map (1 form); checks and fills use it.'],
  ])('%s', (got, want) => {
    expect(got).toBe(want);
  });
});
