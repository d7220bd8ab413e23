import type { Finding, FindingCode, FindingParams } from '../findings';
import type { Lang } from '../model';
import { enUS, enUSNote } from './en-US';
import { zhCN, zhCNNote } from './zh-CN';
import type { MessageTable } from './types';

export const MESSAGES: Readonly<Record<Lang, MessageTable>> = { 'zh-CN': zhCN, 'en-US': enUS };
export const NOTE_TEMPLATES = { 'zh-CN': zhCNNote, 'en-US': enUSNote } as const;

/** The placeholders a drafted note ends with; a note still holding one is a draft, not a reason. */
export const NOTE_DRAFT_MARKERS: readonly string[] = [zhCNNote.placeholder, enUSNote.placeholder];

/** Whether a note is a draft the fill wrote and nobody has completed yet. */
export function isDraftNote(note: string): boolean {
  if (note === '') return false;
  const t = note.normalize('NFKC');
  return FOLDED_MARKERS.some((m) => t.includes(m));
}

const FOLDED_MARKERS = NOTE_DRAFT_MARKERS.map((m) => m.normalize('NFKC'));

/** Renders a finding's message from its code and params in the given language (zh-CN by default). */
export function renderMessage(f: Finding, lang: Lang = 'zh-CN'): string {
  return render(MESSAGES[lang], f.code, f.params);
}

function render<C extends FindingCode>(table: MessageTable, code: C, params: Finding['params']): string {
  const message: (p: Readonly<FindingParams[C]>) => string = table[code];
  // the one place params are taken on trust: a Finding from a host or an older report is checked by its code only,
  // and every message reads a parameter it does not find as absent (the messages test renders each code bare)
  return message(params as Readonly<FindingParams[C]>);
}
