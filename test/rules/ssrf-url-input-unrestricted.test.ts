import { describe, expect, it } from 'vitest';
import { base, found, messagesOf, onlyRule, param, VERSIONS, type Doc, type Version } from '../helpers.js';
import { bodyPath, component, getResponse, object, postBody, withParameters } from '../fixtures/outbound.js';

/** ssrf-url-input-unrestricted (functions/outbound/url-inputs.ts, functions/analysis/outbound-urls.ts). */
const RULE = 'ssrf-url-input-unrestricted';
const only = onlyRule(RULE);
const str = (extra: Doc = {}): Doc => ({ type: 'string', ...extra });
const uri = (extra: Doc = {}): Doc => str({ format: 'uri', ...extra });

describe.each(VERSIONS)('Swagger/OpenAPI %s', (version: Version) => {
  const at = (name: string, path?: string) => `${bodyPath(version, path)}.properties.${name}`;

  it.each([
    ['callback_url', str()],
    ['callbackUrl', str()],
    ['webhook_url', str()],
    ['avatarUrl', str()],
    ['avatar_url', str()],
    ['AvatarURL', str()],
    ['image_uri', str()],
    ['feedUrl', str()],
    ['import_url', str()],
    ['logo_url', uri()],
    ['thumbnailHref', str()],
    ['StatusCallback', uri()],
    ['source', uri()],
    ['notification_url', str({ maxLength: 2048 })],
    ['interactions_endpoint_url', uri()],
    ['status_url', str({ description: 'We will send a POST request to this URL when the job ends.' })],
    ['VoiceUrl', uri({ description: 'The URL we should call when the number receives a call.' })],
  ])('flags the unrestricted request property %s', async (name, schema) => {
    expect(await found(RULE, postBody(version, object({ [name]: schema })), only)).toEqual([at(name)]);
  });

  it('flags an array of image URLs once, at the property', async () => {
    const doc = postBody(version, object({ image_urls: { type: 'array', maxItems: 8, items: str() } }));
    expect(await found(RULE, doc, only)).toEqual([at('image_urls')]);
  });

  it('reports a shared component once, where it is written, through $ref and allOf', async () => {
    const hook = component(version, 'Hook', { allOf: [object({ name: str() }), object({ webhookUrl: uri() })] });
    const doc = postBody(version, hook.ref, '/hooks', hook.root);
    (doc.paths as Doc)['/other'] = (doc.paths as Doc)['/hooks'];
    expect(await found(RULE, doc, only)).toEqual([`${hook.at}.allOf.1.properties.webhookUrl`]);
  });

  it('flags a bare url sent to a webhook, hook, import or preview operation, and the url of an image schema', async () => {
    expect(await found(RULE, postBody(version, object({ url: uri() }), '/webhooks'), only)).toEqual([at('url', '/webhooks')]);
    expect(await found(RULE, postBody(version, object({ config: object({ url: str() }) }), '/repos/{repo}/hooks'), only)).toEqual([`${bodyPath(version, '/repos/{repo}/hooks')}.properties.config.properties.url`]);
    expect(await found(RULE, postBody(version, object({ url: uri() }), '/imports'), only)).toEqual([at('url', '/imports')]);
    expect(await found(RULE, postBody(version, object({ url: uri() }), '/links/preview'), only)).toEqual([at('url', '/links/preview')]);
    const image = component(version, 'EmbedImage', object({ url: uri() }));
    expect(await found(RULE, postBody(version, object({ image: image.ref }), '/messages', image.root), only)).toEqual([`${image.at}.properties.url`]);
  });

  it('flags any URL sent to a fetching operation but the links it shows', async () => {
    const doc = postBody(version, object({ vcs_url: uri(), homepage_url: uri(), docs_url: uri() }), '/repos/{repo}/import');
    expect(await found(RULE, doc, only)).toEqual([at('vcs_url', '/repos/{repo}/import')]);
  });

  it('judges a shared URL schema by each declaration: sent to an import it is fetched, to a profile it is not', async () => {
    const url = component(version, 'Url', uri());
    const doc = postBody(version, object({ repo_url: url.ref }), '/profiles', url.root);
    expect(await found(RULE, doc, only)).toEqual([]);
    (doc.paths as Doc)['/imports'] = { post: { ...((postBody(version, object({ repository_url: url.ref }), '/imports').paths as Doc)['/imports'] as Doc).post as Doc } };
    expect(await found(RULE, doc, only)).toEqual([at('repository_url', '/imports')]);
  });

  it('flags query, header and form parameters', async () => {
    const doc = withParameters(version, [param(version, 'callbackUrl', 'query', uri()), param(version, 'X-Callback-Url', 'header', str())]);
    expect(await found(RULE, doc, only)).toEqual(['paths./things.post.parameters.0', 'paths./things.post.parameters.1']);
    if (version === '2.0') {
      const form = withParameters(version, [{ name: 'webhook_url', in: 'formData', type: 'string' }]);
      expect(await found(RULE, form, only)).toEqual(['paths./things.post.parameters.0']);
    }
  });

  it('says what to do', async () => {
    const [message] = await messagesOf(RULE, postBody(version, object({ callback_url: str() })), only);
    expect(message).toContain('"callback_url"');
    expect(message).toContain('SSRF');
    expect(message).toContain('x-allowed-hosts');
    expect(message).toContain('refuses private, loopback and link-local addresses');
  });

  it.each([
    'The URL of an internal service that we call.',
    'Must not be longer than 2048 characters. We call it from our private network.',
    'Addresses are not validated; private hosts work too.',
  ])('flags a callback URL whose description mentions private hosts without refusing them: %s', async description => {
    expect(await found(RULE, postBody(version, object({ callback_url: str({ description }) })), only)).toEqual([at('callback_url')]);
  });

  it.each([
    ['enum', { enum: ['https://hooks.example.com/a', 'https://hooks.example.com/b'] }],
    ['const', { const: 'https://hooks.example.com/a' }],
    ['pinned pattern', { pattern: '^https://hooks\\.example\\.com/' }],
    ['pinned pattern with subdomains', { pattern: '^https://([a-z0-9-]+\\.)?example\\.com(/|$)' }],
    ['x-allowed-hosts', { 'x-allowed-hosts': ['hooks.example.com'] }],
    ['x-url-allowlist', { 'x-url-allowlist': ['https://hooks.example.com/'] }],
    ['x-allowed-domains', { 'x-allowed-domains': ['example.com'] }],
    ['a described allow-list', { description: 'Must be on one of the allowed domains registered for your account.' }],
    ['a description refusing private addresses', { description: 'Any public https URL. Private, loopback and link-local addresses are rejected.' }],
    ['a description refusing internal hosts', { description: 'We POST events here; internal hosts and cloud metadata IPs are not allowed' }],
    ['a refusal listing CIDRs', { description: 'Must be HTTPS. Requests to private IP ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) and localhost are blocked.' }],
    ['a refusal with e.g. and IPs', { description: 'URLs that resolve to private, loopback or link-local IP addresses (e.g. 127.0.0.1, 169.254.169.254) are rejected.' }],
    ['a refusal of RFC 1918 addresses', { description: 'URLs pointing at RFC 1918 addresses are refused.' }],
  ])('leaves a callback URL limited by %s alone', async (_, extra) => {
    expect(await found(RULE, postBody(version, object({ callback_url: str(extra) })), only)).toEqual([]);
  });

  it('reads a bypassable pattern through $ref and allOf as no limit, and a pinned one as a limit', async () => {
    const loose = component(version, 'HookUrl', { allOf: [uri(), { pattern: '^https://.+\\.example\\.com/' }] });
    expect(await found(RULE, postBody(version, object({ callback_url: loose.ref }), '/things', loose.root), only)).toEqual([at('callback_url')]);
    const tight = component(version, 'HookUrl', { allOf: [uri(), { pattern: '^https://(?:[a-z0-9-]+\\.)?example\\.com/' }] });
    expect(await found(RULE, postBody(version, object({ callback_url: tight.ref }), '/things', tight.root), only)).toEqual([]);
  });

  it('leaves a URL alone whose own description says it is a link shown to people, through $ref and allOf', async () => {
    const doc = postBody(version, object({ dashboard_url: uri({ description: 'Link shown in the delivery log.' }), status_page_url: uri() }), '/webhooks');
    expect(await found(RULE, doc, only)).toEqual([at('status_page_url', '/webhooks')]);
    const shown = component(version, 'ShownUrl', { allOf: [uri(), { description: 'For display on the receipt only.' }] });
    expect(await found(RULE, postBody(version, object({ callback_url: shown.ref }), '/things', shown.root), only)).toEqual([]);
  });

  it('reads a URL described as where the user is redirected as a redirect target, not a fetched URL', async () => {
    const description = 'Up to 10 full URLs to redirect to after someone authorizes an installation.';
    const doc = postBody(version, object({ callback_urls: { type: 'array', items: uri(), description } }), '/app-manifests');
    expect(await found(RULE, doc, only)).toEqual([]);
    expect(await found('ssrf-redirect-target-unrestricted', doc, onlyRule('ssrf-redirect-target-unrestricted'))).toEqual([at('callback_urls', '/app-manifests')]);
  });

  it.each([
    ['the server also requests it', 'We will send a POST request to this URL; the response is displayed in the log.'],
    ['it is about following redirects', 'Redirects to other hosts are not followed.'],
  ])('still flags a callback URL whose description mentions display or redirects when %s', async (_, description) => {
    expect(await found(RULE, postBody(version, object({ callback_url: uri({ description }) })), only)).toEqual([at('callback_url')]);
  });

  it('honours a limit written in an allOf member or beside a $ref', async () => {
    const pinned = component(version, 'HookUrl', uri());
    const doc = postBody(version, object({ callback_url: { allOf: [pinned.ref, { pattern: '^https://hooks\\.example\\.com/' }] } }), '/things', pinned.root);
    expect(await found(RULE, doc, only)).toEqual([]);
  });

  it.each([
    ['^https://', { pattern: '^https://' }],
    ['^https?://.*$', { pattern: '^https?://.*$' }],
    ['an unanchored host', { pattern: 'https://hooks\\.example\\.com/' }],
    ['an unescaped dot', { pattern: '^https://hooks.example.com/' }],
    ['a top-level alternative', { pattern: '^https://hooks\\.example\\.com/|.*' }],
    ['a wildcard subdomain group (evil.com/x.example.com)', { pattern: '^https://(.*\\.)?example\\.com/' }],
    ['a class that spans a slash (evil.com?.example.com)', { pattern: '^https://[^/]*\\.example\\.com/' }],
    ['an optional end after the host (example.com.evil.net)', { pattern: '^https?://(www\\.)?example\\.com/?.*$' }],
    ['a refusal in another sentence than the private addresses', { description: 'We call it from 10.0.0.0/8 and other private addresses. Invalid URLs are rejected.' }],
    ['format hostname', { format: 'hostname' }],
    ['maxLength', { maxLength: 200 }],
  ])('still flags a callback URL limited only by %s', async (_, extra) => {
    expect(await found(RULE, postBody(version, object({ callback_url: str(extra) })), only)).toEqual([at('callback_url')]);
  });

  it.each([
    ['website', uri()],
    ['homepage_url', uri()],
    ['support_url', str()],
    ['privacy_policy_url', uri()],
    ['html_url', uri()],
    ['url', uri()],
    ['link', uri()],
    ['callback_method', str({ enum: ['GET', 'POST'] })],
    ['callbackMethod', str()],
    ['webhook_secret', str()],
    ['image_id', str()],
    ['image', str()],
    ['avatar', str({ description: 'Base64 image data' })],
    ['source', str({ description: 'A card token' })],
    ['callback', str()],
    ['host', str()],
    ['webhook_enabled', { type: 'boolean' }],
    ['avatar_url_count', { type: 'integer' }],
    ['webhook', object({ id: str() })],
    ['social_media_url', uri()],
    ['allowed_origins', { type: 'array', maxItems: 10, items: uri() }],
    ['receipt_url', uri({ description: 'We send this URL to the customer by email.' })],
  ])('leaves %s alone: a stored link, or not a URL', async (name, schema) => {
    expect(await found(RULE, postBody(version, object({ [name]: schema })), only)).toEqual([]);
  });

  it('leaves readOnly properties, responses and path parameters alone', async () => {
    expect(await found(RULE, postBody(version, object({ avatar_url: str({ readOnly: true }) })), only)).toEqual([]);
    expect(await found(RULE, getResponse(version, object({ avatar_url: str(), callback_url: uri() })), only)).toEqual([]);
    const path = base(version, { paths: { '/webhook_endpoints/{webhook_endpoint}': { delete: { parameters: [param(version, 'webhook_endpoint', 'path')], responses: { '204': { description: 'gone' } } } } } });
    expect(await found(RULE, path, only)).toEqual([]);
  });

  it('leaves a bare url deep in a webhook or callback operation alone (an embed link is not fetched)', async () => {
    const doc = postBody(version, object({ embeds: { type: 'array', maxItems: 10, items: object({ author: object({ url: uri() }) }) } }), '/interactions/{id}/callback');
    expect(await found(RULE, doc, only)).toEqual([]);
    const webhook = postBody(version, object({ commits: { type: 'array', maxItems: 10, items: object({ author: object({ url: uri() }) }) } }), '/webhooks/{id}/github');
    expect(await found(RULE, webhook, only)).toEqual([]);
  });

  it('outboundUrlNames: add and remove words', async () => {
    const doc = postBody(version, object({ banner_url: str(), avatar_url: str() }));
    expect(await found(RULE, doc, only)).toEqual([at('avatar_url')]);
    expect(await found(RULE, doc, onlyRule(RULE, { outboundUrlNames: { add: ['banner'], remove: ['avatar'] } }))).toEqual([at('banner_url')]);
  });
});

