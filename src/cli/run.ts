import { promises as fsp, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import {
  checkWorkbook, ColumnMapError, countSeverities, parseColumnMap, ruleSetNames, type CheckResult, type ColumnMap, type FillReason, type Lang,
} from '../core';
import { readWorkbook, sheetProblemMessage, sizeLimitsOf, XlsxReadError, type ReadOptions, type SheetProblem } from '../xlsx/read';
import { applyFillPlan, XlsxWriteError } from '../xlsx/write';
import { parseArgs, type ArgsError, type Command } from './args';
import { OutputRefused, outputTarget, writeOutputFile } from './output';
import { jsonSafe, terminalSafe } from './terminal';
import { ioReason } from './reasons';
import { CLI_TEXT, type CliText } from './text';
import { checkPile, type PileIo } from './checkPile';
import { nodeDirIo, wantsProgress } from './pile';
import { PILE_TEXT } from './pileText';
import { buildFillReport } from './fillReport';
import { readBytesSync } from './fsAsync';

/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  /** writes `fill -o`'s output; throws OutputRefused for what must not be replaced (an existing file unless `force`) */
  writeFile(file: string, data: Uint8Array, force: boolean): Promise<void>;
  /** the same refusals as writeFile, before any work is done */
  checkOutput(file: string, force: boolean): Promise<void>;
  /** true when both names denote the same file (symlinks, `./a` vs `a`, hard links) */
  sameFile(a: string, b: string): Promise<boolean>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export function nodeIo(): CliIo & PileIo {
  return {
    dirs: nodeDirIo,
    progress: wantsProgress(process.stderr.isTTY, process.env),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    // synchronous: the check that follows is too, and a check of one workbook then starts no thread at all (libuv's
    // pool of four for asynchronous fs calls was about 5 ms of start-up; decision 125). Worker threads read their own.
    readFile: async (f) => readBytesSync(f),
    writeFile: (f, data, force) => writeOutputFile(f, data, { force }),
    checkOutput: async (f, force) => {
      await outputTarget(resolve(f), force);
    },
    sameFile: async (a, b) => {
      if (resolve(a) === resolve(b)) return true;
      try {
        const [x, y] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
        return x.dev === y.dev && x.ino === y.ino;
      } catch {
        return false;
      }
    },
  };
}

/** The package version, from the package.json above this file (src/cli or build/src/cli). */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ziping' && pkg.version) return pkg.version;
    } catch {
      // not here; look one level up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

function usageError(io: CliIo, t: CliText, message: string): number {
  io.stderr(`ziping: ${message}\n\n${t.usage(packageVersion(), ruleSetNames().join(', '))}\n`);
  return EXIT_UNUSABLE;
}

function argsMessage(t: CliText, e: ArgsError, lang: Lang): string {
  switch (e.kind) {
    case 'unknownOption': return t.unknownOption(e.option);
    case 'unknownCommand': return t.unknownCommand(e.command);
    case 'missingValue': return t.missingValue(e.option);
    case 'unknownLang': return t.unknownLang(e.lang);
    case 'noFiles': return t.noFiles;
    case 'fillArgs': return t.fillArgs;
    case 'badMaxSize': return t.badMaxSize(e.value);
    case 'badJobs': return PILE_TEXT[lang].badJobs(e.value);
  }
}

interface Loaded {
  bytes: Uint8Array;
  result: CheckResult;
  sheets: number;
  /** worksheets that could not be read (already reported on stderr) */
  problems: readonly SheetProblem[];
}

function readOptions(maxSizeMb: number | undefined): ReadOptions {
  return maxSizeMb === undefined ? {} : { limits: sizeLimitsOf(maxSizeMb) };
}

/** Reads a `--map` file; reports why on stderr and returns null when it cannot be used. */
async function loadMap(io: CliIo, file: string, lang: Lang): Promise<ColumnMap | null> {
  const t = CLI_TEXT[lang];
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(file));
  } catch (e) {
    io.stderr(`ziping: ${t.cannotRead(file, ioReason(e, lang))}\n`);
    return null;
  }
  try {
    return parseColumnMap(JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown);
  } catch (e) {
    const reason = e instanceof ColumnMapError
      ? (lang === 'en-US' ? e.messageEn : e.message)
      : (lang === 'en-US' ? 'not valid JSON' : '不是有效的 JSON');
    io.stderr(`ziping: ${t.badMap(file, reason)}\n`);
    return null;
  }
}

interface LoadOptions {
  ruleSet: string | undefined;
  lang: Lang;
  read: ReadOptions;
  overwriteScores?: boolean;
  columnMap?: ColumnMap;
  mapFile?: string;
}

/**
 * Reads and checks one file; reports a problem on stderr and returns null when it cannot be read. A worksheet
 * that cannot be read (missing from the package, past the cell limit) is reported on stderr and left out.
 */
async function load(io: CliIo, file: string, o: LoadOptions): Promise<Loaded | null> {
  const { ruleSet, lang, overwriteScores = false, columnMap } = o;
  const t = CLI_TEXT[lang];
  try {
    const bytes = await io.readFile(file);
    const { grid, problems } = readWorkbook(bytes, o.read);
    for (const p of problems) io.stderr(`ziping: ${t.sheetUnreadable(file, sheetProblemMessage(p, lang))}\n`);
    const sheets = grid.sheets.length + problems.length;
    return { bytes, result: checkWorkbook(grid, { ruleSet, lang, overwriteScores, columnMap }), sheets, problems };
  } catch (e) {
    if (e instanceof ColumnMapError) {
      io.stderr(`ziping: ${t.badMap(o.mapFile ?? '', lang === 'en-US' ? e.messageEn : e.message)} (${file})\n`);
      return null;
    }
    if (e instanceof XlsxReadError || (e as NodeJS.ErrnoException | null)?.code) {
      io.stderr(`ziping: ${t.cannotRead(file, ioReason(e, lang))}\n`);
      return null;
    }
    throw e;
  }
}

