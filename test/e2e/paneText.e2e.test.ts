/*
 * Sheet text in the pane, in Chromium (issue 14, the first ten minutes): a right-to-left override in a cell does not
 * reverse the rest of a finding's message; a 300-character project name and a 40-digit number do not widen a 350 px
 * pane and stay readable whole on hover; the severity filters look pressed when pressed; forced-colours mode keeps
 * buttons and text visible; the pane follows Office's dark theme.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { sampleForms, workbookOfForms } from '../bench/sample';
import { CHROMIUM, launchChromium } from './browser';
import { e2eDist } from './build';
import { serve, type StaticServer } from './server';

const RLO = '\u202e';
const LONG_PROJECT = `${'超长项目名称'.repeat(49)}结尾六个字`.slice(0, 300);
const HUGE = '1234567890123456789012345678901234567890';

let dir = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  const [pension] = sampleForms();
  const form = pension.forms[0];
  const [first, second, ...rest] = form.indicators;
  const hostile = {
    ...form,
    project: LONG_PROJECT,
    // a score that differs from the computed one: the finding names the indicator
    indicators: [{ ...first, name: `${RLO}abc`, score: 0 }, { ...second, actual: HUGE }, ...rest],
    totalScore: Number(HUGE),
  };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-pane-text-'));
  const wb = workbookOfForms([{ sheet: '长文本', forms: [hostile] }]) as ExcelJS.Workbook;
  fs.writeFileSync(path.join(dir, 'pane-text.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
  server = await serve(e2eDist(), dir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(width: number, options: BrowserContextOptions = {}, query = '?file=/shared/pane-text.xlsx'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN', ...options });
  await context.route((url) => !url.href.startsWith(server.url), (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${server.url}/workbench.html${query}`);
  await page.waitForFunction(() => window.__ziping?.ready === true || window.__ziping?.error, undefined, { timeout: 60_000 });
  expect(await page.evaluate(() => window.__ziping?.error ?? null)).toBeNull();
  return page;
}

const pane = (page: Page) => page.locator('[data-testid="pane"]');

async function validate(page: Page): Promise<void> {
  await pane(page).locator('[data-testid="validate"]').click();
  await pane(page).locator('[data-testid="form-summary"]').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'));
}

describe('a right-to-left override in a cell', () => {
  it('stays inside its <bdi>: the words after it in the finding keep their order, left to right', async () => {
    const page = await open(1366);
    await validate(page);
    const message = pane(page).locator('[data-testid="finding"][data-code="SCORE_MISMATCH"] [data-testid="finding-select"] span', { hasText: 'abc' }).last();
    const seen = await message.evaluate((el) => {
      const bdi = el.querySelector('bdi');
      const after = bdi?.nextSibling;
      if (!bdi || !after || after.nodeType !== Node.TEXT_NODE) return null;
      // the x of each of the first characters after the isolate, with the line each is on
      const text = after.textContent ?? '';
      const boxes = [];
      for (let i = 0; i < Math.min(12, text.length); i++) {
        const r = document.createRange();
        r.setStart(after, i);
        r.setEnd(after, i + 1);
        const b = r.getBoundingClientRect();
        boxes.push({ ch: text[i], x: b.left, top: Math.round(b.top) });
      }
      return { inside: bdi.textContent, after: text, bdiRight: bdi.getBoundingClientRect().right, boxes, whole: el.textContent };
    });
    expect(seen).not.toBeNull();
    expect(seen!.inside?.startsWith('\u202eabc')).toBe(true);
    expect(seen!.after.startsWith('”得分 0 与计算值')).toBe(true);
    expect(seen!.whole).toMatch(/^“\u202eabc\u202c?”得分 0 与计算值/);
    const firstLine = seen!.boxes.filter((b) => b.top === seen!.boxes[0].top);
    expect(firstLine.length).toBeGreaterThan(4);
    // in logical order on screen: each character right of the one before it, the first right of the isolate
    for (let i = 1; i < firstLine.length; i++) expect(firstLine[i].x).toBeGreaterThan(firstLine[i - 1].x);
    expect(firstLine[0].x).toBeGreaterThanOrEqual(seen!.bdiRight - 1);
    await page.context().close();
  });
});

describe('at a 350 px viewport', () => {
  it('a 300-character project name and a 40-digit number do not widen the pane; the name is whole on hover', async () => {
    const page = await open(350);
    await pane(page).locator('[data-testid="scope"]').selectOption('all');
    await validate(page);
    const p = pane(page);
    await p.locator('[data-testid="overview"]').waitFor();
    // the number reached the pane: in the form's total and in a finding
    expect(await p.locator('[data-testid="form-total"]').textContent()).toMatch(/（表内 \d{40}）/);
    expect(await p.locator('[data-testid="finding"]', { hasText: HUGE }).count()).toBeGreaterThan(0);
    const widths = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="pane"]')!;
      return { pane: [el.scrollWidth, el.clientWidth], doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth] };
    });
    const wide = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="pane"]')!;
      const limit = el.getBoundingClientRect().right;
      return [...el.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > limit + 1).slice(0, 6).map((e) => `${e.tagName} ${e.getAttribute('data-testid')} ${(e.textContent ?? '').slice(0, 30)}`);
    });
    expect(wide).toEqual([]);
    expect(widths.pane[0]).toBeLessThanOrEqual(widths.pane[1]);
    expect(widths.doc[0]).toBeLessThanOrEqual(widths.doc[1]);
    const heading = p.locator('[data-testid="form-project"]');
    expect(await heading.getAttribute('title')).toBe(LONG_PROJECT);
    // cut to a few lines, not 300 characters' worth of them
    const box = (await heading.boundingBox())!;
    expect(box.height).toBeLessThan(100);
    expect(await p.locator('[data-testid="overview-row"] td').first().getAttribute('title')).toBe(LONG_PROJECT);
    await page.context().close();
  });
});

/** 0–255: how light an `rgb()`/`rgba()` colour is (Rec. 709 weights). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('severity filters', () => {
  /** The filter's state and look, unfocused and unhovered, once its colour transitions have ended. */
  async function look(page: Page, sev: string) {
    await page.mouse.move(0, 0);
    let last = await style(page, sev);
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(150);
      const now = await style(page, sev);
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
    return last;
  }

  async function style(page: Page, sev: string) {
    return pane(page)
      .locator(`[data-testid="filter-${sev}"]`)
      .evaluate((el) => {
        (el as HTMLElement).blur();
        const s = getComputedStyle(el);
        return { text: el.textContent ?? '', pressed: el.getAttribute('aria-pressed'), background: s.backgroundColor, border: s.borderTopColor, color: s.color };
      });
  }

  // the clear difference: the brand border (Fluent's own checked look differs by a light grey only); in forced-colours
  // mode, Fluent's Highlight fill
  it.each([
    ['default colours', {}, 'border'],
    ['forced-colours mode', { forcedColors: 'active' as const }, 'background'],
  ] as const)('look pressed when pressed, and the pane says how many findings they hide (%s)', async (_label, options, clear) => {
    const page = await open(1366, options);
    await validate(page);
    const p = pane(page);
    const on = await look(page, 'warning');
    expect(on.pressed).toBe('true');
    expect(await p.locator('[data-testid="filter-hidden"]').count()).toBe(0);
    await p.locator('[data-testid="filter-warning"]').click();
    const off = await look(page, 'warning');
    expect(off.pressed).toBe('false');
    // told apart by more than a light grey, and by a check mark
    expect(off.background).not.toBe(on.background);
    expect(Math.abs(luminance(off[clear]) - luminance(on[clear]))).toBeGreaterThan(60);
    expect(off.text).toBe(on.text.replace('✓', ''));
    const warnings = await p.locator('[data-testid="finding"][data-severity="warning"]').count();
    expect(warnings).toBe(0);
    expect(await p.locator('[data-testid="filter-hidden"]').textContent()).toMatch(/^已隐藏 [1-9]\d* 条$/);
    await p.locator('[data-testid="filter-warning"]').click();
    expect(await look(page, 'warning')).toEqual(on);
    await page.context().close();
  });
});

