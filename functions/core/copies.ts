// One finding for a flaw written again in every inline copy of a parameter. A team that pasted the
// same `dryRun` query parameter into 533 operations made one decision, and fixing it (or moving it
// to a shared component) is one change: 533 findings bury every other one.

import { inlineCopyAt, type Analysis, type InlineCopy, type JsonPath } from '../analysis/index.js';
import { MAX_PATH_KEY, quote, safeMessage, shown } from './message.js';
import type { Reported } from './summary.js';

function where(copy: InlineCopy): string {
  const pathKey = shown(copy.operation.pathKey, MAX_PATH_KEY);
  return copy.pathLevel ? `the path item ${pathKey}` : `${copy.operation.method.toUpperCase()} ${pathKey}`;
}

/**
 * The message of the finding that stands for `copies` (the first of them, then `other` among the
 * rest). Copies on the methods of one path are fixed in its path item's `parameters`; copies
 * across paths by a shared component.
 */
export function copiesMessage(message: string, copies: readonly InlineCopy[], other: InlineCopy): string {
  const stop = /[.!?]$/.test(message) ? '' : '.';
  const onePath = copies.every(copy => copy.operation.pathKey === other.operation.pathKey);
  const fix = onePath ? "declare it once in the path item's `parameters`" : 'define it once and `$ref` it';
  return safeMessage(
    `${message}${stop} Reported once for ${copies.length} inline copies of ${other.location} parameter ${quote(other.name)} (same name, location and schema; another is in ${where(other)}): ${fix}, so one fix covers them all.`,
  );
}

interface Member {
  index: number;
  copy: InlineCopy;
}

/**
 * The findings of one rule, with those that recur, with the same message, at the same place in
 * every inline copy of one parameter definition replaced by one: at the first copy in document
 * order, with the count and another copy. Findings elsewhere are kept as they are, in order.
 */
export function mergeInlineCopies(results: Reported[], analysis: Analysis): Reported[] {
  if (results.length < 2) return results;
  const buckets = new Map<string, Member[]>();
  const bucketOf: Array<string | undefined> = [];
  results.forEach((result, index) => {
    const copy = inlineCopyAt(analysis, result.path);
    if (!copy) return;
    // The same finding in another copy: same definition, same place below the parameter, same words.
    const below: JsonPath = result.path.slice(copy.path.length);
    const key = `${copy.group}\u0000${below.join('\u0001')}\u0000${result.message}`;
    bucketOf[index] = key;
    const bucket = buckets.get(key);
    if (bucket) bucket.push({ index, copy });
    else buckets.set(key, [{ index, copy }]);
  });
  if (buckets.size === 0) return results;
  const out: Reported[] = [];
  const done = new Set<string>();
  results.forEach((result, index) => {
    const key = bucketOf[index];
    const bucket = key === undefined ? undefined : buckets.get(key);
    if (!bucket || bucket.length < 2) {
      out.push(result);
      return;
    }
    if (done.has(key!)) return;
    done.add(key!);
    const [first, other] = [...bucket].sort((a, b) => a.copy.order - b.copy.order);
    const kept = results[first.index];
    out.push({ message: copiesMessage(kept.message, bucket.map(member => member.copy), other.copy), path: kept.path });
  });
  return out;
}
