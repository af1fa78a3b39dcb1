import { describe, expect, it } from 'vitest';
import { base, bearerScheme, lint, lintWith, schemes, VERSIONS, type Doc, type Version } from '../helpers.js';

/**
 * Scheme-level rules: auth-scheme-weak, auth-apikey-in-url, auth-oauth2-flow-deprecated,
 * auth-oauth-url-insecure (functions/auth/security-scheme-strength.ts, functions/auth/oauth-url-transport.ts).
 * Every assertion lists the exact findings of all four rules, so a case also proves the
 * other three stay silent.
 */
const RULES = ['auth-scheme-weak', 'auth-apikey-in-url', 'auth-oauth2-flow-deprecated', 'auth-oauth-url-insecure'];
const V3: Version[] = VERSIONS.filter(v => v !== '2.0');

type Results = Awaited<ReturnType<typeof lint>>;

function ours(results: Results): string[] {
  return results
    .filter(r => RULES.includes(String(r.code)))
    .map(r => `${r.code} ${r.path.join('.')}`)
    .sort();
}

/** Findings of the four scheme rules, as "rule-id dotted.path", sorted. */
async function found(doc: Doc | string): Promise<string[]> {
  return ours(await lint(doc));
}

/** Where a scheme named `name` is defined, plus the segments below it, as a dotted path. */
function at(version: Version, name: string, ...below: string[]): string {
  const container = version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  return [...container, name, ...below].join('.');
}

/** A document defining `defs`, with one operation requiring the first scheme. */
function api(version: Version, defs: Doc, extra: Doc = {}): Doc {
  const first = Object.keys(defs)[0];
  const get: Doc = { responses: { '200': { description: 'OK' }, '401': { description: 'Unauthorized' } } };
  if (first !== undefined) get.security = [{ [first]: [] }];
  return base(version, { ...schemes(version, defs), paths: { '/things': { get } }, ...extra });
}

/** An OAuth2 scheme with one flow, in the version's own shape (3.x `flows.<flow>`, 2.0 `flow: <flow>`). */
function oauth2(version: Version, flow: string, urls: Doc): Doc {
  const scopes = { 'things:read': 'Read things' };
  return version === '2.0' ? { type: 'oauth2', flow, ...urls, scopes } : { type: 'oauth2', flows: { [flow]: { ...urls, scopes } } };
}

const TOKEN = 'https://auth.example.com/oauth/token';
const AUTHORIZE = 'https://auth.example.com/oauth/authorize';

