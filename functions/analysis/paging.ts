// Page sizes: which query parameters set how many items a collection read returns, and which
// response arrays they bound. Shared by the pagination rule and the unbounded-value rules, so the
// two never judge one parameter or one array twice.

import type { Analysis } from './analyse.js';
import { hasAny, hasUpperBound } from './bounds.js';
import { deref, entries, isObject, type JsonObject, type Located } from './json.js';
import { compact } from './names.js';
import type { Operation, Parameter } from './operations.js';
import { allOfMembers, isSuccessStatus, membersAt, typeOwner, typesOf, type Members } from './schema.js';

export interface PageSize {
  parameter: Parameter;
  members: Members;
}

/**
 * Numeric query parameters named like a page size (compared compacted: `page_size` = `pageSize`);
 * `count=true` style flags are not page sizes. `names` are compacted names.
 */
export function pageSizeParameters(root: unknown, operation: Operation, names: ReadonlySet<string>): PageSize[] {
  const out: PageSize[] = [];
  // `GET /avatars/{id}?size=64` reads one object: `size`, `first` or `top` there are not page sizes.
  if (/\}\/?$/.test(operation.pathKey)) return out;
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' || !names.has(compact(parameter.name))) continue;
    const members = membersAt(root, parameter.schema);
    const types = typesOf(members);
    if (types.has('integer') || types.has('number')) out.push({ parameter, members });
  }
  return out;
}

/** The array a 2xx response of the operation returns at its top level without a `maxItems`, where its type is written. */
export function unboundedTopLevelArray(root: unknown, operation: Operation): Located<JsonObject> | undefined {
  for (const response of operation.responses) {
    if (!isSuccessStatus(response.status)) continue;
    for (const schema of response.schemas) {
      const members = membersAt(root, deref(root, schema.node, schema.path));
      if (typesOf(members).has('array') && !hasAny(members, ['maxItems'])) return typeOwner(members);
    }
  }
  return undefined;
}

/**
 * Response arrays whose length a page-size parameter with a `maximum` bounds: the body of a
 * collection GET that returns a bare array, or an array property of its envelope
 * (`{ data: [...], next: ... }`). An array that some other collection GET returns without a
 * bounded page size is not in the set.
 */
export function pagedArrays(analysis: Analysis, names: ReadonlySet<string>): Set<JsonObject> {
  const root = analysis.root;
  const bounded = new Set<JsonObject>();
  const unbounded = new Set<JsonObject>();
  for (const operation of analysis.operations) {
    if (operation.method !== 'get' || operation.container !== 'paths') continue;
    const pageSizes = pageSizeParameters(root, operation, names);
    const into = pageSizes.length > 0 && pageSizes.every(p => hasUpperBound(p.members)) ? bounded : unbounded;
    for (const response of operation.responses) {
      if (!isSuccessStatus(response.status)) continue;
      for (const schema of response.schemas) {
        if (!isObject(schema.node)) continue;
        const members = allOfMembers(root, schema as Located<JsonObject>);
        if (typesOf(members).has('array')) {
          into.add(schema.node);
          continue;
        }
        for (const member of members) {
          for (const [name, raw] of entries(member.node.properties)) {
            const value = deref(root, raw, [...member.path, 'properties', name]);
            if (typesOf(membersAt(root, value)).has('array')) into.add(value.node as JsonObject);
          }
        }
      }
    }
  }
  for (const node of unbounded) bounded.delete(node);
  return bounded;
}
