import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, lint, messagesOf, testRule, withFunctionOptions, type Doc, type Version } from '../helpers.js';

/** transport-plain-http (functions/transport/plain-transport.ts). */
const RULE = 'transport-plain-http';
const V3: Version[] = ['3.0', '3.1'];
const EXEMPT = { [RULE]: 'Accepted in this test: an internal-only deployment.' };

const ok = (): Doc => ({ responses: { '200': { description: 'OK' } } });

/** A document with one `GET /things` (plus `extra` operation fields) and extra root keys. */
function api(version: Version, extra: Doc = {}, operation: Doc = {}, pathItem: Doc = {}): Doc {
  return base(version, { paths: { '/things': { ...pathItem, get: { ...ok(), ...operation } } }, ...extra });
}

const FLAGGED_URLS = [
  'http://api.example.com',
  'http://api.example.com:8080/v1',
  'HTTP://API.EXAMPLE.COM/v1',
  'Http://api.example.com',
  'ws://stream.example.com/events',
  'WS://stream.example.com',
  '  http://api.example.com  ',
  'http://localhost.evil.com',
  'http://localhost@evil.com',
  'http://localhost:80@evil.com/v1',
  'http://127.0.0.1.evil.com',
  'http://evil.com\\@localhost',
  'http://api.localhost.evil.com',
  'http://10.0.0.12:8080',
  'http://192.168.1.20',
  'http://0.0.0.0.evil.com',
];

const ALLOWED_URLS = [
  'https://api.example.com',
  'HTTPS://api.example.com',
  'wss://stream.example.com',
  '/v1',
  'v1',
  '//api.example.com/v1',
  'http://localhost',
  'http://localhost:8080',
  'HTTP://LOCALHOST:8080/v1',
  'http://localhost./v1',
  'http://127.0.0.1',
  'http://127.0.0.1:3000/api',
  'http://127.1.2.3',
  'http://[::1]:3000',
  'http://[::1]',
  'http://api.localhost',
  'http://api.localhost:8080',
  'http://0.0.0.0:8000',
  'http://[::]:8000',
  'ws://localhost:9000/events',
  'http://user@localhost:8080',
  'mailto:security@example.com',
  '',
];

testRule(RULE, [
  {
    name: '2.0: http in root `schemes`, at the entry',
    document: api('2.0', { host: 'api.example.com', schemes: ['https', 'http'] }),
    errors: [
      {
        path: ['schemes', '1'],
        severity: DiagnosticSeverity.Error,
        message: '`schemes` offers plain http to host "api.example.com", so requests and responses can cross the network unencrypted: drop "http" from `schemes` and serve the API over https only.',
      },
    ],
  },
  {
    name: '2.0: http in an operation\'s `schemes`, at the entry',
    document: api('2.0', { host: 'api.example.com', schemes: ['https'] }, { schemes: ['http'] }),
    errors: [{ path: ['paths', '/things', 'get', 'schemes', '0'], severity: DiagnosticSeverity.Error, message: expect.stringContaining('offers plain http to host "api.example.com"') }],
  },
  {
    name: '2.0: not https and wss',
    document: api('2.0', { host: 'api.example.com', schemes: ['https', 'wss'] }),
    errors: [],
  },
  {
    name: '2.0: not http to a loopback host',
    document: api('2.0', { host: 'localhost:8080', schemes: ['http', 'ws'] }),
    errors: [],
  },
  ...V3.flatMap(version => [
    {
      name: `${version}: a plain http server, at its url`,
      document: api(version, { servers: [{ url: 'https://api.example.com' }, { url: 'http://api.example.com/v1' }] }),
      errors: [
        {
          path: ['servers', '1', 'url'],
          severity: DiagnosticSeverity.Error,
          message: 'Server URL "http://api.example.com/v1" uses plain http://, so requests and responses cross the network unencrypted: serve the API over https:// only.',
        },
      ],
    },
    {
      name: `${version}: not https, relative or loopback servers`,
      document: api(version, { servers: [{ url: 'https://api.example.com' }, { url: '/v1' }, { url: 'http://localhost:8080' }, { url: 'http://[::1]:3000' }] }),
      errors: [],
    },
  ]),
]);

