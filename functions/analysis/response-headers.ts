// What a response says about its headers: each declared header with the values the description
// gives it (enum, const, default, examples) and its prose, followed through `$ref`s (components
// headers, 2.0 shared responses, components examples), `allOf` and the alternatives of `oneOf`/`anyOf`,
// in 2.0, 3.0 and 3.1 alike.
// The CORS and security-header rules judge these declarations; none of them asks a response to
// declare a header it does not.

import { cachedPer } from './cache.js';
import { asArray, deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import type { Response } from './operations.js';
import { allOfMembers } from './schema.js';

export interface DeclaredHeader {
  /** The name as written (compare lower-cased: field names are case-insensitive). */
  name: string;
  node: JsonObject;
  /** Where the header object is written (the component when it is a `$ref`). */
  path: JsonPath;
  /** Every value the description declares for it: `enum`, `const`, `default`, `example`, `examples`, `x-example`. */
  values: unknown[];
  /** The values it is limited to (`enum`, `const`), when it is; empty when any value is allowed. */
  allowed: unknown[];
  /** The header's and its schemas' descriptions, joined. */
  description: string;
}

/** Value keywords of a header (2.0), of a 3.x header object or media type, and of a schema. */
const SINGLE_VALUE_KEYS = ['const', 'default', 'example', 'x-example'];
/** Bounds against hostile documents: real headers list a handful of values. */
const MAX_VALUES = 64;
const MAX_DESCRIPTION = 4096;

interface Collected {
  values: unknown[];
  allowed: unknown[];
  texts: string[];
}

function pushValues(root: JsonObject, node: JsonObject, path: JsonPath, { values, allowed, texts }: Collected): void {
  if (typeof node.description === 'string') texts.push(node.description.slice(0, MAX_DESCRIPTION));
  for (const key of SINGLE_VALUE_KEYS) if (Object.prototype.hasOwnProperty.call(node, key)) values.push(node[key]);
  if (Object.prototype.hasOwnProperty.call(node, 'const')) allowed.push(node.const);
  for (const value of asArray(node.enum).slice(0, MAX_VALUES)) {
    values.push(value);
    allowed.push(value);
  }
  // `examples`: a list in a 3.1 schema, a map of Example objects (possibly `$ref`s) on 3.x headers and media types.
  if (Array.isArray(node.examples)) for (const value of node.examples.slice(0, MAX_VALUES)) values.push(value);
  else {
    for (const [name, raw] of entries(node.examples).slice(0, MAX_VALUES)) {
      const example = deref(root, raw, [...path, 'examples', name]).node;
      if (isObject(example) && Object.prototype.hasOwnProperty.call(example, 'value')) values.push(example.value);
    }
  }
}

/**
 * The alternatives of a `oneOf`/`anyOf`, one level deep: each is a value the header may take
 * (`oneOf: [{const: '*'}, {format: uri}]` declares that `*` may be sent). They limit the header
 * only when every alternative is itself limited (`enum`/`const`).
 */
function pushAlternatives(root: JsonObject, schema: Located<JsonObject>, collected: Collected): void {
  for (const key of ['oneOf', 'anyOf']) {
    const list = asArray(schema.node[key]).slice(0, MAX_VALUES);
    if (list.length === 0) continue;
    const allowed: unknown[] = [];
    let everyLimited = true;
    list.forEach((raw, i) => {
      const alternative = deref(root, raw, [...schema.path, key, i]);
      const own: Collected = { values: [], allowed: [], texts: [] };
      if (isObject(alternative.node)) for (const member of allOfMembers(root, alternative as Located<JsonObject>)) pushValues(root, member.node, member.path, own);
      collected.values.push(...own.values);
      collected.texts.push(...own.texts);
      allowed.push(...own.allowed);
      if (own.allowed.length === 0) everyLimited = false;
    });
    if (everyLimited) collected.allowed.push(...allowed);
  }
}

/** A schema, its `allOf` members and their `oneOf`/`anyOf` alternatives. */
function pushSchema(root: JsonObject, raw: unknown, path: JsonPath, collected: Collected): void {
  const schema = deref(root, raw, path);
  if (!isObject(schema.node)) return;
  for (const member of allOfMembers(root, schema as Located<JsonObject>)) {
    pushValues(root, member.node, member.path, collected);
    pushAlternatives(root, member, collected);
  }
}

function readHeader(root: JsonObject, name: string, located: Located): DeclaredHeader | undefined {
  const { node, path } = located;
  if (!isObject(node)) return undefined;
  const collected: Collected = { values: [], allowed: [], texts: [] };
  // A 2.0 header is its own schema; a 3.x header has `schema` or `content`, and examples of its own.
  for (const member of allOfMembers(root, located as Located<JsonObject>)) pushValues(root, member.node, member.path, collected);
  if (Object.prototype.hasOwnProperty.call(node, 'schema')) pushSchema(root, node.schema, [...path, 'schema'], collected);
  for (const [mediaType, media] of entries(node.content)) {
    if (!isObject(media)) continue;
    pushValues(root, media, [...path, 'content', mediaType], collected);
    if (Object.prototype.hasOwnProperty.call(media, 'schema')) pushSchema(root, media.schema, [...path, 'content', mediaType, 'schema'], collected);
  }
  return { name, node, path, values: collected.values, allowed: collected.allowed, description: collected.texts.join('\n') };
}

/** The headers a response declares, by lower-cased name. Read once per response object, however many operations share it. */
export const declaredHeaders = cachedPer<JsonObject, Map<string, DeclaredHeader>, { root: JsonObject; response: Response }>((_node, input) => {
  const out = new Map<string, DeclaredHeader>();
  if (!input) return out;
  for (const [lower, located] of input.response.headers) {
    const written = entries(input.response.node.headers).find(([name]) => name.toLowerCase() === lower)?.[0] ?? lower;
    const header = readHeader(input.root, written, located);
    if (header) out.set(lower, header);
  }
  return out;
});

/** The headers `response` declares (a `Response` of the analysis), by lower-cased name. */
export function responseHeaders(root: JsonObject, response: Response): Map<string, DeclaredHeader> {
  return declaredHeaders(response.node, { root, response });
}

/** The declared values (or, with `allowedOnly`, the enum/const values) as trimmed, lower-cased strings (booleans and numbers as written). */
export function headerValueTexts(header: DeclaredHeader, allowedOnly = false): string[] {
  const out: string[] = [];
  for (const value of allowedOnly ? header.allowed : header.values) {
    if (typeof value === 'string') out.push(value.trim().toLowerCase());
    else if (typeof value === 'boolean' || typeof value === 'number') out.push(String(value));
  }
  return out;
}
