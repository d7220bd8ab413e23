import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parseA1 } from '../core';
import { createExcelHost } from '../excel/createExcelHost';
import type { ExcelLike } from '../excel/excel-like';
import { App } from '../taskpane/App';
import { HostProvider } from '../taskpane/HostContext';
import type { OfficeThemeLike } from '../taskpane/theme';
import { applyCellWrites } from '../xlsx/write';
import { createWpsHost } from '../wps/createWpsHost';
import { createExcelApi } from './emulator';
import { EtEmulator } from './wps-emulator';
import { changedCells, instrument, openSession, type OpMeter, type OpRecord, type Session } from './session';
import { SheetView } from './SheetView';
import { compareWithDeclaredFile, type DeclaredFile } from './declared';
import { DeclarationPicker } from './DeclarationPicker';

export const DEFAULT_FILE = 'assets/sample/sample-2021.xlsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', fontFamily: tokens.fontFamilyBase },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  file: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  body: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    // a narrow window (a phone, a 350 px test viewport): the grid above the pane, the page scrolls
    '@media (max-width: 720px)': { flexDirection: 'column', overflowY: 'auto' },
  },
  sheet: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, '@media (max-width: 720px)': { flexGrow: 0, height: '45vh', flexShrink: 0 } },
  pane: {
    width: '380px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 720px)': { width: 'auto', overflowY: 'visible', borderLeft: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  drop: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
});

/** What the page exposes to browser tests. */
export interface ZipingProbe {
  ready: boolean;
  error: string | null;
  session: Session | null;
  /** every host operation with the syncs it made on the emulator */
  ops: OpRecord[];
  readonly syncCount: number;
  readonly writeSyncCount: number;
  /** set a cell's value in the emulated workbook as a person typing would ('' empties it) */
  setValue(sheet: string, a1: string, value: string | number): void;
  cellValue(sheet: string, a1: string): string | number | boolean;
}

declare global {
  interface Window {
    __ziping?: ZipingProbe;
  }
}

function makeProbe(getSession: () => Session | null, redraw: () => void, getMeter: () => OpMeter | null): ZipingProbe {
  const cell = (sheet: string, a1: string) => {
    const s = getSession()?.emu.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return { s, ...parseA1(a1) };
  };
  return {
    ready: false,
    error: null,
    session: null,
    ops: [],
    get syncCount() {
      return getMeter()?.syncCount ?? 0;
    },
    get writeSyncCount() {
      return getMeter()?.writeSyncCount ?? 0;
    },
    setValue(sheet, a1, value) {
      const { s, row, col } = cell(sheet, a1);
      const c = s.cell(row, col);
      c.value = value;
      c.formula = null;
      getSession()?.emu.recalc();
      redraw();
    },
    cellValue(sheet, a1) {
      const { s, row, col } = cell(sheet, a1);
      return s.get(row, col)?.value ?? '';
    },
  };
}

