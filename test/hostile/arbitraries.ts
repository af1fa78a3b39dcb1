// fast-check arbitraries for documents shaped like OpenAPI 2.0 / 3.0 / 3.1 in which every position
// may instead hold a value of the wrong type, and random mutations of real descriptions.
import fc from 'fast-check';
import { OUR_RULES } from './harness.js';

type Arb = fc.Arbitrary<unknown>;
type Obj = Record<string, unknown>;

// ------------------------------------------------------------------------------------------
// Wrong values: what a confused or hostile author writes where something else belongs.

const numericString = fc.oneof(fc.integer().map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom('1e309', '-0', '0x1F', '00012', 'NaN', 'Infinity'));
const awkwardString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 12, unit: 'binary' }),
  numericString,
  fc.constantFrom('', ' ', 'true', 'null', '~', '$ref', '#', '#/', '#/%E0%A4%A', 'constructor', 'toString', 'valueOf', '{id}', '{', '}', '/', '//', '\u0000', '\u{1F600}', 'x-', 'X-Rate-Limit'),
);
/** A value of any JSON type, small. */
const jsonValue: Arb = fc.jsonValue({ maxDepth: 1 });
/** Anything: null, booleans, numbers, awkward strings, arrays and objects. */
export const wrong: Arb = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  awkwardString,
  fc.array(jsonValue, { maxLength: 3 }),
  fc.dictionary(awkwardString, jsonValue, { maxKeys: 3 }),
);

/** The intended value most of the time, a wrong-typed one sometimes. */
const maybe = (arb: Arb, wrongWeight = 1): Arb => fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: wrong, weight: wrongWeight });

/** An object with the `always` keys and a few others of the given ones (at most `most`), plus (sometimes) extra unknown keys. */
function obj(shape: Record<string, Arb>, most = 6, always: string[] = []): fc.Arbitrary<Obj> {
  const extras = fc.oneof(
    { arbitrary: fc.constant({}), weight: 4 },
    { arbitrary: fc.dictionary(fc.oneof(awkwardString, fc.constantFrom('x-extra', 'x-api-security-exemptions', '$ref', 'properties', 'example')), wrong, { maxKeys: 2 }), weight: 1 },
  );
  const optional = Object.keys(shape).filter(key => !always.includes(key));
  const known = fc.subarray(optional, { maxLength: Math.min(most, optional.length) }).chain(keys => fc.record(Object.fromEntries([...always, ...keys].map(key => [key, shape[key]]))));
  return fc.tuple(known, extras).map(([own, extra]) => ({ ...extra, ...own }) as Obj);
}

const small = { maxLength: 3 };
const smallMap = { maxKeys: 3 };

// ------------------------------------------------------------------------------------------
// Names and values from the vocabularies our rules look at, so findings actually happen.

