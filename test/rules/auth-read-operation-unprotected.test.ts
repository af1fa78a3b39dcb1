import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { bearerScheme, found, messagesOf, response, testRule, VERSIONS, type Doc } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { bearerDoc, byOperationRule, op, PUBLIC, READ } from '../fixtures/security.js';

testRule(READ, VERSIONS.flatMap(version => [
  {
    name: `${version}: a GET without security, and one of a record whose authentication is optional`,
    document: bearerDoc(version, { '/items': { get: op(version) }, '/things/{thingId}': { get: op(version, { security: [{}, { bearer: [] }] }) } }),
    errors: [
      {
        path: ['paths', '/items', 'get'],
        severity: DiagnosticSeverity.Warning,
        message: 'GET /items has no security requirement (none on the operation, none at the root): add `security` naming a scheme that callers must satisfy.',
      },
      {
        path: ['paths', '/things/{thingId}', 'get', 'security'],
        severity: DiagnosticSeverity.Warning,
        message:
          'GET /things/{thingId} accepts anonymous callers: the empty requirement `{}` makes authentication optional; remove it unless anonymous access is intended. It matters here: it addresses one object by `{thingId}`, so anyone who holds or guesses the identifier reads that record.',
      },
    ],
  },
  {
    name: `${version}: not a GET that inherits root security, a GET declared public, nor an unprotected write`,
    document: bearerDoc(version, { '/items': { get: op(version) }, '/status': { get: op(version, { security: [] }), post: op(version, { security: [] }) } }, [{ bearer: [] }]),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${READ} (%s)`, version => {
  it('flags GET and HEAD without security with the read rule only', async () => {
    const d = bearerDoc(version, { '/items': { get: op(version), head: op(version) } });
    expect(await byOperationRule(d)).toEqual({ [READ]: ['paths./items.get', 'paths./items.head'] });
  });


  it('optional authentication declared on a read is judged like `security: []`: the public hint, unless it reads a private record', async () => {
    const d = bearerDoc(
      version,
      { '/a': { get: op(version, { security: [{}] }) }, '/b': { get: op(version, { security: [{}, { bearer: [] }] }) }, '/a/{aId}': { get: op(version, { security: [{}] }) } },
      [{ bearer: [] }],
    );
    expect(await byOperationRule(d)).toEqual({ [READ]: ['paths./a/{aId}.get.security'], [PUBLIC]: ['paths./a.get.security', 'paths./b.get.security'] });
  });

  it('optional authentication inherited from the root is reported once, at the root', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version) } }, [{}, { bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [READ]: ['security.0'] });
  });

  it('a capability URL (`{webhook_token}`) is not anonymous: its secret is in the path, which auth-credentials-in-url reports', async () => {
    const path = (name: string) => (version === '2.0' ? { name, in: 'path', required: true, type: 'string' } : { name, in: 'path', required: true, schema: { type: 'string' } });
    const d = bearerDoc(version, { '/webhooks/{webhook_id}/{webhook_token}': { parameters: [path('webhook_id'), path('webhook_token')], get: op(version, { security: [{}] }), post: op(version, { security: [] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({});
    expect(await found('auth-credentials-in-url', d)).toEqual(['paths./webhooks/{webhook_id}/{webhook_token}.parameters.1']);
  });

  it('does not flag reads that inherit or declare a required scheme', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version) }, '/b': { get: op(version, { security: [{ bearer: [] }] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({});
  });

  it('does not judge OPTIONS or TRACE by default', async () => {
    const d = bearerDoc(version, { '/items': { options: op(version), trace: op(version, { security: [] }) } }, [{}]);
    expect(await byOperationRule(d)).toEqual({});
  });
});

describe.each(VERSIONS)('%s: reads declared public that read a private record', version => {
  const schemaRef = (name: string) => (version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}`);
  // bearerDoc writes the scheme in `components`, so 3.x schemas join it there.
  const schemas = (defs: Doc): Doc => (version === '2.0' ? { definitions: defs } : { components: { securitySchemes: { bearer: bearerScheme(version) }, schemas: defs } });
  const returning = (schema: Doc, extra: Doc = {}) => ({ responses: { '200': response(version, 'OK', schema) }, ...extra });
  const object = (properties: Doc): Doc => ({ type: 'object', properties });
  const pathParameter = (name: string) => (version === '2.0' ? { name, in: 'path', required: true, type: 'string' } : { name, in: 'path', required: true, schema: { type: 'string' } });

  it('one object by its path identifier, or credentials or personal data in the response (inline, $ref, allOf): the read rule, with why', async () => {
    const d = bearerDoc(
      version,
      {
        '/invoices/{invoiceId}': { get: op(version, { security: [] }) },
        '/customers': { get: returning({ $ref: schemaRef('Customer') }, { security: [] }) },
        '/cards': { get: returning({ type: 'array', items: { allOf: [{ $ref: schemaRef('Base') }, object({ card_number: { type: 'string' } })] } }, { security: [{}] }) },
        '/keys': { get: returning(object({ api_key: { type: 'string' } }), { security: [] }) },
      },
      [{ bearer: [] }],
      schemas({ Customer: object({ name: { type: 'string' }, ssn: { type: 'string' } }), Base: object({ id: { type: 'string' } }) }),
    );
    expect(await byOperationRule(d)).toEqual({ [READ]: ['paths./cards.get.security', 'paths./customers.get.security', 'paths./invoices/{invoiceId}.get.security', 'paths./keys.get.security'] });
    const messages = await messagesOf(READ, d);
    expect(messages).toContain(
      'GET /customers is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public. It matters here: it returns credentials or personal data (`ssn`) to anyone who calls it.',
    );
    expect(messages.find(m => m.startsWith('GET /cards'))).toContain('(`card_number`)');
  });

  it('a read with no security at all is reported as before, without the private-record reason', async () => {
    const d = bearerDoc(version, { '/customers/{customerId}': { get: returning(object({ ssn: { type: 'string' } })) }, '/orders': { get: op(version, { security: [{ bearer: [] }] }) } });
    expect(await messagesOf(READ, d)).toEqual(['GET /customers/{customerId} has no security requirement (none on the operation, none at the root): add `security` naming a scheme that callers must satisfy.']);
  });

  it('look-alikes stay the public hint: a selector parameter, public fields, flags, dates, masked and write-only values, error responses', async () => {
    const d = bearerDoc(
      version,
      {
        '/docs/{lang}': { get: op(version, { security: [] }) },
        '/products': { get: returning(object({ name: { type: 'string' }, price: { type: 'number' } }), { security: [] }) },
        '/accounts': { get: returning(object({ hasPassword: { type: 'boolean' }, passwordChangedAt: { type: 'string', format: 'date-time' } }), { security: [] }) },
        '/cards': { get: returning(object({ card_number: { type: 'string', example: '****4242' }, pin: { type: 'string', writeOnly: true } }), { security: [{}] }) },
        '/lookups': { get: { responses: { '200': response(version), '404': response(version, 'Not found', object({ password: { type: 'string' } })) }, security: [] } },
      },
      [{ bearer: [] }],
    );
    expect(await byOperationRule(d)).toEqual({
      [PUBLIC]: ['paths./accounts.get.security', 'paths./cards.get.security', 'paths./docs/{lang}.get.security', 'paths./lookups.get.security', 'paths./products.get.security'],
    });
  });

  it('the dictionaries are the data rules\' options: personalDataNames and credentialNames take add and remove', async () => {
    const d = bearerDoc(version, { '/members': { get: returning(object({ nickname: { type: 'string' }, ssn: { type: 'string' } }), { security: [] }) } }, [{ bearer: [] }]);
    expect(await found(READ, d)).toEqual(['paths./members.get.security']);
    expect(await found(READ, d, { personalDataNames: { remove: ['ssn'] } })).toEqual([]);
    expect(await found(PUBLIC, d, { personalDataNames: { remove: ['ssn'] } })).toEqual(['paths./members.get.security']);
    expect(await found(READ, d, { personalDataNames: { remove: ['ssn'] }, credentialNames: { add: ['nickname'] } })).toEqual(['paths./members.get.security']);
  });

  it('an exemption for this rule on the operation keeps it quiet; public metadata and capability URLs are never private records', async () => {
    const d = bearerDoc(
      version,
      {
        '/profiles/{handle}': { get: op(version, { security: [], [EXEMPTIONS]: { [READ]: 'Profiles are public pages, like a social network\'s.' } }) },
        '/.well-known/keys/{kid}': { get: op(version, { security: [] }) },
        '/uploads/{upload_id}/{signature}': { parameters: [pathParameter('upload_id'), pathParameter('signature')], get: op(version, { security: [] }) },
      },
      [{ bearer: [] }],
    );
    expect(await found(READ, d)).toEqual([]);
  });
});
