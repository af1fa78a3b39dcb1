import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, lint, schemes, testRule, VERSIONS, type Doc } from '../helpers.js';
import { AUTHORIZE, oauth2, schemeAt, schemeFindings, schemePath, TOKEN, V3, withSchemes } from '../fixtures/schemes.js';

const DEPRECATED = 'auth-oauth2-flow-deprecated';

testRule(DEPRECATED, VERSIONS.flatMap(version => [
  {
    name: `${version}: the implicit flow, at ${version === '2.0' ? '`flow`' : 'the flow'}`,
    document: withSchemes(version, { O: oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE }) }),
    errors: [
      {
        path: version === '2.0' ? schemePath(version, 'O', 'flow') : schemePath(version, 'O', 'flows', 'implicit'),
        severity: DiagnosticSeverity.Warning,
        message: 'OAuth2 scheme "O" offers the implicit flow: the implicit flow returns tokens in the redirect URL, where they leak (RFC 9700 §2.1.2); use the authorization code flow with PKCE (or client credentials between services).',
      },
    ],
  },
  {
    name: `${version}: not the authorization code flow, nor a scheme named "implicit"`,
    document: withSchemes(version, { implicit: oauth2(version, version === '2.0' ? 'accessCode' : 'authorizationCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }) }),
    errors: [],
  },
]));

describe('auth-oauth2-flow-deprecated', () => {
  describe.each(V3)('OpenAPI %s', version => {
    it('flags the implicit flow at flows.implicit', async () => {
      expect(await schemeFindings(withSchemes(version, { O: oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE }) })))
        .toEqual([`auth-oauth2-flow-deprecated ${schemeAt(version, 'O', 'flows', 'implicit')}`]);
    });

    it('flags the password flow at flows.password', async () => {
      expect(await schemeFindings(withSchemes(version, { O: oauth2(version, 'password', { tokenUrl: TOKEN }) })))
        .toEqual([`auth-oauth2-flow-deprecated ${schemeAt(version, 'O', 'flows', 'password')}`]);
    });

    it('flags each deprecated flow of a scheme that also offers good ones', async () => {
      const scopes = { read: 'Read' };
      expect(await schemeFindings(withSchemes(version, {
        O: {
          type: 'oauth2',
          flows: {
            authorizationCode: { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN, scopes },
            implicit: { authorizationUrl: AUTHORIZE, scopes },
            password: { tokenUrl: TOKEN, scopes },
            clientCredentials: { tokenUrl: TOKEN, scopes },
          },
        },
      }))).toEqual([
        `auth-oauth2-flow-deprecated ${schemeAt(version, 'O', 'flows', 'implicit')}`,
        `auth-oauth2-flow-deprecated ${schemeAt(version, 'O', 'flows', 'password')}`,
      ]);
    });

    it('does not flag authorizationCode or clientCredentials', async () => {
      expect(await schemeFindings(withSchemes(version, {
        A: oauth2(version, 'authorizationCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }),
        C: oauth2(version, 'clientCredentials', { tokenUrl: TOKEN }),
      }))).toEqual([]);
    });

    it('does not flag a non-oauth2 scheme that carries a `flows` key, nor `implicit` used as a scheme name', async () => {
      expect(await schemeFindings(withSchemes(version, {
        implicit: { type: 'http', scheme: 'bearer', flows: { implicit: { authorizationUrl: AUTHORIZE, scopes: {} } } },
        password: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' },
      }))).toEqual([]);
    });

    it('reports a $ref-defined scheme once, on the definition', async () => {
      expect(await schemeFindings(withSchemes(version, {
        Alias: { $ref: '#/components/securitySchemes/O' },
        O: oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE }),
      }))).toEqual([`auth-oauth2-flow-deprecated ${schemeAt(version, 'O', 'flows', 'implicit')}`]);
    });
  });

  describe('Swagger 2.0', () => {
    it.each(['implicit', 'password'])('flags `flow: %s` at `flow`', async flow => {
      const urls = flow === 'implicit' ? { authorizationUrl: AUTHORIZE } : { tokenUrl: TOKEN };
      expect(await schemeFindings(withSchemes('2.0', { O: oauth2('2.0', flow, urls) }))).toEqual([`auth-oauth2-flow-deprecated ${schemeAt('2.0', 'O', 'flow')}`]);
    });

    it('does not flag accessCode or application', async () => {
      expect(await schemeFindings(withSchemes('2.0', {
        A: oauth2('2.0', 'accessCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }),
        C: oauth2('2.0', 'application', { tokenUrl: TOKEN }),
      }))).toEqual([]);
    });
  });

  describe.each(VERSIONS)('%s: messages, reporting and exemptions', version => {
    const implicit = (): Doc => oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE });
    const where = `auth-oauth2-flow-deprecated ${schemeAt(version, 'O', ...(version === '2.0' ? ['flow'] : ['flows', 'implicit']))}`;

    it('names the scheme and flow, and never says undefined', async () => {
      const results = await lint(withSchemes(version, { O: implicit(), P: oauth2(version, 'password', { tokenUrl: TOKEN }) }));
      const messages = results.filter(r => r.code === 'auth-oauth2-flow-deprecated').map(r => r.message).sort();
      expect(messages).toEqual([
        expect.stringMatching(/^OAuth2 scheme "O" offers the implicit flow: /),
        expect.stringMatching(/^OAuth2 scheme "P" offers the password flow: /),
      ]);
      for (const message of messages) expect(message).not.toMatch(/undefined|null/);
    });

    it('reports once however many operations use the scheme', async () => {
      const op = (): Doc => ({ security: [{ O: ['things:read'] }], responses: { '200': { description: 'OK' } } });
      expect(await schemeFindings(base(version, {
        ...schemes(version, { O: implicit() }),
        security: [{ O: [] }],
        paths: { '/a': { get: op(), post: op() }, '/b': { get: op() } },
      }))).toEqual([where]);
    });

    it('is silenced by a root exemption, not by one for another rule', async () => {
      expect(await schemeFindings(withSchemes(version, { O: implicit() }, { 'x-api-security-exemptions': { 'auth-oauth2-flow-deprecated': 'SPA migrates to PKCE next release' } }))).toEqual([]);
      expect(await schemeFindings(withSchemes(version, { O: implicit() }, { 'x-api-security-exemptions': { 'auth-scheme-weak': 'Other rule' } }))).toEqual([where]);
    });
  });
});
