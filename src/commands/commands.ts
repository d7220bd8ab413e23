import { createExcelHost } from '../excel/createExcelHost';
import type { ValidateRequest, ZipingHost } from '../excel/host';
import { toCheckOptions, type Settings } from '../taskpane/settings';
import { createSettingsStore } from '../taskpane/storage';

/*
 * Ribbon ExecuteFunction handlers. They run without a pane, so what they do is visible on the sheet only:
 * 校验 always marks the cells; 填写得分 never overwrites stated scores (that needs the pane's explicit consent).
 */

type Completable = { completed(): void };

export function requestFrom(settings: Settings): ValidateRequest {
  return { allSheets: settings.allSheets, options: toCheckOptions(settings), mark: true, lang: settings.lang };
}

export async function runValidate(host: ZipingHost, settings: Settings): Promise<void> {
  await host.validate(requestFrom(settings));
}

export async function runFill(host: ZipingHost, settings: Settings): Promise<number> {
  const request = requestFrom({ ...settings, overwriteScores: false });
  const { result } = await host.validate({ ...request, mark: false });
  if (result.fillPlan.cells.length === 0) return 0;
  const outcome = await host.fill({ ...request, mark: settings.mark, expected: result.fillPlan });
  return outcome.written;
}

function handler(run: (host: ZipingHost, settings: Settings) => Promise<unknown>) {
  return (event: Completable) => {
    run(createExcelHost(Excel), createSettingsStore().load())
      .catch((e: unknown) => console.error('Ziping:', e))
      .finally(() => event.completed());
  };
}

export const validate = handler(runValidate);
export const fill = handler(runFill);

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('validate', validate);
    Office.actions.associate('fill', fill);
  });
}
