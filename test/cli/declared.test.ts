import { run } from '../../src/cli/run';
import { buildForm, standardIndicators } from '../fixtures/forms';
import { sheetGrid } from '../fixtures/grid';
import { xlsxBytes } from '../fixtures/xlsx';
import { declarationForm, declaredFrom } from '../fixtures/declarations';
import { memIo } from './memio';

interface JsonReport { forms: { kind: string; findings: { code: string; params: Record<string, unknown> }[] }[] }

describe('ziping check --declared', () => {
  let self: Uint8Array;
  let decl: Uint8Array;
  let changed: Uint8Array;
  beforeAll(async () => {
    self = await xlsxBytes([{ grid: sheetGrid('自评表', [{ lit: buildForm({ indicators: standardIndicators(), totalScore: 100 }) }]) }]);
    decl = await xlsxBytes([{ grid: sheetGrid('申报表', [{ lit: declarationForm({ project: '测试项目', indicators: declaredFrom(standardIndicators()) }) }]) }]);
    const moved = declaredFrom(standardIndicators()).map((d, i) => (i === 1 ? { ...d, target: '≥500人' } : d));
    changed = await xlsxBytes([{ grid: sheetGrid('申报表', [{ lit: declarationForm({ project: '测试项目', indicators: moved }) }]) }]);
  });

  it('the same targets: the report is the self-evaluation alone', async () => {
    const alone = memIo({ 's.xlsx': self });
    expect(await run(['check', 's.xlsx', '--json'], alone)).toBe(0);
    const io = memIo({ 's.xlsx': self, 'd.xlsx': decl });
    expect(await run(['check', 's.xlsx', '--json', '--declared', 'd.xlsx'], io)).toBe(0);
    expect(io.out).toBe(alone.out);
  });

  it('a changed target is a TARGET_CHANGED warning in the report and in the human text', async () => {
    const io = memIo({ 's.xlsx': self, 'd.xlsx': changed });
    expect(await run(['check', 's.xlsx', '--json', '--declared', 'd.xlsx'], io)).toBe(0);
    const r = JSON.parse(io.out) as JsonReport;
    expect(r.forms[0].kind).toBe('selfEvaluation');
    expect(r.forms[0].findings.filter((f) => f.code === 'TARGET_CHANGED').map((f) => f.params.declared)).toEqual(['≥500人']);
    const human = memIo({ 's.xlsx': self, 'd.xlsx': changed });
    await run(['check', 's.xlsx', '--declared=d.xlsx'], human);
    expect(human.out).toContain('≥500人');
  });

  it('checking the declaration itself reports its kind', async () => {
    const io = memIo({ 'd.xlsx': decl });
    expect(await run(['check', 'd.xlsx', '--json'], io)).toBe(0);
    expect((JSON.parse(io.out) as JsonReport).forms.map((f) => f.kind)).toEqual(['declaration']);
    const human = memIo({ 'd.xlsx': decl });
    await run(['check', 'd.xlsx'], human);
    expect(human.out).toContain('绩效目标申报表');
  });

  it('a --declared file without a declaration is refused with exit 2 and a Chinese message', async () => {
    const io = memIo({ 's.xlsx': self });
    expect(await run(['check', 's.xlsx', '--declared', 's.xlsx'], io)).toBe(2);
    expect(io.err).toContain('未找到项目支出绩效目标申报表');
    const missing = memIo({ 's.xlsx': self });
    expect(await run(['check', 's.xlsx', '--declared', 'nope.xlsx'], missing)).toBe(2);
    expect(missing.err).toContain('nope.xlsx');
  });

  it('fill does not take --declared', async () => {
    const io = memIo({ 's.xlsx': self, 'd.xlsx': decl });
    expect(await run(['fill', 's.xlsx', '-o', 'o.xlsx', '--declared', 'd.xlsx'], io)).toBe(2);
  });
});
