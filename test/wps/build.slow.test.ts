/*
 * The WPS 加载项 as `npm run build` writes it into dist/wps/: ribbon.xml well-formed, in the CustomUI namespace, every
 * callback it names defined by the entry page's script (run in jsdom against a stand-in `Application`), the pane,
 * jsplugins.xml for 在线模式 at ADDIN_BASE_URL, and the 离线模式 folder. Builds only the WPS entries of the production
 * configuration, into a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { JSDOM } from 'jsdom';
import type { Configuration, Stats } from 'webpack';

const REPO = path.resolve(__dirname, '../..');
const BASE = 'https://addins.example.gov.cn/ziping/';
const CUSTOM_UI = 'http://schemas.microsoft.com/office/2006/01/customui';
const CALLBACK_ATTRS = ['onLoad', 'onAction', 'getImage', 'getEnabled', 'getLabel', 'getVisible', 'getScreentip'];
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

let out = '';

async function buildWpsOnly(dir: string): Promise<void> {
  process.env.ADDIN_BASE_URL = BASE;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(REPO, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Promise<Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  const entry = config.entry as Record<string, string>;
  config.entry = Object.fromEntries(Object.entries(entry).filter(([k]) => k.startsWith('wps/')));
  config.plugins = (config.plugins ?? []).filter((p) => {
    const filename = (p as { userOptions?: { filename?: string } }).userOptions?.filename;
    return filename === undefined || filename.startsWith('wps/');
  });
  config.output = { ...config.output, path: dir };
  config.devtool = false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err?: Error | null, stats?: Stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-wps-'));
  await buildWpsOnly(out);
}, 15 * 60_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

function xml(file: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) throw new Error(`${file} is not well-formed: ${err.textContent}`);
  return doc;
}

/** The entry page with its scripts run, and a stand-in Application recording what the ribbon callbacks do. */
function entryPage(dir: string) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const dom = new JSDOM(html, { runScripts: 'outside-only', url: 'https://addins.example.gov.cn/ziping/wps/index.html' });
  const panes: { url: string; DockPosition: number; Visible: boolean; ID: number; Navigate(u: string): void }[] = [];
  const storage = new Map<string, unknown>();
  const win = dom.window as unknown as Record<string, unknown> & { eval(s: string): unknown };
  win.Application = {
    ActiveWorkbook: {},
    PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
    CreateTaskPane(url: string) {
      const p = { url, DockPosition: 0, Visible: false, ID: panes.length + 1, Navigate(u: string) { this.url = u; } };
      panes.push(p);
      return p;
    },
    GetTaskPane: (id: number) => panes[id - 1] ?? null,
  };
  const scripts = [...dom.window.document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    expect(src).not.toMatch(/^(\/|https?:)/);
    win.eval(fs.readFileSync(path.join(dir, src), 'utf8'));
  }
  return { win, panes };
}

