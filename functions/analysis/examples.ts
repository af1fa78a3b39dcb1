// Examples written for a whole body show the values of its properties too (a webhook
// subscription's `config.url`), often where the property's own schema shows none. These read
// them, and walk an example along its schema to the property each value belongs to.

import type { Analysis } from './analyse.js';
import { deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import type { Operation } from './operations.js';
import { allOfMembers, type Members } from './schema.js';

export interface ExampleAt {
  value: unknown;
  path: JsonPath;
}

/** A 3.x media type object's `example` and `examples[*].value` (Example Objects through `$ref`). */
export function mediaTypeExamples(root: unknown, media: JsonObject, base: JsonPath): ExampleAt[] {
  const out: ExampleAt[] = [];
  if ('example' in media) out.push({ value: media.example, path: [...base, 'example'] });
  for (const [name, raw] of entries(media.examples)) {
    const example = deref(root, raw, [...base, 'examples', name]);
    if (isObject(example.node) && 'value' in example.node) out.push({ value: example.node.value, path: [...example.path, 'value'] });
  }
  return out;
}

/** The `example` (and 3.1 `examples`) a schema object holds for its whole value. */
function schemaExamples(schema: Located): ExampleAt[] {
  if (!isObject(schema.node)) return [];
  const out: ExampleAt[] = [];
  if ('example' in schema.node) out.push({ value: schema.node.example, path: [...schema.path, 'example'] });
  if (Array.isArray(schema.node.examples)) schema.node.examples.slice(0, MAX_ITEMS).forEach((value, i) => out.push({ value, path: [...schema.path, 'examples', i] }));
  return out;
}

/**
 * The examples of an operation's request body, each with the schema it is an instance of: 3.x
 * media type examples and the body schema's own; 2.0 the body parameter's `x-examples` (by media
 * type) and its schema's example.
 */
export function requestBodyExamples(analysis: Analysis, operation: Operation): Array<ExampleAt & { schema: Located }> {
  const { root } = analysis;
  const out: Array<ExampleAt & { schema: Located }> = [];
  if (analysis.version === '2.0') {
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'body' || !parameter.schema) continue;
      const schema = parameter.schema;
      for (const [mediaType, value] of entries(parameter.node['x-examples'])) out.push({ value, path: [...parameter.path, 'x-examples', mediaType], schema });
      for (const example of schemaExamples(schema)) out.push({ ...example, schema });
    }
    return out;
  }
  const body = deref(root, operation.node.requestBody, [...operation.path, 'requestBody']);
  if (!isObject(body.node)) return out;
  for (const [mediaType, media] of entries(body.node.content)) {
    if (!isObject(media) || !('schema' in media)) continue;
    const base = [...body.path, 'content', mediaType];
    const schema = deref(root, media.schema, [...base, 'schema']);
    for (const example of [...mediaTypeExamples(root, media, base), ...schemaExamples(schema)]) out.push({ ...example, schema });
  }
  return out;
}

/**
 * The examples written on a response, each with the schema of its body where there is one: 2.0
 * `examples` by media type (the response's `schema`), 3.x media `example` and `examples[*].value`.
 */
export function responseExamples(analysis: Analysis, response: { node: JsonObject; path: JsonPath }): Array<ExampleAt & { schema?: Located }> {
  const { root } = analysis;
  if (analysis.version === '2.0') {
    const schema = 'schema' in response.node ? deref(root, response.node.schema, [...response.path, 'schema']) : undefined;
    return entries(response.node.examples).map(([mediaType, value]) => ({ value, path: [...response.path, 'examples', mediaType], schema }));
  }
  return entries(response.node.content).flatMap(([mediaType, media]) => {
    if (!isObject(media)) return [];
    const base = [...response.path, 'content', mediaType];
    const schema = 'schema' in media ? deref(root, media.schema, [...base, 'schema']) : undefined;
    return mediaTypeExamples(root, media, base).map(example => ({ ...example, schema }));
  });
}

/** Bounds for hostile examples: nesting followed, and array items read. */
const MAX_DEPTH = 8;
const MAX_ITEMS = 50;

/** The properties the members declare and, one level, those of their `oneOf`/`anyOf` alternatives. */
function declaredProperties(root: unknown, members: Members, cache: Map<JsonObject, Members>): Map<string, Located> {
  const out = new Map<string, Located>();
  const add = (list: Members) => {
    for (const member of list) {
      for (const [name, raw] of entries(member.node.properties)) if (isObject(raw) && !out.has(name)) out.set(name, { node: raw, path: [...member.path, 'properties', name] });
    }
  };
  add(members);
  for (const member of members) {
    for (const key of ['oneOf', 'anyOf']) {
      if (!Array.isArray(member.node[key])) continue;
      (member.node[key] as unknown[]).forEach((raw, i) => {
        const alternative = deref(root, raw, [...member.path, key, i]);
        if (isObject(alternative.node)) add(allOfMembers(root, alternative as Located<JsonObject>, cache));
      });
    }
  }
  return out;
}

/**
 * Walks an example value along its schema and calls `visit` with each property's declaration
 * (the property object as written, and where) and the value the example gives it, at its place
 * in the example. Array items follow `items`; nesting and array lengths are bounded.
 */
export function walkExample(root: unknown, example: ExampleAt, schema: Located, visit: (declared: Located<JsonObject>, value: unknown, path: JsonPath) => void): void {
  const cache = new Map<JsonObject, Members>();
  const walk = (value: unknown, at: Located, path: JsonPath, depth: number): void => {
    if (depth > MAX_DEPTH || !isObject(at.node)) return;
    const members = allOfMembers(root, at as Located<JsonObject>, cache);
    if (Array.isArray(value)) {
      const items = members.find(member => isObject(member.node.items));
      if (!items) return;
      const itemSchema = deref(root, items.node.items, [...items.path, 'items']);
      value.slice(0, MAX_ITEMS).forEach((item, i) => walk(item, itemSchema, [...path, i], depth + 1));
      return;
    }
    if (!isObject(value)) return;
    const properties = declaredProperties(root, members, cache);
    for (const [name, inner] of Object.entries(value)) {
      const declared = properties.get(name);
      if (!declared) continue;
      visit(declared as Located<JsonObject>, inner, [...path, name]);
      walk(inner, deref(root, declared.node, declared.path), [...path, name], depth + 1);
    }
  };
  walk(example.value, schema, example.path, 0);
}
