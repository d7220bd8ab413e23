/*
 * npm run audit:prod (scripts/audit-prod.js): its version ranges, and the repository's own tree passes its advisory
 * list with docs/dependencies.md up to date. The runs on fixture trees are in audit.slow.test.ts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'audit-prod.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const audit = require(SCRIPT) as { satisfies(version: string, range: string): boolean };

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
