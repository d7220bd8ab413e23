/**
 * @jest-environment jsdom
 */
// The ribbon-commands runtime as Office loads it: the handlers are associated when the script runs, before
// Office.onReady resolves (office-js #2744, #5176), and a command finishes before the dialog it opens is closed.
import { readFileSync } from 'fs';
import { join } from 'path';
import { TextEncoder } from 'util';
import type { Notice } from '../../src/commands/noticeText';

// jsdom has no TextEncoder; the Excel adapter measures UTF-8 bytes with it
Object.assign(globalThis, { TextEncoder });

type Handler = (event: { completed(): void }) => unknown;

function fakeOffice() {
  const associated = new Map<string, Handler>();
  let ready!: () => void;
  // Office.onReady(callback): the callback runs, and the promise resolves, only when Office is ready
  const onReady = jest.fn((callback?: () => void) => new Promise<void>((r) => { ready = r; }).then(() => callback?.()));
  const office = {
    host: 'Excel',
    actions: { associate: jest.fn((name: string, f: Handler) => associated.set(name, f)) },
    onReady,
    context: { requirements: { isSetSupported: (_n: string, v = '1.1') => Number(v.split('.')[1]) <= 17 }, diagnostics: { version: '16.0.1', host: 'Excel', platform: 'PC' } },
  };
  return { office, associated, resolveReady: () => ready() };
}

describe('commands runtime', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.resetModules();
  });

  it('associates validate and fill at the top level, before Office.onReady resolves', async () => {
    const f = fakeOffice();
    (globalThis as { Office?: unknown }).Office = f.office;
    await jest.isolateModulesAsync(async () => {
      await import('../../src/commands/commands');
    });
    // Office.onReady has not resolved (the fake resolves only when told): the buttons already have their handlers
    expect([...f.associated.keys()].sort()).toEqual(['fill', 'validate']);
    expect(f.office.onReady).toHaveBeenCalled();
    f.resolveReady();
    await new Promise((r) => setTimeout(r, 0));
    // after onReady, the support line is left for the pane (office-js-helpers' Utilities detection)
    const stored = Object.keys(window.localStorage).find((k) => k.endsWith('@ziping/support'));
    expect(stored).toBeDefined();
    expect(JSON.parse(window.localStorage.getItem(stored!)!)).toMatchObject({ excelApi: '1.17', version: '16.0.1' });
  });

  it('fill completes the command as soon as its notice is shown, not when the person closes it', async () => {
    const f = fakeOffice();
    (globalThis as { Office?: unknown }).Office = f.office;
    const order: string[] = [];
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../../src/commands/run', () => ({
        fillWithNotice: async (): Promise<Notice> => ({ title: '填写得分', text: '已写入 3 个单元格。', ok: '确定', lang: 'zh-CN', tone: 'success' }),
        runValidate: async () => undefined,
      }));
      (globalThis as { Excel?: unknown }).Excel = { run: jest.fn() };
      const { fill } = await import('../../src/commands/commands');
      // a dialog that stays open: its promise never settles
      await fill({ completed: () => order.push('completed') }, (n) => { order.push(`shown:${n.text}`); });
    });
    expect(order).toEqual(['shown:已写入 3 个单元格。', 'completed']);
  });

  it('the notice opens through office-js-helpers’ Dialog at notice.html, its closing with × ignored', async () => {
    await jest.isolateModulesAsync(async () => {
      const { openNotice } = await import('../../src/commands/commands');
      const urls: string[] = [];
      openNotice({ title: 't', text: '<b>x</b>', ok: 'OK', lang: 'en-US', tone: 'error' }, (url) => {
        urls.push(url);
        return { result: Promise.reject(new Error('closed')) } as never;
      });
      await new Promise((r) => setTimeout(r, 0));
      expect(urls).toHaveLength(1);
      expect(new URL(urls[0]).pathname).toMatch(/notice\.html$/);
      expect(new URL(urls[0]).searchParams.get('text')).toBe('<b>x</b>');
    });
  });
});

describe('commands.html', () => {
  it('loads office.js and then the commands script, both blocking (no defer, no async)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack configuration is CommonJS
    const make = require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<{ plugins: { userOptions?: Record<string, unknown> }[] }>;
    const config = await make({}, { mode: 'development' });
    const page = config.plugins.find((p) => p.userOptions?.filename === 'commands.html');
    expect(page?.userOptions).toMatchObject({ scriptLoading: 'blocking', inject: 'head' });
    const html = readFileSync(join(__dirname, '../../src/commands/commands.html'), 'utf8');
    expect(html).toMatch(/<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/);
    expect(html).not.toMatch(/defer|async/);
  });
});
