import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, param, response, testRule, VERSIONS, type Doc } from '../helpers.js';
import { at, bodyPath, EXEMPTIONS, get, object, ref, returns } from '../fixtures/documents.js';
import { body, byValueRule, paramType, paramTypePath, post, UNTYPED, valuesDoc } from '../fixtures/values.js';

const ADVICE =
  'Schema accepts any JSON value of any size: it has no `type`, `enum`, `const`, `$ref` or composition. Declare what the value is (its `type`, with `maxLength`, `maximum`, `maxItems` or `properties` as fits, or a `oneOf` of the shapes it takes) or list its values with an `enum`.';

testRule(UNTYPED, VERSIONS.flatMap(version => [
  {
    name: `${version}: a body property and a query parameter that accept anything, each where written, as a warning`,
    document: valuesDoc(version, {
      '/things': { post: post(version, object({ payload: { example: 'any' }, name: { type: 'string', maxLength: 10 } })) },
      '/search': { get: get(version, [version === '2.0' ? { name: 'q', in: 'query', description: 'Anything.' } : { name: 'q', in: 'query', schema: {} }]) },
    }),
    errors: [
      { path: [...bodyPath(version, '/things', 'post'), 'properties', 'payload'], severity: DiagnosticSeverity.Warning, message: ADVICE },
      { path: paramTypePath(version, 'paths', '/search', 'get', 'parameters', '0'), severity: DiagnosticSeverity.Warning, message: ADVICE },
    ],
  },
  {
    name: `${version}: not typed, enumerated, composed or implicitly object values, free-form maps, nor response values`,
    document: valuesDoc(version, {
      '/things': {
        post: post(version, object({
          typed: { type: 'string', maxLength: 5 },
          listed: { enum: ['a', 'b'] },
          composed: { allOf: [{ type: 'integer', maximum: 3 }] },
          shaped: { properties: { a: { type: 'boolean' } } },
          map: { type: 'object', additionalProperties: {}, maxProperties: 3 },
        })),
        get: returns(version, object({ anything: {} })),
      },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${UNTYPED} (%s)`, version => {
  it.each<[string, Doc]>([
    ['an empty schema', {}],
    ['an example only (generated descriptions)', { example: 'any' }],
    ['a description only', { description: 'Whatever the caller sends.' }],
    ['annotations and extensions only', { title: 'Data', default: null, 'x-go-type': 'interface{}', deprecated: false }],
    ['`nullable: true` only (3.0 style)', { nullable: true }],
  ])('flags a request property with %s', async (_, schema) => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ data: schema })) } });
    expect(await found(UNTYPED, d)).toEqual([`${body(version)}.properties.data`]);
  });

  it.each<[string, Doc]>([
    ['a `type`', { type: 'object' }],
    ['a `$ref`', ref(version, 'Thing')],
    ['an `enum`', { enum: [1, 'one'] }],
    ['`not`', { not: { type: 'string' } }],
    ['a `format` (what the value is meant to be is written)', { format: 'int64' }],
    ['string keywords without a type', { maxLength: 10 }],
    ['`properties` alone (read as an object, as readers and generators do)', { properties: { a: { type: 'boolean' } } }],
    ['`items` alone', { items: { type: 'integer', maximum: 3 }, maxItems: 2 }],
    ['a keyword this rule does not know (a typo), read as a constraint', { typ: 'string' }],
    ...(version === '2.0' ? [] : [['`oneOf`', { oneOf: [{ type: 'string', maxLength: 3 }, { type: 'boolean' }] }] as [string, Doc], ['`anyOf` with an open alternative', { anyOf: [{}, { type: 'boolean' }] }] as [string, Doc]]),
    ...(version === '3.1' ? [['a `const`', { const: 'v1' }] as [string, Doc], ['a type list', { type: ['string', 'null'], maxLength: 3 }] as [string, Doc]] : []),
  ])('does not flag a property with %s', async (_, schema) => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ data: schema })) } }, { Thing: { type: 'boolean' } });
    expect(await found(UNTYPED, d)).toEqual([]);
  });

  it('reports a component that accepts anything once, where it is written, however many properties use it', async () => {
    const d = valuesDoc(version, { '/a': { post: post(version, object({ one: ref(version, 'Anything'), two: ref(version, 'Anything') })) }, '/b': { put: post(version, ref(version, 'Holder')) } }, {
      Anything: { description: 'Any JSON value.' },
      Holder: object({ three: ref(version, 'Anything') }),
    });
    expect(await found(UNTYPED, d)).toEqual([at(version, 'Anything')]);
  });

  it('judges properties declared in allOf members where they are declared; an allOf of annotations is a composition, not untyped', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, { allOf: [ref(version, 'Base'), object({ extra: {}, described: { allOf: [{ description: 'x' }] } })] }) } }, { Base: object({ loose: { example: 1 } }) });
    expect(await found(UNTYPED, d)).toEqual([`${at(version, 'Base')}.properties.loose`, `${body(version)}.allOf.1.properties.extra`].sort());
  });

  it('flags array items and an untyped body, not map values nor alternatives', async () => {
    const d = valuesDoc(version, {
      '/lists': { post: post(version, object({ values: { type: 'array', maxItems: 10, items: {} }, map: { type: 'object', maxProperties: 5, additionalProperties: {} } })) },
      '/raw': { post: post(version, { description: 'Whatever JSON the webhook sender posts.' }) },
    });
    expect(await found(UNTYPED, d)).toEqual([`${body(version, '/lists')}.properties.values.items`, body(version, '/raw')].sort());
    // The free-form map is neither untyped nor a declared map.
    expect((await byValueRule(d))['resource-map-unbounded']).toBeUndefined();
  });

  it('leaves readOnly properties of request bodies alone: clients do not send them', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ server: { readOnly: true, description: 'Set by the server.' } })) } });
    expect(await found(UNTYPED, d)).toEqual([]);
  });

  it('honours exemptions on the schema, the operation and the root', async () => {
    const reason = { [UNTYPED]: 'A JSON patch value: any JSON by definition (RFC 6902), size capped by the gateway.' };
    const d = valuesDoc(version, { '/things': { post: post(version, object({ value: { description: 'Any.', [EXEMPTIONS]: reason }, other: {} })) } });
    expect(await found(UNTYPED, d)).toEqual([`${body(version)}.properties.other`]);
    const onOperation = valuesDoc(version, { '/things': { post: { ...post(version, object({ value: {} })), [EXEMPTIONS]: reason } } });
    expect(await found(UNTYPED, onOperation)).toEqual([]);
    expect(await found(UNTYPED, { ...d, [EXEMPTIONS]: reason })).toEqual([]);
  });

  it('judges header and cookie parameters too, not path parameters of other types', async () => {
    const d = valuesDoc(version, {
      '/things/{id}': {
        get: get(version, [
          param(version, 'id', 'path', { type: 'string', format: 'uuid' }),
          version === '2.0' ? { name: 'X-Trace', in: 'header' } : { name: 'X-Trace', in: 'header', schema: {} },
        ]),
      },
    });
    expect(await found(UNTYPED, d)).toEqual([paramType(version, 'paths./things/{id}.get.parameters.1')]);
  });
});

describe.each(['3.0', '3.1'] as const)('%s: parameter content and binary bodies', version => {
  it('flags the schema of a parameter given with `content`', async () => {
    const d = valuesDoc(version, { '/search': { get: get(version, [{ name: 'filter', in: 'query', content: { 'application/json': { schema: { example: { a: 1 } } } } }]) } });
    expect(await found(UNTYPED, d)).toEqual(['paths./search.get.parameters.0.content.application/json.schema']);
  });

  it('leaves an empty schema on a binary body to the upload rule: bytes are not JSON values', async () => {
    const d = valuesDoc(version, { '/files': { post: { requestBody: { content: { 'application/octet-stream': { schema: {} } } }, responses: { '200': response(version) } } } });
    expect(await found(UNTYPED, d)).toEqual([]);
  });
});

describe('Swagger 2.0 parameters', () => {
  it('does not read `type: file` as untyped (the upload rule judges it)', async () => {
    const d = base('2.0', { paths: { '/files': { post: { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file' }], responses: { '200': { description: 'OK' } } } } } });
    expect(await found(UNTYPED, d)).toEqual([]);
  });

  it('flags a formData parameter without a type, where it is written', async () => {
    const d = base('2.0', { paths: { '/forms': { post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'note', in: 'formData', required: true }], responses: { '200': { description: 'OK' } } } } } });
    expect(await found(UNTYPED, d)).toEqual(['paths./forms.post.parameters.0']);
  });
});
