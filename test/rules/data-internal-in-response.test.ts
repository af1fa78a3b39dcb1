import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { componentPath, findingsOf, found, lint, param, response, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { accepts, api, at, EXEMPTIONS, object, ref, responseAt, returns } from '../fixtures/documents.js';

const INTERNAL = 'data-internal-in-response';
const CREDENTIAL = 'data-credential-in-response';
const ERROR_DETAILS = 'data-error-details-leaked';
const REASON = 'Accepted in this test.';

const str = { type: 'string', maxLength: 100 };

/** GET /customers and GET /customers/{id} return the component `Customer`; `more` adds paths. */
function customersApi(version: Version, customer: Doc, more: Doc = {}, schemas: Doc = {}): Doc {
  return api(
    version,
    {
      '/customers': { get: returns(version, { type: 'array', items: ref(version, 'Customer') }) },
      '/customers/{id}': { get: returns(version, ref(version, 'Customer')) },
      ...more,
    },
    { schemas: { Customer: customer, ...schemas } },
  );
}

const customerAt = (version: Version, name: string) => `${at(version, 'Customer')}.properties.${name}`;

testRule(INTERNAL, VERSIONS.flatMap(version => [
  {
    name: `${version}: staff notes a shared customer schema returns, once, at the property`,
    document: customersApi(version, object({ id: str, name: str, internal_notes: str })),
    errors: [
      {
        path: [...componentPath(version, 'schemas', 'Customer'), 'properties', 'internal_notes'],
        severity: DiagnosticSeverity.Warning,
        message: 'Property "internal_notes" holds data meant for staff or the server only (internal_note), yet operations that are not administrative return it (GET /customers, GET /customers/{id}): remove it from the response schemas ordinary callers receive, or return it only from staff operations (an admin path or scope).',
      },
    ],
  },
  {
    name: `${version}: not in an admin area, not a flag, not what a notes API serves`,
    document: api(version, {
      '/admin/customers/{id}': { get: returns(version, object({ internal_notes: str, fraud_score: { type: 'number' } })) },
      '/me': { get: returns(version, object({ is_internal: { type: 'boolean' }, debug: { type: 'boolean' } })) },
      '/notes/{id}': { get: returns(version, object({ notes: str, private_note: str })) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${INTERNAL} (%s)`, version => {
  it.each([
    'internal_notes', 'internalNote', 'InternalComments', 'orderInternalNotes', 'internal_support_note', 'adminNotes', 'admin_comment', 'staffNote',
    'moderator_notes', 'agentNotes', 'fraudScore', 'fraud_reason', 'customerFraudScore', 'fraud_signals', 'fraudProbability',
    'internal_id', 'internalUserId', 'internal_reference', 'internalStatus', 'internal_flags', '_internal', 'debug_info', 'debugMessage', 'debug', 'salt', 'user_salt',
  ])('flags "%s" in a GET response', async name => {
    const doc = api(version, { '/orders/{id}': { get: returns(version, object({ id: str, [name]: str })) } });
    expect(await found(INTERNAL, doc)).toEqual([`${responseAt(version, '/orders/{id}', 'get')}.properties.${name}`]);
  });

  it('flags objects and lists as well as strings and numbers: the data is the staff\'s whatever its shape', async () => {
    const doc = customersApi(version, object({
      fraud_score: { type: 'number' },
      debug_info: object({ query: str, host: str }),
      internal_notes: { type: 'array', items: object({ author: str, text: str }) },
      _internal: { $ref: version === '2.0' ? '#/definitions/InternalInfo' : '#/components/schemas/InternalInfo' },
    }), {}, { InternalInfo: object({ shard: str }) });
    expect(await found(INTERNAL, doc)).toEqual(['_internal', 'debug_info', 'fraud_score', 'internal_notes'].map(name => customerAt(version, name)));
  });

  it('follows $ref, allOf members, array items and nested objects, and reports where the property is declared', async () => {
    const doc = api(
      version,
      { '/orders': { get: returns(version, object({ data: { type: 'array', items: ref(version, 'Order') } })) } },
      {
        schemas: {
          Order: { allOf: [ref(version, 'Base'), object({ staffNote: str, shipping: object({ internalRef: str }) })] },
          Base: object({ id: str, fraudReason: str }),
        },
      },
    );
    expect(await found(INTERNAL, doc)).toEqual([
      `${at(version, 'Base')}.properties.fraudReason`,
      `${at(version, 'Order')}.allOf.1.properties.shipping.properties.internalRef`,
      `${at(version, 'Order')}.allOf.1.properties.staffNote`,
    ]);
  });

  it('reports a property both an admin and an ordinary operation return, naming the ordinary one', async () => {
    const doc = customersApi(version, object({ id: str, fraud_score: { type: 'number' } }), { '/admin/customers': { get: returns(version, { type: 'array', items: ref(version, 'Customer') }) } });
    const results = (await lint(doc)).filter(r => r.code === INTERNAL);
    expect(results.map(r => r.path.join('.'))).toEqual([customerAt(version, 'fraud_score')]);
    expect(results[0].message).toContain('(fraud_score), yet operations that are not administrative return it (GET /customers, GET /customers/{id}):');
  });

  it('leaves a schema only administrative operations return: admin paths, admin tags, admin scopes, audit and debug reads', async () => {
    const oauthScheme = version === '2.0'
      ? { type: 'oauth2', flow: 'application', tokenUrl: 'https://auth.acme-corp.com/token', scopes: { 'admin:read': 'Staff.', read: 'Users.' } }
      : { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.acme-corp.com/token', scopes: { 'admin:read': 'Staff.', read: 'Users.' } } } };
    const customer = ref(version, 'Customer');
    const doc = api(
      version,
      {
        '/admin/customers/{id}': { get: returns(version, customer) },
        '/internal/customers': { get: returns(version, { type: 'array', items: customer }) },
        '/customers/{id}/review': { get: returns(version, customer, { tags: ['Back-office admin'] }) },
        '/customers/{id}/risk': { get: returns(version, customer, { security: [{ oauth: ['admin:read'] }] }) },
        '/audit-log': { get: returns(version, object({ entries: { type: 'array', items: customer } })) },
        '/debug': { get: returns(version, object({ debug_info: str })) },
      },
      { schemas: { Customer: object({ id: str, internal_notes: str, fraud_score: { type: 'number' } }) } },
      version === '2.0' ? { securityDefinitions: { bearer: { type: 'apiKey', in: 'header', name: 'Authorization' }, oauth: oauthScheme } } : { components: { securitySchemes: { oauth: oauthScheme } } },
    );
    expect(await found(INTERNAL, doc)).toEqual([]);
  });

  it('leaves request-only properties, a debug query flag, writeOnly and error-response properties alone (error details are data-error-details-leaked\'s)', async () => {
    const error = object({ code: str, debug_info: str });
    const errorResponse = version === '2.0' ? { description: 'Error', schema: error } : { description: 'Error', content: { 'application/json': { schema: error } } };
    const doc = api(version, {
      '/orders': { post: accepts(version, object({ items: str, internal_notes: str, debug: str }), object({ id: str, internal_id: { type: 'string', writeOnly: true } })) },
      '/search': { get: { parameters: [param(version, 'debug', 'query', { type: 'string', enum: ['timings', 'plan'] })], responses: { '200': response(version, 'OK', object({ hits: str })) } } },
      '/orders/{id}': { get: { responses: { '200': response(version, 'OK', object({ id: str })), '500': errorResponse, default: errorResponse } } },
    });
    const results = await findingsOf([INTERNAL, ERROR_DETAILS], doc);
    expect(results.filter(r => r.startsWith(INTERNAL))).toEqual([]);
    expect(results.filter(r => r.startsWith(ERROR_DETAILS)).length).toBeGreaterThan(0);
  });

  it('leaves writeOnly beside a $ref or in an allOf member', async () => {
    const doc = api(
      version,
      { '/orders/{id}': { get: returns(version, ref(version, 'Order')) } },
      { schemas: { Order: { allOf: [object({ id: str, fraud_score: { type: 'number' } }), object({ fraud_score: { writeOnly: true } })] } } },
    );
    expect(await found(INTERNAL, doc)).toEqual([]);
  });

  it('reports password hashes and salts once, as credentials: the credential rule owns them', async () => {
    const doc = customersApi(version, object({ password_hash: str, passwordSalt: str, hashed_password: str, salt: str }));
    expect(await findingsOf([INTERNAL, CREDENTIAL], doc)).toEqual([
      `${CREDENTIAL} ${customerAt(version, 'hashed_password')}`,
      `${CREDENTIAL} ${customerAt(version, 'passwordSalt')}`,
      `${CREDENTIAL} ${customerAt(version, 'password_hash')}`,
      `${INTERNAL} ${customerAt(version, 'salt')}`,
    ]);
  });

  it('does not flag look-alikes: flags, settings and counts about the data, public ratings, visibility values, network internals', async () => {
    const doc = api(version, {
      '/repos/{id}': {
        get: returns(version, object({
          visibility: { type: 'string', enum: ['public', 'private', 'internal'] },
          internal: { type: 'boolean' },
          isInternalOnly: { type: 'boolean' },
          showDebugInfo: { type: 'boolean' },
          fraudScoreThreshold: { type: 'number' },
          internal_notes_count: { type: 'integer' },
          internal_notes_updated_at: { type: 'string', format: 'date-time' },
          risk_level: { type: 'string', enum: ['low', 'high'] },
          risk_score: { type: 'number' },
          abuseConfidenceScore: { type: 'integer' },
          spam_score: { type: 'number' },
          severity: str,
          score: { type: 'number' },
          notes: str,
          release_notes: str,
          internalTrafficPolicy: str,
          internal_ports: { type: 'array', items: { type: 'integer' } },
          debugMode: str,
          saltwater: str,
        })),
      },
      '/advisories/{id}': { get: returns(version, object({ severity: str, cvss_score: { type: 'number' }, risk_level: str })) },
    });
    expect(await found(INTERNAL, doc)).toEqual([]);
  });

  it('leaves an API about that data serve it: a notes API its notes, a fraud-screening API its scores', async () => {
    const doc = api(version, {
      '/notes': { get: returns(version, { type: 'array', items: object({ id: str, private_note: str }) }) },
      '/tickets/{id}/notes': { get: returns(version, { type: 'array', items: object({ agent_note: str }) }) },
      '/fraud-checks': { post: accepts(version, object({ amount: { type: 'number' } }), object({ fraud_score: { type: 'number' }, fraud_reasons: { type: 'array', items: str } })) },
      '/v1/screenings': { post: accepts(version, object({ ip: str }), object({ fraudProbability: { type: 'number' } }), { operationId: 'checkFraud' }) },
      '/v1/lookups/{ip}': { get: returns(version, object({ fraud_score: { type: 'number' } }), { tags: ['Fraud prevention'] }) },
      '/prelogin': { post: accepts(version, object({ email: str }), object({ kdf_salt: str }), { summary: 'Get the salt to derive the master key with' }) },
    });
    expect(await found(INTERNAL, doc)).toEqual([]);
  });

  it('names one operation about the data and one that is not apart', async () => {
    const shared = ref(version, 'Screening');
    const doc = api(
      version,
      { '/fraud/screenings/{id}': { get: returns(version, shared) }, '/orders/{id}/screening': { get: returns(version, shared) } },
      { schemas: { Screening: object({ id: str, fraud_score: { type: 'number' } }) } },
    );
    const results = (await lint(doc)).filter(r => r.code === INTERNAL);
    expect(results.map(r => r.message)).toEqual([expect.stringContaining('return it (GET /orders/{id}/screening):')]);
  });

  it('honours exemptions on the declaring schema and on every operation that returns the property', async () => {
    const customer = object({ id: str, internal_notes: str }, { [EXEMPTIONS]: { [INTERNAL]: REASON } });
    expect(await found(INTERNAL, customersApi(version, customer))).toEqual([]);
    const exempt = { [EXEMPTIONS]: { [INTERNAL]: REASON } };
    const both = api(
      version,
      {
        '/customers': { get: returns(version, { type: 'array', items: ref(version, 'Customer') }, exempt) },
        '/customers/{id}': { get: returns(version, ref(version, 'Customer'), exempt) },
      },
      { schemas: { Customer: object({ id: str, internal_notes: str }) } },
    );
    expect(await found(INTERNAL, both)).toEqual([]);
    const one = api(
      version,
      {
        '/customers': { get: returns(version, { type: 'array', items: ref(version, 'Customer') }, exempt) },
        '/customers/{id}': { get: returns(version, ref(version, 'Customer')) },
      },
      { schemas: { Customer: object({ id: str, internal_notes: str }) } },
    );
    const results = (await lint(one)).filter(r => r.code === INTERNAL);
    expect(results.map(r => r.message)).toEqual([expect.stringContaining('return it (GET /customers/{id}):')]);
  });

  it('internalDataNames adds and removes names', async () => {
    const doc = customersApi(version, object({ id: str, internal_notes: str, kyc_reviewer_comment: str }));
    expect(await found(INTERNAL, doc)).toEqual([customerAt(version, 'internal_notes')]);
    expect(await found(INTERNAL, doc, { internalDataNames: { add: ['reviewer_comment'], remove: ['internal_note'] } })).toEqual([customerAt(version, 'kyc_reviewer_comment')]);
  });

  it('adminMarkers decide what is administrative, as for the other rules', async () => {
    const doc = api(version, { '/backoffice/customers': { get: returns(version, object({ internal_notes: str })) } });
    expect(await found(INTERNAL, doc)).toEqual([`${responseAt(version, '/backoffice/customers', 'get')}.properties.internal_notes`]);
    expect(await found(INTERNAL, doc, { adminMarkers: { add: ['backoffice'] } })).toEqual([]);
  });
});

describe(`${INTERNAL} in 3.1 webhooks`, () => {
  it('flags what a webhook sends subscribers, as a response', async () => {
    const doc = api('3.1', {}, {}, { webhooks: { orderPaid: { post: { requestBody: { content: { 'application/json': { schema: object({ id: str, fraud_score: { type: 'number' } }) } } }, responses: { '200': { description: 'OK' } } } } } });
    expect(await found(INTERNAL, doc)).toEqual(['webhooks.orderPaid.post.requestBody.content.application/json.schema.properties.fraud_score']);
  });
});
