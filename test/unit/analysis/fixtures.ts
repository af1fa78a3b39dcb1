// Small builders for the analysis unit tests: documents as the plain objects a parser returns.

import { analyse, type Analysis, type JsonObject, type JsonPath, type Located, type Operation } from '../../../functions/analysis/index.js';

export type Doc = Record<string, unknown>;
export type Version = '2.0' | '3.0' | '3.1';

/** A document root for a version, with `info` and whatever else is given. */
export function doc(version: Version, extra: Doc = {}): Doc {
  const head = version === '2.0' ? { swagger: '2.0' } : { openapi: version === '3.0' ? '3.0.3' : '3.1.0' };
  return { ...head, info: { title: 'T', version: '1' }, ...extra };
}

/** A 3.x media-type map with one JSON schema. */
export function json(schema: unknown): Doc {
  return { 'application/json': { schema } };
}

/** A response object in the version's own shape; without a schema, a description only. */
export function response(version: Version, schema?: unknown, description = 'OK'): Doc {
  if (schema === undefined) return { description };
  return version === '2.0' ? { description, schema } : { description, content: json(schema) };
}

/** A 3.x document with one operation (`method pathKey`) and the given components. */
export function oneOperation(method: string, pathKey: string, operation: Doc, extra: Doc = {}, version: Version = '3.1'): Doc {
  return doc(version, { paths: { [pathKey]: { [method]: { responses: { '200': { description: 'OK' } }, ...operation } } }, ...extra });
}

/** The analysed operation `method pathKey` (of `paths` unless another container is named); throws when absent. */
export function operationOf(analysis: Analysis, method: string, pathKey: string, container: Operation['container'] = 'paths'): Operation {
  const found = analysis.operations.find(op => op.method === method && op.pathKey === pathKey && op.container === container);
  if (!found) throw new Error(`no operation ${method} ${pathKey} in ${container}`);
  return found;
}

/** The only operation of a document. */
export function onlyOperation(document: Doc): Operation {
  const { operations } = analyse(document);
  if (operations.length !== 1) throw new Error(`expected one operation, found ${operations.length}`);
  return operations[0];
}

/** A schema located at a path (`['s']` unless given). */
export function at(node: JsonObject, path: JsonPath = ['s']): Located<JsonObject> {
  return { node, path };
}

/** Members as the schema vocabulary gives them: the schema first, then its `allOf` members. */
export function members(...nodes: JsonObject[]): Array<Located<JsonObject>> {
  return nodes.map((node, i) => ({ node, path: i === 0 ? ['s'] : ['s', 'allOf', i - 1] }));
}

/** The paths of located values, for compact assertions. */
export function pathsOf(located: Iterable<{ path: JsonPath }>): JsonPath[] {
  return [...located].map(l => l.path);
}
