#!/usr/bin/env node
/**
 * The `ziping` bin (build/src/cli/main.js): starts the bundled CLI (cli.js beside it) with V8's code cache for it
 * (cli-<crc32>.cache, written by scripts/build-cli.js), so that a run does not compile the bundle's functions again.
 *
 * V8 takes a code cache only when it was made by the same V8 version, with the same flags, for a source of the same
 * length (https://v8.dev/blog/code-caching-for-devs); otherwise `cachedDataRejected` is set and the bundle compiles
 * as without one. A source of the same length but other content would pass V8's check, so the cache's name carries
 * the CRC-32 of the cli.js it was made for: a changed cli.js finds no cache. The cache is written in the same build
 * step as the bundle, and the flags are set before either. Nothing but speed depends on it: without a cache, or with
 * `ZIPING_V8_DEFAULTS=1`, the CLI runs the same.
 * The bundle must not use `import()`: a vm script rejects it (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING) unless given
 * Node's experimental default loader, which warns on stderr; it loads lazily with `require` instead.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { tuneV8 } from './v8tune';

// before the bundle is compiled: V8 takes a code cache only when made with the same flags
tuneV8();

const file = join(__dirname, 'cli.js');
const bytes = readFileSync(file);
// zlib.crc32 is Node ≥ 20.15; before it, no cache
const crc = typeof crc32 === 'function' ? crc32(bytes).toString(16).padStart(8, '0') : null;
/** scripts/build-cli.js sets it to make the cache: the run's compiled functions are written there at exit */
const writeCache = process.env.ZIPING_WRITE_CODE_CACHE;

function cachedData(): Buffer | undefined {
  if (writeCache || process.env.ZIPING_V8_DEFAULTS || crc === null) return undefined;
  try {
    return readFileSync(join(__dirname, `cli-${crc}.cache`));
  } catch {
    return undefined;
  }
}

// cli.js is already the function expression Node would wrap a CommonJS file in, and ASCII (scripts/build-cli.js):
// read as Latin-1 it is the same text, made without decoding UTF-8
const script = new Script(isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'), {
  filename: file,
  cachedData: cachedData(),
});
if (writeCache && crc !== null) process.once('exit', () => writeFileSync(join(writeCache, `cli-${crc}.cache`), script.createCachedData()));
// for the bin's test: whether this run used the cache
if (process.env.ZIPING_DEBUG === 'cache') process.stderr.write(`code cache: ${script.cachedDataRejected === false ? 'used' : script.cachedDataRejected ? 'rejected' : 'none'}\n`);

const cli = { exports: {} as unknown, filename: file, id: file, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void).call(cli.exports, cli.exports, createRequire(file), cli, file, __dirname);
