/** @jest-environment jsdom */
import type { Lang } from '../../src/core';
import type { ValidateOutcome } from '../../src/excel/host';
import { fakeHost, form, result } from '../fixtures/host';
import { click, mountApp, must, text, type Mounted } from './render';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

/** A host whose 全部工作表 read left `tooLarge` out (as createExcelHost does for a sheet above Office's limits). */
function hostLeavingOut(tooLarge: string[]) {
  const host = fakeHost(result([form({ sheet: '甲', computed: '96', stated: '96' })]));
  const validate = host.validate.bind(host);
  host.validate = async (request, onProgress): Promise<ValidateOutcome> => ({ ...(await validate(request, onProgress)), tooLarge });
  return host;
}

describe('全部工作表 with a sheet too large to read', () => {
  it.each<[Lang, string, RegExp]>([
    ['zh-CN', '乙', /^校验完成：1 张自评表.*工作表太大，无法一次读取（“乙”）。请删除多余的空行空列，或只检查当前工作表。$/],
    ['en-US', '乙', /^.*The sheet “乙” is too large to read at once\. Delete unused rows and columns, or check only the active sheet\.$/],
  ])('shows the forms of the other sheets and names the one left out with the TOO_LARGE wording (%s)', async (lang, sheet, status) => {
    mounted = await mountApp(hostLeavingOut([sheet]), { allSheets: true, lang });
    await click(must('validate'));
    expect(text(must('status'))).toMatch(status);
    expect(text(must('form-total'))).toContain('96');
  });

  it('says nothing of the kind when no sheet was left out', async () => {
    mounted = await mountApp(hostLeavingOut([]), { allSheets: true });
    await click(must('validate'));
    expect(text(must('status'))).not.toMatch(/太大/);
  });
});
