/**
 * Counts the host's calls into the WPS object model: every property get or set and every method call on
 * `Application` and on whatever it hands out crosses into the WPS process, so the count is the cost of a check.
 * The same count comes out in WPS and in the emulator (whose own count the tests compare with it).
 */
export interface CallCounter {
  calls: number;
}

const targets = new WeakMap<object, object>();

function unwrap(v: unknown): unknown {
  return typeof v === 'object' && v !== null ? (targets.get(v) ?? v) : v;
}

function wrap(v: unknown, c: CallCounter): unknown {
  // arrays are data (Value2, Formula), not objects of the model
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  return counted(v, c);
}

/** `obj` seen through a proxy that adds one to `c.calls` per get, set and method call, down the object graph. */
export function counted<T extends object>(obj: T, c: CallCounter): T {
  const p = new Proxy(obj, {
    get(t, key) {
      const v: unknown = Reflect.get(t, key, t);
      // symbols and `then` are asked by the JS runtime (promises, inspection), not by the host
      if (typeof key === 'symbol' || key === 'then') return v;
      if (typeof v === 'function') {
        return (...args: unknown[]) => {
          c.calls++;
          return wrap((v as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)), c);
        };
      }
      c.calls++;
      return wrap(v, c);
    },
    set(t, key, v) {
      c.calls++;
      return Reflect.set(t, key, unwrap(v), t);
    },
  });
  targets.set(p, obj);
  return p;
}
