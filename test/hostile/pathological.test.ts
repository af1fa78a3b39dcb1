import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base, componentRef, response, VERSIONS, type Doc, type Version } from '../helpers.js';
import { rules } from '../../index.js';
import { MAX_VISITS_PER_BODY } from '../../functions/data/mass-assignment.js';
import { assertStrict, lintOrDirect, lintText, ours, parseLikeSpectral, runDirect, thrownByAFunction, UNGATED } from './harness.js';

/**
 * Pathological documents: each finishes within a bounded time with no crash. The measured times in
 * the test names are the range seen over several runs on the development machine (2 cores shared
 * with other jobs, Node 20); the bounds asserted are generous multiples for slower CI machines.
 * Every run prints its own times (at the end of the file's output).
 */
beforeAll(assertStrict);

const measured: string[] = [];
afterAll(() => console.log(`hostile documents, measured:\n${measured.join('\n')}`));

/** Runs `work`, records its time under `label`, and asserts it stays under `boundMs`. */
async function bounded<T>(label: string, boundMs: number, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  measured.push(`  ${label}: ${(ms / 1000).toFixed(2)} s`);
  expect(ms).toBeLessThan(boundMs);
  return value;
}

const json = (doc: unknown) => JSON.stringify(doc);
const codes = (results: Array<{ code: string | number }>) => [...new Set(results.map(r => String(r.code)))].sort();

function ref(version: Version, name: string): Doc {
  return { $ref: componentRef(version, 'schemas', name) };
}

/** A response with a JSON body in each version's shape. */
const body = (version: Version, schema: Doc) => response(version, 'OK', schema);

/** A request body (3.x) or body parameter (2.0) carrying the schema. */
function accepts(version: Version, schema: Doc): Doc {
  return version === '2.0'
    ? { parameters: [{ name: 'body', in: 'body', schema }] }
    : { requestBody: { content: { 'application/json': { schema } } } };
}

function withSchemas(version: Version, schemas: Doc, extra: Doc): Doc {
  return base(version, version === '2.0' ? { definitions: schemas, ...extra } : { ...extra, components: { ...((extra.components as Doc) ?? {}), schemas } });
}

// ------------------------------------------------------------------------------------------

describe.each(VERSIONS)('circular $refs (%s)', version => {
  it('direct, mutual and through allOf, in schemas, parameters, responses, path items and security schemes: finishes < 5 s (measured 0.02–0.4 s)', async () => {
    const oas3 = version !== '2.0';
    const selfRef = (kind: 'parameters' | 'responses' | 'securitySchemes', name: string) => ({ $ref: componentRef(version, kind, name) });
    const schemas: Doc = {
      Self: ref(version, 'Self'),
      Ping: ref(version, 'Pong'),
      Pong: ref(version, 'Ping'),
      Node: { allOf: [ref(version, 'Tree'), { type: 'object', properties: { parent: ref(version, 'Node'), password: { type: 'string' } } }] },
      Tree: { allOf: [ref(version, 'Node')], properties: { children: { type: 'array', items: ref(version, 'Tree') } } },
      Loop: { type: 'object', properties: { self: ref(version, 'Loop') }, additionalProperties: ref(version, 'Loop'), items: ref(version, 'Loop'), oneOf: [ref(version, 'Loop')] },
    };
    const parameters = { P: selfRef('parameters', 'P'), Q: selfRef('parameters', 'R'), R: selfRef('parameters', 'Q') };
    const responses = { Again: selfRef('responses', 'Again') };
    const schemes = { Loop: selfRef('securitySchemes', 'Loop') };
    const operation = (schema: Doc): Doc => ({
      security: [{ Loop: [] }],
      parameters: [selfRef('parameters', 'P'), selfRef('parameters', 'Q'), ...(version === '2.0' ? [{ name: 'body', in: 'body', schema }] : [])],
      ...(oas3 ? { requestBody: { content: { 'application/json': { schema } } } } : {}),
      responses: { '200': body(version, schema), '201': selfRef('responses', 'Again'), default: body(version, ref(version, 'Ping')) },
    });
    const doc = withSchemas(version, schemas, {
      security: [{ Loop: [] }],
      ...(oas3 ? { components: { parameters, responses, securitySchemes: schemes } } : { parameters, responses, securityDefinitions: schemes }),
      'x-root': { $ref: '#' },
      paths: {
        '/nodes': { post: operation(ref(version, 'Node')), put: operation(ref(version, 'Tree')), patch: operation(ref(version, 'Self')), delete: operation(ref(version, 'Loop')) },
        '/self': { $ref: '#/paths/~1self' },
        '/alias': { $ref: '#/paths/~1nodes' },
        '/open': { post: { security: [], responses: { '200': response(version) } } },
      },
    });
    const results = await bounded(`circular $refs (${version})`, 5_000, () => lintText(json(doc), undefined, 'json'));
    // The rules did run on it: the unprotected write is reported where it is written.
    expect(ours(results).filter(r => r.code === 'auth-write-operation-unprotected').map(r => r.path.join('.'))).toEqual(['paths./open.post.security']);
  });
});

