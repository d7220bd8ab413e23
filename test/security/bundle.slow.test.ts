/*
 * Security baseline of the production build: the task pane and the ribbon commands load nothing but their own files
 * and office.js from Microsoft's CDN, their CSP says exactly that, their bundles never evaluate strings, and the
 * deployed manifest points at the hosting base, never at localhost.
 * Builds once into a temp folder (not dist/, which other test runs may be serving) with webpack's --output-path.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertNoLocalhost, renderManifest } from '../../scripts/manifest';
import {
  PRODUCTION_BASE,
  REPO_ROOT,
  SCHEMA_SKIP_MESSAGE,
  readManifest,
  schemasPresent,
  validateAgainstSchema,
} from '../manifest/support';

const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS = `${OFFICE_ORIGIN}/lib/1/hosted/office.js`;
const PAGES = ['taskpane.html', 'commands.html', 'notice.html'];
const WEBPACK_CLI = path.join(REPO_ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
const BUILD_TIMEOUT_MS = 12 * 60_000;

/**
 * URLs that may appear in the shipped JavaScript although they are not our origin or office.js.
 * Each is a string the code never loads: a namespace identifier or text inside an error message.
 */
const NON_LOADING_URLS: Array<{ pattern: RegExp; why: string }> = [
  { pattern: /^http:\/\/www\.w3\.org\/2000\/svg$/, why: 'SVG namespace URI, passed to createElementNS by React DOM' },
  { pattern: /^http:\/\/www\.w3\.org\/1998\/Math\/MathML$/, why: 'MathML namespace URI used by React DOM' },
  { pattern: /^http:\/\/www\.w3\.org\/1999\/xlink$/, why: 'XLink namespace URI used by React DOM for xlink:* attributes' },
  { pattern: /^http:\/\/www\.w3\.org\/XML\/1998\/namespace$/, why: 'XML namespace URI used by React DOM for xml:* attributes' },
  { pattern: /^https:\/\/react\.dev\/errors\/$/, why: "React's production error decoder: text placed in thrown error messages, never fetched" },
];

/** Per directive, the only sources the Office pages' CSP may list. */
const CSP_ALLOWED: Record<string, string[]> = {
  'default-src': ["'self'", "'none'"],
  'script-src': ["'self'", OFFICE_ORIGIN],
  // Fluent v9 (Griffel) inserts <style> elements at run time
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", "'none'"],
  // data: images are decoded in place, nothing is fetched
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'", "'none'"],
  'form-action': ["'self'", "'none'"],
  'frame-src': ["'self'", "'none'"],
  'worker-src': ["'self'", "'none'"],
};

interface Build {
  status: number | null;
  output: string;
}

