/** Texts longer than this are not kept: the cache then holds at most about a megabyte of keys. */
const MAX_KEPT_LENGTH = 128;

/**
 * A pure function of one string with its answers kept: a pile of forms repeats the same labels and values on every
 * sheet. The cache is emptied when it reaches `limit` entries and skips long texts, so a sheet of distinct or huge
 * texts cannot grow it without end. Only for functions whose answer no caller mutates.
 */
export function memoByText<T>(fn: (s: string) => T, limit = 4096): (s: string) => T {
  return memo(fn, limit, (s) => s.length <= MAX_KEPT_LENGTH);
}

/** {@link memoByText} for a pure function of one number (`excelNumber`): every number is kept, `limit` at most. */
export function memoByNumber<T>(fn: (n: number) => T, limit = 4096): (n: number) => T {
  return memo(fn, limit, () => true);
}

function memo<K, T>(fn: (k: K) => T, limit: number, keep: (k: K) => boolean): (k: K) => T {
  const cache = new Map<K, T>();
  return (k: K): T => {
    if (!keep(k)) return fn(k);
    const hit = cache.get(k);
    if (hit !== undefined || cache.has(k)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const v = fn(k);
    cache.set(k, v);
    return v;
  };
}
