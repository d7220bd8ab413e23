import type { Finding, FindingCode, FindingParams } from '../findings';
import type { Lang } from '../model';
import { memoByText } from '../memo';
import { enUS, enUSNote } from './en-US';
import { zhCN, zhCNNote } from './zh-CN';
import type { MessageTable } from './types';
import { isolate } from './isolate';

export const MESSAGES: Readonly<Record<Lang, MessageTable>> = { 'zh-CN': zhCN, 'en-US': enUS };
export const NOTE_TEMPLATES = { 'zh-CN': zhCNNote, 'en-US': enUSNote } as const;

/** The placeholders a drafted note ends with; a note still holding one is a draft, not a reason. */
export const NOTE_DRAFT_MARKERS: readonly string[] = [zhCNNote.placeholder, enUSNote.placeholder];

/** Whether a note is a draft the fill wrote and nobody has completed yet. */
export function isDraftNote(note: string): boolean {
  return note !== '' && hasDraftMarker(note);
}

const hasDraftMarker = memoByText((note: string): boolean => {
  const t = note.normalize('NFKC');
  return FOLDED_MARKERS.some((m) => t.includes(m));
});

const FOLDED_MARKERS = NOTE_DRAFT_MARKERS.map((m) => m.normalize('NFKC'));

export interface RenderOptions {
  /**
   * Wrap sheet text that could reorder the message (right-to-left letters, bidi controls) in Unicode isolates
   * (FSI … PDI); true by default. A terminal, which shows bidi controls escaped, asks for false.
   */
  readonly isolate?: boolean;
}

/**
 * Renders a finding's message from its code and params in the given language (zh-CN by default). Text parameters
 * that could reorder the rest of the message are isolated (see {@link RenderOptions.isolate}); numbers, codes and
 * ordinary text pass unchanged.
 */
export function renderMessage(f: Finding, lang: Lang = 'zh-CN', options: RenderOptions = {}): string {
  return render(MESSAGES[lang], f.code, options.isolate === false ? f.params : isolatedParams(f.params));
}

function isolatedParams(params: Finding['params']): Finding['params'] {
  let out: Record<string, Finding['params'][string]> | null = null;
  // every finding's message passes here: keys indexed, not an entries iterator (see detect/scan.ts)
  const keys = Object.keys(params);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = params[k];
    if (typeof v !== 'string') continue;
    const iso = isolate(v);
    if (iso === v) continue;
    out ??= { ...params };
    out[k] = iso;
  }
  return out ?? params;
}

function render<C extends FindingCode>(table: MessageTable, code: C, params: Finding['params']): string {
  const message: (p: Readonly<FindingParams[C]>) => string = table[code];
  // the one place params are taken on trust: a Finding from a host or an older report is checked by its code only,
  // and every message reads a parameter it does not find as absent (the messages test renders each code bare)
  return message(params as Readonly<FindingParams[C]>);
}
