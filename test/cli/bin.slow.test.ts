import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as os from 'os';
import * as path from 'path';
import { buildBenchWorkbook, buildSampleWorkbook } from '../bench/sample';
import { writePile } from './pile-fixture';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'build', 'src', 'cli', 'main.js');

function newestSource(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

/** The bin as `npm ci` (prepare) builds it; rebuilt here when a source is newer than the build. */
function ensureBuilt(): void {
  const built = fs.existsSync(BIN) ? fs.statSync(BIN).mtimeMs : 0;
  const newest = Math.max(...['src/core', 'src/report', 'src/cli', 'src/xlsx'].map((d) => newestSource(path.join(ROOT, d))));
  if (built < newest) {
    // type errors elsewhere do not stop tsc from emitting; the tests below judge the result
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js')], { cwd: ROOT });
  }
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} was not built (npx tsc -p tsconfig.cli.json)`);
}

describe('the built ziping bin', () => {
  let dir: string;

  beforeAll(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-bin-'));
    await buildSampleWorkbook().xlsx.writeFile(path.join(dir, 'sample.xlsx'));
  }, 120_000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts with a node shebang', () => {
    expect(fs.readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('is a launcher and one bundled file that require only Node\'s own modules (start-up is not module loading)', () => {
    for (const file of [BIN, path.join(path.dirname(BIN), 'cli.js')]) {
      const text = fs.readFileSync(file, 'utf8');
      const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(required.length).toBeGreaterThan(0);
      for (const r of required) expect([r, builtinModules.includes(r.replace(/^node:/, ''))]).toEqual([r, true]);
      // a vm script (how the launcher runs cli.js) cannot import() without an experimental loader
      expect(text).not.toMatch(/\bimport\(/);
    }
  });

  it('runs the CLI with the code cache the build wrote, and gives the same report without it', () => {
    const sample = path.join(dir, 'sample.xlsx');
    const cached = spawnSync(process.execPath, [BIN, 'check', sample, '--json'], { encoding: 'utf8', env: { ...process.env, ZIPING_DEBUG: 'cache' } });
    expect(cached.stderr).toBe('code cache: used\n');
    const plain = spawnSync(process.execPath, [BIN, 'check', sample, '--json'], {
      encoding: 'utf8', env: { ...process.env, ZIPING_DEBUG: 'cache', ZIPING_V8_DEFAULTS: '1' },
    });
    expect(plain.stderr).toBe('code cache: none\n');
    expect(plain.status).toBe(cached.status);
    expect(plain.stdout).toBe(cached.stdout);
  });

  it('takes no code cache made for another cli.js, even one of the same length', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-cache-'));
    try {
      const built = path.dirname(BIN);
      for (const f of fs.readdirSync(built)) if (/^(main|cli)\.js$|\.cache$/.test(f)) fs.copyFileSync(path.join(built, f), path.join(copy, f));
      fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
      const run = (): string => spawnSync(process.execPath, [path.join(copy, 'main.js'), '--version'], {
        encoding: 'utf8', env: { ...process.env, ZIPING_DEBUG: 'cache' },
      }).stderr;
      expect(run()).toBe('code cache: used\n');
      // one character of a comment changed: same length, other content
      const cli = fs.readFileSync(path.join(copy, 'cli.js'), 'latin1');
      const at = cli.indexOf('// run by');
      fs.writeFileSync(path.join(copy, 'cli.js'), `${cli.slice(0, at)}// Run by${cli.slice(at + 9)}`, 'latin1');
      expect(fs.statSync(path.join(copy, 'cli.js')).size).toBe(cli.length);
      expect(run()).toBe('code cache: none\n');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('runs as `npx ziping` runs it: the file itself, executable', () => {
    expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
    const version = spawnSync('npx', ['--no-install', 'ziping', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(version.stderr).toBe('');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/\d+\.\d+\.\d+/);
  });

  it('checks, fills a copy and exits with the contract codes', () => {
    const sample = path.join(dir, 'sample.xlsx');
    const check = spawnSync(process.execPath, [BIN, 'check', sample, '--json'], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    const report = JSON.parse(check.stdout);
    expect(report).toMatchObject({ version: 1, file: sample, ruleSet: 'mof-2020' });
    expect(report.forms).toHaveLength(4);

    const before = fs.readFileSync(sample);
    const out = path.join(dir, 'filled.xlsx');
    const fill = spawnSync(process.execPath, [BIN, 'fill', sample, '-o', out], { encoding: 'utf8' });
    expect(fill.stderr).toBe('');
    expect(fill.status).toBe(0);
    expect(fs.readFileSync(sample).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['filled.xlsx', 'sample.xlsx']);

    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(sample, link);
    const same = spawnSync(process.execPath, [BIN, 'fill', sample, '-o', link], { encoding: 'utf8' });
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/输出文件不能与输入文件相同/);

    const noFolder = spawnSync(process.execPath, [BIN, 'fill', sample, '-o', path.join(dir, 'no', 'such', 'out.xlsx')], { encoding: 'utf8' });
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toMatch(/无法写入 .*out\.xlsx：所在文件夹不存在/);
    expect(fs.readdirSync(dir).sort()).toEqual(['filled.xlsx', 'link.xlsx', 'sample.xlsx']);

    const missing = spawnSync(process.execPath, [BIN, 'check', path.join(dir, 'nope.xlsx'), '--lang', 'en-US'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.xlsx: file not found/);
  });

  it('checks a pile on worker threads: output and reports do not depend on the number of threads', async () => {
    const pile = path.join(dir, 'pile');
    await writePile(pile);
    const runWith = (jobs: number) => {
      const out = path.join(dir, `jobs${jobs}`);
      fs.mkdirSync(out);
      const r = spawnSync(process.execPath, [BIN, 'check', pile, '--jobs', String(jobs), '--report', path.join(out, 'r.xlsx'), '--report', path.join(out, 'r.html')],
        { encoding: 'utf8', env: { ...process.env, CI: '1' } });
      const json = spawnSync(process.execPath, [BIN, 'check', pile, '--jobs', String(jobs), '--json'], { encoding: 'utf8' });
      return { r, json, xlsx: fs.readFileSync(path.join(out, 'r.xlsx')), html: fs.readFileSync(path.join(out, 'r.html')) };
    };
    const one = runWith(1);
    const four = runWith(4);
    expect(one.r.status).toBe(1);
    expect(four.r.status).toBe(1);
    expect(four.r.stdout).toBe(one.r.stdout);
    expect(four.r.stderr).toBe(one.r.stderr.replace(/jobs1/g, 'jobs4'));
    expect(four.json.stdout).toBe(one.json.stdout);
    expect(JSON.parse(four.json.stdout)).toHaveLength(3);
    expect(four.xlsx.equals(one.xlsx)).toBe(true);
    expect(four.html.equals(one.html)).toBe(true);
    // the progress line is for a terminal only: none here (stderr is a pipe)
    expect(four.r.stderr).not.toMatch(/已校验/);
  }, 120_000);

  it('hands a slow reader the whole report before it exits (a pipe is written asynchronously)', async () => {
    const { spawn } = await import('child_process');
    const many = path.join(dir, 'many-slow.xlsx');
    await buildBenchWorkbook(60).xlsx.writeFile(many);
    const whole = spawnSync(process.execPath, [BIN, 'check', many, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    const child = spawn(process.execPath, [BIN, 'check', many, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    // read nothing for a while: the pipe fills, and the CLI's writes wait in its own buffer
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 500));
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => { out += d; });
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(200_000);
    expect(out).toBe(whole);
  });

  it('stops quietly when the reader of its output goes away (`ziping check … --json | head -c 100`)', async () => {
    const { spawn } = await import('child_process');
    // a report far larger than a pipe's buffer, so that writing it meets the closed pipe
    const many = path.join(dir, 'many.xlsx');
    await buildBenchWorkbook(60).xlsx.writeFile(many);
    const child = spawn(process.execPath, [BIN, 'check', many, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    // read the first bytes, then close the pipe as `head` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => { child.stdout.destroy(); resolve(); }));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    // the check's own exit code, not a crash's
    expect([0, 1]).toContain(code);
  });
});
