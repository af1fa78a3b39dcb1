import type { Analysis } from './analyse.js';
import { cachedPer } from './cache.js';
import { deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import type { Operation } from './operations.js';
import { allOfMembers, isErrorStatus, pushSubschemas, type Members } from './schema.js';
import { isTokenEndpoint, tokenUrlPaths } from './security.js';

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
  /** A request to an OAuth2 token endpoint, whose `redirect_uri` is compared with the authorization request's, never followed. */
  tokenRequest: boolean;
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
  members: Members;
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
  /** Every property reached, once however many schemas compose it. */
  properties: readonly PropertyUse[];
  /** The property declared at a path (`<schema>.properties.<name>`), if the graph reached it. */
  propertyAt(declaration: JsonPath): PropertyUse | undefined;
}

/** Properties are keyed by where they are declared. */
const propertyKey = (declaration: JsonPath) => JSON.stringify(declaration);

/** True when any member says so (`readOnly`/`writeOnly` may sit beside a `$ref` or in an `allOf` member). */
function flag(declared: JsonObject, members: Members, key: 'readOnly' | 'writeOnly'): boolean {
  return declared[key] === true || members.some(m => m.node[key] === true);
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
  const membersCache = new Map<JsonObject, Members>();
  const contexts = new Map<string, UseContext>();
  // Properties by the schema object that declares them, so revisits do not rebuild the string key.
  const byOwner = new Map<JsonObject, Map<string, PropertyUse>>();

  const contextFor = (operation: Operation, direction: Direction, errorResponse: boolean): UseContext => {
    const exempt = hasExemptions(operation, exemptionsOf);
    const token = isTokenEndpoint(operation.pathKey, tokenPaths);
    const tokenEndpoint = direction === 'response' && token;
    const tokenRequest = direction === 'request' && token;
    const key = `${direction}|${operation.method}|${tokenEndpoint}|${tokenRequest}|${errorResponse}|${exempt ? JSON.stringify(operation.path) : ''}`;
    let context = contexts.get(key);
    if (!context) {
      context = { direction, method: operation.method, tokenEndpoint, tokenRequest, errorResponse, operation: exempt ? operation : undefined };
      contexts.set(key, context);
    }
    return context;
  };

  /**
   * A site's children, worked out once: a site is visited once per use context, and there are
   * several. A property is read-only (write-only) in the site when any member declaring that
   * name says so: JSON Schema collects the annotation from every `allOf` member.
   */
  interface Children {
    properties: Array<{ use: PropertyUse; readOnly: boolean; writeOnly: boolean }>;
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
          properties.set(propertyKey(declaredPath), use);
        }
        children.properties.push({ use, readOnly: use.readOnly, writeOnly: use.writeOnly });
      }
      pushSubschemas(root, member, children.others);
    }
    if (site.members.length > 1) {
      const readOnly = new Set(children.properties.filter(p => p.readOnly).map(p => p.use.name));
      const writeOnly = new Set(children.properties.filter(p => p.writeOnly).map(p => p.use.name));
      for (const p of children.properties) {
        p.readOnly ||= readOnly.has(p.use.name);
        p.writeOnly ||= writeOnly.has(p.use.name);
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
      for (const { use, readOnly, writeOnly } of children.properties) {
        if ((context.direction === 'request' && readOnly) || (context.direction === 'response' && writeOnly)) continue;
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
      const context = contextFor(operation, 'response', isErrorStatus(response.status));
      for (const schema of response.schemas) walk(schema, context);
    }
  }
  return { sites, properties: [...properties.values()], propertyAt: declaration => properties.get(propertyKey(declaration)) };
}

/**
 * The schemas reached from requests and responses, with their properties and the classes of
 * operations that reach them. Built on first use: documents linted only by rules that do not
 * look at schemas never pay for it.
 */
export const schemaGraph = cachedPer<Analysis, SchemaGraph>(analysis => {
  const scoped = (node: object) => (analysis.exemptions.byNode.get(node)?.rules.size ?? 0) > 0;
  return buildSchemaGraph(analysis.root, analysis.operations, tokenUrlPaths(analysis.schemes), scoped);
});
