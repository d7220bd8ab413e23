import fs from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { CHROMIUM, launchChromium } from './browser';
import { e2eDist } from './build';
import { serve, type StaticServer } from './server';

/** What a browser test file works in; read its members inside tests and hooks (they exist after beforeAll). */
export interface BrowserSession {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** one context for the file, reaching nothing but the test server: office.js from the CDN is refused, as offline */
  readonly context: BrowserContext;
  /** the built pages (the e2e globalSetup's build) */
  readonly outDir: string;
}

/**
 * Registers the file's beforeAll and afterAll: the built pages served (with `fixtures` as the server's fixtures
 * folder), Debian's Chromium, and one context with `context` options (1400 × 900, zh-CN by default).
 */
export function browserSession(o: { fixtures?: string | null; context?: BrowserContextOptions } = {}): BrowserSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let outDir = '';
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
    outDir = e2eDist();
    const s = await serve(outDir, o.fixtures ?? null);
    server = s;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', ...o.context });
    await context.route((url) => !url.href.startsWith(s.url), (route) => route.abort());
  }, 600_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the browser session has no ${what} yet: use it inside a test or hook`);
    return v;
  };
  return {
    get server() { return ready(server, 'server'); },
    get browser() { return ready(browser, 'browser'); },
    get context() { return ready(context, 'context'); },
    get outDir() { return outDir; },
  };
}