describe('3.x only', () => {
  it.each(['3.0', '3.1'] as const)('%s: a 3.1 webhook or callback payload is not an input of the API', async version => {
    const payload = { content: { 'application/json': { schema: object({ callback_url: str() }) } } };
    const doc = base(version, {
      paths: { '/subscriptions': { post: { responses: { '201': { description: 'OK' } }, callbacks: { onEvent: { '{$request.body#/callbackUrl}': { post: { requestBody: payload, responses: { '200': { description: 'OK' } } } } } } } } },
      ...(version === '3.1' ? { webhooks: { created: { post: { requestBody: payload, responses: { '200': { description: 'OK' } } } } } } : {}),
    });
    expect(await found(RULE, doc, only)).toEqual([]);
  });

  it('reads a 3.1 nullable type list as a string', async () => {
    const doc = postBody('3.1', object({ avatar_url: { type: ['string', 'null'], format: 'uri', maxLength: 2048 }, count: { type: ['integer', 'null'] } }));
    expect(await found(RULE, doc, only)).toEqual([`${bodyPath('3.1')}.properties.avatar_url`]);
  });

  it('reads a 3.x parameter described through content', async () => {
    const doc = withParameters('3.1', [{ name: 'feed_url', in: 'query', content: { 'application/json': { schema: str() } } }]);
    expect(await found(RULE, doc, only)).toEqual(['paths./things.post.parameters.0']);
  });
});

