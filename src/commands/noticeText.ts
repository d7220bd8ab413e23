import type { Lang } from '../core';
import { type FillOutcome, HostError, type ValidateOutcome } from '../host';
import { strings } from '../app';

export type NoticeTone = 'success' | 'error';

export interface Notice {
  readonly title: string;
  readonly text: string;
  readonly ok: string;
  readonly lang: Lang;
  readonly tone: NoticeTone;
}

/** What the ribbon's 填写得分 did, in the person's language: cells written, nothing to fill, or why nothing was written. */
export function fillNotice(outcome: FillOutcome | number | unknown, lang: Lang): Notice {
  const s = strings(lang);
  const base = { title: s.fill, ok: lang === 'zh-CN' ? '确定' : 'OK', lang };
  if (typeof outcome === 'number') {
    return { ...base, tone: 'success', text: outcome === 0 ? s.nothingToFill : s.filled(outcome) };
  }
  if (outcome instanceof HostError) return { ...base, tone: 'error', text: s.hostError(outcome.code, outcome.detail, outcome.message) };
  const message = outcome instanceof Error ? outcome.message : String(outcome);
  return { ...base, tone: 'error', text: s.hostError('UNKNOWN', {}, message) };
}

/**
 * What the ribbon's 校验 has to say, or null: its marks on the sheet speak for it, unless a sheet was protected and
 * kept no marks, or the check failed; without a pane, either would otherwise pass unseen.
 */
export function validateNotice(outcome: ValidateOutcome | unknown, lang: Lang): Notice | null {
  const s = strings(lang);
  const base = { title: s.validate, ok: lang === 'zh-CN' ? '确定' : 'OK', lang, tone: 'error' as const };
  if (outcome instanceof HostError) return { ...base, text: s.hostError(outcome.code, outcome.detail, outcome.message) };
  if (outcome instanceof Error) return { ...base, text: s.hostError('UNKNOWN', {}, outcome.message) };
  const unmarked = (outcome as Partial<ValidateOutcome> | null)?.unmarked ?? [];
  return unmarked.length > 0 ? { ...base, text: s.unmarked(unmarked) } : null;
}

/** The dialog URL's query for a notice. */
export function noticeQuery(n: Notice): string {
  const q = new URLSearchParams({ title: n.title, text: n.text, ok: n.ok, lang: n.lang, tone: n.tone });
  return `?${q.toString()}`;
}

/** A notice from the dialog URL's query; anything missing or unexpected falls back to plain defaults. */
export function readNotice(search: string): Notice {
  const q = new URLSearchParams(search);
  const lang: Lang = q.get('lang') === 'en-US' ? 'en-US' : 'zh-CN';
  return {
    title: q.get('title') ?? '绩效自评',
    text: q.get('text') ?? '',
    ok: q.get('ok') ?? (lang === 'zh-CN' ? '确定' : 'OK'),
    lang,
    tone: q.get('tone') === 'error' ? 'error' : 'success',
  };
}