// ------------------------------------------------------------------------------------------

/** `depth` levels of nesting, built bottom-up. */
function nest(depth: number, wrap: (inner: Doc, level: number) => Doc): Doc {
  let schema: Doc = { type: 'object', properties: { password: { type: 'string', maxLength: 64 } }, additionalProperties: false };
  for (let i = 0; i < depth; i++) schema = wrap(schema, i);
  return schema;
}

function deepDocument(schema: Doc): Doc {
  return base('3.1', {
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: { '/deep': { post: { ...accepts('3.1', schema), responses: { '200': body('3.1', schema), '401': response('3.1'), '429': response('3.1') } } } },
  });
}

describe('2,000-deep nested schemas', () => {
  /*
   * Spectral's own reference resolver (@stoplight/json-ref-resolver, and immer's recursive freeze
   * of the resolved document) overflows the stack on documents this deep before any rule runs —
   * with no rules at all too (measured here on Node 20). That is the engine, not our code: where it
   * happens, our functions are run directly on the document as Spectral's parser reads it, exactly
   * as Spectral would call them (harness.ts: runDirect). The printed times say which of the two ran.
   */
  it.each([
    ['items', "Spectral's resolver overflows its stack; our functions on the parsed document finish < 20 s (measured 0.3–0.7 s)", (inner: Doc) => ({ type: 'array', maxItems: 10, items: inner })],
    ['properties', "Spectral's resolver overflows its stack; our functions on the parsed document finish < 20 s (measured 0.8–1.5 s)", (inner: Doc, level: number) => ({ type: 'object', additionalProperties: false, properties: { [`level${level}`]: inner } })],
    ['allOf', "Spectral's resolver overflows its stack; our functions on the parsed document finish < 20 s (measured 0.03 s)", (inner: Doc) => ({ allOf: [inner] })],
  ] as const)('2,000 levels of `%s`: %s', async (kind, _label, wrap) => {
    const text = json(deepDocument(nest(2_000, wrap)));
    let results: Array<{ code: string | number; path: Array<string | number> }>;
    try {
      results = ours(await bounded(`2,000-deep ${kind} (through Spectral)`, 20_000, () => lintText(text, undefined, 'json')));
    } catch (error) {
      // A function of ours that throws fails the test; anything else is the engine giving up.
      if (thrownByAFunction(error)) throw error;
      expect(String((error as Error).message)).toMatch(/Maximum call stack size exceeded/);
      const data = parseLikeSpectral(text, 'json');
      results = await bounded(`2,000-deep ${kind} (Spectral's resolver overflows; our functions directly)`, 20_000, () => runDirect(data, UNGATED));
    }
    const found = results.filter(r => r.code === 'data-credential-in-response');
    if (kind === 'allOf') {
      // allOf chains are merged 64 members deep (MAX_ALLOF_DEPTH, functions/analysis/schema.ts): the bound, not a crash.
      expect(found).toEqual([]);
    } else {
      // 2,000 levels down, the credential is still found, once, where it is declared.
      expect(found).toHaveLength(1);
      expect(found[0].path.filter(segment => segment === kind)).toHaveLength(kind === 'items' ? 2_000 : 2_001);
    }
  });
});

// ------------------------------------------------------------------------------------------

