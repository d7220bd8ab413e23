/*
 * The one place Ziping touches @microsoft/office-js-helpers (required by the design card; archived upstream).
 * Bundle cost, measured with `webpack --mode production`: BUNDLE_COST_TODO.
 * It earns its place only as a namespaced JSON store with an in-memory fallback for webviews that refuse
 * localStorage. To drop the package, replace `open()` below with a plain localStorage wrapper; nothing else
 * imports it.
 */
import { Storage, StorageType } from '@microsoft/office-js-helpers';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from './settings';

const CONTAINER = 'ziping';
const KEY = 'settings';

export interface SettingsStore {
  load(): Settings;
  save(s: Settings): void;
}

function open(): Storage<unknown> | null {
  try {
    return new Storage<unknown>(CONTAINER, StorageType.LocalStorage);
  } catch {
    try {
      return new Storage<unknown>(CONTAINER, StorageType.InMemoryStorage);
    } catch {
      return null;
    }
  }
}

/** Settings remembered per user (this browser profile / Office webview). */
export function createSettingsStore(): SettingsStore {
  let store: Storage<unknown> | null | undefined;
  const get = (): Storage<unknown> | null => (store === undefined ? (store = open()) : store);
  let memory: Settings = DEFAULT_SETTINGS;
  return {
    load() {
      try {
        const s = get();
        memory = sanitizeSettings(s ? s.get(KEY) : memory);
      } catch {
        // a corrupt or unreadable entry: defaults
      }
      return memory;
    },
    save(settings) {
      memory = settings;
      try {
        get()?.set(KEY, settings);
      } catch {
        // storage full or refused: keep it for this session
      }
    },
  };
}

/** An in-memory store for tests and the workbench. */
export function memorySettingsStore(initial: Partial<Settings> = {}): SettingsStore {
  let memory: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    load: () => memory,
    save: (s) => {
      memory = s;
    },
  };
}
