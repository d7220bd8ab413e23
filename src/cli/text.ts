import type { FillReason, Grade, Lang, Severity } from '../core';
import type { OutputRefusal } from './output';

/** The CLI's own words (DESIGN.md's table), zh-CN first. Finding messages come from the core. */
export interface CliText {
  usage: (version: string, ruleSets: string) => string;
  unknownOption: (o: string) => string;
  unknownCommand: (c: string) => string;
  missingValue: (o: string) => string;
  unknownRuleSet: (name: string, names: string) => string;
  unknownLang: (lang: string) => string;
  noFiles: string;
  fillArgs: string;
  badMaxSize: (value: string) => string;
  sheetUnreadable: (file: string, reason: string) => string;
  fillSameFile: (file: string) => string;
  cannotRead: (file: string, reason: string) => string;
  cannotWrite: (file: string, reason: string) => string;
  badMap: (file: string, reason: string) => string;
  noDeclaration: (file: string) => string;
  /** the line a declaration shows instead of its total and grade */
  declaration: (indicators: number) => string;
  outputRefused: Record<OutputRefusal, string>;
  systemError: (code: string) => string;
  noForm: (file: string, sheets: number) => string;
  sheetsWithoutForm: (names: string) => string;
  hiddenSheets: (names: string) => string;
  ruleSet: string;
  total: (computed: string, stated: string, undetermined: number) => string;
  grade: (g: Grade | null) => string;
  counts: (e: number, w: number, i: number) => string;
  severity: Record<Severity, string>;
  noFindings: string;
  summary: (files: number, forms: number, e: number, w: number, i: number) => string;
  year: (y: string) => string;
  funds: (rate: string, computed: string, stated: string) => string;
  fillReason: Record<FillReason, string>;
  filled: (n: number, parts: string, out: string) => string;
  nothingToFill: (out: string) => string;
  afterFill: (e: number, w: number, i: number) => string;
  completeNotes: string;
}

const GRADE_EN: Record<Grade, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' };

