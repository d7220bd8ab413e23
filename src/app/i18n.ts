import { isolate, type FillReason, type Grade, type Lang, type Severity, type TargetKind } from '../core';
import type { HostErrorCode } from '../host';
import { COLUMN_MAP_EN, COLUMN_MAP_ZH, type ColumnMapText } from './columnMapText';
import { count, EN_PLURAL } from './plural';

export { count };

export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

type Detail = Readonly<Record<string, string | number>>;

/** The overview above the findings with 全部工作表, and 写入汇总表. */
export interface OverviewText {
  readonly title: (forms: number) => string;
  readonly project: string;
  readonly stated: string;
  readonly computed: string;
  readonly grade: string;
  readonly counts: string;
  readonly chart: (stated: string, computed: string) => string;
  readonly jump: string;
  readonly noErrors: string;
  readonly hidden: (n: number) => string;
  readonly write: string;
  readonly written: (rows: number, added: boolean) => string;
}

export interface Strings {
  readonly overview: OverviewText;
  readonly columnMap: ColumnMapText;
  readonly appTitle: string;
  readonly validate: string;
  readonly fill: string;
  readonly undoFill: string;
  readonly settings: string;
  readonly close: string;
  readonly cancel: string;
  readonly scope: string;
  readonly scopeActive: string;
  readonly scopeAll: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly severityIcon: Readonly<Record<Severity, string>>;
  readonly grade: Readonly<Record<Grade, string>>;
  readonly gradeLabel: string;
  readonly yearLabel: (year: string) => string;
  readonly total: (computed: string, stated: string) => string;
  /** shown for a 绩效目标申报表 instead of the total */
  readonly declarationForm: (indicators: number) => string;
  readonly untitledProject: string;
  readonly noForm: string;
  readonly idle: string;
  readonly reading: (done: number, total: number) => string;
  readonly writing: string;
  readonly validated: (forms: number, errors: number, warnings: number, infos: number) => string;
  readonly nothingToFill: string;
  readonly fillPreview: (total: number, counts: Readonly<Record<FillReason, number>>) => string;
  readonly fillConfirm: string;
  readonly overwriteWarning: (n: number) => string;
  readonly overwriteConsent: (n: number) => string;
  readonly filled: (n: number) => string;
  readonly undone: (n: number) => string;
  readonly filterLabel: string;
  readonly noFindings: string;
  readonly findingsOf: (project: string) => string;
  readonly details: string;
  readonly hideDetails: string;
  readonly selectCell: (cell: string) => string;
  readonly detailTarget: string;
  readonly detailActual: string;
  readonly detailRule: string;
  readonly detailExpected: string;
  readonly detailStated: string;
  readonly detailStatedRate: string;
  /** after a fill: the drafted notes that still hold the placeholder */
  readonly draftsToComplete: (cells: readonly string[]) => string;
  /** how many findings the severity filters hide */
  readonly hiddenFindings: (n: number) => string;
  /** the fill dialog's list of cells (old → new) */
  readonly fillCellsLabel: string;
  /** an empty cell in that list */
  readonly emptyCell: string;
  readonly detailComputedRate: string;
  readonly detailWeight: string;
  readonly kind: Readonly<Record<TargetKind, string>>;
  readonly sheetFindings: (sheet: string) => string;
  readonly sheetsWithoutForm: (sheets: readonly string[]) => string;
  /** protected sheets whose findings are listed in the pane but not marked on the sheet */
  readonly unmarked: (sheets: readonly string[]) => string;
  readonly settingsTitle: string;
  readonly ruleSet: string;
  readonly overachieveThreshold: string;
  readonly overachieveHint: string;
  readonly markCells: string;
  readonly allSheets: string;
  readonly overwriteScores: string;
  readonly overwriteScoresHint: string;
  readonly language: string;
  /** the About line naming the Office that runs the add-in (host, platform, ExcelApi, version), for support */
  readonly supportInfo: string;
  readonly languageNames: Readonly<Record<Lang, string>>;
  readonly hostError: (code: HostErrorCode, detail: Detail, message: string) => string;
  readonly outside: {
    readonly title: string;
    readonly what: string;
    readonly howTitle: string;
    readonly sideloadTitle: string;
    readonly sideloadSteps: readonly string[];
    readonly adminTitle: string;
    readonly adminSteps: readonly string[];
    readonly otherTitle: string;
    readonly other: string;
  };
}

