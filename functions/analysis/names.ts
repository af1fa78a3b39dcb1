// Name matching on words, so `userId`, `user_id` and `user-id` compare alike
// and `paid` never matches `id`.

import { perList } from './cache.js';

/** Names repeat across a document (every `id`, every `name`): split each once. */
const memo = new Map<string, readonly string[]>();
const MEMO_LIMIT = 100_000;

/** Splits an identifier into lower-case words at camelCase humps, digits and separators. */
export function words(name: string): readonly string[] {
  if (typeof name !== 'string' || name.length === 0) return [];
  const known = memo.get(name);
  if (known !== undefined) return known;
  const result = Object.freeze(split(name));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(name, result);
  return result;
}

function split(name: string): string[] {
  // Bounded input keeps the regular expressions below linear in practice too.
  const text = name.length > 256 ? name.slice(0, 256) : name;
  return text
    // A plural acronym is one word (`userIDs`, `APIs`): its `s` joins the capitals before the split below.
    .replace(/(?<![A-Z])([A-Z]{2,})s(?![a-z])/g, '$1S')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(word => word.length > 0)
    .map(word => word.toLowerCase());
}

/** The words of an operationId or summary; GitHub-style ids (`users/get-authenticated`) by the part after the last `/`. */
export function leadingWords(text: unknown): readonly string[] {
  if (typeof text !== 'string') return [];
  return words(text.slice(text.lastIndexOf('/') + 1, 200));
}

/** The name with case and separators folded away: `X-Api-Key` and `x_api_key` both give `xapikey`. */
export function compact(name: string): string {
  return words(name).join('');
}

/** A set of compacted names, for options given as human-written names. */
export const compactSet: (names: readonly string[]) => ReadonlySet<string> = perList(names =>
  new Set(names.filter(n => typeof n === 'string').map(compact).filter(n => n.length > 0)),
);

/** The literal segments of a path template, parameters left out (`/users/{id}/orders` → users, orders). */
export function literalSegments(pathKey: string): string[] {
  return pathKey.split('/').filter(segment => segment.length > 0 && !segment.startsWith('{'));
}
