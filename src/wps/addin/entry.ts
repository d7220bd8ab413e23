/*
 * The entry page WPS loads for the add-in (index.html): the ribbon's callbacks, named in ribbon.xml, as globals
 * of this page, as the wpsjs templates define them (OnAddinLoad first, then OnAction/GetImage/OnGetEnabled with
 * a control whose `Id` is the button's id). 校验 and 打开面板 open the task pane (docked right); 校验 asks it to
 * check on open; 填写得分 runs here without the pane and says what it did.
 */
import { fillWithNotice } from '../../commands/run';
import { createSettingsStore } from '../../app';
import { createWpsHost } from '../createWpsHost';
import type { EtApplicationLike } from '../et-like';

/** msoCTPDockPositionRight (the wpsjs templates define it by hand: older WPS has no Application.Enum) */
const DOCK_RIGHT = 2;
const PANE_ID_KEY = 'ziping_taskpane_id';

interface TaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
  Navigate(url: string): void;
}

/** What the entry page uses of `window.Application` beyond the ET object model. */
export interface WpsShell extends EtApplicationLike {
  ribbonUI?: { Invalidate(): void; InvalidateControl(id: string): void };
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: number): TaskPane | null;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: string | number | boolean): void };
}

export interface RibbonControl {
  readonly Id: string;
}

const IMAGES: Record<string, string> = {
  zipingValidate: 'images/validate.svg',
  zipingFill: 'images/fill.svg',
  zipingPane: 'images/ziping.svg',
};

function shell(): WpsShell | undefined {
  return (window as unknown as { Application?: WpsShell }).Application;
}

/** taskpane.html beside this page, with `query`. */
export function paneUrl(query = ''): string {
  return new URL(`taskpane.html${query}`, window.location.href).href;
}

/** Shows the pane (created once per WPS window and remembered in PluginStorage); `query` reloads it with that query. */
function showPane(app: WpsShell, query: string | null): void {
  const id = Number(app.PluginStorage.getItem(PANE_ID_KEY) || 0);
  const old = id ? app.GetTaskPane(id) : null;
  if (old) {
    if (query !== null) old.Navigate(paneUrl(query));
    old.Visible = query !== null ? true : !old.Visible;
    return;
  }
  const pane = app.CreateTaskPane(paneUrl(query ?? ''), '绩效自评');
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
  app.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
}

export function OnAddinLoad(ribbonUI: WpsShell['ribbonUI']): boolean {
  const app = shell();
  if (app && typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
  return true;
}

export function OnAction(control: RibbonControl): boolean {
  const app = shell();
  if (!app) return false;
  switch (control.Id) {
    case 'zipingValidate':
      showPane(app, '?autorun=validate');
      break;
    case 'zipingPane':
      showPane(app, null);
      break;
    case 'zipingFill': {
      const settings = createSettingsStore().load();
      void fillWithNotice(createWpsHost(app), settings).then((n) => window.alert(`${n.title}\n\n${n.text}`));
      break;
    }
    default:
      return false;
  }
  return true;
}

export function GetImage(control: RibbonControl): string {
  return IMAGES[control.Id] ?? IMAGES.zipingPane;
}

/** The buttons need a workbook open. */
export function OnGetEnabled(control: RibbonControl): boolean {
  if (!(control.Id in IMAGES)) return false;
  try {
    return Boolean(shell()?.ActiveWorkbook);
  } catch {
    return false;
  }
}

// ribbon.xml names these; WPS looks them up on the entry page's window
Object.assign(window, { OnAddinLoad, OnAction, GetImage, OnGetEnabled });
