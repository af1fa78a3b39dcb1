// Defensive primitives over untrusted, parsed JSON/YAML: nothing here throws.

export type JsonPath = Array<string | number>;
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Own, enumerable entries of an object; empty for anything else (arrays included). */
export function entries(value: unknown): Array<[string, unknown]> {
  return isObject(value) ? Object.entries(value) : [];
}

export function has(value: unknown, key: string): boolean {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, key);
}

function decodePointerSegment(segment: string): string {
  if (!segment.includes('%') && !segment.includes('~')) return segment;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape is kept literally rather than failing the whole analysis.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Parsed references, shared by every document: a description repeats the same few thousand
 * `$ref` strings many times over. Frozen, since callers keep them as paths. Cleared when full,
 * so a hostile document with millions of distinct references cannot grow it without bound.
 */
const parsedRefs = new Map<string, readonly (string | number)[] | undefined>();
const MAX_PARSED_REFS = 50_000;

/** Parses a local reference ("#/a/b") into path segments; undefined for external or malformed ones. */
export function parseLocalRef(ref: unknown): JsonPath | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  if (parsedRefs.has(ref)) return parsedRefs.get(ref) as JsonPath | undefined;
  const pointer = ref.slice(1);
  const parsed = pointer === '' ? [] : pointer.startsWith('/') ? pointer.slice(1).split('/').map(decodePointerSegment) : undefined;
  if (parsedRefs.size >= MAX_PARSED_REFS) parsedRefs.clear();
  parsedRefs.set(ref, parsed && Object.freeze(parsed));
  return parsed;
}

export function getAt(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (Array.isArray(node) && typeof segment === 'string' && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

export interface Located<T = unknown> {
  /** The node after following local `$ref`s. */
  node: T;
  /** Where that node is written in the document, so findings land on the definition, not the reference. */
  path: JsonPath;
}

const MAX_REF_HOPS = 64;

/**
 * YAML alias copies by document root (see aliases.ts), registered by the analysis before it reads
 * the document, so `deref` follows an alias as it follows a `$ref`. `anyAliases` keeps the lookup
 * off the path of the many documents without any.
 */
const aliasesByRoot = new WeakMap<object, ReadonlyMap<object, Located<object>>>();
let anyAliases = false;

export function registerAliases(root: object, copies: ReadonlyMap<object, Located<object>>): void {
  if (copies.size === 0) return;
  aliasesByRoot.set(root, copies);
  anyAliases = true;
}

/** The value an alias copy stands for, where its anchor is written; the node itself otherwise. */
export function canonical(root: unknown, node: unknown, path: JsonPath): Located {
  if (!anyAliases || typeof node !== 'object' || node === null || typeof root !== 'object' || root === null) return { node, path };
  return aliasesByRoot.get(root)?.get(node) ?? { node, path };
}

/**
 * Follows a chain of local `$ref`s (and YAML aliases) from `node` (written at `path`). Cycles and
 * dangling or external references stop the walk at the last node reached.
 */
export function deref(root: unknown, node: unknown, path: JsonPath): Located {
  let current: Located = canonical(root, node, path);
  if (!isObject(current.node) || typeof current.node.$ref !== 'string') return current;
  const seen = new Set<unknown>();
  for (let hop = 0; hop < MAX_REF_HOPS && isObject(current.node) && typeof current.node.$ref === 'string'; hop++) {
    if (seen.has(current.node)) break;
    seen.add(current.node);
    const target = parseLocalRef(current.node.$ref);
    if (target === undefined) break;
    const resolved = getAt(root, target);
    if (resolved === undefined) break;
    current = canonical(root, resolved, target);
  }
  return current;
}

/** True when the node is a `$ref` that could not be followed (external, dangling or cyclic). */
export function isUnresolvedRef(node: unknown): boolean {
  return isObject(node) && typeof node.$ref === 'string';
}
