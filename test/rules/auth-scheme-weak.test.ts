import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, bearerScheme, lint, schemes, testRule, VERSIONS, type Doc } from '../helpers.js';
import { AUTHORIZE, oauth2, schemeAt, schemeFindings, schemePath, TOKEN, V3, withSchemes } from '../fixtures/schemes.js';

const WEAK = 'auth-scheme-weak';

testRule(WEAK, VERSIONS.flatMap(version => [
  {
    name: `${version}: HTTP Basic, at ${version === '2.0' ? '`type`' : '`scheme`'}`,
    document: withSchemes(version, { B: version === '2.0' ? { type: 'basic' } : { type: 'http', scheme: 'Basic' } }),
    errors: [
      {
        path: schemePath(version, 'B', version === '2.0' ? 'type' : 'scheme'),
        severity: DiagnosticSeverity.Warning,
        message: 'Security scheme "B" uses HTTP basic: HTTP Basic sends a reusable password with every request; use OAuth 2.0 or OpenID Connect, or short-lived bearer tokens.',
      },
    ],
  },
  {
    name: `${version}: not a bearer-like scheme named "basic", nor OAuth2`,
    document: withSchemes(version, { basic: bearerScheme(version), O: oauth2(version, version === '2.0' ? 'accessCode' : 'authorizationCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }) }),
    errors: [],
  },
  {
    name: `${version}: weakHttpSchemes.remove silences HTTP Basic`,
    document: withSchemes(version, { B: version === '2.0' ? { type: 'basic' } : { type: 'http', scheme: 'basic' } }),
    options: { weakHttpSchemes: { remove: ['basic'] } },
    errors: [],
  },
]));

describe('auth-scheme-weak', () => {
  describe.each(V3)('OpenAPI %s', version => {
    it.each(['basic', 'Basic', 'BASIC'])('flags HTTP Basic spelled %s at the scheme', async spelling => {
      expect(await schemeFindings(withSchemes(version, { B: { type: 'http', scheme: spelling } }))).toEqual([`auth-scheme-weak ${schemeAt(version, 'B', 'scheme')}`]);
    });

    it.each(['digest', 'Digest', 'Negotiate', 'negotiate', 'NTLM', 'ntlm', 'OAuth', 'oauth'])('flags the %s HTTP scheme', async spelling => {
      expect(await schemeFindings(withSchemes(version, { W: { type: 'http', scheme: spelling } }))).toEqual([`auth-scheme-weak ${schemeAt(version, 'W', 'scheme')}`]);
    });

    it.each(['bearer', 'Bearer', 'HOBA', 'Mutual', 'SCRAM-SHA-1', 'SCRAM-SHA-256', 'basicish', 'Basic2'])('does not flag the %s HTTP scheme', async spelling => {
      expect(await schemeFindings(withSchemes(version, { S: { type: 'http', scheme: spelling, bearerFormat: 'JWT' } }))).toEqual([]);
    });

    it('does not flag look-alikes: a bearer scheme named "basic", an API key named basic, Basic in a description', async () => {
      expect(await schemeFindings(withSchemes(version, {
        basic: { type: 'http', scheme: 'bearer', description: 'Replaces HTTP Basic' },
        key: { type: 'apiKey', in: 'header', name: 'basic' },
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration', description: 'scheme: basic' },
      }))).toEqual([]);
    });

    it('does not read `scheme` on a non-http scheme', async () => {
      expect(await schemeFindings(withSchemes(version, { K: { type: 'apiKey', in: 'header', name: 'X-Key', scheme: 'basic' } }))).toEqual([]);
    });

    it('reports a scheme defined through a $ref once, on the definition it points to', async () => {
      const doc = withSchemes(version, {
        Legacy: { $ref: '#/components/securitySchemes/Basic' },
        Basic: { type: 'http', scheme: 'basic' },
      });
      expect(await schemeFindings(doc)).toEqual([`auth-scheme-weak ${schemeAt(version, 'Basic', 'scheme')}`]);
      const messages = (await lint(doc)).filter(r => r.code === 'auth-scheme-weak').map(r => r.message);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('"Basic"');
    });

    it('reports a $ref to a definition outside components at the definition, once for all entries that use it', async () => {
      const doc = withSchemes(version, {
        Legacy: { $ref: '#/x-shared-schemes/basicAuth' },
        Other: { $ref: '#/x-shared-schemes/basicAuth' },
      }, { 'x-shared-schemes': { basicAuth: { type: 'http', scheme: 'Basic' } } });
      expect(await schemeFindings(doc)).toEqual(['auth-scheme-weak x-shared-schemes.basicAuth.scheme']);
      const messages = (await lint(doc)).filter(r => r.code === 'auth-scheme-weak').map(r => r.message);
      expect(messages).toEqual([expect.stringContaining('"Legacy"')]);
    });

    it('does not flag a $ref to a strong scheme, nor a dangling or external $ref', async () => {
      expect(await schemeFindings(withSchemes(version, {
        Alias: { $ref: '#/components/securitySchemes/Jwt' },
        Jwt: { type: 'http', scheme: 'bearer' },
        Dangling: { $ref: '#/components/securitySchemes/Nope' },
        External: { $ref: 'schemes.yaml#/Basic' },
      }))).toEqual([]);
    });

    it('can be widened with `weakHttpSchemes.add`, case-insensitively', async () => {
      const doc = withSchemes(version, { H: { type: 'http', scheme: 'HOBA' } });
      expect(await schemeFindings(doc)).toEqual([]);
      expect(await schemeFindings(doc, { weakHttpSchemes: { add: ['hoba'] } })).toEqual([`auth-scheme-weak ${schemeAt(version, 'H', 'scheme')}`]);
    });

    it('`weakHttpSchemes.remove` silences only the schemes removed', async () => {
      const doc = withSchemes(version, { B: { type: 'http', scheme: 'Basic' }, D: { type: 'http', scheme: 'digest' } });
      expect(await schemeFindings(doc)).toEqual([`auth-scheme-weak ${schemeAt(version, 'B', 'scheme')}`, `auth-scheme-weak ${schemeAt(version, 'D', 'scheme')}`]);
      expect(await schemeFindings(doc, { weakHttpSchemes: { remove: ['basic'] } })).toEqual([`auth-scheme-weak ${schemeAt(version, 'D', 'scheme')}`]);
      expect(await schemeFindings(doc, { weakHttpSchemes: { remove: ['BASIC', 'Digest'] } })).toEqual([]);
    });

    it('says which scheme and why, for OAuth 1.0 too, and never says undefined', async () => {
      const results = await lint(withSchemes(version, { B: { type: 'http', scheme: 'Basic' }, O1: { type: 'http', scheme: 'OAuth' } }));
      const messages = results.filter(r => r.code === 'auth-scheme-weak').map(r => r.message).sort();
      expect(messages).toHaveLength(2);
      expect(messages[0]).toMatch(/^Security scheme "B" uses HTTP basic: /);
      expect(messages[1]).toMatch(/^Security scheme "O1" uses OAuth 1\.0: /);
      for (const message of messages) expect(message).not.toMatch(/undefined|null|NaN/);
    });
  });

  describe('Swagger 2.0', () => {
    it('flags `type: basic` at the type', async () => {
      expect(await schemeFindings(withSchemes('2.0', { B: { type: 'basic' } }))).toEqual([`auth-scheme-weak ${schemeAt('2.0', 'B', 'type')}`]);
    });

    it('does not flag an API key in the Authorization header or an OAuth2 scheme', async () => {
      expect(await schemeFindings(withSchemes('2.0', {
        basic: bearerScheme('2.0'),
        O: oauth2('2.0', 'accessCode', { authorizationUrl: AUTHORIZE, tokenUrl: TOKEN }),
      }))).toEqual([]);
    });

    it('`weakHttpSchemes.remove: [basic]` silences `type: basic`', async () => {
      const doc = withSchemes('2.0', { B: { type: 'basic' } });
      expect(await schemeFindings(doc, { weakHttpSchemes: { remove: ['basic'] } })).toEqual([]);
      expect(await schemeFindings(doc, { weakHttpSchemes: { remove: ['digest'] } })).toEqual([`auth-scheme-weak ${schemeAt('2.0', 'B', 'type')}`]);
    });

    it('names the scheme in the message and never says undefined', async () => {
      const messages = (await lint(withSchemes('2.0', { B: { type: 'basic' } }))).filter(r => r.code === 'auth-scheme-weak').map(r => r.message);
      expect(messages).toEqual([expect.stringMatching(/^Security scheme "B" uses HTTP basic: /)]);
      expect(messages[0]).not.toMatch(/undefined|null/);
    });
  });

  describe.each(VERSIONS)('%s: reporting and exemptions', version => {
    const basic: Doc = version === '2.0' ? { type: 'basic' } : { type: 'http', scheme: 'basic' };
    const where = `auth-scheme-weak ${schemeAt(version, 'B', version === '2.0' ? 'type' : 'scheme')}`;

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
      expect(await schemeFindings(doc)).toEqual([where]);
    });

    it('is silenced by a root exemption with a reason', async () => {
      expect(await schemeFindings(withSchemes(version, { B: basic }, { 'x-api-security-exemptions': { 'auth-scheme-weak': 'Legacy partner integration, retired in Q4' } }))).toEqual([]);
    });

    it('is not silenced by an exemption for another rule, or one without a reason', async () => {
      expect(await schemeFindings(withSchemes(version, { B: basic }, { 'x-api-security-exemptions': { 'auth-apikey-in-url': 'Not this rule' } }))).toEqual([where]);
      expect(await schemeFindings(withSchemes(version, { B: basic }, { 'x-api-security-exemptions': { 'auth-scheme-weak': '  ' } }))).toEqual([where]);
    });

    it('is silenced for one scheme by an exemption written on that scheme, and only for that scheme', async () => {
      const exempted = { ...basic, 'x-api-security-exemptions': { 'auth-scheme-weak': 'Legacy partner integration, retired in Q4' } };
      const doc = withSchemes(version, { B: basic, Legacy: exempted });
      expect(await schemeFindings(doc)).toEqual([where]);
      const blank = withSchemes(version, { B: { ...basic, 'x-api-security-exemptions': { 'auth-scheme-weak': '' } } });
      expect(await schemeFindings(blank)).toEqual([where]);
      expect((await lint(blank)).filter(r => r.code === 'security-exemption-reason-missing').map(r => r.path.join('.'))).toEqual([
        `${schemeAt(version, 'B', 'x-api-security-exemptions')}.auth-scheme-weak`,
      ]);
    });

    it('is not silenced by an operation-level exemption: the finding is about the definition', async () => {
      const doc = base(version, {
        ...schemes(version, { B: basic }),
        paths: { '/things': { get: { security: [{ B: [] }], 'x-api-security-exemptions': { 'auth-scheme-weak': 'Only here' }, responses: { '200': { description: 'OK' } } } } },
      });
      expect(await schemeFindings(doc)).toEqual([where]);
    });
  });
});
