// Parameters written inline, again and again, with the same definition: Kubernetes repeats its
// `dryRun` and `fieldValidation` query parameters on hundreds of operations. Each copy is one
// design decision written many times, so a finding about one copy is reported once per document
// (at the first copy, with the count) instead of once per copy.

import type { Analysis } from './analyse.js';
import { canonicalPath } from './aliases.js';
import { cachedPer } from './cache.js';
import { isObject, type JsonObject, type JsonPath } from './json.js';
import type { Operation } from './operations.js';

/** One inline parameter that has identical copies elsewhere in the document. */
export interface InlineCopy {
  /** The same number for every copy of one definition. */
  group: number;
  /** Position in document order among all inline parameters: the lowest is the first copy. */
  order: number;
  /** Where the parameter is written. */
  path: JsonPath;
  /** Where it is used, for messages: the operation, or the path item for a path-level parameter. */
  operation: Operation;
  pathLevel: boolean;
  /** The parameter's name and lower-cased location, for messages. */
  name: string;
  location: string;
}

/**
 * What does not change what a parameter accepts: prose and examples. Two copies that differ only
 * there are the same definition (Kubernetes' `name` path parameters differ only in their
 * description: "name of the Pod", "name of the Service").
 */
const SCHEMA_ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'deprecated', '$comment']);
/** A parameter's own prose, and whether it is required: neither changes what a value may be. */
const PARAMETER_ANNOTATIONS = new Set([...SCHEMA_ANNOTATIONS, 'summary', 'required']);

/** Bounds of the structural comparison: a definition larger than this is compared with nothing. */
const MAX_KEY_LENGTH = 20_000;
const MAX_DEPTH = 32;

/**
 * A text that is equal for structurally equal JSON values (keys sorted), or undefined for a value
 * too large, too deep or cyclic (a YAML alias of an ancestor) to compare.
 */
function structuralKey(value: unknown, skip: ReadonlySet<string> | undefined, budget: { left: number }, depth: number, stack: Set<object>): string | undefined {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) ?? 'undefined';
    budget.left -= text.length;
    return budget.left < 0 ? undefined : text;
  }
  if (depth > MAX_DEPTH || stack.has(value)) return undefined;
  stack.add(value);
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = structuralKey(item, undefined, budget, depth + 1, stack);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    stack.delete(value);
    return `[${parts.join(',')}]`;
  }
  for (const key of Object.keys(value).sort()) {
    if (skip?.has(key)) continue;
    // The schema of a 3.x parameter: its own prose does not change what it accepts either.
    const part = structuralKey((value as JsonObject)[key], key === 'schema' && skip ? SCHEMA_ANNOTATIONS : undefined, budget, depth + 1, stack);
    if (part === undefined) return undefined;
    budget.left -= key.length + 3;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  stack.delete(value);
  return budget.left < 0 ? undefined : `{${parts.join(',')}}`;
}

/** The definition's identity: name, location and what it accepts, prose left out. */
export function parameterKey(node: JsonObject): string | undefined {
  return structuralKey(node, PARAMETER_ANNOTATIONS, { left: MAX_KEY_LENGTH }, 0, new Set());
}

/** Whether a parameter is written in the path item or operation itself, not reached through a `$ref`. */
function writtenInline(operation: Operation, path: JsonPath): boolean {
  if (path.length < 2) return false;
  const under = (prefix: JsonPath) => prefix.length + 2 === path.length && prefix.every((segment, i) => path[i] === segment) && path[prefix.length] === 'parameters';
  return under(operation.pathItemPath) || under(operation.path);
}

const pathKey = (path: JsonPath) => path.join('\u0001');

/**
 * Every inline parameter (in a path item or an operation, not a component) that has at least one
 * identical copy elsewhere, by where it is written (`pathKeyOf(path)`). A parameter shared by the
 * operations of one path item, or repeated through a YAML alias, is one definition, not a copy.
 */
export const inlineParameterCopies = cachedPer<Analysis, Map<string, InlineCopy>>(analysis => {
  const groups = new Map<string, InlineCopy[]>();
  const seen = new Set<JsonObject>();
  let order = 0;
  // Document order: the analysis lists each path item's operations by method, not as written.
  const pathIndex = new Map<string, number>();
  const position = (operation: Operation): [number, number] => {
    if (!pathIndex.has(operation.pathKey)) pathIndex.set(operation.pathKey, pathIndex.size);
    return [pathIndex.get(operation.pathKey)!, isObject(operation.pathItem) ? Object.keys(operation.pathItem).indexOf(operation.method) : 0];
  };
  const written = [...analysis.operations].map((operation, index) => ({ operation, index, at: position(operation) }));
  written.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index);
  for (const { operation } of written) {
    for (const parameter of operation.parameters) {
      if (seen.has(parameter.node) || !isObject(parameter.node)) continue;
      seen.add(parameter.node);
      if (!writtenInline(operation, parameter.path)) continue;
      const key = parameterKey(parameter.node);
      if (key === undefined) continue;
      const path = canonicalPath(analysis.aliases, analysis.root, parameter.path);
      const pathLevel = parameter.path.length === operation.pathItemPath.length + 2;
      const copy: InlineCopy = { group: 0, order: order++, path, operation, pathLevel, name: parameter.name, location: parameter.in };
      const list = groups.get(key);
      if (list) list.push(copy);
      else groups.set(key, [copy]);
    }
  }
  const out = new Map<string, InlineCopy>();
  let group = 0;
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    group++;
    for (const copy of list) out.set(pathKey(copy.path), { ...copy, group });
  }
  return out;
});

/** The inline parameter a path lies in (the parameter itself, its schema, anything below), if it has copies. */
export function inlineCopyAt(analysis: Analysis, path: JsonPath): InlineCopy | undefined {
  if (path.length < 4 || (path[0] !== 'paths' && path[0] !== 'webhooks')) return undefined;
  // `paths/<key>/parameters/<i>` (path item) or `paths/<key>/<method>/parameters/<i>` (operation).
  const length = path[2] === 'parameters' ? 4 : path[3] === 'parameters' ? 5 : 0;
  if (length === 0 || path.length < length) return undefined;
  const copies = inlineParameterCopies(analysis);
  return copies.size === 0 ? undefined : copies.get(pathKey(path.slice(0, length)));
}