describe('huge values', () => {
  it('a 100,000-item enum: finishes < 15 s (measured 0.5–1.0 s)', async () => {
    const values = Array.from({ length: 100_000 }, (_, i) => `status-${i}`);
    const doc = base('3.1', {
      paths: {
        '/items': {
          get: {
            parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: values } }],
            responses: { '200': body('3.1', { type: 'object', properties: { status: { type: 'string', enum: values } } }) },
          },
        },
      },
    });
    const results = await bounded('100,000-item enum', 15_000, () => lintText(json(doc), undefined, 'json'));
    expect(ours(results).map(r => r.code)).toContain('auth-security-undocumented');
  });

  it('a 1 MB description string (and 1 MB in an example, a server URL, a token URL and a path key): finishes < 15 s (measured 0.9–1.7 s)', async () => {
    // Pseudo-random prose with the characters the secret scanners key on (`://`, `@`, `Basic `, `=`).
    let state = 42;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=_-';
    const words: string[] = [];
    let length = 0;
    while (length < 1_048_576) {
      const word = next() % 50 === 0 ? ['https://', 'user:', '@host', 'Basic ', 'sk_live_', 'ghp_', 'eyJ', '-----BEGIN'][next() % 8] : Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join('');
      words.push(word);
      length += word.length + 1;
    }
    const prose = words.join(' ');
    const random = Array.from({ length: 1_048_576 }, () => alphabet[next() % alphabet.length]).join('');
    // Runs of slashes: `/\/+$/` took quadratic time on these (fixed in functions/analysis/schema-graph.ts and functions/analysis/security.ts).
    const slashes = `/${'/'.repeat(1_048_576)}x`;
    const doc = base('3.1', {
      info: { title: 'Big', version: '1', description: prose },
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `https://auth.example.com${slashes}`, scopes: {} } } } } },
      servers: [{ url: `http://${random}` }],
      paths: {
        [slashes]: { get: { description: prose, responses: { '200': body('3.1', { type: 'object', properties: { client_secret: { type: 'string', example: random } } }) } } },
      },
    });
    expect(prose.length).toBeGreaterThanOrEqual(1_048_576);
    const results = await bounded('1 MB strings', 15_000, () => lintText(json(doc), undefined, 'json'));
    expect(codes(ours(results))).toContain('transport-plain-http');
  });

  it('10,000 properties in one schema: finishes < 15 s (measured 2.5–3.9 s)', async () => {
    const properties: Doc = {};
    for (let i = 0; i < 10_000; i++) properties[`field${i}`] = { type: 'string', maxLength: 10 };
    properties.password = { type: 'string', maxLength: 64 };
    properties.isAdmin = { type: 'boolean' };
    const schema = { type: 'object', additionalProperties: false, properties };
    const doc = base('3.1', {
      components: { schemas: { Wide: schema }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
      paths: { '/wide': { put: { ...accepts('3.1', { $ref: '#/components/schemas/Wide' }), responses: { '200': body('3.1', { $ref: '#/components/schemas/Wide' }), '401': response('3.1'), '429': response('3.1') } } } },
    });
    const results = await bounded('10,000 properties', 15_000, () => lintText(json(doc), undefined, 'json'));
    const paths = (code: string) => ours(results).filter(r => r.code === code).map(r => r.path.join('.'));
    expect(paths('data-credential-in-response')).toEqual(['components.schemas.Wide.properties.password']);
    expect(paths('mass-assignment-privileged-property')).toEqual(['components.schemas.Wide.properties.isAdmin']);
  });
});

// ------------------------------------------------------------------------------------------

describe('walk budgets are per request body', () => {
  it(`a body of more than ${MAX_VISITS_PER_BODY.toLocaleString('en-US')} schema nodes does not hide a later body's isAdmin (finishes < 20 s)`, async () => {
    const properties: Doc = {};
    for (let i = 0; i <= MAX_VISITS_PER_BODY; i++) properties[`f${i}`] = { type: 'object', properties: {} };
    const user = { type: 'object', properties: { name: { type: 'string' }, isAdmin: { type: 'boolean' } } };
    const doc = base('3.1', {
      components: { schemas: { Huge: { type: 'object', properties }, User: user } },
      paths: {
        '/bulk': { post: { ...accepts('3.1', ref('3.1', 'Huge')), responses: { '200': response('3.1') } } },
        '/users': { post: { ...accepts('3.1', ref('3.1', 'User')), responses: { '200': body('3.1', ref('3.1', 'User')) } } },
      },
    });
    const only = { rules: { 'mass-assignment-privileged-property': rules['mass-assignment-privileged-property'] } };
    const results = await bounded(`a ${MAX_VISITS_PER_BODY.toLocaleString('en-US')}-node body before another (our function directly)`, 20_000, () => runDirect(doc, only));
    expect(results.map(r => r.path.join('.'))).toEqual(['components.schemas.User.properties.isAdmin']);
  });
});

// ------------------------------------------------------------------------------------------