// ---------------------------------------------------------------------------------------------
describe('auth-scheme-weak', () => {
  describe.each(V3)('OpenAPI %s', version => {
    it.each(['basic', 'Basic', 'BASIC'])('flags HTTP Basic spelled %s at the scheme', async spelling => {
      expect(await found(api(version, { B: { type: 'http', scheme: spelling } }))).toEqual([`auth-scheme-weak ${at(version, 'B', 'scheme')}`]);
    });

    it.each(['digest', 'Digest', 'Negotiate', 'negotiate', 'NTLM', 'ntlm', 'OAuth', 'oauth'])('flags the %s HTTP scheme', async spelling => {
      expect(await found(api(version, { W: { type: 'http', scheme: spelling } }))).toEqual([`auth-scheme-weak ${at(version, 'W', 'scheme')}`]);
    });

    it.each(['bearer', 'Bearer', 'HOBA', 'Mutual', 'SCRAM-SHA-1', 'SCRAM-SHA-256', 'basicish', 'Basic2'])('does not flag the %s HTTP scheme', async spelling => {
      expect(await found(api(version, { S: { type: 'http', scheme: spelling, bearerFormat: 'JWT' } }))).toEqual([]);
    });

    it('does not flag look-alikes: a bearer scheme named "basic", an API key named basic, Basic in a description', async () => {
      expect(await found(api(version, {
        basic: { type: 'http', scheme: 'bearer', description: 'Replaces HTTP Basic' },
        key: { type: 'apiKey', in: 'header', name: 'basic' },
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration', description: 'scheme: basic' },
      }))).toEqual([]);
    });

    it('does not read `scheme` on a non-http scheme', async () => {
      expect(await found(api(version, { K: { type: 'apiKey', in: 'header', name: 'X-Key', scheme: 'basic' } }))).toEqual([]);
    });

    it('reports a scheme defined through a $ref once, on the definition it points to', async () => {
      const doc = api(version, {
        Legacy: { $ref: '#/components/securitySchemes/Basic' },
        Basic: { type: 'http', scheme: 'basic' },
      });
      expect(await found(doc)).toEqual([`auth-scheme-weak ${at(version, 'Basic', 'scheme')}`]);
      const messages = (await lint(doc)).filter(r => r.code === 'auth-scheme-weak').map(r => r.message);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('"Basic"');
    });

    it('reports a $ref to a definition outside components at the definition, once for all entries that use it', async () => {
      const doc = api(version, {
        Legacy: { $ref: '#/x-shared-schemes/basicAuth' },
        Other: { $ref: '#/x-shared-schemes/basicAuth' },
      }, { 'x-shared-schemes': { basicAuth: { type: 'http', scheme: 'Basic' } } });
      expect(await found(doc)).toEqual(['auth-scheme-weak x-shared-schemes.basicAuth.scheme']);
      const messages = (await lint(doc)).filter(r => r.code === 'auth-scheme-weak').map(r => r.message);
      expect(messages).toEqual([expect.stringContaining('"Legacy"')]);
    });

    it('does not flag a $ref to a strong scheme, nor a dangling or external $ref', async () => {
      expect(await found(api(version, {
        Alias: { $ref: '#/components/securitySchemes/Jwt' },
        Jwt: { type: 'http', scheme: 'bearer' },
        Dangling: { $ref: '#/components/securitySchemes/Nope' },
        External: { $ref: 'schemes.yaml#/Basic' },
      }))).toEqual([]);
    });

    it('can be widened with `weakHttpSchemes.add`, case-insensitively', async () => {
      const doc = api(version, { H: { type: 'http', scheme: 'HOBA' } });
      expect(await found(doc)).toEqual([]);
      expect(ours(await lintWith({ weakHttpSchemes: { add: ['hoba'] } }, doc))).toEqual([`auth-scheme-weak ${at(version, 'H', 'scheme')}`]);
    });

    it('`weakHttpSchemes.remove` silences only the schemes removed', async () => {
      const doc = api(version, { B: { type: 'http', scheme: 'Basic' }, D: { type: 'http', scheme: 'digest' } });
      expect(await found(doc)).toEqual([`auth-scheme-weak ${at(version, 'B', 'scheme')}`, `auth-scheme-weak ${at(version, 'D', 'scheme')}`]);
      expect(ours(await lintWith({ weakHttpSchemes: { remove: ['basic'] } }, doc))).toEqual([`auth-scheme-weak ${at(version, 'D', 'scheme')}`]);
      expect(ours(await lintWith({ weakHttpSchemes: { remove: ['BASIC', 'Digest'] } }, doc))).toEqual([]);
    });

    it('says which scheme and why, for OAuth 1.0 too, and never says undefined', async () => {
      const results = await lint(api(version, { B: { type: 'http', scheme: 'Basic' }, O1: { type: 'http', scheme: 'OAuth' } }));
      const messages = results.filter(r => r.code === 'auth-scheme-weak').map(r => r.message).sort();
      expect(messages).toHaveLength(2);
      expect(messages[0]).toMatch(/^Security scheme "B" uses HTTP basic: /);
      expect(messages[1]).toMatch(/^Security scheme "O1" uses OAuth 1\.0: /);
      for (const message of messages) expect(message).not.toMatch(/undefined|null|NaN/);
    });
  });

  describe('Swagger 2.0', () => {
    it('flags `type: basic` at the type', async () => {
      expect(await found(api('2.0', { B: { type: 'basic' } }))).toEqual([`auth-scheme-weak ${at('2.0', 'B', 'type')}`]);
    });

    it('does not flag an API key in the Authorization header or an OAuth2 scheme', async () => {
      expect(await found(api('2.0', {
        basic: bearerScheme('2.0'),
        O: oauth2('2.0', 'accessCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }),
      }))).toEqual([]);
    });

    it('`weakHttpSchemes.remove: [basic]` silences `type: basic`', async () => {
      const doc = api('2.0', { B: { type: 'basic' } });
      expect(ours(await lintWith({ weakHttpSchemes: { remove: ['basic'] } }, doc))).toEqual([]);
      expect(ours(await lintWith({ weakHttpSchemes: { remove: ['digest'] } }, doc))).toEqual([`auth-scheme-weak ${at('2.0', 'B', 'type')}`]);
    });

    it('names the scheme in the message and never says undefined', async () => {
      const messages = (await lint(api('2.0', { B: { type: 'basic' } }))).filter(r => r.code === 'auth-scheme-weak').map(r => r.message);
      expect(messages).toEqual([expect.stringMatching(/^Security scheme "B" uses HTTP basic: /)]);
      expect(messages[0]).not.toMatch(/undefined|null/);
    });
  });

  describe.each(VERSIONS)('%s: reporting and exemptions', version => {
    const basic: Doc = version === '2.0' ? { type: 'basic' } : { type: 'http', scheme: 'basic' };
    const where = `auth-scheme-weak ${at(version, 'B', version === '2.0' ? 'type' : 'scheme')}`;

    it('reports a scheme once however many operations use it', async () => {
      const op = (): Doc => ({ security: [{ B: [] }], responses: { '200': { description: 'OK' } } });
      const doc = base(version, {
        ...schemes(version, { B: basic }),
        security: [{ B: [] }],
        paths: {
          '/a': { get: op(), post: op(), delete: op() },
          '/b': { get: op(), put: op() },
          '/c': { get: { responses: { '200': { description: 'OK' } } } },
        },
      });
      expect(await found(doc)).toEqual([where]);
    });

    it('is silenced by a root exemption with a reason', async () => {
      expect(await found(api(version, { B: basic }, { 'x-api-security-exemptions': { 'auth-scheme-weak': 'Legacy partner integration, retired in Q4' } }))).toEqual([]);
    });

    it('is not silenced by an exemption for another rule, or one without a reason', async () => {
      expect(await found(api(version, { B: basic }, { 'x-api-security-exemptions': { 'auth-apikey-in-url': 'Not this rule' } }))).toEqual([where]);
      expect(await found(api(version, { B: basic }, { 'x-api-security-exemptions': { 'auth-scheme-weak': '  ' } }))).toEqual([where]);
    });

    it('is silenced for one scheme by an exemption written on that scheme, and only for that scheme', async () => {
      const exempted = { ...basic, 'x-api-security-exemptions': { 'auth-scheme-weak': 'Legacy partner integration, retired in Q4' } };
      const doc = api(version, { B: basic, Legacy: exempted });
      expect(await found(doc)).toEqual([where]);
      const blank = api(version, { B: { ...basic, 'x-api-security-exemptions': { 'auth-scheme-weak': '' } } });
      expect(await found(blank)).toEqual([where]);
      expect((await lint(blank)).filter(r => r.code === 'security-exemption-reason-missing').map(r => r.path.join('.'))).toEqual([
        `${at(version, 'B', 'x-api-security-exemptions')}.auth-scheme-weak`,
      ]);
    });

    it('is not silenced by an operation-level exemption: the finding is about the definition', async () => {
      const doc = base(version, {
        ...schemes(version, { B: basic }),
        paths: { '/things': { get: { security: [{ B: [] }], 'x-api-security-exemptions': { 'auth-scheme-weak': 'Only here' }, responses: { '200': { description: 'OK' } } } } },
      });
      expect(await found(doc)).toEqual([where]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe.each(VERSIONS)('auth-apikey-in-url (%s)', version => {
  it.each(['query', 'Query'])('flags an API key sent in the %s, at `in`', async location => {
    expect(await found(api(version, { K: { type: 'apiKey', in: location, name: 'api_key' } }))).toEqual([`auth-apikey-in-url ${at(version, 'K', 'in')}`]);
  });

  it('does not flag an API key sent in a header, even one named "query"', async () => {
    expect(await found(api(version, { K: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, Q: { type: 'apiKey', in: 'header', name: 'query' } }))).toEqual([]);
  });

  it('does not flag `in: query` on a scheme that is not an API key', async () => {
    const defs: Doc = version === '2.0'
      ? { B: { type: 'basic', in: 'query' }, O: { ...oauth2(version, 'application', { tokenUrl: TOKEN }), in: 'query' } }
      : { B: { type: 'http', scheme: 'bearer', in: 'query' }, O: { ...oauth2(version, 'clientCredentials', { tokenUrl: TOKEN }), in: 'query' } };
    const expected = version === '2.0' ? [`auth-scheme-weak ${at(version, 'B', 'type')}`] : [];
    expect(await found(api(version, defs))).toEqual(expected);
  });

  it('reports once however many operations use the scheme, and names the key and location', async () => {
    const op = (): Doc => ({ security: [{ K: [] }], responses: { '200': { description: 'OK' } } });
    const results = await lint(base(version, {
      ...schemes(version, { K: { type: 'apiKey', in: 'query', name: 'api_key' } }),
      paths: { '/a': { get: op(), post: op() }, '/b': { get: op() } },
    }));
    expect(ours(results)).toEqual([`auth-apikey-in-url ${at(version, 'K', 'in')}`]);
    const message = results.find(r => r.code === 'auth-apikey-in-url')!.message;
    expect(message).toMatch(/^API key "K" is sent in the query/);
    expect(message).not.toMatch(/undefined|null/);
  });

  it('is silenced by a root exemption', async () => {
    expect(await found(api(version, { K: { type: 'apiKey', in: 'query', name: 'api_key' } }, { 'x-api-security-exemptions': { 'auth-apikey-in-url': 'Webhook verification token required by the vendor' } }))).toEqual([]);
  });

  if (version !== '2.0') {
    it('does not flag an API key sent in a cookie', async () => {
      expect(await found(api(version, { C: { type: 'apiKey', in: 'cookie', name: 'session' } }))).toEqual([]);
    });

    it('reports a $ref-defined API key once, on the definition', async () => {
      expect(await found(api(version, {
        Ref: { $ref: '#/components/securitySchemes/Key' },
        Key: { type: 'apiKey', in: 'query', name: 'key' },
      }))).toEqual([`auth-apikey-in-url ${at(version, 'Key', 'in')}`]);
      expect(await found(api(version, { Ref: { $ref: '#/x-shared/key' } }, { 'x-shared': { key: { type: 'apiKey', in: 'query', name: 'key' } } })))
        .toEqual(['auth-apikey-in-url x-shared.key.in']);
    });
  }
});

// ---------------------------------------------------------------------------------------------
describe('auth-oauth2-flow-deprecated', () => {
  describe.each(V3)('OpenAPI %s', version => {
    it('flags the implicit flow at flows.implicit', async () => {
      expect(await found(api(version, { O: oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE }) })))
        .toEqual([`auth-oauth2-flow-deprecated ${at(version, 'O', 'flows', 'implicit')}`]);
    });

    it('flags the password flow at flows.password', async () => {
      expect(await found(api(version, { O: oauth2(version, 'password', { tokenUrl: TOKEN }) })))
        .toEqual([`auth-oauth2-flow-deprecated ${at(version, 'O', 'flows', 'password')}`]);
    });

    it('flags each deprecated flow of a scheme that also offers good ones', async () => {
      const scopes = { read: 'Read' };
      expect(await found(api(version, {
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
        `auth-oauth2-flow-deprecated ${at(version, 'O', 'flows', 'implicit')}`,
        `auth-oauth2-flow-deprecated ${at(version, 'O', 'flows', 'password')}`,
      ]);
    });

    it('does not flag authorizationCode or clientCredentials', async () => {
      expect(await found(api(version, {
        A: oauth2(version, 'authorizationCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }),
        C: oauth2(version, 'clientCredentials', { tokenUrl: TOKEN }),
      }))).toEqual([]);
    });

    it('does not flag a non-oauth2 scheme that carries a `flows` key, nor `implicit` used as a scheme name', async () => {
      expect(await found(api(version, {
        implicit: { type: 'http', scheme: 'bearer', flows: { implicit: { authorizationUrl: AUTHORIZE, scopes: {} } } },
        password: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' },
      }))).toEqual([]);
    });

    it('reports a $ref-defined scheme once, on the definition', async () => {
      expect(await found(api(version, {
        Alias: { $ref: '#/components/securitySchemes/O' },
        O: oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE }),
      }))).toEqual([`auth-oauth2-flow-deprecated ${at(version, 'O', 'flows', 'implicit')}`]);
    });
  });

  describe('Swagger 2.0', () => {
    it.each(['implicit', 'password'])('flags `flow: %s` at `flow`', async flow => {
      const urls = flow === 'implicit' ? { authorizationUrl: AUTHORIZE } : { tokenUrl: TOKEN };
      expect(await found(api('2.0', { O: oauth2('2.0', flow, urls) }))).toEqual([`auth-oauth2-flow-deprecated ${at('2.0', 'O', 'flow')}`]);
    });

    it('does not flag accessCode or application', async () => {
      expect(await found(api('2.0', {
        A: oauth2('2.0', 'accessCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }),
        C: oauth2('2.0', 'application', { tokenUrl: TOKEN }),
      }))).toEqual([]);
    });
  });

  describe.each(VERSIONS)('%s: messages, reporting and exemptions', version => {
    const implicit = (): Doc => oauth2(version, 'implicit', { authorizationUrl: AUTHORIZE });
    const where = `auth-oauth2-flow-deprecated ${at(version, 'O', ...(version === '2.0' ? ['flow'] : ['flows', 'implicit']))}`;

    it('names the scheme and flow, and never says undefined', async () => {
      const results = await lint(api(version, { O: implicit(), P: oauth2(version, 'password', { tokenUrl: TOKEN }) }));
      const messages = results.filter(r => r.code === 'auth-oauth2-flow-deprecated').map(r => r.message).sort();
      expect(messages).toEqual([
        expect.stringMatching(/^OAuth2 scheme "O" offers the implicit flow: /),
        expect.stringMatching(/^OAuth2 scheme "P" offers the password flow: /),
      ]);
      for (const message of messages) expect(message).not.toMatch(/undefined|null/);
    });

    it('reports once however many operations use the scheme', async () => {
      const op = (): Doc => ({ security: [{ O: ['things:read'] }], responses: { '200': { description: 'OK' } } });
      expect(await found(base(version, {
        ...schemes(version, { O: implicit() }),
        security: [{ O: [] }],
        paths: { '/a': { get: op(), post: op() }, '/b': { get: op() } },
      }))).toEqual([where]);
    });

    it('is silenced by a root exemption, not by one for another rule', async () => {
      expect(await found(api(version, { O: implicit() }, { 'x-api-security-exemptions': { 'auth-oauth2-flow-deprecated': 'SPA migrates to PKCE next release' } }))).toEqual([]);
      expect(await found(api(version, { O: implicit() }, { 'x-api-security-exemptions': { 'auth-scheme-weak': 'Other rule' } }))).toEqual([where]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
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
      const doc = api(version, { O: oauth2(version, flow, { ...urls, [field]: 'http://auth.example.com/oauth/x' }) });
      const deprecated = flow === 'implicit' || flow === 'password' ? [`auth-oauth2-flow-deprecated ${at(version, 'O', 'flows', flow)}`] : [];
      expect(await found(doc)).toEqual([...deprecated, `auth-oauth-url-insecure ${at(version, 'O', 'flows', flow, field)}`].sort());
    });

    it('flags an http:// openIdConnectUrl', async () => {
      expect(await found(api(version, { Oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://auth.example.com/.well-known/openid-configuration' } })))
        .toEqual([`auth-oauth-url-insecure ${at(version, 'Oidc', 'openIdConnectUrl')}`]);
    });

    it('does not flag https or loopback OpenID Connect discovery, nor openIdConnectUrl on an oauth2 scheme', async () => {
      expect(await found(api(version, {
        A: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' },
        B: { type: 'openIdConnect', openIdConnectUrl: 'http://localhost:8080/.well-known/openid-configuration' },
        C: { ...oauth2(version, 'clientCredentials', { tokenUrl: TOKEN }), openIdConnectUrl: 'http://auth.example.com/x' },
      }))).toEqual([]);
    });

    it('flags every insecure URL of a scheme with several flows', async () => {
      const scopes = { read: 'Read' };
      expect(await found(api(version, {
        O: {
          type: 'oauth2',
          flows: {
            authorizationCode: { authorizationUrl: 'http://auth.example.com/a', tokenUrl: 'http://auth.example.com/t', refreshUrl: TOKEN, scopes },
            clientCredentials: { tokenUrl: 'http://auth.example.com/t', scopes },
          },
        },
      }))).toEqual([
        `auth-oauth-url-insecure ${at(version, 'O', 'flows', 'authorizationCode', 'authorizationUrl')}`,
        `auth-oauth-url-insecure ${at(version, 'O', 'flows', 'authorizationCode', 'tokenUrl')}`,
        `auth-oauth-url-insecure ${at(version, 'O', 'flows', 'clientCredentials', 'tokenUrl')}`,
      ]);
    });

    it('reports a $ref-defined scheme once, on the definition', async () => {
      const expected = [`auth-oauth-url-insecure ${at(version, 'O', 'flows', 'clientCredentials', 'tokenUrl')}`];
      expect(await found(api(version, {
        Alias: { $ref: '#/components/securitySchemes/O' },
        O: oauth2(version, 'clientCredentials', { tokenUrl: 'http://auth.example.com/token' }),
      }))).toEqual(expected);
      expect(await found(api(version, { Alias: { $ref: '#/x-shared/oidc' } }, { 'x-shared': { oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://auth.example.com/.well-known/openid-configuration' } } })))
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
      const doc = api('2.0', { O: oauth2('2.0', flow, { ...urls, [field]: 'http://auth.example.com/oauth/x' }) });
      const deprecated = flow === 'implicit' || flow === 'password' ? [`auth-oauth2-flow-deprecated ${at('2.0', 'O', 'flow')}`] : [];
      expect(await found(doc)).toEqual([...deprecated, `auth-oauth-url-insecure ${at('2.0', 'O', field)}`].sort());
    });
  });

  describe.each(VERSIONS)('%s: which URLs count', version => {
    // A flow that takes a token URL and is not deprecated, in each version's own names.
    const flow = version === '2.0' ? 'application' : 'clientCredentials';
    const tokenPath = version === '2.0' ? at(version, 'O', 'tokenUrl') : at(version, 'O', 'flows', flow, 'tokenUrl');
    const withToken = (tokenUrl: unknown): Doc => api(version, { O: oauth2(version, flow, { tokenUrl }) });

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
      expect(await found(withToken(url))).toEqual([`auth-oauth-url-insecure ${tokenPath}`]);
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
      expect(await found(withToken(url))).toEqual([]);
    });

    it('does not flag http:// URLs in fields that are not endpoints, nor on non-oauth2 schemes', async () => {
      expect(await found(api(version, {
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
      expect(await found(base(version, {
        ...schemes(version, { O: oauth2(version, flow, { tokenUrl: 'http://auth.example.com/token' }) }),
        security: [{ O: [] }],
        paths: { '/a': { get: op(), post: op(), delete: op() }, '/b': { get: op() } },
      }))).toEqual([`auth-oauth-url-insecure ${tokenPath}`]);
    });

    it('is silenced by a root exemption, not by one without a reason', async () => {
      const doc = (reason: string) => api(version, { O: oauth2(version, flow, { tokenUrl: 'http://auth.example.com/token' }) }, { 'x-api-security-exemptions': { 'auth-oauth-url-insecure': reason } });
      expect(await found(doc('Internal network behind a TLS-terminating mesh'))).toEqual([]);
      expect(await found(doc(''))).toEqual([`auth-oauth-url-insecure ${tokenPath}`]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe.each(VERSIONS)('wrong types do not crash and produce no findings (%s)', version => {
  const flow = version === '2.0' ? 'application' : 'clientCredentials';

  it.each<[string, Doc]>([
    ['type: 42', { S: { type: 42, scheme: 'basic', in: 'query', name: 'k' } }],
    ['type: null', { S: { type: null } }],
    ['type: [basic]', { S: { type: ['basic'], scheme: 'basic' } }],
    ['flows: []', { S: { type: 'oauth2', flows: [], flow: [] } }],
    ['flows: string', { S: { type: 'oauth2', flows: 'implicit' } }],
    ['flows.implicit: null', { S: { type: 'oauth2', flows: { implicit: null, password: 'x' } } }],
    ['flow: 42', { S: { type: 'oauth2', flow: 42, tokenUrl: 7, authorizationUrl: 'http' } }],
    ['scheme: null', { S: { type: 'http', scheme: null } }],
    ['scheme: 7', { S: { type: 'http', scheme: 7 } }],
    ['scheme: {}', { S: { type: 'http', scheme: { basic: true } } }],
    ['tokenUrl: 7', { S: oauth2(version, flow, { tokenUrl: 7, refreshUrl: null, authorizationUrl: ['http://auth.example.com'] }) }],
    ['openIdConnectUrl: {}', { S: { type: 'openIdConnect', openIdConnectUrl: { url: 'http://auth.example.com' } } }],
    ['in: 5', { S: { type: 'apiKey', in: 5, name: 'k' } }],
    ['in: [query]', { S: { type: 'apiKey', in: ['query'], name: 'k' } }],
    ['scheme object null', { S: null }],
    ['scheme object a string', { S: 'basic' }],
    ['scheme object an array', { S: [{ type: 'http', scheme: 'basic' }] }],
    ['$ref: 42', { S: { $ref: 42 } }],
    ['$ref cycle', { S: { $ref: version === '2.0' ? '#/securityDefinitions/T' : '#/components/securitySchemes/T' }, T: { $ref: version === '2.0' ? '#/securityDefinitions/S' : '#/components/securitySchemes/S' } }],
  ])('%s', async (_label, defs) => {
    expect(await found(api(version, defs))).toEqual([]);
  });

  it.each<[string, Doc]>([
    ['schemes container is an array', version === '2.0' ? { securityDefinitions: [{ type: 'basic' }] } : { components: { securitySchemes: [{ type: 'http', scheme: 'basic' }] } }],
    ['schemes container is null', version === '2.0' ? { securityDefinitions: null } : { components: { securitySchemes: null } }],
    ['components is a string', version === '2.0' ? { securityDefinitions: 'basic' } : { components: 'basic' }],
  ])('%s', async (_label, root) => {
    expect(await found(base(version, { ...root, paths: {} }))).toEqual([]);
  });
});
