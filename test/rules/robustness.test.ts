// Malformed documents (values of the wrong type, cycles, deep and wide schemas) never make a rule
// throw (the suite runs strict: a function that throws fails the lint), and what is still well formed
// around them is judged as usual. Each block names the family of rules it lints.
import { describe, expect, it } from 'vitest';
import { base, findingsOf, found, lint, response, VERSIONS, type Doc } from '../helpers.js';
import { accepts, api, at, object, ref, returns } from '../fixtures/documents.js';
import { oauth2, schemeFindings, withSchemes } from '../fixtures/schemes.js';
import { ABUSE, EXPENSIVE, RETRY, withPaths } from '../fixtures/rate-limits.js';
import { ARRAY, body, byValueRule, post, STRING, valuesDoc } from '../fixtures/values.js';

const CREDENTIALS = 'auth-credentials-in-url';
const AUTH_HEADER = 'auth-authorization-header-parameter';
const GUESSABLE = 'auth-object-id-guessable';
const UNAUTHORIZED = 'auth-unauthorized-response-undocumented';
const ADMIN = 'auth-admin-operation-shared-security';

const DATA_RULES = [
  'data-credential-in-response',
  'data-personal-data-in-response',
  'data-personal-data-in-url',
  'mass-assignment-privileged-property',
  'mass-assignment-open-schema',
  'data-error-details-leaked',
];

/** Findings of the data exposure and mass assignment rules. */
const ours = (doc: Doc | string) => findingsOf(DATA_RULES, doc);

describe.each(VERSIONS)('parameter and response rules on wrong types (%s)', version => {
  it('ignores non-list parameters, non-object responses and non-string names', async () => {
    const doc = api(version, {
      '/a': { parameters: 'x', get: { parameters: 'x', responses: [] } },
      '/b/{id}': {
        parameters: [42, null, 'x', { name: 42, in: 'query' }, { name: 'token', in: 7 }, { name: 'id', in: 'path', schema: 'integer' }],
        get: { parameters: [{ name: ['token'], in: 'query' }, { $ref: 42 }, { $ref: '#/nowhere' }], responses: 'x', tags: 'Admin' },
      },
      '/admin/c': { get: { responses: { '200': 'x', '401': null }, tags: [1, null], security: 'x' } },
      '/c': 'x',
      '/d': null,
    });
    const results = await lint(doc);
    const paths = (rule: string) => results.filter(r => r.code === rule).map(r => r.path.join('.')).sort();
    expect(paths(CREDENTIALS)).toEqual([]);
    expect(paths(AUTH_HEADER)).toEqual([]);
    expect(paths(GUESSABLE)).toEqual([]);
    // Secured through the root and no usable 401/403 (a null 401 is no response): each is reported at its responses key.
    expect(paths(UNAUTHORIZED)).toEqual(['paths./a.get.responses', 'paths./admin/c.get.responses', 'paths./b/{id}.get.responses']);
    // `security: 'x'` is not an array, so `/admin/c` inherits the root's bearer, exactly what `/a` and `/b/{id}` accept:
    // every operation has that one way in, so the description is reported once, at the root `security`.
    expect(paths(ADMIN)).toEqual(['security']);
  });
});

