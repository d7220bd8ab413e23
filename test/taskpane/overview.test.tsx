/** @jest-environment jsdom */
import type { Finding } from '../../src/core';
import type { Table } from '../../src/report';
import { fakeHost, form, result } from '../fixtures/host';
import { $, $$, click, mountApp, must, text, type Mounted } from './render';

const f = (code: Finding['code'], severity: Finding['severity'], sheet: string, cell: string): Finding => ({ code, severity, sheet, cell, params: {} });

function twoForms() {
  return result([
    form({ sheet: '甲', project: '甲项目', stated: '90', computed: '90', findings: [f('NOTE_MISSING', 'warning', '甲', 'I9'), f('VALUE_FROM_TEXT', 'info', '甲', 'F9')] }),
    form({ sheet: '乙', project: '<b>乙项目</b>', stated: '98', computed: '96.5', findings: [f('SCORE_MISMATCH', 'error', '乙', 'H14'), f('TOTAL_MISMATCH', 'error', '乙', 'H12')] }),
  ]);
}

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.replaceChildren();
});

describe('the overview (全部工作表)', () => {
  it('is there for all sheets only, with a row and a bar pair per form, sheet text as text', async () => {
    mounted = await mountApp(fakeHost(twoForms()), { allSheets: false });
    await click(must('validate'));
    expect($('overview')).toBeNull();
    mounted.unmount();
    mounted = await mountApp(fakeHost(twoForms()), { allSheets: true });
    await click(must('validate'));
    const rows = $$('overview-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map(text).filter((x) => x !== ''))).toEqual([
      ['甲项目', '90.00', '90.00', '优', '0/1/1'],
      ['<b>乙项目</b>', '98.00', '96.50', '优', '2/0/0'],
    ]);
    expect(must('overview').querySelector('b')).toBeNull();
    expect($$('overview-bar')).toHaveLength(2);
    expect(must('overview-bar').getAttribute('aria-label')).toBe('表内总分 90.00，计算总分 90.00');
  });

  it('jumps to the first error (topmost of the first form with errors) and counts what the filter hides', async () => {
    const host = fakeHost(twoForms());
    mounted = await mountApp(host, { allSheets: true });
    await click(must('validate'));
    await click(must('jump-first-error'));
    expect(host.calls.filter((c) => c.method === 'select').map((c) => c.args)).toEqual([['乙', 'H12']]);
    expect($('hidden-count')).toBeNull();
    await click(must('filter-error'));
    await click(must('filter-info'));
    expect(text(must('hidden-count'))).toBe('当前筛选隐藏了 3 条问题');
  });

  it('offers 写入汇总表 when the host can, with the 汇总 table of this workbook (no 文件 column), then offers undo', async () => {
    const host = fakeHost(twoForms());
    mounted = await mountApp(host, { allSheets: true });
    await click(must('validate'));
    expect($('write-summary')).toBeNull();
    mounted.unmount();
    const tables: Table[] = [];
    const writer = Object.assign(fakeHost(twoForms()), {
      async writeSummary(t: Table) {
        tables.push(t);
        writer.undoAvailable = true;
        return { rows: t.rows.length, added: true };
      },
    });
    mounted = await mountApp(writer, { allSheets: true });
    await click(must('validate'));
    await click(must('write-summary'));
    expect(tables).toHaveLength(1);
    expect(tables[0].columns.map((c) => c.header).slice(0, 3)).toEqual(['工作表', '项目名称', '主管部门']);
    expect(tables[0].rows.map((r) => r[1])).toEqual(['甲项目', '<b>乙项目</b>']);
    expect(tables[0].marked).toEqual([false, true]);
    expect(text(must('status'))).toMatch(/^已新建工作表“绩效自评汇总”（2 张表）/);
    expect((must('undo') as HTMLButtonElement).disabled).toBe(false);
  });
});
