import type { Finding, Lang } from '../model';
import { enUS, enUSNote } from './en-US';
import { zhCN, zhCNNote } from './zh-CN';
import type { MessageTable } from './types';

export const MESSAGES: Readonly<Record<Lang, MessageTable>> = { 'zh-CN': zhCN, 'en-US': enUS };
export const NOTE_TEMPLATES = { 'zh-CN': zhCNNote, 'en-US': enUSNote } as const;

/** Renders a finding's message from its code and params in the given language (zh-CN by default). */
export function renderMessage(f: Finding, lang: Lang = 'zh-CN'): string {
  return MESSAGES[lang][f.code](f.params);
}
