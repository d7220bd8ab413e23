import { join } from 'path';
import type { ColumnMap, Lang } from '../core';
import type { ReadOptions } from '../xlsx/read';
import { summarizePile, type FileSummary } from '../report';
import { checkFile, type FileJob, type FileOutcome } from './checkFile';
import { expandPaths, JOBS_AHEAD, Progress, runInOrder, threadCount, workerPool, type DirIo } from './pile';
import { OutputRefused } from './output';
import { PILE_TEXT } from './pileText';
import { ioReason } from './reasons';
import type { CliIo } from './run';
import { CLI_TEXT } from './text';

export interface CheckCommand {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly ruleSet: string | undefined;
  readonly reports: readonly string[];
  readonly jobs: number | undefined;
  /** replace an existing report file */
  readonly force: boolean;
  /** size limits of the package (--max-size) */
  readonly read?: ReadOptions;
  /** --map, parsed, and its file name */
  readonly columnMap?: ColumnMap;
  readonly map?: string;
  /** --declared: a workbook holding the target declarations to compare with */
  readonly declared?: string;
}

/** What `check` needs beyond CliIo to read a pile: folders, worker threads, a terminal for progress. */
export interface PileIo {
  readonly dirs?: DirIo;
  /** true when stderr is a terminal and not under CI: show the progress line */
  readonly progress?: boolean;
  /** the raw stderr for the progress line's own control sequences (its text is made terminal-safe) */
  readonly terminal?: (text: string) => void;
  /** the raw stdout for JSON already made safe by jsonSafe: a megabyte report is not scanned twice */
  readonly jsonOut?: (text: string) => void;
  /** false keeps every file in this thread (tests with an in-memory io) */
  readonly workers?: boolean;
}

/** piles checked in this process: a declaration read for one pile is not taken for another */
let piles = 0;

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_UNUSABLE = 2;

function reportKind(file: string): 'xlsx' | 'html' | null {
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.html?$/i.test(file)) return 'html';
  return null;
}

function indent(json: string): string {
  return json.replace(/^/gm, '  ');
}

/**
 * `ziping check PATH…`: files and folders, checked on worker threads, printed in argument order as they finish;
 * the reports (--report) written at the end from per-file summaries. Exit code: the worst over all files.
 */
