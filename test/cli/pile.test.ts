import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeIo, run } from '../../src/cli/run';
import { Progress, runInOrder, wantsProgress } from '../../src/cli/pile';
import { PILE_TEXT } from '../../src/cli/pileText';
import type { FileJob, FileOutcome } from '../../src/cli/checkFile';
import type { Report } from '../../src/core';
import { pileFiles, writePile } from './pile-fixture';

interface Captured {
  code: number;
  out: string;
  err: string;
}

/** `run` over the real file system, in this thread (the worker pool is the bin test's). */
async function cli(argv: string[]): Promise<Captured> {
  const c = { out: '', err: '' };
  const io = { ...nodeIo(), workers: false, progress: false, stdout: (s: string) => void (c.out += s), stderr: (s: string) => void (c.err += s) };
  const code = await run(argv, io);
  return { code, ...c };
}

let root: string;
let files: string[];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-pile-'));
  files = await writePile(path.join(root, 'pile'));
}, 60_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('check on a folder', () => {
  it('reads every workbook below it in name order, and says which files it skipped and why', async () => {
    const r = await cli(['check', path.join(root, 'pile'), '--json']);
    const reports = JSON.parse(r.out) as Report[];
    expect(reports.map((x) => x.file)).toEqual(files);
    expect(reports.map((x) => x.forms.map((f) => f.project))).toEqual(pileFiles().map((f) => f.sheets.flatMap((s) => s.forms.map((x) => x.project))));
    expect(r.err).toContain(`跳过 ${path.join(root, 'pile', 'b交通', '~$道路.xlsx')}：Office 锁定文件`);
    expect(r.err).toContain(`跳过 ${path.join(root, 'pile', '说明.txt')}：不是 .xlsx/.xlsm 工作簿`);
    expect(r.err.trim().split('\n')).toHaveLength(2);
    expect(r.code).toBe(1);
  });

  it('prints the same as when the files are named one by one', async () => {
    const named = await cli(['check', ...files]);
    const folder = await cli(['check', path.join(root, 'pile')]);
    expect(folder.out).toBe(named.out);
    expect(folder.code).toBe(named.code);
    const json = await cli(['check', ...files, '--json']);
    expect(JSON.parse(json.out)).toEqual(JSON.parse((await cli(['check', path.join(root, 'pile'), '--json'])).out));
  });

  it('exits 2 for a folder without workbooks, and keeps the worst code over the pile', async () => {
    const empty = await cli(['check', path.join(root, 'pile', 'c空')]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/文件夹 .*c空 中没有 \.xlsx\/\.xlsm 工作簿/);
    const mixed = await cli(['check', path.join(root, 'pile'), path.join(root, 'pile', '说明.txt'), '--lang', 'en-US']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/Cannot read .*说明\.txt/);
  });

  it('keeps the control characters of file names off the terminal, in the output and in the skip notes', async () => {
    const dir = path.join(root, 'esc');
    fs.mkdirSync(dir);
    fs.copyFileSync(files[0], path.join(dir, 'a\x1b[2Jb.xlsx'));
    fs.writeFileSync(path.join(dir, 'c\u202ed.txt'), '');
    const r = await cli(['check', dir]);
    fs.rmSync(dir, { recursive: true });
    // eslint-disable-next-line no-control-regex -- the characters a terminal would act on
    expect(r.out + r.err).not.toMatch(/[\x1b\u202e]/);
    expect(r.out).toContain('a\\u001b[2Jb.xlsx');
    expect(r.err).toContain('c\\u202ed.txt');
  });

  it('refuses a report that is neither .xlsx nor .html', async () => {
    const r = await cli(['check', path.join(root, 'pile'), '--report', path.join(root, 'r.pdf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--report 只能写 \.xlsx 或 \.html 文件/);
  });

  it('never reads its own report as a workbook of the pile', async () => {
    const inside = path.join(root, 'pile', 'a民政', '汇总.xlsx');
    const first = await cli(['check', path.join(root, 'pile'), '--report', inside]);
    expect(first.code).toBe(1);
    // a report is an output like fill -o: an existing file is replaced only with --force, before any file is read
    const refused = await cli(['check', path.join(root, 'pile'), '--report', inside]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('文件已存在');
    expect(refused.out).toBe('');
    const again = await cli(['check', path.join(root, 'pile'), '--report', inside, '--json', '--force']);
    expect(again.err).toContain('这是本次要写出的汇总报告');
    expect((JSON.parse(again.out) as Report[]).map((x) => x.file)).toEqual(files);
    fs.rmSync(inside);
  });
});

describe('runInOrder', () => {
  it('hands outcomes over in the jobs\' order whatever order they finish in, with a bounded backlog', async () => {
    const jobs: FileJob[] = Array.from({ length: 40 }, (_, i) => ({ file: `f${i}`, ruleSet: undefined, lang: 'zh-CN', json: false }));
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    const runner = async (job: FileJob): Promise<FileOutcome> => {
      running++;
      most = Math.max(most, running);
      // later files finish first
      await new Promise((r) => setTimeout(r, (40 - Number(job.file.slice(1))) % 7));
      running--;
      return { kind: 'failed', file: job.file, message: '' };
    };
    await runInOrder(jobs, 3, runner, (o) => seen.push(o.file));
    expect(seen).toEqual(jobs.map((j) => j.file));
    expect(most).toBeLessThanOrEqual(3);
  });
});


describe('the progress line', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is wanted on a terminal only, and never under CI', () => {
    expect(wantsProgress(true, {})).toBe(true);
    expect(wantsProgress(true, { CI: 'true' })).toBe(false);
    expect(wantsProgress(false, {})).toBe(false);
    expect(wantsProgress(undefined, {})).toBe(false);
  });

  it('shows files done/total, forms, errors and time left on one rewritten line, once the work takes a while', () => {
    jest.useFakeTimers({ now: 0 });
    let err = '';
    const p = new Progress((s) => void (err += s), 10, PILE_TEXT['zh-CN'].progress);
    p.update(1, 3, 0);
    expect(err).toBe('');
    jest.setSystemTime(1000);
    p.update(2, 6, 1);
    expect(err).toBe('\r\x1b[K已校验 2/10 个文件，6 张表，错误 1，约剩 4 秒');
    jest.setSystemTime(1050);
    p.update(3, 9, 1);
    expect(err).not.toContain('3/10');
    p.clear();
    expect(err.endsWith('\r\x1b[K')).toBe(true);
    // the line's own text is made safe; only its rewrite sequence reaches the terminal raw
    let raw = '';
    const odd = new Progress((x) => void (raw += x), 2, () => 'x\x1b]0;title\x07');
    jest.setSystemTime(2000);
    odd.update(2, 1, 0);
    expect(raw).toBe('\r\x1b[Kx\\u001b]0;title\\u0007');
    const silent = new Progress(null, 10, PILE_TEXT['en-US'].progress);
    jest.setSystemTime(5000);
    expect(() => silent.update(5, 5, 5)).not.toThrow();
  });
});
