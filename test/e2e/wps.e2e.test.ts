/*
 * The real task pane in the workbench with ?host=wps: the WPS host over the emulated WPS 表格 object model. Every
 * operation's object-model calls are counted (the ET emulator counts each property get/set and method call) and
 * written to test-results/wps-calls.json, the figures README states beside the Excel syncs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Op } from './browser';
import { browserSession } from './session';

const REPO = path.resolve(__dirname, '../..');
const SHARED_FIXTURES = path.resolve(REPO, '../shared/fixtures');
const HAVE_SEED = fs.existsSync(path.join(SHARED_FIXTURES, 'sheitc-2021.xlsx'));
const RESULTS = path.join(REPO, 'test-results');

const session = browserSession({ fixtures: HAVE_SEED ? SHARED_FIXTURES : null });
const problems: string[] = [];
const calls: Record<string, number | undefined> = {};

beforeAll(() => {
  fs.mkdirSync(RESULTS, { recursive: true });
});

afterAll(() => {
  if (Object.keys(calls).length) fs.writeFileSync(path.join(RESULTS, 'wps-calls.json'), `${JSON.stringify(calls, null, 2)}\n`);
  expect(problems).toEqual([]);
});

async function open(query: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_FAILED/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  await page.goto(`${session.server.url}/workbench.html${query}`);
  await page.waitForFunction(() => window.__ziping?.ready === true || window.__ziping?.error, undefined, { timeout: 60_000 });
  const error = await page.evaluate(() => window.__ziping?.error ?? null);
  if (error) throw new Error(`workbench could not open the workbook: ${error}`);
  expect(await page.locator('[data-testid="workbench-title"]').textContent()).toContain('WPS');
  return page;
}

const pane = (page: Page) => page.locator('[data-testid="pane"]');
const ops = (page: Page): Promise<Op[]> => page.evaluate(() => JSON.parse(JSON.stringify(window.__ziping?.ops ?? [])) as Op[]);
async function lastOp(page: Page, name: string): Promise<Op> {
  const all = (await ops(page)).filter((o) => o.op === name);
  if (!all.length) throw new Error(`no ${name} operation recorded`);
  return all[all.length - 1];
}

async function expectText(page: Page, testid: string, re: RegExp) {
  const loc = pane(page).locator(`[data-testid="${testid}"]`).first();
  await loc.waitFor();
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await loc.textContent()) ?? '').trim();
    if (re.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${re} but the text is "${last}"`);
}

async function validate(page: Page, scope: 'all' | 'active'): Promise<Op> {
  await pane(page).locator('[data-testid="scope"]').selectOption(scope);
  const before = (await ops(page)).filter((o) => o.op === 'validate').length;
  await pane(page).locator('[data-testid="validate"]').click();
  await page.waitForFunction((n) => (window.__ziping?.ops ?? []).filter((o) => o.op === 'validate').length > n, before, { timeout: 60_000 });
  await pane(page).locator('[data-testid="form-summary"]').first().waitFor();
  const op = await lastOp(page, 'validate');
  expect(op.ok).toBe(true);
  expect(op.syncs).toBeGreaterThan(0);
  expect(op.readSyncs!).toBeLessThanOrEqual(op.syncs);
  return op;
}

async function gridText(page: Page, sheet: string, a1: string): Promise<string> {
  const tab = page.locator('[data-testid="sheet-tab"]', { hasText: sheet });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.locator(`[data-testid="grid"][data-sheet="${sheet}"]`).waitFor();
  return (await page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`).textContent()) ?? '';
}

async function missingScores(page: Page): Promise<{ sheet: string; cell: string }[]> {
  return pane(page)
    .locator('[data-testid="finding"][data-code="SCORE_MISSING"]')
    .evaluateAll((els) => els.map((e) => ({ sheet: (e.closest('[data-testid="form"]') as HTMLElement).dataset.sheet!, cell: (e as HTMLElement).dataset.cell! })));
}

/** 校验 (active, all), 填写得分, 撤销填写 and the conflict check on one workbook; `blanks` are emptied first. */
function scenario(label: string, query: string, blanks: { sheet: string; cell: string }[], expectForms: number) {
  describe(`${label} with ?host=wps`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(query);
      await page.evaluate((list) => list.forEach((b) => window.__ziping!.setValue(b.sheet, b.cell, '')), blanks);
    });
    afterAll(() => page?.close());

    it('校验 of the active sheet and of all sheets, counting object-model calls', async () => {
      const active = await validate(page, 'active');
      calls[`${label}: 校验 active sheet (read)`] = active.readSyncs;
      calls[`${label}: 校验 active sheet (all, marks included)`] = active.syncs;
      const all = await validate(page, 'all');
      calls[`${label}: 校验 all sheets (read)`] = all.readSyncs;
      calls[`${label}: 校验 all sheets (all, marks included)`] = all.syncs;
      expect(all.readSyncs!).toBeGreaterThan(active.readSyncs!);
      expect(await pane(page).locator('[data-testid="form-total"]').count()).toBeGreaterThanOrEqual(expectForms);
    });

    it('填写得分 writes the computed scores; 撤销填写 empties them again', async () => {
      const targets = [...blanks, ...(await missingScores(page))].filter((t, i, a) => a.findIndex((x) => x.sheet === t.sheet && x.cell === t.cell) === i);
      expect(targets.length).toBeGreaterThan(0);
      await pane(page).locator('[data-testid="fill"]').click();
      await page.locator('[data-testid="fill-confirm"]').click();
      await expectText(page, 'status', /^已写入 \d+ 个单元格。可撤销。( 偏差说明草稿仍含“（待填写）”，请补全：\S+。)?$/);
      const fill = await lastOp(page, 'fill');
      expect(fill.ok).toBe(true);
      calls[`${label}: 填写得分 (all)`] = fill.syncs;
      for (const t of targets) expect(await gridText(page, t.sheet, t.cell)).toMatch(/^\d+(\.\d+)?%?$/);
      await pane(page).locator('[data-testid="undo"]').click();
      await expectText(page, 'status', /^已恢复 \d+ 个单元格。$/);
      calls[`${label}: 撤销填写`] = (await lastOp(page, 'undoFill')).syncs;
      for (const t of targets) expect(await gridText(page, t.sheet, t.cell)).toBe('');
    });

    it('refuses to fill, writing nothing, when a planned cell changed after the preview', async () => {
      await validate(page, 'all');
      const [t] = await missingScores(page);
      await pane(page).locator('[data-testid="fill"]').click();
      await page.locator('[data-testid="fill-preview"]').waitFor();
      await page.evaluate((x) => window.__ziping!.setValue(x.sheet, x.cell, 1), t);
      const writes = await page.evaluate(() => window.__ziping!.writeSyncCount);
      await page.locator('[data-testid="fill-confirm"]').click();
      await expectText(page, 'status', /已被修改。为避免覆盖，未写入任何内容。/);
      expect(await lastOp(page, 'fill')).toMatchObject({ ok: false, writeSyncs: 0 });
      expect(await page.evaluate(() => window.__ziping!.writeSyncCount)).toBe(writes);
      expect(await gridText(page, t.sheet, t.cell)).toBe('1');
    });
  });
}

scenario('sample', '?host=wps', [], 3);
if (HAVE_SEED) {
  scenario('seed', '?host=wps&file=/shared/sheitc-2021.xlsx', [{ sheet: '超算服务', cell: 'H13' }, { sheet: '综合部门', cell: 'H6' }], 5);
} else {
  console.warn('Skipping the seed-workbook WPS scenario: ../shared/fixtures/sheitc-2021.xlsx is absent.');
}
