import { isolate, type ColumnMapEntry } from '../core';
import { count } from './plural';

export type MapRole = ColumnMapEntry['columns'][string];

/** The pane's column-map flow (issue 9): the roles it could not place, and the person pointing at their headers. */
export interface ColumnMapText {
  readonly title: string;
  readonly unplaced: (where: string, roles: string) => string;
  readonly howTo: string;
  readonly role: Readonly<Record<MapRole, string>>;
  readonly roleField: string;
  readonly useSelection: string;
  readonly picked: (role: string, cell: string) => string;
  readonly remove: (role: string) => string;
  readonly save: string;
  readonly clear: string;
  readonly inUse: (forms: number) => string;
  readonly refused: (reason: string) => string;
  readonly wrongSheet: (selected: string, form: string) => string;
  readonly notOneCell: (address: string) => string;
  readonly notHeader: (cell: string, rows: string) => string;
  readonly outside: (cell: string, range: string) => string;
  readonly saved: string;
  readonly cleared: string;
}

export const COLUMN_MAP_ZH: ColumnMapText = {
  title: '指定表头列',
  unplaced: (where, roles) => `${where}：找到了指标表头，但无法确定这些列：${roles}。`,
  howTo: '在表格中选中对应的表头单元格，在下方选择角色，再按“使用所选单元格”。全部指定后保存，之后的校验和填写都会使用这个列映射。',
  role: {
    level1: '一级指标', level2: '二级指标', level3: '三级指标', target: '年度指标值（指标值）', targetSign: '指标性质（符号）',
    targetUnit: '度量单位', actual: '实际完成值', weight: '分值', score: '得分', note: '偏差原因分析及改进措施', midTarget: '中期指标值',
  },
  roleField: '角色',
  useSelection: '使用所选单元格',
  picked: (role, cell) => `${role}：${cell}`,
  remove: (role) => `移除“${role}”`,
  save: '保存列映射并重新校验',
  clear: '清除列映射',
  inUse: (n) => `本工作簿保存了列映射（${n} 张表），校验和填写都会使用它。`,
  refused: (reason) => `已保存的列映射不再适用：${reason} 本次校验没有使用它，可清除后重新指定。`,
  wrongSheet: (selected, form) => `所选单元格在工作表“${isolate(selected)}”，而这张表在“${isolate(form)}”：请先切换到“${isolate(form)}”再选择。`,
  notOneCell: (a) => `请只选择一个表头单元格（现在选中的是 ${a}）。`,
  notHeader: (cell, rows) => `所选单元格 ${cell} 不在表头行（第 ${rows} 行）：请选择表头中的单元格。`,
  outside: (cell, range) => `所选单元格 ${cell} 在这张表（${range}）之外。`,
  saved: '列映射已保存。',
  cleared: '列映射已清除。',
};

export const COLUMN_MAP_EN: ColumnMapText = {
  title: 'Point at header columns',
  unplaced: (where, roles) => `${where}: the indicator header was found, but these columns could not be placed: ${roles}.`,
  howTo: 'Select the matching header cell in the sheet, choose its role below and press "Use selected cell". Save when done: every later check and fill uses this column map.',
  role: {
    level1: 'Level-1 indicator', level2: 'Level-2 indicator', level3: 'Level-3 indicator', target: 'Annual target (value)',
    targetSign: 'Target sign', targetUnit: 'Unit', actual: 'Actual', weight: 'Weight', score: 'Score', note: 'Deviation note', midTarget: 'Mid-term target',
  },
  roleField: 'Role',
  useSelection: 'Use selected cell',
  picked: (role, cell) => `${role}: ${cell}`,
  remove: (role) => `Remove "${role}"`,
  save: 'Save column map and check again',
  clear: 'Clear column map',
  inUse: (n) => `This workbook keeps a column map (${count(n, 'form', 'forms')}); checks and fills use it.`,
  refused: (reason) => `The saved column map no longer fits: ${reason} This check ran without it; clear it and point again.`,
  wrongSheet: (selected, form) => `The selected cell is on sheet "${isolate(selected)}", the form on "${isolate(form)}": switch to "${isolate(form)}" first.`,
  notOneCell: (a) => `Select one header cell (the selection is ${a}).`,
  notHeader: (cell, rows) => `The selected cell ${cell} is not in the header (row ${rows}): select a header cell.`,
  outside: (cell, range) => `The selected cell ${cell} lies outside the form (${range}).`,
  saved: 'Column map saved.',
  cleared: 'Column map cleared.',
};
