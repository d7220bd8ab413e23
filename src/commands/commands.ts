import { createExcelHost } from '../excel/createExcelHost';
import type { ZipingHost } from '../host';
import { type Settings, createSettingsStore } from '../app';
import { noticeQuery, type Notice } from './noticeText';
import { fillWithNotice, runValidate } from './run';

type Completable = { completed(): void };

/**
 * Shows a notice in an Office dialog and calls `done` once it is closed (or could not be shown): the command's
 * runtime must live until then, so `event.completed()` waits for it.
 */
function showNotice(notice: Notice, done: () => void): void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (!ui?.displayDialogAsync) return finish();
  const url = new URL(`notice.html${noticeQuery(notice)}`, window.location.href).href;
  ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (res) => {
    if (res.status !== Office.AsyncResultStatus.Succeeded) {
      console.error('Ziping:', notice.text);
      return finish();
    }
    const dialog = res.value;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
      dialog.close();
      finish();
    });
    dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
  });
}

function handler(run: (host: ZipingHost, settings: Settings) => Promise<unknown>) {
  return (event: Completable) => {
    run(createExcelHost(Excel), createSettingsStore().load())
      .catch((e: unknown) => console.error('Ziping:', e))
      .finally(() => event.completed());
  };
}

/** ExecuteFunction handlers named in manifest.xml (<FunctionName>validate</FunctionName>, fill). */
export const validate = handler(runValidate);

/** 填写得分 from the ribbon: fill, then say in a dialog what was written or why nothing was. */
export function fill(event: Completable): void {
  const settings = createSettingsStore().load();
  void fillWithNotice(createExcelHost(Excel), settings).then((notice) => showNotice(notice, () => event.completed()));
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('validate', validate);
    Office.actions.associate('fill', fill);
  });
}
