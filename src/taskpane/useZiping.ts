import { useCallback, useEffect, useRef, useState } from 'react';
import { countSeverities, isolate, NOTE_DRAFT_MARKERS, type CheckResult, type ColumnMap, type Finding, type FillPlan, type Table } from '../core';
import type { Progress, StoredColumnMap, ValidateRequest, ZipingHost } from '../host';
import { type Strings, toCheckOptions, type Settings } from '../app';

export type BusyKind = 'validate' | 'fill' | 'undo' | 'summary' | 'map';

/** A status line, rendered in the current language when shown (so a language switch re-renders it). */
export interface Status {
  readonly intent: 'success' | 'info' | 'warning' | 'error';
  readonly text: (s: Strings) => string;
}

export interface ZipingState {
  readonly result: CheckResult | null;
  readonly busy: BusyKind | null;
  readonly progress: Progress | null;
  readonly status: Status | null;
  readonly canUndo: boolean;
  /** the plan shown in the fill preview, while the person decides */
  readonly pendingFill: FillPlan | null;
  /** the column map kept with the workbook, as the last validate read it */
  readonly columnMap: StoredColumnMap | null;
}

export interface ZipingActions {
  validate(): Promise<void>;
  requestFill(): Promise<void>;
  confirmFill(): Promise<void>;
  cancelFill(): void;
  undo(): Promise<void>;
  select(f: Finding): Promise<void>;
  /** 写入汇总表 with the summary of the current result (the status line from `said`) */
  writeSummary(table: Table, said: (rows: number, added: boolean) => string): Promise<void>;
  /** keep the column map with the workbook (null clears it), then check again; false when the write failed */
  saveColumnMap(map: ColumnMap | null): Promise<boolean>;
}

interface HostErrorLike {
  readonly code: string;
  readonly detail?: Readonly<Record<string, string | number>>;
  readonly message?: string;
}

function isHostErrorLike(e: unknown): e is HostErrorLike {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'HostError' && typeof (e as HostErrorLike).code === 'string';
}

