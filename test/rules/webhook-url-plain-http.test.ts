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

describe.each(VERSIONS)('%s: request body examples show callback URLs too', (version: Version) => {
  const schemas = version === '2.0' ? 'definitions' : 'components.schemas';
  const ref = (name: string) => ({ $ref: version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}` });
  const shared: Doc = {
    Hook: { allOf: [object({ name: str(), config: ref('Config'), homepage_url: str({ format: 'uri' }) })] },
    Config: object({ url: str({ format: 'uri' }), content_type: str() }),
    Batch: object({ subscriptions: { type: 'array', items: object({ callback_url: str() }) } }),
  };
  /** `POST <path>` whose JSON body is `schema`, with body examples: a 3.x media type's (`example`, `examples`), 2.0's `x-examples`. */
  const withExamples = (path: string, schema: Doc, examples: { example?: unknown; examples?: Doc }, components: Doc = {}): Doc => {
    const body = version === '2.0'
      ? { parameters: [{ name: 'body', in: 'body', schema, ...(examples.example === undefined ? {} : { 'x-examples': { 'application/json': examples.example } }) }] }
      : { requestBody: { content: { 'application/json': { schema, ...examples } } } };
    const root = version === '2.0' ? { definitions: { ...shared, ...components } } : { components: { schemas: { ...shared, ...components }, examples: { Plain: { value: { name: 'web', config: { url: 'http://hooks.example.com/from-ref' } } } } } };
    return base(version, { paths: { [path]: { post: { ...body, responses: { '201': { description: 'Created' } } } } }, ...root });
  };
  const bodyExample = (path: string) => (version === '2.0' ? `paths.${path}.post.parameters.0.x-examples.application/json` : `paths.${path}.post.requestBody.content.application/json.example`);

  it('flags a plain http callback URL a body example gives a nested property (through $ref and allOf), at the value', async () => {
    const doc = withExamples('/hooks', ref('Hook'), { example: { name: 'web', config: { url: 'http://hooks.example.com/events', content_type: 'json' } } });
    expect(await found(RULE, doc, only)).toEqual([`${bodyExample('/hooks')}.config.url`]);
    const [message] = await messagesOf(RULE, doc, only);
    expect(message).toContain('request example of callback URL property "url"');
  });

  it('flags array items of a body example, once per input and operation', async () => {
    const doc = withExamples('/subscriptions', ref('Batch'), { example: { subscriptions: [{ callback_url: 'https://a.example.com/' }, { callback_url: 'http://b.example.com/' }, { callback_url: 'http://c.example.com/' }] } });
    expect(await found(RULE, doc, only)).toEqual([`${bodyExample('/subscriptions')}.subscriptions.1.callback_url`]);
  });

  it('flags the example a body schema holds for its whole value', async () => {
    const doc = withExamples('/hooks', ref('Hook'), {}, { Hook: { ...(shared.Hook as Doc), example: { config: { url: 'http://hooks.example.com/' } } } });
    expect(await found(RULE, doc, only)).toEqual([`${schemas}.Hook.example.config.url`]);
  });

  it.each([
    ['an https URL', { name: 'web', config: { url: 'https://hooks.example.com/events' } }],
    ['a loopback URL', { config: { url: 'http://localhost:8080/hooks' } }],
    ['a plain http URL in a property that is no callback', { homepage_url: 'http://example.com', config: { content_type: 'http://example.com' } }],
    ['a key the schema does not declare', { name: 'web', target: 'http://hooks.example.com/', config: { target_url: 'http://hooks.example.com/' } }],
    ['a value that is not a string', { config: { url: { href: 'http://hooks.example.com/' } } }],
  ])('leaves %s in a body example alone', async (_, example) => {
    expect(await found(RULE, withExamples('/hooks', ref('Hook'), { example }), only)).toEqual([]);
  });

  it('reports a callback URL whose own example is plain http at its declaration only, not again in body examples', async () => {
    const doc = withExamples('/hooks', ref('Hook'), { example: { config: { url: 'http://hooks.example.com/' } } }, { Config: object({ url: str({ format: 'uri', example: 'http://hooks.example.com/' }) }) });
    expect(await found(RULE, doc, only)).toEqual([`${schemas}.Config.properties.url.example`]);
  });

  it('never throws on hostile examples (cycles through $ref, deep nesting, huge arrays)', async () => {
    const deep: Doc = {};
    let at = deep;
    for (let i = 0; i < 200; i++) at = (at.config = {}) as Doc;
    const doc = withExamples('/hooks', ref('Loop'), { example: { next: deep, config: deep, items: Array.from({ length: 10_000 }, () => ({ callback_url: 'http://x.example.com/' })) } }, {
      Loop: object({ next: ref('Loop'), config: ref('Loop'), items: { type: 'array', items: object({ callback_url: str() }) } }),
    });
    expect(await found(RULE, doc, only)).toEqual([`${bodyExample('/hooks')}.items.0.callback_url`]);
  });
});

describe.each(['3.0', '3.1'] as const)('%s: Example Objects of a request body', version => {
  it('flags the value of an Example Object reached through $ref, where it is written', async () => {
    const doc = base(version, {
      paths: { '/hooks': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Hook' }, examples: { secure: { value: { config: { url: 'https://hooks.example.com/' } } }, plain: { $ref: '#/components/examples/Plain' } } } } }, responses: { '201': { description: 'Created' } } } } },
      components: {
        schemas: { Hook: object({ config: object({ url: str({ format: 'uri' }) }) }) },
        examples: { Plain: { value: { config: { url: 'http://hooks.example.com/' } } } },
      },
    });
    expect(await found(RULE, doc, only)).toEqual(['components.examples.Plain.value.config.url']);
  });
});
