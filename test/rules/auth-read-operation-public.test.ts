import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, testRule, VERSIONS } from '../helpers.js';
import { bearerDoc, byOperationRule, op, PUBLIC, READ } from '../fixtures/security.js';

testRule(PUBLIC, VERSIONS.flatMap(version => [
  {
    name: `${version}: a GET declared public with \`security: []\`, as a hint, at its security`,
    document: bearerDoc(version, { '/products': { get: op(version, { security: [] }) } }, [{ bearer: [] }]),
    errors: [
      {
        path: ['paths', '/products', 'get', 'security'],
        severity: DiagnosticSeverity.Hint,
        message: 'GET /products is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public.',
      },
    ],
  },
  {
    name: `${version}: not a GET without security (the read rule's), nor a write declared public`,
    document: bearerDoc(version, { '/items': { get: op(version), post: op(version, { security: [] }) } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${PUBLIC} (%s)`, version => {
  it('reports `security: []` on a GET with the public hint only, at its security array', async () => {
    const d = bearerDoc(version, { '/products': { get: op(version, { security: [] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [PUBLIC]: ['paths./products.get.security'] });
  });

  it('also an optional `{}` written on the read, and `security: []` at the root once, there', async () => {
    const d = bearerDoc(version, { '/products': { get: op(version, { security: [{}, { bearer: [] }] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [PUBLIC]: ['paths./products.get.security'] });
    const root = bearerDoc(version, { '/products': { get: op(version) }, '/categories': { get: op(version) } }, []);
    expect(await byOperationRule(root)).toEqual({ [PUBLIC]: ['security'] });
  });
});

describe.each(VERSIONS)('%s: public metadata (docs/roles.md)', version => {
  it('health, status, version, the description and .well-known reads declared public are not reported; other public reads are, by this rule or (a record) by the read rule', async () => {
    const metadata = ['/health', '/v1/status', '/version', '/openapi.json', '/.well-known/jwks.json'];
    const paths = Object.fromEntries([...metadata, '/products', '/orders/{id}/status'].map(path => [path, { get: op(version, { security: [] }) }]));
    expect(await found(PUBLIC, bearerDoc(version, paths, [{ bearer: [] }]))).toEqual(['paths./products.get.security']);
    expect(await found(READ, bearerDoc(version, paths, [{ bearer: [] }]))).toEqual(['paths./orders/{id}/status.get.security']);
  });

  it('and auth-read-operation-unprotected leaves them alone too', async () => {
    const doc = bearerDoc(version, { '/healthz': { get: op(version) }, '/orders': { get: op(version) }, '/items': { post: op(version, { security: [{ bearer: [] }] }) } });
    expect(await found(READ, doc)).toEqual(['paths./orders.get']);
  });
});