export function errorStatus(e: unknown): Status {
  if (isHostErrorLike(e)) {
    const code = e.code as Parameters<Strings['hostError']>[0];
    return { intent: 'error', text: (s) => s.hostError(code, e.detail ?? {}, e.message ?? code) };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { intent: 'error', text: (s) => s.hostError('UNKNOWN', {}, message) };
}

/** How many findings of each severity (core's countSeverities, under the name the pane uses). */
export const severityCounts = countSeverities;

/** The pane's controller: one operation at a time, every outcome turned into a status line. */
export function useZiping(host: ZipingHost, settings: Settings, autoRun = false): [ZipingState, ZipingActions] {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<BusyKind | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [pendingFill, setPendingFill] = useState<FillPlan | null>(null);
  const [columnMap, setColumnMap] = useState<StoredColumnMap | null>(null);
  const busyRef = useRef(false);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const resultRef = useRef<CheckResult | null>(null);

  const request = (): ValidateRequest => {
    const s = settingsRef.current;
    return { allSheets: s.allSheets, options: toCheckOptions(s), mark: s.mark, lang: s.lang };
  };

  const refreshUndo = useCallback(async () => {
    try {
      setCanUndo(await host.hasUndo());
    } catch {
      setCanUndo(false);
    }
  }, [host]);

  /** Runs one host operation; returns undefined when another is running or it failed (status says why). */
  const run = useCallback(async <T,>(kind: BusyKind, op: () => Promise<T>): Promise<T | undefined> => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    setBusy(kind);
    setProgress(null);
    try {
      return await op();
    } catch (e) {
      setStatus(errorStatus(e));
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(null);
      setProgress(null);
    }
  }, []);

  const doValidate = useCallback(async (): Promise<CheckResult | undefined> => {
    const outcome = await run('validate', () => host.validate(request(), setProgress));
    if (!outcome) return undefined;
    const r = outcome.result;
    resultRef.current = r;
    setResult(r);
    setColumnMap(outcome.columnMap ?? null);
    const c = severityCounts(r.findings);
    const checked: Status = r.forms.length === 0
      ? { intent: 'warning', text: (s) => s.noForm }
      // the bar's colour follows the worst finding: a warning is never shown as a success
      : { intent: c.error > 0 ? 'error' : c.warning > 0 ? 'warning' : c.info > 0 ? 'info' : 'success', text: (s) => s.validated(r.forms.length, c.error, c.warning, c.info) };
    // 全部工作表: a sheet too large to read is named with the TOO_LARGE wording; the others were checked
    const big = outcome.tooLarge ?? [];
    // a protected sheet is checked but not marked: say so, or the person looks for marks in vain
    const unmarked = outcome.unmarked ?? [];
    const also = (s: Strings): string[] => [...big.map((sheet) => s.hostError('TOO_LARGE', { sheet }, '')), ...(unmarked.length ? [s.unmarked(unmarked)] : [])];
    setStatus(
      big.length === 0 && unmarked.length === 0
        ? checked
        : { intent: big.length > 0 || checked.intent === 'success' ? 'warning' : checked.intent, text: (s) => [checked.text(s), ...also(s)].join(' ') },
    );
    return r;
  }, [host, run]);

  const validate = useCallback(async () => {
    await doValidate();
  }, [doValidate]);

  const requestFill = useCallback(async () => {
    const r = resultRef.current ?? (await doValidate());
    if (!r) return;
    if (r.fillPlan.cells.length === 0) {
      setStatus({ intent: 'info', text: (s) => s.nothingToFill });
      return;
    }
    setPendingFill(r.fillPlan);
  }, [doValidate]);

  const cancelFill = useCallback(() => setPendingFill(null), []);

  const confirmFill = useCallback(async () => {
    const plan = pendingFill;
    if (!plan) return;
    setPendingFill(null);
    const outcome = await run('fill', () => host.fill({ ...request(), expected: plan }, setProgress));
    if (outcome) {
      resultRef.current = outcome.result;
      setResult(outcome.result);
      const n = outcome.written;
      // the drafted notes still end with a placeholder: point at them, they are the person's part of the work
      const drafts = plan.cells.filter((c) => c.reason === 'note' && typeof c.value === 'string' && NOTE_DRAFT_MARKERS.some((m) => String(c.value).includes(m)));
      const many = new Set(plan.cells.map((c) => c.sheet)).size > 1;
      const where = drafts.map((c) => (many ? `${isolate(c.sheet)}!${c.cell}` : c.cell));
      setStatus({ intent: 'success', text: (s) => (where.length ? `${s.filled(n)} ${s.draftsToComplete(where)}` : s.filled(n)) });
    }
    await refreshUndo();
  }, [host, pendingFill, run, refreshUndo]);

  const undo = useCallback(async () => {
    const outcome = await run('undo', () => host.undoFill());
    await refreshUndo();
    if (!outcome) return;
    const n = outcome.restored;
    const undone: Status = { intent: 'success', text: (s) => s.undone(n) };
    setStatus(undone);
    // re-read so the pane shows the sheet as it is now; the undo is what the person asked about, so say it last
    if (await doValidate()) setStatus(undone);
  }, [host, run, refreshUndo, doValidate]);

  const select = useCallback(
    async (f: Finding) => {
      try {
        await host.select(f.sheet, f.cell);
      } catch (e) {
        setStatus(errorStatus(e));
      }
    },
    [host],
  );

  const writeSummary = useCallback(
    async (table: Table, said: (rows: number, added: boolean) => string) => {
      const write = host.writeSummary?.bind(host);
      if (!write) return;
      const outcome = await run('summary', () => write(table));
      await refreshUndo();
      if (outcome) setStatus({ intent: 'success', text: () => said(outcome.rows, outcome.added) });
    },
    [host, run, refreshUndo],
  );

  const saveColumnMap = useCallback(async (map: ColumnMap | null) => {
    const write = host.writeColumnMap?.bind(host);
    if (!write || (await run('map', () => write(map).then(() => true))) !== true) return false;
    await doValidate();
    return true;
  }, [host, run, doValidate]);

  useEffect(() => {
    void refreshUndo();
  }, [refreshUndo]);

  const autoRan = useRef(false);
  useEffect(() => {
    if (autoRun && !autoRan.current) {
      autoRan.current = true;
      void doValidate();
    }
  }, [autoRun, doValidate]);

  return [
    { result, busy, progress, status, canUndo, pendingFill, columnMap },
    { validate, requestFill, confirmFill, cancelFill, undo, select, writeSummary, saveColumnMap },
  ];
}
