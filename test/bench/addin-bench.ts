/**
 * The add-in half of `npm run bench` (after bench.js): prints figures, asserts nothing.
 *
 * 1. syncs: createExcelHost over the emulator in Node, one sheet holding 1, 10 and 40 forms (one score blanked in
 *    every form so the fill writes something): read/write syncs and Node time of validate (mark off, mark on) and
 *    of fill (mark off, mark on after a marked validate)                          (goal: 1 read, ≤ 1 write)
 * 2. the workbench: a production build served locally, the 40-form workbook opened in Debian Chromium, 校验 on
 *    the active sheet: click → first form summary visible, and the syncs the page recorded; median of 3
 * 3. bundle: gzip (level 9) of every local script taskpane.html and commands.html load     (goal ≤ 300 KB)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type ExcelJS from 'exceljs';
import type { CheckResult, WorkbookGrid } from '../../src/core';
import { createExcelHost } from '../../src/excel/createExcelHost';
import type { ExcelLike } from '../../src/excel/excel-like';
import type { FillOutcome, ValidateOutcome, ValidateRequest, ZipingHost } from '../../src/host';
import { createExcelApi, emuFromGrids } from '../../src/workbench/emulator';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { serve, type StaticServer } from '../e2e/server';
import { CHROMIUM, launchChromium, type Op } from '../e2e/browser';
import { buildBenchWorkbook, formCells, formHeight, generatedForm } from './sample';

const REPO = path.join(__dirname, '..', '..', '..');
const BASE_URL = 'https://bench.invalid/ziping/';
const SYNC_SIZES = [1, 10, 40];
const BROWSER_FORMS = 40;
const NODE_RUNS = 5;
const BROWSER_RUNS = 3;
const BUNDLE_GOAL_BYTES = 300_000;
const REQ: ValidateRequest = { allSheets: false, options: {}, mark: false, lang: 'zh-CN' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function since(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function table(head: string[], rows: string[][]): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ').trimEnd());
}

function say(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** One sheet of `n` generated forms stacked as buildBenchWorkbook lays them out, the first score of each blanked. */
async function benchFile(n: number): Promise<{ bytes: Buffer; blanked: number }> {
  const wb: ExcelJS.Workbook = buildBenchWorkbook(n, n);
  const ws = wb.worksheets[0];
  let row = 1;
  for (let i = 0; i < n; i++) {
    const spec = generatedForm(i + 1);
    ws.getCell(formCells(spec, row, 1).firstScore).value = null;
    row += formHeight(spec) + 2;
  }
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), blanked: n };
}

function hostOver(grid: WorkbookGrid): ZipingHost {
  const emu = emuFromGrids(grid);
  // the emulator is structurally what the adapter needs, as in the workbench
  return createExcelHost(createExcelApi(emu) as unknown as ExcelLike, emu);
}

interface Measured {
  reads: number;
  writes: number;
  ms: number;
  note: string;
}

/** Runs `op` NODE_RUNS times, each on a fresh emulated workbook prepared by `setup` (not timed). */
async function measure<S>(
  grid: WorkbookGrid,
  setup: (host: ZipingHost) => Promise<S>,
  op: (host: ZipingHost, s: S) => Promise<ValidateOutcome | FillOutcome>,
  note: (o: ValidateOutcome | FillOutcome) => string,
): Promise<Measured> {
  const times: number[] = [];
  let last: ValidateOutcome | FillOutcome | null = null;
  for (let i = 0; i < NODE_RUNS; i++) {
    const host = hostOver(grid);
    const s = await setup(host);
    const t0 = process.hrtime.bigint();
    last = await op(host, s);
    times.push(since(t0));
  }
  return { reads: last!.readSyncs, writes: last!.writeSyncs, ms: median(times), note: note(last!) };
}