describe('documents that are not OpenAPI at all', () => {
  const notOpenApi: Array<[string, string, 'json' | 'yaml']> = [
    ['a package.json', json({ name: 'x', version: '1.0.0', scripts: { test: 'vitest' }, dependencies: { lodash: '^4' }, paths: ['a', 'b'] }), 'json'],
    ['a Kubernetes manifest', 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata:\n  password: cGFzc3dvcmQ=\n', 'yaml'],
    ['a JSON Schema', json({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { paths: { type: 'object' } } }), 'json'],
    ['an AsyncAPI document', 'asyncapi: 2.6.0\ninfo: {title: x, version: "1"}\nchannels: {user/signedup: {subscribe: {message: {payload: {type: object}}}}}\n', 'yaml'],
    ['a YAML scalar', 'just a string\n', 'yaml'],
    ['a list', '- 1\n- two\n- {three: 3}\n', 'yaml'],
    ['an empty file', '', 'yaml'],
    ['null', 'null', 'json'],
    ['a number', '42', 'json'],
    ['binary garbage', String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'yaml'],
    ['malformed YAML', 'openapi: 3.1.0\npaths:\n  /a: {get: [\n  - : :\n\t\tbad', 'yaml'],
    ['invalid JSON', '{"openapi": "3.1.0", "paths": {', 'json'],
  ];

  it.each(notOpenApi)('%s: no findings of ours, and with format gating removed our functions do not throw (finishes < 5 s; measured ≤ 0.02 s)', async (_name, text, format) => {
    const gated = await bounded(`not OpenAPI: ${_name}`, 5_000, () => lintText(text, undefined, format));
    expect(ours(gated)).toEqual([]);
    const ungated = await lintOrDirect(text, UNGATED, format);
    expect(Array.isArray(ungated.results)).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------

describe('YAML anchors, aliases and merge keys', () => {
  const yaml = `openapi: 3.1.0
info: {title: Anchors, version: "1"}
x-defaults:
  error: &error
    description: Error
    content:
      application/json:
        schema: &errorSchema
          type: object
          additionalProperties: false
          properties:
            message: {type: string, maxLength: 200}
            stack: {type: string, maxLength: 10000}
  base: &base
    type: object
    additionalProperties: false
    properties:
      id: {type: string, format: uuid}
  audit: &audit
    properties:
      createdBy: {type: string, maxLength: 64}
components:
  securitySchemes:
    bearer: &bearer {type: http, scheme: bearer}
    again: *bearer
  schemas:
    User:
      <<: [*base, *audit]
      properties:
        <<: *base
        role: {type: string, maxLength: 20}
        password: {type: string, writeOnly: true, maxLength: 64}
    Admin:
      <<: *base
      x-merged: true
security: [{bearer: []}]
paths:
  /users/{id}:
    parameters: &params
      - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
    get: &get
      responses:
        "200": {description: OK, content: {application/json: {schema: {$ref: "#/components/schemas/User"}}}}
        "401": *error
        "429": *error
        "500": *error
    put:
      <<: *get
      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/User"}}}}
  /admins/{id}:
    parameters: *params
    get: *get
    delete: *get
`;

  it('anchors, aliases shared by many operations and merge keys (single and list): finishes < 5 s (measured 0.04 s)', async () => {
    const results = await bounded('YAML anchors and merge keys', 5_000, () => lintText(yaml));
    const paths = (code: string) => ours(results).filter(r => r.code === code).map(r => r.path.join('.')).sort();
    // Spectral's YAML parser expands every alias into a copy; the analysis follows an alias as it
    // follows a `$ref`, so a flaw in an aliased node is reported once, where its anchor is written,
    // however many operations use it (through aliases or a merge key: `put: {<<: *get}`).
    expect(paths('data-error-details-leaked')).toEqual(['x-defaults.error.content.application/json.schema.properties.stack']);
    // Every finding has a place Spectral can locate in the text (none falls back to 1:1).
    for (const result of ours(results)) if (result.path.length > 0) expect(result.range.start.line, result.path.join('.')).toBeGreaterThan(0);
    // Properties merged from anchors (`<<: [*base, *audit]`) beside written ones: the privileged one is found where it is written.
    expect(paths('mass-assignment-privileged-property')).toEqual(['components.schemas.User.properties.role']);
  });

  it('alias amplification (1 KB of YAML that Spectral expands to ~600,000 strings): finishes < 30 s (measured 1.9–3.0 s)', async () => {
    const lines = ['openapi: 3.1.0', 'info: {title: Laughs, version: "1"}', 'x-lol:', `  l0: &l0 [${Array(9).fill('"lol"').join(', ')}]`];
    for (let level = 1; level <= 5; level++) lines.push(`  l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
    lines.push('paths:', '  /a:', '    get:', '      responses:', '        "200":', '          description: OK', '          content: {application/json: {example: *l5}}');
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeLessThan(1_024);
    const results = await bounded('alias amplification (~600,000 strings)', 30_000, () => lintText(text));
    expect(codes(ours(results))).toContain('auth-security-undocumented');
  });
});
