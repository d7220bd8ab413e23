import ExcelJS from 'exceljs';
import { parseArgs } from '../../src/cli/args';
import { packageVersion, run } from '../../src/cli/run';
import { checkWorkbook, ruleSetNames } from '../../src/core';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildSampleWorkbook, cleanPensionForm, sampleForms, SAMPLE_FAULTS, workbookOfForms } from '../bench/sample';
import { bytesOf, changedCells, snapshotOf } from '../fixtures/xlsx';
import { memIo } from './memio';

let sample: Uint8Array;
let clean: Uint8Array;
let noForm: Uint8Array;

beforeAll(async () => {
  sample = await bytesOf(buildSampleWorkbook());
  clean = await bytesOf(workbookOfForms([{ sheet: '社区养老', forms: [cleanPensionForm()] }]));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本工作簿只有说明文字。';
  noForm = await bytesOf(wb);
});

function files(): Record<string, Uint8Array> {
  return { 'sample.xlsx': sample, 'clean.xlsx': clean, 'empty.xlsx': noForm, 'notes.txt': new TextEncoder().encode('项目名称,得分\n') };
}

describe('parseArgs', () => {
  it.each<[string[], unknown]>([
    [['check', 'a.xlsx'], { kind: 'check', files: ['a.xlsx'], json: false, ruleSet: undefined, reports: [], jobs: undefined, force: false }],
    [['check', 'a.xlsx', 'b.xlsx', '--json', '--rules', 'guangxi'], { kind: 'check', files: ['a.xlsx', 'b.xlsx'], json: true, ruleSet: 'guangxi', reports: [], jobs: undefined, force: false }],
    [['check', '--rules=tianjin', 'a.xlsx'], { kind: 'check', files: ['a.xlsx'], json: false, ruleSet: 'tianjin', reports: [], jobs: undefined, force: false }],
    [['check', '--', '-odd-name.xlsx'], { kind: 'check', files: ['-odd-name.xlsx'], json: false, ruleSet: undefined, reports: [], jobs: undefined, force: false }],
    [['check', 'dir', '--report', 'a.xlsx', '--report=b.html', '--jobs', '4'], { kind: 'check', files: ['dir'], json: false, ruleSet: undefined, reports: ['a.xlsx', 'b.html'], jobs: 4, force: false }],
    [['fill', 'in.xlsx', '-o', 'out.xlsx'], { kind: 'fill', input: 'in.xlsx', output: 'out.xlsx', json: false, ruleSet: undefined, overwriteScores: false, force: false }],
    [['fill', '--output=out.xlsx', 'in.xlsx', '--overwrite-scores'], { kind: 'fill', input: 'in.xlsx', output: 'out.xlsx', json: false, ruleSet: undefined, overwriteScores: true, force: false }],
    [['check', 'dir', '--report', 'a.xlsx', '--force'], { kind: 'check', files: ['dir'], json: false, ruleSet: undefined, reports: ['a.xlsx'], jobs: undefined, force: true }],
    [['fill', 'in.xlsx', '-o', 'out.xlsx', '--force'], { kind: 'fill', input: 'in.xlsx', output: 'out.xlsx', json: false, ruleSet: undefined, overwriteScores: false, force: true }],
    [['fill', 'in.xlsx', '--json', '-o', 'out.xlsx'], { kind: 'fill', input: 'in.xlsx', output: 'out.xlsx', json: true, ruleSet: undefined, overwriteScores: false, force: false }],
    [['--help'], { kind: 'help' }],
    [['check', 'a.xlsx', '-h'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
  ])('%j', (argv, command) => {
    expect(parseArgs(argv)).toEqual({ lang: 'zh-CN', command, error: null });
  });

  it.each<[string[], unknown]>([
    [['check', 'a.xlsx', '--jsn'], { kind: 'unknownOption', option: '--jsn' }],
    [['check', 'a.xlsx', '--overwrite-scores'], { kind: 'unknownOption', option: '--overwrite-scores' }],
    [['check', 'a.xlsx', '-o', 'b.xlsx'], { kind: 'unknownOption', option: '-o' }],
    [['fill', 'a.xlsx', '-o', 'b.xlsx', '--jobs', '2'], { kind: 'unknownOption', option: '--jobs' }],
    [['check', 'a.xlsx', '--rules'], { kind: 'missingValue', option: '--rules' }],
    [['check', 'a.xlsx', '--jobs', '0'], { kind: 'badJobs', value: '0' }],
    [['check', 'a.xlsx', '--jobs', 'many'], { kind: 'badJobs', value: 'many' }],
    [['fill', 'a.xlsx', '-o', 'b.xlsx', '--report', 'r.html'], { kind: 'unknownOption', option: '--report' }],
    [['check', 'a.xlsx', '--lang', 'fr-FR'], { kind: 'unknownLang', lang: 'fr-FR' }],
    [['verify', 'a.xlsx'], { kind: 'unknownCommand', command: 'verify' }],
    [['check'], { kind: 'noFiles' }],
    [[], { kind: 'noFiles' }],
    [['fill', 'a.xlsx'], { kind: 'fillArgs' }],
    [['fill', 'a.xlsx', 'b.xlsx', '-o', 'c.xlsx'], { kind: 'fillArgs' }],
  ])('rejects %j', (argv, error) => {
    expect(parseArgs(argv)).toMatchObject({ command: null, error });
  });

  it('keeps the language asked for even when the arguments are wrong', () => {
    expect(parseArgs(['check', '--bogus', '--lang', 'en-US']).lang).toBe('en-US');
  });
});

describe('ziping check', () => {
  it('exits 0 and prints a human report in Chinese when no finding is an error', async () => {
    const io = memIo(files());
    expect(await run(['check', 'clean.xlsx'], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain('社区养老服务补贴项目');
    expect(io.out).toContain('[社区养老 A1:I21]');
    expect(io.out).toMatch(/总分 95\.22（表内 95\.22）/);
    expect(io.out).toContain('等级 优');
    expect(io.out).toMatch(/错误 0 +警告 0 +提示 \d+/);
    expect(io.out).toContain('评分规则: 财政部 2020');
  });

  it('exits 1 with an error finding and lists findings with severity, cell and message', async () => {
    const io = memIo(files());
    expect(await run(['check', 'sample.xlsx'], io)).toBe(1);
    const mismatch = io.out.split('\n').find((l) => l.includes('故障平均恢复时间') && l.includes('● 错误'));
    expect(mismatch).toMatch(/● 错误 I17 +“故障平均恢复时间”得分 10 与计算值 8 不符/);
    expect(io.out).toMatch(/▲ 警告 H37 +“桥梁定期检测”得分为空/);
    expect(io.out).toContain(`[${SAMPLE_FAULTS.stacked.sheet} A1:I22] ${SAMPLE_FAULTS.stacked.projects[0]}`);
    expect(io.out).toContain(`[${SAMPLE_FAULTS.stacked.sheet} A25:I42] ${SAMPLE_FAULTS.stacked.projects[1]}`);
    expect(io.out).toContain(`[政务平台 ${SAMPLE_FAULTS.startsOffA1.range}]`);
    expect(io.out).toMatch(/共 1 个文件、4 张绩效自评表：错误 2，/);
  });

  it('speaks English with --lang en-US', async () => {
    const io = memIo(files());
    expect(await run(['check', 'sample.xlsx', '--lang', 'en-US'], io)).toBe(1);
    expect(io.out).toContain('Rule set: Ministry of Finance 2020');
    expect(io.out).toMatch(/Total score 97\.77 \(sheet 99\.77\) +Grade Excellent/);
    expect(io.out).toMatch(/● Error I17 /);
    expect(io.out).not.toMatch(/按规则应得/);
  });

  describe('--json (SPEC §7)', () => {
    const FORM_KEYS = ['sheet', 'range', 'project', 'year', 'funds', 'indicators', 'total', 'grade', 'findings', 'kind', 'declaration'];
    const FUNDS_KEYS = ['budget', 'executed', 'rate', 'weight', 'statedScore', 'computedScore', 'cell'];
    const IND_KEYS = ['cell', 'level1', 'level2', 'name', 'target', 'actual', 'kind', 'weight', 'statedScore', 'computedScore', 'status', 'scoreCell', 'noteCell'];
    const TOTAL_KEYS = ['weight', 'stated', 'computed', 'undetermined', 'cell'];
    const FINDING_KEYS = ['code', 'severity', 'sheet', 'cell', 'message', 'params'];
    const sorted = (o: object): string[] => Object.keys(o).sort();
    const DECIMAL = /^-?\d+(\.\d+)?$/;

    it('prints exactly one report object with the contract shape', async () => {
      const io = memIo(files());
      expect(await run(['check', 'sample.xlsx', '--json'], io)).toBe(1);
      const r = JSON.parse(io.out);
      expect(sorted(r)).toEqual(['file', 'forms', 'ruleSet', 'version']);
      expect(r).toMatchObject({ version: 1, file: 'sample.xlsx', ruleSet: 'mof-2020' });
      expect(r.forms).toHaveLength(4);
      for (const f of r.forms) {
        expect(sorted(f)).toEqual([...FORM_KEYS].sort());
        expect(sorted(f.funds)).toEqual([...FUNDS_KEYS].sort());
        expect(sorted(f.total)).toEqual([...TOTAL_KEYS].sort());
        expect(typeof f.total.undetermined).toBe('number');
        for (const k of ['budget', 'executed', 'rate', 'weight', 'statedScore', 'computedScore']) {
          if (f.funds[k] !== null) expect(f.funds[k]).toMatch(DECIMAL);
        }
        for (const k of ['weight', 'stated', 'computed']) if (f.total[k] !== null) expect(f.total[k]).toMatch(DECIMAL);
        for (const i of f.indicators) {
          expect(sorted(i)).toEqual([...IND_KEYS].sort());
          for (const k of ['weight', 'statedScore', 'computedScore']) if (i[k] !== null) expect(i[k]).toMatch(DECIMAL);
          expect(['atLeast', 'moreThan', 'atMost', 'lessThan', 'equal', 'range', 'rank', 'qualitative']).toContain(i.kind);
          expect(['achieved', 'partial', 'notAchieved', 'undetermined']).toContain(i.status);
        }
        for (const x of f.findings) {
          expect(sorted(x)).toEqual([...FINDING_KEYS].sort());
          expect(x.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      const bridges = r.forms.find((f: { project: string }) => f.project === SAMPLE_FAULTS.scoreMissing.project);
      const missing = bridges.indicators.find((i: { name: string }) => i.name === SAMPLE_FAULTS.scoreMissing.name);
      expect(missing).toMatchObject({ statedScore: null, computedScore: '20', weight: '20', kind: 'atLeast', scoreCell: 'H37' });
      const pension = r.forms.find((f: { project: string }) => f.project === '社区养老服务补贴项目');
      // 11436500 / 12000000 as a decimal string, not a float, cut to 10 significant digits (docs/report-json.md)
      expect(pension.funds.rate).toBe('0.9530416667');
      expect(pension.funds).toMatchObject({ budget: '12000000', executed: '11436500', statedScore: '9.53', computedScore: '9.53', cell: 'H6' });
    });

    it('renders messages in English with --lang en-US', async () => {
      const io = memIo(files());
      await run(['check', 'sample.xlsx', '--json', '--lang', 'en-US'], io);
      const messages: string[] = JSON.parse(io.out).forms.flatMap((f: { findings: { message: string }[] }) => f.findings.map((x) => x.message));
      expect(messages.length).toBeGreaterThan(3);
      for (const m of messages) expect(m).toMatch(/[A-Za-z]{3}/);
    });

    it('prints an array, one report per file in argument order, for several files', async () => {
      const io = memIo(files());
      expect(await run(['check', '--json', 'clean.xlsx', 'sample.xlsx'], io)).toBe(1);
      const r = JSON.parse(io.out);
      expect(Array.isArray(r)).toBe(true);
      expect(r.map((x: { file: string }) => x.file)).toEqual(['clean.xlsx', 'sample.xlsx']);
    });

    it('leaves an unreadable file out of the array, says why on stderr and exits 2', async () => {
      const io = memIo(files());
      expect(await run(['check', '--json', 'clean.xlsx', 'missing.xlsx', 'notes.txt'], io)).toBe(2);
      expect(JSON.parse(io.out).map((x: { file: string }) => x.file)).toEqual(['clean.xlsx']);
      expect(io.err).toContain('无法读取 missing.xlsx：文件不存在');
      expect(io.err).toContain('无法读取 notes.txt：文件不是 .xlsx 工作簿');
    });
  });

  it.each<[string, string[], RegExp]>([
    ['a missing file', ['check', 'missing.xlsx'], /^ziping: 无法读取 missing\.xlsx：文件不存在/],
    ['a file that is not an xlsx', ['check', 'notes.txt'], /^ziping: 无法读取 notes\.txt：文件不是 \.xlsx 工作簿/],
    ['a workbook without a form', ['check', 'empty.xlsx'], /^ziping: empty\.xlsx：在 1 个工作表中均未找到绩效自评表。需要包含“年度指标值”/],
    ['a missing file (en-US)', ['check', 'missing.xlsx', '--lang', 'en-US'], /^ziping: Cannot read missing\.xlsx: file not found/],
    ['a workbook without a form (en-US)', ['check', 'empty.xlsx', '--lang', 'en-US'], /^ziping: empty\.xlsx: no performance self-evaluation form found in 1 sheet/],
  ])('exits 2 for %s with a clear message on stderr', async (_name, argv, message) => {
    const io = memIo(files());
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });

  it.each<[string, Uint8Array | 'EISDIR', RegExp, RegExp]>([
    ['a zero-byte file', new Uint8Array(0), /^ziping: 无法读取 in\.xlsx：文件是空的（0 字节）/, /file is empty/],
    ['an .xls workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /^ziping: 无法读取 in\.xlsx：这是 Excel 97-2003 格式（\.xls）的工作簿/, /Excel 97-2003/],
    ['a password-encrypted .xlsx', (() => {
      const b = new Uint8Array(1024);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
      Array.from('EncryptionInfo').forEach((ch, i) => { b[640 + 2 * i] = ch.charCodeAt(0); });
      return b;
    })(), /^ziping: 无法读取 in\.xlsx：工作簿设有打开密码（已加密）/, /password-protected/],
    ['a .csv renamed .xlsx', new TextEncoder().encode('项目名称,得分\r\n测试,100\r\n'), /^ziping: 无法读取 in\.xlsx：文件不是 \.xlsx 工作簿（可能是 CSV/, /may be a CSV/],
    ['a directory', 'EISDIR', /^ziping: 无法读取 in\.xlsx：这是一个文件夹/, /it is a folder/],
  ])('exits 2 for %s, saying why in Chinese (and in English with --lang en-US), with nothing on stdout', async (_name, content, zh, en) => {
    for (const [lang, message] of [['zh-CN', zh], ['en-US', en]] as const) {
      const io = memIo(content === 'EISDIR' ? {} : { 'in.xlsx': content });
      if (content === 'EISDIR') io.readFile = async () => { throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' }); };
      expect(await run(['check', 'in.xlsx', '--json', '--lang', lang], io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.out).toBe('');
    }
  });

  it('exits 1 for a workbook whose only form has an error', async () => {
    // the 政务平台 form alone: its stated score of a missed reverse target is its one error
    const only = memIo({ 'one.xlsx': await bytesOf(workbookOfForms([{ sheet: '政务平台', forms: [sampleForms()[2].forms[0]] }])) });
    expect(await run(['check', 'one.xlsx'], only)).toBe(1);
    expect(only.out).toMatch(/● 错误/);
  });

  it('prints a report with no forms for a workbook without a form under --json (and exits 2)', async () => {
    const io = memIo(files());
    expect(await run(['check', 'empty.xlsx', '--json'], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ version: 1, file: 'empty.xlsx', forms: [] });
  });

  it('exits 2 with the error worst across files', async () => {
    const io = memIo(files());
    expect(await run(['check', 'sample.xlsx', 'empty.xlsx'], io)).toBe(2);
    expect(io.out).toContain('社区养老服务补贴项目');
  });

  it('applies the rule set asked for', async () => {
    const io = memIo(files());
    await run(['check', 'sample.xlsx', '--json', '--rules', 'guangxi'], io);
    expect(JSON.parse(io.out).ruleSet).toBe('guangxi');
  });
});

describe('usage', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown option', ['check', 'sample.xlsx', '--colour'], /^ziping: 未知选项：--colour/],
    ['an unknown rule set', ['check', 'sample.xlsx', '--rules', 'hainan'], /^ziping: 未知的评分规则：hainan（可用：mof-2020/],
    ['an unknown language', ['check', 'sample.xlsx', '--lang', 'ja-JP'], /^ziping: 不支持的语言：ja-JP/],
    ['no arguments', [], /^ziping: 请指定要校验的 \.xlsx 文件。/],
    ['an unknown command', ['lint', 'x.xlsx'], /^ziping: 未知命令：lint/],
    ['an unknown option (en-US)', ['check', '--colour', '--lang', 'en-US'], /^ziping: Unknown option: --colour/],
  ])('exits 2 with usage for %s', async (_name, argv, message) => {
    const io = memIo(files());
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.err).toMatch(/(用法|Usage):\n {2}ziping check/);
    expect(io.out).toBe('');
  });

  it('--help prints usage with every rule set and the JSON choice for several files, exit 0', async () => {
    const io = memIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toContain('ziping fill 输入.xlsx -o 输出.xlsx');
    for (const n of ruleSetNames()) expect(io.out).toContain(n);
    expect(io.out).toContain('多个文件时为数组');
  });

  it('--version prints the package version', async () => {
    const io = memIo();
    expect(await run(['--version'], io)).toBe(0);
    expect(io.out.trim()).toBe(packageVersion());
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('ziping fill', () => {
  it('refuses to write over its input, whatever the spelling of the path', async () => {
    for (const out of ['sample.xlsx', './sample.xlsx', '/mem/sample.xlsx']) {
      const io = memIo(files());
      expect(await run(['fill', 'sample.xlsx', '-o', out], io)).toBe(2);
      expect(io.err).toMatch(/输出文件不能与输入文件相同/);
      expect(io.files.get('/mem/sample.xlsx')).toBe(sample);
    }
  });

  it('writes the plan into a copy, leaves the input alone and prints counts by reason', async () => {
    const io = memIo(files());
    const input = new Uint8Array(sample);
    expect(await run(['fill', 'sample.xlsx', '-o', 'filled.xlsx'], io)).toBe(0);
    expect(io.files.get('/mem/sample.xlsx')).toEqual(input);
    const out = io.files.get('/mem/filled.xlsx');
    expect(out).toBeDefined();
    const plan = checkWorkbook(await readWorkbookGrid(sample)).fillPlan;
    expect(plan.cells.length).toBeGreaterThan(0);
    expect(io.out).toContain(`已写入 ${plan.cells.length} 个单元格（`);
    expect(io.out).toMatch(/（得分 3、偏差说明草稿 3）/);
    expect(io.out).toMatch(/城建项目!H37 +得分 +20/);
    const changed = changedCells(await snapshotOf(sample), await snapshotOf(out as Uint8Array));
    expect(changed).toEqual(plan.cells.map((c) => `${c.sheet}!${c.cell}`).sort());
    const after = checkWorkbook(await readWorkbookGrid(out as Uint8Array));
    expect(after.findings.filter((f) => f.code === 'SCORE_MISSING')).toEqual([]);
    expect(io.out).toMatch(/填写后复查：错误 \d+，警告 \d+，提示 \d+。/);
  });

  it('drafts notes in English with --lang en-US', async () => {
    const io = memIo(files());
    expect(await run(['fill', 'sample.xlsx', '-o', 'filled.xlsx', '--lang', 'en-US'], io)).toBe(0);
    expect(io.out).toMatch(/^Wrote \d+ cell\(s\) \(/);
    const g = await readWorkbookGrid(io.files.get('/mem/filled.xlsx') as Uint8Array);
    const notes = g.sheets.flatMap((s) => s.values.flat()).filter((v) => typeof v === 'string' && v.includes('(to be completed)'));
    expect(notes.length).toBeGreaterThan(0);
  });

  it('overwrites mismatching scores only with --overwrite-scores', async () => {
    const plain = memIo(files());
    await run(['fill', 'sample.xlsx', '-o', 'a.xlsx'], plain);
    expect(plain.out).not.toMatch(/政务平台!I17/);
    const io = memIo(files());
    expect(await run(['fill', 'sample.xlsx', '-o', 'b.xlsx', '--overwrite-scores'], io)).toBe(0);
    expect(io.out).toMatch(/政务平台!I17 +覆盖得分 +8/);
    const after = checkWorkbook(await readWorkbookGrid(io.files.get('/mem/b.xlsx') as Uint8Array));
    expect(after.findings.filter((f) => f.code === 'SCORE_MISMATCH')).toEqual([]);
    // the 总分 follows the overwritten scores: the fill leaves no total that is not the sum
    expect(after.findings.filter((f) => f.code === 'TOTAL_MISMATCH' || f.code === 'SCORE_OVER_WEIGHT')).toEqual([]);
  });

  it.each<[string, string[], RegExp]>([
    ['a missing input', ['fill', 'missing.xlsx', '-o', 'out.xlsx'], /无法读取 missing\.xlsx/],
    ['an input without a form', ['fill', 'empty.xlsx', '-o', 'out.xlsx'], /均未找到绩效自评表/],
    ['a non-xlsx input', ['fill', 'notes.txt', '-o', 'out.xlsx'], /文件不是 \.xlsx 工作簿/],
  ])('exits 2 and writes nothing for %s', async (_name, argv, message) => {
    const io = memIo(files());
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.files.has('/mem/out.xlsx')).toBe(false);
  });
});