// ---------------------------------------------------------------------------------------------
describe('Swagger 2.0: schemes', () => {
  it('flags http and ws in root `schemes`, at each entry', async () => {
    const doc = api('2.0', { host: 'api.example.com', schemes: ['https', 'http', 'wss', 'ws'] });
    expect(await found(RULE, doc)).toEqual(['schemes.1', 'schemes.3']);
  });

  it.each(['HTTP', 'Http', ' http '])('flags "%s" (case and whitespace do not hide it)', async scheme => {
    expect(await found(RULE, api('2.0', { host: 'api.example.com', schemes: [scheme] }))).toEqual(['schemes.0']);
  });

  it('does not flag https and wss, nor a document without schemes', async () => {
    expect(await found(RULE, api('2.0', { host: 'api.example.com', schemes: ['https', 'wss'] }))).toEqual([]);
    expect(await found(RULE, api('2.0', { host: 'api.example.com' }))).toEqual([]);
  });

  it.each(['localhost', 'localhost:8080', 'LOCALHOST', '127.0.0.1', '127.0.0.1:3000', '[::1]:3000', 'api.localhost', 'api.localhost:8080'])(
    'does not flag http when host is the loopback host %s',
    async host => {
      expect(await found(RULE, api('2.0', { host, schemes: ['http', 'ws'] }))).toEqual([]);
    },
  );

  it.each(['api.example.com', 'api.example.com:80', 'localhost.evil.com', 'localhost@evil.com', '10.1.2.3:8080'])('flags http when host is %s', async host => {
    expect(await found(RULE, api('2.0', { host, schemes: ['http'] }))).toEqual(['schemes.0']);
  });

  it('flags http when `host` is missing or not a string: the API is served from the host serving the description', async () => {
    expect(await found(RULE, api('2.0', { schemes: ['http', 'https'] }))).toEqual(['schemes.0']);
    expect(await found(RULE, api('2.0', { host: '', schemes: ['http'] }))).toEqual(['schemes.0']);
    expect(await found(RULE, api('2.0', { host: 42, schemes: ['http'] }))).toEqual(['schemes.0']);
    expect(await messagesOf(RULE, api('2.0', { schemes: ['http'] }))).toEqual([
      '`schemes` offers plain http to the host serving this description (no `host` is set), so requests and responses can cross the network unencrypted: drop "http" from `schemes` and serve the API over https only.',
    ]);
  });

  it('says which scheme, which host and what to do', async () => {
    expect(await messagesOf(RULE, api('2.0', { host: 'api.example.com', schemes: ['ws', 'HTTP'] }))).toEqual([
      '`schemes` offers plain http to host "api.example.com", so requests and responses can cross the network unencrypted: drop "http" from `schemes` and serve the API over https only.',
      '`schemes` offers plain ws to host "api.example.com", so requests and responses can cross the network unencrypted: drop "ws" from `schemes` and serve the API over wss only.',
    ]);
  });

  it('flags operation-level `schemes` at the operation, honouring operation and path-item exemptions', async () => {
    const doc = api('2.0', { host: 'api.example.com', schemes: ['https'] }, { schemes: ['https', 'http'] });
    expect(await found(RULE, doc)).toEqual(['paths./things.get.schemes.1']);
    expect(await found(RULE, api('2.0', { host: 'api.example.com' }, { schemes: ['http'], 'x-api-security-exemptions': EXEMPT }))).toEqual([]);
    expect(await found(RULE, api('2.0', { host: 'api.example.com' }, { schemes: ['http'] }, { 'x-api-security-exemptions': EXEMPT }))).toEqual([]);
    expect(await found(RULE, api('2.0', { host: 'localhost:8080' }, { schemes: ['http'] }))).toEqual([]);
  });

  it('an operation exemption does not silence the root `schemes`; a root exemption silences both', async () => {
    const doc = api('2.0', { host: 'api.example.com', schemes: ['http'] }, { schemes: ['http'], 'x-api-security-exemptions': EXEMPT });
    expect(await found(RULE, doc)).toEqual(['schemes.0']);
    expect(await found(RULE, { ...doc, 'x-api-security-exemptions': EXEMPT })).toEqual([]);
  });

  it('ignores 3.x-only positions in a 2.0 document (servers, callbacks)', async () => {
    const doc = api('2.0', { host: 'api.example.com', schemes: ['https'], servers: [{ url: 'http://api.example.com' }] }, {
      servers: [{ url: 'http://api.example.com' }],
      callbacks: { cb: { 'http://notify.example.com': { post: ok() } } },
    });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('does not crash on wrong types', async () => {
    expect(await found(RULE, api('2.0', { host: ['api.example.com'], schemes: 'http' }, { schemes: { 0: 'http' } }))).toEqual([]);
    expect(await found(RULE, api('2.0', { host: { name: 'x' }, schemes: [42, null, {}, ['http'], 'http'] }))).toEqual(['schemes.4']);
  });

  it('`transportAllowedHosts` exempts the listed hosts', async () => {
    const doc = api('2.0', { host: 'build.ci.internal:8080', schemes: ['http'] });
    expect(await found(RULE, doc)).toEqual(['schemes.0']);
    expect(await found(RULE, doc, { transportAllowedHosts: { add: ['*.ci.internal'] } })).toEqual([]);
    expect(await found(RULE, doc, { transportAllowedHosts: { add: ['build.ci.internal'] } })).toEqual([]);
    expect(await found(RULE, doc, { transportAllowedHosts: { add: ['other.ci.internal'] } })).toEqual(['schemes.0']);
  });
});

// ---------------------------------------------------------------------------------------------
describe.each(V3)('OpenAPI %s: servers', version => {
  it.each(FLAGGED_URLS)('flags the root server %j at its url', async url => {
    expect(await found(RULE, api(version, { servers: [{ url: 'https://api.example.com' }, { url }] }))).toEqual(['servers.1.url']);
  });

  it.each(ALLOWED_URLS)('does not flag the root server %j', async url => {
    expect(await found(RULE, api(version, { servers: [{ url }] }))).toEqual([]);
  });

  // Browsers read any run of slashes or backslashes after `http:` as the start of the host, and the
  // host follows the last `@` of the authority however long the userinfo before it.
  it.each([
    ['one slash', 'http:/api.example.com/v1'],
    ['backslashes', 'http:\\\\api.example.com/v1'],
    ['a 2,100-character userinfo', `http://localhost:${'1'.repeat(2100)}@api.example.com/v1`],
  ])('flags a URL with %s, which reaches api.example.com in plain http', async (_label, url) => {
    expect(await found(RULE, api(version, { servers: [{ url }] }))).toEqual(['servers.0.url']);
  });

  it.each(['http:relative/path', '/v1', 'file:///tmp/spec'])('does not read %j as a plain-http host', async url => {
    expect(await found(RULE, api(version, { servers: [{ url }] }))).toEqual([]);
  });

  it('flags servers at every level, each where it is written', async () => {
    const doc = api(
      version,
      { servers: [{ url: 'http://api.example.com' }] },
      { servers: [{ url: 'https://ok.example.com' }, { url: 'ws://op.example.com' }] },
      { servers: [{ url: 'HTTP://item.example.com' }] },
    );
    expect(await found(RULE, doc)).toEqual(['paths./things.get.servers.1.url', 'paths./things.servers.0.url', 'servers.0.url']);
  });

  it('flags servers of a path item without operations', async () => {
    expect(await found(RULE, base(version, { paths: { '/things': { servers: [{ url: 'http://item.example.com' }] }, 'x-ext': { servers: [{ url: 'http://x.example.com' }] } } }))).toEqual([
      'paths./things.servers.0.url',
    ]);
  });

  it('does not flag https, wss, relative or loopback servers at path-item and operation level', async () => {
    const doc = api(
      version,
      { servers: [{ url: '/v1' }] },
      { servers: [{ url: 'wss://op.example.com' }, { url: 'http://localhost:8080' }] },
      { servers: [{ url: 'https://item.example.com' }, { url: 'http://[::1]:3000' }, { url: '/items' }] },
    );
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('says which scheme is plain and what to do, and never echoes userinfo', async () => {
    expect(await messagesOf(RULE, api(version, { servers: [{ url: 'http://deploy:hunter2@api.example.com/v1' }, { url: 'ws://stream.example.com' }] }))).toEqual([
      'Server URL "http://api.example.com/v1" uses plain http://, so requests and responses cross the network unencrypted: serve the API over https:// only.',
      'Server URL "ws://stream.example.com" uses plain ws://, so requests and responses cross the network unencrypted: serve the API over wss:// only.',
    ]);
  });

  it('reports a path item shared through $ref once, where it is written', async () => {
    const shared = { servers: [{ url: 'http://shared.example.com' }], get: { ...ok(), servers: [{ url: 'http://op.example.com' }] } };
    const doc = base(version, {
      paths: { '/a': { $ref: '#/x-items/shared' }, '/b': { $ref: '#/x-items/shared' } },
      'x-items': { shared },
    });
    const all = (await lint(doc)).filter(r => r.code === RULE).map(r => r.path.join('.')).sort();
    expect(all).toEqual(['x-items.shared.get.servers.0.url', 'x-items.shared.servers.0.url']);
  });

  it('honours exemptions: root for root servers, path item for its servers, operation (or its path item) for its servers', async () => {
    const doc = (root: Doc, item: Doc, op: Doc) =>
      api(version, { servers: [{ url: 'http://root.example.com' }], ...root }, { servers: [{ url: 'http://op.example.com' }], ...op }, { servers: [{ url: 'http://item.example.com' }], ...item });
    const all = ['paths./things.get.servers.0.url', 'paths./things.servers.0.url', 'servers.0.url'];
    const exempt = { 'x-api-security-exemptions': EXEMPT };
    expect(await found(RULE, doc({}, {}, {}))).toEqual(all);
    expect(await found(RULE, doc(exempt, {}, {}))).toEqual([]);
    expect(await found(RULE, doc({}, exempt, {}))).toEqual(['servers.0.url']);
    expect(await found(RULE, doc({}, {}, exempt))).toEqual(['paths./things.servers.0.url', 'servers.0.url']);
    expect(await found(RULE, doc({}, {}, { 'x-api-security-exemptions': { 'auth-read-operation-unprotected': 'Another rule' } }))).toEqual(all);
    expect(await found(RULE, doc({}, {}, { 'x-api-security-exemptions': { [RULE]: ' ' } }))).toEqual(all);
  });

  it('ignores a server written as $ref (not valid OpenAPI) and a Swagger-only `schemes`', async () => {
    const doc = api(version, { servers: [{ $ref: '#/x-servers/plain' }], 'x-servers': { plain: { url: 'http://api.example.com' } }, host: 'api.example.com', schemes: ['http'] });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('does not crash on wrong types, and still judges the valid servers around them', async () => {
    expect(await found(RULE, api(version, { servers: 'http://api.example.com' }, { servers: { url: 'http://x.example.com' } }, { servers: 42 }))).toEqual([]);
    const doc = api(version, {
      servers: [
        42,
        null,
        'http://api.example.com',
        ['http://api.example.com'],
        { url: 42 },
        { url: { href: 'http://api.example.com' } },
        { url: 'http://plain.example.com', variables: [] },
        { url: '{a}://api.example.com', variables: { a: 'http' } },
        { url: '{a}://api.example.com', variables: { a: { default: 42, enum: 'http' } } },
        { url: '{a}://api.example.com', variables: { a: { default: ['http'], enum: [null, 7, { v: 'http' }] } } },
        { url: '{a}://api.example.com', variables: 'http' },
      ],
    });
    expect(await found(RULE, doc)).toEqual(['servers.6.url']);
  });

  it('stays fast on huge server lists and variable enums', async () => {
    const values = (prefix: string) => Array.from({ length: 200 }, (_, i) => `${prefix}${i}`);
    const doc = api(version, {
      servers: [
        ...Array.from({ length: 2000 }, (_, i) => ({ url: `https://s${i}.example.com` })),
        {
          url: '{scheme}://{a}.{b}.{c}.example.com',
          variables: { scheme: { default: 'https', enum: ['https', 'http'] }, a: { default: 'a', enum: values('a') }, b: { default: 'b', enum: values('b') }, c: { default: 'c', enum: values('c') } },
        },
        { url: `http://${'a'.repeat(100_000)}.example.com` },
        { url: `{a}{b}{c}{d}{e}{f}{g}`, variables: Object.fromEntries('abcdefg'.split('').map(v => [v, { default: 'x'.repeat(5_000), enum: Array.from({ length: 64 }, (_, i) => `${i}${'y'.repeat(5_000)}`) }])) },
        { url: '{scheme}://api.example.com', variables: { scheme: { default: 'https', enum: Array.from({ length: 100_000 }, () => 'https') } } },
      ],
    });
    const started = Date.now();
    expect(await found(RULE, doc)).toEqual(['servers.2000.variables.scheme.enum.1', 'servers.2001.url']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

// ---------------------------------------------------------------------------------------------
describe.each(V3)('OpenAPI %s: server variables', version => {
  const server = (url: string, variables?: Doc): Doc => ({ servers: [{ url, ...(variables ? { variables } : {}) }] });

  it('flags a scheme variable defaulting to http, at the default', async () => {
    expect(await found(RULE, api(version, server('{scheme}://api.example.com', { scheme: { default: 'http' } })))).toEqual(['servers.0.variables.scheme.default']);
  });

  it('flags http in a scheme variable enum, at the enum entry', async () => {
    expect(await found(RULE, api(version, server('{scheme}://api.example.com/v1', { scheme: { default: 'https', enum: ['https', 'http'] } })))).toEqual([
      'servers.0.variables.scheme.enum.1',
    ]);
  });

  it('flags every place the plain value is written (default and enum), ws and upper case too', async () => {
    expect(await found(RULE, api(version, server('{scheme}://api.example.com', { scheme: { default: 'http', enum: ['http', 'https', 'WS'] } })))).toEqual([
      'servers.0.variables.scheme.default',
      'servers.0.variables.scheme.enum.0',
      'servers.0.variables.scheme.enum.2',
    ]);
  });

  it('flags a whole-URL variable whose value is a plain URL', async () => {
    expect(await found(RULE, api(version, server('{baseUrl}/v1', { baseUrl: { default: 'https://api.example.com', enum: ['https://api.example.com', 'http://api.example.com', 'http://localhost:8080'] } })))).toEqual([
      'servers.0.variables.baseUrl.enum.1',
    ]);
  });

  it('flags a variable that drops the "s" of https', async () => {
    expect(await found(RULE, api(version, server('http{s}://api.example.com', { s: { default: 's', enum: ['s', ''] } })))).toEqual(['servers.0.variables.s.enum.1']);
  });

  it('flags the URL when the plain scheme is written there, whatever the host variables', async () => {
    expect(await found(RULE, api(version, server('http://{env}.example.com', { env: { default: 'api', enum: ['api', 'staging'] } })))).toEqual(['servers.0.url']);
    expect(await found(RULE, api(version, server('http://{host}:{port}', { host: { default: 'localhost', enum: ['localhost', 'api.example.com'] }, port: { default: '80' } })))).toEqual([
      'servers.0.url',
    ]);
  });

  it('flags the scheme value when another variable can make the host non-loopback', async () => {
    expect(await found(RULE, api(version, server('{scheme}://{host}', { scheme: { default: 'https', enum: ['https', 'http'] }, host: { default: 'localhost', enum: ['localhost', 'api.example.com'] } })))).toEqual([
      'servers.0.variables.scheme.enum.1',
    ]);
  });

  it('does not flag a fixed https scheme, whatever the variables hold', async () => {
    expect(await found(RULE, api(version, server('https://{host}/v1', { host: { default: 'api.example.com', enum: ['api.example.com', 'http', 'http://x.example.com'] } })))).toEqual([]);
    expect(await found(RULE, api(version, server('wss://{host}', { host: { default: 'stream.example.com' } })))).toEqual([]);
  });

  it('does not flag plain schemes that only ever reach loopback hosts', async () => {
    expect(await found(RULE, api(version, server('{scheme}://localhost:{port}', { scheme: { default: 'http', enum: ['http', 'https'] }, port: { default: '8080' } })))).toEqual([]);
    expect(await found(RULE, api(version, server('http://{host}', { host: { default: 'localhost', enum: ['localhost', '127.0.0.1', '[::1]', 'api.localhost'] } })))).toEqual([]);
    expect(await found(RULE, api(version, server('{baseUrl}', { baseUrl: { default: 'http://localhost:3000', enum: ['http://localhost:3000', 'https://api.example.com'] } })))).toEqual([]);
  });

  it('does not flag https-only variables, nor an undefined or valueless scheme variable', async () => {
    expect(await found(RULE, api(version, server('{scheme}://api.example.com', { scheme: { default: 'https', enum: ['https', 'wss'] } })))).toEqual([]);
    expect(await found(RULE, api(version, server('{scheme}://api.example.com')))).toEqual([]);
    expect(await found(RULE, api(version, server('{scheme}://api.example.com', { scheme: { description: 'http or https' } })))).toEqual([]);
    expect(await found(RULE, api(version, server('{scheme}://api.example.com', { other: { default: 'http' } })))).toEqual([]);
  });

  it('flags variables in path-item and operation servers, where they are written', async () => {
    const variable = { scheme: { default: 'https', enum: ['https', 'http'] } };
    const doc = api(version, {}, server('{scheme}://op.example.com', variable), server('{scheme}://item.example.com', variable));
    expect(await found(RULE, doc)).toEqual(['paths./things.get.servers.0.variables.scheme.enum.1', 'paths./things.servers.0.variables.scheme.enum.1']);
  });

  it('says which variable and value, and what to do', async () => {
    expect(await messagesOf(RULE, api(version, server('{scheme}://api.example.com', { scheme: { default: 'https', enum: ['https', 'http'] } })))).toEqual([
      'Server variable "scheme" offers "http", which makes "{scheme}://api.example.com" a plain http:// URL that sends traffic unencrypted: remove that value and offer only https://.',
    ]);
  });

  it('does not echo userinfo held in a variable value', async () => {
    const texts = await messagesOf(RULE, api(version, server('{baseUrl}', { baseUrl: { default: 'http://svc:s3cr3t-p4ss@api.example.com' } })));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('"http://api.example.com"');
    expect(texts[0]).not.toContain('s3cr3t');
  });
});

// ---------------------------------------------------------------------------------------------
describe.each(V3)('OpenAPI %s: callbacks', version => {
  const post = (callbacks: unknown, more: Doc = {}): Doc => ({ post: { ...ok(), callbacks, ...more } });
  const doc = (callbacks: unknown, more: Doc = {}, root: Doc = {}): Doc => base(version, { paths: { '/subscriptions': post(callbacks, more) }, ...root });

  it('flags a literal plain callback URL, at its key', async () => {
    expect(await found(RULE, doc({ onEvent: { 'http://notify.example.com/hook': { post: ok() } } }))).toEqual(['paths./subscriptions.post.callbacks.onEvent.http://notify.example.com/hook']);
  });

  it('flags an expression that embeds a literal plain prefix, and ws', async () => {
    expect(await found(RULE, doc({
      a: { 'http://{$request.body#/host}/events': { post: ok() } },
      b: { 'HTTP://notify.example.com?id={$request.body#/id}': { post: ok() } },
      c: { 'ws://stream.example.com/{$request.query.channel}': { post: ok() } },
    }))).toEqual([
      'paths./subscriptions.post.callbacks.a.http://{$request.body#/host}/events',
      'paths./subscriptions.post.callbacks.b.HTTP://notify.example.com?id={$request.body#/id}',
      'paths./subscriptions.post.callbacks.c.ws://stream.example.com/{$request.query.channel}',
    ]);
  });

  it('does not flag runtime expressions, https, wss or loopback callback URLs', async () => {
    expect(await found(RULE, doc({
      a: { '{$request.body#/callbackUrl}': { post: ok() } },
      b: { '{$request.query.callbackUrl}/data': { post: ok() } },
      c: { '{$request.body#/url}?via=http://example.com': { post: ok() } },
      d: { 'https://notify.example.com/{$request.body#/id}': { post: ok() } },
      e: { 'wss://stream.example.com': { post: ok() } },
      f: { 'http://localhost:9000/hook': { post: ok() }, 'x-note': 'http://docs.example.com' },
    }))).toEqual([]);
  });

  it('reports a callback shared through $ref once, where it is written', async () => {
    const shared = base(version, {
      paths: {
        '/a': post({ evt: { $ref: '#/components/callbacks/Evt' } }),
        '/b': post({ evt: { $ref: '#/components/callbacks/Evt' } }),
      },
      components: { callbacks: { Evt: { 'http://notify.example.com/evt': { post: ok() } } } },
    });
    const all = (await lint(shared)).filter(r => r.code === RULE);
    expect(all.map(r => r.path.join('.'))).toEqual(['components.callbacks.Evt.http://notify.example.com/evt']);
    expect(all[0].message).toBe('Callback URL "http://notify.example.com/evt" uses plain http://, so the API would send callback requests unencrypted: use https:// instead.');
  });

  it('honours operation, path-item and root exemptions', async () => {
    const callbacks = { onEvent: { 'http://notify.example.com/hook': { post: ok() } } };
    const exempt = { 'x-api-security-exemptions': EXEMPT };
    expect(await found(RULE, doc(callbacks, exempt))).toEqual([]);
    expect(await found(RULE, base(version, { paths: { '/subscriptions': { ...post(callbacks), ...exempt } } }))).toEqual([]);
    expect(await found(RULE, doc(callbacks, {}, exempt))).toEqual([]);
  });

  it('does not crash on wrong types', async () => {
    expect(await found(RULE, doc('http://notify.example.com'))).toEqual([]);
    expect(await found(RULE, doc(['http://notify.example.com']))).toEqual([]);
    expect(await found(RULE, doc({ a: 'http://notify.example.com', b: ['http://x.example.com'], c: null, d: { $ref: '#/nowhere' } }))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('OpenAPI 3.1: webhooks', () => {
  it('does not flag webhook names (the receiver URL is registered out of band)', async () => {
    expect(await found(RULE, base('3.1', { webhooks: { newPet: { post: ok() }, 'https://partner.example.com/hook': { post: ok() } } }))).toEqual([]);
  });

  it('flags a webhook named by a literal plain URL, at its key', async () => {
    expect(await found(RULE, base('3.1', { webhooks: { 'http://partner.example.com/hook': { post: ok() } } }))).toEqual(['webhooks.http://partner.example.com/hook']);
    expect(await messagesOf(RULE, base('3.1', { webhooks: { 'ws://partner.example.com/hook': { post: ok() } } }))).toEqual([
      'Webhook "ws://partner.example.com/hook" is named by a plain ws:// URL, so the API would send its requests unencrypted: use wss:// instead.',
    ]);
    expect(await found(RULE, base('3.1', { webhooks: { 'http://localhost:9000/hook': { post: ok() } } }))).toEqual([]);
  });

  it('flags servers and callbacks written in webhooks, honouring their exemptions', async () => {
    const webhooks = {
      newPet: {
        servers: [{ url: 'http://receiver.example.com' }],
        post: { ...ok(), servers: [{ url: 'ws://op.example.com' }], callbacks: { ack: { 'http://ack.example.com': { post: ok() } } } },
      },
    };
    expect(await found(RULE, base('3.1', { webhooks }))).toEqual([
      'webhooks.newPet.post.callbacks.ack.http://ack.example.com',
      'webhooks.newPet.post.servers.0.url',
      'webhooks.newPet.servers.0.url',
    ]);
    const exempted = { newPet: { ...webhooks.newPet, 'x-api-security-exemptions': EXEMPT } };
    expect(await found(RULE, base('3.1', { webhooks: exempted }))).toEqual([]);
  });

  it('ignores `webhooks` in OpenAPI 3.0 (not a 3.0 field)', async () => {
    expect(await found(RULE, base('3.0', { paths: {}, webhooks: { 'http://partner.example.com': { servers: [{ url: 'http://a.example.com' }], post: ok() } } }))).toEqual([]);
  });

  it('does not crash on wrong types', async () => {
    expect(await found(RULE, base('3.1', { webhooks: { a: 'http://x.example.com', b: null, c: [], d: { servers: 'http://x' } } }))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe.each(V3)('OpenAPI %s: transportAllowedHosts', version => {
  const doc = api(version, {
    servers: [
      { url: 'http://api.corp.internal' },
      { url: 'http://a.b.corp.internal:8080' },
      { url: 'http://corp.internal' },
      { url: 'http://evil-corp.internal' },
      { url: 'http://build.example.com' },
      { url: 'http://BUILD.example.com.:8080/v1' },
      { url: 'http://api.example.com' },
    ],
  });
  const every = ['servers.0.url', 'servers.1.url', 'servers.2.url', 'servers.3.url', 'servers.4.url', 'servers.5.url', 'servers.6.url'];

  it('allows nothing but loopback by default', async () => {
    expect(await found(RULE, doc)).toEqual(every);
  });

  it('exempts exact hosts (ports ignored) and `*.` subdomain patterns, case-insensitively', async () => {
    expect(await found(RULE, doc, { transportAllowedHosts: { add: ['*.Corp.Internal', 'build.example.com:8080'] } })).toEqual(['servers.2.url', 'servers.3.url', 'servers.6.url']);
  });

  it('ignores empty and malformed entries', async () => {
    expect(await found(RULE, doc, { transportAllowedHosts: { add: ['', '*.', '*', 'http://'] } })).toEqual(every);
  });

  it('applies to callbacks too', async () => {
    const cb = api(version, {}, { callbacks: { a: { 'http://hooks.corp.internal/x': { post: ok() } } } });
    expect(await found(RULE, cb)).toEqual(['paths./things.get.callbacks.a.http://hooks.corp.internal/x']);
    expect(await found(RULE, cb, { transportAllowedHosts: { add: ['*.corp.internal'] } })).toEqual([]);
  });

  it('the function rejects mistyped options when the ruleset loads', async () => {
    const withOptions = (functionOptions: unknown) => withFunctionOptions(RULE, functionOptions);
    await expect(lint(doc, withOptions({ transportAllowedHosts: 'api.example.com' }))).rejects.toThrow();
    await expect(lint(doc, withOptions({ transportAllowedHost: ['api.example.com'] }))).rejects.toThrow();
    expect((await lint(doc, withOptions({ transportAllowedHosts: ['api.example.com'] }))).filter(r => r.code === RULE).map(r => r.path.join('.'))).toEqual(every.filter(p => p !== 'servers.6.url'));
  });
});
