// Many findings of one rule under one huge map or list, reported once. Spectral locates every result
// in the source by scanning, at each step of its path, the keys of the map (or the items of the list)
// it passes through, so N results under a map of N entries cost N² steps: 50,000 path items with
// integer ids took over 120 s where the document alone takes 40 s. Past these sizes the gap is one
// design decision repeated, and one finding with the count (as the 429 rules already give) is both
// cheaper and more useful than 50,000.

import { cachedPer, type JsonPath } from '../analysis/index.js';
import { MAX_QUOTED_URL, safeMessage, shown } from './message.js';

/** A map or list with more entries than this is large enough for Spectral's lookups to matter. */
export const LARGE_CONTAINER = 1_000;
/**
 * Findings of one rule under one large map or list are reported once, with the count, when their
 * number times the map's entries exceeds this: about the steps Spectral would take to locate them
 * (a second or two). 2,000 findings under a map of 2,000 entries stay one by one; 1,000 under
 * 20,001, or 20,000 under 20,000, do not.
 */
export const LOOKUP_BUDGET = 20_000_000;

export interface Reported {
  message: string;
  path: JsonPath;
}

/** Entries per map, per document: every rule's summary walks the same large maps (Spectral's key-ordering proxies, slow to list). */
const sizesPerRoot = cachedPer<object, Map<object, number>>(() => new Map());

function size(node: object, sizes: Map<object, number>): number {
  if (Array.isArray(node)) return node.length;
  let known = sizes.get(node);
  if (known === undefined) sizes.set(node, (known = Object.keys(node).length));
  return known;
}

/** The largest map or list on `path` (the outermost of equals): how many segments lead to it, and its entries; undefined when none is large. */
function largestContainer(root: unknown, path: JsonPath, sizes: Map<object, number>): { depth: number; entries: number } | undefined {
  let node: unknown = root;
  let largest: { depth: number; entries: number } | undefined;
  for (let depth = 0; depth < path.length; depth++) {
    if (typeof node !== 'object' || node === null) break;
    const entries = size(node, sizes);
    if (entries > LARGE_CONTAINER && entries > (largest?.entries ?? 0)) largest = { depth, entries };
    const segment = path[depth];
    node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return largest;
}

function where(path: JsonPath): string {
  return path.length === 0 ? 'the document root' : `\`${shown(path.join('.'), MAX_QUOTED_URL)}\``;
}

/**
 * The findings of one rule in one lint run, with the findings under each large map or list (the
 * largest on their path) replaced by one finding on that map or list, which gives the count and the
 * first of them, when locating them one by one would cost Spectral more than LOOKUP_BUDGET steps.
 */
export function summariseLargeGroups(results: Reported[], root: unknown): Reported[] {
  if (results.length < 2) return results;
  const sizes = typeof root === 'object' && root !== null ? sizesPerRoot(root) : new Map<object, number>();
  const groups = new Map<string, { at: JsonPath; entries: number; members: Reported[] }>();
  const keyed: Array<string | undefined> = results.map(result => {
    const largest = largestContainer(root, result.path, sizes);
    if (!largest) return undefined;
    const at = result.path.slice(0, largest.depth);
    const key = at.join('\u0001');
    const group = groups.get(key);
    if (group) group.members.push(result);
    else groups.set(key, { at, entries: largest.entries, members: [result] });
    return key;
  });
  const summarised = new Set([...groups].filter(([, group]) => group.members.length > 1 && group.members.length * group.entries > LOOKUP_BUDGET).map(([key]) => key));
  if (summarised.size === 0) return results;
  const out: Reported[] = [];
  const emitted = new Set<string>();
  results.forEach((result, index) => {
    const key = keyed[index];
    if (key === undefined || !summarised.has(key)) {
      out.push(result);
      return;
    }
    if (emitted.has(key)) return;
    emitted.add(key);
    const { at, members } = groups.get(key)!;
    const first = members[0];
    out.push({
      path: at,
      message: safeMessage(
        `${members.length.toLocaleString('en-US')} places under ${where(at)} have this gap, reported once here (one finding each would slow every lint run). ` +
        `Fix it where it is decided (a shared component, a generator, a convention). The first, at ${where(first.path)}: ${first.message}`,
      ),
    });
  });
  return out;
}
