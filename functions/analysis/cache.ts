/**
 * The one way this package caches: a value per object (the parsed document, or its analysis),
 * built on first use and held weakly, so it lives exactly as long as that object does. Every
 * rule of a lint run, and every call of one rule, shares it. `input` is what the first build
 * reads besides the key (later calls' inputs are ignored).
 */
export function cachedPer<K extends object, T, A = undefined>(build: (key: K, input?: A) => T): (key: K, input?: A) => T {
  const cache = new WeakMap<K, T>();
  return (key, input) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = build(key, input);
    cache.set(key, value);
    return value;
  };
}

/**
 * A result several rules share on one document that also depends on options (a word list, a
 * direction): one value per object and options key.
 */
export function perDocument<T>(): (owner: object, key: string, build: () => T) => T {
  const byOwner = cachedPer<object, Map<string, T>>(() => new Map());
  return (owner, key, build) => {
    const byKey = byOwner(owner);
    if (!byKey.has(key)) byKey.set(key, build());
    return byKey.get(key) as T;
  };
}
