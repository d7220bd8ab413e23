#!/usr/bin/env node
/*
 * Builds the `ziping` bin as one bundled file (esbuild, target node): start-up is then one file to parse, not the
 * hundreds of modules a tsc build loads. Then, when a tsconfig is given (the bench: tsconfig.bench.json), compiles
 * that project into build/ as before, and bundles the bin again over tsc's main.js. The bin is left executable:
 * `npx ziping` runs the file itself, and without the x bit it fails with "Permission denied".
 * Used by `prepare` (every `npm ci`), `build:cli`, the bench and the bin test. Usage: node scripts/build-cli.js [tsconfig]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, require('../package.json').bin.ziping);

function bundle() {
  require('esbuild').buildSync({
    entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
    outfile: BIN,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'inline',
    logLevel: 'warning',
  });
}

function buildCli(project) {
  let status = 0;
  if (project) {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    status = spawnSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
  }
  try {
    bundle();
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    status = status || 1;
  }
  if (fs.existsSync(BIN)) fs.chmodSync(BIN, 0o755);
  return status;
}

module.exports = { buildCli, BIN };

if (require.main === module) process.exit(buildCli(process.argv[2]));
