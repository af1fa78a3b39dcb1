// The operations of an OpenAPI 2.0/3.0/3.1 description (YAML or JSON) as the inventory needs them:
// method, path template, deprecation, the base paths it is served under, and where it is written
// (for SARIF). Path items behind a local `$ref` are followed.
import { readFileSync } from 'node:fs';
import * as Parsers from '@stoplight/spectral-parsers';
import { InputError } from '../files.js';
import { serversBases, rootBases } from './servers.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Range {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface Operation {
  index: number;
  /** Upper case. */
  method: string;
  /** The `paths` key as written. */
  path: string;
  deprecated: boolean;
  operationId?: string;
  /** Base paths (segment lists) the operation is served under. */
  bases: string[][];
  /** 1-based, of the operation in the description. */
  range: Range;
  jsonPath: string[];
}

export interface Description {
  operations: Operation[];
  /** 1-based, of the `paths` key's value (or the document when there is none). */
  pathsRange: Range;
}

type Parsed = ReturnType<typeof Parsers.Yaml.parse>;

function locate(parsed: Parsed, json: boolean, path: string[]): Range {
  const parser = json ? Parsers.Json : Parsers.Yaml;
  try {
    const location = parser.getLocationForJsonPath(parsed as never, path, true);
    if (location) {
      return {
        start: { line: location.range.start.line + 1, column: location.range.start.character + 1 },
        end: { line: location.range.end.line + 1, column: location.range.end.character + 1 },
      };
    }
  } catch {
    // positions are a convenience: line 1 below
  }
  return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** A local JSON pointer (`#/paths/~1users`) into the document; undefined when it leads nowhere. */
function resolvePointer(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** A path item, following local `$ref`s (a few hops; a cycle gives undefined). */
function pathItem(document: Json, item: unknown): Json | undefined {
  let node = item;
  for (let hop = 0; hop < 8 && isObject(node) && typeof node.$ref === 'string'; hop++) node = resolvePointer(document, node.$ref);
  return isObject(node) && typeof node.$ref !== 'string' ? node : undefined;
}

export function parseDescription(text: string, fileName: string): Description {
  const json = /^\s*[{[]/.test(text) && !/\.ya?ml$/i.test(fileName);
  let parsed: Parsed;
  try {
    parsed = (json ? Parsers.Json : Parsers.Yaml).parse(text) as Parsed;
  } catch (error) {
    throw new InputError(`Cannot parse ${fileName}: ${(error as Error).message}`);
  }
  const document = parsed.data;
  if (!isObject(document) || (document.openapi === undefined && document.swagger === undefined)) {
    throw new InputError(`${fileName} is not an OpenAPI or Swagger description (no top-level openapi or swagger key)`);
  }
  const roots = rootBases(document);
  const operations: Operation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = pathItem(document, rawItem);
    if (item === undefined || !path.startsWith('/')) continue;
    const itemBases = serversBases(item.servers) ?? roots;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const jsonPath = ['paths', path, method];
      operations.push({
        index: operations.length,
        method: method.toUpperCase(),
        path,
        deprecated: operation.deprecated === true,
        ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
        bases: serversBases(operation.servers) ?? itemBases,
        range: locate(parsed, json, jsonPath),
        jsonPath,
      });
    }
  }
  return { operations, pathsRange: locate(parsed, json, isObject(document.paths) ? ['paths'] : []) };
}

export function loadDescription(file: string, displayName: string): Description {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read ${displayName}: ${(error as Error).message}`);
  }
  return parseDescription(text, displayName);
}
