#!/usr/bin/env node
/*
 * Compiles a TypeScript project into build/ and leaves the `ziping` bin executable. tsc writes files with the
 * default mode, and `npx ziping` runs the bin file itself: without the x bit it fails with "Permission denied".
 * Used by `prepare` (every `npm ci`), `build:cli`, the bench and the bin test. Usage: node scripts/build-cli.js [tsconfig]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, require('../package.json').bin.ziping);

function buildCli(project = 'tsconfig.cli.json') {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'inherit' });
  if (fs.existsSync(BIN)) fs.chmodSync(BIN, 0o755);
  return r.status ?? 1;
}

module.exports = { buildCli, BIN };

if (require.main === module) process.exit(buildCli(process.argv[2]));
