// What a request body is for, read from where it is sent: some bodies carry roles or states
// because setting or matching them is the whole point of the call.

import type { Analysis } from './analyse.js';
import { cachedPer } from './cache.js';
import { compact, leadingWords, literalSegments, words } from './names.js';
import type { Operation } from './operations.js';

/** The last word of the last literal segment, plural folded (`/users` → `user`, `/ConnectApps` → `app`). */
export function lastSegmentWord(pathKey: string): string | undefined {
  const segments = literalSegments(pathKey);
  const list = segments.length > 0 ? words(segments[segments.length - 1]) : [];
  const last = list[list.length - 1];
  return last !== undefined && last.length > 3 && last.endsWith('s') ? last.slice(0, -1) : last;
}

/**
 * Whether the last literal segment of the path is one of `names` (compacted, as written or as a
 * plain plural): a body sent to `/users/{id}/roles` or `/orgs/{org}/members/{user}` assigns
 * what the segment names.
 */
export function lastSegmentNamed(pathKey: string, names: ReadonlySet<string>): boolean {
  const segments = literalSegments(pathKey);
  const last = segments.length > 0 ? compact(segments[segments.length - 1]) : '';
  return last.length > 0 && (names.has(last) || (last.endsWith('s') && names.has(last.slice(0, -1))));
}

/**
 * Whether the operation searches or filters: the last word of its last literal segment is a
 * search word (`/search`, `/users/_search`, `/items:query`, `/reports/filter`), or its
 * operationId or summary starts with one (`searchUsers`, "List orders by filter"). A body
 * that holds criteria matches states and roles; it sets none.
 */
export function isSearch(operation: Operation, searchWords: ReadonlySet<string>): boolean {
  const segments = literalSegments(operation.pathKey);
  const last = segments.length > 0 ? words(segments[segments.length - 1]) : [];
  if (last.length > 0 && searchWords.has(last[last.length - 1])) return true;
  return [operation.node.operationId, operation.node.summary].some(text => {
    const first = leadingWords(text)[0];
    return first !== undefined && searchWords.has(first);
  });
}

/** Path keys with parameters written alike, so `/pods/{name}` and `/pods/{podName}` compare equal. */
function shapeKey(pathKey: string): string {
  return pathKey
    .split('/')
    .filter(s => s.length > 0)
    .map(s => (s.startsWith('{') ? '{}' : s))
    .join('/');
}

/** The paths, as shape keys, that have a `/status` path below them. */
const statusParents = cachedPer<Analysis, ReadonlySet<string>>(analysis => {
  const out = new Set<string>();
  for (const candidate of analysis.operations) {
    const key = shapeKey(candidate.pathKey);
    if (key.endsWith('/status')) out.add(key.slice(0, -'/status'.length));
  }
  return out;
});

/**
 * Whether the operation writes the `status` sub-resource, or the resource it writes has one in the description
 * (`/deployments/{name}/status` for `PUT /deployments/{name}` or `POST /deployments`): its
 * status is written there, by the controllers that own it, and the main resource's `status`
 * is ignored on writes by design (the Kubernetes convention).
 */
export function hasStatusSubresource(analysis: Analysis, operation: Operation): boolean {
  const parents = statusParents(analysis);
  const key = shapeKey(operation.pathKey);
  // The sub-resource's own writes set the status by purpose.
  return key.endsWith('/status') || parents.has(key) || parents.has(`${key}/{}`);
}
