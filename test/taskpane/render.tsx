import type { OfficeThemeLike } from '../../src/taskpane/theme';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../../src/taskpane/App';
import { HostProvider } from '../../src/taskpane/HostContext';
import type { Settings } from '../../src/app';
import { memorySettingsStore, type SettingsStore } from '../../src/app';
import type { ZipingHost } from '../../src/host';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  readonly container: HTMLElement;
  readonly store: SettingsStore;
  unmount(): void;
}

export async function mountApp(host: ZipingHost, settings: Partial<Settings> = {}, autoRun = false, officeTheme?: OfficeThemeLike): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const store = memorySettingsStore(settings);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <HostProvider host={host}>
        <App store={store} autoRun={autoRun} officeTheme={officeTheme} />
      </HostProvider>,
    );
  });
  return {
    container,
    store,
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Dialogs render into a portal: search the whole document. */
export const $ = (testId: string, within: ParentNode = document): HTMLElement | null => within.querySelector(`[data-testid="${testId}"]`);
export const $$ = (testId: string, within: ParentNode = document): HTMLElement[] => [...within.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];

export function must(testId: string, within: ParentNode = document): HTMLElement {
  const el = $(testId, within);
  if (!el) throw new Error(`no [data-testid="${testId}"] in ${(within as HTMLElement).outerHTML?.slice(0, 2000) ?? 'document'}`);
  return el;
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** Sets a <select>'s value the way React notices, then fires change. */
export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
