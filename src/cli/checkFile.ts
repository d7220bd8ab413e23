import {
  buildReport, checkAgainstDeclarations, checkSheets, checkWorkbook, ColumnMapError, combineChecks, countSeverities, partFromWire, partToWire,
  type CheckPart, type CheckResult, type ColumnMap, type FormResult, type Lang, type Severity,
} from '../core';
import { fileProblem, summarizeReport, type FileSummary } from '../report';
import { countSheets, readWorkbook, sheetProblemMessage, XlsxReadError, type ReadOptions, type SheetProblem } from '../xlsx/read';
import { humanReport } from './human';
import { ioReason } from './reasons';
import { jsonSafe } from './terminal';
import { CLI_TEXT } from './text';

/** What checking one file of a pile asks for; plain data, so it crosses to a worker thread. */
export interface FileJob {
  readonly file: string;
  readonly ruleSet: string | undefined;
  readonly lang: Lang;
  /** print the JSON report (docs/report-json.md; else the human text) */
  readonly json: boolean;
  /** size limits of the package (--max-size); plain numbers */
  readonly read?: ReadOptions;
  /** --map, already parsed (plain data), and its file name for messages */
  readonly columnMap?: ColumnMap;
  readonly mapFile?: string;
  /** --declared: the declarations' workbook, read once per thread and pile (`declaredKey`) */
  readonly declared?: string;
  readonly declaredKey?: string;
}

/**
 * A run of a workbook's sheets read and checked on another thread, while this one does the rest. The part travels
 * as plain data (`partToWire`); an answer of null means it could not be done there, and this thread does it.
 */
export interface PartRequest {
  readonly file: string;
  readonly ruleSet: string | undefined;
  readonly lang: Lang;
  readonly read?: ReadOptions;
  readonly from: number;
  readonly to: number;
}
export interface PartAnswer {
  readonly part: unknown;
  readonly problems: readonly SheetProblem[];
}
export type PartRunner = (req: PartRequest) => Promise<PartAnswer | null>;

/**
 * A workbook of this many sheets or more is checked on two threads when a {@link PartRunner} is given: below it,
 * starting a thread (about 50 ms) costs more than half the sheets take.
 */
export const SPLIT_MIN_SHEETS = 40;
/** The share of the sheets this thread keeps: the other thread starts later by its start-up. */
const OWN_SHARE = 0.55;

/** Reads and checks sheets `from`..`to` of a workbook (the work of one side of a split). */
export function checkPart(bytes: Uint8Array, req: Omit<PartRequest, 'file'>): { part: CheckPart; problems: readonly SheetProblem[] } {
  const r = readWorkbook(bytes, { ...req.read, sheets: { from: req.from, to: req.to } });
  return { part: checkSheets(r.grid.sheets, { ruleSet: req.ruleSet, lang: req.lang }), problems: r.problems };
}

/** {@link checkPart} as plain data, for the thread that asked. */
export function checkPartWire(bytes: Uint8Array, req: Omit<PartRequest, 'file'>): PartAnswer {
  const { part, problems } = checkPart(bytes, req);
  return { part: partToWire(part), problems };
}

interface Checked {
  readonly result: CheckResult;
  readonly problems: readonly SheetProblem[];
  readonly sheets: number;
}

/** The workbook read and checked: on this thread alone, or split with `runPart` when it is big enough. */
async function readAndCheck(bytes: Uint8Array, job: FileJob, runPart: PartRunner | undefined): Promise<Checked> {
  const n = runPart && job.columnMap === undefined ? countSheets(bytes, job.read?.limits) : 0;
  if (!runPart || n < SPLIT_MIN_SHEETS) {
    const { grid, problems } = readWorkbook(bytes, job.read);
    const result = checkWorkbook(grid, { ruleSet: job.ruleSet, lang: job.lang, columnMap: job.columnMap });
    return { result, problems, sheets: grid.sheets.length + problems.length };
  }
  const cut = Math.ceil(n * OWN_SHARE);
  const base = { ruleSet: job.ruleSet, lang: job.lang, read: job.read };
  const theirs = runPart({ ...base, file: job.file, from: cut, to: n });
  const mine = checkPart(bytes, { ...base, from: 0, to: cut });
  const answer = await theirs;
  const other = answer ? { part: partFromWire(answer.part), problems: answer.problems } : checkPart(bytes, { ...base, from: cut, to: n });
  const result = combineChecks([mine.part, other.part], { ruleSet: job.ruleSet, lang: job.lang });
  return { result, problems: [...mine.problems, ...other.problems], sheets: n };
}

