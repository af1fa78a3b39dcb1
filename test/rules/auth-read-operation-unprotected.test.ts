import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, testRule, VERSIONS } from '../helpers.js';
import { bearerDoc, byOperationRule, op, READ } from '../fixtures/security.js';

testRule(READ, VERSIONS.flatMap(version => [
  {
    name: `${version}: a GET without security, and one whose authentication is optional`,
    document: bearerDoc(version, { '/items': { get: op(version) }, '/things': { get: op(version, { security: [{}, { bearer: [] }] }) } }),
    errors: [
      {
        path: ['paths', '/items', 'get'],
        severity: DiagnosticSeverity.Warning,
        message: 'GET /items has no security requirement (none on the operation, none at the root): add `security` naming a scheme that callers must satisfy.',
      },
      { path: ['paths', '/things', 'get', 'security'], severity: DiagnosticSeverity.Warning, message: expect.stringContaining('GET /things') },
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


  it('flags optional authentication on a read with the read rule, not the public hint', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version, { security: [{}] }) }, '/b': { get: op(version, { security: [{}, { bearer: [] }] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [READ]: ['paths./a.get.security', 'paths./b.get.security'] });
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