const d = (detail: Detail, key: string, fallback = ''): string =>
  detail[key] === undefined ? fallback : String(detail[key]);
/** A sheet's name from a host error's detail, isolated (core's `isolate`) where it could reorder the message. */
const sheetOf = (detail: Detail): string => isolate(d(detail, 'sheet'));

/** The cells a CONFLICT names: `cells` (`H13,H14` or `表!H13,…`), or one `sheet`/`cell`. */
const conflictCells = (detail: Detail, sep: string): string => {
  const cells = d(detail, 'cells');
  if (cells) return cells.split(',').map((c) => isolate(c.trim())).filter(Boolean).join(sep);
  const cell = d(detail, 'cell');
  return cell ? `${d(detail, 'sheet') ? `${sheetOf(detail)}!` : ''}${cell}` : '';
};

const needed = (detail: Detail): string => d(detail, 'needed') || d(detail, 'api');

const zh: Strings = {
  columnMap: COLUMN_MAP_ZH,
  overview: {
    title: (n) => `总览（${n} 张表）`,
    project: '项目', stated: '表内', computed: '计算', grade: '等级', counts: '错/警/提',
    chart: (s, c) => `表内总分 ${s}，计算总分 ${c}`,
    jump: '跳到第一个错误', noErrors: '没有错误',
    hidden: (n) => `当前筛选隐藏了 ${n} 条问题`,
    write: '写入汇总表',
    written: (n, added) => `已${added ? '新建' : '刷新'}工作表“绩效自评汇总”（${n} 张表）。可用“撤销填写”撤销。`,
  },
  appTitle: '绩效自评',
  validate: '校验',
  fill: '填写得分',
  undoFill: '撤销填写',
  settings: '设置',
  close: '关闭',
  cancel: '取消',
  scope: '检查范围',
  scopeActive: '当前工作表',
  scopeAll: '全部工作表',
  severity: { error: '错误', warning: '警告', info: '提示' },
  severityIcon: { error: '●', warning: '▲', info: 'ⓘ' },
  grade: { 优: '优', 良: '良', 中: '中', 差: '差' },
  gradeLabel: '等级',
  yearLabel: (y) => `${y} 年度`,
  total: (c, s) => `总分 ${c}（表内 ${s}）`,
  declarationForm: (n) => `绩效目标申报表：${n} 项指标（不计分）`,
  untitledProject: '（未命名项目）',
  noForm: '未在当前工作表找到绩效自评表。需要包含“年度指标值”“实际完成值”“分值”“得分”等表头。',
  idle: '点击“校验”检查当前工作表中的绩效自评表。',
  reading: (done, total) => `正在读取 ${done}/${total} 个工作表…`,
  writing: '正在写入…',
  validated: (f, e, w, i) => `校验完成：${f} 张自评表，错误 ${e}，警告 ${w}，提示 ${i}。`,
  nothingToFill: '没有需要填写的单元格。',
  fillPreview: (total, c) => {
    const parts = [
      ['得分', c.score + c.fundsScore],
      ['执行率', c.rate],
      ['总分', c.total],
      ['偏差说明草稿', c.note],
      ['覆盖已有得分', c.overwriteScore],
    ] as const;
    const list = parts.filter(([, n]) => n > 0).map(([w, n]) => `${w} ${n}`).join('、');
    return `将写入 ${total} 个单元格（${list}）`;
  },
  fillConfirm: '写入',
  overwriteWarning: (n) => `其中 ${n} 个单元格已有得分，将被计算值覆盖（可通过“撤销填写”恢复）。`,
  overwriteConsent: (n) => `我确认覆盖这 ${n} 个已有得分`,
  filled: (n) => `已写入 ${n} 个单元格。可撤销。`,
  undone: (n) => `已恢复 ${n} 个单元格。`,
  filterLabel: '显示',
  noFindings: '没有发现问题。',
  findingsOf: (p) => `${isolate(p)} 的检查结果`,
  details: '详情',
  hideDetails: '收起',
  selectCell: (cell) => `选择单元格 ${cell}`,
  detailTarget: '年度指标值',
  detailActual: '实际完成值',
  detailRule: '评分规则',
  detailExpected: '计算得分',
  detailStated: '表内得分',
  detailStatedRate: '表内执行率',
  draftsToComplete: (cells) => `偏差说明草稿仍含“（待填写）”，请补全：${cells.slice(0, 8).join('、')}${cells.length > 8 ? ` 等 ${cells.length} 处` : ''}。`,
  hiddenFindings: (n) => `已隐藏 ${n} 条`,
  fillCellsLabel: '将写入的单元格（原值 → 新值）',
  emptyCell: '（空）',
  detailComputedRate: '计算执行率',
  detailWeight: '分值',
  kind: {
    atLeast: '不低于目标：达到得满分，否则 分值×实际/目标',
    moreThan: '高于目标：达到得满分，否则 分值×实际/目标',
    equal: '等于目标：达到得满分，否则 分值×实际/目标',
    atMost: '不高于目标（反向指标）：达到得满分，否则 分值×目标/实际',
    lessThan: '低于目标（反向指标）：达到得满分，否则 分值×目标/实际',
    range: '区间：区间内得满分，低于按下限、高于按上限折算',
    rank: '名次：名次不超过目标得满分，否则 分值×目标名次/实际名次',
    qualitative: '定性指标：达成得满分，部分达成或未达成由人工评分',
  },
  sheetFindings: (s) => `工作表“${isolate(s)}”`,
  sheetsWithoutForm: (list) => `以下工作表中没有绩效自评表：${list.map((x) => `“${isolate(x)}”`).join('、')}。`,
  unmarked: (list) => `工作表${list.map((x) => `“${isolate(x)}”`).join('、')}受保护，问题只列在面板中，未在表上标注。`,
  settingsTitle: '设置',
  ruleSet: '评分规则',
  overachieveThreshold: '超额完成阈值（%）',
  overachieveHint: '实际完成值达到目标的该百分比时，需要说明偏差原因。',
  markCells: '标记单元格',
  allSheets: '检查全部工作表',
  overwriteScores: '覆盖已有得分',
  overwriteScoresHint: '填写时用计算值覆盖与之不符的已有得分（每次都会再次确认）。',
  language: '界面语言',
  supportInfo: '运行环境（报告问题时请附上）',
  languageNames: { 'zh-CN': '中文', 'en-US': 'English' },
  hostError: (code, detail, message) => {
    switch (code) {
      case 'PROTECTED':
        return `工作表${d(detail, 'sheet') ? `“${sheetOf(detail)}”` : ''}受保护，无法写入。请先在“审阅”中撤销工作表保护，再试一次。未写入任何内容。`;
      case 'EDIT_MODE':
        return 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后再试一次。';
      case 'UNSUPPORTED':
        return `此版本的 Excel 不支持所需的功能${needed(detail) ? `（需要 ${needed(detail)}）` : ''}。请更新 Office，或使用 Excel 网页版。`;
      case 'SHEET_GONE':
        return `工作表${d(detail, 'sheet') ? `“${sheetOf(detail)}”` : ''}已被删除或重命名。请重新校验。`;
      case 'CONFLICT':
        return `自上次校验后，单元格${conflictCells(detail, '、') ? ` ${conflictCells(detail, '、')} ` : ''}已被修改。为避免覆盖，未写入任何内容。请重新校验后再填写。`;
      case 'NO_UNDO':
        return '没有可撤销的填写记录。';
      case 'TOO_LARGE':
        if (d(detail, 'bytes')) return `本次要写入或标记的单元格太多（${d(detail, 'cells')} 个），撤销记录会超出工作簿为加载项保存设置的上限。未写入任何内容。请关闭“标记单元格”，或分几个工作表依次填写。`;
        return `工作表太大，无法一次读取${d(detail, 'sheet') ? `（“${sheetOf(detail)}”）` : ''}。请删除多余的空行空列，或只检查当前工作表。`;
      case 'NOT_IN_EXCEL':
        return 'Ziping 需要在 Excel 中运行。请按下面的说明安装加载项。';
      default:
        return `发生意外错误：${message}`;
    }
  },
  outside: {
    title: 'Ziping 绩效自评',
    what:
      'Ziping 是一个 Excel 加载项：一键校验财政项目支出绩效自评表（得分、执行率、资金构成、分值合计、偏差原因），' +
      '按评分规则填写可计算的得分，并可撤销填写。这个页面需要在 Excel 中打开。',
    howTitle: '如何安装',
    sideloadTitle: '自行旁加载（个人试用）',
    sideloadSteps: [
      '下载加载项清单文件 manifest.xml。',
      'Excel 网页版：打开工作簿 › 开始 › 加载项 › 更多设置 › 上传我的加载项，选择 manifest.xml。',
      'Windows 版 Excel：把 manifest.xml 放进一个共享文件夹，在 文件 › 选项 › 信任中心 › 受信任的加载项目录 中添加该文件夹，重启 Excel 后在 开始 › 加载项 › 共享文件夹 中添加。',
      'Mac 版 Excel：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/，重启 Excel。',
    ],
    adminTitle: '由管理员部署（单位统一安装）',
    adminSteps: [
      'Microsoft 365 管理中心 › 设置 › 集成应用 › 上传自定义应用，上传 manifest.xml，并指定用户或组。',
      '部署后，用户在 Excel 的 开始 选项卡中会看到“校验”和“填写得分”按钮。',
    ],
    otherTitle: '没有 Microsoft 365？',
    other: 'WPS 或旧版 Office 用户可以使用命令行工具 ziping，对 .xlsx 文件校验并生成填写后的副本。',
  },
};

