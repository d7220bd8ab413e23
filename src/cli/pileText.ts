import type { Lang } from '../core';
import type { SkipReason } from './pile';

/** The words of `check` on a pile (folders, reports, progress), zh-CN first. */
export interface PileText {
  skipped: (file: string, reason: SkipReason) => string;
  emptyFolder: (dir: string) => string;
  badJobs: (value: string) => string;
  reportKind: (file: string) => string;
  reportWritten: (file: string) => string;
  progress: (done: number, total: number, forms: number, errors: number, secondsLeft: number | null) => string;
}

function zhTime(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)} 分 ${s % 60} 秒` : `${s} 秒`;
}

function enTime(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
}

const zh: PileText = {
  skipped: (f, r) => `跳过 ${f}：${{ lockFile: 'Office 锁定文件（~$ 开头，文件正在被打开）', notWorkbook: '不是 .xlsx/.xlsm 工作簿', report: '这是本次要写出的汇总报告' }[r]}`,
  emptyFolder: (d) => `文件夹 ${d} 中没有 .xlsx/.xlsm 工作簿。`,
  badJobs: (v) => `--jobs 需要 1 到 256 之间的整数：${v}`,
  reportKind: (f) => `--report 只能写 .xlsx 或 .html 文件：${f}`,
  reportWritten: (f) => `已写出汇总报告：${f}`,
  progress: (d, t, forms, e, left) => `已校验 ${d}/${t} 个文件，${forms} 张表，错误 ${e}${left === null ? '' : `，约剩 ${zhTime(left)}`}`,
};

const en: PileText = {
  skipped: (f, r) => `Skipped ${f}: ${{ lockFile: 'an Office lock file (~$…, the workbook is open)', notWorkbook: 'not an .xlsx/.xlsm workbook', report: 'the report this run writes' }[r]}`,
  emptyFolder: (d) => `No .xlsx/.xlsm workbook in folder ${d}.`,
  badJobs: (v) => `--jobs needs a whole number from 1 to 256: ${v}`,
  reportKind: (f) => `--report writes .xlsx or .html files only: ${f}`,
  reportWritten: (f) => `Report written: ${f}`,
  progress: (d, t, forms, e, left) => `Checked ${d}/${t} files, ${forms} forms, ${e} errors${left === null ? '' : `, about ${enTime(left)} left`}`,
};

export const PILE_TEXT: Readonly<Record<Lang, PileText>> = { 'zh-CN': zh, 'en-US': en };
