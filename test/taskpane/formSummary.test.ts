import { strings } from '../../src/app';
import { checkWorkbook } from '../../src/core';
import { useFormSummary } from '../../src/taskpane/components/FormSummary/useFormSummary';
import { declarationForm } from '../fixtures/declarations';
import { sheetGrid } from '../fixtures/grid';
import { form } from '../fixtures/host';

describe('the form summary', () => {
  it('shows a declaration as one, not as a total of —', () => {
    const decl = checkWorkbook({ sheets: [sheetGrid('申报表', [{ lit: declarationForm() }])] }).forms[0];
    const zh = useFormSummary({ form: decl, strings: strings('zh-CN') });
    expect(zh.total).toBe('绩效目标申报表：7 项指标（不计分）');
    expect(zh.grade).toBeNull();
    expect(useFormSummary({ form: decl, strings: strings('en-US') }).total).toContain('declaration: 7 indicator');
  });

  it('shows a self-evaluation with its total as before', () => {
    expect(useFormSummary({ form: form({ sheet: 'S', computed: '99.5', stated: '99.5' }), strings: strings('zh-CN') }).total).toBe('总分 99.5（表内 99.5）');
  });
});
