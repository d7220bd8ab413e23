import { existsSync, statSync } from 'fs';
import { availableParallelism, cpus } from 'os';
import { join } from 'path';
import type { Worker } from 'node:worker_threads';
import { readdir } from './fsAsync';
import type { FileJob, FileOutcome } from './checkFile';
import type { WorkerRequest } from './worker';
import { terminalSafe } from './terminal';

/** Folder access for `check PATH…`; without it every argument is a file. */
export interface DirIo {
  kind(p: string): Promise<'dir' | 'file' | 'missing'>;
  /** the entries of a folder: name and whether it is a folder (symlinked folders count as files: no loops) */
  list(dir: string): Promise<{ name: string; dir: boolean }[]>;
}

export const nodeDirIo: DirIo = {
  // synchronous, as the main thread's reads (run.ts nodeIo): a check of one workbook then never starts libuv's thread pool
  kind: async (p) => {
    try {
      return statSync(p).isDirectory() ? 'dir' : 'file';
    } catch {
      return 'missing';
    }
  },
  list: async (dir) => (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() })),
};

export type SkipReason = 'lockFile' | 'notWorkbook' | 'report';

export interface Expanded {
  files: string[];
  skipped: { file: string; reason: SkipReason }[];
  /** folders given that hold no workbook */
  emptyFolders: string[];
  /** true when the arguments name exactly one file (the JSON report is then one object, not an array) */
  single: boolean;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files `check` reads, in a stable order: each argument in turn; a folder's workbooks recursively, entries by
 * name (code-point order, the same on every system). Files named on the command line are taken as they are.
 */
export async function expandPaths(args: readonly string[], dirs: DirIo | undefined, isReport: (f: string) => Promise<boolean>): Promise<Expanded> {
  const out: Expanded = { files: [], skipped: [], emptyFolders: [], single: args.length === 1 };
  const walk = async (dir: string): Promise<number> => {
    let found = 0;
    const entries = (await (dirs as DirIo).list(dir)).sort((a, b) => byName(a.name, b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.dir) {
        found += await walk(p);
      } else if (e.name.startsWith('~$')) {
        out.skipped.push({ file: p, reason: 'lockFile' });
      } else if (!WORKBOOK.test(e.name)) {
        out.skipped.push({ file: p, reason: 'notWorkbook' });
      } else if (await isReport(p)) {
        out.skipped.push({ file: p, reason: 'report' });
      } else {
        out.files.push(p);
        found++;
      }
    }
    return found;
  };
  for (const a of args) {
    if (dirs && (await dirs.kind(a)) === 'dir') {
      out.single = false;
      if ((await walk(a)) === 0) out.emptyFolders.push(a);
    } else {
      out.files.push(a);
    }
  }
  return out;
}

/** Checks one file and answers with what the pile keeps of it. */
export type Runner = (job: FileJob) => Promise<FileOutcome>;

/**
 * A pool of worker threads running src/cli/worker; null when the compiled worker is not there (ts-jest, ts-node).
 * A job goes at once to the worker with the fewest jobs in hand (the first such), which queues it: the caller keeps
 * `JOBS_AHEAD` jobs per worker in flight (runInOrder), so that a worker that finishes a file starts the next without
 * waiting for a message from the main thread.
 */
export function workerPool(size: number): { run: Runner; close: () => Promise<void> } | null {
  const entry = join(__dirname, 'worker.js');
  if (size < 1 || !existsSync(entry)) return null;
  // loaded here, not at start-up: a check of one workbook never starts a thread (about 3 ms of module loading)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
  const workers: { thread: Worker; pending: Map<number, (o: FileOutcome) => void> }[] = [];
  let nextId = 0;
  /** a worker that died takes its files with it; the pile stops with an internal error rather than wait forever */
  let crashed: string | null = null;
  const failAll = (): void => {
    for (const w of workers) {
      for (const [, done] of w.pending) done({ kind: 'failed', file: '', message: crashed ?? '' });
      w.pending.clear();
    }
  };
  for (let i = 0; i < size; i++) {
    const w = { thread: new WorkerThread(entry), pending: new Map<number, (o: FileOutcome) => void>() };
    w.thread.on('message', (m: { id: number; outcome: FileOutcome }) => {
      const done = w.pending.get(m.id);
      w.pending.delete(m.id);
      done?.(m.outcome);
    });
    w.thread.on('error', (e) => {
      crashed ??= e instanceof Error ? (e.stack ?? e.message) : String(e);
      failAll();
    });
    workers.push(w);
  }
  return {
    run: (job) => new Promise<FileOutcome>((resolve) => {
      if (crashed !== null) {
        resolve({ kind: 'failed', file: job.file, message: crashed });
        return;
      }
      const w = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      w.pending.set(id, resolve);
      w.thread.postMessage({ id, job } satisfies WorkerRequest);
    }),
    close: async () => {
      await Promise.all(workers.map((w) => w.thread.terminate()));
    },
  };
}

/** Jobs in flight per worker thread: the one it checks and the next, already in its queue. */
export const JOBS_AHEAD = 2;

/** The threads a pile gets: `--jobs` if given, else one per core; never more than the files. */
export function threadCount(jobs: number | undefined, files: number): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, Math.min(jobs ?? cores, files));
}

/**
 * Runs the jobs `inFlight` at a time and hands each outcome to `emit` in the jobs' order, whatever order they finish
 * in. At most `inFlight * 2` jobs are started past the first not yet handed over, so memory does not grow with the
 * pile.
 */
export async function runInOrder(
  jobs: readonly FileJob[], inFlight: number, run: Runner, emit: (o: FileOutcome, index: number) => void,
): Promise<void> {
  const limit = Math.max(1, inFlight);
  const window = limit * 2;
  const done = new Map<number, FileOutcome>();
  let next = 0;
  let emitted = 0;
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const pump = (): void => {
      while (done.has(emitted)) {
        const o = done.get(emitted) as FileOutcome;
        done.delete(emitted);
        try {
          emit(o, emitted);
        } catch (e) {
          reject(e);
          return;
        }
        emitted++;
      }
      if (emitted === jobs.length) {
        resolve();
        return;
      }
      while (running < limit && next < jobs.length && next < emitted + window) {
        const i = next++;
        running++;
        run(jobs[i]).then((o) => {
          running--;
          done.set(i, o);
          pump();
        }, reject);
      }
    };
    pump();
  });
}

/** The progress line on a terminal: files done/total, forms, errors so far, time left. */
export class Progress {
  private shown = false;
  private last = 0;
  private readonly start = Date.now();

  constructor(
    private readonly write: ((s: string) => void) | null,
    private readonly total: number,
    private readonly line: (done: number, total: number, forms: number, errors: number, secondsLeft: number | null) => string,
  ) {}

  update(done: number, forms: number, errors: number): void {
    if (!this.write) return;
    const now = Date.now();
    // short runs print nothing; long ones at most ten times a second
    if (now - this.start < 500 || (now - this.last < 100 && done < this.total)) return;
    this.last = now;
    const elapsed = (now - this.start) / 1000;
    const left = done > 0 ? Math.round((elapsed / done) * (this.total - done)) : null;
    this.write(`\r\x1b[K${terminalSafe(this.line(done, this.total, forms, errors, left))}`);
    this.shown = true;
  }

  /** clears the line (before other output, and at the end) */
  clear(): void {
    if (this.write && this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}

/** True when a progress line belongs on stderr: a terminal, and not under CI. */
export function wantsProgress(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env.CI;
}