export function Workbench({
  initialFile,
  hostKind = 'excel',
  officeTheme,
}: {
  initialFile: string;
  hostKind?: 'excel' | 'wps';
  /** the Office theme the pane is told of, as Office.context.officeTheme would */
  officeTheme?: OfficeThemeLike;
}) {
  const styles = useStyles();
  const [session, setSession] = useState<Session | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [filled, setFilled] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [saveNote, setSaveNote] = useState<string | null>(null);
  const sessionRef = useRef<Session | null>(null);
  const redraw = useCallback(() => setVersion((v) => v + 1), []);
  const meterRef = useRef<OpMeter | null>(null);
  const declaredRef = useRef<DeclaredFile | null>(null);
  const probe = useMemo(() => makeProbe(() => sessionRef.current, redraw, () => meterRef.current), [redraw]);

  useEffect(() => {
    window.__ziping = probe;
  }, [probe]);

  const open = useCallback(
    async (name: string, load: () => Promise<ArrayBuffer>) => {
      setLoading(name);
      setError(null);
      probe.ready = false;
      try {
        const s = await openSession(name, await load());
        sessionRef.current = s;
        probe.session = s;
        probe.ops = [];
        probe.ready = true;
        probe.error = null;
        setSession(s);
        setFilled(false);
        setSaveNote(null);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        probe.error = message;
        setError(`无法打开 ${name}：${message}`);
      } finally {
        setLoading(null);
      }
    },
    [probe],
  );

  useEffect(() => {
    void open(decodeURIComponent(initialFile.split('/').pop() ?? initialFile), async () => {
      const res = await fetch(initialFile);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.arrayBuffer();
    });
  }, [initialFile, open]);

  const host = useMemo(() => {
    if (!session) return null;
    const onOp = (r: OpRecord) => {
      probe.ops.push(r);
      if (r.op === 'fill' && r.ok) setFilled(true);
      // after 撤销填写 the workbook is as it was: nothing to download
      if (r.op === 'undoFill' && r.ok) setFilled(false);
      redraw();
    };
    if (hostKind === 'wps') {
      const et = new EtEmulator(session.emu);
      meterRef.current = et.meter;
      return compareWithDeclaredFile(instrument(createWpsHost(et.app), et.meter, onOp), () => declaredRef.current);
    }
    meterRef.current = session.emu;
    // the emulator is structurally what the adapter needs; its EmuWorkbook answers requirement-set questions
    const excel = createExcelApi(session.emu) as unknown as ExcelLike;
    return compareWithDeclaredFile(instrument(createExcelHost(excel, session.emu), session.emu, onOp), () => declaredRef.current);
  }, [session, probe, redraw, hostKind]);

  const openFile = (file: File | undefined) => {
    if (file) void open(file.name, () => file.arrayBuffer());
  };

  const download = async () => {
    if (!session) return;
    const writes = changedCells(session);
    if (writes.length === 0) {
      setSaveNote('工作簿没有改动。');
      return;
    }
    try {
      const bytes = await applyCellWrites(session.bytes.slice(), writes);
      const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${session.name.replace(/\.xlsx$/i, '')}-填写后.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setSaveNote(`已保存 ${writes.length} 个单元格的改动。`);
    } catch (e) {
      setSaveNote(`保存失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div
        className={`${styles.root} ${dragging ? styles.drop : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          openFile(e.dataTransfer.files[0]);
        }}
      >
        <header className={styles.bar}>
          <h1 className={styles.title} data-testid="workbench-title">{hostKind === 'wps' ? 'Ziping 工作台 · WPS 表格' : 'Ziping 工作台'}</h1>
          {/* the native input would show the chosen name a second time: a button opens it, the name shows once, beside it */}
          <input
            ref={fileInput}
            id="ziping-file-input"
            className={styles.hiddenInput}
            type="file"
            tabIndex={-1}
            aria-hidden="true"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => openFile(e.target.files?.[0])}
            data-testid="file-input"
          />
          <Button onClick={() => fileInput.current?.click()} data-testid="file-open">
            打开 .xlsx…
          </Button>
          <span className={styles.file} data-testid="file-name">
            {loading ? `正在打开 ${loading}…` : session ? session.name : ''}
          </span>
          <DeclarationPicker onPicked={(d) => (declaredRef.current = d)} />
          {filled && session && (
            <Button appearance="primary" onClick={() => void download()} data-testid="download">
              下载填写后的工作簿
            </Button>
          )}
          {saveNote && <span role="status">{saveNote}</span>}
          {error && (
            <span className={styles.error} role="alert" data-testid="workbench-error">
              {error}
            </span>
          )}
        </header>
        <div className={styles.body}>
          <section className={styles.sheet} aria-label="工作表">
            {session && <SheetView emu={session.emu} version={version} onChange={redraw} />}
          </section>
          <aside className={styles.pane} aria-label="任务窗格" data-testid="pane">
            {host && session && (
              <HostProvider host={host}>
                <App key={session.name + session.bytes.length} officeTheme={officeTheme} />
              </HostProvider>
            )}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