const zh: CliText = {
  usage: (v, rs) => `ziping ${v} — 绩效自评：校验并填写财政项目支出绩效自评表（.xlsx）

用法:
  ziping check 文件或文件夹… [--json] [--report 汇总.xlsx|报告.html] [--force] [--jobs N] [--rules 名称] [--map 映射.json] [--declared 申报表.xlsx] [--max-size MB] [--lang zh-CN|en-US]
      校验每个文件中的所有绩效自评表和绩效目标申报表，按表列出总分、等级和问题。文件夹：其中（含子文件夹）
      所有 .xlsx/.xlsm，按名称排序；跳过 ~$ 开头的 Office 锁定文件并说明。
  ziping fill 输入.xlsx -o 输出.xlsx [--json] [--rules 名称] [--map 映射.json] [--max-size MB] [--overwrite-scores] [--force] [--lang zh-CN|en-US]
      把可计算的得分、执行率、总分和偏差说明草稿写入输出副本；从不修改输入文件。
  ziping --help | --version

选项:
  --json               输出 JSON 报告（每个字段见仓库中的 docs/report-json.md）。check：一个文件时为一个对象；
                       多个文件时为数组，每个文件一个对象，顺序与参数相同；无法读取的文件不出现在数组中（见标准错误
                       输出）。fill：写入的每个单元格（按工作表：地址、原值 → 新值、类别）、输出文件和填写后仍有的问题。
  --report 文件        另写出汇总报告：.xlsx（汇总、问题清单、按单位）或 .html（含图表的单页报告）；可重复
  --jobs N             同时校验的文件数（默认：CPU 核数）
  --rules 名称         评分规则（默认 mof-2020）：${rs}
  --declared 文件      绩效目标申报表（.xlsx）：对照其中申报的指标值检查自评表（目标变更、未申报或缺评的指标）
  --map 文件           列映射（JSON）：表头无法自动识别时，指明哪一列是年度指标值、实际完成值等（格式见 docs/column-map.md）
  --overwrite-scores   填写时同时覆盖与计算值不符的已有得分（默认不覆盖）
  -o, --output 文件    fill 的输出文件（不能与输入相同；只写普通文件，不写设备、管道、文件夹或符号链接）
  --force              输出文件（fill -o、--report）已存在时替换它（保留其权限）；默认不替换
  --lang zh-CN|en-US   界面语言（默认 zh-CN）
  --max-size MB        每个部件解压后的上限（默认 256 MB，合计 512 MB，或单个上限的两倍）；
                       超过即拒绝（防“压缩炸弹”）。单个工作表最多 2,000,000 个单元格（与加载项相同）。

退出码:
  0  没有“错误”级别的问题（fill：已写入）
  1  至少有一个“错误”级别的问题
  2  文件无法读取、其中没有绩效自评表、列映射无法使用，或参数有误`,
  unknownOption: (o) => `未知选项：${o}`,
  unknownCommand: (c) => `未知命令：${c}（可用：check、fill）`,
  missingValue: (o) => `选项 ${o} 需要一个值`,
  unknownRuleSet: (n, names) => `未知的评分规则：${n}（可用：${names}）`,
  unknownLang: (l) => `不支持的语言：${l}（可用：zh-CN、en-US）`,
  noFiles: '请指定要校验的 .xlsx 文件。',
  fillArgs: 'fill 需要一个输入文件和 -o 输出文件。',
  badMaxSize: (v) => `--max-size 的值无效：${v}（应为 1 到 4095 之间的整数，单位 MB）`,
  sheetUnreadable: (f, r) => `${f}：${r}`,
  fillSameFile: (f) => `输出文件不能与输入文件相同：${f}。fill 从不修改输入文件，请用 -o 指定另一个文件。`,
  cannotRead: (f, r) => `无法读取 ${f}：${r}`,
  cannotWrite: (f, r) => `无法写入 ${f}：${r}`,
  badMap: (f, r) => `列映射 ${f} 无法使用：${r}`,
  declaration: (n) => `绩效目标申报表：${n} 项指标（不计分）`,
  noDeclaration: (f) => `${f}：未找到项目支出绩效目标申报表（需要“三级指标”“指标值”或“年度指标值”等表头，无“实际完成值”“得分”），无法对照申报目标。`,
  outputRefused: {
    directory: '这是一个文件夹，请指定一个 .xlsx 文件名',
    special: '这不是普通文件（设备、管道或套接字），fill 只写普通文件',
    symlink: '这是一个符号链接，fill 不会经由或替换符号链接写入，请指定实际的文件',
    exists: '文件已存在；要替换它，请加 --force（替换后保留原文件的权限）',
    changed: '写入期间输出文件夹中的临时文件被他人替换，已放弃写入',
  },
  systemError: (code) => `系统错误（${code}）`,
  noForm: (f, n) => `${f}：在 ${n} 个工作表中均未找到绩效自评表。需要包含“年度指标值”“实际完成值”“分值”“得分”等表头。`,
  sheetsWithoutForm: (s) => `未找到绩效自评表的工作表：${s}`,
  hiddenSheets: (s) => `未校验的隐藏工作表：${s}`,
  ruleSet: '评分规则',
  total: (c, s, u) => `总分 ${c}（表内 ${s}）${u > 0 ? `，其中 ${u} 项按表内得分计（需人工判定）` : ''}`,
  grade: (g) => `等级 ${g ?? '—'}`,
  counts: (e, w, i) => `错误 ${e}   警告 ${w}   提示 ${i}`,
  severity: { error: '● 错误', warning: '▲ 警告', info: 'ⓘ 提示' },
  noFindings: '未发现问题。',
  summary: (files, forms, e, w, i) => `共 ${files} 个文件、${forms} 张绩效自评表：错误 ${e}，警告 ${w}，提示 ${i}。`,
  year: (y) => `（${y} 年度）`,
  funds: (r, c, s) => `执行率 ${r}，资金得分 ${c}（表内 ${s}）`,
  fillReason: { score: '得分', rate: '执行率', fundsScore: '资金得分', total: '总分', note: '偏差说明草稿', overwriteScore: '覆盖得分' },
  filled: (n, parts, out) => `已写入 ${n} 个单元格（${parts}）：${out}`,
  nothingToFill: (out) => `没有需要填写的单元格；已写出未改动的副本：${out}`,
  afterFill: (e, w, i) => `填写后复查：错误 ${e}，警告 ${w}，提示 ${i}。`,
  completeNotes: '请补全偏差说明草稿中的“（待填写）”部分。',
};

