import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { nodeIo, run } from '../../src/cli/run';
import type { Report } from '../../src/core';
import { pileFiles, writePile } from '../cli/pile-fixture';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = { out: '', err: '' };
  const io = { ...nodeIo(), workers: false, progress: false, stdout: (s: string) => void (c.out += s), stderr: (s: string) => void (c.err += s) };
  return { code: await run(argv, io), ...c };
}

function elements(n: Node, out: Element[] = []): Element[] {
  if ('tagName' in n) out.push(n);
  const kids = 'childNodes' in n ? n.childNodes : [];
  for (const k of kids) elements(k, out);
  if ('content' in n && n.content) elements(n.content as Node, out);
  return out;
}

function text(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return ('childNodes' in n ? n.childNodes : []).map(text).join('');
}

let root: string;
let reports: Report[];
const projects = pileFiles().flatMap((f) => f.sheets.flatMap((s) => s.forms.map((x) => x.project)));

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-report-'));
  await writePile(path.join(root, 'pile'));
  const r = await cli(['check', path.join(root, 'pile'), '--json', '--report', path.join(root, 'r.xlsx'), '--report', path.join(root, 'r.html')]);
  expect(r.code).toBe(1);
  reports = JSON.parse(r.out) as Report[];
}, 60_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the summary workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, 'r.xlsx'));
  });

  it('has 汇总 with one row per form and the JSON report\'s computed total', () => {
    const ws = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(['文件', '工作表', '项目名称', '主管部门', '实施单位', '年度', '表内总分', '计算总分', '差值', '等级', '执行率', '错误', '警告', '提示']);
    const forms = reports.flatMap((r) => r.forms.map((f) => ({ file: r.file, ...f })));
    expect(ws.rowCount).toBe(forms.length + 1);
    forms.forEach((f, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(f.file);
      expect(row.getCell(3).value).toBe(f.project);
      expect(row.getCell(8).value).toBe(Number(f.total.computed));
      expect(row.getCell(7).value).toBe(Number(f.total.stated));
      const errors = f.findings.filter((x) => x.severity === 'error').length;
      expect(row.getCell(12).value).toBe(errors);
      // rows of forms with errors are marked
      expect(Boolean((row.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor)).toBe(errors > 0);
    });
    expect(forms.some((f) => f.findings.some((x) => x.severity === 'error'))).toBe(true);
    expect(ws.getRow(2).getCell(8).numFmt).toBe('0.00');
    expect(ws.getRow(2).getCell(11).numFmt).toBe('0.00%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(3).width).toBeGreaterThan(10);
  });

  it('has every finding on 问题清单 and the units on 按单位', () => {
    const ws = wb.getWorksheet('问题清单') as ExcelJS.Worksheet;
    const findings = reports.flatMap((r) => r.forms.flatMap((f) => f.findings.map((x) => [r.file, x.sheet, f.project, x.cell, x.code, x.message])));
    expect(findings.length).toBeGreaterThan(0);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push([1, 2, 3, 4, 6, 7].map((c) => row.getCell(c).value));
    });
    expect(rows).toEqual(findings);
    const units = wb.getWorksheet('按单位') as ExcelJS.Worksheet;
    expect(units.getRow(2).values).toEqual([undefined, '某市交通委员会', '@某桥梁所', 1, expect.any(Number), 0]);
    expect(units.rowCount).toBe(5);
  });

  it('holds no formula, whatever the sheet text starts with', () => {
    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        cells++;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }));
    }
    expect(cells).toBeGreaterThan(50);
    const summary = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const texts: unknown[] = [];
    summary.eachRow((row) => texts.push(row.getCell(3).value, row.getCell(5).value));
    expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("http://evil.example","点我")', '+某街道', '@某桥梁所']));
  });
});