async function syncFigures(files: Map<number, Buffer>): Promise<void> {
  const rows: string[][] = [];
  const validateNote = (o: ValidateOutcome | FillOutcome) => `${o.result.forms.length} forms, ${o.result.findings.length} findings`;
  const fillNote = (o: ValidateOutcome | FillOutcome) => `${(o as FillOutcome).written} cells written`;
  const planOf = async (host: ZipingHost, mark: boolean): Promise<CheckResult> => (await host.validate({ ...REQ, mark })).result;
  for (const n of SYNC_SIZES) {
    const grid = await readWorkbookGrid(files.get(n)!);
    const sheet = grid.sheets[0];
    const cells = sheet.values.length * Math.max(0, ...sheet.values.map((r) => r.length));
    // warm the JIT so the first size is not charged for it
    await hostOver(grid).validate(REQ);
    const cases: [string, Measured][] = [
      ['validate, mark off', await measure(grid, async () => null, (h) => h.validate(REQ), validateNote)],
      ['validate, mark on', await measure(grid, async () => null, (h) => h.validate({ ...REQ, mark: true }), validateNote)],
      ['fill, mark off', await measure(grid, (h) => planOf(h, false), (h, r) => h.fill({ ...REQ, expected: r.fillPlan }), fillNote)],
      ['fill, mark on (after a marked validate)', await measure(grid, (h) => planOf(h, true), (h, r) => h.fill({ ...REQ, mark: true, expected: r.fillPlan }), fillNote)],
    ];
    for (const [name, m] of cases) {
      rows.push([
        `${n} form${n > 1 ? 's' : ''} (${cells} cells)`, name, String(m.reads), String(m.writes), String(m.reads + m.writes),
        m.reads <= 1 && m.writes <= 1 ? 'yes' : 'NO', `${m.ms.toFixed(1)} ms`, m.note,
      ]);
    }
  }
  say([
    '',
    `Add-in syncs — createExcelHost over the emulator in Node, one sheet, the first score of each form blanked; ` +
      `Node time is the median of ${NODE_RUNS} runs, each on a fresh workbook`,
    '',
    ...table(['sheet', 'operation', 'read syncs', 'write syncs', 'syncs', 'goal met', 'node time', 'result'], rows),
    '',
    'Goal: 1 read sync and at most 1 write sync per validate and per fill, whatever the size.',
    'The adapter reads a sheet\'s whole used range in one sync; it falls back to bands of HostOptions.cellBudget cells (one sync each) only when Office refuses (5 MB payload on the web, > 512 merged areas per query).',
  ]);
}

/** Local scripts a built page loads (src of its <script> tags; remote ones, such as office.js, are listed apart). */
function pageScripts(html: string): { local: string[]; remote: string[] } {
  const local: string[] = [];
  const remote: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) remote.push(src);
    else local.push(src);
  }
  return { local, remote };
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

