import { D, type CheckResult, type Finding, type FillPlan, type FillReason, type FormResult, type IndicatorResult } from '../../src/core';
import type { FillOutcome, FillRequest, Progress, ValidateOutcome, ValidateRequest, ZipingHost } from '../../src/excel/host';

const dec = (v: string | null) => (v === null ? null : new D(v));

export function indicator(o: Partial<Omit<IndicatorResult, 'weight' | 'statedScore' | 'computedScore'>> & { weight?: string; stated?: string | null; computed?: string | null }): IndicatorResult {
  return {
    cell: 'D13', level1: '产出指标', level2: '数量指标', name: '举办活动', target: '>=65场', actual: '65', kind: 'atLeast',
    status: 'achieved', overachieved: false, scoreCell: 'H13', noteCell: 'I13', note: '', targetCell: 'E13', actualCell: 'F13',
    ...o,
    weight: dec(o.weight ?? '20'),
    statedScore: dec(o.stated === undefined ? '20' : o.stated),
    computedScore: dec(o.computed === undefined ? '20' : o.computed),
  };
}

export function form(o: Partial<FormResult> & { sheet: string; stated?: string | null; computed?: string | null }): FormResult {
  return {
    range: 'A1:I20', project: '测试项目', department: '上海市经济和信息化委员会', implementer: '', year: '2021', goal: null, funds: null,
    indicators: [], grade: '优', findings: [],
    ...o,
    total: { weight: new D(100), stated: dec(o.stated === undefined ? '100' : o.stated), computed: dec(o.computed === undefined ? '100' : o.computed), undetermined: 0, cell: 'H20' },
  };
}

export const NO_COUNTS: Record<FillReason, number> = { score: 0, rate: 0, fundsScore: 0, total: 0, note: 0, overwriteScore: 0 };

export function plan(counts: Partial<Record<FillReason, number>>): FillPlan {
  const c = { ...NO_COUNTS, ...counts };
  const cells = (Object.entries(c) as [FillReason, number][]).flatMap(([reason, n]) =>
    Array.from({ length: n }, (_, i) => ({ sheet: 'S', cell: `H${30 + i}`, row: 29 + i, col: 7, current: null, value: 1, exact: '1', numberFormat: null, reason })),
  );
  return { cells, counts: c };
}

export function result(forms: FormResult[], fillPlan: FillPlan = plan({}), extra: Finding[] = []): CheckResult {
  return {
    ruleSet: 'mof-2020',
    forms,
    findings: [...forms.flatMap((f) => f.findings), ...extra],
    hiddenSheets: [],
    fillPlan,
    sheetsWithoutForm: [...new Set(extra.filter((f) => f.code === 'NO_FORM').map((f) => f.sheet))],
  };
}

export interface FakeHost extends ZipingHost {
  readonly calls: { method: string; args: unknown[] }[];
  undoAvailable: boolean;
  next: { validate?: CheckResult; fill?: CheckResult; error?: unknown };
  progress: Progress[];
  /** when set, validate waits for it after reporting progress */
  gate: Promise<void> | null;
}

/** A plain-object host: records every call, answers with the results the test set. */
export function fakeHost(first: CheckResult): FakeHost {
  const host: FakeHost = {
    calls: [],
    undoAvailable: false,
    next: { validate: first },
    progress: [],
    gate: null,
    async validate(request: ValidateRequest, onProgress?: (p: Progress) => void): Promise<ValidateOutcome> {
      host.calls.push({ method: 'validate', args: [request] });
      for (const p of host.progress) onProgress?.(p);
      if (host.gate) await host.gate;
      if (host.next.error) throw host.next.error;
      return { result: host.next.validate ?? first, sheets: ['S'], readSyncs: 1, writeSyncs: request.mark ? 1 : 0 };
    },
    async fill(request: FillRequest): Promise<FillOutcome> {
      host.calls.push({ method: 'fill', args: [request] });
      if (host.next.error) throw host.next.error;
      host.undoAvailable = true;
      return { written: request.expected.cells.length, counts: request.expected.counts, result: host.next.fill ?? first, readSyncs: 1, writeSyncs: 1 };
    },
    async undoFill() {
      host.calls.push({ method: 'undoFill', args: [] });
      host.undoAvailable = false;
      return { restored: 3 };
    },
    async hasUndo() {
      host.calls.push({ method: 'hasUndo', args: [] });
      return host.undoAvailable;
    },
    async select(sheet: string, cell: string) {
      host.calls.push({ method: 'select', args: [sheet, cell] });
    },
  };
  return host;
}
