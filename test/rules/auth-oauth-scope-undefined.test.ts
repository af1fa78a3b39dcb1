import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, schemes, testRule, VERSIONS } from '../helpers.js';
import { bearerDoc, byOperationRule, oauthScheme, op, SCHEME_UNDEFINED, SCOPE_UNDEFINED } from '../fixtures/security.js';

testRule(SCOPE_UNDEFINED, VERSIONS.flatMap(version => [
  {
    name: `${version}: a scope the OAuth2 scheme does not declare, at root and operation level`,
    document: base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { 'items:read': 'Read items' } }) }),
      security: [{ oauth: ['items:read', 'items:admin'] }],
      paths: { '/a': { post: op(version, { security: [{ oauth: ['items:write'] }] }) } },
    }),
    errors: [
      {
        path: ['security', '0', 'oauth', '1'],
        severity: DiagnosticSeverity.Error,
        message: 'Scope "items:admin" is not declared by any flow of OAuth2 scheme "oauth": declare it in the flow\'s `scopes` or correct the name.',
      },
      { path: ['paths', '/a', 'post', 'security', '0', 'oauth', '0'], severity: DiagnosticSeverity.Error, message: expect.stringContaining('Scope "items:write"') },
    ],
  },
  {
    name: `${version}: not declared scopes, nor scopes listed for a scheme that is not OAuth2`,
    document: base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { clientCredentials: { 'items:read': 'Read items' } }), key: { type: 'apiKey', in: 'header', name: 'X-Key' } }),
      security: [{ oauth: ['items:read'] }, { key: ['admin'] }],
      paths: { '/a': { get: op(version) } },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${SCOPE_UNDEFINED} (%s)`, version => {
  it('flags a scope that the OAuth2 scheme does not declare, at root and operation level', async () => {
    const d = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { 'items:read': 'Read items', 'items:write': 'Write items' } }) }),
      security: [{ oauth: ['items:read', 'items:admin'] }],
      paths: { '/a': { post: op(version, { security: [{ oauth: ['items:write', 'Items:Write'] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./a.post.security.0.oauth.1', 'security.0.oauth.1'] });
  });

  it('does not flag declared scopes, or an empty scope list', async () => {
    const d = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { clientCredentials: { 'items:read': 'Read items' } }) }),
      security: [{ oauth: [] }],
      paths: { '/a': { get: op(version, { security: [{ oauth: ['items:read'] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({});
  });

  it('does not check scopes of an undefined scheme (the scheme rule reports it once)', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version, { security: [{ oauth: ['items:read'] }] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['paths./a.get.security.0.oauth'] });
  });

  it('does not check scopes listed for a non-OAuth2 scheme', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version, { security: [{ bearer: ['admin'] }] }) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({});
  });
});

describe.each(['3.0', '3.1'] as const)(`${SCOPE_UNDEFINED}: OpenAPI %s specifics`, version => {
  it('does not flag a scope declared in a different flow of the same OAuth2 scheme', async () => {
    const d = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { 'items:read': 'Read' }, clientCredentials: { 'items:sync': 'Sync' } }) }),
      security: [{ oauth: ['items:read', 'items:sync'] }],
      paths: { '/a': { get: op(version, { security: [{ oauth: ['items:sync', 'items:nope'] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./a.get.security.0.oauth.1'] });
  });

  it('does not check OpenID Connect scopes', async () => {
    const d = base(version, {
      ...schemes(version, { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' } }),
      security: [{ oidc: ['openid', 'profile'] }],
      paths: { '/a': { get: op(version, { security: [{ oidc: ['email'] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({});
  });

  it('follows a $ref in components.securitySchemes to find the scheme and its scopes', async () => {
    const d = base(version, {
      components: {
        securitySchemes: {
          oauth: { $ref: '#/components/securitySchemes/shared' },
          shared: oauthScheme(version, { authorizationCode: { read: 'Read' } }),
        },
      },
      paths: { '/a': { get: op(version, { security: [{ oauth: ['read', 'write'] }] }), post: op(version, { security: [{ oauth: ['read'] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./a.get.security.0.oauth.1'] });
  });
});

describe(`${SCOPE_UNDEFINED}: OpenAPI 3.1 specifics`, () => {
  it('does not flag role names listed for an http bearer scheme', async () => {
    const d = base('3.1', {
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: ['reader'] }],
      paths: { '/a': { delete: op('3.1', { security: [{ bearer: ['admin'] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({});
  });
});
