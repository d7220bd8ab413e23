import { buildReport, checkWorkbook, type Lang, type Severity } from '../core';
import { fileProblem, summarizeReport, type FileSummary } from '../report';
import { readWorkbookGrid, XlsxReadError } from '../xlsx/read';
import { countSeverities, humanReport } from './human';
import { ioReason } from './reasons';
import { jsonSafe } from './terminal';
import { CLI_TEXT } from './text';

/** What checking one file of a pile asks for; plain data, so it crosses to a worker thread. */
export interface FileJob {
  readonly file: string;
  readonly ruleSet: string | undefined;
  readonly lang: Lang;
  /** print the §7 JSON (else the human text) */
  readonly json: boolean;
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
    }
  | { readonly kind: 'unreadable'; readonly file: string; readonly error: ReadProblem }
  /** a bug, not a bad file: the CLI reports it as an internal error */
  | { readonly kind: 'failed'; readonly file: string; readonly message: string };

/** Why a file could not be read, in both languages (the caller picks one). */
export interface ReadProblem {
  readonly zh: string;
  readonly en: string;
}

function readProblem(e: unknown): ReadProblem | null {
  if (!(e instanceof XlsxReadError) && !(e as NodeJS.ErrnoException | null)?.code) return null;
  return { zh: ioReason(e, 'zh-CN'), en: ioReason(e, 'en-US') };
}

/** Reads and checks one file with `read` (the CLI's file access); never throws. */
export async function checkFile(job: FileJob, read: (file: string) => Promise<Uint8Array>): Promise<FileOutcome> {
  try {
    const grid = await readWorkbookGrid(await read(job.file));
    const result = checkWorkbook(grid, { ruleSet: job.ruleSet, lang: job.lang });
    const report = buildReport(result, job.file, job.lang);
    const summary = result.forms.length > 0
      ? summarizeReport(report, result.forms.map((f) => ({ department: f.department, implementer: f.implementer })))
      : fileProblem(job.file, CLI_TEXT[job.lang].noForm(job.file, grid.sheets.length));
    return {
      kind: 'checked',
      file: job.file,
      json: job.json ? jsonSafe(JSON.stringify(report, null, 2)) : '',
      human: !job.json && result.forms.length > 0 ? humanReport(job.file, result, job.lang) : '',
      forms: result.forms.length,
      sheets: grid.sheets.length,
      counts: countSeverities(result.findings),
      summary,
    };
  } catch (e) {
    const problem = readProblem(e);
    if (problem) return { kind: 'unreadable', file: job.file, error: problem };
    return { kind: 'failed', file: job.file, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
