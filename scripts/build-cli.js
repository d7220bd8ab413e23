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
  // the bin (a launcher), the CLI it starts, the worker thread the CLI starts for a pile (src/cli/pile.ts looks for
  // worker.js beside itself) and the report writers (echarts, exceljs), a file of their own that `check --report`
  // alone loads
  const dir = path.dirname(BIN);
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) if (/^cli(-[0-9a-f]+)?\.cache$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
  for (const [entry, outfile] of [
    ['bin.ts', BIN], ['main.ts', path.join(dir, 'cli.js')], ['worker.ts', path.join(dir, 'worker.js')], ['reports.ts', path.join(dir, 'reports.js')],
  ]) {
    bundleOne(entry, outfile, entry === 'main.ts' ? CLI_WRAPPER : undefined);
  }
}

/**
 * cli.js is the function the bin calls (src/cli/bin.ts), written as the wrapper Node gives a CommonJS file: the bin
 * compiles the file as it is, with no string built around it that V8 would first copy whole.
 */
const CLI_WRAPPER = {
  banner: { js: '// run by build/src/cli/main.js (src/cli/bin.ts), not by node directly\n(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
};

/**
 * esbuild writes code in ASCII (non-ASCII characters as `\u` escapes) but keeps some comments as written, in
 * Chinese. One such character makes V8 hold the whole source as two bytes a character, and decode it from UTF-8
 * first: the bin reads cli.js on every run. In a comment an escape means nothing, and in code it means the same
 * character, so every character past ASCII is written as its escape.
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) fs.writeFileSync(file, ascii);
}

/**
 * V8's code cache for cli.js (src/cli/bin.ts): the bin checks the project's sample workbook once and writes the
 * functions it compiled, as cli-<CRC-32 of cli.js>.cache. A failure leaves no cache, which costs only speed; it is
 * said, not fatal.
 */
function codeCache() {
  const dir = path.dirname(BIN);
  const sample = path.join(ROOT, 'assets', 'sample', 'sample-2021.xlsx');
  const r = spawnSync(process.execPath, [BIN, 'check', sample, '--json'], {
    cwd: ROOT, env: { ...process.env, ZIPING_WRITE_CODE_CACHE: dir }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
  });
  // 0 or 1: checked (the sample has errors on purpose); the bin names the cache after cli.js's CRC-32
  const made = fs.readdirSync(dir).filter((f) => /^cli-[0-9a-f]+\.cache$/.test(f));
  if ((r.status !== 0 && r.status !== 1) || made.length !== 1) {
    for (const f of made) fs.rmSync(path.join(dir, f), { force: true });
    process.stderr.write(`build-cli: no code cache (the bin runs without it): ${r.error?.message ?? r.stderr ?? r.status}\n`);
  }
}

function bundleOne(entry, outfile, wrapper) {
  require('esbuild').buildSync({
    ...wrapper,
    // the default, said here because asciiOnly below relies on it: code holds non-ASCII characters only as escapes
    charset: 'ascii',
    entryPoints: [path.join(ROOT, 'src', 'cli', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'inline',
    logLevel: 'warning',
    // fflate's Node build loads node:worker_threads at start-up (about 4 ms) for async APIs Ziping never calls; its
    // browser build has the same synchronous Inflate and deflateSync and no worker at load
    alias: { fflate: 'fflate/browser' },
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
  if (status === 0) asciiOnly(path.join(path.dirname(BIN), 'cli.js'));
  if (fs.existsSync(BIN)) {
    fs.chmodSync(BIN, 0o755);
    if (status === 0) codeCache();
  }
  return status;
}

module.exports = { buildCli, BIN };

if (require.main === module) process.exit(buildCli(process.argv[2]));
