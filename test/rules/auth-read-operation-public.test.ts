import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { testRule, VERSIONS } from '../helpers.js';
import { bearerDoc, byOperationRule, op, PUBLIC } from '../fixtures/security.js';

testRule(PUBLIC, VERSIONS.flatMap(version => [
  {
    name: `${version}: a GET declared public with \`security: []\`, as a hint, at its security`,
    document: bearerDoc(version, { '/status': { get: op(version, { security: [] }) } }, [{ bearer: [] }]),
    errors: [
      {
        path: ['paths', '/status', 'get', 'security'],
        severity: DiagnosticSeverity.Hint,
        message: 'GET /status is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public.',
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
    const d = bearerDoc(version, { '/status': { get: op(version, { security: [] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [PUBLIC]: ['paths./status.get.security'] });
  });
});
