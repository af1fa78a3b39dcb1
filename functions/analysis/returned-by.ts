// Which operations return a property: the schema walk read backwards. Some data is fine in one
// operation's response and not in another's (staff notes in an admin console's, not in a
// customer's), and the schema graph knows only classes of operations. Built on first use, once
// per document: the walk from every success response visits each schema once, and each question
// walks up from one property to the operations above it.

import type { Analysis } from './analyse.js';
import { cachedPer } from './cache.js';
import { deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import type { Operation } from './operations.js';
import { allOfMembers, isSuccessStatus, pushSubschemas, type Members } from './schema.js';

interface ReturnIndex {
  /** Each schema reached to the schemas it is a property, item, member or alternative of. */
  parents: Map<JsonObject, Set<JsonObject>>;
  /** The schemas a response starts at, to the operations whose responses they are. */
  roots: Map<JsonObject, Operation[]>;
  /** A property declaration (`JSON.stringify` of its path) to the schemas that have it among their members' properties. */
  declaredIn: Map<string, Set<JsonObject>>;
  /** Operations by the order they are written in. */
  order: Map<Operation, number>;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** `writeOnly` on the property as written or on any member of its value: the server never returns it. */
function writeOnly(root: unknown, raw: JsonObject, value: Located, cache: Map<JsonObject, Members>): boolean {
  if (raw.writeOnly === true) return true;
  return isObject(value.node) && allOfMembers(root, value as Located<JsonObject>, cache).some(m => m.node.writeOnly === true);
}

function build(analysis: Analysis): ReturnIndex {
  const { root } = analysis;
  const parents = new Map<JsonObject, Set<JsonObject>>();
  const roots = new Map<JsonObject, Operation[]>();
  const declaredIn = new Map<string, Set<JsonObject>>();
  const cache = new Map<JsonObject, Members>();
  const visited = new Set<JsonObject>();
  const stack: Located[] = [];

  for (const operation of analysis.operations) {
    // What the API sends: success responses, and the payloads of the 3.1 webhooks it calls.
    const sent = operation.container === 'paths' ? operation.responses.filter(r => isSuccessStatus(r.status)).flatMap(r => r.schemas) : operation.requestSchemas;
    for (const schema of sent) {
      if (!isObject(schema.node)) continue;
      const list = roots.get(schema.node);
      if (list) {
        if (!list.includes(operation)) list.push(operation);
      } else roots.set(schema.node, [operation]);
      stack.push(schema);
    }
  }

  while (stack.length > 0) {
    const at = stack.pop()!;
    if (!isObject(at.node) || visited.has(at.node)) continue;
    const node = at.node;
    visited.add(node);
    const members = allOfMembers(root, at as Located<JsonObject>, cache);
    // A property write-only in one `allOf` member is write-only in the merged schema.
    const hidden = new Set<string>();
    if (members.length > 1) for (const member of members) for (const [name, raw] of entries(member.node.properties)) if (isObject(raw) && raw.writeOnly === true) hidden.add(name);
    const below: Located[] = [];
    for (const member of members) {
      for (const [name, raw] of entries(member.node.properties)) {
        if (!isObject(raw) || hidden.has(name)) continue;
        const declaration = [...member.path, 'properties', name];
        const value = deref(root, raw, declaration);
        if (writeOnly(root, raw, value, cache)) continue;
        addTo(declaredIn, JSON.stringify(declaration), node);
        below.push(value);
      }
      pushSubschemas(root, member, below);
    }
    for (const child of below) {
      if (!isObject(child.node)) continue;
      addTo(parents, child.node, node);
      stack.push(child);
    }
  }
  return { parents, roots, declaredIn, order: new Map(analysis.operations.map((operation, i) => [operation, i])) };
}

const returnIndex = cachedPer<Analysis, ReturnIndex>(build);

/** Schemas walked up from one property: a bound for hostile documents. */
const MAX_ANCESTORS = 100_000;

/**
 * The operations whose success responses (or, for 3.1 webhooks, whose payloads) return the
 * property declared at `declaration` (`<schema>.properties.<name>`), at any depth, through
 * `$ref`s, `allOf` members, items and alternatives; in the order the operations are written.
 * Empty for a property only requests, error responses or `writeOnly` reach.
 */
export function operationsReturning(analysis: Analysis, declaration: JsonPath): Operation[] {
  const index = returnIndex(analysis);
  const start = index.declaredIn.get(JSON.stringify(declaration));
  if (!start) return [];
  const found = new Set<Operation>();
  const seen = new Set<JsonObject>(start);
  const queue = [...start];
  for (let i = 0; i < queue.length && seen.size <= MAX_ANCESTORS; i++) {
    const node = queue[i];
    for (const operation of index.roots.get(node) ?? []) found.add(operation);
    for (const parent of index.parents.get(node) ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      queue.push(parent);
    }
  }
  return [...found].sort((a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0));
}
