import * as fs from 'fs';
import * as path from 'path';
import { generatedForm, workbookOfForms, type FormSpec } from '../bench/sample';

/** The forms of the test pile, by file (relative to the pile's root), in the order `check` must read them. */
export interface PileFile {
  file: string;
  sheets: { sheet: string; forms: FormSpec[] }[];
}

function form(seed: number, o: Partial<FormSpec>): FormSpec {
  return { ...generatedForm(seed), ...o };
}

/**
 * A reviewer's pile: subfolders, a macro workbook, a stacked sheet, a form whose stated total is wrong, sheet text
 * that looks like a formula or like markup, an Office lock file, a text file and an empty folder.
 */
export function pileFiles(): PileFile[] {
  const wrongTotal = form(3, { project: '道路养护项目', department: '某市交通委员会', unit: '某市公路中心' });
  wrongTotal.totalScore = 61.5;
  return [
    { file: 'a民政/sub/社区服务.xlsm', sheets: [{ sheet: '社区', forms: [form(2, { project: '=HYPERLINK("http://evil.example","点我")', department: '某市民政局', unit: '+某街道' })] }] },
    { file: 'a民政/养老服务补贴.xlsx', sheets: [{ sheet: '养老', forms: [form(1, { project: '养老服务补贴项目', department: '某市民政局', unit: '某市养老服务中心' })] }] },
    { file: 'b交通/道路.xlsx', sheets: [{ sheet: '道路', forms: [wrongTotal, form(4, { project: '<script>alert(1)</script>桥梁检测', department: '某市交通委员会', unit: '@某桥梁所' })] }] },
  ];
}

/** Writes the pile under `root` (created); returns the checked files' paths in order. */
export async function writePile(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const f of pileFiles()) {
    const p = path.join(root, f.file);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    await workbookOfForms(f.sheets).xlsx.writeFile(p);
    out.push(p);
  }
  fs.writeFileSync(path.join(root, 'b交通', '~$道路.xlsx'), 'lock');
  fs.writeFileSync(path.join(root, '说明.txt'), '请逐项核对。\n');
  fs.mkdirSync(path.join(root, 'c空'), { recursive: true });
  return out;
}