const en: Strings = {
  columnMap: COLUMN_MAP_EN,
  overview: {
    title: (n) => `Overview (${count(n, 'form', 'forms')})`,
    project: 'Project', stated: 'Stated', computed: 'Computed', grade: 'Grade', counts: 'E/W/I',
    chart: (s, c) => `Stated total ${s}, computed total ${c}`,
    jump: 'Go to the first error', noErrors: 'No errors',
    hidden: (n) => `The current filter hides ${count(n, 'finding', 'findings')}`,
    write: 'Write summary sheet',
    written: (n, added) => `${added ? 'Added' : 'Refreshed'} sheet 绩效自评汇总 (${count(n, 'form', 'forms')}). Undo it with Undo fill.`,
  },
  appTitle: 'Performance self-evaluation',
  validate: 'Validate',
  fill: 'Fill scores',
  undoFill: 'Undo fill',
  settings: 'Settings',
  close: 'Close',
  cancel: 'Cancel',
  scope: 'Scope',
  scopeActive: 'Active sheet',
  scopeAll: 'All sheets',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityIcon: { error: '●', warning: '▲', info: 'ⓘ' },
  grade: { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' },
  gradeLabel: 'Grade',
  yearLabel: (y) => `Year ${y}`,
  total: (c, s) => `Total score ${c} (sheet: ${s})`,
  declarationForm: (n) => `Performance-target declaration: ${count(n, 'indicator', 'indicators')}, not scored`,
  untitledProject: '(untitled project)',
  noForm:
    'No performance self-evaluation form found on the active sheet. It needs headers such as 年度指标值 (Annual target), 实际完成值 (Actual value), 分值 (Weight) and 得分 (Score).',
  idle: 'Click Validate to check the self-evaluation forms on the active sheet.',
  reading: (done, total) => `Reading sheet ${done} of ${total}…`,
  writing: 'Writing…',
  validated: (f, e, w, i) => `Validation done: ${count(f, 'form', 'forms')}, ${count(e, 'error', 'errors')}, ${count(w, 'warning', 'warnings')}, ${count(i, 'info', 'infos')}.`,
  nothingToFill: 'Nothing to fill.',
  fillPreview: (total, c) => {
    const parts = [
      ['scores', c.score + c.fundsScore],
      ['execution rate', c.rate],
      ['total score', c.total],
      ['note drafts', c.note],
      ['overwritten scores', c.overwriteScore],
    ] as const;
    const list = parts.filter(([, n]) => n > 0).map(([w, n]) => `${w} ${n}`).join(', ');
    return `Will write ${count(total, 'cell', 'cells')} (${list})`;
  },
  fillConfirm: 'Write',
  overwriteWarning: (n) =>
    n === 1
      ? 'One of these cells already holds a score that will be replaced by the computed one (Undo fill restores it).'
      : `${n} of these cells already hold a score that will be replaced by the computed one (Undo fill restores it).`,
  overwriteConsent: (n) => (n === 1 ? 'I confirm overwriting this score' : `I confirm overwriting these ${n} scores`),
  filled: (n) => `Wrote ${count(n, 'cell', 'cells')}. You can undo this.`,
  undone: (n) => `Restored ${count(n, 'cell', 'cells')}.`,
  filterLabel: 'Show',
  noFindings: 'No problems found.',
  findingsOf: (p) => `Findings for ${isolate(p)}`,
  details: 'Details',
  hideDetails: 'Hide',
  selectCell: (cell) => `Select cell ${cell}`,
  detailTarget: 'Annual target',
  detailActual: 'Actual value',
  detailRule: 'Rule set',
  detailExpected: 'Computed score',
  detailStated: 'Score on sheet',
  detailStatedRate: 'Rate on sheet',
  draftsToComplete: (cells) => `The drafted notes still end with a placeholder: complete ${cells.slice(0, 8).join(', ')}${cells.length > 8 ? ` and ${cells.length - 8} more` : ''}.`,
  hiddenFindings: (n) => `${count(n, 'finding', 'findings')} hidden`,
  fillCellsLabel: 'Cells to write (old → new)',
  emptyCell: '(empty)',
  detailComputedRate: 'Computed rate',
  detailWeight: 'Weight',
  kind: {
    atLeast: 'At least the target: full weight when met, otherwise weight × actual / target',
    moreThan: 'More than the target: full weight when met, otherwise weight × actual / target',
    equal: 'Equal to the target: full weight when met, otherwise weight × actual / target',
    atMost: 'At most the target (reverse): full weight when met, otherwise weight × target / actual',
    lessThan: 'Less than the target (reverse): full weight when met, otherwise weight × target / actual',
    range: 'Range: full weight inside, scaled by the nearer bound outside',
    rank: 'Rank: full weight within the rank, otherwise weight × target rank / actual rank',
    qualitative: 'Qualitative: full weight when achieved; partial or not achieved is scored by a person',
  },
  sheetFindings: (s) => `Sheet “${isolate(s)}”`,
  sheetsWithoutForm: (list) => `No form on ${EN_PLURAL.select(list.length) === 'one' ? 'sheet' : 'sheets'} ${list.map((x) => `“${isolate(x)}”`).join(', ')}.`,
  unmarked: (list) => `${EN_PLURAL.select(list.length) === 'one' ? 'Sheet' : 'Sheets'} ${list.map((x) => `“${isolate(x)}”`).join(', ')} ${EN_PLURAL.select(list.length) === 'one' ? 'is' : 'are'} protected: the findings are listed here, not marked on the sheet.`,
  settingsTitle: 'Settings',
  ruleSet: 'Rule set',
  overachieveThreshold: 'Over-achievement threshold (%)',
  overachieveHint: 'An actual at or above this percentage of the target needs a written reason.',
  markCells: 'Mark cells',
  allSheets: 'Check all sheets',
  overwriteScores: 'Overwrite existing scores',
  overwriteScoresHint: 'Fill scores replaces stated scores that differ from the computed ones (asks again every time).',
  language: 'Language',
  supportInfo: 'Running in (include this when reporting a problem)',
  languageNames: { 'zh-CN': '中文', 'en-US': 'English' },
  hostError: (code, detail, message) => {
    const sheet = sheetOf(detail);
    switch (code) {
      case 'PROTECTED':
        return `The sheet${sheet ? ` “${sheet}”` : ''} is protected. Unprotect it (Review › Unprotect Sheet) and try again. Nothing was written.`;
      case 'EDIT_MODE':
        return 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.';
      case 'UNSUPPORTED':
        return `This version of Excel lacks a needed feature${needed(detail) ? ` (${needed(detail)})` : ''}. Update Office or use Excel on the web.`;
      case 'SHEET_GONE':
        return `The sheet${sheet ? ` “${sheet}”` : ''} was deleted or renamed. Validate again.`;
      case 'CONFLICT':
        return `${conflictCells(detail, ', ') ? `Cells ${conflictCells(detail, ', ')}` : 'Cells'} changed since the last validation. Nothing was written. Validate again, then fill.`;
      case 'NO_UNDO':
        return 'There is no fill to undo.';
      case 'TOO_LARGE':
        if (detail.bytes) return `Too many cells to write or mark at once (${String(detail.cells ?? '')}): the undo record would exceed what the workbook keeps for an add-in. Nothing was written. Turn off cell marking, or fill one sheet at a time.`;
        return `The sheet${sheet ? ` “${sheet}”` : ''} is too large to read at once. Delete unused rows and columns, or check only the active sheet.`;
      case 'NOT_IN_EXCEL':
        return 'Ziping runs inside Excel. Install the add-in as described below.';
      default:
        return `Something went wrong: ${message}`;
    }
  },
  outside: {
    title: 'Ziping: performance self-evaluation',
    what:
      'Ziping is an Excel add-in that checks project expenditure performance self-evaluation forms (财政项目支出绩效自评表) in one click — ' +
      'scores, execution rate, funds breakdown, weights, deviation notes — fills the scores the rules compute, and can undo its fill. This page must be opened inside Excel.',
    howTitle: 'How to install',
    sideloadTitle: 'Sideload it yourself (to try it)',
    sideloadSteps: [
      'Download the add-in manifest, manifest.xml.',
      'Excel on the web: open a workbook › Home › Add-ins › More settings › Upload My Add-in, and choose manifest.xml.',
      'Excel on Windows: put manifest.xml in a shared folder, add that folder under File › Options › Trust Center › Trusted Add-in Catalogs, restart Excel, then add it from Home › Add-ins › Shared Folder.',
      'Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.',
    ],
    adminTitle: 'Deployed by your administrator (whole organisation)',
    adminSteps: [
      'Microsoft 365 admin center › Settings › Integrated apps › Upload custom apps: upload manifest.xml and choose users or groups.',
      'Once deployed, people see Validate and Fill scores on Excel’s Home tab.',
    ],
    otherTitle: 'No Microsoft 365?',
    other: 'WPS and older Office users can run the ziping command-line tool on an .xlsx file to check it and write a filled copy.',
  },
};

const TABLE: Readonly<Record<Lang, Strings>> = { 'zh-CN': zh, 'en-US': en };

export function strings(lang: Lang): Strings {
  return TABLE[lang] ?? zh;
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en-US';
}
