/*
 * Where the pane remembers settings per user: localStorage, namespaced like @microsoft/office-js-helpers' Storage
 * (`@ziping/settings`), with an in-memory fallback for webviews that refuse storage.
 *
 * Why not office-js-helpers itself (the design card lists it): measured with webpack 5 production, importing its
 * Storage adds 56,708 bytes minified (13.9 KiB gzip) to the task pane, not tree-shakeable (a prebuilt 2018 UMD
 * bundle with lodash and rxjs inside), and that bundle evaluates strings (`Function("return this")`,
 * `(1,eval)("this")` in webpack 4's global shim), which the pane's CSP forbids and test/security/bundle.slow.test.ts
 * rejects. Its one useful piece here is twelve lines, below. If a later need (its Dialog/Authenticator) brings the
 * package back, import it only in this module.
 */
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from './settings';

/**
 * A localStorage key of the add-in, prefixed with `Office.context.partitionKey` where Office gives one: Microsoft's
 * guidance for add-ins on the web, where storage is partitioned per embedding site ("Persist add-in state and
 * settings", localStorage and partitionKey). Outside Office, or where it is undefined, the plain key.
 */
export function storageKey(name: string): string {
  const partition = (globalThis as { Office?: { context?: { partitionKey?: unknown } } }).Office?.context?.partitionKey;
  const key = `@ziping/${name}`;
  return typeof partition === 'string' && partition ? `${partition}${key}` : key;
}

export interface SettingsStore {
  load(): Settings;
  save(s: Settings): void;
}

function localStore(): Storage | null {
  try {
    const s = window.localStorage;
    // Safari private mode and some embedded webviews expose localStorage but throw on write
    s.setItem(storageKey('probe'), '1');
    s.removeItem(storageKey('probe'));
    return s;
  } catch {
    return null;
  }
}

/** Settings remembered per user (this browser profile / Office webview); in memory when storage is refused. */
export function createSettingsStore(): SettingsStore {
  let storage: Storage | null | undefined;
  const get = () => (storage === undefined ? (storage = localStore()) : storage);
  let memory: Settings = DEFAULT_SETTINGS;
  return {
    load() {
      const s = get();
      if (!s) return memory;
      try {
        const text = s.getItem(storageKey('settings'));
        memory = text === null ? DEFAULT_SETTINGS : sanitizeSettings(JSON.parse(text));
      } catch {
        memory = DEFAULT_SETTINGS;
      }
      return memory;
    },
    save(settings) {
      memory = settings;
      try {
        get()?.setItem(storageKey('settings'), JSON.stringify(settings));
      } catch {
        // quota or refusal: keep it for this session
      }
    },
  };
}

/** An in-memory store for tests. */
export function memorySettingsStore(initial: Partial<Settings> = {}): SettingsStore {
  let memory: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    load: () => memory,
    save: (s) => {
      memory = s;
    },
  };
}
