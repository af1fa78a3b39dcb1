import {
  isObject,
  isUnresolvedRef,
  schemaGraph,
  schemaTypes,
  walkBodyShapes,
  type JsonObject,
  type JsonPath,
  type Located,
  type Members,
  type Operation,
  type SpecVersion,
  type UseContext,
} from '../analysis/index.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface OpenRequestSchemaOptions {
  /** Methods whose request bodies are judged. */
  methods: string[];
}

function isObjectSchema(members: Members): boolean {
  return members.some(({ node }) => {
    return isObject(node.properties) || isObject(node.patternProperties) || schemaTypes(node).includes('object');
  });
}

/** `additionalProperties: false`, or a schema no value satisfies (`not: {}`). */
function isFalseSchema(value: unknown): boolean {
  if (value === false) return true;
  return isObject(value) && isObject(value.not) && Object.keys(value.not).length === 0 && Object.keys(value).length === 1;
}

type Openness = 'closed' | 'open' | 'unknown';

/**
 * Whether the composed schema rejects properties it does not declare. `additionalProperties: false`
 * counts on the schema or any `allOf` member (in 3.0 a closed member also rejects its siblings'
 * properties, a different bug, but the body is not open); in 3.1 `unevaluatedProperties: false`
 * counts too. A typed map (`additionalProperties: {schema}`) declares what its values are: it is
 * not open, and whether it is bounded is `resource-map-unbounded`'s question (one finding, not two).
 */
function openness(members: Members, version: SpecVersion): Openness {
  if (members.some(({ node }) => isUnresolvedRef(node))) return 'unknown';
  if (members.some(({ node }) => isFalseSchema(node.additionalProperties))) return 'closed';
  if ((version === '3.1' || version === 'unknown') && members.some(({ node }) => isFalseSchema(node.unevaluatedProperties))) return 'closed';
  const typedMap = members.some(({ node }) => isObject(node.additionalProperties) && Object.keys(node.additionalProperties).length > 0);
  return typedMap ? 'closed' : 'open';
}

/**
 * The shapes a request body is judged by: the body schema; the items of an array body (bulk
 * writes); the alternatives of a `oneOf`/`anyOf` body that declares no properties of its own.
 */
function bodyShapes(root: unknown, body: Located, cache: Map<JsonObject, Members>): Array<{ site: Located<JsonObject>; members: Members }> {
  const out: Array<{ site: Located<JsonObject>; members: Members }> = [];
  walkBodyShapes(root, body, cache, (site, members) => {
    if (!isObjectSchema(members)) return true;
    out.push({ site, members });
    return false;
  });
  return out;
}

/**
 * Request bodies that accept properties they do not declare (OWASP API3): a server that binds
 * the body to its model lets clients set fields the description never offered. Only the
 * body's own schema is judged (not every nested object), reported once where it is written.
 */
export const openRequestSchema = analysisFunction<OpenRequestSchemaOptions>(
  'openRequestSchema',
  objectOptions({ methods: stringList('Methods whose request bodies are judged.') }),
  { methods: ['post', 'put', 'patch'] },
  function* ({ analysis, options }): Iterable<Finding> {
    const methods = new Set(options.methods.map(m => String(m).toLowerCase()));
    const cache = new Map<JsonObject, Members>();
    const found = new Map<JsonObject, { path: JsonPath; operations: Operation[] }>();
    for (const operation of analysis.operations) {
      // Webhook requests are sent by the API, not by its clients.
      if (operation.container !== 'paths' || !methods.has(operation.method)) continue;
      for (const body of operation.requestSchemas) {
        for (const { site, members } of bodyShapes(analysis.root, body, cache)) {
          const state = openness(members, analysis.version);
          if (state !== 'open') continue;
          const entry = found.get(site.node);
          if (entry) entry.operations.push(operation);
          else found.set(site.node, { path: site.path, operations: [operation] });
        }
      }
    }
    if (found.size === 0) return;
    const graph = schemaGraph(analysis);
    for (const [node, { path }] of found) {
      const site = graph.sites.get(node);
      const uses: UseContext[] = site ? [...site.contexts].filter(c => c.direction === 'request' && methods.has(c.method)) : [];
      yield {
        message:
          'Request body schema accepts properties it does not declare: set `additionalProperties: false` (or `unevaluatedProperties: false` in OpenAPI 3.1) so fields such as "role" or "isAdmin" are rejected instead of bound to the server\'s model.',
        path,
        exemptIn: node,
        uses: uses.length > 0 ? uses : undefined,
      };
    }
  },
);
