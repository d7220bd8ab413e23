import { checkAgainstDeclarations, checkWorkbook, type CheckResult, type Finding, type FormResult } from '../core';
import type { ZipingHost } from '../host';
import { readWorkbookGrid } from '../xlsx/read';

/** The declarations (项目支出绩效目标申报表) a person picked in the workbench, from a second .xlsx. */
export interface DeclaredFile {
  readonly name: string;
  readonly forms: readonly FormResult[];
}

/**
 * Reads the declaration forms of a second workbook. Throws with a Chinese message when the file cannot be read or
 * holds no declaration (as the CLI's `--declared` refuses such a file).
 */
export async function readDeclaredFile(name: string, data: ArrayBuffer | Uint8Array): Promise<DeclaredFile> {
  let forms: FormResult[];
  try {
    forms = checkWorkbook(await readWorkbookGrid(data)).forms.filter((f) => f.kind === 'declaration');
  } catch (e) {
    throw new Error(`无法读取 ${name}：${e instanceof Error ? e.message : String(e)}`);
  }
  if (forms.length === 0) throw new Error(`${name} 中没有找到绩效目标申报表（项目支出绩效目标申报表）。`);
  return { name, forms };
}

const findingKey = (f: Finding) => JSON.stringify([f.code, f.sheet, f.cell, f.params]);

/** The result compared with the picked declarations; a finding the workbook's own declaration already gave is kept once. */
export function withDeclaredFile(result: CheckResult, declared: DeclaredFile | null): CheckResult {
  if (!declared) return result;
  const r = checkAgainstDeclarations(result, declared.forms);
  if (r === result) return result;
  const once = (fs: readonly Finding[]) => {
    const seen = new Set<string>();
    return fs.filter((f) => !seen.has(findingKey(f)) && Boolean(seen.add(findingKey(f))));
  };
  const forms = r.forms.map((f) => ({ ...f, findings: once(f.findings) }));
  const sheetFindings = r.findings.filter((x) => !r.forms.some((f) => f.findings.includes(x)));
  return { ...r, forms, findings: [...sheetFindings, ...forms.flatMap((f) => f.findings)] };
}

/**
 * The host with every 校验 (and the result a fill returns) compared with the declarations picked now (`current()` is
 * read at each call, so picking another file needs no new host). Scores, fill plans and marks are the host's own.
 */
export function compareWithDeclaredFile(host: ZipingHost, current: () => DeclaredFile | null): ZipingHost {
  return {
    undoFill: () => host.undoFill(),
    hasUndo: () => host.hasUndo(),
    select: (sheet, cell) => host.select(sheet, cell),
    // every optional member the host has passes through (the pane offers what the host can do)
    ...(host.writeSummary ? { writeSummary: host.writeSummary.bind(host) } : {}),
    ...(host.selectedCell ? { selectedCell: host.selectedCell.bind(host) } : {}),
    ...(host.writeColumnMap ? { writeColumnMap: host.writeColumnMap.bind(host) } : {}),
    validate: async (r, p) => {
      const o = await host.validate(r, p);
      return { ...o, result: withDeclaredFile(o.result, current()) };
    },
    fill: async (r, p) => {
      const o = await host.fill(r, p);
      return { ...o, result: withDeclaredFile(o.result, current()) };
    },
  };
}