const COMPONENTS = ['A', 'B', 'User', 'Error', 'Self'];
const propertyName = fc.oneof(
  fc.constantFrom('id', 'userId', 'user_id', 'password', 'token', 'secret', 'role', 'isAdmin', 'email', 'ssn', 'stack', 'trace', 'exception', 'limit', 'page_size', 'name', 'file', 'api_key', 'client_secret', 'creditCard', 'constructor'),
  awkwardString,
);
const parameterName = fc.oneof(fc.constantFrom('id', 'userId', 'token', 'api_key', 'access_token', 'password', 'Authorization', 'limit', 'pageSize', 'email', 'phone', 'X-API-Key'), awkwardString);
const schemeName = fc.constantFrom('bearer', 'key', 'oauth', 'basic', 'oidc', 'missing', '');
const scope = fc.oneof(fc.constantFrom('read', 'write', 'admin', 'read:users', 'undeclared'), awkwardString);
const pathKey = fc.oneof(fc.constantFrom('/users/{id}', '/users/{userId}/files', '/admin/users', '/internal/ops', '/oauth/token', '/token/', '/login', '/upload', '/', '//', '/{a}/{a}', 'x-ext', 'no-slash'), awkwardString);
const statusKey = fc.oneof(fc.constantFrom('200', '201', '204', '400', '401', '403', '404', '429', '4XX', '5XX', '500', 'default', 'DEFAULT', 'x-ext', '2XX'), awkwardString);
const mediaType = fc.constantFrom('application/json', 'multipart/form-data', 'application/octet-stream', 'text/plain', '*/*', 'application/x-www-form-urlencoded', '');
const url = fc.oneof(
  fc.constantFrom(
    'https://api.example.com/v1', 'http://api.example.com', 'http://localhost:8080', 'ws://stream.example.com', 'wss://stream.example.com', '//example.com', '/v1',
    '{scheme}://{host}/v1', 'http://{host}', 'https://user:pa55w0rdQz@db.example.org/x', 'https://example.com/oauth/token', 'http://127.0.0.1/token', 'ftp://x', 'javascript:alert(1)', 'https://[::1]/',
  ),
  awkwardString,
);
/** Secret-shaped strings, assembled at run time from a prefix and random characters (never a real credential). */
const secretish = fc
  .tuple(fc.constantFrom('ghp_', 'github_pat_', 'AKIA', 'sk_live_', 'sk_test_', 'rk_live_', 'xoxb-', 'AIza', 'SG.', 'npm_', 'eyJhbGciOiJIUzI1NiJ9.', 'Basic ', 'Bearer ', '-----BEGIN RSA PRIVATE KEY-----\n'), fc.string({ minLength: 8, maxLength: 48, unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.') }))
  .map(([prefix, rest]) => prefix + rest);
const text = fc.oneof(awkwardString, secretish, url);
const literal: Arb = fc.oneof(jsonValue, secretish, fc.dictionary(propertyName, fc.oneof(text, jsonValue), smallMap), fc.array(text, small));
const boolish: Arb = fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 1, 0, null));
const numberish: Arb = fc.oneof(fc.integer({ min: -1, max: 100_000 }), fc.constantFrom('10', '1e3', -1, 1.5, Number.MAX_SAFE_INTEGER, null, '', [10]));
const ruleId = fc.oneof(fc.constantFrom(...OUR_RULES), awkwardString);
const exemptions: Arb = maybe(fc.dictionary(ruleId, maybe(fc.constantFrom('Public probe; returns only "ok".', '', ' ')), smallMap));

/** Local references, resolvable, dangling, malformed, into the wrong kind of object, or to the root. */
function ref(kind: 'schemas' | 'parameters' | 'responses' | 'requestBodies' | 'securitySchemes' | 'pathItems' | 'headers' | 'examples'): Arb {
  const name = fc.constantFrom(...COMPONENTS, 'Missing');
  const oas3 = name.map(n => `#/components/${kind}/${n}`);
  const oas2Root = { schemas: 'definitions', parameters: 'parameters', responses: 'responses', securitySchemes: 'securityDefinitions' }[kind as string] ?? kind;
  const oas2 = name.map(n => `#/${oas2Root}/${n}`);
  const odd = fc.constantFrom('#', '#/', '#/paths', '#/paths/~1users~1{id}/get', '#/components', '#/components/schemas/A/properties/self', '#/definitions/A/allOf/0', '#/components/schemas/%E0%A4%A', '#/components/schemas/A~2', 'A', '', '#/components/schemas/A/items/0/x', '#/info/title');
  return fc.oneof(oas3, oas2, odd, awkwardString).map(target => ({ $ref: target }));
}

// ------------------------------------------------------------------------------------------
// The document shape.

interface PartValues {
  schema: unknown;
  parameter: unknown;
  response: unknown;
  operation: unknown;
  pathItem: unknown;
}
type Parts = { [K in keyof PartValues]: Arb };

const shape: Parts = fc.letrec<PartValues>(tie => {
  const schema = tie('schema');
  const schemaList = maybe(fc.array(schema, small));
  const securityRequirements = maybe(fc.array(maybe(fc.dictionary(schemeName, maybe(fc.array(maybe(scope), small)), smallMap)), small));
  const content = maybe(fc.dictionary(mediaType, maybe(obj({ schema, example: literal, examples: maybe(fc.dictionary(awkwardString, maybe(obj({ value: literal, summary: text, externalValue: url })), smallMap)) }, 2, ['schema'])), smallMap));
  const headers = maybe(fc.dictionary(fc.constantFrom('X-RateLimit-Limit', 'RateLimit', 'Retry-After', 'Set-Cookie', 'x-ext'), maybe(fc.oneof(obj({ schema, type: fc.constantFrom('integer', 'string'), description: text }), ref('headers'))), smallMap));
  return {
    schema: fc.oneof(
      { depthSize: 'small', maxDepth: 5, withCrossShrink: true },
      { arbitrary: wrong, weight: 1 },
      { arbitrary: ref('schemas'), weight: 2 },
      // The common shape, so rules about properties, bounds and formats get to judge something.
      { arbitrary: obj({
        type: maybe(fc.constantFrom('object', 'string', 'integer', 'array', 'number')),
        properties: maybe(fc.dictionary(propertyName, schema, smallMap)),
        items: schema,
        format: maybe(fc.constantFrom('uuid', 'int64', 'email', 'binary', 'password')),
        maxLength: numberish,
        maximum: numberish,
        maxItems: numberish,
        readOnly: boolish,
        additionalProperties: maybe(fc.oneof(fc.boolean(), schema)),
        example: literal,
      }, 3, ['type']), weight: 5 },
      { arbitrary: obj({
        type: maybe(fc.oneof(fc.constantFrom('object', 'string', 'integer', 'number', 'array', 'boolean', 'null', 'file'), fc.array(fc.constantFrom('string', 'null', 'object'), small))),
        format: maybe(fc.constantFrom('uuid', 'int64', 'int32', 'email', 'password', 'binary', 'date-time', 'uri', 'byte')),
        properties: maybe(fc.dictionary(propertyName, schema, smallMap)),
        patternProperties: maybe(fc.dictionary(awkwardString, schema, { maxKeys: 1 })),
        required: maybe(fc.array(maybe(propertyName), small)),
        items: maybe(fc.oneof(schema, fc.array(schema, small))),
        prefixItems: schemaList,
        allOf: schemaList,
        oneOf: schemaList,
        anyOf: schemaList,
        not: schema,
        additionalProperties: maybe(fc.oneof(fc.boolean(), schema)),
        unevaluatedProperties: maybe(fc.oneof(fc.boolean(), schema)),
        enum: maybe(fc.array(literal, small)),
        const: literal,
        default: literal,
        example: literal,
        examples: maybe(fc.array(literal, small)),
        pattern: maybe(fc.constantFrom('^[a-z]+$', '.*', '(a+)+$', '[', '^\\d{1,3}$')),
        maxLength: numberish,
        minLength: numberish,
        maximum: numberish,
        maxItems: numberish,
        maxProperties: numberish,
        readOnly: boolish,
        writeOnly: boolish,
        nullable: boolish,
        discriminator: maybe(obj({ propertyName, mapping: maybe(fc.dictionary(awkwardString, fc.constantFrom('#/components/schemas/A', 'Missing'), smallMap)) })),
        description: text,
        'x-api-security-exemptions': exemptions,
        $ref: maybe(fc.constantFrom('#/components/schemas/A', '#/definitions/B', '#/components/schemas/Self', '#/components/schemas/Missing')),
      }, 5, ['type']), weight: 3 },
    ),
    parameter: fc.oneof(
      { depthSize: 'small' },
      { arbitrary: wrong, weight: 1 },
      { arbitrary: ref('parameters'), weight: 1 },
      { arbitrary: obj({
        name: maybe(parameterName),
        in: maybe(fc.constantFrom('query', 'path', 'header', 'cookie', 'body', 'formData', 'QUERY', 'Path', 'querystring')),
        required: boolish,
        schema,
        content,
        type: maybe(fc.constantFrom('string', 'integer', 'array', 'file', 'object')),
        format: maybe(fc.constantFrom('int64', 'uuid', 'password')),
        items: schema,
        maximum: numberish,
        maxLength: numberish,
        enum: maybe(fc.array(literal, small)),
        example: literal,
        examples: maybe(fc.dictionary(awkwardString, maybe(obj({ value: literal })), smallMap)),
        'x-example': literal,
        description: text,
        'x-api-security-exemptions': exemptions,
      }, 3, ['name', 'in']), weight: 5 },
    ),
    response: fc.oneof(
      { depthSize: 'small' },
      { arbitrary: wrong, weight: 1 },
      { arbitrary: ref('responses'), weight: 1 },
      { arbitrary: obj({ description: text, content, schema, headers, examples: maybe(fc.dictionary(mediaType, literal, smallMap)), links: maybe(fc.dictionary(awkwardString, wrong, smallMap)), 'x-api-security-exemptions': exemptions }, 3, ['description']), weight: 5 },
    ),
    operation: maybe(
      obj({
        operationId: maybe(awkwardString),
        summary: text,
        description: text,
        tags: maybe(fc.array(maybe(fc.constantFrom('admin', 'internal', 'users', 'ops', 'Manage')), small)),
        parameters: maybe(fc.array(tie('parameter'), small)),
        requestBody: maybe(fc.oneof(obj({ content, required: boolish, description: text }, 2, ['content']), ref('requestBodies'))),
        responses: maybe(fc.dictionary(statusKey, tie('response'), smallMap)),
        security: securityRequirements,
        servers: maybe(fc.array(maybe(obj({ url: maybe(url), variables: maybe(fc.dictionary(awkwardString, maybe(obj({ default: maybe(awkwardString), enum: maybe(fc.array(awkwardString, small)) })), smallMap)) })), small)),
        callbacks: maybe(fc.dictionary(awkwardString, maybe(fc.dictionary(fc.constantFrom('{$request.body#/url}', 'http://cb.example.com'), tie('pathItem'), { maxKeys: 1 })), { maxKeys: 1 })),
        deprecated: boolish,
        consumes: maybe(fc.array(maybe(mediaType), small)),
        produces: maybe(fc.array(maybe(mediaType), small)),
        schemes: maybe(fc.array(maybe(fc.constantFrom('http', 'https', 'ws', 'wss', 'HTTP')), small)),
        'x-api-security-exemptions': exemptions,
      }, 6, ['responses']),
    ),
    pathItem: fc.oneof(
      { depthSize: 'small' },
      { arbitrary: wrong, weight: 1 },
      { arbitrary: ref('pathItems'), weight: 1 },
      { arbitrary: obj({
        get: tie('operation'),
        put: tie('operation'),
        post: tie('operation'),
        delete: tie('operation'),
        patch: tie('operation'),
        head: tie('operation'),
        options: tie('operation'),
        trace: tie('operation'),
        parameters: maybe(fc.array(tie('parameter'), small)),
        summary: text,
        servers: maybe(fc.array(maybe(obj({ url: maybe(url) })), small)),
        'x-api-security-exemptions': exemptions,
      }), weight: 5 },
    ),
  };
});

const flows = (oas2: boolean): Arb =>
  oas2
    ? obj({ flow: maybe(fc.constantFrom('implicit', 'password', 'application', 'accessCode')), authorizationUrl: maybe(url), tokenUrl: maybe(url), scopes: maybe(fc.dictionary(scope, maybe(awkwardString), smallMap)) })
    : obj({
        flows: maybe(
          fc.dictionary(
            fc.constantFrom('implicit', 'password', 'clientCredentials', 'authorizationCode', 'deviceAuthorization', 'x-ext'),
            maybe(obj({ authorizationUrl: maybe(url), tokenUrl: maybe(url), refreshUrl: maybe(url), scopes: maybe(fc.dictionary(scope, maybe(awkwardString), smallMap)) })),
            smallMap,
          ),
        ),
      });

const securityScheme = (oas2: boolean): Arb =>
  maybe(
    fc.oneof(
      fc.tuple(
        obj({
          type: maybe(fc.constantFrom('apiKey', 'http', 'oauth2', 'openIdConnect', 'mutualTLS', 'basic', 'APIKEY', 'oauth1')),
          scheme: maybe(fc.constantFrom('basic', 'bearer', 'digest', 'Negotiate', 'ntlm', 'oauth', 'hoba')),
          in: maybe(fc.constantFrom('query', 'header', 'cookie', 'path')),
          name: maybe(parameterName),
          openIdConnectUrl: maybe(url),
          description: text,
          'x-api-security-exemptions': exemptions,
        }),
        flows(oas2),
      ).map(([a, b]) => ({ ...(a as Obj), ...(b as Obj) })),
      ref('securitySchemes'),
    ),
  );

const components = (parts: Parts): fc.Arbitrary<Obj> => {
  const named = (arb: Arb) => maybe(fc.dictionary(fc.constantFrom(...COMPONENTS), arb, { maxKeys: 4 }));
  return obj({
    schemas: named(parts.schema),
    parameters: named(parts.parameter),
    responses: named(parts.response),
    requestBodies: named(obj({ content: maybe(fc.dictionary(mediaType, maybe(obj({ schema: parts.schema })), smallMap)) })),
    headers: named(obj({ schema: parts.schema })),
    examples: named(obj({ value: literal, externalValue: url })),
    pathItems: named(parts.pathItem),
    securitySchemes: maybe(fc.dictionary(schemeName, securityScheme(false), smallMap)),
  }, 4, ['schemas', 'securitySchemes']);
};

const info: Arb = maybe(obj({ title: maybe(awkwardString), version: maybe(fc.oneof(awkwardString, fc.integer())), description: text, termsOfService: url, contact: maybe(obj({ url, email: awkwardString })), license: maybe(obj({ name: awkwardString, url })) }));
const paths = (parts: Parts): Arb => maybe(fc.dictionary(pathKey, parts.pathItem, { maxKeys: 4 }));
const rootExtras = { 'x-api-security-exemptions': exemptions, tags: maybe(fc.array(maybe(obj({ name: awkwardString, description: text })), small)), externalDocs: maybe(obj({ url })) };

const swagger2 = ((parts: Parts) =>
  fc.tuple(
    fc.oneof({ arbitrary: fc.constant('2.0'), weight: 12 }, { arbitrary: fc.constantFrom('2', 2, 2.0, '2.0.0', '2.1', null, ['2.0']), weight: 1 }),
    obj({
      info,
      host: maybe(fc.constantFrom('api.example.com', 'localhost:8080', 'user:pw@example.com', '')),
      basePath: maybe(fc.constantFrom('/v1', '/', '', 'v1')),
      schemes: maybe(fc.array(maybe(fc.constantFrom('http', 'https', 'ws', 'wss', 'HTTP')), small)),
      consumes: maybe(fc.array(maybe(mediaType), small)),
      paths: paths(parts),
      definitions: maybe(fc.dictionary(fc.constantFrom(...COMPONENTS), parts.schema, { maxKeys: 4 })),
      parameters: maybe(fc.dictionary(fc.constantFrom(...COMPONENTS), parts.parameter, { maxKeys: 3 })),
      responses: maybe(fc.dictionary(fc.constantFrom(...COMPONENTS), parts.response, { maxKeys: 3 })),
      securityDefinitions: maybe(fc.dictionary(schemeName, securityScheme(true), smallMap)),
      security: maybe(fc.array(maybe(fc.dictionary(schemeName, maybe(fc.array(maybe(scope), small)), smallMap)), small)),
      ...rootExtras,
    }, 5, ['info', 'paths', 'definitions', 'securityDefinitions']),
  ).map(([swagger, rest]) => ({ swagger, ...rest })))(shape);

const openapi3 = ((parts: Parts) =>
  fc.tuple(
    fc.oneof({ arbitrary: fc.constantFrom('3.0.0', '3.0.3', '3.1.0', '3.1.1'), weight: 12 }, { arbitrary: fc.constantFrom('3', 3, 3.1, '3.2.0', '3.0', '3.1', null, {}, ''), weight: 1 }),
    obj({
      info,
      servers: maybe(fc.array(maybe(obj({ url: maybe(url), description: text, variables: maybe(fc.dictionary(fc.constantFrom('host', 'scheme', 'port'), maybe(obj({ default: maybe(fc.constantFrom('http', 'https', 'api.example.com', '8080')), enum: maybe(fc.array(maybe(fc.constantFrom('http', 'https')), small)) })), smallMap)) })), small)),
      paths: paths(parts),
      webhooks: maybe(fc.dictionary(awkwardString, parts.pathItem, { maxKeys: 2 })),
      components: maybe(components(parts)),
      security: maybe(fc.array(maybe(fc.dictionary(schemeName, maybe(fc.array(maybe(scope), small)), smallMap)), small)),
      jsonSchemaDialect: maybe(url),
      ...rootExtras,
    }, 4, ['info', 'paths', 'components']),
  ).map(([openapi, rest]) => ({ openapi, ...rest })))(shape);

/** A document shaped like Swagger 2.0, OpenAPI 3.0 or 3.1, wrong somewhere (or, rarely, not a document at all). */
export const openApiLike: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: swagger2, weight: 5 }, { arbitrary: openapi3, weight: 10 }, { arbitrary: wrong, weight: 1 });

