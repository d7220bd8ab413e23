import ExcelJS from 'exceljs';
import type { CellValue } from '../../../src/core/grid';
import { measure, normalizeText, parseActual, parseTarget } from '../../../src/core/values';
import type { Measure, Target } from '../../../src/core/values';
import { SEED_PRESENT, SEED_XLSX } from '../../helpers/shared';

const FIXTURE = SEED_XLSX;
const present = SEED_PRESENT;

interface Row {
  readonly where: string;
  readonly target: Target;
  readonly measure: Measure;
}

function valueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return { kind: 'error', code: String(v.error) };
  if ('result' in v) return valueOf(v.result as ExcelJS.CellValue);
  return String(v);
}

async function indicatorRows(): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  const rows: Row[] = [];
  wb.eachSheet((ws) => {
    let cols: { target: number; actual: number } | null = null;
    ws.eachRow((row) => {
      const texts = new Map<number, string>();
      row.eachCell((c, col) => texts.set(col, normalizeText(String(valueOf(c.value) ?? ''))));
      const find = (label: string) => [...texts].find(([, t]) => t === label)?.[0];
      const t = find('年度指标值');
      const a = find('实际完成值');
      if (t && a) {
        cols = { target: t, actual: a };
        return;
      }
      if (!cols || [...texts.values()].includes('总分')) {
        if (cols) cols = null;
        return;
      }
      const tc = row.getCell(cols.target);
      const ac = row.getCell(cols.actual);
      const target = parseTarget(valueOf(tc.value), tc.numFmt ?? null);
      rows.push({
        where: `${ws.name}!${tc.address}`,
        target,
        measure: measure(target, parseActual(valueOf(ac.value), ac.numFmt ?? null)),
      });
    });
  });
  return rows;
}

function meets(t: Target, m: Measure): boolean {
  if (!m.ok || m.kind !== 'number') return false;
  const b = m.value;
  switch (t.kind) {
    case 'atLeast': return b.gte(t.quantity.value);
    case 'moreThan': return b.gt(t.quantity.value);
    case 'atMost': return b.lte(t.quantity.value);
    case 'lessThan': return b.lt(t.quantity.value);
    case 'equal': return b.eq(t.quantity.value);
    case 'range': return b.gte(t.low.value) && b.lte(t.high.value);
    default: return false;
  }
}

(present ? describe : describe.skip)('the five published Shanghai forms (../shared/fixtures/sheitc-2021.xlsx)', () => {
  let rows: Row[] = [];
  beforeAll(async () => {
    rows = await indicatorRows();
  });

  it('finds every indicator row', () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
  });

  it('reads every numeric and rank indicator as met (all five forms score them in full)', () => {
    const numeric = rows.filter((r) => r.target.kind !== 'qualitative');
    expect(numeric.length).toBeGreaterThanOrEqual(30);
    for (const r of numeric) {
      const ok = r.target.kind === 'rank'
        ? r.measure.ok && r.measure.kind === 'rank' && r.measure.rank.lte(r.target.rank)
        : meets(r.target, r.measure);
      expect({ where: r.where, ok }).toEqual({ where: r.where, ok: true });
    }
  });

  it('classifies qualitative actuals as achieved or leaves them to the person, never as missed', () => {
    const qual = rows.filter((r) => r.target.kind === 'qualitative');
    for (const r of qual) {
      expect(r.measure.ok && r.measure.kind === 'class' && ['achieved', 'undetermined'].includes(r.measure.cls)).toBe(true);
    }
    const undetermined = qual.filter((r) => r.measure.ok && r.measure.kind === 'class' && r.measure.cls === 'undetermined');
    expect(undetermined.map((r) => r.where)).toEqual(['超算服务!E14', '超算服务!E15', '超算服务!E16']);
  });

  it('flags exactly the two targets that lost their number', () => {
    const malformed = rows.filter((r) => r.target.kind === 'qualitative' && r.target.malformed).map((r) => r.where);
    expect(malformed).toEqual(['法人认证!E20', '法人认证!E21']);
  });

  it('takes 99% out of the sentence 服务对象满意度>=99%，用户投诉率0, and says so', () => {
    const r = rows.find((x) => x.where === '超算服务!E17');
    expect(r?.measure).toMatchObject({ ok: true, kind: 'number', notes: [{ kind: 'fromText', text: '99%' }] });
  });
});

if (!present) {
  it('skips the sample workbook checks: ../shared/fixtures/sheitc-2021.xlsx is absent (fresh clone)', () => {
    expect(present).toBe(false);
  });
}
