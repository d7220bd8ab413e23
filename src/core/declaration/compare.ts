import { normalizeLabel } from '../detect';
import { finding, sortFindings, type Finding, type FindingCode } from '../findings';
import type { CheckResult, FormResult, IndicatorResult } from '../model';
import { convertUnit, parseTarget } from '../values';
import type { Quantity, Target } from '../values/types';

/** The codes a self-evaluation checked against its declaration may raise. */
export const COMPARE_CODES = ['TARGET_CHANGED', 'INDICATOR_NOT_DECLARED', 'DECLARED_NOT_EVALUATED'] as const satisfies readonly FindingCode[];

function sameQuantity(a: Quantity, b: Quantity): boolean {
  const ab = convertUnit(a.value, a.unit, b.unit);
  const ba = convertUnit(b.value, b.unit, a.unit);
  return (ab !== null && ab.eq(b.value) && (a.unit === '') === (b.unit === '')) || (ba !== null && ba.eq(a.value) && (a.unit === '') === (b.unit === ''));
}

/** Whether two targets say the same: kind and quantities (units converted), or the same text after label folding. */
export function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'qualitative' && b.kind === 'qualitative') return normalizeLabel(a.text) === normalizeLabel(b.text);
  if (a.kind === 'rank' && b.kind === 'rank') return a.rank.eq(b.rank);
  if (a.kind === 'range' && b.kind === 'range') return sameQuantity(a.low, b.low) && sameQuantity(a.high, b.high);
  if ('quantity' in a && 'quantity' in b) return sameQuantity(a.quantity, b.quantity);
  return false;
}

const key = (name: string) => normalizeLabel(name);

/** The declaration a self-evaluation answers to: the one of the same project, else the only one when `alone`. */
function declarationOf(form: FormResult, declared: readonly FormResult[], alone: boolean): FormResult | null {
  const same = declared.filter((d) => d.project !== '' && key(d.project) === key(form.project));
  if (same.length > 0) return same[0];
  return alone && declared.length === 1 ? declared[0] : null;
}

/**
 * A self-evaluation's indicators against its declaration's, matched by 三级指标 name after label folding (in order,
 * when a name repeats): TARGET_CHANGED for a target that differs, INDICATOR_NOT_DECLARED for one evaluated but never
 * declared, DECLARED_NOT_EVALUATED for one declared but missing. Nothing else in the self-evaluation changes.
 */
export function compareWithDeclaration(form: FormResult, declaration: FormResult): Finding[] {
  const out: Finding[] = [];
  const left = [...declaration.indicators];
  const take = (name: string): IndicatorResult | null => {
    const i = left.findIndex((d) => key(d.name) === key(name));
    return i < 0 ? null : left.splice(i, 1)[0];
  };
  for (const i of form.indicators) {
    const d = take(i.name);
    if (!d) {
      out.push(finding('INDICATOR_NOT_DECLARED', 'warning', form.sheet, i.cell, { name: i.name, target: i.target }));
      continue;
    }
    if (!sameTarget(parseTarget(i.target, null), parseTarget(d.target, null))) {
      out.push(finding('TARGET_CHANGED', 'warning', form.sheet, i.targetCell ?? i.cell, {
        name: i.name, target: i.target, declared: d.target, declaredSheet: declaration.sheet, declaredCell: d.targetCell ?? d.cell,
      }));
    }
  }
  const cell = form.range.split(':')[0];
  for (const d of left) {
    out.push(finding('DECLARED_NOT_EVALUATED', 'warning', form.sheet, cell, {
      name: d.name, target: d.target, declaredSheet: declaration.sheet, declaredCell: d.cell,
    }));
  }
  return out;
}

/**
 * The result with every self-evaluation checked against its declaration among `declared` (see
 * {@link compareWithDeclaration}): the declaration of the same 项目名称, else the only one given. With
 * `byProjectOnly` (declarations found beside the self-evaluations in one workbook), the only declaration answers
 * for the only self-evaluation, not for several. Forms without a declaration are left as they are.
 */
export function checkAgainstDeclarations(result: CheckResult, declared: readonly FormResult[], byProjectOnly = false): CheckResult {
  const decls = declared.filter((f) => f.kind === 'declaration');
  if (decls.length === 0) return result;
  const alone = !byProjectOnly || result.forms.filter((f) => f.kind !== 'declaration').length === 1;
  const forms = result.forms.map((f) => {
    if (f.kind === 'declaration') return f;
    const d = declarationOf(f, decls, alone);
    const extra = d ? compareWithDeclaration(f, d) : [];
    return extra.length === 0 ? f : { ...f, findings: sortFindings([...f.findings, ...extra]) };
  });
  const sheetFindings = result.findings.filter((x) => !result.forms.some((f) => f.findings.includes(x)));
  return { ...result, forms, findings: [...sheetFindings, ...forms.flatMap((f) => f.findings)] };
}
