/*
 * One development build of the pages for every browser test file: jest's globalSetup builds it once
 * (test/e2e/global-setup.ts) and hands its folder on in ZIPING_E2E_DIST; a file run on its own outside that config
 * builds its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
export const DIST_ENV = 'ZIPING_E2E_DIST';

/** Builds the add-in's and the workbench's pages (webpack, development) into a new temporary folder. */
export function buildPages(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-e2e-'));
  const built = spawnSync(process.execPath, [path.join(REPO, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'development', '--output-path', outDir], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (built.status !== 0) throw new Error(`webpack failed:\n${built.stdout}\n${built.stderr}`.slice(-6000));
  return outDir;
}

/** The folder of the shared build (built now when there is none). */
export function e2eDist(): string {
  const given = process.env[DIST_ENV];
  if (given && fs.existsSync(given)) return given;
  const built = buildPages();
  process.env[DIST_ENV] = built;
  return built;
}
