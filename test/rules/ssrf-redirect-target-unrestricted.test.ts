import { describe, expect, it } from 'vitest';
import { found, messagesOf, onlyRule, param, VERSIONS, type Doc, type Version } from '../helpers.js';
import { bodyPath, component, object, postBody, withParameters } from '../fixtures/outbound.js';

/** ssrf-redirect-target-unrestricted (functions/outbound/url-inputs.ts, functions/analysis/outbound-urls.ts). */
const RULE = 'ssrf-redirect-target-unrestricted';
const only = onlyRule(RULE);
const str = (extra: Doc = {}): Doc => ({ type: 'string', ...extra });
const uri = (extra: Doc = {}): Doc => str({ format: 'uri', ...extra });

describe.each(VERSIONS)('Swagger/OpenAPI %s', (version: Version) => {
  const at = (name: string, path?: string) => `${bodyPath(version, path)}.properties.${name}`;

  it.each([
    ['redirect_uri', str()],
    ['redirectUrl', str()],
    ['redirect_to', uri()],
    ['returnTo', uri()],
    ['return_url', str()],
    ['success_url', str()],
    ['cancel_url', str()],
    ['AuthorizeRedirectUrl', uri()],
    ['next', uri()],
    ['next', str({ example: 'https://app.example.com/home' })],
    ['next_url', str()],
    ['continue', str({ description: 'The URL to continue to after sign-in.' })],
    ['redirect', str({ example: 'https://app.example.com/' })],
  ])('flags the unrestricted redirect target %s', async (name, schema) => {
    expect(await found(RULE, postBody(version, object({ [name]: schema })), only)).toEqual([at(name)]);
  });

  it('flags a redirect_uri query parameter, and a shared component once', async () => {
    expect(await found(RULE, withParameters(version, [param(version, 'redirect_uri', 'query', uri())], 'get', '/authorize'), only)).toEqual(['paths./authorize.get.parameters.0']);
    const session = component(version, 'Session', { allOf: [object({ mode: str() }), object({ success_url: uri() })] });
    const doc = postBody(version, session.ref, '/sessions', session.root);
    (doc.paths as Doc)['/other'] = (doc.paths as Doc)['/sessions'];
    expect(await found(RULE, doc, only)).toEqual([`${session.at}.allOf.1.properties.success_url`]);
  });

  it.each([
    ['"any redirect URL is allowed"', 'Any redirect URL is allowed.'],
    ['the default configured redirect', 'The redirect URL configured for the app is used when this is omitted.'],
  ])('still flags a redirect target described with %s', async (_, description) => {
    expect(await found(RULE, postBody(version, object({ redirect_uri: uri({ description }) })), only)).toEqual([at('redirect_uri')]);
  });

  it('reads an allow-list description in an allOf member of a $ref', async () => {
    const shared = component(version, 'RedirectUri', { allOf: [uri(), { description: 'It must exactly match one of the redirect URIs registered for the client.' }] });
    expect(await found(RULE, postBody(version, object({ redirect_uri: shared.ref }), '/things', shared.root), only)).toEqual([]);
    expect(await found(RULE, withParameters(version, [param(version, 'post_logout_redirect_uri', 'query', uri({ description: 'Must match one of the post-logout redirect URIs registered for the client.' }))], 'get', '/logout'), only)).toEqual([]);
  });

  describe('token endpoints, where redirect_uri is only compared with the authorization request', () => {
    const tokenBody = (redirect: Doc) => object({ grant_type: str({ enum: ['authorization_code'] }), code: str(), redirect_uri: redirect });
    const oauth = (tokenUrl: string): Doc => {
      const scheme = version === '2.0'
        ? { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://auth.example.com/authorize', tokenUrl, scopes: {} }
        : { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl, scopes: {} } } };
      return version === '2.0' ? { securityDefinitions: { oauth: scheme } } : { components: { securitySchemes: { oauth: scheme } } };
    };

    it('leaves redirect_uri in the body of a path ending in /token alone, through $ref and allOf', async () => {
      expect(await found(RULE, postBody(version, tokenBody(uri()), '/oauth/token'), only)).toEqual([]);
      const shared = component(version, 'TokenRequest', { allOf: [object({ grant_type: str() }), object({ redirect_uri: uri() })] });
      expect(await found(RULE, postBody(version, shared.ref, '/oauth2/token', shared.root), only)).toEqual([]);
    });

    it('leaves redirect_uri alone at the path of a declared tokenUrl', async () => {
      expect(await found(RULE, postBody(version, tokenBody(uri()), '/oauth2/v1/exchange', oauth('https://auth.example.com/oauth2/v1/exchange')), only)).toEqual([]);
      expect(await found(RULE, withParameters(version, [param(version, 'redirect_uri', 'query', uri())], 'post', '/token'), only)).toEqual([]);
    });

    it('still flags redirect_uri elsewhere, and a schema shared by a token request and another request', async () => {
      expect(await found(RULE, postBody(version, tokenBody(uri()), '/oauth2/v1/exchange', oauth('https://auth.example.com/oauth2/v1/token')), only)).toEqual([at('redirect_uri', '/oauth2/v1/exchange')]);
      const shared = component(version, 'Redirect', { allOf: [object({ state: str() }), object({ redirect_uri: uri() })] });
      const doc = postBody(version, shared.ref, '/token', shared.root);
      (doc.paths as Doc)['/authorize'] = (doc.paths as Doc)['/token'];
      expect(await found(RULE, doc, only)).toEqual([`${shared.at}.allOf.1.properties.redirect_uri`]);
      expect(await found(RULE, withParameters(version, [param(version, 'redirect_uri', 'query', uri())], 'get', '/tokens'), only)).toEqual(['paths./tokens.get.parameters.0']);
    });
  });

  it('reads a pattern in an allOf member of a $ref as written', async () => {
    const loose = component(version, 'ReturnUrl', { allOf: [uri(), { pattern: '^(https://example\\.com/.*|/.*)$' }] });
    expect(await found(RULE, postBody(version, object({ return_url: loose.ref }), '/things', loose.root), only)).toEqual([at('return_url')]);
    const tight = component(version, 'ReturnUrl', { allOf: [uri(), { pattern: '^https://([a-z0-9-]+\\.)?example\\.com/' }] });
    expect(await found(RULE, postBody(version, object({ return_url: tight.ref }), '/things', tight.root), only)).toEqual([]);
  });

  it('says what to do', async () => {
    const [message] = await messagesOf(RULE, postBody(version, object({ return_to: uri() })), only);
    expect(message).toContain('"return_to"');
    expect(message).toContain('open redirect');
  });

  it.each([
    ['a page cursor `next`', 'next', str()],
    ['a numeric `next`', 'next', { type: 'integer' }],
    ['a `continue` token', 'continue', str({ description: 'The continue token returned by the previous list call.' })],
    ['a pagination URI', 'next_page_uri', uri()],
    ['a time', 'next_run_at', str({ format: 'date-time' })],
    ['a flag', 'redirect_http_to_https', { type: 'boolean' }],
    ['a status code', 'redirect_code', { type: 'integer' }],
    ['parameters for a redirect', 'oidc_extra_redirect_parms', str()],
    ['a readOnly URL', 'return_url', uri({ readOnly: true })],
    ['the SSRF rule\'s callback', 'callback_url', uri()],
  ])('leaves %s alone', async (_, name, schema) => {
    expect(await found(RULE, postBody(version, object({ [name as string]: schema })), only)).toEqual([]);
  });

  it.each([
    ['enum', { enum: ['https://app.example.com/done'] }],
    ['a same-site path pattern', { pattern: '^/(?!/)' }],
    ['a path prefix', { pattern: '^/account/' }],
    ['a pinned host', { pattern: '^https://app\\.example\\.com/' }],
    ['a pinned host or a same-site path', { pattern: '^(https://example\\.com/.*|/(?!/).*)$' }],
    ['x-allowed-hosts', { 'x-allowed-hosts': ['app.example.com'] }],
    ['a registered-URL description', { description: 'Must exactly match one of the registered redirect URIs of the client.' }],
    ['"redirect URIs registered for the client"', { description: 'Where the authorization response is sent. It must exactly match one of the redirect URIs registered for the client.' }],
    ['"redirect URLs configured in your app"', { description: "Must match one of the redirect URLs configured in your app's OAuth settings." }],
    ['"Allowed Logout URLs"', { description: "It must be listed in the Allowed Logout URLs field of the application's settings." }],
  ])('leaves a redirect target limited by %s alone', async (_, extra) => {
    expect(await found(RULE, postBody(version, object({ redirect_uri: str(extra) })), only)).toEqual([]);
  });

  it.each([
    ['^/', { pattern: '^/' }],
    ['^https://', { pattern: '^https://' }],
    ['a wildcard subdomain group', { pattern: '^https://(.*\\.)?example\\.com/' }],
    ['an optional end after the host', { pattern: '^https?://(www\\.)?example\\.com/?.*$' }],
    ['an alternative whose relative branch accepts //evil.com', { pattern: '^(https://example\\.com/.*|/.*)$' }],
  ])('still flags a redirect target limited only by %s', async (_, extra) => {
    expect(await found(RULE, postBody(version, object({ redirect_uri: str(extra) })), only)).toEqual([at('redirect_uri')]);
  });

  it('redirectTargetNames: add and remove names', async () => {
    const doc = postBody(version, object({ after_login: uri(), success_url: uri() }));
    expect(await found(RULE, doc, onlyRule(RULE, { redirectTargetNames: { add: ['after login'], remove: ['success url'] } }))).toEqual([at('after_login')]);
  });
});
