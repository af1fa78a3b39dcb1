import { describe, expect, it } from 'vitest';
import { base, found, messagesOf, onlyRule, param, VERSIONS, type Doc, type Version } from '../helpers.js';
import { bodyPath, component, object, postBody, withParameters } from '../fixtures/outbound.js';

/** webhook-url-plain-http (functions/outbound/webhook-plain-http.ts). */
const RULE = 'webhook-url-plain-http';
const only = onlyRule(RULE);
const str = (extra: Doc = {}): Doc => ({ type: 'string', ...extra });

describe.each(VERSIONS)('Swagger/OpenAPI %s', (version: Version) => {
  const at = (name: string, path = '/things') => `${bodyPath(version, path)}.properties.${name}`;

  it.each([
    ['example', { example: 'http://hooks.example.com/events' }, 'example'],
    ['default', { default: 'http://hooks.example.com/events' }, 'default'],
    ['enum entry', { enum: ['https://a.example.com/', 'http://b.example.com/'] }, 'enum.1'],
    ['x-example', { 'x-example': 'http://hooks.example.com/events' }, 'x-example'],
  ])('flags a callback URL whose %s is plain http, where it is written', async (_, extra, key) => {
    expect(await found(RULE, postBody(version, object({ callback_url: str(extra) })), only)).toEqual([`${at('callback_url')}.${key}`]);
  });

  it('flags a webhook URL in a shared component once, and a bare url sent to /webhooks', async () => {
    const hook = component(version, 'Hook', { allOf: [object({ webhookUrl: str({ format: 'uri', example: 'http://hooks.example.com/' }) })] });
    const doc = postBody(version, hook.ref, '/things', hook.root);
    (doc.paths as Doc)['/other'] = (doc.paths as Doc)['/things'];
    expect(await found(RULE, doc, only)).toEqual([`${hook.at}.allOf.0.properties.webhookUrl.example`]);
    expect(await found(RULE, postBody(version, object({ url: str({ format: 'uri', example: 'http://hooks.example.com/' }) }), '/webhooks'), only)).toEqual([`${at('url', '/webhooks')}.example`]);
  });

  it('flags a callback URL parameter with a plain example', async () => {
    const parameter = param(version, 'StatusCallback', 'query', str({ format: 'uri' }));
    const doc = withParameters(version, [version === '2.0' ? { ...parameter, 'x-example': 'http://hooks.example.com/' } : { ...parameter, example: 'http://hooks.example.com/' }]);
    expect(await found(RULE, doc, only)).toEqual([`paths./things.post.parameters.0.${version === '2.0' ? 'x-example' : 'example'}`]);
  });

  it('says what to do', async () => {
    const [message] = await messagesOf(RULE, postBody(version, object({ callback_url: str({ example: 'http://hooks.example.com/e?token=abc' }) })), only);
    expect(message).toContain('"callback_url"');
    expect(message).toContain('https://');
    expect(message).not.toContain('token=abc');
  });

  it.each([
    ['https', { example: 'https://hooks.example.com/' }],
    ['loopback', { example: 'http://localhost:8080/hooks' }],
    ['127.0.0.1', { default: 'http://127.0.0.1:3000/' }],
    ['no example', {}],
    ['a relative example', { example: '/hooks' }],
  ])('leaves a callback URL with %s alone', async (_, extra) => {
    expect(await found(RULE, postBody(version, object({ callback_url: str(extra) })), only)).toEqual([]);
  });

  it('leaves plain http examples of other URLs alone (not callbacks the API calls)', async () => {
    const doc = postBody(version, object({
      avatar_url: str({ example: 'http://cdn.example.com/a.png' }),
      website: str({ format: 'uri', example: 'http://example.com' }),
      return_url: str({ example: 'http://shop.example.com/done' }),
    }));
    expect(await found(RULE, doc, only)).toEqual([]);
  });

  it('transportAllowedHosts: hosts a team allows', async () => {
    const doc = postBody(version, object({ callback_url: str({ example: 'http://hooks.corp.internal/' }) }));
    expect(await found(RULE, doc, only)).toEqual([`${at('callback_url')}.example`]);
    expect(await found(RULE, doc, onlyRule(RULE, { transportAllowedHosts: { add: ['*.corp.internal'] } }))).toEqual([]);
  });
});

describe('3.x parameter examples maps', () => {
  it.each(['3.0', '3.1'] as const)('%s: a plain http value in a parameter\'s Example Objects is flagged there', async version => {
    const doc = withParameters(version, [{ name: 'callback_url', in: 'query', schema: { type: 'string' }, examples: { secure: { value: 'https://hooks.example.com/' }, plain: { value: 'http://hooks.example.com/' } } }]);
    expect(await found(RULE, doc, only)).toEqual(['paths./things.post.parameters.0.examples.plain.value']);
  });
});

describe('callback expressions are transport-plain-http\'s', () => {
  it.each(['3.0', '3.1'] as const)('%s: a literal http:// callback key is reported once, by transport-plain-http', async version => {
    const doc = base(version, { paths: { '/subscriptions': { post: { responses: { '201': { description: 'OK' } }, callbacks: { onEvent: { 'http://hooks.example.com/events': { post: { responses: { '200': { description: 'OK' } } } } } } } } } });
    expect(await found(RULE, doc, only)).toEqual([]);
    expect(await found('transport-plain-http', doc)).toEqual(['paths./subscriptions.post.callbacks.onEvent.http://hooks.example.com/events']);
  });
});
