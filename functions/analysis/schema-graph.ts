import { asArray, deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import type { Operation } from './operations.js';

export type Direction = 'request' | 'response';

/**
 * A class of operations that reach a schema. Rules only need these facts, so the walk runs
 * once per class and not once per operation: the cost stays linear in the size of the
 * schemas however many operations share them.
 */
export interface UseContext {
  direction: Direction;
  /** Lower-case HTTP method of the operations. */
  method: string;
  /** A response of an OAuth2 token endpoint, where returning tokens is the point. */
  tokenEndpoint: boolean;
  /** A 4xx, 5xx or `default` response. */
  errorResponse: boolean;
  /** Set when the operation (or its path item) has exemptions of its own, so rules can honour them. */
  operation?: Operation;
}

/** A place where a value is described: a body, a parameter, a property, array items, a map value, an alternative. */
export interface ValueSite {
  node: JsonObject;
  /** Where the schema is written (the component when reached through `$ref`). */
  path: JsonPath;
  /** The schema and, recursively, its `allOf` members: together they constrain the value. */
  members: Array<Located<JsonObject>>;
  contexts: Set<UseContext>;
}

export interface PropertyUse {
  name: string;
  /** Where the property is declared: `<schema>.properties.<name>`. */
  path: JsonPath;
  /** The property's schema as written (possibly a `$ref` with siblings). */
  declared: JsonObject;
  value: ValueSite;
  readOnly: boolean;
  writeOnly: boolean;
  contexts: Set<UseContext>;
}

export interface SchemaGraph {
  sites: Map<JsonObject, ValueSite>;
  /** Keyed by the declaration path, so a property is one entry however many schemas compose it. */
  properties: Map<string, PropertyUse>;
}

/** Bounds that keep hostile documents (huge or deeply nested schemas) from stalling the editor. */
const MAX_ALLOF_DEPTH = 64;

/** The schema and its `allOf` members, recursively, each located where it is written. */
export function allOfMembers(root: unknown, start: Located<JsonObject>, cache?: Map<JsonObject, Array<Located<JsonObject>>>): Array<Located<JsonObject>> {
  const cached = cache?.get(start.node);
  if (cached) return cached;
  const out: Array<Located<JsonObject>> = [];
  const seen = new Set<JsonObject>();
  const stack: Array<{ at: Located<JsonObject>; depth: number }> = [{ at: start, depth: 0 }];
  while (stack.length > 0) {
    const { at, depth } = stack.pop()!;
    if (seen.has(at.node) || depth > MAX_ALLOF_DEPTH) continue;
    seen.add(at.node);
    out.push(at);
    const list = asArray(at.node.allOf);
    for (let i = list.length - 1; i >= 0; i--) {
      const member = deref(root, list[i], [...at.path, 'allOf', i]);
      if (isObject(member.node)) stack.push({ at: member as Located<JsonObject>, depth: depth + 1 });
    }
  }
  cache?.set(start.node, out);
  return out;
}

/** Bulk bodies nest shapes a few levels at most; deeper ones are not bodies clients bind. */
const MAX_BODY_SHAPE_DEPTH = 4;

/**
 * Walks the shapes a request body is made of: the body schema (with its `allOf` members), the
 * items of an array body (bulk writes) and the alternatives of `oneOf`/`anyOf`, a few levels
 * deep. `visit` sees each shape once and says whether to look inside it.
 */
export function walkBodyShapes(
  root: unknown,
  body: Located,
  cache: Map<JsonObject, Array<Located<JsonObject>>>,
  visit: (site: Located<JsonObject>, members: Array<Located<JsonObject>>) => boolean,
): void {
  const stack: Array<{ at: Located; depth: number }> = [{ at: body, depth: 0 }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const { at, depth } = stack.pop()!;
    if (!isObject(at.node) || seen.has(at.node) || depth > MAX_BODY_SHAPE_DEPTH) continue;
    seen.add(at.node);
    const site = at as Located<JsonObject>;
    const members = allOfMembers(root, site, cache);
    if (!visit(site, members)) continue;
    for (const member of members) {
      if (isObject(member.node.items)) stack.push({ at: deref(root, member.node.items, [...member.path, 'items']), depth: depth + 1 });
      for (const key of ['oneOf', 'anyOf']) {
        asArray(member.node[key]).forEach((alt, i) => stack.push({ at: deref(root, alt, [...member.path, key, i]), depth: depth + 1 }));
      }
    }
  }
}

/** True when any member says so (`readOnly`/`writeOnly` may sit beside a `$ref` or in an `allOf` member). */
function flag(declared: JsonObject, members: Array<Located<JsonObject>>, key: 'readOnly' | 'writeOnly'): boolean {
  return declared[key] === true || members.some(m => m.node[key] === true);
}

/** Subschema keywords whose values are further value positions (allOf is not: its members merge into the site). */
const SINGLE = ['items', 'additionalProperties', 'unevaluatedProperties', 'additionalItems', 'unevaluatedItems', 'contains', 'then', 'else'];
const LIST = ['items', 'prefixItems', 'oneOf', 'anyOf'];

/** The description's own token URLs (their paths may include the server's base path), or a path ending in `/token`. */
function isTokenEndpoint(operation: Operation, tokenPaths: readonly string[]): boolean {
  // The lookbehind starts the match only at the first slash of a run: linear on hostile keys (`/+$` alone is quadratic).
  const path = operation.pathKey.replace(/(?<!\/)\/+$/, '').toLowerCase();
  return /(^|\/)token$/.test(path) || (path.length > 1 && tokenPaths.some(tokenPath => tokenPath.endsWith(path)));
}

function hasExemptions(operation: Operation, exemptionsOf: (node: object) => boolean): boolean {
  return exemptionsOf(operation.node) || exemptionsOf(operation.pathItem);
}

/**
 * Walks every schema reached from the operations' requests and responses once per use
 * context. In requests, `readOnly` properties are not walked (clients do not send them); in
 * responses, `writeOnly` ones are not (servers do not return them).
 */
export function buildSchemaGraph(root: JsonObject, operations: readonly Operation[], tokenPaths: readonly string[], exemptionsOf: (node: object) => boolean): SchemaGraph {
  const sites = new Map<JsonObject, ValueSite>();
  const properties = new Map<string, PropertyUse>();
  const membersCache = new Map<JsonObject, Array<Located<JsonObject>>>();
  const contexts = new Map<string, UseContext>();
  // Properties by the schema object that declares them, so revisits do not rebuild the string key.
  const byOwner = new Map<JsonObject, Map<string, PropertyUse>>();

  const contextFor = (operation: Operation, direction: Direction, errorResponse: boolean): UseContext => {
    const exempt = hasExemptions(operation, exemptionsOf);
    const tokenEndpoint = direction === 'response' && isTokenEndpoint(operation, tokenPaths);
    const key = `${direction}|${operation.method}|${tokenEndpoint}|${errorResponse}|${exempt ? JSON.stringify(operation.path) : ''}`;
    let context = contexts.get(key);
    if (!context) {
      context = { direction, method: operation.method, tokenEndpoint, errorResponse, operation: exempt ? operation : undefined };
      contexts.set(key, context);
    }
    return context;
  };

  /** A site's children, worked out once: a site is visited once per use context, and there are several. */
  interface Children {
    properties: PropertyUse[];
    others: Located[];
  }
  const childrenCache = new Map<JsonObject, Children>();

  const childrenOf = (site: ValueSite): Children => {
    let children = childrenCache.get(site.node);
    if (children) return children;
    children = { properties: [], others: [] };
    for (const member of site.members) {
      for (const [name, raw] of entries(member.node.properties)) {
        if (!isObject(raw)) continue;
        let declaredIn = byOwner.get(member.node);
        if (!declaredIn) byOwner.set(member.node, (declaredIn = new Map()));
        let use = declaredIn.get(name);
        if (!use) {
          const declaredPath = [...member.path, 'properties', name];
          const value = deref(root, raw, declaredPath);
          if (!isObject(value.node)) continue;
          const valueMembers = allOfMembers(root, value as Located<JsonObject>, membersCache);
          const valueSite = sites.get(value.node) ?? { node: value.node, path: value.path, members: valueMembers, contexts: new Set<UseContext>() };
          sites.set(value.node, valueSite);
          use = { name, path: declaredPath, declared: raw, value: valueSite, readOnly: flag(raw, valueMembers, 'readOnly'), writeOnly: flag(raw, valueMembers, 'writeOnly'), contexts: new Set() };
          declaredIn.set(name, use);
          properties.set(JSON.stringify(declaredPath), use);
        }
        children.properties.push(use);
      }
      for (const [name, raw] of entries(member.node.patternProperties)) children.others.push(deref(root, raw, [...member.path, 'patternProperties', name]));
      for (const key of SINGLE) {
        if (isObject(member.node[key])) children.others.push(deref(root, member.node[key], [...member.path, key]));
      }
      for (const key of LIST) {
        const list = member.node[key];
        if (Array.isArray(list)) list.forEach((item, i) => children!.others.push(deref(root, item, [...member.path, key, i])));
      }
    }
    childrenCache.set(site.node, children);
    return children;
  };

  const walk = (start: Located, context: UseContext) => {
    const stack: Located[] = [start];
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (!isObject(at.node)) continue;
      const node = at.node;
      let site = sites.get(node);
      if (!site) {
        site = { node, path: at.path, members: allOfMembers(root, at as Located<JsonObject>, membersCache), contexts: new Set() };
        sites.set(node, site);
      }
      if (site.contexts.has(context)) continue;
      site.contexts.add(context);
      const children = childrenOf(site);
      for (const use of children.properties) {
        if ((context.direction === 'request' && use.readOnly) || (context.direction === 'response' && use.writeOnly)) continue;
        use.contexts.add(context);
        stack.push(use.value);
      }
      for (const other of children.others) stack.push(other);
    }
  };

  for (const operation of operations) {
    // A 3.1 webhook's request is a message the API sends, so its payload is judged like a response;
    // what the receiver answers is not the API's data at all.
    const inbound = operation.container === 'paths';
    const request = contextFor(operation, inbound ? 'request' : 'response', false);
    for (const schema of operation.requestSchemas) walk(schema, request);
    for (const parameter of operation.parameters) if (parameter.schema && parameter.in !== 'body') walk(parameter.schema, request);
    if (!inbound) continue;
    for (const response of operation.responses) {
      const status = response.status.toUpperCase();
      const context = contextFor(operation, 'response', status.startsWith('4') || status.startsWith('5') || status === 'DEFAULT');
      for (const schema of response.schemas) walk(schema, context);
    }
  }
  return { sites, properties };
}
