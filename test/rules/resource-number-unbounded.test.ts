import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, lint, param, pathParam, response, testRule, VERSIONS, type Doc } from '../helpers.js';
import { bodyPath, EXEMPTIONS, get, object, ref } from '../fixtures/documents.js';
import { body, NUMBER, paramType, post, QUANTITY, STRING, valuesDoc } from '../fixtures/values.js';

testRule(NUMBER, VERSIONS.flatMap(version => [
  {
    name: `${version}: a request integer without maximum, where it is written, as info`,
    document: valuesDoc(version, { '/things': { post: post(version, object({ rating: { type: 'integer', minimum: 1 }, ok: { type: 'integer', maximum: 10 } })) } }),
    errors: [
      {
        path: [...bodyPath(version, '/things', 'post'), 'properties', 'rating'],
        severity: DiagnosticSeverity.Information,
        message: 'Number has no `maximum`: set one so quantities, sizes and counts cannot be arbitrarily large.',
      },
    ],
  },
  {
    name: `${version}: not an integer bounded by enum, an integer id in the path, nor a GET page size (the pagination rule's)`,
    document: valuesDoc(version, {
      '/things': { post: post(version, object({ n: { type: 'integer', enum: [1, 2, 3] } })) },
      '/users/{userId}': { get: get(version, [pathParam(version, 'userId', { type: 'integer' })]) },
      '/users': { get: get(version, [param(version, 'limit', 'query', { type: 'integer' })]) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${NUMBER} (%s)`, version => {
  it('flags request integers and numbers without maximum, where written, as info', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ rating: { type: 'integer', minimum: 1 }, ratio: { type: 'number' }, ok: { type: 'integer', maximum: 10 } })) } });
    const own = (await lint(d)).filter(r => r.code === NUMBER);
    expect(own.map(r => r.path.join('.')).sort()).toEqual([`${body(version)}.properties.rating`, `${body(version)}.properties.ratio`]);
    expect(own.map(r => r.severity)).toEqual([DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
    expect(own[0].message).toBe('Number has no `maximum`: set one so quantities, sizes and counts cannot be arbitrarily large.');
  });

  const bounded: Array<[string, Doc]> = [
    ['maximum', { maximum: 1000 }],
    ['maximum: 0', { maximum: 0 }],
    ['enum', { enum: [1, 2, 3] }],
    ['maximum with 3.0 exclusiveMaximum: true', { maximum: 100, exclusiveMaximum: true }],
    ...(version === '3.1' ? [['numeric exclusiveMaximum (3.1)', { exclusiveMaximum: 100 }] as [string, Doc], ['const', { const: 5 }] as [string, Doc]] : []),
  ];
  it.each(bounded)('does not flag an integer bounded by %s', async (_, keywords) => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ n: { type: 'integer', ...keywords } })) } });
    expect(await found(NUMBER, d)).toEqual([]);
  });

  it.each([
    ['exclusiveMaximum: true alone (3.0 style: a flag, not a bound)', { exclusiveMaximum: true }],
    ['format: int32', { format: 'int32' }],
    ['maximum as a string', { maximum: '100' }],
  ])('flags an integer with only %s', async (_, keywords) => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ n: { type: 'integer', ...keywords } })) } });
    expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.n`]);
  });

  it('merges allOf: a maximum on the wrapper bounds the referenced integer', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ n: { allOf: [ref(version, 'Count')], maximum: 50 } })) } }, { Count: { type: 'integer', minimum: 0 } });
    expect(await found(NUMBER, d)).toEqual([]);
  });

  it('judges query and header parameters; GET page-size parameters are left to the pagination rule, a POST limit to the quantity rule', async () => {
    const d = valuesDoc(version, {
      '/things': {
        get: {
          parameters: [param(version, 'limit', 'query', { type: 'integer' }), param(version, 'offset', 'query', { type: 'integer' }), param(version, 'X-Priority', 'header', { type: 'integer' })],
          responses: { '200': response(version) },
        },
        post: { ...post(version, object({ n: { type: 'integer', maximum: 3 } })), parameters: [...(version === '2.0' ? [{ name: 'body', in: 'body', schema: object({ n: { type: 'integer', maximum: 3 } }) }] : []), param(version, 'limit', 'query', { type: 'integer' })] },
      },
    });
    const postLimit = version === '2.0' ? 'paths./things.post.parameters.1' : 'paths./things.post.parameters.0.schema';
    expect(await found(NUMBER, d)).toEqual([paramType(version, 'paths./things.get.parameters.1'), paramType(version, 'paths./things.get.parameters.2')].sort());
    expect(await found(QUANTITY, d)).toEqual([postLimit]);
    expect(await found('resource-pagination-unbounded', d)).toEqual(['paths./things.get.parameters.0']);
  });

  if (version === '3.1') {
    it('judges 3.1 type arrays', async () => {
      const d = valuesDoc(version, { '/things': { post: post(version, object({ n: { type: ['integer', 'null'] } })) } });
      expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.n`]);
    });
  }

  it('honours exemptions on the number schema and the root', async () => {
    const reason = { [NUMBER]: 'A score the scoring service caps.' };
    const d = valuesDoc(version, { '/things': { post: post(version, object({ score: { type: 'integer', [EXEMPTIONS]: reason }, other: { type: 'number' } })) } });
    expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.other`]);
    expect(await found(NUMBER, { ...d, [EXEMPTIONS]: reason })).toEqual([]);
  });
});

