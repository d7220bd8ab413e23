import type { EvaluatedIndicator, NumberRead } from './form';
import { normalizeText, parseableText } from './values/text';

/** A scored row and the rows under it that break it down (其中…, the rows under a ★ row): not scored themselves. */
export interface Breakdown {
  readonly parent: EvaluatedIndicator;
  readonly parts: readonly EvaluatedIndicator[];
}

const NOT_APPLICABLE = /^(无|不适用|[—–―\-/]*)$/u;

/** Empty, a dash or slash, or 无: the row states no 分值 / 得分 of its own. */
function noNumber(n: NumberRead | null): boolean {
  if (!n) return true;
  if (n.value !== null) return false;
  return n.cell.value === null || (typeof n.cell.value === 'string' && NOT_APPLICABLE.test(parseableText(n.cell.value)));
}

/** A row of "/" or "无" (not applicable): no target, no 分值, no 得分. */
function notApplicable(i: EvaluatedIndicator): boolean {
  const t = normalizeText(i.targetText);
  return t !== '' && NOT_APPLICABLE.test(t) && noNumber(i.weight) && noNumber(i.stated);
}

/** `其中：城区社区`, `其中 农村`: a breakdown named as such. */
const BREAKDOWN_NAME = /^(其中|含)[:：,，、]?/u;
const STAR = /[★☆※*]/u;

/**
 * The rows that are scored, and the breakdown rows set apart (issue 9): a row with a target and no 分值 and no 得分
 * is a breakdown of the scored row above it when it is named `其中…` or that row is marked ★. Rows of "/" or "无"
 * are not applicable and dropped. Neither counts as undetermined nor misses a score.
 */
export function setApartUnscored(rows: readonly EvaluatedIndicator[]): { scored: EvaluatedIndicator[]; breakdowns: Breakdown[] } {
  const scored: EvaluatedIndicator[] = [];
  const breakdowns: { parent: EvaluatedIndicator; parts: EvaluatedIndicator[] }[] = [];
  let parent: { parent: EvaluatedIndicator; parts: EvaluatedIndicator[] } | null = null;
  for (const i of rows) {
    if (notApplicable(i)) continue;
    const unscored = noNumber(i.weight) && noNumber(i.stated);
    if (unscored && parent && (BREAKDOWN_NAME.test(normalizeText(i.name)) || STAR.test(parent.parent.name))) {
      if (parent.parts.length === 0) breakdowns.push(parent);
      parent.parts.push(i);
      continue;
    }
    scored.push(i);
    parent = unscored ? null : { parent: i, parts: [] };
  }
  return { scored, breakdowns };
}
