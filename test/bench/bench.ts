/**
 * `npm run bench`: how the engine and the CLI scale with the number of forms. Prints figures, asserts nothing.
 *
 * For one small workbook (the sample: 4 forms on 3 sheets) and 50/100/200 generated forms (one per sheet, built
 * with exceljs and written to a temp file):
 * - engine: checkWorkbook on the snapshot, median of several runs, per form   (goal ≤ 1 ms/form)
 * - read:   exceljs alone loading the file, in a fresh `node` process (what the CLI took before issue 13)
 * - CLI:    the built (bundled) `ziping check FILE --json`, spawned           (goal ≤ 0.6 × read for the small
 *           workbook, ≤ 0.5 × read for 200 forms)
 * The add-in's figures (syncs, workbench timing, bundle size) come next, from addin-bench.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { buildBenchWorkbook, buildSampleWorkbook } from './sample';

const SIZES = [0, 50, 100, 200];
const ENGINE_RUNS = 9;
/**
 * Process runs per size, each a read and a CLI run back to back: the host's load changes from second to second, and
 * the ratio of a pair sees the same load on both sides. The CLI/read column is the median of the pairs' ratios.
 */
const PROCESS_RUNS = 9;
const CLI = path.join(__dirname, '..', '..', 'src', 'cli', 'main.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function timeProcess(args: string[]): { ms: number; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: ms(t0), status: r.status };
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -p tsconfig.cli.json\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-'));
  const exceljsPath = require.resolve('exceljs');
  const bareRead = `const E=require(${JSON.stringify(exceljsPath)});new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>{})`;
  const rows: string[][] = [];
  try {
    for (const n of SIZES) {
      const file = path.join(dir, `forms-${n}.xlsx`);
      // 0 stands for one small workbook: the sample
      await (n === 0 ? buildSampleWorkbook() : buildBenchWorkbook(n)).xlsx.writeFile(file);
      const bytes = fs.readFileSync(file);

      // warm the JIT so that the first size is not charged for it
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
      checkWorkbook(await readWorkbookGrid(bytes));

      const loads: number[] = [];
      const grids: number[] = [];
      for (let i = 0; i < PROCESS_RUNS; i++) {
        let t0 = process.hrtime.bigint();
        await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
        loads.push(ms(t0));
        t0 = process.hrtime.bigint();
        await readWorkbookGrid(bytes);
        grids.push(ms(t0));
      }
      const grid = await readWorkbookGrid(bytes);
      let forms = 0;
      const engine: number[] = [];
      for (let i = 0; i < ENGINE_RUNS; i++) {
        const t0 = process.hrtime.bigint();
        forms = checkWorkbook(grid).forms.length;
        engine.push(ms(t0));
      }

      const read: number[] = [];
      const cli: number[] = [];
      let status: number | null = null;
      for (let i = 0; i < PROCESS_RUNS; i++) {
        read.push(timeProcess(['-e', bareRead, file]).ms);
        const c = timeProcess([CLI, 'check', file, '--json']);
        cli.push(c.ms);
        status = c.status;
      }
      const e = median(engine);
      const r = median(read);
      const c = median(cli);
      const pairRatio = median(cli.map((x, i) => x / read[i]));
      rows.push([
        n === 0 ? 'sample' : String(n), String(forms), `${(bytes.length / 1024).toFixed(0)} KiB`,
        `${e.toFixed(1)} ms`, `${(e / Math.max(forms, 1)).toFixed(3)} ms`, `${(Math.min(...engine) / Math.max(forms, 1)).toFixed(3)} ms`,
        `${median(loads).toFixed(0)} ms`, `${median(grids).toFixed(0)} ms`,
        `${r.toFixed(0)} ms`, `${c.toFixed(0)} ms`, `${pairRatio.toFixed(2)}×`, `${(Math.min(...cli) / Math.min(...read)).toFixed(2)}×`,
        String(status),
      ]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const head = [
    'forms', 'found', 'file', 'engine', 'engine/form', 'best/form', 'load (in-proc)', 'load+grid (in-proc)',
    'read (node+exceljs)', 'CLI check --json', 'CLI/read', 'best CLI/read', 'exit',
  ];
  const table = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((x, i) => x.padStart(widths[i])).join('  ');
  const out = [
    `Ziping bench — node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg()[0].toFixed(1)}; ` +
      `medians (and best) of ${ENGINE_RUNS} engine runs / ${PROCESS_RUNS} process runs (CLI/read: the median of the ratios of runs side by side)`,
    '',
    line(head),
    ...rows.map(line),
    '',
    'Goals: engine ≤ 1 ms/form; CLI ≤ 0.6 × read for the sample, ≤ 0.5 × read for 200 forms (both columns are fresh',
    'node processes reading the same file; read is exceljs alone, the CLI reads with src/xlsx and checks).',
    'On a busy machine (load average above the CPU count) medians wander; the best-of columns are the steadier figures.',
    'Linear growth: engine, read and CLI should roughly double from 50 to 100 and from 100 to 200 forms.',
    'Hostile files follow (hostile-bench.js: zip bombs and a huge sheet, time and peak memory of the CLI refusing them).',
    'The add-in figures follow (addin-bench.js: syncs per validate/fill, then a production build for the bundle size and the workbench timing).',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
