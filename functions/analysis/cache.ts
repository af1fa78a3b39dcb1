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

/**
 * A value built from an option list (a dictionary, a set of compacted names), once per list:
 * the rule table hands every call of a rule the same arrays, and a rule given per path item is
 * called once per path item, tens of thousands of times on a large description. Anything but an
 * array is built afresh each time. The lists are never mutated after the ruleset is loaded.
 */
export function perList<T>(build: (list: readonly string[]) => T): (list: readonly string[]) => T {
  const cache = new WeakMap<readonly string[], T>();
  return list => {
    if (!Array.isArray(list)) return build(list);
    if (cache.has(list)) return cache.get(list) as T;
    const value = build(list);
    cache.set(list, value);
    return value;
  };
}

const listText = perList(list => JSON.stringify(list));

/**
 * The cache key of some fields of a rule's options: their JSON text, so equal lists of different
 * rules share a result. Built once per options object (a rule judges all its targets with one)
 * and returned as the same string, whose hash a Map lookup then does not recompute: these keys
 * can be kilobytes of word lists, looked up once per operation.
 */
export function optionsKey<O extends object>(fields: ReadonlyArray<keyof O>): (options: O) => string {
  return cachedPer<O, string>(options => {
    const values = fields.map(field => options[field]);
    return `[${values.map(value => (Array.isArray(value) ? listText(value) : (JSON.stringify(value) ?? 'null'))).join(',')}]`;
  });
}
