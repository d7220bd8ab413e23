/*
 * 指定表头列 in the real pane (issue 9): the workbench's sample with its 年度指标值 header relabelled in words Ziping
 * does not know. 校验 names the unplaced role; the person selects the header cell in the grid and, from the
 * keyboard, takes it, saves the map (kept in the emulated workbook's settings) and gets scores; then clears it.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Op } from './browser';
import { browserSession } from './session';

const session = browserSession();
const problems: string[] = [];

afterAll(() => {
  expect(problems).toEqual([]);
});

const ops = (page: Page): Promise<Op[]> => page.evaluate(() => JSON.parse(JSON.stringify(window.__ziping?.ops ?? [])) as Op[]);

async function validated(page: Page): Promise<Op> {
  const before = (await ops(page)).filter((o) => o.op === 'validate').length;
  await page.locator('[data-testid="pane"] [data-testid="validate"]').click();
  await page.waitForFunction((n) => (window.__ziping?.ops ?? []).filter((o) => o.op === 'validate').length > n, before);
  const all = (await ops(page)).filter((o) => o.op === 'validate');
  return all[all.length - 1];
}

it('validate → the pane lists the unplaced role → select the header cell → map → validate again gives scores; clear', async () => {
  const page = await session.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/office\.js|appsforoffice|ERR_FAILED/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${session.server.url}/workbench.html`);
  await page.waitForFunction(() => window.__ziping?.ready === true || window.__ziping?.error, undefined, { timeout: 60_000 });
  const pane = page.locator('[data-testid="pane"]');
  const grid = page.locator('[data-testid="grid"]');
  const sheet = (await grid.getAttribute('data-sheet'))!;
  const header = grid.locator('td').filter({ hasText: /^\s*年度\s*指标值\s*$/u }).first();
  const cell = (await header.getAttribute('data-cell'))!;
  await page.evaluate(([s, a1]) => window.__ziping!.setValue(s, a1, '计划达成标准'), [sheet, cell]);
  await pane.locator('[data-testid="scope"]').selectOption('active');

  await validated(page);
  const gap = pane.locator('[data-testid="column-map-gap"]');
  await gap.first().waitFor();
  expect(await gap.first().textContent()).toContain('年度指标值（指标值）');

  // the person selects the header cell in the sheet, then works the pane from the keyboard
  await grid.locator(`td[data-cell="${cell}"]`).click();
  await pane.locator('[data-testid="column-map-role"]').focus();
  expect(await pane.locator('[data-testid="column-map-role"]').inputValue()).toBe('target');
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('column-map-use');
  await page.keyboard.press('Enter');
  await pane.locator('[data-testid="column-map-picks"]').waitFor();
  expect(await pane.locator('[data-testid="column-map-picks"]').textContent()).toContain(`${sheet}!${cell}`);
  await pane.locator('[data-testid="column-map-save"]').focus();
  await page.keyboard.press('Enter');
  await pane.locator('[data-testid="column-map-stored"]').waitFor();
  await gap.first().waitFor({ state: 'detached' });
  const again = (await ops(page)).filter((o) => o.op === 'validate').pop()!;
  expect(again.readSyncs).toBe(1);
  expect(await pane.locator('[data-testid="form-total"]').first().textContent()).toMatch(/总分 \d+(\.\d+)?/u);
  expect(await pane.locator('[data-testid="column-map-stored"]').textContent()).toContain('1 张表');
  expect(await page.evaluate(() => document.querySelector('[data-testid="column-map-note"]')?.textContent)).toContain('列映射已保存');

  // a later 校验 keeps using it
  await validated(page);
  expect(await pane.locator('[data-testid="column-map-gap"]').count()).toBe(0);

  await pane.locator('[data-testid="column-map-clear"]').focus();
  await page.keyboard.press('Enter');
  await gap.first().waitFor();
  expect(await pane.locator('[data-testid="column-map-stored"]').count()).toBe(0);
  await page.screenshot({ path: path.join(session.outDir, 'colmap.png') });
});