// ------------------------------------------------------------------------------------------
// Mutations of real documents.

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number; to: number }
  | { kind: 'share'; at: number; to: number }
  | { kind: 'dangling'; at: number; target: string }
  | { kind: 'cycle'; at: number; to: number };

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: wrong }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('share' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('dangling' as const), at: fc.nat(), target: fc.constantFrom('#/components/schemas/DoesNotExist', '#/definitions/DoesNotExist', '#/nope/~1x', '#', '#/', 'missing.yaml#/x', '#/%ZZ') }),
    fc.record({ kind: fc.constant('cycle' as const), at: fc.nat(), to: fc.nat() }),
  ),
  { minLength: 1, maxLength: 6 },
);

type Path = Array<string | number>;

/** Every container (object or array) and value position in the document, root first. */
function positions(root: unknown): Array<{ path: Path; node: unknown }> {
  const out: Array<{ path: Path; node: unknown }> = [];
  const stack: Array<{ path: Path; node: unknown }> = [{ path: [], node: root }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const at = stack.pop()!;
    out.push(at);
    if (typeof at.node !== 'object' || at.node === null || seen.has(at.node)) continue;
    seen.add(at.node);
    const children = Array.isArray(at.node) ? at.node.map((v, i) => [i, v] as const) : Object.entries(at.node as Obj);
    for (const [key, value] of children) stack.push({ path: [...at.path, key], node: value });
  }
  return out;
}

