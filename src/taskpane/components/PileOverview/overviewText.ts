import type { Lang } from '../../../core';

/** The overview's words (kept beside it while the pane's strings move to src/app). */
export interface OverviewText {
  title: (forms: number) => string;
  project: string;
  stated: string;
  computed: string;
  grade: string;
  counts: string;
  chart: (stated: string, computed: string) => string;
  jump: string;
  noErrors: string;
  hidden: (n: number) => string;
  write: string;
  written: (rows: number, added: boolean) => string;
}

export const OVERVIEW_TEXT: Readonly<Record<Lang, OverviewText>> = {
  'zh-CN': {
    title: (n) => `总览（${n} 张表）`,
    project: '项目', stated: '表内', computed: '计算', grade: '等级', counts: '错/警/提',
    chart: (s, c) => `表内总分 ${s}，计算总分 ${c}`,
    jump: '跳到第一个错误', noErrors: '没有错误',
    hidden: (n) => `当前筛选隐藏了 ${n} 条问题`,
    write: '写入汇总表',
    written: (n, added) => `已${added ? '新建' : '刷新'}工作表“绩效自评汇总”（${n} 张表）。可用“撤销填写”撤销。`,
  },
  'en-US': {
    title: (n) => `Overview (${n} forms)`,
    project: 'Project', stated: 'Stated', computed: 'Computed', grade: 'Grade', counts: 'E/W/I',
    chart: (s, c) => `Stated total ${s}, computed total ${c}`,
    jump: 'Go to the first error', noErrors: 'No errors',
    hidden: (n) => `The current filter hides ${n} finding(s)`,
    write: 'Write summary sheet',
    written: (n, added) => `${added ? 'Added' : 'Refreshed'} sheet 绩效自评汇总 (${n} forms). Undo it with Undo fill.`,
  },
};
