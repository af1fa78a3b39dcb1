import { describe, expect, it } from 'vitest';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { base, bearerScheme, findings, lint, lintWith, response, schemes, VERSIONS, type Doc, type Version } from '../helpers.js';

const UNDOCUMENTED = 'auth-security-undocumented';
const WRITE = 'auth-write-operation-unprotected';
const READ = 'auth-read-operation-unprotected';
const PUBLIC = 'auth-read-operation-public';
const SCHEME_UNDEFINED = 'auth-security-scheme-undefined';
const SCOPE_UNDEFINED = 'auth-oauth-scope-undefined';
const REASON_MISSING = 'security-exemption-reason-missing';
const EXEMPTIONS = 'x-api-security-exemptions';

/** Rules this file is about: every assertion on "all findings" is restricted to them. */
const OUR_RULES = [UNDOCUMENTED, WRITE, READ, PUBLIC, SCHEME_UNDEFINED, SCOPE_UNDEFINED, REASON_MISSING];

/** A minimal operation in each version's shape, with optional extra keys (security, exemptions). */
function op(version: Version, extra: Doc = {}): Doc {
  return { responses: { '200': response(version) }, ...extra };
}

/** A document that defines a bearer-like scheme `bearer`; `rootSecurity` is written at the root when given. */
function doc(version: Version, paths: Doc, rootSecurity?: unknown[], extra: Doc = {}): Doc {
  return base(version, {
    ...schemes(version, { bearer: bearerScheme(version) }),
    ...(rootSecurity ? { security: rootSecurity } : {}),
    paths,
    ...extra,
  });
}