describe.each(VERSIONS)('data exposure and mass assignment rules on malformed documents (%s)', version => {
  it('do not throw on values of the wrong type anywhere', async () => {
    const weird: Doc = {
      properties: [],
      allOf: 'x',
      oneOf: [null, 3, 'y'],
      anyOf: {},
      items: 42,
      additionalProperties: 'no',
      example: { stack: null, nested: [[[['Traceback (most recent call last)']]]] },
      examples: 'not a list',
      type: 7,
      format: 12,
      enum: 'x',
    };
    const doc = api(version, {
      '/a': { get: returns(version, weird), post: accepts(version, weird, weird), parameters: 'nope' },
      '/b': { put: { requestBody: { content: [] }, parameters: [null, 1, { name: 5, in: 'query' }, { name: 'email', in: 7 }], responses: { '500': { content: { 'application/json': null } }, default: 'x' } } },
      '/c': 'not a path item',
      '/d': { patch: accepts(version, object({ role: null as unknown as Doc, password: 'x' as unknown as Doc, id: [] as unknown as Doc })) },
    }, { schemas: { Bad: 'x' as unknown as Doc } });
    await expect(ours(doc)).resolves.toEqual(expect.any(Array));
  });

  it('terminate on self-referencing and mutually recursive schemas, reporting each declaration once', async () => {
    const ref = (name: string) => ({ $ref: version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}` });
    const doc = api(
      version,
      { '/users': { get: returns(version, ref('A')), post: accepts(version, ref('A'), ref('B')) } },
      { schemas: { A: { allOf: [ref('B'), object({ a: ref('A'), secret: { type: 'string' } })] }, B: { allOf: [ref('A')], properties: { b: ref('B'), role: { type: 'string' } } } } },
    );
    const where = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(await ours(doc)).toEqual([
      `data-credential-in-response ${where}.A.allOf.1.properties.secret`,
      `mass-assignment-open-schema ${where}.A`,
      `mass-assignment-privileged-property ${where}.B.properties.role`,
    ]);
  });

  it('handle deep nesting and wide schemas', async () => {
    let deep: Doc = object({ password: { type: 'string' } });
    for (let i = 0; i < 150; i++) deep = object({ [`level${i}`]: deep });
    const wide: Doc = {};
    for (let i = 0; i < 3000; i++) wide[`field${i}`] = { type: 'string' };
    const doc = api(version, { '/deep': { get: returns(version, deep) }, '/wide': { get: returns(version, object(wide)) } });
    const start = Date.now();
    const results = await ours(doc);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatch(/^data-credential-in-response paths\.\/deep\.get\.responses\.200\..*\.properties\.password$/);
    expect(Date.now() - start).toBeLessThan(20_000);
  });

  it('ignore documents without operations', async () => {
    expect(await ours({ ...api(version, {}), paths: { '/x': { get: { responses: { '200': response(version) } } } } })).toEqual([]);
  });
});

describe.each(VERSIONS)('security scheme rules on wrong types: no crash, no findings (%s)', version => {
  const flow = version === '2.0' ? 'application' : 'clientCredentials';

  it.each<[string, Doc]>([
    ['type: 42', { S: { type: 42, scheme: 'basic', in: 'query', name: 'k' } }],
    ['type: null', { S: { type: null } }],
    ['type: [basic]', { S: { type: ['basic'], scheme: 'basic' } }],
    ['flows: []', { S: { type: 'oauth2', flows: [], flow: [] } }],
    ['flows: string', { S: { type: 'oauth2', flows: 'implicit' } }],
    ['flows.implicit: null', { S: { type: 'oauth2', flows: { implicit: null, password: 'x' } } }],
    ['flow: 42', { S: { type: 'oauth2', flow: 42, tokenUrl: 7, authorizationUrl: 'http' } }],
    ['scheme: null', { S: { type: 'http', scheme: null } }],
    ['scheme: 7', { S: { type: 'http', scheme: 7 } }],
    ['scheme: {}', { S: { type: 'http', scheme: { basic: true } } }],
    ['tokenUrl: 7', { S: oauth2(version, flow, { tokenUrl: 7, refreshUrl: null, authorizationUrl: ['http://auth.example.com'] }) }],
    ['openIdConnectUrl: {}', { S: { type: 'openIdConnect', openIdConnectUrl: { url: 'http://auth.example.com' } } }],
    ['in: 5', { S: { type: 'apiKey', in: 5, name: 'k' } }],
    ['in: [query]', { S: { type: 'apiKey', in: ['query'], name: 'k' } }],
    ['scheme object null', { S: null }],
    ['scheme object a string', { S: 'basic' }],
    ['scheme object an array', { S: [{ type: 'http', scheme: 'basic' }] }],
    ['$ref: 42', { S: { $ref: 42 } }],
    ['$ref cycle', { S: { $ref: version === '2.0' ? '#/securityDefinitions/T' : '#/components/securitySchemes/T' }, T: { $ref: version === '2.0' ? '#/securityDefinitions/S' : '#/components/securitySchemes/S' } }],
  ])('%s', async (_label, defs) => {
    expect(await schemeFindings(withSchemes(version, defs))).toEqual([]);
  });

  it.each<[string, Doc]>([
    ['schemes container is an array', version === '2.0' ? { securityDefinitions: [{ type: 'basic' }] } : { components: { securitySchemes: [{ type: 'http', scheme: 'basic' }] } }],
    ['schemes container is null', version === '2.0' ? { securityDefinitions: null } : { components: { securitySchemes: null } }],
    ['components is a string', version === '2.0' ? { securityDefinitions: 'basic' } : { components: 'basic' }],
  ])('%s', async (_label, root) => {
    expect(await schemeFindings(base(version, { ...root, paths: {} }))).toEqual([]);
  });
});

describe('rate-limit rules on hostile input', () => {
  it.each(VERSIONS)('%s: wrong types and odd keys never throw', async version => {
    const d = withPaths(version, {
      '/a': { get: { responses: { '429': { description: 'x', headers: [] }, '200': { description: 'x', headers: 'RateLimit' }, x: 7 } } },
      '/login': { post: { responses: [] }, get: { responses: null, summary: 42, operationId: ['login'] } },
      '/uploads': { post: { responses: { default: { description: { text: 'rate limit' } } }, summary: 'x'.repeat(100_000) } },
      '/d': 'not a path item',
      '/e': { $ref: '#/paths/~1e' },
    });
    const all = await lint(d);
    expect(all.filter(r => r.code === RETRY).map(r => r.path.join('.'))).toEqual(['paths./a.get.responses.429']);
    expect(all.filter(r => r.code === ABUSE).map(r => r.path.join('.'))).toEqual(['paths./login.post.responses']);
    expect(all.filter(r => r.code === EXPENSIVE).map(r => r.path.join('.'))).toEqual(['paths./uploads.post.responses']);
  });
});

describe.each(VERSIONS)('value rules on hostile shapes (%s)', version => {
  it('cyclic allOf, a schema that contains itself through items, and wrong types never throw', async () => {
    const d = valuesDoc(
      version,
      {
        '/things': {
          post: post(
            version,
            object({
              cyclic: ref(version, 'A'),
              tree: ref(version, 'Tree'),
              weird: { type: 42, pattern: 7, maxLength: 'x' },
              patterned: { type: 'string', pattern: 7 },
              broken: { allOf: 'nope', properties: ['a'], items: [{ type: 'string' }], additionalProperties: 'yes' },
              dangling: { $ref: '#/nowhere/at/all' },
              external: { $ref: 'https://example.com/schemas/Thing.json' },
              self: ref(version, 'Self'),
            }),
          ),
        },
      },
      {
        A: { allOf: [ref(version, 'B')], type: 'object', properties: { a: { type: 'string' } } },
        B: { allOf: [ref(version, 'A')], properties: { b: { type: 'string', maxLength: 3 } } },
        Tree: { type: 'array', items: ref(version, 'Tree') },
        Self: ref(version, 'Self'),
      },
    );
    expect(await byValueRule(d)).toEqual({
      // `items` as a list (the old tuple form) is walked like prefixItems.
      [STRING]: [`${at(version, 'A')}.properties.a`, `${body(version)}.properties.broken.items.0`, `${body(version)}.properties.patterned`],
      [ARRAY]: [at(version, 'Tree')],
    });
  });

  it('a deeply nested schema does not overflow the stack', async () => {
    let schema: Doc = { type: 'string' };
    for (let i = 0; i < 400; i++) schema = object({ next: schema });
    const d = valuesDoc(version, { '/things': { post: post(version, schema) } });
    const strings = await found(STRING, d);
    expect(strings).toHaveLength(1);
    expect(strings[0].split('.properties.next')).toHaveLength(401);
  });

  it('a wide schema is judged in reasonable time', async () => {
    const properties = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`p${i}`, { type: 'string' }]));
    const paths = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`/t${i}`, { post: post(version, ref(version, 'Wide')), put: post(version, ref(version, 'Wide')) }]));
    const start = performance.now();
    expect(await found(STRING, valuesDoc(version, paths, { Wide: object(properties) }))).toHaveLength(2000);
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});
