import { DiagnosticSeverity } from '@stoplight/types';
import { expect } from 'vitest';
import { testRule, VERSIONS, type RuleCase } from '../helpers.js';
import { schemePath, withSchemes } from '../fixtures/schemes.js';

const JWT = 'auth-jwt-undocumented';

const says = (path: string[], missing: string) => ({ path, severity: DiagnosticSeverity.Information, message: expect.stringContaining(`does not say ${missing}:`) });

testRule(JWT, VERSIONS.flatMap((version): RuleCase[] => {
  // 2.0 has no http bearer: a JWT is an API key in the Authorization header, named or described as one.
  const jwt = (description?: string) =>
    version === '2.0' ? { type: 'apiKey', in: 'header', name: 'Authorization', ...(description === undefined ? { description: 'A JWT.' } : { description: `A JWT. ${description}` }) } : { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', ...(description === undefined ? {} : { description }) };
  const at = (name: string) => (version === '2.0' ? schemePath(version, name) : schemePath(version, name, 'bearerFormat'));
  return [
    {
      name: `${version}: a JWT scheme that says neither how tokens are signed nor how long they live`,
      document: withSchemes(version, { Jwt: jwt() }),
      errors: [says(at('Jwt'), 'how its tokens are signed nor how long they live')],
    },
    {
      name: `${version}: the message says which of the two is missing`,
      document: withSchemes(version, {
        Signed: jwt('Tokens are signed with RS256; keys at https://auth.example.com/.well-known/jwks.json.'),
        Timed: jwt('Access tokens expire after 15 minutes.'),
      }),
      errors: [says(at('Signed'), 'how long its tokens live'), says(at('Timed'), 'how its tokens are signed')],
    },
    {
      name: `${version}: not a JWT scheme that documents both (algorithm or JWKS, and lifetime, exp or TTL)`,
      document: withSchemes(version, {
        A: jwt('ES256-signed; valid for 10 minutes.'),
        B: jwt('Verify with the keys of the jwks_uri; the `exp` claim is one hour after issue.'),
        C: jwt('EdDSA signatures, TTL 3600 s.'),
      }),
      errors: [],
    },
    {
      name: `${version}: the algorithm in the overview counts; a lifetime there only when said of tokens`,
      document: withSchemes(version, { A: jwt('Tokens are valid for 1 hour.'), B: jwt() }, { info: { title: 'T', version: '1', description: 'All tokens are PS256-signed JWTs. Access tokens expire after an hour.' } }),
      errors: [],
    },
    {
      name: `${version}: an overview lifetime not said of tokens does not count`,
      document: withSchemes(version, { A: jwt('Signed with HS512.') }, { info: { title: 'T', version: '1', description: 'Sandbox accounts expire after 30 days.' } }),
      errors: [says(at('A'), 'how long its tokens live')],
    },
    {
      name: `${version}: a rate-limit window is no lifetime, and "signed with the algorithm in its alg header" or "signed by our service" names no algorithm`,
      document: withSchemes(version, {
        Window: jwt('RS256-signed JWT. Rate limited to 100 requests per 15 minutes.'),
        Header: jwt('JWT signed with the algorithm named in its alg header. Tokens expire after 1 hour.'),
        Service: jwt('A JWT signed by our identity service. Short-lived.'),
      }),
      errors: [says(at('Window'), 'how long its tokens live'), says(at('Header'), 'how its tokens are signed'), says(at('Service'), 'how its tokens are signed')],
    },
    {
      name: `${version}: a duration said of the token counts, beside a rate limit in another sentence; an RSA or HMAC family counts`,
      document: withSchemes(version, {
        Last: jwt('RS256-signed. Tokens last 24 hours. Rate limited to 100 requests per 15 minutes.'),
        Good: jwt('Signed with RSA keys; good for 7 days.'),
        Hmac: jwt('HMAC-signed; each token is valid 1 hour.'),
      }),
      errors: [],
    },
    {
      name: `${version}: an algorithm family in the overview may be about anything else`,
      document: withSchemes(version, { A: jwt('Tokens expire after 1 hour.') }, { info: { title: 'T', version: '1', description: 'Webhook payloads carry an HMAC of the body.' } }),
      errors: [says(at('A'), 'how its tokens are signed')],
    },
    {
      name: `${version}: not an opaque bearer token or an API key that is not a JWT`,
      document: withSchemes(version, {
        Key: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Your project key.' },
        ...(version === '2.0' ? {} : { Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'opaque' }, Basic: { type: 'http', scheme: 'basic' } }),
      }),
      errors: [],
    },
    {
      name: `${version}: an exemption on the scheme silences it`,
      document: withSchemes(version, { Jwt: { ...jwt(), 'x-api-security-exemptions': { [JWT]: 'Issued by the corporate IdP; documented in its own guide.' } } }),
      errors: [],
    },
  ];
}));

testRule(JWT, [
  {
    name: '3.1: a JWT scheme through $ref is reported once, where it is written; bearerFormat in any case; an API key named JWT',
    document: withSchemes('3.1', {
      Jwt: { $ref: '#/components/securitySchemes/Shared' },
      Shared: { type: 'http', scheme: 'Bearer', bearerFormat: 'jwt' },
      JwtKey: { type: 'apiKey', in: 'header', name: 'X-JWT-Assertion' },
    }),
    errors: [says(schemePath('3.1', 'Shared', 'bearerFormat'), 'how its tokens are signed nor how long they live'), says(schemePath('3.1', 'JwtKey'), 'how its tokens are signed nor how long they live')],
  },
]);
