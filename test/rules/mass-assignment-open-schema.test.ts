import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { componentPath, found, lint, response, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { accepts, api, at, bodyAt, bodyPath, EXEMPTIONS, object, ref, returns } from '../fixtures/documents.js';

const RULE = 'mass-assignment-open-schema';
const REASON = 'Accepted in this test.';
const str = { type: 'string' };
const closed = (properties: Doc, extra: Doc = {}) => object(properties, { additionalProperties: false, ...extra });

/** POST /things and PUT /things/{id} accept the component `Thing`. */
function thingsApi(version: Version, thing: Doc, more: Doc = {}, extra: { post?: Doc; put?: Doc } = {}): Doc {
  return api(
    version,
    { '/things': { post: accepts(version, ref(version, 'Thing'), undefined, extra.post) }, '/things/{id}': { put: accepts(version, ref(version, 'Thing'), undefined, extra.put) } },
    { schemas: { Thing: thing, ...more } },
  );
}

testRule(RULE, VERSIONS.flatMap(version => [
  {
    name: `${version}: request bodies without additionalProperties: false, at the component and inline`,
    document: api(version, { '/things': { post: accepts(version, ref(version, 'Thing')) }, '/notes': { put: accepts(version, object({ text: str })) } }, { schemas: { Thing: object({ name: str }) } }),
    errors: [
      {
        path: componentPath(version, 'schemas', 'Thing'),
        severity: DiagnosticSeverity.Warning,
        message: 'Request body schema accepts properties it does not declare: set `additionalProperties: false` (or `unevaluatedProperties: false` in OpenAPI 3.1) so fields such as "role" or "isAdmin" are rejected instead of bound to the server\'s model.',
      },
      { path: bodyPath(version, '/notes', 'put'), severity: DiagnosticSeverity.Warning, message: expect.stringContaining('additionalProperties: false') },
    ],
  },
  {
    name: `${version}: not a closed body, a typed map, nor an open response schema`,
    document: api(version, {
      '/things': { post: accepts(version, closed({ name: str }), object({ open: str })) },
      '/labels': { put: accepts(version, { type: 'object', additionalProperties: str, maxProperties: 50 }) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${RULE} (%s)`, version => {
  const Thing = at(version, 'Thing');

  it('flags a request body object without additionalProperties once, at the component, as a warning', async () => {
    const results = (await lint(thingsApi(version, object({ name: str })))).filter(r => r.code === RULE);
    expect(results.map(r => r.path.join('.'))).toEqual([Thing]);
    expect(results[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(results[0].message).toContain('additionalProperties: false');
  });

  it('flags an inline body where it is written, and additionalProperties: true or {}', async () => {
    const doc = api(version, {
      '/a': { post: accepts(version, object({ name: str })) },
      '/b': { patch: accepts(version, object({ name: str }, { additionalProperties: true })) },
      '/c': { put: accepts(version, object({ name: str }, { additionalProperties: {} })) },
      '/d': { post: accepts(version, { type: 'object' }) },
    });
    expect(await found(RULE, doc)).toEqual([bodyAt(version, '/a', 'post'), bodyAt(version, '/b', 'patch'), bodyAt(version, '/c', 'put'), bodyAt(version, '/d', 'post')]);
  });

  it('does not flag a body with additionalProperties: false', async () => {
    expect(await found(RULE, thingsApi(version, closed({ name: str })))).toEqual([]);
  });

  it('leaves typed maps to resource-map-unbounded: an unbounded one is reported once, by that rule', async () => {
    const doc = api(version, {
      '/labels': { put: accepts(version, { type: 'object', additionalProperties: str }) },
      '/tags': { put: accepts(version, { type: 'object', additionalProperties: str, maxProperties: 50 }) },
    });
    expect(await found(RULE, doc)).toEqual([]);
    expect(await found('resource-map-unbounded', doc)).toEqual([bodyAt(version, '/labels', 'put')]);
  });

  it('accepts additionalProperties: false on the composed schema or on any allOf member', async () => {
    const onSite = thingsApi(version, { allOf: [ref(version, 'Base'), object({ name: str })], additionalProperties: false }, { Base: object({ kind: str }) });
    const onMember = thingsApi(version, { allOf: [ref(version, 'Base'), object({ name: str })] }, { Base: closed({ kind: str }) });
    expect(await found(RULE, onSite)).toEqual([]);
    expect(await found(RULE, onMember)).toEqual([]);
  });

  it('flags an open allOf composition at the composed schema, not at its members', async () => {
    const doc = thingsApi(version, { allOf: [ref(version, 'Base'), object({ name: str })] }, { Base: object({ kind: str }) });
    expect(await found(RULE, doc)).toEqual([Thing]);
  });

  it('unevaluatedProperties: false closes a body in 3.1 only', async () => {
    const doc = thingsApi(version, object({ name: str }, { unevaluatedProperties: false }));
    expect(await found(RULE, doc)).toEqual(version === '3.1' ? [] : [Thing]);
  });

  it('judges each alternative of a oneOf body, and the items of an array body', async () => {
    const doc = api(
      version,
      {
        '/pets': { post: accepts(version, { oneOf: [ref(version, 'Cat'), ref(version, 'Dog')] }) },
        '/pets/bulk': { post: accepts(version, { type: 'array', items: ref(version, 'Fish') }) },
      },
      { schemas: { Cat: object({ meow: str }), Dog: closed({ bark: str }), Fish: object({ fins: { type: 'integer' } }) } },
    );
    expect(await found(RULE, doc)).toEqual([at(version, 'Cat'), at(version, 'Fish')]);
  });

  it('does not flag nested objects inside a closed body, response schemas, or non-object bodies', async () => {
    const doc = api(version, {
      '/a': { post: accepts(version, closed({ address: object({ street: str }), tags: { type: 'array', items: object({ k: str }) } }), object({ anything: str })) },
      '/b': { get: returns(version, object({ open: str })) },
      '/c': { put: accepts(version, { type: 'string', format: 'binary' }) },
      '/d': { post: accepts(version, { type: 'array', items: str }) },
    });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('does not judge DELETE bodies, and a schema used in requests and responses is judged on its request use', async () => {
    const doc = api(
      version,
      { '/things': { delete: accepts(version, ref(version, 'Thing')), get: returns(version, ref(version, 'Other')) }, '/others': { post: accepts(version, closed({ x: str }), ref(version, 'Other')) } },
      { schemas: { Thing: object({ name: str }), Other: object({ name: str }) } },
    );
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('does not judge a body whose schema is an unresolvable reference', async () => {
    const doc = api(version, { '/a': { post: accepts(version, { $ref: 'https://example.com/schemas/thing.json' }) } });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('judges form bodies too (3.x)', async () => {
    if (version === '2.0') return;
    const doc = api(version, { '/form': { post: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: object({ name: str }) } } }, responses: { '200': response(version) } } } });
    expect(await found(RULE, doc)).toEqual(['paths./form.post.requestBody.content.application/x-www-form-urlencoded.schema']);
  });

  describe('exemptions', () => {
    const exempt = { [EXEMPTIONS]: { [RULE]: REASON } };

    it('is silenced when every operation accepting the schema is exempt, not when one is not', async () => {
      expect(await found(RULE, thingsApi(version, object({ name: str }), {}, { post: exempt, put: exempt }))).toEqual([]);
      expect(await found(RULE, thingsApi(version, object({ name: str }), {}, { post: exempt }))).toEqual([Thing]);
    });

    it('is silenced by an exemption on the schema or at the root', async () => {
      expect(await found(RULE, thingsApi(version, object({ name: str }, exempt)))).toEqual([]);
      expect(await found(RULE, { ...thingsApi(version, object({ name: str })), ...exempt })).toEqual([]);
    });
  });

  it('does not judge webhook requests (3.1), which the API sends', async () => {
    if (version !== '3.1') return;
    const doc = api(version, {}, {}, { webhooks: { thingCreated: { post: accepts(version, object({ name: str })) } } });
    expect(await found(RULE, doc)).toEqual([]);
  });
});
