/*
 * The ribbon's function commands (manifest.xml: <FunctionName>validate</FunctionName>, fill). commands.html loads
 * office.js and then this script, both blocking (not `defer`), and the handlers are associated at the top level of
 * this script, not inside Office.onReady: associated later, the first click on a button can do nothing
 * (office-js issues #2744 and #5176; Microsoft's "Create add-in commands" shows Office.actions.associate at the top
 * level). A function command's runtime ends about five minutes after it started, so a command finishes
 * (`event.completed()`) as soon as its dialog is on screen, not when the person closes it.
 * This runtime, and only this one, uses @microsoft/office-js-helpers (its Dialog and Utilities): the task pane's
 * bundle stays without it (test/security checks the bundles).
 */
import { Dialog, Utilities } from '@microsoft/office-js-helpers';
import { createExcelHost } from '../excel/createExcelHost';
import { createSettingsStore, saveSupportInfo, supportInfoFrom } from '../app';
import { noticeQuery, type Notice } from './noticeText';
import { fillWithNotice, validateWithNotice } from './run';

export type Completable = { completed(): void };

/** Notice dialog size in pixels; office-js-helpers turns it into a share of the screen. */
const NOTICE_SIZE = { width: 420, height: 260 };

/** Opens the notice in an Office dialog (office-js-helpers' Dialog); the person closes it with its button or ×. */
export function openNotice(notice: Notice, make = (url: string) => new Dialog<string>(url, NOTICE_SIZE.width, NOTICE_SIZE.height)): void {
  try {
    const url = new URL(`notice.html${noticeQuery(notice)}`, window.location.href).href;
    // closed with × (DialogEventReceived) the promise rejects: nothing left to do either way
    make(url).result.catch(() => undefined);
  } catch (e) {
    console.error('Ziping:', notice.text, e);
  }
}

/** 校验 from the ribbon: validate and mark the cells; a dialog only when a sheet kept no marks or the check failed. */
export function validate(event: Completable, show: (n: Notice) => void = openNotice): Promise<void> {
  const settings = createSettingsStore().load();
  return validateWithNotice(createExcelHost(Excel), settings).then((notice) => {
    if (notice) show(notice);
    event.completed();
  });
}

/** 填写得分 from the ribbon: fill, then say in a dialog what was written or why nothing was. */
export function fill(event: Completable, show: (n: Notice) => void = openNotice): Promise<void> {
  const settings = createSettingsStore().load();
  return fillWithNotice(createExcelHost(Excel), settings).then((notice) => {
    show(notice);
    // the dialog is on its way; the person may leave it open longer than the command's runtime lives
    event.completed();
  });
}

/** The handlers by the names manifest.xml gives them. */
export const HANDLERS: Readonly<Record<string, (event: Completable) => unknown>> = { validate, fill: (e) => fill(e) };

if (typeof Office !== 'undefined' && Office.actions) {
  for (const [name, f] of Object.entries(HANDLERS)) Office.actions.associate(name, f);
  void Office.onReady(() => {
    // the pane's support line (host, platform, ExcelApi, version) from office-js-helpers' detection
    saveSupportInfo(supportInfoFrom({ host: Utilities.host, platform: Utilities.platform }));
  });
}
