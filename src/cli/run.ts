import * as fs from 'fs';
import * as path from 'path';
import { buildReport, checkWorkbook, ruleSetNames, type CheckResult, type FillReason, type Lang, type Report } from '../core';
import { readWorkbookGrid, XlsxReadError } from '../xlsx/read';
import { applyFillPlan, XlsxWriteError } from '../xlsx/write';
import { parseArgs, type ArgsError, type Command } from './args';
import { countSeverities, humanReport } from './human';
import { OutputRefused, outputTarget, writeOutputFile } from './output';
import { jsonSafe, terminalSafe } from './terminal';
import { CLI_TEXT, type CliText } from './text';

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

export function nodeIo(): CliIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readFile: async (f) => new Uint8Array(await fs.promises.readFile(f)),
    writeFile: (f, data, force) => writeOutputFile(f, data, { force }),
    checkOutput: async (f, force) => {
      await outputTarget(path.resolve(f), force);
    },
    sameFile: async (a, b) => {
      if (path.resolve(a) === path.resolve(b)) return true;
      try {
        const [x, y] = await Promise.all([fs.promises.stat(a), fs.promises.stat(b)]);
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
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ziping' && pkg.version) return pkg.version;
    } catch {
      // not here; look one level up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

const ERRNO_ZH: Record<string, string> = {
  ENOENT: '文件不存在', EISDIR: '这是一个文件夹', EACCES: '没有访问权限', EPERM: '没有访问权限', ENOSPC: '磁盘空间不足',
  ENOTDIR: '路径中有一级不是文件夹', ELOOP: '路径中的符号链接过多或成环', EROFS: '文件系统是只读的', EEXIST: '文件已存在',
  ENAMETOOLONG: '文件名过长', EBUSY: '文件正被占用', EDQUOT: '超出磁盘配额', EIO: '磁盘读写错误',
};
const ERRNO_EN: Record<string, string> = {
  ENOENT: 'file not found', EISDIR: 'it is a folder', EACCES: 'permission denied', EPERM: 'permission denied', ENOSPC: 'no space left on the disk',
  ENOTDIR: 'a part of the path is not a folder', ELOOP: 'too many symbolic links in the path, or a loop', EROFS: 'the file system is read-only', EEXIST: 'the file exists',
  ENAMETOOLONG: 'the file name is too long', EBUSY: 'the file is busy', EDQUOT: 'the disk quota is exceeded', EIO: 'a disk input/output error',
};

/** Why a file could not be read or written, in words: never the system's raw text (it may name the temporary file). */
function ioReason(e: unknown, lang: Lang, t: CliText, writing = false): string {
  if (e instanceof XlsxReadError || e instanceof XlsxWriteError) return lang === 'en-US' ? e.messageEn : e.message;
  if (e instanceof OutputRefused) return t.outputRefused[e.reason];
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (writing && code === 'ENOENT') return lang === 'en-US' ? 'the folder does not exist' : '所在文件夹不存在';
  if (code) return (lang === 'en-US' ? ERRNO_EN : ERRNO_ZH)[code] ?? t.systemError(code);
  return e instanceof Error ? e.message : String(e);
}

function usageError(io: CliIo, t: CliText, message: string): number {
  io.stderr(`ziping: ${message}\n\n${t.usage(packageVersion(), ruleSetNames().join(', '))}\n`);
  return EXIT_UNUSABLE;
}

function argsMessage(t: CliText, e: ArgsError): string {
  switch (e.kind) {
    case 'unknownOption': return t.unknownOption(e.option);
    case 'unknownCommand': return t.unknownCommand(e.command);
    case 'missingValue': return t.missingValue(e.option);
    case 'unknownLang': return t.unknownLang(e.lang);
    case 'noFiles': return t.noFiles;
    case 'fillArgs': return t.fillArgs;
  }
}

interface Loaded {
  bytes: Uint8Array;
  result: CheckResult;
  sheets: number;
}

/** Reads and checks one file; reports a problem on stderr and returns null when it cannot be read. */
async function load(io: CliIo, file: string, ruleSet: string | undefined, lang: Lang, overwriteScores = false): Promise<Loaded | null> {
  const t = CLI_TEXT[lang];
  try {
    const bytes = await io.readFile(file);
    const grid = await readWorkbookGrid(bytes);
    return { bytes, result: checkWorkbook(grid, { ruleSet, lang, overwriteScores }), sheets: grid.sheets.length };
  } catch (e) {
    if (e instanceof XlsxReadError || (e as NodeJS.ErrnoException | null)?.code) {
      io.stderr(`ziping: ${t.cannotRead(file, ioReason(e, lang, t))}\n`);
      return null;
    }
    throw e;
  }
}

async function check(io: CliIo, cmd: Extract<Command, { kind: 'check' }>, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  let exit = EXIT_OK;
  const reports: Report[] = [];
  const totals = { forms: 0, error: 0, warning: 0, info: 0 };
  const human: string[] = [];
  for (const file of cmd.files) {
    const loaded = await load(io, file, cmd.ruleSet, lang);
    if (!loaded) {
      exit = EXIT_UNUSABLE;
      continue;
    }
    const { result } = loaded;
    reports.push(buildReport(result, file, lang));
    if (result.forms.length === 0) {
      io.stderr(`ziping: ${t.noForm(file, loaded.sheets)}\n`);
      exit = EXIT_UNUSABLE;
      continue;
    }
    const c = countSeverities(result.findings);
    totals.forms += result.forms.length;
    totals.error += c.error;
    totals.warning += c.warning;
    totals.info += c.info;
    if (c.error > 0 && exit === EXIT_OK) exit = EXIT_FINDINGS;
    if (!cmd.json) human.push(humanReport(file, result, lang));
  }
  if (cmd.json) {
    if (reports.length > 0) io.stdout(`${jsonSafe(JSON.stringify(cmd.files.length === 1 ? reports[0] : reports, null, 2))}\n`);
  } else if (human.length > 0) {
    io.stdout(`${human.join('\n')}\n${t.summary(human.length, totals.forms, totals.error, totals.warning, totals.info)}\n`);
  }
  return exit;
}

async function fill(io: CliIo, cmd: Extract<Command, { kind: 'fill' }>, lang: Lang): Promise<number> {
  const t = CLI_TEXT[lang];
  if (await io.sameFile(cmd.input, cmd.output)) {
    io.stderr(`ziping: ${t.fillSameFile(cmd.output)}\n`);
    return EXIT_UNUSABLE;
  }
  const cannotWrite = (e: unknown): number => {
    if (e instanceof OutputRefused || e instanceof XlsxWriteError || e instanceof XlsxReadError || (e as NodeJS.ErrnoException | null)?.code) {
      io.stderr(`ziping: ${t.cannotWrite(cmd.output, ioReason(e, lang, t, true))}\n`);
      return EXIT_UNUSABLE;
    }
    throw e;
  };
  try {
    await io.checkOutput(cmd.output, cmd.force);
  } catch (e) {
    return cannotWrite(e);
  }
  const loaded = await load(io, cmd.input, cmd.ruleSet, lang, cmd.overwriteScores);
  if (!loaded) return EXIT_UNUSABLE;
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
  const after = checkWorkbook(await readWorkbookGrid(out), { ruleSet: cmd.ruleSet, lang });
  const c = countSeverities(after.findings);
  lines.push(t.afterFill(c.error, c.warning, c.info));
  if (plan.counts.note > 0) lines.push(t.completeNotes);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** Runs `ziping` with the given arguments (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], given: CliIo = nodeIo()): Promise<number> {
  // sheet text and file names reach both streams: nothing the terminal would act on gets through (JSON is already escaped)
  const io: CliIo = { ...given, stdout: (s) => given.stdout(terminalSafe(s)), stderr: (s) => given.stderr(terminalSafe(s)) };
  const parsed = parseArgs(argv);
  const t = CLI_TEXT[parsed.lang];
  if (parsed.error || !parsed.command) return usageError(io, t, argsMessage(t, parsed.error ?? { kind: 'noFiles' }));
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
      return cmd.kind === 'check' ? check(io, cmd, parsed.lang) : fill(io, cmd, parsed.lang);
  }
}
