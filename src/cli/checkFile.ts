import { buildReport, checkAgainstDeclarations, checkSheets, checkWorkbook, ColumnMapError, countSeverities, type ColumnMap, type FormResult, type Lang, type Severity } from '../core';
import { fileProblem, summarizeReport, type FileSummary } from '../report';
import { openSheets, readWorkbook, sheetProblemMessage, XlsxReadError, type ReadOptions } from '../xlsx/read';
import { humanReport } from './human';
import { ioReason } from './reasons';
import { reportJsonChunks } from './reportJson';
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
      /**
       * the JSON report in pieces that join to JSON.stringify(report, null, 2) (reportJsonChunks), made as they are
       * read, once; [] when not asked for. A worker sends them made (an array).
       */
      readonly json: Iterable<string>;
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

/** Reads and checks one file with `read` (the CLI's file access); never throws. */
export async function checkFile(job: FileJob, read: (file: string) => Promise<Uint8Array>): Promise<FileOutcome> {
  try {
    const bytes = await read(job.file);
    const options = { ruleSet: job.ruleSet, lang: job.lang, columnMap: job.columnMap };
    const opened = openSheets(bytes, job.read);
    const declared = await declaredForms(job, read);
    // each sheet is read as it is checked; a column map's sheet names are checked first, against every sheet
    const checked = job.columnMap ? checkWorkbook({ sheets: [...opened.sheets] }, options) : checkSheets(opened.sheets, options);
    const problems = opened.problems;
    const sheets = opened.count + problems.length;
    const sheetProblems = problems.map((p) => ({ zh: sheetProblemMessage(p, 'zh-CN'), en: sheetProblemMessage(p, 'en-US') }));
    const result = declared.length > 0 ? checkAgainstDeclarations(checked, declared) : checked;
    const report = buildReport(result, job.file, job.lang);
    const summary = result.forms.length > 0
      ? summarizeReport(report, result.forms.map((f) => ({ department: f.department, implementer: f.implementer })))
      : fileProblem(job.file, CLI_TEXT[job.lang].noForm(job.file, sheets));
    return {
      kind: 'checked',
      file: job.file,
      json: job.json ? reportJsonChunks(report) : [],
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
