import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/run';
import { checkWorkbook, D, type CheckResult, type CellValue } from '../../src/core';
import { GridView, parseA1 } from '../../src/core/grid';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { changedCells, snapshotOf } from '../fixtures/xlsx';
import { memIo } from './memio';
import { SEED_PRESENT, SEED_XLSX } from '../helpers/shared';

const SEED = SEED_XLSX;
const present = SEED_PRESENT;
if (!present) console.warn(`跳过 seed 填写往返测试：未找到 ${SEED}（../shared 不在此克隆中）`);
const describeSeed = present ? describe : describe.skip;

interface Blanked {
  scores: string[];
  rates: string[];
  /** indicators the rules leave to a person: their published score stays, they cannot come back from a fill */
  undetermined: string[];
}

function cellsToBlank(r: CheckResult): Blanked {
  const b: Blanked = { scores: [], rates: [], undetermined: [] };
  for (const f of r.forms) {
    for (const i of f.indicators) {
      if (!i.scoreCell) continue;
      if (i.computedScore === null) b.undetermined.push(`${f.sheet}!${i.scoreCell}`);
      else b.scores.push(`${f.sheet}!${i.scoreCell}`);
    }
    if (f.funds?.cell) b.scores.push(`${f.sheet}!${f.funds.cell}`);
    if (f.funds?.rateCell) b.rates.push(`${f.sheet}!${f.funds.rateCell}`);
    if (f.total.cell) b.scores.push(`${f.sheet}!${f.total.cell}`);
  }
  return b;
}

function valueAt(r: { sheets: readonly { sheet: string }[] }, ref: string): CellValue {
  const [sheet, a1] = ref.split('!');
  const grid = (r as Awaited<ReturnType<typeof readWorkbookGrid>>).sheets.find((s) => s.sheet === sheet);
  if (!grid) throw new Error(`no sheet ${sheet}`);
  const p = parseA1(a1);
  return new GridView(grid).value(p.row, p.col);
}

describeSeed('fill round trip on the published 2021 forms', () => {
  let original: Uint8Array;
  let blankedBytes: Uint8Array;
  let filled: Uint8Array;
  let before: CheckResult;
  let blanked: Blanked;
  let stdout: string;

  beforeAll(async () => {
    original = new Uint8Array(fs.readFileSync(SEED));
    before = checkWorkbook(await readWorkbookGrid(original));
    blanked = cellsToBlank(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
    for (const ref of [...blanked.scores, ...blanked.rates]) {
      const [sheet, a1] = ref.split('!');
      const ws = wb.getWorksheet(sheet);
      if (!ws) throw new Error(`no sheet ${sheet}`);
      ws.getCell(a1).value = null;
    }
    blankedBytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const io = memIo({ 'blanked.xlsx': blankedBytes });
    const code = await run(['fill', 'blanked.xlsx', '-o', 'filled.xlsx'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    filled = io.files.get('/mem/filled.xlsx') as Uint8Array;
    stdout = io.out;
  });

  it('starts from forms whose stated scores equal the computed ones', () => {
    expect(before.forms).toHaveLength(5);
    for (const f of before.forms) {
      expect(f.total.stated?.toFixed()).toBe(f.total.computed?.toFixed());
      expect(f.funds?.statedScore?.toFixed()).toBe(f.funds?.computedScore?.toFixed());
      for (const i of f.indicators) if (i.computedScore) expect(i.statedScore?.toFixed()).toBe(i.computedScore.toFixed());
    }
    expect(blanked.scores.length).toBeGreaterThan(60);
    expect(blanked.rates).toHaveLength(5);
  });

  it('brings every published score back', async () => {
    const orig = await readWorkbookGrid(original);
    const out = await readWorkbookGrid(filled);
    expect(stdout).toMatch(new RegExp(`得分 ${blanked.scores.length - 10}、执行率 5、资金得分 5、总分 5`));
    for (const ref of blanked.scores) {
      const want = valueAt(orig, ref);
      const got = valueAt(out, ref);
      expect({ ref, got: typeof got === 'number' ? new D(got).toFixed(2) : got }).toEqual({ ref, got: new D(want as number).toFixed(2) });
    }
  });

  it('brings every 执行率 back at the precision the sheet shows it (0.00%)', async () => {
    const orig = await readWorkbookGrid(original);
    const out = await readWorkbookGrid(filled);
    for (const ref of blanked.rates) {
      const want = new D(valueAt(orig, ref) as number);
      const got = new D(valueAt(out, ref) as number);
      // published forms round the rate up (ROUNDUP(B/A, 4)), the budget system half up: either shows the same form
      expect([got.toDecimalPlaces(4, D.ROUND_HALF_UP).toFixed(), got.toDecimalPlaces(4, D.ROUND_UP).toFixed()]).toContain(want.toFixed());
    }
  });

  it('leaves no score missing', async () => {
    const after = checkWorkbook(await readWorkbookGrid(filled));
    expect(after.findings.filter((f) => f.code === 'SCORE_MISSING')).toEqual([]);
    for (const f of after.forms) expect(f.total.stated?.toFixed()).toBe(f.total.computed?.toFixed());
  });

  it('changes no other cell, format, merge or column width', async () => {
    const plan = checkWorkbook(await readWorkbookGrid(blankedBytes)).fillPlan;
    const notes = plan.cells.filter((c) => c.reason === 'note').map((c) => `${c.sheet}!${c.cell}`);
    const a = await snapshotOf(original);
    const b = await snapshotOf(filled);
    const allowed = new Set([...blanked.rates, ...notes]);
    const changed = changedCells(a, b);
    expect(changed.filter((c) => !allowed.has(c))).toEqual([]);
    expect(b.merges).toEqual(a.merges);
    expect(b.widths).toEqual(a.widths);
  });

  it('raises no error the original did not have (a filled 执行率 reads as displayed)', async () => {
    const after = checkWorkbook(await readWorkbookGrid(filled));
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
