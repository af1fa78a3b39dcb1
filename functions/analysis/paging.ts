// Page sizes: which query parameters set how many items a collection read returns, and which
// response arrays they bound. Shared by the pagination rule and the unbounded-value rules, so the
// two never judge one parameter or one array twice.

import type { Analysis } from './analyse.js';
import { hasAny, hasUpperBound } from './bounds.js';
import { cachedPer } from './cache.js';
import { deref, entries, isObject, type JsonObject, type Located } from './json.js';
import { compact, literalSegments, words } from './names.js';
import type { Operation, Parameter } from './operations.js';
import { allOfMembers, isSuccessStatus, membersAt, typeOwner, typesOf, valueTypes, type Members } from './schema.js';

export interface PageSize {
  parameter: Parameter;
  members: Members;
}

/**
 * The path ends with a parameter (`/users/{id}`, Twilio's `/Calls/{Sid}.json`): its GET reads one
 * object, not a collection.
 */
export function readsOneObject(pathKey: string): boolean {
  return /\}(\.[A-Za-z0-9]{1,10})?\/?$/.test(pathKey);
}

/**
 * Numeric query parameters named like a page size (compared compacted: `page_size` = `pageSize`);
 * `count=true` style flags are not page sizes. `names` are compacted names.
 */
export function pageSizeParameters(root: unknown, operation: Operation, names: ReadonlySet<string>): PageSize[] {
  const out: PageSize[] = [];
  // `GET /avatars/{id}?size=64` reads one object: `size`, `first` or `top` there are not page sizes.
  if (readsOneObject(operation.pathKey)) return out;
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

/** The array of items a collection GET returns inside an envelope object, without `maxItems`. */
export interface UnboundedEnvelopeItems {
  /** The envelope property that holds the items, as written. */
  property: string;
  /** The array's schema and its `allOf` members, wherever the property is declared. */
  members: Members;
}

/**
 * The resource a collection path lists, as the words of its last literal segment without a
 * format suffix or a custom method (`/Accounts/{sid}/Calls.json` → calls, `/items:batchGet` → items).
 */
function resourceWords(pathKey: string): readonly string[] {
  const segments = literalSegments(pathKey);
  const last = segments.length > 0 ? segments[segments.length - 1] : '';
  return words(last.split(/[.:]/)[0]);
}

/** A property named for the resource: its last word is the segment's (`workflow_runs` in `/runs`), or its plural (`repos` in `/user/repo`). */
function namesResource(property: string, resource: readonly string[]): boolean {
  const last = resource[resource.length - 1];
  if (last === undefined) return false;
  const own = words(property);
  const word = own[own.length - 1];
  return word === last || word === `${last}s` || word === `${last}es`;
}

/**
 * The properties of an envelope object, each with the members of every declaration of it across
 * the envelope's `allOf` members (a generic page may declare `data: array` and the concrete page
 * its items), in the order first written.
 */
function envelopeProperties(root: unknown, envelope: Members): Map<string, Members> {
  const out = new Map<string, Members>();
  for (const member of envelope) {
    for (const [name, raw] of entries(member.node.properties)) {
      const declared = membersAt(root, deref(root, raw, [...member.path, 'properties', name]));
      const known = out.get(name);
      if (known) known.push(...declared);
      else out.set(name, [...declared]);
    }
  }
  return out;
}

/**
 * Properties that lead to the next page (`next`, `next_cursor`, `has_more`, GraphQL-style
 * `pageInfo`), compacted. An envelope that has one is paginated by the server: each response holds
 * one page, whose size only the undocumented default decides, not the whole collection.
 */
const NEXT_PAGE = new Set(['next', 'nextcursor', 'nextpage', 'nextpagetoken', 'nexttoken', 'nextlink', 'nexturl', 'nextpageurl', 'hasmore', 'hasnextpage', 'pageinfo', 'pagination', 'paging']);
/** Link objects that may hold the next page: `links: { pages: { next } }` (DigitalOcean), `_links: { next }` (HAL). */
const LINK_HOLDERS = new Set(['links', 'link', 'meta']);

function leadsToNextPage(root: unknown, properties: Map<string, Members>, depth = 0): boolean {
  for (const [name, members] of properties) {
    const key = compact(name);
    // Inside links, `pages` is the page links themselves, however its alternatives are written.
    if (NEXT_PAGE.has(key) || (depth > 0 && key === 'pages')) return true;
    if (depth < 2 && LINK_HOLDERS.has(key) && leadsToNextPage(root, envelopeProperties(root, members), depth + 1)) return true;
  }
  return false;
}

/** A property that names the object itself: an object with its own `id` is one resource, not a page of them. */
const IDENTITY = new Set(['id', 'uuid']);

/** A path key with its parameter names and a format suffix dropped: `/Calls/{Sid}.json` → `/Calls/{}`. */
function pathShape(pathKey: string): string {
  return pathKey.replace(/\{[^{}]*\}/g, '{}').replace(/\.[A-Za-z0-9]{1,10}\/?$/, '').replace(/\/$/, '');
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The collections whose items callers add, change or remove: a POST on the collection, or any
 * write on one of its items (`/things/{id}`). What they hold grows with the callers' data; a list
 * nobody writes (a catalogue of sizes or regions, a key set) is the server's, fixed in size.
 */
const writableCollections = cachedPer<Analysis, Set<string>>(analysis => {
  const out = new Set<string>();
  for (const operation of analysis.operations) {
    if (operation.container !== 'paths' || !WRITES.has(operation.method)) continue;
    const shape = pathShape(operation.pathKey);
    if (operation.method === 'post') out.add(shape);
    if (shape.endsWith('/{}')) out.add(shape.slice(0, -3));
  }
  return out;
});

/** Callers add to, change or remove the items of the collection this GET lists. */
export function listsWritableCollection(analysis: Analysis, operation: Operation): boolean {
  return writableCollections(analysis).has(pathShape(operation.pathKey));
}

/**
 * The items array of an envelope a 2xx response of a collection GET returns (`{ data: [...],
 * next: ... }`), when it has no `maxItems`. The items are the array properties named like items
 * (`itemNames`, compacted) or like the resource (`/users` → `users`), or the envelope's only
 * property when it is an array (`{ "droplets": [...] }` on `/v2/nodes`). Other arrays beside the
 * items (`errors`, `links`, `tags`) are not the page. Not envelopes: an object with its own `id`
 * (a resource that holds a list, as a team holds members), an object whose property named like
 * items is not an array (`{ data: { ... } }`), and an object whose only array is one property
 * among others named otherwise (a settings object's `allowed_patterns`). A GET whose path ends
 * with a parameter reads one object and is not judged.
 */
export function unboundedEnvelopeItems(root: unknown, operation: Operation, itemNames: ReadonlySet<string>): UnboundedEnvelopeItems | undefined {
  if (readsOneObject(operation.pathKey)) return undefined;
  const resource = resourceWords(operation.pathKey);
  for (const response of operation.responses) {
    if (!isSuccessStatus(response.status)) continue;
    for (const schema of response.schemas) {
      const envelope = membersAt(root, deref(root, schema.node, schema.path));
      const types = valueTypes(envelope);
      if (types.has('array') || !types.has('object')) continue;
      const byName = envelopeProperties(root, envelope);
      const properties = [...byName];
      if (properties.some(([name]) => IDENTITY.has(compact(name)))) continue;
      const isArray = ([, members]: [string, Members]) => valueTypes(members).has('array');
      const named = properties.filter(([name]) => itemNames.has(compact(name)) || namesResource(name, resource));
      const items = named.length > 0 ? named.filter(isArray) : properties.length === 1 ? properties.filter(isArray) : [];
      const unbounded = items.find(([, members]) => !hasAny(members, ['maxItems']));
      // A link to the next page means the server already pages: the flaw is then an undocumented page size, not an unbounded list.
      if (unbounded && leadsToNextPage(root, byName)) continue;
      if (unbounded) return { property: unbounded[0], members: unbounded[1] };
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
