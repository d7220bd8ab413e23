import * as echarts from 'echarts';
import type { Lang } from '../core';
import { formsTable, REPORT_TEXT, type PileSummary, type Table, type TableCell } from '../report';

const CHART_WIDTH = 560;
const CHART_HEIGHT = 320;
/** up to this many forms the totals chart is a grouped bar per form; above, a scatter of stated against computed */
const BAR_FORMS = 40;
const TOP_CODES = 10;
const TOP_DEPARTMENTS = 15;
// single quotes: ECharts writes the family into a double-quoted style attribute as it is
const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/** Everything from sheet text goes through here: the page never renders sheet text as markup. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** One chart as inline SVG, rendered now (no script, no DOM): ECharts' server-side SVG renderer. */
function svgChart(option: echarts.EChartsCoreOption, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    // inline SVG in HTML needs no namespace declarations; dropping them leaves no URL of any kind in the page
    return chart.renderToSVGString().replace(/ xmlns(:xlink)?="[^"]*"/g, '');
  } finally {
    chart.dispose();
  }
}

function shorten(s: string, n = 14): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}

function charts(pile: PileSummary, lang: Lang): string[] {
  const t = REPORT_TEXT[lang];
  const grades = pile.grades.filter((g) => g.grade !== '' || g.forms > 0);
  const out: string[] = [];
  out.push(figure(t.charts.grades, svgChart({
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: grades.map((g) => t.grade(g.grade || null)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: grades.map((g) => g.forms), itemStyle: { color: '#2f6fb3' }, label: { show: true, position: 'top' } }],
  })));
  const withTotals = pile.forms.filter((f) => f.stated !== null || f.computed !== null);
  const c = t.formColumns;
  if (withTotals.length <= BAR_FORMS) {
    out.push(figure(t.charts.totals, svgChart({
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 72 },
      xAxis: { type: 'category', data: withTotals.map((f) => shorten(f.project || f.sheet)), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: c.stated, type: 'bar', data: withTotals.map((f) => (f.stated === null ? null : Number(f.stated))), itemStyle: { color: '#9aa5b1' } },
        { name: c.computed, type: 'bar', data: withTotals.map((f) => (f.computed === null ? null : Number(f.computed))), itemStyle: { color: '#2f6fb3' } },
      ],
    })));
  } else {
    const pts = withTotals.filter((f) => f.stated !== null && f.computed !== null).map((f) => [Number(f.stated), Number(f.computed)]);
    const lo = Math.min(60, ...pts.flat());
    out.push(figure(t.charts.totals, svgChart({
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'value', name: c.stated, nameLocation: 'middle', nameGap: 28, min: Math.floor(lo) },
      yAxis: { type: 'value', name: c.computed, nameLocation: 'middle', nameGap: 40, min: Math.floor(lo) },
      series: [
        { type: 'scatter', symbolSize: 6, data: pts, itemStyle: { color: '#2f6fb3' } },
        { type: 'line', data: [[Math.floor(lo), Math.floor(lo)], [100, 100]], symbol: 'none', lineStyle: { color: '#9aa5b1', type: 'dashed' } },
      ],
    })));
  }
  const codes = pile.codes.slice(0, TOP_CODES).reverse();
  out.push(figure(t.charts.codes, hbar(codes.map((x) => x.code), codes.map((x) => x.count), '#c0392b')));
  const depts = new Map<string, number>();
  for (const f of pile.forms) depts.set(f.department, (depts.get(f.department) ?? 0) + 1);
  const top = [...depts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, TOP_DEPARTMENTS).reverse();
  out.push(figure(t.charts.departments, hbar(top.map(([d]) => shorten(d || t.none, 16)), top.map(([, n]) => n), '#2f6fb3')));
  return out;
}

function hbar(labels: string[], values: number[], color: string): string {
  const height = Math.max(160, 48 + labels.length * 22);
  return svgChart({
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels },
    series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'right' } }],
  }, height);
}

function figure(caption: string, svg: string): string {
  return `<figure class="chart"><figcaption>${esc(caption)}</figcaption>${svg}</figure>`;
}

function cellHtml(v: TableCell, kind: Table['columns'][number]['kind']): { text: string; sort: string } {
  if (v === null) return { text: '—', sort: '' };
  if (typeof v === 'number') {
    const text = kind === 'percent' ? `${(v * 100).toFixed(2)}%` : kind === 'count' ? String(v) : v.toFixed(2);
    return { text, sort: String(v) };
  }
  return { text: esc(v), sort: esc(v) };
}