describe('forced-colours mode (Windows high contrast)', () => {
  it('uses Fluent’s high-contrast theme; every button and every line of text stays visible', async () => {
    const page = await open(1366, { forcedColors: 'active' });
    await validate(page);
    const p = pane(page);
    expect(await p.locator('[data-theme]').first().getAttribute('data-theme')).toBe('contrast');
    const buttons = await p.locator('button').evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const s = getComputedStyle(el);
          const b = el.getBoundingClientRect();
          return { text: (el.textContent ?? '').trim() || el.getAttribute('aria-label'), color: s.color, background: s.backgroundColor, w: b.width, h: b.height, visibility: s.visibility };
        }),
    );
    expect(buttons.length).toBeGreaterThan(5);
    for (const b of buttons) {
      expect(b.text).toBeTruthy();
      expect(b.w).toBeGreaterThan(4);
      expect(b.h).toBeGreaterThan(4);
      expect(b.visibility).toBe('visible');
      expect(b.color).not.toBe(b.background);
    }
    // no text drawn in the colour of what is behind it
    const invisible = await p.evaluate((root) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!(n.textContent ?? '').trim() || el.closest('[aria-hidden="true"]')) continue;
        const s = getComputedStyle(el);
        let bg = 'rgba(0, 0, 0, 0)';
        for (let e: Element | null = el; e && bg === 'rgba(0, 0, 0, 0)'; e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
        if (s.color === bg || s.visibility !== 'visible' || s.opacity === '0') out.push(`${n.textContent!.slice(0, 30)} (${s.color} on ${bg})`);
      }
      return out;
    });
    expect(invisible).toEqual([]);
    await page.context().close();
  });
});

describe('Office’s theme', () => {
  it('a dark Office theme gives the pane Fluent’s dark theme', async () => {
    const page = await open(1366, {}, '?file=/shared/pane-text.xlsx&officeTheme=dark');
    const provider = pane(page).locator('[data-theme]').first();
    await provider.waitFor();
    expect(await provider.getAttribute('data-theme')).toBe('dark');
    const { background, color } = await provider.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, color: getComputedStyle(el).color }));
    expect(luminance(background)).toBeLessThan(80);
    expect(luminance(color)).toBeGreaterThan(180);
    await page.context().close();
  });
});