describe('dist/wps/', () => {
  it('ribbon.xml is well-formed CustomUI with a 绩效自评 group of 校验, 填写得分, 打开面板', () => {
    const doc = xml(path.join(out, 'wps', 'ribbon.xml'));
    expect(doc.documentElement.localName).toBe('customUI');
    expect(doc.documentElement.namespaceURI).toBe(CUSTOM_UI);
    const group = [...doc.getElementsByTagNameNS(CUSTOM_UI, 'group')].find((g) => g.getAttribute('label') === '绩效自评');
    expect(group).toBeDefined();
    expect([...group!.getElementsByTagNameNS(CUSTOM_UI, 'button')].map((b) => b.getAttribute('label'))).toEqual(['校验', '填写得分', '打开面板']);
  });

  for (const where of ['wps', `wps/offline/ziping_${VERSION}`]) {
    it(`every callback ribbon.xml names is a function of the entry page's script (${where})`, () => {
      const dir = path.join(out, where);
      const doc = xml(path.join(dir, 'ribbon.xml'));
      const names = new Set<string>();
      for (const el of [...doc.getElementsByTagName('*')]) for (const a of CALLBACK_ATTRS) if (el.getAttribute(a)) names.add(el.getAttribute(a)!);
      expect([...names].sort()).toEqual(['GetImage', 'OnAction', 'OnAddinLoad', 'OnGetEnabled']);
      const { win, panes } = entryPage(dir);
      for (const n of names) expect(typeof win[n]).toBe('function');
      const call = (n: string, id: string) => (win[n] as (c: { Id: string }) => unknown)({ Id: id });
      expect((win.OnAddinLoad as (r: unknown) => unknown)({ Invalidate() {} })).toBe(true);
      for (const b of doc.getElementsByTagNameNS(CUSTOM_UI, 'button')) {
        const image = call('GetImage', b.getAttribute('id')!) as string;
        expect(fs.existsSync(path.join(dir, image))).toBe(true);
        expect(call('OnGetEnabled', b.getAttribute('id')!)).toBe(true);
      }
      // 校验 opens the pane docked right and asks it to check on open
      expect(call('OnAction', 'zipingValidate')).toBe(true);
      expect(panes).toHaveLength(1);
      expect(panes[0]).toMatchObject({ DockPosition: 2, Visible: true });
      expect(panes[0].url).toBe(new URL('taskpane.html?autorun=validate', 'https://addins.example.gov.cn/ziping/wps/index.html').href);
      // 打开面板 toggles the same pane
      call('OnAction', 'zipingPane');
      expect(panes).toHaveLength(1);
      expect(panes[0].Visible).toBe(false);
      expect(fs.existsSync(path.join(dir, 'taskpane.html'))).toBe(true);
    });
  }

  it('jsplugins.xml lists the online add-in at ADDIN_BASE_URL; the offline folder has publish.xml and installers', () => {
    const online = xml(path.join(out, 'wps', 'jsplugins.xml'));
    const p = online.getElementsByTagName('jspluginonline')[0];
    expect(p.getAttribute('name')).toBe('ziping');
    expect(p.getAttribute('type')).toBe('et');
    expect(p.getAttribute('url')).toBe(`${BASE}wps/`);
    const pub = xml(path.join(out, 'wps', 'offline', 'publish.xml')).getElementsByTagName('jsplugin')[0];
    expect(pub.getAttribute('url')).toBe(`ziping_${VERSION}`);
    expect(pub.getAttribute('version')).toBe(VERSION);
    for (const f of ['install.bat', 'install.sh']) expect(fs.readFileSync(path.join(out, 'wps', 'offline', f), 'utf8')).toContain(`ziping_${VERSION}`);
    const pane = fs.readFileSync(path.join(out, 'wps', 'taskpane.html'), 'utf8');
    expect(pane).not.toContain('appsforoffice');
    const src = /<script[^>]*src="?([^" >]+)/.exec(pane)![1];
    expect(fs.existsSync(path.join(out, 'wps', src))).toBe(true);
  });

  it('install.sh puts the add-in folder and publish.xml into ~/.local/share/Kingsoft/wps/jsaddons, never overwriting a publish.xml', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-home-'));
    try {
      const run = () => spawnSync('sh', [path.join(out, 'wps', 'offline', 'install.sh')], { env: { ...process.env, HOME: home }, encoding: 'utf8' });
      expect(run().status).toBe(0);
      const jsaddons = path.join(home, '.local', 'share', 'Kingsoft', 'wps', 'jsaddons');
      expect(fs.existsSync(path.join(jsaddons, `ziping_${VERSION}`, 'ribbon.xml'))).toBe(true);
      expect(fs.readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8')).toContain(`url="ziping_${VERSION}"`);
      fs.writeFileSync(path.join(jsaddons, 'publish.xml'), '<jsplugins><jsplugin name="other" type="et" url="other_1" version="1"/></jsplugins>');
      const again = run();
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('by hand');
      expect(fs.readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8')).toContain('name="other"');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
