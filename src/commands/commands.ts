import { createExcelHost } from '../excel/createExcelHost';
import type { ZipingHost } from '../excel/host';
import type { Settings } from '../taskpane/settings';
import { createSettingsStore } from '../taskpane/storage';
import { runFill, runValidate } from './run';

type Completable = { completed(): void };

function handler(run: (host: ZipingHost, settings: Settings) => Promise<unknown>) {
  return (event: Completable) => {
    run(createExcelHost(Excel), createSettingsStore().load())
      .catch((e: unknown) => console.error('Ziping:', e))
      .finally(() => event.completed());
  };
}

/** ExecuteFunction handlers named in manifest.xml (<FunctionName>validate</FunctionName>, fill). */
export const validate = handler(runValidate);
export const fill = handler(runFill);

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('validate', validate);
    Office.actions.associate('fill', fill);
  });
}
