import { countSeverities, findingCells, scoreText, D, getRuleSet, renderMessage, type CheckResult, type Dec, type Finding, type FormResult, type Lang } from '../core';
import { terminalSafe } from './terminal';
import { CLI_TEXT } from './text';

/** No isolates for the terminal: terminalSafe shows every bidi control escaped, so none reorders a line. */
const TERMINAL = { isolate: false } as const;
const num = (d: Dec | null): string => (d ? scoreText(d) : '—');
const pct = (d: Dec | null): string => (d ? `${d.mul(100).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2)}%` : '—');

function formBlock(f: FormResult, lang: Lang): string[] {
  const t = CLI_TEXT[lang];
  const lines: string[] = [];
  lines.push(oneLine(`[${f.sheet} ${f.range}] ${f.project || '—'}${f.year ? t.year(f.year) : ''}`));
  if (f.kind === 'declaration') lines.push(`  ${t.declaration(f.indicators.length)}`);
  else lines.push(`  ${t.total(num(f.total.computed), num(f.total.stated), f.total.undetermined)}   ${t.grade(f.grade)}`);
  if (f.funds) lines.push(`  ${t.funds(pct(f.funds.rate), num(f.funds.computedScore), num(f.funds.statedScore))}`);
  const c = countSeverities(f.findings);
  lines.push(`  ${t.counts(c.error, c.warning, c.info)}`);
  if (f.findings.length === 0) lines.push(`  ${t.noFindings}`);
  const cells = (x: Finding): string => findingCells(x).join(',');
  const width = Math.max(...f.findings.map((x) => cells(x).length), 2);
  for (const x of f.findings) {
    lines.push(`  ${t.severity[x.severity]} ${cells(x).padEnd(width)}  ${oneLine(renderMessage(x, lang, TERMINAL))}`);
  }
  return lines;
}

/** Sheet text may hold line breaks; a finding stays on one line of the terminal. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The human report of one checked file; sheet text in it is terminalSafe. */
export function humanReport(file: string, result: CheckResult, lang: Lang): string {
  const t = CLI_TEXT[lang];
  const rules = getRuleSet(result.ruleSet);
  const lines = [`${file}`, `${t.ruleSet}: ${rules.label[lang]}`];
  for (const f of result.forms) lines.push('', ...formBlock(f, lang));
  if (result.forms.length > 0 && result.sheetsWithoutForm.length > 0) {
    lines.push('', t.sheetsWithoutForm(result.sheetsWithoutForm.join(lang === 'zh-CN' ? '、' : ', ')));
  }
  if (result.hiddenSheets.length > 0) lines.push('', t.hiddenSheets(result.hiddenSheets.join(lang === 'zh-CN' ? '、' : ', ')));
  return terminalSafe(`${lines.join('\n')}\n`);
}
