import type { Analysis } from './index.js';

/**
 * A cache for a result several rules (or several calls of one rule) share on one document,
 * keyed by the options that shape it. Held weakly by the analysis, so it lives exactly as long
 * as the parsed document does.
 */
export function perDocument<T>(): (analysis: Analysis, key: string, build: () => T) => T {
  const cache = new WeakMap<Analysis, Map<string, T>>();
  return (analysis, key, build) => {
    let byKey = cache.get(analysis);
    if (!byKey) cache.set(analysis, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, build());
    return byKey.get(key) as T;
  };
}
