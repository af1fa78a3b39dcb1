import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, lint, schemes, testRule, VERSIONS, type Doc } from '../helpers.js';
import { AUTHORIZE, oauth2, schemeAt, schemeFindings, schemePath, TOKEN, V3, withSchemes } from '../fixtures/schemes.js';

const INSECURE = 'auth-oauth-url-insecure';

testRule(INSECURE, VERSIONS.flatMap(version => {
  // A flow that takes a token URL and is not deprecated, in each version's own names.
  const flow = version === '2.0' ? 'application' : 'clientCredentials';
  return [
    {
      name: `${version}: an http:// token URL, at the URL`,
      document: withSchemes(version, { O: oauth2(version, flow, { tokenUrl: 'http://auth.example.com/oauth/token' }) }),
      errors: [
        {
          path: version === '2.0' ? schemePath(version, 'O', 'tokenUrl') : schemePath(version, 'O', 'flows', flow, 'tokenUrl'),
          severity: DiagnosticSeverity.Error,
          message: '`tokenUrl` of "O" uses http://: tokens and codes would cross the network unencrypted; use an https:// URL.',
        },
      ],
    },
    {
      name: `${version}: not an https:// or loopback token URL, nor http:// in a description`,
      document: withSchemes(version, {
        O: { ...oauth2(version, flow, { tokenUrl: TOKEN }), description: 'Mirror at http://auth.example.com/token' },
        L: oauth2(version, flow, { tokenUrl: 'http://localhost:8080/token' }),
      }),
      errors: [],
    },
    ...(version === '2.0' ? [] : [
      {
        name: `${version}: an http:// OpenID Connect discovery URL`,
        document: withSchemes(version, { Oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://auth.example.com/.well-known/openid-configuration' } }),
        errors: [{ path: schemePath(version, 'Oidc', 'openIdConnectUrl'), severity: DiagnosticSeverity.Error, message: expect.stringContaining('`openIdConnectUrl` of "Oidc" uses http://') }],
      },
    ]),
  ];
}));

describe('auth-oauth-url-insecure', () => {
  describe.each(V3)('OpenAPI %s', version => {
    it.each([
      ['implicit', 'authorizationUrl'],
      ['implicit', 'refreshUrl'],
      ['password', 'tokenUrl'],
      ['password', 'refreshUrl'],
      ['clientCredentials', 'tokenUrl'],
      ['authorizationCode', 'authorizationUrl'],
      ['authorizationCode', 'tokenUrl'],
      ['authorizationCode', 'refreshUrl'],
    ])('flags an http:// %s %s', async (flow, field) => {
      const urls: Doc = { authorizationCode: { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }, implicit: { authorizationUrl: AUTHORIZE }, password: { tokenUrl: TOKEN }, clientCredentials: { tokenUrl: TOKEN } }[flow] as Doc;
      const doc = withSchemes(version, { O: oauth2(version, flow, { ...urls, [field]: 'http://auth.example.com/oauth/x' }) });
      const deprecated = flow === 'implicit' || flow === 'password' ? [`auth-oauth2-flow-deprecated ${schemeAt(version, 'O', 'flows', flow)}`] : [];
      expect(await schemeFindings(doc)).toEqual([...deprecated, `auth-oauth-url-insecure ${schemeAt(version, 'O', 'flows', flow, field)}`].sort());
    });

    it('flags an http:// openIdConnectUrl', async () => {
      expect(await schemeFindings(withSchemes(version, { Oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://auth.example.com/.well-known/openid-configuration' } })))
        .toEqual([`auth-oauth-url-insecure ${schemeAt(version, 'Oidc', 'openIdConnectUrl')}`]);
    });

    it('does not flag https or loopback OpenID Connect discovery, nor openIdConnectUrl on an oauth2 scheme', async () => {
      expect(await schemeFindings(withSchemes(version, {
        A: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' },
        B: { type: 'openIdConnect', openIdConnectUrl: 'http://localhost:8080/.well-known/openid-configuration' },
        C: { ...oauth2(version, 'clientCredentials', { tokenUrl: TOKEN }), openIdConnectUrl: 'http://auth.example.com/x' },
      }))).toEqual([]);
    });

    it('flags every insecure URL of a scheme with several flows', async () => {
      const scopes = { read: 'Read' };
      expect(await schemeFindings(withSchemes(version, {
        O: {
          type: 'oauth2',
          flows: {
            authorizationCode: { authorizationUrl: 'http://auth.example.com/a', tokenUrl: 'http://auth.example.com/t', refreshUrl: TOKEN, scopes },
            clientCredentials: { tokenUrl: 'http://auth.example.com/t', scopes },
          },
        },
      }))).toEqual([
        `auth-oauth-url-insecure ${schemeAt(version, 'O', 'flows', 'authorizationCode', 'authorizationUrl')}`,
        `auth-oauth-url-insecure ${schemeAt(version, 'O', 'flows', 'authorizationCode', 'tokenUrl')}`,
        `auth-oauth-url-insecure ${schemeAt(version, 'O', 'flows', 'clientCredentials', 'tokenUrl')}`,
      ]);
    });

    it('reports a $ref-defined scheme once, on the definition', async () => {
      const expected = [`auth-oauth-url-insecure ${schemeAt(version, 'O', 'flows', 'clientCredentials', 'tokenUrl')}`];
      expect(await schemeFindings(withSchemes(version, {
        Alias: { $ref: '#/components/securitySchemes/O' },
        O: oauth2(version, 'clientCredentials', { tokenUrl: 'http://auth.example.com/token' }),
      }))).toEqual(expected);
      expect(await schemeFindings(withSchemes(version, { Alias: { $ref: '#/x-shared/oidc' } }, { 'x-shared': { oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://auth.example.com/.well-known/openid-configuration' } } })))
        .toEqual(['auth-oauth-url-insecure x-shared.oidc.openIdConnectUrl']);
    });
  });

  describe('Swagger 2.0', () => {
    it.each([
      ['implicit', 'authorizationUrl'],
      ['password', 'tokenUrl'],
      ['application', 'tokenUrl'],
      ['accessCode', 'authorizationUrl'],
      ['accessCode', 'tokenUrl'],
    ])('flags an http:// %s %s at the scheme', async (flow, field) => {
      const urls: Doc = { accessCode: { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }, implicit: { authorizationUrl: AUTHORIZE }, password: { tokenUrl: TOKEN }, application: { tokenUrl: TOKEN } }[flow] as Doc;
      const doc = withSchemes('2.0', { O: oauth2('2.0', flow, { ...urls, [field]: 'http://auth.example.com/oauth/x' }) });
      const deprecated = flow === 'implicit' || flow === 'password' ? [`auth-oauth2-flow-deprecated ${schemeAt('2.0', 'O', 'flow')}`] : [];
      expect(await schemeFindings(doc)).toEqual([...deprecated, `auth-oauth-url-insecure ${schemeAt('2.0', 'O', field)}`].sort());
    });
  });

  describe.each(VERSIONS)('%s: which URLs count', version => {
    // A flow that takes a token URL and is not deprecated, in each version's own names.
    const flow = version === '2.0' ? 'application' : 'clientCredentials';
    const tokenPath = version === '2.0' ? schemeAt(version, 'O', 'tokenUrl') : schemeAt(version, 'O', 'flows', flow, 'tokenUrl');
    const withToken = (tokenUrl: unknown): Doc => withSchemes(version, { O: oauth2(version, flow, { tokenUrl }) });

    it.each([
      'http://auth.example.com/oauth/token',
      'HTTP://AUTH.EXAMPLE.COM/oauth/token',
      ' http://auth.example.com/oauth/token',
      'http://localhost.example.com/token',
      'http://127.0.0.1.example.com/token',
      'http://localhost@evil.example.com/token',
      'http://auth.localhost.example.com/token',
      'http://10.0.0.5/token',
    ])('flags %s', async url => {
      expect(await schemeFindings(withToken(url))).toEqual([`auth-oauth-url-insecure ${tokenPath}`]);
    });

    it.each([
      'https://auth.example.com/oauth/token',
      'HTTPS://auth.example.com/oauth/token',
      'http://localhost/token',
      'http://LOCALHOST:9000/token',
      'http://127.0.0.1:8080/token',
      'http://[::1]/token',
      'http://[::1]:8443/token',
      'http://auth.localhost/token',
      'http://auth.localhost:3000/token',
      '/oauth/token',
      'oauth/token',
      './token',
    ])('does not flag %s', async url => {
      expect(await schemeFindings(withToken(url))).toEqual([]);
    });

    it('does not flag http:// URLs in fields that are not endpoints, nor on non-oauth2 schemes', async () => {
      expect(await schemeFindings(withSchemes(version, {
        O: { ...oauth2(version, flow, { tokenUrl: TOKEN }), description: 'Mirror at http://auth.example.com/token', 'x-token-url': 'http://auth.example.com/token' },
        K: { type: 'apiKey', in: 'header', name: 'X-Key', tokenUrl: 'http://auth.example.com/token', authorizationUrl: 'http://auth.example.com/a' },
      }))).toEqual([]);
    });

    it('names the field, the scheme and the transport, and never says undefined', async () => {
      const results = await lint(withToken('http://auth.example.com/oauth/token'));
      const messages = results.filter(r => r.code === 'auth-oauth-url-insecure').map(r => r.message);
      expect(messages).toEqual([expect.stringMatching(/^`tokenUrl` of "O" uses http:\/\//)]);
      expect(messages[0]).not.toMatch(/undefined|null/);
    });

    it('reports once however many operations use the scheme', async () => {
      const op = (): Doc => ({ security: [{ O: ['things:read'] }], responses: { '200': { description: 'OK' } } });
      expect(await schemeFindings(base(version, {
        ...schemes(version, { O: oauth2(version, flow, { tokenUrl: 'http://auth.example.com/token' }) }),
        security: [{ O: [] }],
        paths: { '/a': { get: op(), post: op(), delete: op() }, '/b': { get: op() } },
      }))).toEqual([`auth-oauth-url-insecure ${tokenPath}`]);
    });

    it('is silenced by a root exemption, not by one without a reason', async () => {
      const doc = (reason: string) => withSchemes(version, { O: oauth2(version, flow, { tokenUrl: 'http://auth.example.com/token' }) }, { 'x-api-security-exemptions': { 'auth-oauth-url-insecure': reason } });
      expect(await schemeFindings(doc('Internal network behind a TLS-terminating mesh'))).toEqual([]);
      expect(await schemeFindings(doc(''))).toEqual([`auth-oauth-url-insecure ${tokenPath}`]);
    });
  });
});
