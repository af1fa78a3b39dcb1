// The JSON Schema vocabulary every check reads schemas with: types, `allOf` members, where a
// property is declared, which responses are successes or errors. One reading each, so two rules
// never disagree about what a schema says.

import { asArray, deref, entries, getAt, isObject, type JsonObject, type JsonPath, type Located } from './json.js';

/** A schema and its `allOf` members, each located where it is written: together they constrain one value. */
export type Members = Array<Located<JsonObject>>;

/** Bounds that keep hostile documents (huge or deeply nested schemas) from stalling the editor. */
const MAX_ALLOF_DEPTH = 64;

/** The schema and its `allOf` members, recursively (depth first, in the order written), each located where it is written. */
export function allOfMembers(root: unknown, start: Located<JsonObject>, cache?: Map<JsonObject, Members>): Members {
  const cached = cache?.get(start.node);
  if (cached) return cached;
  const out: Members = [];
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

/** The members of a schema that may be missing or not an object (a parameter without a schema): none then. */
export function membersAt(root: unknown, schema: Located | undefined, cache?: Map<JsonObject, Members>): Members {
  if (!schema || !isObject(schema.node)) return [];
  return allOfMembers(root, schema as Located<JsonObject>, cache);
}

/** The `type` keyword of one schema object as a list (a string in 3.0 and 2.0, a string or an array in 3.1). */
export function schemaTypes(node: JsonObject): string[] {
  const type = node.type;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/** The JSON types the members declare, `null` included. */
export function typesOf(members: ReadonlyArray<Located<JsonObject>>): Set<string> {
  const types = new Set<string>();
  for (const member of members) for (const type of schemaTypes(member.node)) types.add(type);
  return types;
}

/**
 * The types a value can have, as a reader would tell them: declared types without `null`, and
 * `object` or `array` for an untyped schema with `properties` or `items`. Empty when untyped.
 */
export function valueTypes(members: ReadonlyArray<Located<JsonObject>>): Set<string> {
  const out = new Set<string>();
  for (const { node } of members) {
    for (const type of schemaTypes(node)) if (type !== 'null') out.add(type);
    if (!node.type && isObject(node.properties)) out.add('object');
    if (!node.type && isObject(node.items)) out.add('array');
  }
  return out;
}

/**
 * Keywords that describe a value without constraining it. A schema made of these alone (`{}`,
 * `{ example: any }`, a description) accepts every JSON value.
 */
const ANNOTATIONS = new Set([
  'description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'nullable', 'externalDocs',
  'xml', '$comment', '$id', '$schema', '$anchor',
]);
/** What a Swagger 2.0 non-body parameter, which is its own schema, says besides its schema. */
const PARAMETER_KEYWORDS = new Set(['name', 'in', 'required', 'allowEmptyValue']);

/**
 * Whether a schema accepts any JSON value: no `type`, `enum`, `const`, `$ref`, composition
 * (`allOf`, `oneOf`, `anyOf`, `not`, `if`) nor any other keyword that constrains a value, only
 * annotations and `x-` extensions. A keyword not known to annotate (a typo, a future keyword) counts
 * as a constraint: precision first. `parameter` reads a Swagger 2.0 parameter as its own schema.
 */
export function acceptsAnyValue(node: JsonObject, parameter = false): boolean {
  for (const key of Object.keys(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-') || (parameter && PARAMETER_KEYWORDS.has(key))) continue;
    return false;
  }
  return true;
}

/** The first member (the schema or one of its `allOf` members) that has a keyword. */
export function firstWith(members: ReadonlyArray<Located<JsonObject>>, key: string): Located<JsonObject> | undefined {
  return members.find(member => Object.prototype.hasOwnProperty.call(member.node, key));
}

/** Where a finding about the value's type belongs: the member that declares the type, else the schema itself. */
export function typeOwner(members: ReadonlyArray<Located<JsonObject>>): Located<JsonObject> {
  return firstWith(members, 'type') ?? members[0];
}

/** The string format a member declares, lower-cased. */
export function formatOf(members: ReadonlyArray<Located<JsonObject>>): string | undefined {
  for (const { node } of members) if (typeof node.format === 'string') return node.format.toLowerCase();
  return undefined;
}

/** The schema object a property is declared in: `<schema>.properties.<name>` gives `<schema>`. */
export function declaringSchema(root: unknown, propertyPath: JsonPath): JsonObject | undefined {
  const node = getAt(root, propertyPath.slice(0, -2));
  return isObject(node) ? node : undefined;
}

/** A 2xx response key (`200`, `204`, `2XX`). */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** A response key that documents a failure: 4xx, 5xx (ranges included) or `default`. */
export function isErrorStatus(status: string): boolean {
  const upper = status.toUpperCase();
  return upper.startsWith('4') || upper.startsWith('5') || upper === 'DEFAULT';
}

/** Bulk bodies nest shapes a few levels at most; deeper ones are not bodies clients bind. */
const MAX_BODY_SHAPE_DEPTH = 4;

/**
 * Walks the shapes a request body is made of: the body schema (with its `allOf` members), the
 * items of an array body (bulk writes) and the alternatives of `oneOf`/`anyOf`, a few levels
 * deep. `visit` sees each shape once and says whether to look inside it.
 */
export function walkBodyShapes(root: unknown, body: Located, cache: Map<JsonObject, Members>, visit: (site: Located<JsonObject>, members: Members) => boolean): void {
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

/** Subschema keywords whose value is one further value position (`allOf` is not: its members merge into the schema). */
export const SINGLE_SUBSCHEMA_KEYWORDS = ['items', 'additionalProperties', 'unevaluatedProperties', 'additionalItems', 'unevaluatedItems', 'contains', 'then', 'else'];
/** Subschema keywords whose value is a list of value positions. */
export const LIST_SUBSCHEMA_KEYWORDS = ['items', 'prefixItems', 'oneOf', 'anyOf'];

/**
 * Adds to `out` the value positions directly below one member: `patternProperties` values, the
 * single and list subschema keywords. (Named `properties` are the caller's: each reads them its
 * own way.) Appends rather than returns: schema walks call it for every node they visit.
 */
export function pushSubschemas(root: unknown, member: Located<JsonObject>, out: Located[]): void {
  for (const [name, raw] of entries(member.node.patternProperties)) out.push(deref(root, raw, [...member.path, 'patternProperties', name]));
  for (const key of SINGLE_SUBSCHEMA_KEYWORDS) if (isObject(member.node[key])) out.push(deref(root, member.node[key], [...member.path, key]));
  for (const key of LIST_SUBSCHEMA_KEYWORDS) {
    const list = member.node[key];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) out.push(deref(root, list[i], [...member.path, key, i]));
  }
}
