/*
 * The workbench's 对照申报表: a self-evaluation opened in the workbench, a second .xlsx holding its declaration
 * picked beside it, and 校验 shows the changed target. Both workbooks are drawn in test code and written with exceljs.
 */
import type { Page } from 'playwright-core';
import { declarationForm, declaredFrom } from '../fixtures/declarations';
import { buildForm, standardIndicators } from '../fixtures/forms';
import { sheetGrid } from '../fixtures/grid';
import { xlsxBytes } from '../fixtures/xlsx';
import type { Op } from './browser';
import { browserSession } from './session';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const session = browserSession();
const problems: string[] = [];

const ops = (page: Page): Promise<Op[]> => page.evaluate(() => JSON.parse(JSON.stringify(window.__ziping?.ops ?? [])) as Op[]);

async function validate(page: Page): Promise<void> {
  const pane = page.locator('[data-testid="pane"]');
  await pane.locator('[data-testid="scope"]').selectOption('all');
  const before = (await ops(page)).filter((o) => o.op === 'validate').length;
  await pane.locator('[data-testid="validate"]').click();
  await page.waitForFunction((n) => (window.__ziping?.ops ?? []).filter((o) => o.op === 'validate').length > n, before);
  await pane.locator('[data-testid="form-summary"]').first().waitFor();
}

describe('workbench: a declaration picked from a second file', () => {
  it('校验 shows TARGET_CHANGED at the evaluated target once the declaration is picked, and not before', async () => {
    const self = await xlsxBytes([{ grid: sheetGrid('自评表', [{ lit: buildForm({ indicators: standardIndicators(), totalScore: 100 }) }]) }]);
    const declared = declaredFrom(standardIndicators()).map((d, i) => (i === 1 ? { ...d, target: '≥500人次' } : d));
    const decl = await xlsxBytes([{ grid: sheetGrid('申报表', [{ lit: declarationForm({ project: '测试项目', indicators: declared }) }]) }]);

    const page = await session.context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${session.server.url}/workbench.html`);
    await page.waitForFunction(() => window.__ziping?.ready === true || window.__ziping?.error);
    await page.locator('[data-testid="file-input"]').setInputFiles({ name: '自评.xlsx', mimeType: XLSX, buffer: Buffer.from(self) });
    await page.waitForFunction(() => window.__ziping?.ready === true && window.__ziping.session?.name === '自评.xlsx');

    await validate(page);
    const changed = page.locator('[data-testid="pane"] [data-testid="finding"][data-code="TARGET_CHANGED"]');
    expect(await changed.count()).toBe(0);

    await page.locator('[data-testid="declared-input"]').setInputFiles({ name: '申报.xlsx', mimeType: XLSX, buffer: Buffer.from(decl) });
    await page.locator('[data-testid="declared-name"]', { hasText: '申报.xlsx（1 张申报表' }).waitFor();
    await validate(page);
    await changed.first().waitFor();
    expect(await changed.count()).toBe(1);
    expect(await changed.first().textContent()).toContain('≥500人次');

    await page.locator('[data-testid="declared-input"]').setInputFiles({ name: '自评2.xlsx', mimeType: XLSX, buffer: Buffer.from(self) });
    await page.locator('[data-testid="declared-error"]', { hasText: '自评2.xlsx 中没有找到绩效目标申报表' }).waitFor();
    await validate(page);
    await changed.first().waitFor({ state: 'detached' });
    expect(await changed.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