function runWebpack(outDir: string, baseUrl: string | undefined): Build {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ADDIN_BASE_URL;
  delete env.SOURCE_MAPS;
  if (baseUrl !== undefined) env.ADDIN_BASE_URL = baseUrl;
  const result = spawnSync(process.execPath, [WEBPACK_CLI, '--mode', 'production', '--output-path', outDir], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}` };
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
  body: string;
  index: number;
}

/** Tags of a built page (html-webpack-plugin output: quoted or bare attribute values). */
function tags(html: string, name: string): Tag[] {
  const re = name === 'script' ? /<script\b([^>]*)>([\s\S]*?)<\/script>/gi : new RegExp(`<${name}\\b([^>]*)>`, 'gi');
  return Array.from(html.matchAll(re), (m) => {
    const attrs = new Map<string, string>();
    for (const a of m[1].matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    return { name, attrs, body: m[2] ?? '', index: m.index ?? 0 };
  });
}

function parseCsp(content: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Absolute and protocol-relative URLs in a text. */
function urlsIn(text: string): string[] {
  const absolute = text.match(/\b(?:https?|wss?|ftp):\/\/[^\s"'`<>\\)]+/gi) ?? [];
  const protocolRelative = Array.from(text.matchAll(/["'`(=]\s*(\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:\/[^\s"'`<>\\)]*)?)/gi), (m) => m[1]);
  // a URL followed by ';' or ',' in a CSP or a list: the punctuation is not part of it
  return [...absolute, ...protocolRelative].map((u) => u.replace(/[;,.]+$/, ''));
}

function isAllowedUrl(url: string): boolean {
  if (url === OFFICE_ORIGIN || url.startsWith(`${OFFICE_ORIGIN}/`) || url.startsWith(PRODUCTION_BASE)) return true;
  return NON_LOADING_URLS.some((a) => a.pattern.test(url));
}

/** Places in these scripts that evaluate a string: eval, new Function, Function("…"), string timers. */
function stringEvaluation(files: string[]): string[] {
  return files.flatMap((f) => {
    const js = fs.readFileSync(f, 'utf8');
    const hits = [
      ...js.matchAll(/(?<![\w$.])eval\s*\(/g),
      ...js.matchAll(/\bnew\s+Function\s*\(/g),
      ...js.matchAll(/(?<![\w$.])(?<!new\s+)Function\s*\(\s*["'`]/g),
      ...js.matchAll(/\bset(?:Timeout|Interval)\s*\(\s*["'`]/g),
    ];
    const at = [...new Set(hits.map((m) => m.index ?? 0))].sort((a, b) => a - b);
    return at.map((i) => `${path.relative(outDir, f)}: …${js.slice(Math.max(0, i - 50), i + 40)}…`);
  });
}

/**
 * The default OAuth endpoints of office-js-helpers' Authenticator, which the add-in never calls (it uses only Dialog
 * and Utilities) and which the pages' CSP (connect-src 'self') would refuse anyway.
 */
const HELPERS_OAUTH = /^https:\/\/(accounts\.google\.com|www\.googleapis\.com|login\.microsoftonline\.com|graph\.microsoft\.com|www\.facebook\.com|graph\.facebook\.com|login\.windows\.net|www\.dropbox\.com)(\/|$)/;

/** The chunk webpack.config.js splits office-js-helpers into (`office-js-helpers.<hash>.js`). */
const isOfficeHelpers = (f: string): boolean => /^office-js-helpers\.[0-9a-f]+\.js$/.test(path.basename(f));

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-dist-'));
let build: Build = { status: null, output: 'not built' };
const read = (rel: string) => fs.readFileSync(path.join(outDir, rel), 'utf8');

/** JS the Office pages run: their script files, plus every emitted chunk that no page names (lazy chunks). */
function officeBundles(): string[] {
  const htmlFiles = listFiles(outDir).filter((f) => f.endsWith('.html'));
  const referencedBy = new Map<string, string[]>();
  for (const f of htmlFiles) {
    for (const s of tags(fs.readFileSync(f, 'utf8'), 'script')) {
      const src = s.attrs.get('src');
      if (src && !/^[a-z]+:|^\/\//i.test(src)) {
        const p = path.resolve(path.dirname(f), src.split('?')[0]);
        referencedBy.set(p, [...(referencedBy.get(p) ?? []), path.basename(f)]);
      }
    }
  }
  return listFiles(outDir)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => {
      const pages = referencedBy.get(f);
      return pages === undefined || pages.some((p) => PAGES.includes(p));
    });
}

beforeAll(() => {
  build = runWebpack(outDir, PRODUCTION_BASE);
}, BUILD_TIMEOUT_MS + 60_000);

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('production build (ADDIN_BASE_URL set)', () => {
  it('succeeds', () => {
    expect({ status: build.status, output: build.status === 0 ? '' : build.output.slice(-4000) }).toEqual({ status: 0, output: '' });
  });

  it.each(PAGES)('%s loads only its own scripts and office.js, none inline, all after the CSP', (page) => {
    const html = read(page);
    const scripts = tags(html, 'script');
    const csp = tags(html, 'meta').find((m) => m.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(csp).toBeDefined();
    const srcs = scripts.map((s) => s.attrs.get('src') ?? '');
    expect(srcs.filter((s) => s === OFFICE_JS)).toHaveLength(1);
    for (const s of scripts) {
      const src = s.attrs.get('src');
      expect({ src, inline: s.body.trim() }).toEqual({ src: expect.any(String), inline: '' });
      expect(src === OFFICE_JS || fs.existsSync(path.join(outDir, (src ?? '').split('?')[0]))).toBe(true);
      expect(s.index).toBeGreaterThan(csp?.index ?? Infinity);
    }
    expect(srcs.some((s) => s.endsWith('.js') && !s.startsWith('https:'))).toBe(true);
  });

  it.each(PAGES)('%s has a CSP that allows only itself and office.js', (page) => {
    const metas = tags(read(page), 'meta').filter((m) => m.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(metas).toHaveLength(1);
    const csp = parseCsp(metas[0].attrs.get('content') ?? '');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect([...(csp.get('script-src') ?? [])].sort()).toEqual(["'self'", OFFICE_ORIGIN].sort());
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const outside: string[] = [];
    for (const [directive, sources] of csp) {
      const allowed = CSP_ALLOWED[directive];
      if (!allowed) outside.push(`${directive} (directive not reviewed)`);
      else for (const s of sources) if (!allowed.includes(s)) outside.push(`${directive} ${s}`);
    }
    expect(outside).toEqual([]);
  });

  it.each(PAGES)('%s refers to no other origin in any attribute', (page) => {
    const html = read(page);
    const foreign = urlsIn(html).filter((u) => !isAllowedUrl(u));
    expect(foreign).toEqual([]);
    for (const tag of ['link', 'img', 'iframe', 'source', 'object', 'embed']) {
      for (const t of tags(html, tag)) {
        for (const attr of ['src', 'href', 'data']) {
          const v = t.attrs.get(attr);
          if (v !== undefined) expect(`${tag} ${attr}=${v}`).toMatch(/=(?![a-z]+:|\/\/)/i);
        }
      }
    }
  });

  it('the Office bundles name no origin but self and office.js (allowlisted non-loading strings aside)', () => {
    const bundles = officeBundles();
    expect(bundles.length).toBeGreaterThanOrEqual(2);
    const foreign = bundles.flatMap((f) =>
      urlsIn(fs.readFileSync(f, 'utf8'))
        .filter((u) => !isAllowedUrl(u) && !(isOfficeHelpers(f) && HELPERS_OAUTH.test(u)))
        .map((u) => `${path.relative(outDir, f)}: ${u}`),
    );
    expect([...new Set(foreign)]).toEqual([]);
  });

  it('the Office bundles never evaluate strings (eval, new Function, Function("…"), string timers), office-js-helpers aside', () => {
    const bundles = officeBundles().filter((f) => !isOfficeHelpers(f));
    expect(bundles.length).toBeGreaterThanOrEqual(2);
    expect(stringEvaluation(bundles)).toEqual([]);
  });

  it('office-js-helpers is a file of its own that only commands.html loads (never the task pane)', () => {
    const helpers = listFiles(outDir).filter(isOfficeHelpers);
    expect(helpers).toHaveLength(1);
    const loading = listFiles(outDir).filter((f) => f.endsWith('.html') && tags(fs.readFileSync(f, 'utf8'), 'script').some((t) => (t.attrs.get('src') ?? '').startsWith(path.basename(helpers[0]))));
    expect(loading.map((f) => path.basename(f))).toEqual(['commands.html']);
    // its global-object fallbacks are the only string evaluation it holds (test/e2e/commands.e2e.test.ts shows
    // that a browser under the page's CSP never reaches them)
    expect(stringEvaluation(helpers).length).toBeGreaterThan(0);
    for (const f of listFiles(outDir).filter((x) => x.endsWith('.js') && !isOfficeHelpers(x))) {
      expect(fs.readFileSync(f, 'utf8')).not.toMatch(/office-js-helpers|isIEOrEdge|DialogError/);
    }
  });

  it('no shipped bundle but office-js-helpers evaluates strings, the workbench (with exceljs and its polyfills) included', () => {
    const bundles = listFiles(outDir).filter((f) => f.endsWith('.js') && !isOfficeHelpers(f));
    const workbench = tags(read('workbench.html'), 'script').map((s) => path.join(outDir, s.attrs.get('src') ?? ''));
    expect(workbench.length).toBeGreaterThan(0);
    for (const w of workbench) expect(bundles).toContain(w);
    // exceljs is really in it: the polyfills were replaced, not the library left out
    expect(workbench.map((f) => fs.readFileSync(f, 'utf8')).join('')).toMatch(/setImmediate: callback is not a function/);
    expect(stringEvaluation(bundles)).toEqual([]);
  });

  it('ships no source maps by default: no .map file and no sourceMappingURL in any script', () => {
    const files = listFiles(outDir);
    expect(files.filter((f) => f.endsWith('.map')).map((f) => path.relative(outDir, f))).toEqual([]);
    const pointing = files.filter((f) => f.endsWith('.js') && /[#@]\s*sourceMappingURL=/.test(fs.readFileSync(f, 'utf8')));
    expect(pointing.map((f) => path.relative(outDir, f))).toEqual([]);
  });

  it('workbench.html has a CSP that connects only to its own origin and evaluates nothing', () => {
    const metas = tags(read('workbench.html'), 'meta').filter((m) => m.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(metas).toHaveLength(1);
    const csp = parseCsp(metas[0].attrs.get('content') ?? '');
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const all = [...csp.values()].flat();
    expect(all.filter((x) => x === '*' || x === "'unsafe-eval'" || /^https?:$/.test(x))).toEqual([]);
  });

  it('dist/manifest.xml is the manifest rendered for the base, with no localhost', () => {
    const xml = read('manifest.xml');
    expect(() => assertNoLocalhost(xml)).not.toThrow();
    expect(xml).toBe(renderManifest(readManifest(), PRODUCTION_BASE));
  });

  it('every file dist/manifest.xml points to is in the build', () => {
    const xml = read('manifest.xml');
    const targets = [...new Set(Array.from(xml.matchAll(/\b(?:DefaultValue|Value)="([a-z]+:[^"]*)"/gi), (m) => m[1]))];
    expect(targets.length).toBeGreaterThan(10);
    const missing = targets.filter((u) => {
      if (!u.startsWith(PRODUCTION_BASE)) return true;
      const rel = decodeURI(u.slice(PRODUCTION_BASE.length).split(/[?#]/)[0]);
      return !fs.existsSync(path.join(outDir, rel));
    });
    expect(missing).toEqual([]);
  });

  (schemasPresent() ? it : it.skip)('dist/manifest.xml is schema-valid', async () => {
    const result = await validateAgainstSchema(read('manifest.xml'), 'dist-manifest.xml');
    expect(result.errors).toEqual([]);
  });
  if (!schemasPresent()) console.warn(SCHEMA_SKIP_MESSAGE);
});

describe('source maps in the webpack configuration', () => {
  type Config = { devtool: string | false };
  const configFor = async (mode: string, sourceMaps: string | undefined): Promise<Config> => {
    const saved = { maps: process.env.SOURCE_MAPS, base: process.env.ADDIN_BASE_URL };
    if (sourceMaps === undefined) delete process.env.SOURCE_MAPS;
    else process.env.SOURCE_MAPS = sourceMaps;
    process.env.ADDIN_BASE_URL = PRODUCTION_BASE;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const make = require(path.join(REPO_ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => Promise<Config>;
      return await make({}, { mode });
    } finally {
      for (const [k, v] of [['SOURCE_MAPS', saved.maps], ['ADDIN_BASE_URL', saved.base]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };

  it.each<[string, string | undefined, string | false]>([
    ['production', undefined, false],
    ['production', '0', false],
    ['production', '1', 'source-map'],
    ['development', undefined, 'cheap-source-map'],
  ])('%s with SOURCE_MAPS=%s: devtool %s (never an eval-based one)', async (mode, maps, devtool) => {
    expect((await configFor(mode, maps)).devtool).toBe(devtool);
  });
});

describe('production build without ADDIN_BASE_URL', () => {
  it('fails with a message that says how to set it', () => {
    const emptyOut = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-dist-nobase-'));
    try {
      const failed = runWebpack(emptyOut, undefined);
      expect(failed.status).not.toBe(0);
      expect(failed.output).toMatch(/ADDIN_BASE_URL is not set/);
      expect(failed.output).toMatch(/ADDIN_BASE_URL=https:\/\/\S+\/ npm run build/);
      expect(fs.existsSync(path.join(emptyOut, 'manifest.xml'))).toBe(false);
    } finally {
      fs.rmSync(emptyOut, { recursive: true, force: true });
    }
  }, 120_000);

  it('fails for an http base too', () => {
    const emptyOut = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-dist-httpbase-'));
    try {
      const failed = runWebpack(emptyOut, 'http://addins.example.gov.cn/ziping/');
      expect(failed.status).not.toBe(0);
      expect(failed.output).toMatch(/ADDIN_BASE_URL: .*https/);
    } finally {
      fs.rmSync(emptyOut, { recursive: true, force: true });
    }
  }, 120_000);
});
