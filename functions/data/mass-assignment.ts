import {
  allOfMembers,
  compact,
  declaringSchema,
  deref,
  entries,
  isExempt,
  isObject,
  schemaGraph,
  schemaTypes,
  pushSubschemas,
  walkBodyShapes,
  words,
  type Analysis,
  type JsonObject,
  type JsonPath,
  type Located,
  type Members,
  type UseContext,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface MassAssignmentOptions {
  /** Property names a client must not set, compared without case or separators (`is_admin` = `isAdmin`). */
  privilegedPropertyNames: string[];
  /** Of those names, those judged only at the top level of a POST body (the resource's own `id` on create). */
  createOnlyNames: string[];
  /** Of those names, those judged only when numeric and in an order, cart or checkout schema (a price). */
  orderOnlyNames: string[];
  /** Words that mark a schema or path as an order (`Order`, `CartItem`, `/checkout`). */
  orderMarkers: string[];
  /** Methods whose request bodies are judged. */
  methods: string[];
  /**
   * `true` (default): only properties declared in a schema that responses return too — the
   * resource's representation reused as input, where server-managed fields get bound by
   * accident. `false`: every request body, including dedicated input schemas.
   */
  sharedOnly: boolean;
}


const DEFAULTS: MassAssignmentOptions = {
  ...defaultLists('privilegedPropertyNames'),
  createOnlyNames: ['id'],
  orderOnlyNames: ['price', 'unit_price', 'total_price'],
  orderMarkers: ['order', 'orders', 'cart', 'carts', 'checkout', 'checkouts', 'basket', 'baskets'],
  methods: ['post', 'put', 'patch'],
  sharedOnly: true,
};

interface Reached {
  name: string;
  declaration: JsonPath;
  declared: JsonObject;
  value: Located;
  /** Methods whose bodies reach the property anywhere. */
  methods: Set<string>;
  /** Methods whose bodies declare it at their top level (the body schema, its `allOf` members, alternatives or array items). */
  topLevel: Set<string>;
}

/**
 * Schema nodes walked for one request body: a bound for hostile documents, per body so one huge
 * body cannot use up the walk of the others (each node is walked once per method and level
 * anyway, so the document as a whole stays linear).
 */
export const MAX_VISITS_PER_BODY = 200_000;

function isReadOnly(root: unknown, declared: JsonObject, value: Located, cache: Map<JsonObject, Members>): boolean {
  if (declared.readOnly === true) return true;
  return isObject(value.node) && allOfMembers(root, value as Located<JsonObject>, cache).some(m => m.node.readOnly === true);
}

/** Names that some member of a composed schema declares `readOnly`: read-only in the whole composition, as JSON Schema collects annotations from every `allOf` member. */
function readOnlyNames(root: unknown, members: Members, cache: Map<JsonObject, Members>): Set<string> {
  const out = new Set<string>();
  for (const member of members) {
    for (const [name, raw] of entries(member.node.properties)) {
      if (isObject(raw) && isReadOnly(root, raw, deref(root, raw, [...member.path, 'properties', name]), cache)) out.add(name);
    }
  }
  return out;
}

/**
 * The body schema's top-level shapes: the schema itself, the items of a top-level array (bulk
 * create) and the alternatives of a top-level `oneOf`/`anyOf`, each with its `allOf` members.
 */
function topLevelShapes(root: unknown, body: Located, cache: Map<JsonObject, Members>): Members {
  const out: Members = [];
  walkBodyShapes(root, body, cache, (_site, members) => {
    out.push(...members);
    return true;
  });
  return out;
}

/**
 * Walks the request bodies of the judged methods and collects the privileged properties a
 * client can send. The walk does not descend into a privileged property (a server-managed
 * `status` object is reported once, not with every field inside it) nor into `readOnly` ones.
 */
function reachPrivileged(analysis: Analysis, options: MassAssignmentOptions, names: ReadonlySet<string>): Map<string, Reached> {
  const root = analysis.root;
  const methods = new Set(options.methods.map(m => String(m).toLowerCase()));
  const cache = new Map<JsonObject, Members>();
  const reached = new Map<string, Reached>();
  const marks = new Map<JsonObject, Set<string>>();

  const record = (name: string, declaration: JsonPath, declared: JsonObject, value: Located, method: string, topLevel: boolean) => {
    const key = JSON.stringify(declaration);
    let entry = reached.get(key);
    if (!entry) {
      entry = { name, declaration, declared, value, methods: new Set(), topLevel: new Set() };
      reached.set(key, entry);
    }
    entry.methods.add(method);
    if (topLevel) entry.topLevel.add(method);
  };

  for (const operation of analysis.operations) {
    // Webhook requests are sent by the API, not by its clients.
    if (operation.container !== 'paths' || !methods.has(operation.method)) continue;
    for (const body of operation.requestSchemas) {
      const top = new Set(topLevelShapes(root, body, cache).map(m => m.node));
      const stack: Located[] = [body];
      let visits = 0;
      while (stack.length > 0 && visits < MAX_VISITS_PER_BODY) {
        const at = stack.pop()!;
        if (!isObject(at.node)) continue;
        const isTop = top.has(at.node);
        // A node is walked once per method and level, whatever reaches it.
        const visitKey = `${operation.method}|${isTop}`;
        let seen = marks.get(at.node);
        if (!seen) marks.set(at.node, (seen = new Set()));
        if (seen.has(visitKey)) continue;
        seen.add(visitKey);
        visits++;
        const members = allOfMembers(root, at as Located<JsonObject>, cache);
        const readOnlyHere = members.length > 1 ? readOnlyNames(root, members, cache) : undefined;
        for (const member of members) {
          const memberTop = isTop || top.has(member.node);
          for (const [name, raw] of entries(member.node.properties)) {
            if (!isObject(raw)) continue;
            const declaration = [...member.path, 'properties', name];
            const value = deref(root, raw, declaration);
            if (readOnlyHere?.has(name) || isReadOnly(root, raw, value, cache)) continue;
            if (names.has(compact(name))) {
              record(name, declaration, raw, value, operation.method, memberTop);
              continue;
            }
            stack.push(value);
          }
          pushSubschemas(root, member, stack);
        }
      }
    }
  }
  return reached;
}

function isNumeric(root: unknown, value: Located, cache: Map<JsonObject, Members>): boolean {
  if (!isObject(value.node)) return false;
  return allOfMembers(root, value as Located<JsonObject>, cache).some(({ node }) => {
    const types = schemaTypes(node);
    if (types.includes('number') || types.includes('integer')) return true;
    return types.includes('string') && typeof node.format === 'string' && ['decimal', 'double', 'float', 'money', 'currency'].includes(node.format.toLowerCase());
  });
}

/** Whether the declaration is in an order: a schema name or path segment (not a parameter) with an order word. */
function inOrder(declaration: JsonPath, markers: ReadonlySet<string>): boolean {
  return declaration.some(
    segment => typeof segment === 'string' && !segment.startsWith('{') && segment.split('/').some(part => !part.startsWith('{') && words(part).some(word => markers.has(word))),
  );
}

/**
 * Mass assignment (OWASP API3): a request body that lets the client set a privileged or
 * server-managed property (role, isAdmin, balance, status, ownerId, createdAt, …) that is not
 * `readOnly`. Reported once, where the property is declared.
 */
export const massAssignment = analysisFunction<MassAssignmentOptions>(
  'massAssignment',
  objectOptions({
    privilegedPropertyNames: stringList('Property names a client must not set.'),
    createOnlyNames: stringList('Of names, those judged only at the top level of a POST body.'),
    orderOnlyNames: stringList('Of names, those judged only when numeric and in an order, cart or checkout schema.'),
    orderMarkers: stringList('Words that mark a schema or path as an order.'),
    methods: stringList('Methods whose request bodies are judged.'),
    sharedOnly: { type: 'boolean' },
  }),
  DEFAULTS,
  function* ({ analysis, options, rule }): Iterable<Finding> {
    const names = new Set(options.privilegedPropertyNames.map(compact).filter(n => n.length > 0));
    if (names.size === 0) return;
    const createOnly = new Set(options.createOnlyNames.map(compact));
    const orderOnly = new Set(options.orderOnlyNames.map(compact));
    const markers = new Set(options.orderMarkers.map(m => String(m).toLowerCase()));
    const methods = new Set(options.methods.map(m => String(m).toLowerCase()));
    const graph = schemaGraph(analysis);
    const cache = new Map<JsonObject, Members>();

    for (const reached of reachPrivileged(analysis, options, names).values()) {
      const name = compact(reached.name);
      const use = graph.propertyAt(reached.declaration);
      const contexts = use ? [...use.contexts] : [];
      let uses: UseContext[] = contexts.filter(c => c.direction === 'request' && methods.has(c.method));
      let why: string;
      if (orderOnly.has(name)) {
        // A price is judged wherever the order carries it (line items are nested).
        if (!isNumeric(analysis.root, reached.value, cache) || !inOrder(reached.declaration, markers)) continue;
        why = 'a price on an order, which the server must compute from its catalogue';
      } else if (createOnly.has(name)) {
        if (!reached.topLevel.has('post')) continue;
        uses = uses.filter(c => c.method === 'post');
        why = 'the resource\'s own id, which the server assigns on create';
      } else {
        // The resource's own fields: nested objects are sub-configurations (an SELinux `role`, a quota's `scopes`).
        if (reached.topLevel.size === 0) continue;
        uses = uses.filter(c => reached.topLevel.has(c.method));
        why = 'a privileged or server-managed property';
      }
      if (options.sharedOnly && !orderOnly.has(name) && !contexts.some(c => c.direction === 'response' && !c.errorResponse)) continue;
      if (isExempt(analysis, rule, undefined, reached.declared)) continue;
      yield {
        message: `Property ${quote(reached.name)} can be set by clients in request bodies, yet it is ${why}: mark it \`readOnly: true\` or use a separate input schema without it.`,
        path: reached.declaration,
        exemptIn: declaringSchema(analysis.root, reached.declaration),
        uses: uses.length > 0 ? uses : undefined,
      };
    }
  },
);
