import { constants, promises as fsp, unlinkSync, type Stats } from 'fs';
import { basename, dirname, join, resolve } from 'path';

/** Why `fill -o` will not write to a path (before any byte is written). */
export type OutputRefusal = 'directory' | 'special' | 'symlink' | 'exists' | 'changed';

/** `fill -o` names something that must not be replaced: the message says which, never the temporary file. */
export class OutputRefused extends Error {
  constructor(readonly reason: OutputRefusal) {
    super(`output refused: ${reason}`);
  }
}

export interface OutputOptions {
  /** replace an existing regular file (its permission bits are kept) */
  readonly force: boolean;
  /** called once the temporary file exists and before it is written; tests use it to fail or stop there */
  readonly onTemp?: (tmp: string) => void | Promise<void>;
}

async function lstatOrNull(file: string): Promise<Stats | null> {
  try {
    return await fsp.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * What is at `file` now, judged for `fill -o`: null when nothing is there, the file's stats when it is a regular
 * file that `force` allows to replace. Throws OutputRefused for a directory, a device, a FIFO, a socket, a symbolic
 * link (whatever it points to: replacing the link would surprise, following it is what O_NOFOLLOW forbids) and,
 * without `force`, an existing file.
 */
export async function outputTarget(file: string, force: boolean): Promise<Stats | null> {
  const st = await lstatOrNull(file);
  if (!st) return null;
  if (st.isSymbolicLink()) throw new OutputRefused('symlink');
  if (st.isDirectory()) throw new OutputRefused('directory');
  if (!st.isFile()) throw new OutputRefused('special');
  if (!force) throw new OutputRefused('exists');
  return st;
}

/** Temporary files of writes under way, removed if the process is interrupted. */
const pending = new Set<string>();

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  // die of the signal as if we had not caught it, so the shell sees 130 / 143
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (pending.size === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  pending.add(tmp);
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Writes `data` to `file` as `fill -o` must: only to a regular file (see outputTarget), through a temporary file
 * next to it with an unpredictable name, created exclusively without following symbolic links, synced to disk and
 * renamed over the target. The temporary file is removed on every failure and on SIGINT/SIGTERM.
 */
export async function writeOutputFile(file: string, data: Uint8Array, options: OutputOptions): Promise<void> {
  const target = resolve(file);
  const before = await outputTarget(target, options.force);
  // loaded here: node's crypto takes longer to load than a check of a small workbook takes to read, and only fill needs it
  // (`require`, not `import()`: the bin runs the bundle as a vm script, src/cli/bin.ts)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(12).toString('hex')}.tmp`);
  const handle = await fsp.open(tmp, CREATE_FLAGS, 0o666);
  track(tmp);
  let closed = false;
  try {
    await options.onTemp?.(tmp);
    // the permission bits, not set-user-ID and the like: an .xlsx never needs them
    if (before) await handle.chmod(before.mode & 0o777);
    await handle.writeFile(data);
    await handle.sync();
    const written = await handle.stat();
    await handle.close();
    closed = true;
    // what we rename must be the file we wrote, not something put at its name meanwhile
    const now = await lstatOrNull(tmp);
    if (!now || now.ino !== written.ino || now.dev !== written.dev) throw new OutputRefused('changed');
    // the target may have changed while we computed: refuse the same things again, just before the rename
    await outputTarget(target, options.force);
    await fsp.rename(tmp, target);
  } catch (e) {
    if (!closed) await handle.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true });
    throw e;
  } finally {
    untrack(tmp);
  }
  await syncDir(dirname(target));
}

/** The rename is durable once the folder is synced; some systems cannot open a folder for that, which is fine. */
async function syncDir(dir: string): Promise<void> {
  try {
    const h = await fsp.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // not supported here (Windows, some network file systems)
  }
}
