import type { Lang, Severity } from '../core';

/** The words of the pile's reports (summary workbook, HTML page, the pane's summary sheet). */
export interface ReportText {
  sheets: { summary: string; findings: string; units: string };
  formColumns: {
    file: string; sheet: string; project: string; department: string; implementer: string; year: string;
    stated: string; computed: string; diff: string; grade: string; rate: string; errors: string; warnings: string; infos: string;
  };
  findingColumns: { file: string; sheet: string; project: string; cell: string; severity: string; code: string; message: string };
  unitColumns: { department: string; implementer: string; forms: string; average: string; formsWithErrors: string };
  severity: Record<Severity, string>;
  grade: (g: string | null) => string;
  title: string;
  glance: (files: number, forms: number, withErrors: number, e: number, w: number, i: number) => string;
  charts: { grades: string; totals: string; codes: string; departments: string };
  formsTable: string;
  findingsOf: string;
  noFindings: string;
  problems: string;
  sortHint: string;
  none: string;
}

const GRADE_EN: Record<string, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' };

const zh: ReportText = {
  sheets: { summary: '汇总', findings: '问题清单', units: '按单位' },
  formColumns: {
    file: '文件', sheet: '工作表', project: '项目名称', department: '主管部门', implementer: '实施单位', year: '年度',
    stated: '表内总分', computed: '计算总分', diff: '差值', grade: '等级', rate: '执行率', errors: '错误', warnings: '警告', infos: '提示',
  },
  findingColumns: { file: '文件', sheet: '工作表', project: '项目名称', cell: '单元格', severity: '严重程度', code: '代码', message: '说明' },
  unitColumns: { department: '主管部门', implementer: '实施单位', forms: '表数', average: '平均计算总分', formsWithErrors: '有错误的表' },
  severity: { error: '错误', warning: '警告', info: '提示' },
  grade: (g) => (g ? g : '无等级'),
  title: '绩效自评校验报告',
  glance: (files, forms, withErrors, e, w, i) => `共 ${files} 个文件、${forms} 张绩效自评表，其中 ${withErrors} 张有错误；错误 ${e}，警告 ${w}，提示 ${i}。`,
  charts: { grades: '等级分布', totals: '表内总分与计算总分', codes: '最常见的问题', departments: '各主管部门的表数' },
  formsTable: '各表一览',
  findingsOf: '各表问题',
  noFindings: '未发现问题。',
  problems: '未能校验的文件',
  sortHint: '点击表头排序',
  none: '（空）',
};

const en: ReportText = {
  sheets: { summary: 'Summary', findings: 'Findings', units: 'By unit' },
  formColumns: {
    file: 'File', sheet: 'Sheet', project: 'Project', department: 'Department', implementer: 'Implementing unit', year: 'Year',
    stated: 'Stated total', computed: 'Computed total', diff: 'Difference', grade: 'Grade', rate: 'Execution rate',
    errors: 'Errors', warnings: 'Warnings', infos: 'Info',
  },
  findingColumns: { file: 'File', sheet: 'Sheet', project: 'Project', cell: 'Cell', severity: 'Severity', code: 'Code', message: 'Message' },
  unitColumns: { department: 'Department', implementer: 'Implementing unit', forms: 'Forms', average: 'Average computed total', formsWithErrors: 'Forms with errors' },
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  grade: (g) => (g ? (GRADE_EN[g] ?? g) : 'No grade'),
  title: 'Performance self-evaluation check report',
  glance: (files, forms, withErrors, e, w, i) =>
    `${files} file(s), ${forms} form(s), ${withErrors} with errors; ${e} error(s), ${w} warning(s), ${i} info.`,
  charts: { grades: 'Grades', totals: 'Stated vs computed total', codes: 'Most frequent findings', departments: 'Forms per department' },
  formsTable: 'Forms',
  findingsOf: 'Findings per form',
  noFindings: 'No findings.',
  problems: 'Files not checked',
  sortHint: 'Click a header to sort',
  none: '(blank)',
};

export const REPORT_TEXT: Readonly<Record<Lang, ReportText>> = { 'zh-CN': zh, 'en-US': en };