async function fill(io: CliIo, cmd: Extract<Command, { kind: 'fill' }>, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  if (await io.sameFile(cmd.input, cmd.output)) {
    io.stderr(`ziping: ${t.fillSameFile(cmd.output)}\n`);
    return EXIT_UNUSABLE;
  }
  const cannotWrite = (e: unknown): number => {
    if (e instanceof OutputRefused || e instanceof XlsxWriteError || e instanceof XlsxReadError || (e as NodeJS.ErrnoException | null)?.code) {
      io.stderr(`ziping: ${t.cannotWrite(cmd.output, ioReason(e, lang, true))}\n`);
      return EXIT_UNUSABLE;
    }
    throw e;
  };
  try {
    await io.checkOutput(cmd.output, cmd.force);
  } catch (e) {
    return cannotWrite(e);
  }
  const options = readOptions(cmd.maxSizeMb);
  const columnMap = cmd.map === undefined ? undefined : await loadMap(io, cmd.map, lang);
  if (columnMap === null) return EXIT_UNUSABLE;
  const loaded = await load(io, cmd.input, { ruleSet: cmd.ruleSet, lang, read: options, overwriteScores: cmd.overwriteScores, columnMap, mapFile: cmd.map });
  if (!loaded) return EXIT_UNUSABLE;
  // a copy is written only from a workbook read whole: nothing of a sheet that could not be read is judged or lost
  if (loaded.problems.length > 0) return EXIT_UNUSABLE;
  const { result } = loaded;
  if (result.forms.length === 0) {
    io.stderr(`ziping: ${t.noForm(cmd.input, loaded.sheets)}\n`);
    return EXIT_UNUSABLE;
  }
  const plan = result.fillPlan;
  let out: Uint8Array;
  try {
    out = await applyFillPlan(loaded.bytes, plan);
    await io.writeFile(cmd.output, out, cmd.force);
  } catch (e) {
    return cannotWrite(e);
  }
  const after = checkWorkbook(readWorkbook(out, options).grid, { ruleSet: cmd.ruleSet, lang, columnMap });
  if (cmd.json) {
    io.stdout(`${jsonSafe(JSON.stringify(buildFillReport(cmd.input, cmd.output, plan, after, lang), null, 2))}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  if (plan.cells.length === 0) lines.push(t.nothingToFill(cmd.output));
  else {
    const parts = (Object.keys(plan.counts) as FillReason[])
      .filter((r) => plan.counts[r] > 0)
      .map((r) => `${t.fillReason[r]} ${plan.counts[r]}`)
      .join(lang === 'zh-CN' ? '、' : ', ');
    lines.push(t.filled(plan.cells.length, parts, cmd.output));
    const width = Math.max(...plan.cells.map((c) => `${c.sheet}!${c.cell}`.length));
    for (const c of plan.cells) {
      lines.push(`  ${`${c.sheet}!${c.cell}`.padEnd(width)}  ${t.fillReason[c.reason]}  ${c.exact ?? String(c.value)}`);
    }
  }
  const c = countSeverities(after.findings);
  lines.push(t.afterFill(c.error, c.warning, c.info));
  if (plan.counts.note > 0) lines.push(t.completeNotes);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** `check`: the column map and size limits read once here, then the pile. */
async function checkWithMap(io: CliIo & PileIo, cmd: Extract<Command, { kind: 'check' }>, lang: Lang): Promise<number> {
  const columnMap = cmd.map === undefined ? undefined : await loadMap(io, cmd.map, lang);
  if (columnMap === null) return EXIT_UNUSABLE;
  const read = readOptions(cmd.maxSizeMb);
  if (cmd.declared !== undefined) {
    // read here once to refuse a file without a declaration before the pile starts; each thread reads it again
    const d = await load(io, cmd.declared, { ruleSet: cmd.ruleSet, lang, read });
    if (!d) return EXIT_UNUSABLE;
    if (!d.result.forms.some((f) => f.kind === 'declaration')) {
      io.stderr(`ziping: ${CLI_TEXT[lang].noDeclaration(cmd.declared)}\n`);
      return EXIT_UNUSABLE;
    }
  }
  return checkPile(io, { ...cmd, read, columnMap }, lang);
}

/** Runs `ziping` with the given arguments (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], given: CliIo & PileIo = nodeIo()): Promise<number> {
  // sheet text and file names reach both streams: nothing the terminal would act on gets through (JSON is already
  // escaped); the progress line's own control sequences go to the raw stderr
  const io: CliIo & PileIo = {
    ...given, stdout: (s) => given.stdout(terminalSafe(s)), stderr: (s) => given.stderr(terminalSafe(s)), terminal: given.stderr,
    jsonOut: given.stdout,
  };
  const parsed = parseArgs(argv);
  const t = CLI_TEXT[parsed.lang];
  if (parsed.error || !parsed.command) return usageError(io, t, argsMessage(t, parsed.error ?? { kind: 'noFiles' }, parsed.lang));
  const cmd = parsed.command;
  switch (cmd.kind) {
    case 'help':
      io.stdout(`${t.usage(packageVersion(), ruleSetNames().join(', '))}\n`);
      return EXIT_OK;
    case 'version':
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'check':
    case 'fill':
      if (cmd.ruleSet !== undefined && !ruleSetNames().includes(cmd.ruleSet)) {
        return usageError(io, t, t.unknownRuleSet(cmd.ruleSet, ruleSetNames().join(', ')));
      }
      return cmd.kind === 'check' ? checkWithMap(io, cmd, parsed.lang) : fill(io, cmd, parsed.lang);
  }
}