function parentOf(root: unknown, path: Path): { parent: Obj | unknown[]; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) node = (node as Obj)[segment as string];
  if (typeof node !== 'object' || node === null) return undefined;
  return { parent: node as Obj, key: path[path.length - 1] };
}

/** True when an object contains itself (iterative depth-first search with an on-path mark). */
function isCyclic(root: unknown): boolean {
  const state = new Map<object, 'open' | 'done'>();
  const stack: Array<{ node: object; exit: boolean }> = typeof root === 'object' && root !== null ? [{ node: root, exit: false }] : [];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      state.set(node, 'done');
      continue;
    }
    if (state.get(node) === 'done') continue;
    state.set(node, 'open');
    stack.push({ node, exit: true });
    for (const child of Object.values(node)) {
      if (typeof child !== 'object' || child === null) continue;
      if (state.get(child) === 'open') return true;
      if (!state.has(child)) stack.push({ node: child, exit: false });
    }
  }
  return false;
}

const pointer = (path: Path) => (path.length === 0 ? '#' : `#/${path.map(s => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`);

/**
 * Applies mutations to a copy of a document: replace a node by a wrong-typed value, delete a key
 * (or array item), copy a subtree elsewhere, make two places share one object (as YAML aliases
 * do), turn a `$ref` dangling, or make a `$ref` point at one of its ancestors (a cycle).
 * Indices are taken modulo the number of candidate positions, so any nat works.
 */