function bundleFigures(dist: string): void {
  const rows: string[][] = [];
  const counted = new Map<string, number>();
  const remote = new Set<string>();
  const sizes = (page: string, file: string): { raw: number; gz: number } => {
    const bytes = fs.readFileSync(path.join(dist, path.dirname(page), file.split(/[?#]/)[0]));
    return { raw: bytes.length, gz: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  for (const page of ['taskpane.html', 'commands.html']) {
    const scripts = pageScripts(fs.readFileSync(path.join(dist, page), 'utf8'));
    scripts.remote.forEach((s) => remote.add(s));
    for (const file of scripts.local) {
      const s = sizes(page, file);
      rows.push([page, file, kb(s.raw), kb(s.gz), counted.has(file) ? 'counted once' : '']);
      counted.set(file, s.gz);
    }
  }
  const total = [...counted.values()].reduce((a, b) => a + b, 0);
  const workbench = pageScripts(fs.readFileSync(path.join(dist, 'workbench.html'), 'utf8')).local.map((f) => ({ f, ...sizes('workbench.html', f) }));
  say([
    '',
    'Task-pane bundle — production build, gzip level 9 of every script the Office pages load',
    '',
    ...table(['page', 'script', 'minified', 'gzip', 'note'], rows),
    '',
    `Total gzip of the Office pages' JavaScript: ${kb(total)} (${total} bytes) — goal ≤ ${kb(BUNDLE_GOAL_BYTES)}: ${total <= BUNDLE_GOAL_BYTES ? 'met' : 'NOT met'}.`,
    `Not counted: ${[...remote].join(', ') || 'none'} (loaded from Microsoft's CDN); the workbench page (dev tool): ` +
      workbench.map((w) => `${w.f} ${kb(w.raw)} minified, ${kb(w.gz)} gzip`).join('; ') + '.',
  ]);
}

function build(dist: string): string | null {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', dist], {
    cwd: REPO,
    env: { ...process.env, ADDIN_BASE_URL: BASE_URL },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) return `webpack --mode production failed (exit ${r.status}):\n${`${r.stdout}\n${r.stderr}`.slice(-3000)}`;
  say(['', `Production build (ADDIN_BASE_URL=${BASE_URL}) in ${(since(t0) / 1000).toFixed(0)} s.`]);
  return null;
}

interface Probe {
  ready?: boolean;
  error?: string | null;
  ops?: Op[];
}

type BenchWindow = Window & { __ziping?: Probe; __bench?: { t0: number; t1: number } };

async function browserFigures(dist: string, bytes: Buffer): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    say(['', `Workbench timing skipped: ${CHROMIUM} is missing (apt-get update && apt-get install -y chromium).`]);
    return;
  }
  const file = `bench-${BROWSER_FORMS}.xlsx`;
  fs.writeFileSync(path.join(dist, file), bytes);
  let server: StaticServer | null = null;
  const browser = await launchChromium();
  try {
    server = await serve(dist, null);
    const origin = server.url;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await context.route((url) => !url.href.startsWith(origin), (route) => route.abort());
    const rows: string[][] = [];
    const inPage: number[] = [];
    const seen: number[] = [];
    for (let run = 1; run <= BROWSER_RUNS; run++) {
      const page = await context.newPage();
      await page.goto(`${origin}/workbench.html?file=${encodeURIComponent(`/${file}`)}`);
      await page.waitForFunction(() => {
        const z = (window as BenchWindow).__ziping;
        return z?.ready === true || !!z?.error;
      }, undefined, { timeout: 60_000 });
      const error = await page.evaluate(() => (window as BenchWindow).__ziping?.error ?? null);
      if (error) throw new Error(`the workbench could not open ${file}: ${error}`);
      const pane = page.locator('[data-testid="pane"]');
      await pane.locator('[data-testid="scope"]').selectOption('active');
      const before = await page.evaluate(() => ((window as BenchWindow).__ziping?.ops ?? []).filter((o) => o.op === 'validate').length);
      // in the page: the click's timestamp, then the first moment a form summary is in the DOM and visible
      await page.evaluate(() => {
        const w = window as BenchWindow;
        const mark = { t0: 0, t1: 0 };
        w.__bench = mark;
        const button = document.querySelector('[data-testid="validate"]')!;
        button.addEventListener('click', () => { mark.t0 = performance.now(); }, { capture: true, once: true });
        const visible = () => {
          const el = document.querySelector<HTMLElement>('[data-testid="form-summary"]');
          return !!el && el.getClientRects().length > 0;
        };
        const observer = new MutationObserver(() => {
          if (mark.t0 && !mark.t1 && visible()) {
            mark.t1 = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      const t0 = process.hrtime.bigint();
      await pane.locator('[data-testid="validate"]').click();
      await pane.locator('[data-testid="form-summary"]').first().waitFor({ state: 'visible', timeout: 120_000 });
      const wall = since(t0);
      await page.waitForFunction((n) => ((window as BenchWindow).__ziping?.ops ?? []).filter((o) => o.op === 'validate').length > n, before);
      const { mark, op, forms } = await page.evaluate(() => {
        const w = window as BenchWindow;
        const all = (w.__ziping?.ops ?? []).filter((o) => o.op === 'validate');
        return { mark: { ...w.__bench! }, op: JSON.parse(JSON.stringify(all[all.length - 1])) as Op, forms: document.querySelectorAll('[data-testid="form-summary"]').length };
      });
      const ms = mark.t1 - mark.t0;
      inPage.push(ms);
      seen.push(wall);
      rows.push([
        `run ${run}`, `${ms.toFixed(0)} ms`, `${wall.toFixed(0)} ms`, String(op.readSyncs ?? '?'), String(op.writeSyncs), String(op.syncs),
        op.ok ? 'ok' : 'FAILED', String(forms),
      ]);
      await page.close();
    }
    rows.push(['median', `${median(inPage).toFixed(0)} ms`, `${median(seen).toFixed(0)} ms`, '', '', '', '', '']);
    say([
      '',
      `Workbench — production build in Debian Chromium (headless), one sheet of ${BROWSER_FORMS} forms, 校验 on the active sheet ` +
        `(marks on, the pane's default), a fresh page per run`,
      '',
      ...table(['', 'click → first form summary (in page)', '(as playwright saw it)', 'read syncs', 'write syncs', 'syncs', 'op', 'summaries'], rows),
    ]);
  } finally {
    await browser.close();
    await server?.close();
  }
}

async function main(): Promise<void> {
  const files = new Map<number, Buffer>();
  for (const n of new Set([...SYNC_SIZES, BROWSER_FORMS])) files.set(n, (await benchFile(n)).bytes);
  await syncFigures(files);

  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-dist-'));
  try {
    const failed = build(dist);
    if (failed) {
      say(['', failed, 'Bundle size and workbench timing skipped.']);
      return;
    }
    bundleFigures(dist);
    try {
      await browserFigures(dist, files.get(BROWSER_FORMS)!);
    } catch (e) {
      say(['', `Workbench timing failed: ${message(e)}`]);
    }
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