describe.each(VERSIONS)('integer path parameters (%s)', version => {
  it('does not ask an id in the path for a maximum: its size costs nothing (guessable ids are another rule)', async () => {
    const d = base(version, {
      paths: {
        '/users/{userId}': {
          get: { parameters: [pathParam(version, 'userId', { type: 'integer', format: 'int64' })], responses: { '200': response(version) } },
        },
        '/orders': {
          get: { parameters: [version === '2.0' ? { name: 'rank', in: 'query', type: 'integer' } : { name: 'rank', in: 'query', schema: { type: 'integer' } }], responses: { '200': response(version) } },
        },
      },
    });
    const results = await lint(d);
    expect(results.filter(r => r.code === 'resource-number-unbounded').map(r => r.path.join('.'))).toEqual([
      version === '2.0' ? 'paths./orders.get.parameters.0' : 'paths./orders.get.parameters.0.schema',
    ]);
    expect(results.filter(r => r.code === 'auth-object-id-guessable').map(r => r.path.join('.'))).toEqual(['paths./users/{userId}.get.parameters.0']);
  });
});

// Swagger 2.0 schemas have no oneOf/anyOf: OpenAPI 3.x only.
describe.each(['3.0', '3.1'] as const)('%s: alternatives that are all constants enumerate the values (how Discord writes enums)', version => {
  const constants = (key: 'oneOf' | 'anyOf', values: unknown[]) => ({ [key]: values.map((value, i) => ({ title: `V${i}`, const: value })) });

  it('bound numbers and strings like an enum: inline, through $ref and in an allOf member', async () => {
    const d = valuesDoc(
      version,
      {
        '/things': {
          post: post(
            version,
            object({
              level: { type: 'integer', ...constants('oneOf', [0, 1, 2]) },
              flags: { type: 'integer', anyOf: [{ const: 1 }, { enum: [2, 4, 8] }] },
              kind: { type: 'string', ...constants('oneOf', ['a', 'b']) },
              shared: ref(version, 'Level'),
              composed: { allOf: [ref(version, 'Level'), { description: 'the level' }] },
            }),
          ),
        },
      },
      { Level: { type: 'integer', oneOf: [ref(version, 'Zero'), { const: 1 }] }, Zero: { const: 0 } },
    );
    expect(await found(NUMBER, d)).toEqual([]);
    expect(await found(STRING, d)).toEqual([]);
  });

  it('not when one alternative is open, or the list is empty', async () => {
    const d = valuesDoc(version, {
      '/things': {
        post: post(version, object({ mixed: { type: 'integer', oneOf: [{ const: 0 }, { type: 'integer', minimum: 1 }] }, empty: { type: 'integer', oneOf: [] }, text: { type: 'string', anyOf: [{ const: 'a' }, { maxLength: 0 }, {}] } })),
      },
    });
    // The open alternative is a number of its own, reported where it is written too.
    expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.empty`, `${body(version)}.properties.mixed`, `${body(version)}.properties.mixed.oneOf.1`]);
    expect(await found(STRING, d)).toEqual([`${body(version)}.properties.text`]);
  });
});
