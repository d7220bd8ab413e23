import { useCallback, useMemo, useState } from 'react';
import { D, findingCells, parseA1, renderMessage, RULE_SETS, sortFindings, type Finding, type FormResult, type IndicatorResult, type TargetKind } from '../../../core';
import type { Strings } from '../../../app';
import type { FindingDetail, FindingItem, FindingListProps, FindingListState } from './FindingList.types';

/** Errors first, then warnings, then infos; within a severity, top to bottom, left to right (core's one order). */
export { sortFindings };

export function ruleSetLabel(name: string, lang: 'zh-CN' | 'en-US'): string {
  return RULE_SETS[name]?.label[lang] ?? name;
}

const KINDS: readonly string[] = ['atLeast', 'moreThan', 'atMost', 'lessThan', 'equal', 'range', 'rank', 'qualitative'];
const isKind = (v: unknown): v is TargetKind => typeof v === 'string' && KINDS.includes(v);

/** Row and column of an A1 cell; a finding about no cell has no row. */
function position(cell: string): [number, number] {
  try {
    const p = parseA1(cell);
    return [p.row, p.col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

/** The indicator a finding is about: one of its cells, or failing that its row. */
function indicatorOf(f: Finding, form: FormResult | null): IndicatorResult | null {
  if (!form || form.sheet !== f.sheet) return null;
  const at = (ind: IndicatorResult) =>
    [ind.cell, ind.scoreCell, ind.targetCell, ind.actualCell, ind.noteCell].some((c) => c !== null && c.toUpperCase() === f.cell.toUpperCase());
  const hit = form.indicators.find(at);
  if (hit) return hit;
  const row = position(f.cell)[0];
  return form.indicators.find((ind) => position(ind.cell)[0] === row) ?? null;
}

const paramText = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Findings about a 执行率: their stated and computed values are rates, shown as percents, never as a 得分. */
const RATE_CODES: ReadonlySet<string> = new Set(['RATE_MISMATCH', 'RATE_ROUNDING']);

/** A fraction as a percent with `places` − 2 decimals (`places` = the decimals of the fraction as stated, 4 → 95.31%). */
function percentText(v: unknown, places: unknown): string | null {
  const t = paramText(v);
  if (t === null) return null;
  const n = Number(places);
  try {
    return `${new D(t).times(100).toFixed(Number.isInteger(n) ? Math.min(20, Math.max(0, n - 2)) : 2)}%`;
  } catch {
    return t;
  }
}

export function findingDetails(f: Finding, form: FormResult | null, strings: Strings, ruleSet: string, lang: 'zh-CN' | 'en-US'): FindingDetail[] {
  const ind = indicatorOf(f, form);
  const p = f.params;
  const out: FindingDetail[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') out.push({ label, value });
  };
  add(strings.detailTarget, paramText(p.target) ?? ind?.target);
  add(strings.detailActual, paramText(p.actual) ?? ind?.actual);
  add(strings.detailWeight, paramText(p.weight) ?? ind?.weight?.toFixed());
  if (RATE_CODES.has(f.code)) {
    add(strings.detailStatedRate, percentText(p.stated, p.places));
    // as the message says it: a wrong rate's exact value never coarser than two percent decimals (97% against 98.28%)
    const places = Number.isInteger(Number(p.places)) ? Math.max(4, Number(p.places)) : 4;
    add(strings.detailComputedRate, f.code === 'RATE_ROUNDING' ? percentText(p.halfUp, p.places) : percentText(p.exact ?? p.computed, places));
  } else {
    add(strings.detailStated, paramText(p.stated) ?? ind?.statedScore?.toFixed());
    add(strings.detailExpected, paramText(p.computed) ?? ind?.computedScore?.toFixed());
  }
  const rule = ruleSetLabel(ruleSet, lang);
  const kind = isKind(p.kind) ? p.kind : ind?.kind;
  add(strings.detailRule, kind ? `${rule}：${strings.kind[kind]}` : rule);
  return out;
}

export function useFindingList(props: FindingListProps): FindingListState {
  const { findings, form, ruleSet, lang, strings, filter } = props;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (key: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const expand = useCallback((key: string) => setExpanded((prev) => (prev.has(key) ? prev : new Set(prev).add(key))), []);

  const sorted = useMemo(() => sortFindings(findings), [findings]);
  const items = useMemo(
    () =>
      sorted
        .map((finding, i): FindingItem => {
          const key = `${finding.sheet}!${finding.cell}#${finding.code}#${i}`;
          return {
            key,
            finding,
            intent: finding.severity,
            icon: strings.severityIcon[finding.severity],
            severityLabel: strings.severity[finding.severity],
            cellLabel: findingCells(finding).join('、'),
            message: renderMessage(finding, lang),
            details: findingDetails(finding, form, strings, ruleSet, lang),
            expanded: expanded.has(key),
          };
        })
        .filter((it) => filter.has(it.finding.severity)),
    [sorted, strings, lang, form, ruleSet, expanded, filter],
  );
  return { items, hidden: findings.length - items.length, toggle, expand };
}
