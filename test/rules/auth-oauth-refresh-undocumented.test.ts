import { DiagnosticSeverity } from '@stoplight/types';
import { expect } from 'vitest';
import { base, schemes, testRule, type Doc, type RuleCase } from '../helpers.js';
import { AUTHORIZE, oauth2, schemePath, TOKEN, V3, withSchemes } from '../fixtures/schemes.js';

const REFRESH = 'auth-oauth-refresh-undocumented';

const flagged = (path: string[], flow: string) => ({ path, severity: DiagnosticSeverity.Information, message: expect.stringContaining(`The ${flow} flow of`) });

const code = { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN };

testRule(REFRESH, V3.flatMap((version): RuleCase[] => [
  {
    name: `${version}: authorization code and password flows without refreshUrl`,
    document: withSchemes(version, {
      O: { type: 'oauth2', flows: { authorizationCode: { ...code, scopes: { read: 'Read' } }, password: { tokenUrl: TOKEN, scopes: { read: 'Read' } } } },
    }),
    errors: [flagged(schemePath(version, 'O', 'flows', 'authorizationCode'), 'authorizationCode'), flagged(schemePath(version, 'O', 'flows', 'password'), 'password')],
  },
  {
    name: `${version}: not with a refreshUrl (the token URL too), nor client credentials or implicit flows`,
    document: withSchemes(version, {
      A: oauth2(version, 'authorizationCode', { ...code, refreshUrl: TOKEN }),
      B: oauth2(version, 'clientCredentials', { tokenUrl: TOKEN }),
      C: oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE }),
    }),
    errors: [],
  },
  {
    name: `${version}: not when the description documents refresh or short-lived tokens, or the flow offers offline_access`,
    document: withSchemes(version, {
      A: { ...oauth2(version, 'authorizationCode', code), description: 'Renew with `grant_type=refresh_token` at the token URL.' },
      B: { ...oauth2(version, 'authorizationCode', code), description: 'Access tokens are short-lived (5 minutes) and not refreshable.' },
      C: { type: 'oauth2', flows: { authorizationCode: { ...code, scopes: { openid: 'OpenID', offline_access: 'A refresh token' } } } },
    }),
    errors: [],
  },
  {
    name: `${version}: not when the overview explains refresh tokens`,
    document: withSchemes(version, { A: oauth2(version, 'authorizationCode', code) }, { info: { title: 'T', version: '1', description: 'Exchange the refresh token for a new access token at the token URL.' } }),
    errors: [],
  },
  {
    name: `${version}: not when an operation takes a refresh token or a refresh_token grant (through $ref)`,
    document: withSchemes(version, { A: oauth2(version, 'authorizationCode', code) }, {
      paths: {
        '/things': { get: { security: [{ A: ['things:read'] }], responses: { '200': { description: 'OK' } } } },
        '/oauth/token': {
          post: {
            security: [],
            requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/TokenRequest' } } } },
            responses: { '200': { description: 'OK' } },
          },
        },
      },
      components: {
        securitySchemes: { A: oauth2(version, 'authorizationCode', code) },
        schemas: { TokenRequest: { type: 'object', properties: { grant_type: { allOf: [{ type: 'string' }], enum: ['authorization_code', 'refresh_token'] } } } },
      },
    }),
    errors: [],
  },
  {
    name: `${version}: a description or overview that denies refresh tokens, for tokens that never expire or live long, documents no refresh (through $ref too)`,
    document: withSchemes(version, {
      A: { ...oauth2(version, 'authorizationCode', code), description: 'Access tokens do not expire and there are no refresh tokens.' },
      B: { $ref: '#/components/securitySchemes/Shared' },
      Shared: { ...oauth2(version, 'password', { tokenUrl: TOKEN }), description: 'Tokens are valid for 30 days. Refresh tokens are not supported.' },
      C: { ...oauth2(version, 'authorizationCode', code), description: 'Access tokens are not refreshable.' },
    }),
    errors: [
      flagged(schemePath(version, 'A', 'flows', 'authorizationCode'), 'authorizationCode'),
      flagged(schemePath(version, 'Shared', 'flows', 'password'), 'password'),
      flagged(schemePath(version, 'C', 'flows', 'authorizationCode'), 'authorizationCode'),
    ],
  },
  {
    name: `${version}: the overview "Access tokens never expire; refresh tokens are not supported." documents no refresh`,
    document: withSchemes(version, { A: oauth2(version, 'authorizationCode', code) }, { info: { title: 'T', version: '1', description: 'Access tokens never expire; refresh tokens are not supported.' } }),
    errors: [flagged(schemePath(version, 'A', 'flows', 'authorizationCode'), 'authorizationCode')],
  },
  {
    name: `${version}: not when refresh is ruled out for tokens of minutes, or refresh tokens are named beside a negation about something else`,
    document: withSchemes(version, {
      A: { ...oauth2(version, 'authorizationCode', code), description: 'Access tokens expire after 15 minutes. There are no refresh tokens: sign in again.' },
      B: { $ref: '#/components/securitySchemes/Shared' },
      Shared: { ...oauth2(version, 'password', { tokenUrl: TOKEN }), description: 'Refresh tokens do not expire; revoke them at /oauth/revoke.' },
      C: { ...oauth2(version, 'authorizationCode', code), description: 'Access tokens are not cached by the gateway. Use the refresh token to get a new one.' },
    }),
    errors: [],
  },
  {
    name: `${version}: a shared scheme through $ref is reported once; an exemption on a scheme silences it`,
    document: withSchemes(version, {
      A: { $ref: '#/components/securitySchemes/Shared' },
      Shared: oauth2(version, 'authorizationCode', code),
      Exempt: { ...oauth2(version, 'authorizationCode', code), 'x-api-security-exemptions': { [REFRESH]: 'Partner flow; refresh is described in the partner contract.' } },
    }),
    errors: [flagged(schemePath(version, 'Shared', 'flows', 'authorizationCode'), 'authorizationCode')],
  },
]));

// Swagger 2.0 has no refreshUrl: the rule does not claim the format.
testRule(REFRESH, [
  {
    name: '2.0: not judged (no refreshUrl field exists)',
    document: base('2.0', { ...schemes('2.0', { O: oauth2('2.0', 'accessCode', code) as Doc }), security: [{ O: [] }], paths: { '/things': { get: { responses: { '200': { description: 'OK' } } } } } }),
    errors: [],
  },
]);