describe('the HTML report', () => {
  let html: string;
  let all: Element[];
  beforeAll(() => {
    html = fs.readFileSync(path.join(root, 'r.html'), 'utf8');
    const errors: string[] = [];
    const doc = parse(html, { onParseError: (e) => void errors.push(e.code) });
    expect(errors).toEqual([]);
    all = elements(doc);
  });

  it('is valid HTML that a parser reads without an error, in the report\'s language', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(all.find((e) => e.tagName === 'html')?.attrs).toEqual([{ name: 'lang', value: 'zh-CN' }]);
  });

  it('asks for nothing over the network: no http(s) resource, no external script, style or image', () => {
    for (const e of all) {
      for (const a of e.attrs) {
        if (['src', 'href', 'xlink:href', 'action', 'srcset', 'poster', 'data'].includes(a.name)) expect(a.value).not.toMatch(/^\s*(https?:)?\/\//i);
        expect(a.value).not.toMatch(/url\(\s*['"]?\s*(https?:)?\/\//i);
      }
      expect(['link', 'img', 'iframe', 'object', 'embed', 'base']).not.toContain(e.tagName);
    }
    const styles = all.filter((e) => e.tagName === 'style').map(text).join('');
    expect(styles).not.toMatch(/url\(|@import/);
    const scripts = all.filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].attrs).toEqual([]);
    expect(text(scripts[0])).not.toMatch(/https?:|fetch|XMLHttpRequest|eval\(|new Function|import\(/);
  });

  it('has the four charts as SVG drawn when it was written', () => {
    const figures = all.filter((e) => e.tagName === 'figure');
    expect(figures).toHaveLength(4);
    for (const f of figures) expect(elements(f).filter((e) => e.tagName === 'svg')).toHaveLength(1);
    expect(figures.map((f) => text(elements(f).find((e) => e.tagName === 'figcaption') as Node))).toEqual(['等级分布', '表内总分与计算总分', '最常见的问题', '各主管部门的表数']);
    expect(elements(figures[0]).filter((e) => e.tagName === 'path').length).toBeGreaterThan(2);
  });

  it('names every project, as text, in the table of forms and a findings section per form', () => {
    const table = all.find((e) => e.tagName === 'table' && e.attrs.some((a) => a.name === 'id' && a.value === 'forms')) as Element;
    const rows = elements(table).filter((e) => e.tagName === 'tr').slice(1);
    expect(rows.map((r) => text(elements(r).filter((e) => e.tagName === 'td')[2]))).toEqual(projects);
    const sections = all.filter((e) => e.tagName === 'section');
    expect(sections).toHaveLength(projects.length);
    sections.forEach((s, i) => expect(text(elements(s).find((e) => e.tagName === 'h3') as Node)).toContain(projects[i]));
    const findings = reports.flatMap((r) => r.forms.flatMap((f) => f.findings));
    const findingRows = sections.flatMap((s) => elements(s).filter((e) => e.tagName === 'tr').slice(1));
    expect(findingRows.length).toBe(findings.length);
  });
});

describe('the HTML report\'s sorting', () => {
  it('sorts the table of forms by a clicked column, numbers by value, and back the other way', () => {
    const dom = new JSDOM(fs.readFileSync(path.join(root, 'r.html'), 'utf8'), { runScripts: 'dangerously' });
    const doc = dom.window.document;
    const head = [...doc.querySelectorAll('#forms thead th')];
    const computed = head.findIndex((th) => th.textContent === '计算总分');
    const column = () => [...doc.querySelectorAll('#forms tbody tr')].map((tr) => Number(tr.children[computed].getAttribute('data-v')));
    const before = column();
    expect(new Set(before).size).toBeGreaterThan(1);
    head[computed].dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }));
    expect(column()).toEqual([...before].sort((a, b) => a - b));
    head[computed].dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }));
    expect(column()).toEqual([...before].sort((a, b) => b - a));
    dom.window.close();
  });
});

describe('--lang en-US', () => {
  it('writes both reports in English', async () => {
    const r = await cli(['check', path.join(root, 'pile'), '--lang', 'en-US', '--report', path.join(root, 'en.xlsx'), '--report', path.join(root, 'en.html')]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, 'en.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Findings', 'By unit']);
    expect((wb.getWorksheet('Findings') as ExcelJS.Worksheet).getRow(2).getCell(5).value).toMatch(/^(Error|Warning|Info)$/);
    const html = fs.readFileSync(path.join(root, 'en.html'), 'utf8');
    expect(html).toContain('<html lang="en-US">');
    expect(html).toContain('Stated vs computed total');
    expect(html).toContain('<figcaption>Grades</figcaption>');
    expect(html).not.toContain('等级分布');
  });
});