function formsTableHtml(pile: PileSummary, lang: Lang): string {
  const table = formsTable(pile.forms, lang);
  const head = table.columns.map((c, i) => `<th data-col="${i}" data-num="${c.kind === 'text' ? 0 : 1}" scope="col">${esc(c.header)}</th>`).join('');
  const rows = table.rows.map((r, i) => {
    const cells = r.map((v, j) => {
      const { text, sort } = cellHtml(v, table.columns[j].kind);
      const body = j === 2 ? `<a href="#f${i + 1}">${text || '—'}</a>` : text;
      return `<td data-v="${sort}"${table.columns[j].kind === 'text' ? '' : ' class="n"'}>${body}</td>`;
    });
    return `<tr${table.marked[i] ? ' class="bad"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table id="forms" class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function findingsHtml(pile: PileSummary, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const c = t.findingColumns;
  // summarizePile keeps each form's findings together, in form order: form i's are the next errors+warnings+infos
  let at = 0;
  return pile.forms.map((f, i) => {
    const n = f.errors + f.warnings + f.infos;
    const list = pile.findings.slice(at, at + n);
    at += n;
    const title = `${esc(f.project || f.sheet)} <span class="where">${esc(f.file)} · ${esc(f.sheet)} ${esc(f.range)}</span>`;
    const body = list.length === 0
      ? `<p>${esc(t.noFindings)}</p>`
      : `<table class="findings"><thead><tr><th>${esc(c.cell)}</th><th>${esc(c.severity)}</th><th>${esc(c.code)}</th><th>${esc(c.message)}</th></tr></thead><tbody>${
        list.map((x) => `<tr class="${x.severity}"><td>${esc(x.cell)}</td><td>${esc(t.severity[x.severity])}</td><td>${esc(x.code)}</td><td>${esc(x.message)}</td></tr>`).join('')
      }</tbody></table>`;
    return `<section class="form" id="f${i + 1}"><h3>${title}</h3>${body}</section>`;
  }).join('\n');
}

const STYLE = `
body{font-family:${FONT};margin:24px;color:#1b1f24;font-size:14px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}
.glance{font-size:16px;margin:0 0 16px}.where{color:#5c6670;font-weight:normal;font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{margin:0;border:1px solid #d8dee4;padding:8px;break-inside:avoid}
figcaption{font-weight:bold;margin-bottom:4px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d8dee4;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#e8eef7}.sortable th{cursor:pointer}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.bad td{background:#fde7e9}tr.error td:nth-child(2){color:#a4262c;font-weight:bold}.hint{color:#5c6670;font-size:12px}
@media print{body{margin:0;font-size:11px}.hint{display:none}.sortable th{cursor:auto}a{color:inherit;text-decoration:none}
thead{display:table-header-group}tr,section.form h3{break-inside:avoid}h2{break-after:avoid}tr.bad td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/** Sorts #forms by a clicked header; numbers by value, text by the page's language. No eval, no network. */
const SCRIPT = `
(function(){var t=document.getElementById('forms');if(!t)return;var ths=t.tHead.rows[0].cells;var dir={};
for(var i=0;i<ths.length;i++)ths[i].addEventListener('click',function(ev){var th=ev.currentTarget;var c=+th.getAttribute('data-col');
var num=th.getAttribute('data-num')==='1';var d=dir[c]=-(dir[c]||-1);var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
rows.sort(function(a,b){var x=a.cells[c].getAttribute('data-v'),y=b.cells[c].getAttribute('data-v');
if(num){if(x===''&&y==='')return 0;if(x==='')return 1;if(y==='')return -1;return d*(parseFloat(x)-parseFloat(y));}
return d*x.localeCompare(y,document.documentElement.lang);});for(var k=0;k<rows.length;k++)body.appendChild(rows[k]);});})();
`;

/** The HTML report: one self-contained page, charts as inline SVG, no request of any kind. */
export function reportHtml(pile: PileSummary, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const tt = pile.totals;
  const problems = pile.problems.length === 0 ? '' : `<h2>${esc(t.problems)}</h2><ul>${
    pile.problems.map((p) => `<li>${esc(p.reason)}</li>`).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(t.title)}</h1>
<p class="glance">${esc(t.glance(pile.files, pile.forms.length, tt.formsWithErrors, tt.error, tt.warning, tt.info))}</p>
<div class="charts">
${charts(pile, lang).join('\n')}
</div>
${problems}
<h2>${esc(t.formsTable)}</h2>
<p class="hint">${esc(t.sortHint)}</p>
${formsTableHtml(pile, lang)}
<h2>${esc(t.findingsOf)}</h2>
${findingsHtml(pile, lang)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
