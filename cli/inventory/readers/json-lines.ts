// JSON lines: one object a line, method and path read from the fields of the shapes proxies and
// gateways write, or from the fields the user names (`--json-fields method=verb,path=uri`).
//   nginx (log_format escape=json)  request_method, request_uri (or `request`, the request line), status
//   Envoy / Istio JSON              method, path, response_code
//   Kong (file-log, http-log…)      request.method, request.uri (request.url), response.status
//   AWS API Gateway                 httpMethod, path / resourcePath, status; routeKey (`GET /pets`)
//   Elastic Common Schema           http.request.method, url.original / url.path, http.response.status_code
// A key is looked up as written first (`"request.method"` at the top level), then as a nested path.
import { LineSplitter } from './lines.js';
import { parseRequestLine, statusCode, type LoggedRequest, type RequestSink, type TextConsumer } from './request.js';

export interface JsonFields {
  method: string[];
  path: string[];
  /** Fields holding a whole request line (`GET /x HTTP/1.1`) or a route key (`GET /x`). */
  request: string[];
  status: string[];
}

export const DEFAULT_JSON_FIELDS: JsonFields = {
  method: ['method', 'request_method', 'httpMethod', 'http_method', 'requestMethod', 'request.method', 'http.request.method', 'verb'],
  path: ['path', 'request_uri', 'requestUri', 'uri', 'url', 'requestPath', 'request.uri', 'request.url', 'url.original', 'url.path', 'resourcePath'],
  request: ['request', 'request_line', 'requestLine', 'routeKey'],
  status: ['status', 'response_code', 'statusCode', 'status_code', 'response.status', 'http.response.status_code'],
};

export const JSON_FIELD_KEYS = ['method', 'path', 'request', 'status'] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function field(object: Json, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(object, key)) return object[key];
  if (!key.includes('.')) return undefined;
  let node: unknown = object;
  for (const part of key.split('.')) {
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** A logged "no value" (nginx writes `-` for an empty variable). */
const present = (value: unknown): value is string => typeof value === 'string' && value !== '' && value !== '-';

function first(object: Json, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = field(object, key);
    if (present(value)) return value;
  }
  return undefined;
}

export function requestFromJson(object: unknown, fields: JsonFields = DEFAULT_JSON_FIELDS): LoggedRequest | undefined {
  if (!isObject(object)) return undefined;
  let method = first(object, fields.method);
  let target = first(object, fields.path);
  if (method === undefined || target === undefined) {
    const line = first(object, fields.request);
    const request = line === undefined ? undefined : parseRequestLine(line);
    if (request === undefined) return undefined;
    method ??= request.method;
    target ??= request.target;
  }
  let status: number | undefined;
  for (const key of fields.status) if ((status = statusCode(field(object, key))) !== undefined) break;
  return status === undefined ? { method, target } : { method, target, status };
}

export function jsonLinesReader(sink: RequestSink, fields: JsonFields = DEFAULT_JSON_FIELDS): TextConsumer {
  return new LineSplitter(
    line => {
      if (line.trim() === '') return;
      let object: unknown;
      try {
        object = JSON.parse(line);
      } catch {
        sink.malformed();
        return;
      }
      const request = requestFromJson(object, fields);
      if (request === undefined) sink.malformed();
      else sink.request(request);
    },
    () => sink.malformed(),
  );
}
