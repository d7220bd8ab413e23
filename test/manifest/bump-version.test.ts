import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bumpVersion, insertChangelogHeading, nextVersion, setManifestVersion } from '../../scripts/bump-version';
import { REPO_ROOT } from './support';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'bump-version.js');

const CHANGELOG = `# Changelog

All notable changes to this project are documented here.

## [Unreleased]

### Added
- Ribbon commands 校验 and 填写得分.

## [0.1.0] - 2024-01-02

### Added
- First release.
`;

let dir: string;

/** A temp checkout: copies of the real package.json, package-lock.json, manifest.xml; a sample CHANGELOG.md. */
function makeCheckout(changelog: string | null = CHANGELOG): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-bump-'));
  for (const f of ['package.json', 'package-lock.json', 'manifest.xml']) fs.copyFileSync(path.join(REPO_ROOT, f), path.join(d, f));
  if (changelog !== null) fs.writeFileSync(path.join(d, 'CHANGELOG.md'), changelog);
  return d;
}
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
const currentVersion = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('nextVersion', () => {
  it.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'patch', '0.1.10'],
    ['0.1.3', 'minor', '0.2.0'],
    ['0.9.3', 'major', '1.0.0'],
    ['0.1.0', '0.2.0', '0.2.0'],
    ['0.1.0', '10.0.0', '10.0.0'],
  ])('%s + %s → %s', (current, spec, expected) => {
    expect(nextVersion(current, spec)).toBe(expected);
  });

  it.each([
    ['0.1.0', '0.1.0', /not greater/],
    ['0.2.0', '0.1.5', /not greater/],
    ['0.1.0', '0.2.0-beta.1', /not valid/],
    ['0.1.0', 'v0.2.0', /not valid/],
    ['0.1.0', '0.2', /not valid/],
    ['0.1.0', '', /not valid/],
    ['0.1', 'patch', /not x\.y\.z/],
  ])('%s + %p throws', (current, spec, message) => {
    expect(() => nextVersion(current, spec)).toThrow(message);
  });
});

describe('setManifestVersion', () => {
  it('writes x.y.z.0', () => {
    expect(setManifestVersion('<OfficeApp><Version>0.1.0.0</Version></OfficeApp>', '1.2.3')).toBe('<OfficeApp><Version>1.2.3.0</Version></OfficeApp>');
  });
  it('refuses a manifest without exactly one <Version>', () => {
    expect(() => setManifestVersion('<OfficeApp/>', '1.2.3')).toThrow(/found 0/);
  });
});

describe('insertChangelogHeading', () => {
  it('puts the release heading under [Unreleased], so its entries become the release', () => {
    const out = insertChangelogHeading(CHANGELOG, '0.2.0', '2025-03-04');
    expect(out).toContain('## [Unreleased]\n\n## [0.2.0] - 2025-03-04\n\n### Added\n- Ribbon commands');
    expect(out.replace('\n## [0.2.0] - 2025-03-04\n', '')).toBe(CHANGELOG);
  });

  it('without [Unreleased], inserts before the first release heading', () => {
    const text = '# Changelog\n\n## [0.1.0] - 2024-01-02\n- First.\n';
    expect(insertChangelogHeading(text, '0.2.0', '2025-03-04')).toBe('# Changelog\n\n## [0.2.0] - 2025-03-04\n\n## [0.1.0] - 2024-01-02\n- First.\n');
  });

  it('keeps CRLF line ends', () => {
    const out = insertChangelogHeading(CHANGELOG.replace(/\n/g, '\r\n'), '0.2.0', '2025-03-04');
    expect(out).toContain('## [Unreleased]\r\n\r\n## [0.2.0] - 2025-03-04\r\n\r\n### Added');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses a version that already has a section', () => {
    expect(() => insertChangelogHeading(CHANGELOG, '0.1.0', '2025-03-04')).toThrow(/already has a section/);
  });
});

describe('bumpVersion on a temp copy', () => {
  it('updates package.json, the lock root, manifest.xml and CHANGELOG.md together', () => {
    dir = makeCheckout();
    const lockBefore = JSON.parse(read('package-lock.json'));
    const result = bumpVersion({ root: dir, spec: 'minor', date: '2025-03-04' });
    const [maj, min] = currentVersion.split('.').map(Number);
    const to = `${maj}.${min + 1}.0`;
    expect(result).toEqual({ from: currentVersion, to, files: ['package.json', 'package-lock.json', 'manifest.xml', 'CHANGELOG.md'].map((f) => path.join(dir, f)) });
    expect(JSON.parse(read('package.json')).version).toBe(to);
    const lock = JSON.parse(read('package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual([to, to]);
    expect(lock.packages['node_modules/react']).toEqual(lockBefore.packages['node_modules/react']);
    expect(read('manifest.xml')).toContain(`<Version>${to}.0</Version>`);
    expect(read('manifest.xml').replace(`<Version>${to}.0</Version>`, '')).toBe(
      fs.readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8').replace(`<Version>${currentVersion}.0</Version>`, ''),
    );
    expect(read('CHANGELOG.md')).toContain(`## [Unreleased]\n\n## [${to}] - 2025-03-04\n`);
  });

  it('keeps package.json byte-identical apart from the version line', () => {
    dir = makeCheckout();
    bumpVersion({ root: dir, spec: '7.0.0', date: '2025-03-04' });
    const before = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
    expect(read('package.json')).toBe(before.replace(`"version": "${currentVersion}"`, '"version": "7.0.0"'));
  });

  it('writes nothing when one file cannot be updated', () => {
    dir = makeCheckout(`# Changelog\n\n## [Unreleased]\n\n## [9.0.0] - 2030-01-01\n`);
    const before = ['package.json', 'package-lock.json', 'manifest.xml', 'CHANGELOG.md'].map(read);
    expect(() => bumpVersion({ root: dir, spec: '9.0.0', date: '2025-03-04' })).toThrow(/already has a section/);
    expect(['package.json', 'package-lock.json', 'manifest.xml', 'CHANGELOG.md'].map(read)).toEqual(before);
  });

  it('runs from the command line with --root and reports the change', () => {
    dir = makeCheckout(null);
    const out = execFileSync(process.execPath, [SCRIPT, '--root', dir, '4.5.6'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain(`${currentVersion} → 4.5.6`);
    expect(read('manifest.xml')).toContain('<Version>4.5.6.0</Version>');
    expect(fs.existsSync(path.join(dir, 'CHANGELOG.md'))).toBe(false);
  });

  it('exits 1 with a usage message on a bad argument', () => {
    dir = makeCheckout();
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [SCRIPT, '--root', dir, 'next'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/not valid.*patch, minor, major/);
    expect(JSON.parse(read('package.json')).version).toBe(currentVersion);
  });
});
