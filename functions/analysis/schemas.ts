import { deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import type { Operation } from './operations.js';

export interface SchemaUse {
  node: JsonObject;
  /** Where the schema is written (the component when reached through `$ref`). */
  path: JsonPath;
  request: boolean;
  response: boolean;
}

/** Keywords whose value is one subschema. */
const SINGLE = ['additionalProperties', 'unevaluatedProperties', 'items', 'additionalItems', 'unevaluatedItems', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'contentSchema'];
/** Keywords whose value is a list of subschemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', 'dependentSchemas'];

/** Bounds that keep hostile documents (huge or deeply nested schemas) from stalling the editor. */
const MAX_DEPTH = 256;

/** The direct subschemas of a schema, each located where it is written (after following `$ref`). */
export function childSchemas(root: unknown, schema: JsonObject, path: JsonPath): Located[] {
  const out: Located[] = [];
  for (const key of SINGLE) {
    const value = schema[key];
    if (isObject(value)) out.push(deref(root, value, [...path, key]));
  }
  for (const key of LIST) {
    const value = schema[key];
    if (Array.isArray(value)) value.forEach((item, i) => isObject(item) && out.push(deref(root, item, [...path, key, i])));
  }
  for (const key of MAP) {
    for (const [name, value] of entries(schema[key])) if (isObject(value)) out.push(deref(root, value, [...path, key, name]));
  }
  return out;
}

/**
 * Marks every schema reachable from the operations' requests and responses, once per
 * direction, so the cost is linear in the size of the schemas and not in the number of
 * operations that share them.
 */
export function collectSchemaUses(root: JsonObject, operations: readonly Operation[]): Map<JsonObject, SchemaUse> {
  const uses = new Map<JsonObject, SchemaUse>();
  const walk = (start: Located, direction: 'request' | 'response') => {
    const stack: Array<{ at: Located; depth: number }> = [{ at: start, depth: 0 }];
    while (stack.length > 0) {
      const { at, depth } = stack.pop()!;
      if (!isObject(at.node) || depth > MAX_DEPTH) continue;
      let use = uses.get(at.node);
      if (use === undefined) {
        use = { node: at.node, path: at.path, request: false, response: false };
        uses.set(at.node, use);
      }
      if (use[direction]) continue;
      use[direction] = true;
      for (const child of childSchemas(root, at.node, at.path)) stack.push({ at: child, depth: depth + 1 });
    }
  };
  for (const operation of operations) {
    for (const schema of operation.requestSchemas) walk(schema, 'request');
    for (const parameter of operation.parameters) if (parameter.schema && parameter.in !== 'body') walk(parameter.schema, 'request');
    for (const response of operation.responses) for (const schema of response.schemas) walk(schema, 'response');
  }
  return uses;
}
