import { run } from '../../src/cli/run';
import { sheetGrid } from '../fixtures/grid';
import { xlsxBytes } from '../fixtures/xlsx';
import { templateForm } from '../fixtures/templates';
import { memIo } from './memio';

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

async function unknownHeaderBook(): Promise<Uint8Array> {
  const lit = templateForm({});
  const row = lit.rows.findIndex((r) => r.includes('实际完成值'));
  lit.rows[row] = lit.rows[row].map((v) => ({ 年度指标值: '计划达成标准', 实际完成值: '今年做到', 分值: '满分', 得分: '评定分' } as Record<string, string>)[String(v)] ?? v);
  return xlsxBytes([{ grid: sheetGrid('自评表', [{ lit }]) }]);
}

const GOOD = { forms: [{ sheet: '自评表', headerRow: 12, columns: { E: '年度指标值', F: 'actual', G: 'weight', H: 'score' } }] };

describe('ziping --map', () => {
  let book: Uint8Array;
  beforeAll(async () => {
    book = await unknownHeaderBook();
  });

  it('without a map the form cannot be scored; with it, check reports the form as with known headers', async () => {
    const io0 = memIo({ 'a.xlsx': book });
    const code0 = await run(['check', 'a.xlsx', '--json'], io0);
    expect(code0).not.toBe(0);
    const io = memIo({ 'a.xlsx': book, 'map.json': enc(GOOD) });
    expect(await run(['check', 'a.xlsx', '--json', '--map', 'map.json'], io)).toBe(0);
    const rep = JSON.parse(io.out) as { forms: { total: { computed: string }; findings: unknown[] }[] };
    expect(rep.forms[0].total.computed).toBe('99.75');
    expect(rep.forms[0].findings).toEqual([]);
  });

  it('fill uses the map too', async () => {
    const io = memIo({ 'a.xlsx': book, 'map.json': enc(GOOD) });
    expect(await run(['fill', 'a.xlsx', '-o', 'b.xlsx', '--map=map.json'], io)).toBe(0);
    expect(io.files.has('/mem/b.xlsx')).toBe(true);
    const again = memIo({ 'b.xlsx': io.files.get('/mem/b.xlsx') as Uint8Array, 'map.json': enc(GOOD) });
    expect(await run(['check', 'b.xlsx', '--json', '--map', 'map.json'], again)).toBe(0);
    expect((JSON.parse(again.out) as { forms: unknown[] }).forms).toHaveLength(1);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a map pointing outside the form', enc({ forms: [{ sheet: '自评表', headerRow: 40, columns: { E: 'target' } }] }), /列映射 map\.json 无法使用：列映射指向的单元格 自评表!E40 是空的/u],
    ['a map with an unknown role', enc({ forms: [{ sheet: '自评表', headerRow: 12, columns: { E: '目标' } }] }), /列映射 map\.json 无法使用：第 1 项的列 E 的角色“目标”无法识别/u],
    ['a map that is not JSON', new TextEncoder().encode('{forms:'), /列映射 map\.json 无法使用：不是有效的 JSON/u],
  ])('refuses %s with exit 2 and a Chinese message', async (_name, map, message) => {
    const io = memIo({ 'a.xlsx': book, 'map.json': map });
    expect(await run(['check', 'a.xlsx', '--map', 'map.json'], io)).toBe(2);
    expect(io.err).toMatch(message);
  });

  it('a missing map file is exit 2', async () => {
    const io = memIo({ 'a.xlsx': book });
    expect(await run(['check', 'a.xlsx', '--map', 'nope.json'], io)).toBe(2);
    expect(io.err).toContain('nope.json');
  });
});