describe('GET query filters', () => {
  it.each(VERSIONS)('%s: a ?url= or ?callback_url= filter on a list is not fetched; a ?url= on a preview or thumbnail is', async version => {
    expect(await found(RULE, withParameters(version, [param(version, 'url', 'query', uri())], 'get', '/bookmarks'), only)).toEqual([]);
    expect(await found(RULE, withParameters(version, [param(version, 'url', 'query', uri())], 'get', '/preview'), only)).toEqual(['paths./preview.get.parameters.0']);
    expect(await found(RULE, withParameters(version, [param(version, 'url', 'query', uri()), param(version, 'callback_url', 'query', uri())], 'get', '/webhooks'), only)).toEqual([]);
    expect(await found(RULE, withParameters(version, [param(version, 'avatar_url', 'query', str())], 'get', '/users'), only)).toEqual([]);
    expect(await found(RULE, withParameters(version, [param(version, 'image_url', 'query', str())], 'get', '/thumbnail'), only)).toEqual(['paths./thumbnail.get.parameters.0']);
  });
});

describe('exemptions', () => {
  const reason = 'Accepted in this test: the fetcher runs in an egress-restricted sandbox.';
  it.each(VERSIONS)('%s: an operation exemption silences its parameter; a shared schema is silenced when every operation using it is exempt', async version => {
    const doc = withParameters(version, [param(version, 'callbackUrl', 'query', uri())]);
    ((doc.paths as Doc)['/things'] as Doc).post = { ...(((doc.paths as Doc)['/things'] as Doc).post as Doc), 'x-api-security-exemptions': { [RULE]: reason } };
    expect(await found(RULE, doc, only)).toEqual([]);
    const hook = component(version, 'Hook', object({ webhook_url: str() }));
    const shared = postBody(version, hook.ref, '/hooks', hook.root, { 'x-api-security-exemptions': { [RULE]: reason } });
    expect(await found(RULE, shared, only)).toEqual([]);
    const other = postBody(version, hook.ref, '/hooks', hook.root, { 'x-api-security-exemptions': { [RULE]: reason } });
    (other.paths as Doc)['/more-hooks'] = { post: { ...(((postBody(version, hook.ref, '/x').paths as Doc)['/x'] as Doc).post as Doc) } };
    expect(await found(RULE, other, only)).toEqual([`${hook.at}.properties.webhook_url`]);
  });
});
