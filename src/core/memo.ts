/** Texts longer than this are not kept: the cache then holds at most about a megabyte of keys. */
const MAX_KEPT_LENGTH = 128;

/**
 * A pure function of one string with its answers kept: a pile of forms repeats the same labels and values on every
 * sheet. The cache is emptied when it reaches `limit` entries and skips long texts, so a sheet of distinct or huge
 * texts cannot grow it without end. Only for functions whose answer no caller mutates.
 */
export function memoByText<T>(fn: (s: string) => T, limit = 4096): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    if (s.length > MAX_KEPT_LENGTH) return fn(s);
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const v = fn(s);
    cache.set(s, v);
    return v;
  };
}
