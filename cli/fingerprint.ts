// A finding's identity across runs, for baselines and code-scanning alerts (SARIF partialFingerprints).
// Built from what the finding is about, never from where it is printed: the rule, the JSON path and
// the message's subject. Lines and columns are left out, so moving or reindenting the YAML (or
// converting it to the same content in JSON) keeps every fingerprint; list items are named by what
// they are (a parameter's name, a server's URL) rather than their position, so inserting one keeps
// the others'; two identical findings on different paths still differ through the path.
import { createHash } from 'node:crypto';

/** Numbers vary without the finding changing ("3 operation(s)" becomes 4; "line 12" moves): masked. */
export function normalizeMessage(message: string): string {
  return String(message)
    .replace(/\b(?:lines?|col(?:umn)?s?)\s*[:#]?\s*\d+(?:\s*[:,-]\s*\d+)*/gi, 'line #')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

const own = (node: unknown, key: string | number): unknown =>
  typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key as string] : undefined;

/** Keys that name a list item in OpenAPI: a `$ref`, a parameter's name and place, a server's URL, a tag's name. */
const IDENTITIES: ReadonlyArray<readonly string[]> = [['$ref'], ['name', 'in'], ['name'], ['url']];

/**
 * A list item's identity instead of its index, so inserting a server or a parameter before another
 * does not renumber the other's findings: the item's naming keys, the schemes a security requirement
 * names, a scalar's value; the index when nothing names the item.
 */
function itemKey(item: unknown, index: number): string {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return `=${JSON.stringify(item)}`;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return `#${index}`;
  const fields = item as Record<string, unknown>;
  for (const keys of IDENTITIES) {
    if (keys.every(key => typeof own(fields, key) === 'string')) return `{${keys.map(key => `${key}=${String(fields[key])}`).join(',')}}`;
  }
  const names = Object.keys(fields);
  if (names.length > 0 && names.every(name => Array.isArray(fields[name]))) return `{${names.sort().join('&')}}`;
  return `#${index}`;
}

/** The path with each list index replaced by the item's identity where the document names one. */
export function stablePath(path: ReadonlyArray<string | number>, data?: unknown): string[] {
  let node: unknown = data;
  return path.map(segment => {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : undefined;
    const key = Array.isArray(node) && index !== undefined ? itemKey(node[index], index) : String(segment);
    node = own(node, segment);
    return key;
  });
}

/**
 * sha256 (hex, first 32 characters) of rule id, JSON path and normalized message. With the parsed
 * document, list indices in the path are replaced by the items' identities (stablePath).
 */
export function fingerprint(rule: string, path: ReadonlyArray<string | number>, message: string, data?: unknown): string {
  // JSON.stringify keeps `["a.b"]` and `["a","b"]` apart, which a dotted join would not.
  const subject = JSON.stringify([String(rule), stablePath(path, data), normalizeMessage(message)]);
  return createHash('sha256').update(subject).digest('hex').slice(0, 32);
}
