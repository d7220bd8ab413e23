/*
 * The support line of the pane's About section: which Office runs the add-in (host, platform, the newest ExcelApi
 * set it supports, its version). The ribbon-commands runtime detects host and platform with office-js-helpers'
 * Utilities and leaves the line here (localStorage, shared by the pages of the add-in's origin); the pane reads it and,
 * when no command has run yet, detects the same from Office.context itself, so its bundle never includes the package.
 */
import { storageKey } from './storage';

export interface SupportInfo {
  readonly host: string;
  readonly platform: string;
  /** the newest ExcelApi requirement set the host supports, e.g. `1.20`; '' when unknown */
  readonly excelApi: string;
  /** Office.context.diagnostics.version; '' when unknown */
  readonly version: string;
}

const KEY = 'support';
/** Newest first; the adapter uses sets up to 1.20. */
const EXCEL_API = Array.from({ length: 20 }, (_, i) => `1.${20 - i}`);

interface OfficeLike {
  context?: {
    diagnostics?: { host?: unknown; platform?: unknown; version?: unknown };
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

function office(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

/** The newest ExcelApi set `requirements` supports ('' without any). */
export function newestExcelApi(requirements: { isSetSupported(name: string, version?: string): boolean } | undefined): string {
  if (!requirements) return '';
  return EXCEL_API.find((v) => requirements.isSetSupported('ExcelApi', v)) ?? '';
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Support info with `detected` host and platform (office-js-helpers' Utilities, or Office's diagnostics). */
export function supportInfoFrom(detected: { host?: unknown; platform?: unknown } = {}): SupportInfo {
  const ctx = office()?.context;
  return {
    host: text(detected.host) || text(ctx?.diagnostics?.host),
    platform: text(detected.platform) || text(ctx?.diagnostics?.platform),
    excelApi: newestExcelApi(ctx?.requirements),
    version: text(ctx?.diagnostics?.version),
  };
}

/** `Excel · PC · ExcelApi 1.20 · 16.0.18025.20000`, leaving out what is unknown. */
export function supportLine(i: SupportInfo): string {
  return [i.host, i.platform, i.excelApi && `ExcelApi ${i.excelApi}`, i.version].filter(Boolean).join(' · ');
}

export function saveSupportInfo(i: SupportInfo): void {
  try {
    window.localStorage.setItem(storageKey(KEY), JSON.stringify(i));
  } catch {
    // storage refused: the pane detects it itself
  }
}

/** What a ribbon command left, else the pane's own detection. */
export function loadSupportInfo(): SupportInfo {
  try {
    const raw = window.localStorage.getItem(storageKey(KEY));
    const v = raw ? (JSON.parse(raw) as Partial<SupportInfo>) : null;
    if (v && typeof v.host === 'string' && typeof v.platform === 'string') {
      return { host: v.host, platform: v.platform, excelApi: text(v.excelApi), version: text(v.version) };
    }
  } catch {
    // fall through
  }
  return supportInfoFrom();
}
