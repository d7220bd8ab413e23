/**
 * The pile part of `npm run bench` (after bench.js): a folder of generated workbooks checked by the built bin (`ziping`), without
 * and with both reports, in a fresh process per run. Prints files/s and the process's peak RSS (all worker threads are in
 * it) for 100 and 1,000 workbooks, with one thread and with one per core: memory must not grow with the pile.
 * Asserts nothing. `node build/test/bench/pile-bench.js [files]` runs one size only.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generatedForm, workbookOfForms } from './sample';

const SIZES = process.argv[2] ? [Number(process.argv[2])] : [100, 1000];
/** distinct workbooks; the pile repeats them under other names (reading, not generating, is what is measured) */
const DISTINCT = 40;
const DEPARTMENTS = ['某市民政局', '某市交通委员会', '某市教育局', '某市卫生健康委员会', '某市财政局'];
/** the shipped bin (bundle, code cache, V8 tuning), as a user runs it */
const BIN = path.join(__dirname, '..', '..', 'src', 'cli', 'main.js');

async function distinct(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < DISTINCT; i++) {
    const spec = { ...generatedForm(i + 1), department: DEPARTMENTS[i % DEPARTMENTS.length], unit: `某单位 ${i % 7}` };
    if (i % 5 === 0) spec.totalScore = 88;
    out.push(Buffer.from(await workbookOfForms([{ sheet: `表${i + 1}`, forms: [spec] }]).xlsx.writeBuffer()));
  }
  return out;
}

function makePile(dir: string, n: number, books: Buffer[]): void {
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, DEPARTMENTS[i % DEPARTMENTS.length]);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `项目${String(i).padStart(4, '0')}.xlsx`), books[i % books.length]);
  }
}

/** Runs the bin's `ziping check` with a preloaded hook that writes the process's peak RSS (KiB) to stderr at exit. */
function measure(hook: string, args: string[]): { ms: number; rssMb: number; status: number | null; refusal: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /maxRSS (\d+)/.exec(r.stderr);
  // exit 2 is a refusal, not a figure: its message is printed beside the row
  const refusal = r.status === 2 ? (r.stderr.split('\n').find((l) => l.startsWith('ziping:')) ?? r.stderr.trim().slice(0, 200)) : '';
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN, status: r.status, refusal };
}

async function main(): Promise<void> {
  const books = await distinct();
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  process.stdout.write(`\npile: ziping check FOLDER [--report r.xlsx --report r.html] (fresh process; ${cores} core(s))\n`);
  process.stdout.write(`${'files'.padStart(6)}  ${'threads'.padStart(7)}  ${'reports'.padStart(7)}  ${'time s'.padStart(7)}  ${'files/s'.padStart(7)}  ${'peak RSS MB'.padStart(11)}  exit\n`);
  for (const n of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-pile-bench-'));
    const hook = path.join(dir, 'rss-hook.js');
    fs.writeFileSync(hook, "process.once('exit', () => process.stderr.write('\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");
    try {
      makePile(path.join(dir, 'pile'), n, books);
      const reports = ['--report', path.join(dir, 'r.xlsx'), '--report', path.join(dir, 'r.html')];
      const runs: [number, boolean][] = [[1, false], ...(cores > 1 ? [[cores, false] as [number, boolean]] : []), [1, true], ...(cores > 1 ? [[cores, true] as [number, boolean]] : [])];
      for (const [jobs, withReports] of runs) {
        // each run writes the reports anew (the CLI refuses to replace a file without --force)
        for (const f of ['r.xlsx', 'r.html']) fs.rmSync(path.join(dir, f), { force: true });
        const r = measure(hook, ['check', path.join(dir, 'pile'), '--jobs', String(jobs), ...(withReports ? reports : [])]);
        process.stdout.write(`${String(n).padStart(6)}  ${String(jobs).padStart(7)}  ${(withReports ? 'both' : 'none').padStart(7)}  ${(r.ms / 1000).toFixed(1).padStart(7)}  ${(n / (r.ms / 1000)).toFixed(1).padStart(7)}  ${r.rssMb.toFixed(0).padStart(11)}  ${r.status}${r.refusal ? `  ${r.refusal}` : ''}\n`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
