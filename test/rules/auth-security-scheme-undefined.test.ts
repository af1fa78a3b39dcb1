import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, testRule, VERSIONS } from '../helpers.js';
import { bearerDoc, byOperationRule, op, SCHEME_UNDEFINED } from '../fixtures/security.js';

testRule(SCHEME_UNDEFINED, VERSIONS.flatMap(version => [
  {
    name: `${version}: an undefined scheme required at the root and by an operation, at each requirement entry`,
    document: bearerDoc(version, { '/a': { get: op(version), post: op(version, { security: [{ Bearer: [] }] }) } }, [{ bearer: [] }, { missing: [] }]),
    errors: [
      {
        path: ['security', '1', 'missing'],
        severity: DiagnosticSeverity.Error,
        message: `Security scheme "missing" is not defined: define it in \`${version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes'}\` or correct the name.`,
      },
      { path: ['paths', '/a', 'post', 'security', '0', 'Bearer'], severity: DiagnosticSeverity.Error, message: expect.stringContaining('"Bearer" is not defined') },
    ],
  },
  {
    name: `${version}: not a defined scheme, nor the empty requirement`,
    document: bearerDoc(version, { '/a': { get: op(version, { security: [{ bearer: [] }, {}] }) } }, [{ bearer: [] }]),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${SCHEME_UNDEFINED} (%s)`, version => {
  it('flags an undefined scheme required at the root once, at security.0.<name>, not per operation', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version), post: op(version) }, '/b': { delete: op(version) } }, [{ bearer: [] }, { missing: [] }]);
    expect(await byOperationRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['security.1.missing'] });
  });

  it('flags an undefined scheme required by operations, at each requirement entry', async () => {
    const d = bearerDoc(version, {
      '/a': { get: op(version, { security: [{ bearer: [], missing: [] }] }), post: op(version, { security: [{ Bearer: [] }] }) },
    }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['paths./a.get.security.0.missing', 'paths./a.post.security.0.Bearer'] });
  });

  it('flags every requirement when no scheme is defined at all', async () => {
    const d = base(version, { security: [{ bearer: [] }], paths: { '/a': { get: op(version) } } });
    expect(await byOperationRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['security.0.bearer'] });
  });

  it('does not flag defined schemes, or the empty requirement', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version, { security: [{ bearer: [] }] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({});
  });
});

describe.each(['3.0', '3.1'] as const)(`${SCHEME_UNDEFINED}: OpenAPI %s references`, version => {
  it('does not flag a scheme whose $ref cannot be followed as undefined, nor check its scopes', async () => {
    const d = base(version, {
      components: { securitySchemes: { ext: { $ref: './security.yaml#/oauth' } } },
      paths: { '/a': { get: op(version, { security: [{ ext: ['read'] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({});
  });
});