export async function checkPile(io: CliIo & PileIo, cmd: CheckCommand, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  const p = PILE_TEXT[lang];
  for (const r of cmd.reports) {
    if (!reportKind(r)) {
      io.stderr(`ziping: ${p.reportKind(r)}\n`);
      return EXIT_UNUSABLE;
    }
  }
  for (const r of cmd.reports) {
    try {
      await io.checkOutput(r, cmd.force);
    } catch (e) {
      if (!(e instanceof OutputRefused) && !(e as NodeJS.ErrnoException | null)?.code) throw e;
      io.stderr(`ziping: ${CLI_TEXT[lang].cannotWrite(r, ioReason(e, lang, true))}\n`);
      return EXIT_UNUSABLE;
    }
  }
  const isReport = async (f: string): Promise<boolean> => {
    for (const r of cmd.reports) if (await io.sameFile(f, r)) return true;
    return false;
  };
  const pile = await expandPaths(cmd.files, io.dirs, isReport);
  let exit = EXIT_OK;
  for (const s of pile.skipped) io.stderr(`ziping: ${p.skipped(s.file, s.reason)}\n`);
  for (const d of pile.emptyFolders) {
    io.stderr(`ziping: ${p.emptyFolder(d)}\n`);
    exit = EXIT_UNUSABLE;
  }

  const jobs: FileJob[] = pile.files.map((file) => ({ file, ruleSet: cmd.ruleSet, lang, json: cmd.json, read: cmd.read, columnMap: cmd.columnMap, mapFile: cmd.map, declared: cmd.declared, declaredKey: `${cmd.declared}\0${++piles}` }));
  const threads = threadCount(cmd.jobs, jobs.length);
  const pool = io.workers === false || threads < 2 ? null : workerPool(threads);
  const run = pool?.run ?? ((job: FileJob) => checkFile(job, (f) => io.readFile(f)));
  const progress = new Progress(io.progress ? (io.terminal ?? io.stderr) : null, jobs.length, p.progress);
  const summaries: FileSummary[] = [];
  const totals = { files: 0, forms: 0, error: 0, warning: 0, info: 0 };
  let printed = 0;
  let failure: string | null = null;
  const out = (s: string): void => {
    progress.clear();
    io.stdout(s);
  };

  const emit = (o: FileOutcome, i: number): void => {
    if (o.kind === 'failed') {
      failure ??= o.message;
      return;
    }
    if (o.kind === 'unreadable') {
      const text = lang === 'en-US' ? o.error.en : o.error.zh;
      const reason = o.error.whole ? text : t.cannotRead(o.file, text);
      progress.clear();
      io.stderr(`ziping: ${reason}\n`);
      if (cmd.reports.length > 0) summaries.push({ file: o.file, forms: [], findings: [], problem: { file: o.file, reason } });
      exit = EXIT_UNUSABLE;
    } else {
      for (const sp of o.sheetProblems) {
        progress.clear();
        io.stderr(`ziping: ${t.sheetUnreadable(o.file, lang === 'en-US' ? sp.en : sp.zh)}\n`);
        exit = EXIT_UNUSABLE;
      }
      if (cmd.json) {
        progress.clear();
        // jsonSafe made it safe in checkFile; the array's brackets, commas and indent add nothing unsafe. One file's
        // report is written piece by piece (reportJsonChunks), never joined into one string
        const out = io.jsonOut ?? io.stdout;
        if (pile.single) {
          for (const chunk of o.json) out(chunk);
          out('\n');
        } else out(`${printed === 0 ? '[\n' : ',\n'}${indent([...o.json].join(''))}`);
      }
      if (cmd.json) printed++;
      if (o.forms === 0) {
        progress.clear();
        io.stderr(`ziping: ${t.noForm(o.file, o.sheets)}\n`);
        exit = EXIT_UNUSABLE;
      } else {
        totals.files += 1;
        totals.forms += o.forms;
        totals.error += o.counts.error;
        totals.warning += o.counts.warning;
        totals.info += o.counts.info;
        if (o.counts.error > 0 && exit === EXIT_OK) exit = EXIT_FINDINGS;
        if (!cmd.json) {
          out(`${printed === 0 ? '' : '\n'}${o.human}`);
          printed++;
        }
      }
      if (cmd.reports.length > 0) summaries.push(o.summary);
    }
    progress.update(i + 1, totals.forms, totals.error);
  };

  try {
    await runInOrder(jobs, pool ? threads * JOBS_AHEAD : threads, run, emit);
  } finally {
    await pool?.close();
    progress.clear();
  }
  if (failure !== null) throw new Error(failure);
  if (cmd.json && !pile.single && printed > 0) io.stdout('\n]\n');
  if (!cmd.json && printed > 0) io.stdout(`\n${t.summary(totals.files, totals.forms, totals.error, totals.warning, totals.info)}\n`);

  if (cmd.reports.length > 0) {
    const summary = summarizePile(summaries);
    for (const r of cmd.reports) {
      try {
        // a path esbuild cannot follow: the bin loads the bundled writers (build/src/cli/reports.js) only here
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const writers = require(join(__dirname, 'reports')) as typeof import('./reports');
        const bytes = reportKind(r) === 'xlsx' ? await writers.summaryWorkbook(summary, lang) : new TextEncoder().encode(writers.reportHtml(summary, lang));
        await io.writeFile(r, bytes, cmd.force);
        io.stderr(`ziping: ${p.reportWritten(r)}\n`);
      } catch (e) {
        if (!(e instanceof OutputRefused) && !(e as NodeJS.ErrnoException | null)?.code) throw e;
        io.stderr(`ziping: ${t.cannotWrite(r, ioReason(e, lang, true))}\n`);
        exit = EXIT_UNUSABLE;
      }
    }
  }
  return exit;
}
