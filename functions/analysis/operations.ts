import { asArray, canonical, deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import { effectiveSecurity, type EffectiveSecurity } from './security.js';
import { HTTP_METHODS, WRITE_METHODS, type SpecVersion } from './spec.js';

export interface Parameter {
  name: string;
  /** Lower-cased location: query, path, header, cookie, body, formdata. */
  in: string;
  node: JsonObject;
  /** Where the parameter object is written (the component when it is a `$ref`). */
  path: JsonPath;
  /** Where the parameter's type is written: its `schema` (3.x, 2.0 body) or the parameter itself (2.0 non-body). */
  schema?: Located;
}

export interface MediaSchema extends Located {
  mediaType?: string;
}

export interface Response {
  status: string;
  node: JsonObject;
  path: JsonPath;
  schemas: MediaSchema[];
  /** Declared headers by lower-cased name (header names are case-insensitive), each where it is written. */
  headers: Map<string, Located>;
}

export interface Operation {
  /** `paths` or `webhooks`: webhook operations are calls the API makes, not calls it receives. */
  container: 'paths' | 'webhooks';
  pathKey: string;
  method: string;
  node: JsonObject;
  path: JsonPath;
  pathItem: JsonObject;
  pathItemPath: JsonPath;
  parameters: Parameter[];
  requestSchemas: MediaSchema[];
  responses: Response[];
  security: EffectiveSecurity;
  isWrite: boolean;
  tags: string[];
}

function readParameter(root: JsonObject, raw: unknown, path: JsonPath, version: SpecVersion): Parameter | undefined {
  const located = deref(root, raw, path);
  const node = located.node;
  if (!isObject(node) || typeof node.name !== 'string' || typeof node.in !== 'string') return undefined;
  const where = node.in.toLowerCase();
  let schema: Located | undefined;
  if (has(node, 'schema')) schema = deref(root, node.schema, [...located.path, 'schema']);
  else if (version === '2.0' && where !== 'body') schema = { node, path: located.path };
  else if (isObject(node.content)) {
    const first = entries(node.content).find(([, media]) => isObject(media) && has(media, 'schema'));
    if (first) schema = deref(root, (first[1] as JsonObject).schema, [...located.path, 'content', first[0], 'schema']);
  }
  return { name: node.name, in: where, node, path: located.path, schema };
}

function has(node: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(node, key);
}

function readParameters(root: JsonObject, list: unknown, base: JsonPath, version: SpecVersion): Parameter[] {
  const out: Parameter[] = [];
  asArray(list).forEach((raw, index) => {
    const parameter = readParameter(root, raw, [...base, 'parameters', index], version);
    if (parameter) out.push(parameter);
  });
  return out;
}

/** Operation-level parameters override path-level ones (read once per path item) with the same name and location. */
function mergeParameters(root: JsonObject, shared: readonly Parameter[], operation: JsonObject, operationPath: JsonPath, version: SpecVersion): Parameter[] {
  const merged = new Map<string, Parameter>();
  for (const parameter of [...shared, ...readParameters(root, operation.parameters, operationPath, version)]) merged.set(`${parameter.in}\u0000${parameter.name}`, parameter);
  return [...merged.values()];
}

function mediaSchemas(root: JsonObject, content: unknown, base: JsonPath): MediaSchema[] {
  const out: MediaSchema[] = [];
  for (const [mediaType, media] of entries(content)) {
    if (isObject(media) && has(media, 'schema')) out.push({ ...deref(root, media.schema, [...base, mediaType, 'schema']), mediaType });
  }
  return out;
}

function requestSchemas(root: JsonObject, operation: JsonObject, operationPath: JsonPath, parameters: Parameter[], version: SpecVersion): MediaSchema[] {
  if (version === '2.0') {
    return parameters.filter(p => (p.in === 'body' || p.in === 'formdata') && p.schema).map(p => ({ ...(p.schema as Located) }));
  }
  if (!has(operation, 'requestBody')) return [];
  const body = deref(root, operation.requestBody, [...operationPath, 'requestBody']);
  return isObject(body.node) ? mediaSchemas(root, body.node.content, [...body.path, 'content']) : [];
}

function readResponses(root: JsonObject, operation: JsonObject, operationPath: JsonPath, version: SpecVersion): Response[] {
  const out: Response[] = [];
  for (const [status, raw] of entries(operation.responses)) {
    if (status.startsWith('x-')) continue;
    const { node, path } = deref(root, raw, [...operationPath, 'responses', status]);
    if (!isObject(node)) continue;
    const schemas =
      version === '2.0'
        ? has(node, 'schema')
          ? [deref(root, node.schema, [...path, 'schema'])]
          : []
        : mediaSchemas(root, node.content, [...path, 'content']);
    const headers = new Map<string, Located>();
    for (const [name, header] of entries(node.headers)) headers.set(name.toLowerCase(), deref(root, header, [...path, 'headers', name]));
    out.push({ status, node, path, schemas, headers });
  }
  return out;
}

export function collectOperations(root: JsonObject, version: SpecVersion): Operation[] {
  const operations: Operation[] = [];
  const containers: Array<'paths' | 'webhooks'> = version === '3.1' ? ['paths', 'webhooks'] : ['paths'];
  for (const container of containers) {
    for (const [pathKey, rawItem] of entries(root[container])) {
      if (pathKey.startsWith('x-')) continue;
      const item = deref(root, rawItem, [container, pathKey]);
      if (!isObject(item.node)) continue;
      const pathItem = item.node;
      let shared: Parameter[] | undefined;
      for (const method of HTTP_METHODS) {
        // An operation written as a YAML alias is the anchored one, where its anchor is written.
        const { node, path } = canonical(root, pathItem[method], [...item.path, method]);
        if (!isObject(node)) continue;
        shared ??= readParameters(root, pathItem.parameters, item.path, version);
        const parameters = mergeParameters(root, shared, node, path, version);
        operations.push({
          container,
          pathKey,
          method,
          node,
          path,
          pathItem,
          pathItemPath: item.path,
          parameters,
          requestSchemas: requestSchemas(root, node, path, parameters, version),
          responses: readResponses(root, node, path, version),
          security: effectiveSecurity(root, node, path),
          isWrite: WRITE_METHODS.has(method),
          tags: asArray(node.tags).filter((t): t is string => typeof t === 'string'),
        });
      }
    }
  }
  return operations;
}