const en: CliText = {
  usage: (v, rs) => `ziping ${v} — Ziping performance self-evaluation: validate and fill 绩效自评表 workbooks (.xlsx)

Usage:
  ziping check FILE-OR-FOLDER… [--json] [--report SUMMARY.xlsx|REPORT.html] [--force] [--jobs N] [--rules NAME] [--map MAP.json] [--declared DECL.xlsx] [--max-size MB] [--lang zh-CN|en-US]
      Validate every form in each file (self-evaluations and target declarations): total score, grade and findings per form. A folder: every .xlsx/.xlsm
      in it and its subfolders, by name; Office lock files (~$…) are skipped and named.
  ziping fill IN.xlsx -o OUT.xlsx [--json] [--rules NAME] [--map MAP.json] [--max-size MB] [--overwrite-scores] [--force] [--lang zh-CN|en-US]
      Write the computable scores, execution rate, total score and deviation-note drafts into a copy;
      the input file is never modified.
  ziping --help | --version

Options:
  --json               Print the JSON report (every field in docs/report-json.md of the repository). check:
                       one object for one file; for several files an array with one object per file, in
                       argument order; unreadable files are left out of the array (see standard error).
                       fill: every cell written (by sheet: address, old → new value, kind), the output file
                       and the findings the filled copy still has.
  --report FILE        Also write a summary: .xlsx (Summary, Findings, By unit sheets) or .html (one page
                       with charts); may be repeated
  --jobs N             Files checked at once (default: the number of cores)
  --rules NAME         Rule set (default mof-2020): ${rs}
  --declared FILE      Target declaration (.xlsx): check the self-evaluations against the declared targets
                       (changed targets, indicators not declared or not evaluated)
  --map FILE           Column map (JSON) for headers Ziping cannot read: which column is the target, the actual… (docs/column-map.md)
  --overwrite-scores   fill also overwrites stated scores that differ from the computed ones (default off)
  -o, --output FILE    fill's output file (must differ from the input; only a regular file, never a device,
                       pipe, folder or symbolic link)
  --force              replace an existing output file (fill -o, --report), keeping its permissions; off by default
  --lang zh-CN|en-US   Language (default zh-CN)
  --max-size MB        The most one part may inflate to (default 256 MB, 512 MB in total, or twice the part
                       limit); past it the file is refused (zip bombs). A sheet spans at most 2,000,000 cells
                       (as in the add-in).

Exit codes:
  0  no error-severity finding (fill: written)
  1  at least one error-severity finding
  2  a file cannot be read or holds no form, the column map cannot be used, or the arguments are wrong`,
  unknownOption: (o) => `Unknown option: ${o}`,
  unknownCommand: (c) => `Unknown command: ${c} (use check or fill)`,
  missingValue: (o) => `Option ${o} needs a value`,
  unknownRuleSet: (n, names) => `Unknown rule set: ${n} (available: ${names})`,
  unknownLang: (l) => `Unsupported language: ${l} (use zh-CN or en-US)`,
  noFiles: 'Name the .xlsx file(s) to validate.',
  fillArgs: 'fill needs one input file and -o OUTPUT.',
  badMaxSize: (v) => `Invalid --max-size: ${v} (a whole number of MB from 1 to 4095)`,
  sheetUnreadable: (f, r) => `${f}: ${r}`,
  fillSameFile: (f) => `The output must differ from the input: ${f}. fill never modifies its input; name another file with -o.`,
  cannotRead: (f, r) => `Cannot read ${f}: ${r}`,
  cannotWrite: (f, r) => `Cannot write ${f}: ${r}`,
  badMap: (f, r) => `Cannot use the column map ${f}: ${r}`,
  declaration: (n) => `Performance-target declaration: ${n} indicator(s) (not scored)`,
  noDeclaration: (f) => `${f}: no performance-target declaration (项目支出绩效目标申报表) found, so nothing to compare against. A declaration has headers such as 三级指标 and 指标值 or 年度指标值, without 实际完成值 or 得分.`,
  outputRefused: {
    directory: 'it is a folder; name an .xlsx file',
    special: 'it is not a regular file (a device, pipe or socket); fill writes only regular files',
    symlink: 'it is a symbolic link; fill neither writes through nor replaces one, name the real file',
    exists: 'the file exists; add --force to replace it (its permissions are kept)',
    changed: 'the temporary file in the output folder was replaced by someone else while writing; nothing was written',
  },
  systemError: (code) => `system error (${code})`,
  noForm: (f, n) => `${f}: no performance self-evaluation form found in ${n} sheet(s). A form needs headers such as 年度指标值 (Annual target), 实际完成值 (Actual value), 分值 (Weight) and 得分 (Score).`,
  sheetsWithoutForm: (s) => `Sheets without a form: ${s}`,
  hiddenSheets: (s) => `Hidden sheets, not checked: ${s}`,
  ruleSet: 'Rule set',
  total: (c, s, u) => `Total score ${c} (sheet ${s})${u > 0 ? `, ${u} indicator(s) counted at the sheet's score (need review)` : ''}`,
  grade: (g) => `Grade ${g ? GRADE_EN[g] : '—'}`,
  counts: (e, w, i) => `Errors ${e}   Warnings ${w}   Info ${i}`,
  severity: { error: '● Error', warning: '▲ Warning', info: 'ⓘ Info' },
  noFindings: 'No findings.',
  summary: (files, forms, e, w, i) => `${files} file(s), ${forms} form(s): ${e} error(s), ${w} warning(s), ${i} info.`,
  year: (y) => ` (year ${y})`,
  funds: (r, c, s) => `Execution rate ${r}, funds score ${c} (sheet ${s})`,
  fillReason: { score: 'Score', rate: 'Execution rate', fundsScore: 'Funds score', total: 'Total score', note: 'Note drafts', overwriteScore: 'Overwritten scores' },
  filled: (n, parts, out) => `Wrote ${n} cell(s) (${parts}): ${out}`,
  nothingToFill: (out) => `Nothing to fill; wrote an unchanged copy: ${out}`,
  afterFill: (e, w, i) => `Re-check after filling: ${e} error(s), ${w} warning(s), ${i} info.`,
  completeNotes: 'Complete the "(to be completed)" part of the note drafts.',
};

export const CLI_TEXT: Readonly<Record<Lang, CliText>> = { 'zh-CN': zh, 'en-US': en };
