/*
 * npm run audit:prod (scripts/audit-prod.js) on fixture trees built here: the production tree as Node resolves it
 * (nested copies, dev dependencies left out), checked against an advisory list; a match fails unless marked not
 * applicable with a reason. Also: the repository's own tree passes and docs/dependencies.md is up to date.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'audit-prod.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const audit = require(SCRIPT) as { satisfies(version: string, range: string): boolean };

interface Pkg {
  name: string;
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

let dir: string;

function put(rel: string, pkg: Pkg): void {
  fs.mkdirSync(path.join(dir, rel), { recursive: true });
  fs.writeFileSync(path.join(dir, rel, 'package.json'), JSON.stringify(pkg));
}

/** app → zipper 3.7.0 → inflate 0.9.0 (nested) and @s/util 1.0.0; a hoisted inflate 2.0.0 that only devtool uses. */
function tree(): void {
  put('.', { name: 'app', version: '1.0.0', dependencies: { zipper: '^3', '@s/util': '^1' }, devDependencies: { devtool: '1' } });
  put('node_modules/zipper', { name: 'zipper', version: '3.7.0', license: 'MIT', dependencies: { inflate: '^0.9', '@s/util': '^1' } });
  put('node_modules/zipper/node_modules/inflate', { name: 'inflate', version: '0.9.0', license: 'ISC' });
  put('node_modules/inflate', { name: 'inflate', version: '2.0.0', license: 'ISC' });
  put('node_modules/@s/util', { name: '@s/util', version: '1.0.0', license: '(MIT OR Apache-2.0)' });
  put('node_modules/devtool', { name: 'devtool', version: '1.0.0', license: 'MIT', dependencies: { inflate: '^2' } });
}

function advisories(list: object[], reviewed = '2026-12-01'): string {
  const file = path.join(dir, 'advisories.json');
  fs.writeFileSync(file, JSON.stringify({ reviewed, advisories: list }));
  return file;
}

function runAudit(adv: string, ...extra: string[]) {
  const out = path.join(dir, 'docs', 'dependencies.md');
  const r = spawnSync(process.execPath, [SCRIPT, '--root', dir, '--advisories', adv, '--out', out, ...extra], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, md: fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '' };
}

const INFLATE = { id: 'GHSA-test-0001', package: 'inflate', vulnerable: '<1.0.0', summary: 'test advisory', verified: false };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-audit-'));
  tree();
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('audit:prod on a fixture tree', () => {
  it('lists the production tree (nested copies by path, dev dependencies left out) with licences', () => {
    const r = runAudit(advisories([]));
    expect(r.status).toBe(0);
    expect(r.md).toContain('| zipper | 3.7.0 | MIT | node_modules/zipper |');
    expect(r.md).toContain('| inflate | 0.9.0 | ISC | node_modules/zipper/node_modules/inflate |');
    expect(r.md).toContain('| @s/util | 1.0.0 | (MIT OR Apache-2.0) | node_modules/@s/util |');
    expect(r.md).not.toContain('devtool');
    expect(r.md).not.toContain('| inflate | 2.0.0 |');
    expect(r.md).toMatch(/Tree \/ 依赖树 \(3 installed packages\)/);
    expect(r.md).toContain('reviewed 2026-12-01');
  });

  it('fails on an installed version in a vulnerable range, naming package, version, path and advisory', () => {
    const r = runAudit(advisories([INFLATE]));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('VULNERABLE: inflate@0.9.0 (node_modules/zipper/node_modules/inflate) is in GHSA-test-0001 <1.0.0');
    expect(r.md).toContain('| inflate | 0.9.0 | GHSA-test-0001 | <1.0.0 | **VULNERABLE** |');
  });

  it('passes when the match is marked not applicable with a reason, and says so', () => {
    const r = runAudit(advisories([{ ...INFLATE, notApplicable: 'only the inflate() path is used, the advisory concerns deflate()' }]));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('not applicable: inflate@0.9.0');
    expect(r.md).toContain('not applicable: only the inflate() path is used');
  });

  it('ignores a vulnerable version that only a dev dependency brings', () => {
    const r = runAudit(advisories([{ ...INFLATE, vulnerable: '>=2.0.0 <2.0.1' }]));
    expect(r.status).toBe(0);
    expect(r.md).toContain('No installed version is in a vulnerable range');
  });

  it.each<[string, object, RegExp]>([
    ['a waiver without a reason', { ...INFLATE, notApplicable: '' }, /"notApplicable" must give the reason/],
    ['an unreadable range', { ...INFLATE, vulnerable: '~1.x' }, /cannot read "~1\.x"/],
    ['no verified field', { id: 'X', package: 'inflate', vulnerable: '<1.0.0', summary: 's' }, /"verified" must say where/],
  ])('refuses a list with %s (exit 2)', (_name, entry, message) => {
    const r = runAudit(advisories([entry]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('warns about an old list and, with --check, fails when the written file is out of date', () => {
    const adv = advisories([], '2020-01-01');
    const first = runAudit(adv);
    expect(first.stdout).toMatch(/warning: the advisory list is more than \d+ days old/);
    expect(runAudit(adv, '--check').status).toBe(0);
    put('node_modules/@s/util', { name: '@s/util', version: '1.0.1', license: 'MIT' });
    const stale = runAudit(adv, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/dependencies\.md is out of date/);
  });

  it('says what is not installed (exit 2)', () => {
    fs.rmSync(path.join(dir, 'node_modules', '@s'), { recursive: true });
    const r = runAudit(advisories([]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not installed \(run npm ci\): @s\/util \(needed by app\)/);
  });
});

describe('version ranges', () => {
  it.each<[string, string, boolean]>([
    ['3.7.0', '<3.8.0', true],
    ['3.8.0', '<3.8.0', false],
    ['2.0.1', '<1.1.12 || >=2.0.0 <2.0.2', true],
    ['2.1.8', '<1.1.12 || >=2.0.0 <2.0.2', false],
    ['1.0.0-beta.1', '<1.0.0', true],
    ['10.6.0', '10.6.0', true],
    ['10.10.0', '<10.9.0', false],
  ])('%s in %s: %s', (v, range, expected) => {
    expect(audit.satisfies(v, range)).toBe(expected);
  });
});

describe('the repository', () => {
  it('passes its own advisory list, and docs/dependencies.md is what the script writes', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
