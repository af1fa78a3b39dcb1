import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, messagesOf, response, testRule, VERSIONS, type Doc } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { ABUSE, components, documented, EXPENSIVE, MISSING, operation, TOO_MANY, withPaths } from '../fixtures/rate-limits.js';

testRule(ABUSE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a login without a 429, at its responses`,
    document: withPaths(version, { '/login': { post: operation(version) }, '/orders': { get: operation(version, true) } }),
    errors: [
      {
        path: ['paths', '/login', 'post', 'responses'],
        severity: DiagnosticSeverity.Error,
        message: 'POST /login does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header. It is abuse-prone ("login"): a credential entry open to anonymous callers is where credential stuffing and brute force go first.',
      },
    ],
  },
  {
    name: `${version}: not a login that documents a 429, a GET of the login page, nor an ordinary operation`,
    document: withPaths(version, { '/login': { post: operation(version, true), get: operation(version) }, '/orders': { get: operation(version) } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${ABUSE} (%s)`, version => {
  const ABUSE_PRONE: Array<[string, string, Doc, string]> = [
    // Credential entries (docs/roles.md) that callers reach without credentials (here: no security anywhere).
    ['post', '/login', {}, 'login'],
    ['post', '/auth/sign-in', {}, 'sign_in'],
    ['post', '/auth/logon', {}, 'logon'],
    ['post', '/sessions', { operationId: 'signIn' }, 'sign_in'],
    ['post', '/accounts', { summary: 'Sign up for an account' }, 'sign_up'],
    ['post', '/users/register', {}, 'register'],
    ['post', '/password-resets', {}, 'password_reset'],
    ['post', '/oauth/token', {}, 'token'],
    ['post', '/me/mfa/verify', {}, 'mfa_verify'],
    ['post', '/otp', {}, 'otp'],
  ];

  it.each(ABUSE_PRONE)('flags %s %s without a 429, at its responses, naming the reason', async (method, path, more, reason) => {
    const d = withPaths(version, { [path]: { [method]: operation(version, false, more) }, '/orders': { get: operation(version, true) } });
    const own = (await lint(d)).filter(r => r.code === ABUSE);
    expect(own.map(r => r.path.join('.'))).toEqual([`paths.${path}.${method}.responses`]);
    expect(own[0].message).toBe(
      `${method.toUpperCase()} ${path} does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header. It is abuse-prone ("${reason}"): a credential entry open to anonymous callers is where credential stuffing and brute force go first.`,
    );
    expect(own[0].severity).toBe(DiagnosticSeverity.Error);
    // A credential entry is this rule's, not the general one's nor the expensive one's.
    expect(await found(MISSING, d)).toEqual([]);
    expect(await found(EXPENSIVE, d)).toEqual([]);
  });

  const ORDINARY: Array<[string, string, Doc, string]> = [
    ['get', '/tokens/{id}', {}, 'credential words only count on calls that submit something'],
    ['put', '/users/{id}/password', {}, 'changing a password is not a credential entry'],
    ['post', '/v1/identity/verification_sessions', {}, 'a credential word inside a resource noun'],
    ['post', '/orgs/{org}/actions/runners/registration-token', {}, 'a token issued by name of something else'],
    ['get', '/login', {}, 'a GET of the login page'],
    ['get', '/password-policy', {}, 'a read'],
    ['post', '/tokenizers', {}, '"tokenizers" is not "token"'],
    ['post', '/users/{password}', {}, 'path parameters are not literal segments'],
    ['post', '/v1/shipping_rates', { operationId: 'PostShippingRatesShippingRateToken' }, 'only the leading verb of the operationId counts'],
    ['get', '/search', {}, 'an expensive operation: rate-limit-429-missing-expensive judges it'],
  ];

  it.each(ORDINARY)('does not flag %s %s (%s)', async (method, path, more) => {
    const d = withPaths(version, { [path]: { [method]: operation(version, false, more) }, '/orders-limited': { get: operation(version, true) } });
    expect(await found(ABUSE, d)).toEqual([]);
    const other = path === '/search' ? EXPENSIVE : MISSING;
    expect(await found(other, d)).toEqual([`paths.${path}.${method}.responses`]);
  });

  it('does not flag credential entries that document a 429 (inline, through $ref, or a 4XX/default about rate limiting)', async () => {
    const d = withPaths(
      version,
      {
        '/login': { post: operation(version, true) },
        '/signin': { post: { responses: { '200': response(version), '429': { $ref: version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany' } } } },
        '/signup': { post: { responses: { '200': response(version), '4XX': response(version, 'Client error, including too many requests.') } } },
        '/password-reset': { post: { responses: { '200': response(version), default: response(version, 'Error; 429 when rate limited.') } } },
      },
      components(version, { responses: { TooMany: TOO_MANY(version) } }),
    );
    expect(await found(ABUSE, d)).toEqual([]);
  });

  it('reports credential entries one by one even when no operation documents a 429', async () => {
    const d = withPaths(version, {
      '/login': { post: operation(version) },
      '/search': { get: operation(version) },
      '/orders': { get: operation(version), post: operation(version) },
    });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post.responses']);
    expect(await found(EXPENSIVE, d)).toEqual(['paths./search.get.responses']);
    expect(await found(MISSING, d)).toEqual(['paths']);
    expect((await messagesOf(MISSING, d))[0]).toContain('how 2 operation(s) are rate limited');
  });

  it('an operation without responses is reported at the operation', async () => {
    const d = withPaths(version, { '/login': { post: { operationId: 'login' } } });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post']);
  });

  it('honours exemptions on the operation, the path item and the root', async () => {
    const reason = { [ABUSE]: 'Login is rate limited by the identity provider in front of the API.' };
    const paths = {
      '/login': { post: operation(version, false, { [EXEMPTIONS]: reason }) },
      '/signup': { [EXEMPTIONS]: reason, post: operation(version) },
      '/otp': { post: operation(version) },
    };
    expect(await found(ABUSE, withPaths(version, paths))).toEqual(['paths./otp.post.responses']);
    expect(await found(ABUSE, withPaths(version, paths, { [EXEMPTIONS]: reason }))).toEqual([]);
  });

  it('credentialEntryNames take add and remove', async () => {
    const d = withPaths(version, {
      '/sessions': { post: operation(version) },
      '/login': { post: operation(version) },
      '/orders': { get: operation(version, true) },
      ...documented(version, 2),
    });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post.responses']);
    const options = { credentialEntryNames: { add: ['session'], remove: ['login'] } };
    expect(await found(ABUSE, d, options)).toEqual(['paths./sessions.post.responses']);
    expect(await found(MISSING, d, options)).toEqual(['paths./login.post.responses']);
  });

  if (version === '3.1') {
    it('reports an operation of a $ref-ed path item where it is written', async () => {
      const d = withPaths(version, { '/login': { $ref: '#/components/pathItems/Login' } }, { components: { pathItems: { Login: { post: operation(version) } } } });
      expect(await found(ABUSE, d)).toEqual(['components.pathItems.Login.post.responses']);
    });

    it('does not judge webhooks (calls the API makes)', async () => {
      const d = withPaths(version, { '/orders': { get: operation(version, true) } }, { webhooks: { login: { post: operation(version) }, signup: { post: operation(version) } } });
      expect(await found(ABUSE, d)).toEqual([]);
    });
  }
});

describe.each(VERSIONS)('abuse-prone classification refinements (%s)', version => {
  it('a credential entry that requires credentials is ordinary: a token issued to an authenticated caller', async () => {
    const bearer = version === '2.0' ? { type: 'apiKey', in: 'header', name: 'Authorization' } : { type: 'http', scheme: 'bearer' };
    const schemes = version === '2.0' ? { securityDefinitions: { bearer } } : { components: { securitySchemes: { bearer } } };
    const d = withPaths(
      version,
      { '/oauth/token': { post: operation(version) }, '/login': { post: operation(version, false, { security: [] }) }, '/otp': { post: operation(version, false, { security: [{}, { bearer: [] }] }) } },
      { ...schemes, security: [{ bearer: [] }] },
    );
    expect(await found(ABUSE, d)).toEqual(['paths./login.post.responses', 'paths./otp.post.responses']);
  });

  it('does not count credential words on token revocation (DELETE) or on reads', async () => {
    const d = withPaths(version, { '/installation/token': { delete: operation(version), get: operation(version) }, '/login': { post: operation(version) } });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post.responses']);
  });
});
