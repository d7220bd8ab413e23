/*
 * The ribbon-commands page as Office loads it, in Chromium under the page's own CSP (development build, served at an
 * https origin through Playwright's routing). office.js is a fake whose Office.onReady resolves late: the handlers
 * must be associated before it does (office-js #2744, #5176). office-js-helpers runs here (its Dialog opens the
 * notice, its Utilities detect host and platform); its bundle holds `Function("return this")` / `(1,eval)("this")`
 * fallbacks, and a `securitypolicyviolation` listener installed before any script must stay silent.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { e2eDist } from './build';
import { CHROMIUM, launchChromium } from './browser';

const ORIGIN = 'https://ziping.test';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** A fake office.js: Office.onReady resolves 1.5 s after the page starts; everything it is asked is logged. */
const FAKE_OFFICE = `
window.__log = [];
window.__handlers = {};
window.Office = {
  context: {
    host: 'Excel', platform: 'PC', partitionKey: undefined,
    diagnostics: { host: 'Excel', platform: 'PC', version: '16.0.test' },
    requirements: { isSetSupported: function () { return true; } },
    ui: { displayDialogAsync: function (url, options, callback) {
      window.__log.push('dialog ' + url);
      callback({ status: 'succeeded', value: { addEventHandler: function () {}, close: function () {} } });
    } },
  },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  actions: { associate: function (name, f) {
    window.__log.push('associate ' + name + (window.__ready ? ' after onReady' : ' before onReady'));
    window.__handlers[name] = f;
  } },
  onReady: function (callback) {
    return new Promise(function (resolve) {
      setTimeout(function () {
        window.__ready = true;
        window.__log.push('onReady');
        if (callback) callback({ host: 'Excel', platform: 'PC' });
        resolve({ host: 'Excel', platform: 'PC' });
      }, 1500);
    });
  },
};
window.Excel = { run: function () { return Promise.reject(Object.assign(new Error('no workbook here'), { code: 'GeneralException' })); } };
`;

let outDir = '';
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  outDir = e2eDist();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

async function openCommands(): Promise<{ page: Page; violations: () => Promise<string[]>; problems: string[] }> {
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE });
    if (!url.startsWith(`${ORIGIN}/`)) return route.abort();
    const file = path.join(outDir, new URL(url).pathname);
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    return route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(file) });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(`${ORIGIN}/commands.html`);
  return { page, problems, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { __log: string[] }).__log);

describe('commands.html', () => {
  it('associates validate and fill before Office.onReady resolves, from scripts loaded blocking', async () => {
    const { page, violations, problems } = await openCommands();
    const early = await log(page);
    expect(early).toEqual(expect.arrayContaining(['associate validate before onReady', 'associate fill before onReady']));
    // (each entry says whether onReady had resolved when the association was made; the log's order can lag under load)
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => ({ src: s.getAttribute('src'), defer: s.defer, async: s.async, inHead: s.parentElement === document.head })));
    expect(scripts[0].src).toBe(OFFICE_JS);
    expect(scripts.every((s) => !s.defer && !s.async && s.inHead)).toBe(true);
    expect(scripts.some((s) => /office-js-helpers/.test(s.src ?? ''))).toBe(true);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('office-js-helpers under the CSP: its Utilities leave the support line, its Dialog opens the notice, the command completes; no violation', async () => {
    const { page, violations, problems } = await openCommands();
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
    const support = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith('@ziping/support'))?.[1] ?? null);
    expect(JSON.parse(support ?? '{}')).toMatchObject({ host: 'EXCEL', platform: 'PC', excelApi: '1.20', version: '16.0.test' });
    await page.evaluate(() => {
      const w = window as unknown as { __handlers: Record<string, (e: { completed(): void }) => void>; __log: string[] };
      w.__handlers.fill({ completed: () => w.__log.push('completed') });
    });
    await page.waitForFunction(() => (window as unknown as { __log: string[] }).__log.includes('completed'));
    const after = await log(page);
    const dialog = after.findIndex((l) => l.startsWith(`dialog ${'https://ziping.test'}/notice.html?`));
    expect(dialog).toBeGreaterThan(-1);
    expect(dialog).toBeLessThan(after.indexOf('completed'));
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the listener does hear a violation: an inline script the CSP refuses', async () => {
    const { page, violations } = await openCommands();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.head.append(s);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect((await violations())[0]).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as unknown as { __inline?: boolean }).__inline)).toBeUndefined();
    await page.context().close();
  });
});
