import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, componentPath, componentRef, findingsOf, found, messagesOf, param, schemes, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { api, at, EXEMPTIONS, get, ref } from '../fixtures/documents.js';

const UNDECLARED = 'auth-credential-parameter-undeclared';
const CREDENTIALS = 'auth-credentials-in-url';
const AUTH_HEADER = 'auth-authorization-header-parameter';
const APIKEY_IN_URL = 'auth-apikey-in-url';
const PARAMETER_RULES = [UNDECLARED, CREDENTIALS, AUTH_HEADER, APIKEY_IN_URL];

/** A document whose only scheme is an API key with the given location and name (the root requires it). */
function apiKeyDoc(version: Version, where: string, name: string, paths: Doc, parameters?: Doc): Doc {
  return base(version, {
    ...schemes(version, { key: { type: 'apiKey', in: where, name } }),
    security: [{ key: [] }],
    paths,
    ...(parameters ? (version === '2.0' ? { parameters } : { components: { securitySchemes: { key: { type: 'apiKey', in: where, name } }, parameters } }) : {}),
  });
}

testRule(UNDECLARED, VERSIONS.flatMap(version => [
  {
    name: `${version}: an x-access-token header parameter, as a warning, at the parameter, with the scheme to declare`,
    document: api(version, { '/books': { get: get(version, [param(version, 'q', 'query'), param(version, 'x-access-token', 'header')]) } }),
    errors: [
      {
        path: ['paths', '/books', 'get', 'parameters', '1'],
        severity: DiagnosticSeverity.Warning,
        message:
          version === '2.0'
            ? 'Header parameter "x-access-token" carries a credential that no security scheme declares: declare it as one (`type: apiKey`, `in: header`, `name: x-access-token`), require it with `security` and drop the parameter, so gateways, SDK generators and reviewers see how callers authenticate.'
            : 'Header parameter "x-access-token" carries a credential that no security scheme declares: declare it as one (`type: apiKey`, `in: header`, `name: x-access-token`; or `type: http`, `scheme: bearer` with the token moved to `Authorization: Bearer`), require it with `security` and drop the parameter, so gateways, SDK generators and reviewers see how callers authenticate.',
      },
    ],
  },
  {
    name: `${version}: a shared component parameter, once, at the component`,
    document: api(version, { '/a': { get: get(version, [ref(version, 'Key', 'parameters')]) }, '/b': { delete: get(version, [ref(version, 'Key', 'parameters')]) } }, { parameters: { Key: param(version, 'X-API-Key', 'header') } }),
    errors: [{ path: componentPath(version, 'parameters', 'Key'), severity: DiagnosticSeverity.Warning, message: expect.stringContaining('Header parameter "X-API-Key" carries a credential') }],
  },
  {
    name: `${version}: not a CSRF token, an idempotency key, a request id, an API version or a webhook signature`,
    document: api(version, {
      '/books': {
        post: get(version, ['X-CSRF-Token', 'X-XSRF-TOKEN', 'Idempotency-Key', 'X-Request-Id', 'X-Api-Version', 'X-GitHub-Api-Version', 'x-token-type', 'X-Hub-Signature-256', 'If-Match'].map(name => param(version, name, 'header'))),
      },
    }),
    errors: [],
  },
]));

/** Header names real APIs send credentials in: home-made (`x-access-token`) and vendors' (`X-RapidAPI-Key`, `PRIVATE-TOKEN`). */
const CREDENTIAL_HEADERS = [
  'x-access-token', 'X-API-Key', 'x-auth-token', 'api-key', 'apikey', 'X-Session-Token', 'Token', 'X-Token', 'X-Api-Token', 'X-Auth-Key',
  'X-Authorization', 'PRIVATE-TOKEN', 'X-RapidAPI-Key', 'Ocp-Apim-Subscription-Key', 'X-Shopify-Access-Token', 'X-MBX-APIKEY', 'X-Client-Secret', 'X-JWT',
];
/** Headers that are not credentials, some of them named with credential words. */
const HEADER_LOOK_ALIKES = [
  'X-CSRF-Token', 'X-XSRF-TOKEN', 'X-CSRF-Access-Token', 'Idempotency-Key', 'X-Idempotency-Key', 'X-Request-Id', 'X-Correlation-Id', 'X-Api-Version', 'X-GitHub-Api-Version',
  'x-token-type', 'X-Token-Expires-At', 'X-Hub-Signature-256', 'Stripe-Signature', 'If-Match', 'If-None-Match', 'X-Session-Id', 'X-Device-Token', 'X-Captcha-Token',
  'X-Page-Token', 'X-Continuation-Token', 'X-Api-Key-Id', 'X-Keyword', 'Proxy-Authorization', 'X-Tokenizer', 'Accept', 'X-Secret-Santa-Id',
];
const SESSION_COOKIES = ['session', 'sessionid', 'session_id', 'sid', 'connect.sid', 'JSESSIONID', 'PHPSESSID', 'ASP.NET_SessionId', 'laravel_session', '_myapp_session', 'auth_token', 'jwt', 'access_token'];
const COOKIE_LOOK_ALIKES = ['XSRF-TOKEN', 'csrftoken', '_csrf', 'theme', 'locale', 'session_preferences', 'session_started_at', '_ga', 'cookie_consent'];