/** Every finding of the rules under test, grouped by rule id (rules without findings are absent). */
async function byRule(document: Doc, rules?: RulesetDefinition): Promise<Record<string, string[]>> {
  const results = await lint(document, rules);
  const out: Record<string, string[]> = {};
  for (const r of results) {
    if (!OUR_RULES.includes(String(r.code))) continue;
    (out[String(r.code)] ??= []).push(r.path.join('.'));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** An OAuth2 scheme with the given flows' scopes, in each version's shape (2.0: one flow, scheme-level scopes). */
function oauthScheme(version: Version, flows: Record<string, Record<string, string>>): Doc {
  if (version === '2.0') {
    const [[flow, scopes]] = Object.entries(flows);
    const flow2 = flow === 'clientCredentials' ? 'application' : flow === 'authorizationCode' ? 'accessCode' : flow;
    const urls = flow2 === 'application' || flow2 === 'password' ? { tokenUrl: 'https://auth.example.com/token' } : flow2 === 'implicit' ? { authorizationUrl: 'https://auth.example.com/authorize' } : { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token' };
    return { type: 'oauth2', flow: flow2, ...urls, scopes };
  }
  const out: Doc = {};
  for (const [flow, scopes] of Object.entries(flows)) {
    const urls = flow === 'clientCredentials' || flow === 'password'
      ? { tokenUrl: 'https://auth.example.com/token' }
      : flow === 'implicit'
        ? { authorizationUrl: 'https://auth.example.com/authorize' }
        : { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token' };
    out[flow] = { ...urls, scopes };
  }
  return { type: 'oauth2', flows: out };
}

describe.each(VERSIONS)('operation security rules (%s)', version => {
  describe(WRITE, () => {
    it('flags a write operation without security when the document documents security elsewhere, at the operation', async () => {
      const d = doc(version, {
        '/items': { post: op(version), get: op(version, { security: [{ bearer: [] }] }) },
        '/items/{id}': { put: op(version), patch: op(version), delete: op(version) },
      });
      expect((await findings(WRITE, d)).sort()).toEqual([
        'paths./items.post',
        'paths./items/{id}.delete',
        'paths./items/{id}.patch',
        'paths./items/{id}.put',
      ]);
    });

    it('does not flag write operations that inherit root security', async () => {
      const d = doc(version, { '/items': { post: op(version), delete: op(version) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({});
    });

    it('does not flag a write operation whose own security requires a scheme (including a combined AND requirement)', async () => {
      const d = base(version, {
        ...schemes(version, { bearer: bearerScheme(version), key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } }),
        paths: { '/items': { post: op(version, { security: [{ bearer: [], key: [] }] }), put: op(version, { security: [{ key: [] }, { bearer: [] }] }) } },
      });
      expect(await byRule(d)).toEqual({});
    });

    it('flags `security: []` on a write operation at its security array, even under root security', async () => {
      const d = doc(version, { '/items': { post: op(version, { security: [] }), put: op(version) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({ [WRITE]: ['paths./items.post.security'] });
    });

    it('flags an empty requirement `{}` alone and alongside a scheme (optional authentication)', async () => {
      const d = doc(version, {
        '/alone': { post: op(version, { security: [{}] }) },
        '/alternative': { delete: op(version, { security: [{ bearer: [] }, {}] }) },
      });
      expect(await byRule(d)).toEqual({ [WRITE]: ['paths./alone.post.security', 'paths./alternative.delete.security'] });
    });

    it('reports an optional root requirement once, at the `{}` where it is written, for all operations inheriting it', async () => {
      const d = doc(version, { '/items': { post: op(version), put: op(version) }, '/orders': { delete: op(version), get: op(version) } }, [{ bearer: [] }, {}]);
      expect(await findings(WRITE, d)).toEqual(['security.1']);
      expect(await findings(READ, d)).toEqual(['security.1']);
      const [message] = (await lint(d)).filter(r => r.code === WRITE).map(r => r.message);
      expect(message).toMatch(/^The root `security` includes the empty requirement `\{\}`.* so 3 operation\(s\) that inherit it accept anonymous callers \(PUT \/items, POST \/items, DELETE \/orders\)/);
    });

    it('reports an empty root `security: []` once at the root, and operations that override it are judged on their own', async () => {
      const d = doc(version, { '/items': { post: op(version), get: op(version) }, '/orders': { post: op(version, { security: [{ bearer: [] }] }) } }, []);
      expect(await findings(WRITE, d)).toEqual(['security']);
      expect(await findings(PUBLIC, d)).toEqual(['security']);
      expect(await findings(READ, d)).toEqual([]);
    });

    it('leaves exempted operations out of the root finding, and drops it when every inheriting operation is exempt', async () => {
      const exempt = { [EXEMPTIONS]: { [WRITE]: 'Anonymous feedback form.' } };
      const some = doc(version, { '/feedback': { post: op(version, exempt) }, '/items': { post: op(version) } }, [{ bearer: [] }, {}]);
      const [message] = (await lint(some)).filter(r => r.code === WRITE).map(r => r.message);
      expect(message).toContain('1 operation(s) that inherit it accept anonymous callers (POST /items)');
      const all = doc(version, { '/feedback': { post: op(version, exempt) } }, [{ bearer: [] }, {}]);
      expect(await findings(WRITE, all)).toEqual([]);
    });

    it('ignores `security` written on the path item (not an OpenAPI field): the operation is still unprotected', async () => {
      const d = doc(version, { '/items': { security: [{ bearer: [] }], post: op(version) } });
      expect(await findings(WRITE, d)).toEqual(['paths./items.post']);
    });

    it('says which operation is unprotected and why', async () => {
      const d = doc(version, { '/items': { post: op(version, { security: [] }) } });
      const results = (await lint(d)).filter(r => r.code === WRITE);
      expect(results.map(r => r.message)).toEqual([
        'POST /items is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public.',
      ]);
      expect(results.map(r => r.severity)).toEqual([0]);
    });
  });

  describe(`${READ} and ${PUBLIC}`, () => {
    it('flags GET and HEAD without security with the read rule only', async () => {
      const d = doc(version, { '/items': { get: op(version), head: op(version) } });
      expect(await byRule(d)).toEqual({ [READ]: ['paths./items.get', 'paths./items.head'] });
    });

    it('reports `security: []` on a GET with the public hint only, at its security array', async () => {
      const d = doc(version, { '/status': { get: op(version, { security: [] }) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({ [PUBLIC]: ['paths./status.get.security'] });
    });

    it('flags optional authentication on a read with the read rule, not the public hint', async () => {
      const d = doc(version, { '/a': { get: op(version, { security: [{}] }) }, '/b': { get: op(version, { security: [{}, { bearer: [] }] }) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({ [READ]: ['paths./a.get.security', 'paths./b.get.security'] });
    });

    it('does not flag reads that inherit or declare a required scheme', async () => {
      const d = doc(version, { '/a': { get: op(version) }, '/b': { get: op(version, { security: [{ bearer: [] }] }) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({});
    });

    it('does not judge OPTIONS or TRACE by default', async () => {
      const d = doc(version, { '/items': { options: op(version), trace: op(version, { security: [] }) } }, [{}]);
      expect(await byRule(d)).toEqual({});
    });
  });

  describe(UNDOCUMENTED, () => {
    it('reports a document with operations and no security anywhere once, at the root, and no per-operation finding', async () => {
      const d = base(version, { paths: { '/a': { get: op(version), post: op(version) }, '/b': { delete: op(version), head: op(version) } } });
      expect(await byRule(d)).toEqual({ [UNDOCUMENTED]: [''] });
      const messages = (await lint(d)).filter(r => r.code === UNDOCUMENTED).map(r => r.message);
      expect(messages).toEqual([
        `None of the 4 operations documents authentication: define the schemes callers use in \`${version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes'}\` and require them with \`security\` (root or per operation).`,
      ]);
    });

    it('does not report a document without operations', async () => {
      expect(await byRule(base(version, { paths: {} }))).toEqual({});
      expect(await byRule(base(version, { paths: { '/a': { parameters: [] } } }))).toEqual({});
    });

    it('does not report once schemes are defined: per-operation rules take over', async () => {
      const d = doc(version, { '/a': { get: op(version), post: op(version) } });
      expect(await byRule(d)).toEqual({ [READ]: ['paths./a.get'], [WRITE]: ['paths./a.post'] });
    });

    it('does not report when an operation declares `security` even with no scheme defined', async () => {
      const d = base(version, { paths: { '/a': { get: op(version, { security: [] }), post: op(version) } } });
      expect(await byRule(d)).toEqual({ [PUBLIC]: ['paths./a.get.security'], [WRITE]: ['paths./a.post'] });
    });
  });

  describe(SCHEME_UNDEFINED, () => {
    it('flags an undefined scheme required at the root once, at security.0.<name>, not per operation', async () => {
      const d = doc(version, { '/a': { get: op(version), post: op(version) }, '/b': { delete: op(version) } }, [{ bearer: [] }, { missing: [] }]);
      expect(await byRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['security.1.missing'] });
    });

    it('flags an undefined scheme required by operations, at each requirement entry', async () => {
      const d = doc(version, {
        '/a': { get: op(version, { security: [{ bearer: [], missing: [] }] }), post: op(version, { security: [{ Bearer: [] }] }) },
      }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['paths./a.get.security.0.missing', 'paths./a.post.security.0.Bearer'] });
    });

    it('flags every requirement when no scheme is defined at all', async () => {
      const d = base(version, { security: [{ bearer: [] }], paths: { '/a': { get: op(version) } } });
      expect(await byRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['security.0.bearer'] });
    });

    it('does not flag defined schemes, or the empty requirement', async () => {
      const d = doc(version, { '/a': { get: op(version, { security: [{ bearer: [] }] }) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({});
    });
  });

  describe(SCOPE_UNDEFINED, () => {
    it('flags a scope that the OAuth2 scheme does not declare, at root and operation level', async () => {
      const d = base(version, {
        ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { 'items:read': 'Read items', 'items:write': 'Write items' } }) }),
        security: [{ oauth: ['items:read', 'items:admin'] }],
        paths: { '/a': { post: op(version, { security: [{ oauth: ['items:write', 'Items:Write'] }] }) } },
      });
      expect(await byRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./a.post.security.0.oauth.1', 'security.0.oauth.1'] });
    });

    it('does not flag declared scopes, or an empty scope list', async () => {
      const d = base(version, {
        ...schemes(version, { oauth: oauthScheme(version, { clientCredentials: { 'items:read': 'Read items' } }) }),
        security: [{ oauth: [] }],
        paths: { '/a': { get: op(version, { security: [{ oauth: ['items:read'] }] }) } },
      });
      expect(await byRule(d)).toEqual({});
    });

    it('does not check scopes of an undefined scheme (the scheme rule reports it once)', async () => {
      const d = doc(version, { '/a': { get: op(version, { security: [{ oauth: ['items:read'] }] }) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['paths./a.get.security.0.oauth'] });
    });

    it('does not check scopes listed for a non-OAuth2 scheme', async () => {
      const d = doc(version, { '/a': { get: op(version, { security: [{ bearer: ['admin'] }] }) } }, [{ bearer: [] }]);
      expect(await byRule(d)).toEqual({});
    });
  });

  describe('exemptions', () => {
    const unprotected = (extra: { root?: Doc; item?: Doc; op?: Doc } = {}) =>
      doc(version, {
        '/a': { ...(extra.item ?? {}), post: op(version, extra.op ?? {}), delete: op(version) },
        '/b': { post: op(version) },
      }, undefined, extra.root ?? {});

    it('without exemptions, every write operation is flagged (baseline)', async () => {
      expect(await byRule(unprotected())).toEqual({ [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'] });
    });

    it('an operation exemption with a reason silences that operation only', async () => {
      const d = unprotected({ op: { [EXEMPTIONS]: { [WRITE]: 'Webhook receiver authenticated by HMAC signature.' } } });
      expect(await byRule(d)).toEqual({ [WRITE]: ['paths./a.delete', 'paths./b.post'] });
    });

    it('a path item exemption with a reason silences the operations of that path item only', async () => {
      const d = unprotected({ item: { [EXEMPTIONS]: { [WRITE]: 'Sandbox endpoint, no real data.' } } });
      expect(await byRule(d)).toEqual({ [WRITE]: ['paths./b.post'] });
    });

    it('a root exemption with a reason silences the rule everywhere', async () => {
      const d = unprotected({ root: { [EXEMPTIONS]: { [WRITE]: 'Internal mock server.' } } });
      expect(await byRule(d)).toEqual({});
    });

    it('an exemption of one rule does not silence another', async () => {
      const d = unprotected({ root: { [EXEMPTIONS]: { [READ]: 'Public catalogue.', [PUBLIC]: 'Reviewed.' } }, op: { [EXEMPTIONS]: { [SCHEME_UNDEFINED]: 'Defined by the gateway.' } } });
      expect(await byRule(d)).toEqual({ [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'] });
    });

    it('an exemption without a reason silences nothing and is itself reported, at each scope', async () => {
      const d = unprotected({
        root: { [EXEMPTIONS]: { [WRITE]: '' } },
        item: { [EXEMPTIONS]: { [WRITE]: '   ' } },
        op: { [EXEMPTIONS]: { [WRITE]: null, [READ]: true } },
      });
      expect(await byRule(d)).toEqual({
        [REASON_MISSING]: [
          `paths./a.post.${EXEMPTIONS}.${READ}`,
          `paths./a.post.${EXEMPTIONS}.${WRITE}`,
          `paths./a.${EXEMPTIONS}.${WRITE}`,
          `${EXEMPTIONS}.${WRITE}`,
        ],
        [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'],
      });
    });

    it('reports an exemptions value that is not a map, and exempts nothing', async () => {
      const d = unprotected({ op: { [EXEMPTIONS]: [WRITE] }, root: { [EXEMPTIONS]: 'all' } });
      expect(await byRule(d)).toEqual({
        [REASON_MISSING]: [`paths./a.post.${EXEMPTIONS}`, EXEMPTIONS],
        [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'],
      });
    });

    it('exempts the read rules and the public hint per operation', async () => {
      const d = doc(version, {
        '/health': { get: op(version, { [EXEMPTIONS]: { [READ]: 'Load balancer probe; returns no data.' } }) },
        '/status': { get: op(version, { security: [], [EXEMPTIONS]: { [PUBLIC]: 'Public status page.' } }) },
        '/items': { get: op(version), head: op(version, { security: [] }) },
      });
      expect(await byRule(d)).toEqual({ [PUBLIC]: ['paths./items.head.security'], [READ]: ['paths./items.get'] });
    });

    it('a root exemption silences the undocumented-security finding', async () => {
      const d = base(version, { [EXEMPTIONS]: { [UNDOCUMENTED]: 'Authentication is enforced by the service mesh.' }, paths: { '/a': { post: op(version) } } });
      expect(await byRule(d)).toEqual({});
    });

    it('an operation exemption silences an undefined scheme in that operation, but not one required at the root', async () => {
      const d = doc(version, {
        '/a': { get: op(version, { security: [{ gateway: [] }], [EXEMPTIONS]: { [SCHEME_UNDEFINED]: 'Defined by the API gateway.' } }) },
        '/b': { get: op(version, { security: [{ gateway: [] }] }) },
      }, [{ gateway: [] }]);
      expect(await byRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['paths./b.get.security.0.gateway', 'security.0.gateway'] });
    });

    it('a path item exemption silences an undefined scope in its operations', async () => {
      const d = base(version, {
        ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { read: 'Read' } }) }),
        paths: {
          '/a': { [EXEMPTIONS]: { [SCOPE_UNDEFINED]: 'Scope issued by a partner server.' }, get: op(version, { security: [{ oauth: ['partner'] }] }) },
          '/b': { get: op(version, { security: [{ oauth: ['partner'] }] }) },
        },
      });
      expect(await byRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./b.get.security.0.oauth.0'] });
    });
  });

  describe('options (createRuleset)', () => {
    const d = () => doc(version, {
      '/items': { get: op(version), delete: op(version), options: op(version), trace: op(version) },
    });
    const codes = async (results: Awaited<ReturnType<typeof lint>>) =>
      results.filter(r => OUR_RULES.includes(String(r.code))).map(r => `${r.code} ${r.path.join('.')}`).sort();

    it('defaults judge GET and DELETE only (baseline)', async () => {
      expect(await codes(await lintWith({}, d()))).toEqual([`${READ} paths./items.get`, `${WRITE} paths./items.delete`]);
    });

    it('removing a write method stops judging it; adding one (any case) starts', async () => {
      expect(await codes(await lintWith({ writeMethods: { remove: ['DELETE'], add: ['TRACE'] } }, d()))).toEqual([
        `${READ} paths./items.get`,
        `${WRITE} paths./items.trace`,
      ]);
    });

    it('readMethods apply to both the read rule and the public hint', async () => {
      const withPublic = doc(version, {
        '/items': { get: op(version), options: op(version, { security: [] }), head: op(version, { security: [] }) },
      });
      expect(await codes(await lintWith({ readMethods: { remove: ['get', 'head'], add: ['options'] } }, withPublic))).toEqual([
        `${PUBLIC} paths./items.options.security`,
      ]);
      expect(await codes(await lintWith({ readMethods: { add: ['options'] } }, d()))).toEqual([
        `${READ} paths./items.get`,
        `${READ} paths./items.options`,
        `${WRITE} paths./items.delete`,
      ]);
    });
  });

  describe('path items defined through $ref', () => {
    const where = version === '3.1' ? ['components', 'pathItems'] : ['x-path-items'];
    const container = (items: Doc): Doc => (version === '3.1' ? { components: { ...schemes(version, { bearer: bearerScheme(version) }).components as Doc, pathItems: items } } : { 'x-path-items': items });

    it('judges the operations of a referenced path item, at the path where they are written', async () => {
      const d = base(version, {
        ...(version === '3.1' ? {} : schemes(version, { bearer: bearerScheme(version) })),
        ...container({ Items: { post: op(version), get: op(version, { security: [] }) } }),
        paths: { '/items': { $ref: `#/${where.join('/')}/Items` } },
      });
      const prefix = where.join('.');
      expect(await byRule(d)).toEqual({ [PUBLIC]: [`${prefix}.Items.get.security`], [WRITE]: [`${prefix}.Items.post`] });
    });

    it('honours exemptions written in the referenced path item', async () => {
      const d = base(version, {
        ...(version === '3.1' ? {} : schemes(version, { bearer: bearerScheme(version) })),
        ...container({ Items: { [EXEMPTIONS]: { [WRITE]: 'Mock.', [READ]: '' }, post: op(version), get: op(version) } }),
        paths: { '/items': { $ref: `#/${where.join('/')}/Items` } },
      });
      const prefix = where.join('.');
      expect(await byRule(d)).toEqual({ [REASON_MISSING]: [`${prefix}.Items.${EXEMPTIONS}.${READ}`], [READ]: [`${prefix}.Items.get`] });
    });

    it('checks the security requirements written in a referenced path item for undefined schemes and scopes', async () => {
      const d = base(version, {
        ...(version === '3.1' ? {} : schemes(version, { bearer: bearerScheme(version) })),
        ...container({ Items: { post: op(version, { security: [{ missing: [] }] }), get: op(version, { security: [{ bearer: [] }] }) } }),
        paths: { '/items': { $ref: `#/${where.join('/')}/Items` } },
      });
      const prefix = where.join('.');
      expect((await byRule(d))[SCHEME_UNDEFINED]).toEqual([`${prefix}.Items.post.security.0.missing`]);
    });
  });
});

describe.each(['3.0', '3.1'] as const)('OpenAPI %s specifics', version => {
  it('does not flag a scope declared in a different flow of the same OAuth2 scheme', async () => {
    const d = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { 'items:read': 'Read' }, clientCredentials: { 'items:sync': 'Sync' } }) }),
      security: [{ oauth: ['items:read', 'items:sync'] }],
      paths: { '/a': { get: op(version, { security: [{ oauth: ['items:sync', 'items:nope'] }] }) } },
    });
    expect(await byRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./a.get.security.0.oauth.1'] });
  });

  it('does not check OpenID Connect scopes', async () => {
    const d = base(version, {
      ...schemes(version, { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' } }),
      security: [{ oidc: ['openid', 'profile'] }],
      paths: { '/a': { get: op(version, { security: [{ oidc: ['email'] }] }) } },
    });
    expect(await byRule(d)).toEqual({});
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
    expect(await byRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./a.get.security.0.oauth.1'] });
  });

  it('does not flag a scheme whose $ref cannot be followed as undefined, nor check its scopes', async () => {
    const d = base(version, {
      components: { securitySchemes: { ext: { $ref: './security.yaml#/oauth' } } },
      paths: { '/a': { get: op(version, { security: [{ ext: ['read'] }] }) } },
    });
    expect(await byRule(d)).toEqual({});
  });
});

describe('OpenAPI 3.1 specifics', () => {
  it('does not flag role names listed for an http bearer scheme', async () => {
    const d = base('3.1', {
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: ['reader'] }],
      paths: { '/a': { delete: op('3.1', { security: [{ bearer: ['admin'] }] }) } },
    });
    expect(await byRule(d)).toEqual({});
  });

  it('does not judge webhooks (calls the API makes) or count them as operations', async () => {
    const d = base('3.1', { webhooks: { itemCreated: { post: op('3.1') } } });
    expect(await byRule(d)).toEqual({});
    const withSchemes = base('3.1', { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, webhooks: { itemCreated: { post: op('3.1') } } });
    expect(await byRule(withSchemes)).toEqual({});
  });
});

describe('overlap with spectral:oas operation-security-defined', () => {
  const spectralOas = { extends: [[oas, 'all']] } as unknown as RulesetDefinition;
  const theirs = async (rule: string, d: Doc) => (await findings(rule, d, spectralOas)).sort();
  const ours = async (d: Doc) => byRule(d);

  it.each(['3.0', '3.1'] as const)('OpenID Connect scopes (%s): theirs reports, ours does not', async version => {
    const d = base(version, {
      components: { securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' } } },
      security: [{ oidc: ['openid'] }],
      paths: { '/a': { get: op(version, { security: [{ oidc: ['profile'] }] }) } },
    });
    expect(await theirs('oas3-operation-security-defined', d)).toEqual(['paths./a.get.security.0.oidc.0', 'security.0.oidc.0']);
    expect(await ours(d)).toEqual({});
  });

  it('OAS 3.1 role names on an http bearer scheme: theirs reports, ours does not', async () => {
    const d = base('3.1', {
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      paths: { '/a': { delete: op('3.1', { security: [{ bearer: ['admin'] }] }) } },
    });
    expect(await theirs('oas3-operation-security-defined', d)).toEqual(['paths./a.delete.security.0.bearer.0']);
    expect(await ours(d)).toEqual({});
  });

  it.each(VERSIONS)('undefined schemes and OAuth2 scopes (%s): both report, at the same paths', async version => {
    const d = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { read: 'Read' } }) }),
      security: [{ missing: [] }],
      paths: { '/a': { get: op(version, { security: [{ oauth: ['read', 'write'] }] }) } },
    });
    const rule = version === '2.0' ? 'oas2-operation-security-defined' : 'oas3-operation-security-defined';
    expect(await theirs(rule, d)).toEqual(['paths./a.get.security.0.oauth.1', 'security.0.missing']);
    expect(await ours(d)).toEqual({ [SCHEME_UNDEFINED]: ['security.0.missing'], [SCOPE_UNDEFINED]: ['paths./a.get.security.0.oauth.1'] });
  });
});

describe.each(VERSIONS)('exemptions written on schemas and parameters (%s)', version => {
  it('reports a schema-level exemption without a reason, and honours one with a reason', async () => {
    const defs = {
      Note: { type: 'string', 'x-api-security-exemptions': { 'resource-string-unbounded': '' } },
      Title: { type: 'string', 'x-api-security-exemptions': { 'resource-string-unbounded': 'Free text capped by the gateway at 4 KiB.' } },
    };
    const body = { type: 'object', properties: { note: { $ref: version === '2.0' ? '#/definitions/Note' : '#/components/schemas/Note' }, title: { $ref: version === '2.0' ? '#/definitions/Title' : '#/components/schemas/Title' } } };
    const operation = version === '2.0'
      ? { parameters: [{ name: 'body', in: 'body', schema: body }], responses: { '200': response(version) } }
      : { requestBody: { content: { 'application/json': { schema: body } } }, responses: { '200': response(version) } };
    const d = base(version, { ...(version === '2.0' ? { definitions: defs } : { components: { schemas: defs } }), paths: { '/notes': { post: operation } } });
    const where = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(await findings(REASON_MISSING, d)).toEqual([`${where}.Note.x-api-security-exemptions.resource-string-unbounded`]);
    expect(await findings('resource-string-unbounded', d)).toEqual([`${where}.Note`]);
  });
});