export function mutate(document: unknown, list: readonly Mutation[]): unknown {
  const root: { doc: unknown } = { doc: structuredClone(document) };
  for (const mutation of list) {
    const all = positions(root.doc).map(p => ({ ...p, path: ['doc', ...p.path] as Path }));
    const pick = (n: number) => all[n % all.length];
    switch (mutation.kind) {
      case 'replace': {
        const at = parentOf(root, pick(mutation.at).path);
        if (at) (at.parent as Obj)[at.key as string] = structuredClone(mutation.value);
        break;
      }
      case 'delete': {
        const at = parentOf(root, pick(mutation.at).path);
        if (!at || at.key === 'doc') break;
        if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
        else delete (at.parent as Obj)[at.key as string];
        break;
      }
      case 'duplicate':
      case 'share': {
        const source = pick(mutation.at);
        const to = pick(mutation.to);
        const at = parentOf(root, to.path);
        if (!at || at.key === 'doc') break;
        const before = (at.parent as Obj)[at.key as string];
        (at.parent as Obj)[at.key as string] = mutation.kind === 'share' ? source.node : structuredClone(source.node);
        // Sharing an object with a place inside it would make the document itself cyclic (not JSON, not YAML): undo.
        if (mutation.kind === 'share' && isCyclic(root.doc)) (at.parent as Obj)[at.key as string] = before;
        break;
      }
      case 'dangling': {
        const refs = all.filter(p => typeof p.node === 'object' && p.node !== null && typeof (p.node as Obj).$ref === 'string');
        const target = refs.length > 0 ? refs[mutation.at % refs.length] : pick(mutation.at);
        if (typeof target.node === 'object' && target.node !== null && !Array.isArray(target.node)) (target.node as Obj).$ref = mutation.target;
        break;
      }
      case 'cycle': {
        const objects = all.filter(p => typeof p.node === 'object' && p.node !== null && !Array.isArray(p.node) && p.path.length > 1);
        if (objects.length === 0) break;
        const node = objects[mutation.at % objects.length];
        // A reference to an ancestor, the root or the node itself: following it loops.
        const length = mutation.to % node.path.length;
        (node.node as Obj).$ref = pointer(node.path.slice(1, 1 + length));
        break;
      }
    }
  }
  return root.doc;
}

/**
 * Keys that name members of `Object.prototype`. JSON and YAML may use any key, but Spectral's
 * parser assigns `__proto__` as a prototype and its resolver calls `target.hasOwnProperty`, so
 * Spectral itself fails on some of these documents (see the property tests).
 */
const PROTOTYPE_KEYS = ['__proto__', 'hasOwnProperty', 'constructor', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

/** An OpenAPI-shaped document with prototype-named keys written into random objects. */
export const withPrototypeKeys: fc.Arbitrary<unknown> = fc
  .tuple(openApiLike, fc.array(fc.record({ at: fc.nat(), key: fc.constantFrom(...PROTOTYPE_KEYS), value: wrong }), { minLength: 1, maxLength: 4 }))
  .map(([doc, injections]) => {
    const copy = structuredClone(doc);
    const objects = positions(copy).filter(p => typeof p.node === 'object' && p.node !== null && !Array.isArray(p.node));
    for (const { at, key, value } of injections) {
      if (objects.length === 0) break;
      // defineProperty: an own data property named `__proto__`, as JSON.parse makes, not a prototype change.
      Object.defineProperty(objects[at % objects.length].node as object, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  });
