import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { transformFileSync } from '@swc/core';
import ExcelJS from 'exceljs';
import { OutputRefused, writeOutputFile } from '../../src/cli/output';
import { nodeIo, run, type CliIo } from '../../src/cli/run';
import { cleanPensionForm, workbookOfForms } from '../bench/sample';

/** nodeIo with stdout and stderr kept. */
function captured(): CliIo & { out: string; err: string } {
  const io = { ...nodeIo(), out: '', err: '' };
  io.stdout = (s: string) => {
    io.out += s;
  };
  io.stderr = (s: string) => {
    io.err += s;
  };
  return io;
}

let dir: string;
let input: string;

beforeAll(async () => {
  const wb = workbookOfForms([{ sheet: '社区养老', forms: [cleanPensionForm()] }]);
  input = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-in-')), 'in.xlsx');
  fs.writeFileSync(input, new Uint8Array(await (wb as ExcelJS.Workbook).xlsx.writeBuffer()));
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-out-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
  fs.rmSync(path.dirname(input), { recursive: true, force: true });
});

const BYTES = new TextEncoder().encode('PK-not-really');

describe('writeOutputFile', () => {
  it('creates a new regular file and leaves nothing else in the folder', async () => {
    const out = path.join(dir, 'out.xlsx');
    await writeOutputFile(out, BYTES, { force: false });
    expect(fs.readFileSync(out)).toEqual(Buffer.from(BYTES));
    expect(fs.lstatSync(out).isFile()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('refuses an existing file without force, and replaces it keeping its permission bits with force', async () => {
    const out = path.join(dir, 'out.xlsx');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o640);
    await expect(writeOutputFile(out, BYTES, { force: false })).rejects.toEqual(new OutputRefused('exists'));
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    await writeOutputFile(out, BYTES, { force: true });
    expect(fs.readFileSync(out)).toEqual(Buffer.from(BYTES));
    expect(fs.statSync(out).mode & 0o7777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it.each<[string, (p: string) => void, string]>([
    ['a directory', (p) => fs.mkdirSync(p), 'directory'],
    ['a FIFO', (p) => expect(spawnSync('mkfifo', [p]).status).toBe(0), 'special'],
    ['a symbolic link to a file', (p) => {
      fs.writeFileSync(`${p}.real`, 'real');
      fs.symlinkSync(`${p}.real`, p);
    }, 'symlink'],
    ['a dangling symbolic link', (p) => fs.symlinkSync(path.join(dir, 'nowhere'), p), 'symlink'],
  ])('refuses %s even with force, and writes nothing', async (_name, make, reason) => {
    const out = path.join(dir, 'out.xlsx');
    make(out);
    const before = fs.readdirSync(dir).sort();
    await expect(writeOutputFile(out, BYTES, { force: true })).rejects.toEqual(new OutputRefused(reason as OutputRefused['reason']));
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    if (reason === 'symlink' && fs.existsSync(`${out}.real`)) expect(fs.readFileSync(`${out}.real`, 'utf8')).toBe('real');
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('refuses a socket even with force', async () => {
    const out = path.join(dir, 'out.sock');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(out, resolve));
    try {
      expect(fs.lstatSync(out).isSocket()).toBe(true);
      await expect(writeOutputFile(out, BYTES, { force: true })).rejects.toEqual(new OutputRefused('special'));
      expect(fs.lstatSync(out).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a device (/dev/null stays a character device)', async () => {
    await expect(writeOutputFile('/dev/null', BYTES, { force: true })).rejects.toEqual(new OutputRefused('special'));
    expect(fs.lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('names its temporary file unpredictably, next to the output, and removes it when the write fails', async () => {
    const out = path.join(dir, 'out.xlsx');
    const temps: string[] = [];
    const fail = (tmp: string) => {
      temps.push(tmp);
      expect(fs.lstatSync(tmp).isFile()).toBe(true);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${tmp}'`), { code: 'ENOSPC' });
    };
    await expect(writeOutputFile(out, BYTES, { force: false, onTemp: fail })).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(writeOutputFile(out, BYTES, { force: false, onTemp: fail })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(temps).toHaveLength(2);
    expect(path.dirname(temps[0])).toBe(dir);
    expect(temps[0]).not.toBe(temps[1]);
    expect(path.basename(temps[0])).toMatch(/^\.out\.xlsx\.[0-9a-f]{24}\.tmp$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('removes its temporary file and refuses when the output turns into a folder while it writes', async () => {
    const out = path.join(dir, 'out.xlsx');
    await expect(writeOutputFile(out, BYTES, { force: false, onTemp: () => fs.mkdirSync(out) })).rejects.toEqual(new OutputRefused('directory'));
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
    expect(fs.lstatSync(out).isDirectory()).toBe(true);
  });

  it('renames only the file it wrote: a symbolic link planted at the temporary name is not moved into place', async () => {
    // the name is unpredictable; here the test learns it and plants the link before the write, as a racing attacker would
    const out = path.join(dir, 'out.xlsx');
    const victim = path.join(dir, 'victim');
    fs.writeFileSync(victim, 'victim');
    await expect(
      writeOutputFile(out, BYTES, {
        force: false,
        onTemp: (tmp) => {
          fs.rmSync(tmp);
          fs.symlinkSync(victim, tmp);
        },
      }),
    ).rejects.toEqual(new OutputRefused('changed'));
    expect(fs.readFileSync(victim, 'utf8')).toBe('victim');
    expect(fs.readdirSync(dir)).toEqual(['victim']);
  });

  it('removes its temporary file when SIGTERM arrives mid-write, and dies of the signal', () => {
    const compiled = path.join(dir, 'output.js');
    fs.writeFileSync(compiled, transformFileSync(path.join(__dirname, '../../src/cli/output.ts'), { module: { type: 'commonjs' }, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }).code);
    const out = path.join(dir, 'out.xlsx');
    const script = `
      const { writeOutputFile } = require(${JSON.stringify(compiled)});
      setTimeout(() => process.exit(3), 20000);
      writeOutputFile(${JSON.stringify(out)}, Buffer.from('x'), { force: false, onTemp: (tmp) => {
        process.stdout.write(tmp);
        process.kill(process.pid, 'SIGTERM');
        return new Promise(() => undefined);
      } });`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.signal).toBe('SIGTERM');
    expect(child.stdout).toMatch(/\.tmp$/);
    expect(fs.existsSync(child.stdout)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['output.js']);
  });
});

describe('ziping fill -o on the real file system', () => {
  it.each<[string, (p: string) => void, RegExp, RegExp]>([
    ['an existing file', (p) => fs.writeFileSync(p, 'old'), /无法写入 .*out\.xlsx：文件已存在；要替换它，请加 --force/, /the file exists; add --force/],
    ['a directory', (p) => fs.mkdirSync(p), /：这是一个文件夹/, /it is a folder/],
    ['a FIFO', (p) => spawnSync('mkfifo', [p]), /：这不是普通文件（设备、管道或套接字）/, /not a regular file/],
    ['a symbolic link', (p) => fs.symlinkSync(path.join(dir, 'elsewhere.xlsx'), p), /：这是一个符号链接/, /it is a symbolic link/],
  ])('exits 2 for %s, in Chinese and English, before writing anything', async (_name, make, zh, en) => {
    const out = path.join(dir, 'out.xlsx');
    make(out);
    const before = fs.readdirSync(dir).sort();
    for (const [lang, message] of [['zh-CN', zh], ['en-US', en]] as const) {
      const io = captured();
      expect(await run(['fill', input, '-o', out, '--lang', lang], io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\.tmp|ELOOP|ENOTDIR|EEXIST/);
      expect(io.out).toBe('');
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('exits 2 for /dev/null, even with --force, and the device stays a device', async () => {
    const io = captured();
    expect(await run(['fill', input, '-o', '/dev/null', '--force'], io)).toBe(2);
    expect(io.err).toMatch(/无法写入 \/dev\/null：这不是普通文件/);
    expect(fs.lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('replaces an existing file with --force, keeping its permissions', async () => {
    const out = path.join(dir, 'out.xlsx');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o604);
    const io = captured();
    expect(await run(['fill', input, '-o', out, '--force'], io)).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(fs.statSync(out).mode & 0o7777).toBe(0o604);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('says what is wrong with a path through a file, without the system text', async () => {
    const file = path.join(dir, 'plain');
    fs.writeFileSync(file, 'x');
    for (const [lang, message] of [['zh-CN', /：路径中有一级不是文件夹$/m], ['en-US', /: a part of the path is not a folder$/m]] as const) {
      const io = captured();
      expect(await run(['fill', input, '-o', path.join(file, 'out.xlsx'), '--lang', lang], io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/ENOTDIR|\.tmp/);
    }
  });

  it('says what is wrong with a symbolic-link loop in the folder, without the system text', async () => {
    fs.symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop'));
    const io = captured();
    expect(await run(['fill', input, '-o', path.join(dir, 'loop', 'out.xlsx')], io)).toBe(2);
    expect(io.err).toMatch(/：路径中的符号链接过多或成环$/m);
    expect(io.err).not.toMatch(/ELOOP|\.tmp/);
  });
});