const declarations = new Map<string, readonly FormResult[]>();

async function declaredForms(job: FileJob, read: (file: string) => Promise<Uint8Array>): Promise<readonly FormResult[]> {
  if (job.declared === undefined) return [];
  const key = job.declaredKey ?? job.declared;
  let forms = declarations.get(key);
  if (!forms) {
    const { grid } = readWorkbook(await read(job.declared), job.read);
    forms = checkWorkbook(grid, { ruleSet: job.ruleSet, lang: job.lang }).forms.filter((f) => f.kind === 'declaration');
    declarations.set(key, forms);
  }
  return forms;
}

/**
 * What the pile keeps of one checked file: the text to print (already rendered) and the summary rows. The file's
 * bytes, grid and check result stay where it was checked.
 */
export type FileOutcome =
  | {
      readonly kind: 'checked';
      readonly file: string;
      /** JSON.stringify(report, null, 2), or the human report; '' when not asked for */
      readonly json: string;
      readonly human: string;
      readonly forms: number;
      readonly sheets: number;
      readonly counts: Record<Severity, number>;
      readonly summary: FileSummary;
      /** sheets that could not be read (missing part, past the cell limit), in both languages: the file exits 2 */
      readonly sheetProblems: readonly ReadProblem[];
    }
  | { readonly kind: 'unreadable'; readonly file: string; readonly error: ReadProblem }
  /** a bug, not a bad file: the CLI reports it as an internal error */
  | { readonly kind: 'failed'; readonly file: string; readonly message: string };

/** Why a file could not be read, in both languages (the caller picks one). */
export interface ReadProblem {
  readonly zh: string;
  readonly en: string;
  /** the whole message (a column map that does not fit the file), not a reason to put after 无法读取 */
  readonly whole?: boolean;
}

function readProblem(e: unknown, job: FileJob): ReadProblem | null {
  if (e instanceof ColumnMapError) {
    const map = job.mapFile ?? '';
    return { zh: `${CLI_TEXT['zh-CN'].badMap(map, e.message)} (${job.file})`, en: `${CLI_TEXT['en-US'].badMap(map, e.messageEn)} (${job.file})`, whole: true };
  }
  if (!(e instanceof XlsxReadError) && !(e as NodeJS.ErrnoException | null)?.code) return null;
  return { zh: ioReason(e, 'zh-CN'), en: ioReason(e, 'en-US') };
}

/**
 * Reads and checks one file with `read` (the CLI's file access); never throws. With `runPart`, a workbook of
 * {@link SPLIT_MIN_SHEETS} sheets or more is split between this thread and another: the outcome is the same.
 */
export async function checkFile(job: FileJob, read: (file: string) => Promise<Uint8Array>, runPart?: PartRunner): Promise<FileOutcome> {
  try {
    const { result: checked, problems, sheets } = await readAndCheck(await read(job.file), job, runPart);
    const sheetProblems = problems.map((p) => ({ zh: sheetProblemMessage(p, 'zh-CN'), en: sheetProblemMessage(p, 'en-US') }));
    const declared = await declaredForms(job, read);
    const result = declared.length > 0 ? checkAgainstDeclarations(checked, declared) : checked;
    const report = buildReport(result, job.file, job.lang);
    const summary = result.forms.length > 0
      ? summarizeReport(report, result.forms.map((f) => ({ department: f.department, implementer: f.implementer })))
      : fileProblem(job.file, CLI_TEXT[job.lang].noForm(job.file, sheets));
    return {
      kind: 'checked',
      file: job.file,
      json: job.json ? jsonSafe(JSON.stringify(report, null, 2)) : '',
      human: !job.json && result.forms.length > 0 ? humanReport(job.file, result, job.lang) : '',
      forms: result.forms.length,
      sheets,
      counts: countSeverities(result.findings),
      summary,
      sheetProblems,
    };
  } catch (e) {
    const problem = readProblem(e, job);
    if (problem) return { kind: 'unreadable', file: job.file, error: problem };
    return { kind: 'failed', file: job.file, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
