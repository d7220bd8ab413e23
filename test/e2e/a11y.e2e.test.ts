/*
 * Accessibility of the workbench and the task pane in Chromium, with axe-core (@axe-core/playwright): no serious or
 * critical violation at 1366×768 and at a 350 px viewport, at start, after 校验 over all sheets, and with the fill
 * dialog open. Then a keyboard-only run: validate, open a finding, fill, undo, without the mouse.
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './browser';
import { e2eDist } from './build';
import { serve, type StaticServer } from './server';


let outDir = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  outDir = e2eDist();
  server = await serve(outDir, null);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWorkbench(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  await context.route((url) => !url.href.startsWith(server.url), (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${server.url}/workbench.html`);
  await page.waitForFunction(() => window.__ziping?.ready === true || window.__ziping?.error, undefined, { timeout: 60_000 });
  return page;
}

/** Serious and critical axe violations, as `rule: target …` lines. */
async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

const pane = (page: Page) => page.locator('[data-testid="pane"]');

async function validateAll(page: Page): Promise<void> {
  await pane(page).locator('[data-testid="scope"]').selectOption('all');
  await pane(page).locator('[data-testid="validate"]').click();
  await pane(page).locator('[data-testid="form-summary"]').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'));
}

describe.each([
  ['1366×768', 1366, 768],
  ['350 px', 350, 700],
])('axe at %s', (_label, width, height) => {
  it('no serious or critical violation at start, after 校验 over all sheets, and with the fill dialog open', async () => {
    const page = await openWorkbench(width, height);
    const found: Record<string, string[]> = {};
    found.start = await serious(page);
    if (width < 720) {
      // narrow: the grid stacks above the pane, which takes the whole width instead of being clipped
      const grid = (await page.locator('[data-testid="grid"]').boundingBox())!;
      const side = (await pane(page).boundingBox())!;
      expect(grid.y + grid.height).toBeLessThanOrEqual(side.y + 1);
      expect(side.width).toBeGreaterThan(width - 30);
    }
    await validateAll(page);
    found.validated = await serious(page);
    // nothing in the pane (long names, huge numbers) makes it wider than the window
    expect(await pane(page).evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await pane(page).locator('[data-testid="fill"]').click();
    await page.locator('[data-testid="fill-dialog"]').waitFor();
    found.fillDialog = await serious(page);
    expect(found).toEqual({ start: [], validated: [], fillDialog: [] });
    await page.context().close();
  });
});

describe('keyboard only', () => {
  /** Tabs (at most `max` times) until the focused element matches `selector`. */
  async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('validate, open a finding, fill, undo: without the mouse', async () => {
    const page = await openWorkbench(1366, 768);
    // every sheet: the scope select changed with the arrow keys
    await tabTo(page, '[data-testid="pane"] [data-testid="scope"]');
    await page.keyboard.press('ArrowDown');
    expect(await pane(page).locator('[data-testid="scope"]').inputValue()).toBe('all');
    await tabTo(page, '[data-testid="pane"] [data-testid="validate"]');
    await page.keyboard.press('Enter');
    await pane(page).locator('[data-testid="form-summary"]').first().waitFor({ timeout: 60_000 });
    await tabTo(page, '[data-testid="pane"] [data-testid="finding-select"]');
    const cell = await page.evaluate(() => (document.activeElement?.closest('[data-testid="finding"]') as HTMLElement | null)?.dataset.cell ?? '');
    await page.keyboard.press('Enter');
    if (/^[A-Z]+\d+$/.test(cell)) await page.locator(`[data-testid="grid"] td[data-cell="${cell}"][data-selected="true"]`).waitFor({ timeout: 10_000 });
    await tabTo(page, '[data-testid="pane"] [data-testid="fill"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="fill-dialog"]').waitFor();
    await tabTo(page, '[data-testid="fill-confirm"]', 20);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="status"]', { hasText: /已写入 \d+ 个单元格/ }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="download"]').waitFor();
    await tabTo(page, '[data-testid="pane"] [data-testid="undo"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="status"]', { hasText: /已恢复 \d+ 个单元格/ }).waitFor({ timeout: 30_000 });
    // the workbook is as it was: nothing to download any more
    await page.locator('[data-testid="download"]').waitFor({ state: 'detached' });
    await page.context().close();
  });
});