describe.each(VERSIONS)(`${UNDECLARED} (%s)`, version => {
  it.each(CREDENTIAL_HEADERS)('flags the header "%s", at the parameter', async name => {
    const doc = api(version, { '/things': { get: get(version, [param(version, 'q', 'query'), param(version, name, 'header')]) } });
    expect(await found(UNDECLARED, doc)).toEqual(['paths./things.get.parameters.1']);
  });

  it.each(HEADER_LOOK_ALIKES)('does not flag the header "%s"', async name => {
    const doc = api(version, { '/things': { get: get(version, [param(version, name, 'header')]) } });
    expect(await found(UNDECLARED, doc)).toEqual([]);
  });

  if (version !== '2.0') {
    it.each(SESSION_COOKIES)('flags the cookie "%s"', async name => {
      const doc = api(version, { '/things': { get: get(version, [param(version, name, 'cookie')]) } });
      expect(await messagesOf(UNDECLARED, doc)).toEqual([expect.stringContaining(`Cookie parameter "${name}" carries a credential that no security scheme declares: declare it as one (\`type: apiKey\`, \`in: cookie\`, \`name: ${name}\`)`)]);
    });

    it.each(COOKIE_LOOK_ALIKES)('does not flag the cookie "%s"', async name => {
      const doc = api(version, { '/things': { get: get(version, [param(version, name, 'cookie')]) } });
      expect(await found(UNDECLARED, doc)).toEqual([]);
    });

    it('a session id is a credential in a cookie, not in a header (a guest cart, an affinity key)', async () => {
      const doc = api(version, { '/things': { get: get(version, [param(version, 'session_id', 'cookie'), param(version, 'session_id', 'header'), param(version, 'X-Session', 'header')]) } });
      expect(await found(UNDECLARED, doc)).toEqual(['paths./things.get.parameters.0']);
    });
  } else {
    it('a cookie parameter, which Swagger 2.0 does not have, is not judged', async () => {
      const doc = api(version, { '/things': { get: get(version, [param(version, 'session', 'cookie')]) } });
      expect(await found(UNDECLARED, doc)).toEqual([]);
    });
  }

  it('judges path-level parameters once for the path item, and a shared component once however many operations use it', async () => {
    const doc = api(
      version,
      {
        '/a': { parameters: [param(version, 'X-Auth-Token', 'header')], get: get(version), delete: get(version) },
        '/b': { get: get(version, [ref(version, 'Key', 'parameters')]) },
        '/c': { get: get(version, [ref(version, 'Key', 'parameters')]), post: get(version, [ref(version, 'Key', 'parameters')]) },
      },
      { parameters: { Key: param(version, 'X-API-Key', 'header') } },
    );
    expect(await found(UNDECLARED, doc)).toEqual([at(version, 'Key', 'parameters'), 'paths./a.parameters.0'].sort());
  });

  it('does not judge an unused component parameter', async () => {
    const doc = api(version, { '/a': { get: get(version) } }, { parameters: { Key: param(version, 'X-API-Key', 'header') } });
    expect(await found(UNDECLARED, doc)).toEqual([]);
  });

  it('an operation that requires a scheme but takes another credential as a parameter is reported (the second credential is undeclared)', async () => {
    const doc = api(version, { '/things': { get: get(version, [param(version, 'X-Api-Key', 'header')]) } });
    expect(await findingsOf(PARAMETER_RULES, doc)).toEqual([`${UNDECLARED} paths./things.get.parameters.0`]);
  });

  it('a parameter that repeats an API key scheme the description defines (how generators echo it) is not reported, inline or through $ref', async () => {
    const doc = apiKeyDoc(
      version,
      'header',
      'X-API-KEY',
      { '/a': { get: get(version, [param(version, 'x-api-key', 'header')]) }, '/b': { get: get(version, [{ $ref: componentRef(version, 'parameters', 'Key') }]) } },
      { Key: param(version, 'X-API-Key', 'header') },
    );
    expect(await findingsOf(PARAMETER_RULES, doc)).toEqual([]);
  });

  it('an echo of an API key scheme that the operation does not require (declared public, or a scheme nothing applies) is reported with the scheme to require', async () => {
    const doc = base(version, {
      ...schemes(version, { key: { type: 'apiKey', in: 'header', name: 'X-API-KEY' }, bearer: { type: 'apiKey', in: 'header', name: 'Authorization' } }),
      security: [{ bearer: [] }],
      paths: {
        '/a': { get: get(version, [param(version, 'X-Api-Key', 'header')], { security: [] }) },
        // A distinct definition: identical inline copies would be one finding.
        '/b': { get: get(version, [param(version, 'X-Api-Key', 'header', { type: 'string', maxLength: 64 })]) },
        '/c': { get: get(version, [param(version, 'X-Api-Key', 'header')], { security: [{ bearer: [] }, { key: [] }] }) },
      },
    });
    expect(await found(UNDECLARED, doc)).toEqual(['paths./a.get.parameters.0', 'paths./b.get.parameters.0']);
    expect(await messagesOf(UNDECLARED, doc)).toEqual(
      Array(2).fill('Header parameter "X-Api-Key" repeats the API key scheme "key", which an operation that takes it does not require: require the scheme with `security` (root or per operation) and drop the parameter, so gateways, SDK generators and reviewers see how callers authenticate.'),
    );
  });

  it('the same name in another location than the scheme is another credential', async () => {
    const doc = apiKeyDoc(version, 'header', 'api_key', { '/a': { get: get(version, [param(version, 'X-Auth-Token', 'header'), param(version, 'api_key', 'header')]) } });
    expect(await found(UNDECLARED, doc)).toEqual(['paths./a.get.parameters.0']);
  });

  it('one parameter, one rule: the Authorization header is auth-authorization-header-parameter\'s, a query credential auth-credentials-in-url\'s', async () => {
    const doc = api(version, { '/things': { get: get(version, [param(version, 'Authorization', 'header'), param(version, 'api_key', 'query'), param(version, 'x-api-key', 'header')]) } });
    expect(await findingsOf(PARAMETER_RULES, doc)).toEqual([
      `${AUTH_HEADER} paths./things.get.parameters.0`,
      `${UNDECLARED} paths./things.get.parameters.2`,
      `${CREDENTIALS} paths./things.get.parameters.1`,
    ]);
  });

  it('a query parameter that repeats an API key scheme in the query is the scheme\'s flaw, reported once at the scheme', async () => {
    const doc = apiKeyDoc(version, 'query', 'api_key', { '/a': { get: get(version, [param(version, 'api_key', 'query'), param(version, 'access_token', 'query')]) } });
    expect(await findingsOf(PARAMETER_RULES, doc)).toEqual([
      `${APIKEY_IN_URL} ${componentPath(version, 'securitySchemes', 'key').join('.')}.in`,
      `${CREDENTIALS} paths./a.get.parameters.1`,
    ]);
  });

  it('credentialHeaderNames and sessionCookieNames take add and remove; the defaults do not change', async () => {
    const cookie = version === '2.0' ? [] : [param(version, 'remember_me', 'cookie')];
    const doc = api(version, { '/things': { get: get(version, [param(version, 'X-Vault-Token', 'header'), param(version, 'Token', 'header'), ...cookie]) } });
    expect(await found(UNDECLARED, doc)).toEqual(['paths./things.get.parameters.1']);
    const added = await found(UNDECLARED, doc, { credentialHeaderNames: { add: ['X-Vault-Token'], remove: ['token'] }, sessionCookieNames: { add: ['remember_me'] } });
    expect(added).toEqual(version === '2.0' ? ['paths./things.get.parameters.0'] : ['paths./things.get.parameters.0', 'paths./things.get.parameters.2']);
  });

  it('an exemption on the operation or its path item keeps it quiet', async () => {
    const reason = { [UNDECLARED]: 'Legacy partner key, described in the partner guide.' };
    const doc = api(version, {
      '/things': { get: get(version, [param(version, 'X-Api-Key', 'header')], { [EXEMPTIONS]: reason }) },
      '/others': { [EXEMPTIONS]: reason, get: get(version, [param(version, 'X-Api-Key', 'header')]) },
      '/more': { get: get(version, [param(version, 'X-Api-Key', 'header')]) },
    });
    expect(await found(UNDECLARED, doc)).toEqual(['paths./more.get.parameters.0']);
  });
});

describe('OpenAPI 3.1 webhooks', () => {
  it('does not judge the parameters of webhooks (calls the API makes)', async () => {
    const doc = api('3.1', {}, {}, { webhooks: { orderCreated: { post: get('3.1', [param('3.1', 'X-Api-Key', 'header')]) } } });
    expect(await found(UNDECLARED, doc)).toEqual([]);
  });
});
