import { beforeAll, describe, expect, it } from 'vitest';
import { base, response, VERSIONS, type Doc, type Version } from '../helpers.js';
import { assertStrict, lintText, ours, OUR_RULES } from './harness.js';
import { ALPHANUMERIC, randomChars as randomAlphabet } from '../fixtures/random.js';

/**
 * Nothing we print contains a full secret. test/rules/secret-leaked.test.ts checks the three
 * secret rules' messages (at most four characters shown); this checks the output of EVERY rule of
 * ours — messages and paths — on documents with fake credentials in every value position where a
 * credential gets pasted: examples, defaults, enums, descriptions, extension values, exemption
 * reasons, and URLs (servers and their variables, OAuth URLs, callbacks, webhooks, terms of
 * service, contact, license, external docs) in their userinfo, query string and fragment.
 *
 * Secrets pasted as names (path keys, scheme, requirement, property names) and into URL paths are
 * checked in messages.test.ts: a finding's path necessarily names its keys, so there only the
 * messages are held to the four-character rule.
 *
 * The credentials are assembled at run time, so this file holds nothing a secret scanner would flag.
 */
beforeAll(assertStrict);

/** Deterministic pseudo-random alphanumerics. */
const randomChars = (length: number, seed: number): string => randomAlphabet(ALPHANUMERIC, length, seed);

/** Fake credentials: a fixed prefix and a random part. A finding must not show any random part in full. */
const SECRETS: Record<string, { prefix: string; random: string }> = {
  aws: { prefix: ['AK', 'IA'].join(''), random: randomChars(16, 1).toUpperCase() },
  github: { prefix: ['gh', 'p_'].join(''), random: randomChars(36, 2) },
  stripe: { prefix: ['sk', '_live_'].join(''), random: randomChars(32, 3) },
  slack: { prefix: ['xo', 'xb-'].join(''), random: `${randomChars(10, 4)}-${randomChars(24, 5)}` },
  google: { prefix: ['AI', 'za'].join(''), random: randomChars(35, 6) },
  password: { prefix: '', random: `Zr8${randomChars(13, 7)}` },
  bearer: { prefix: '', random: randomChars(40, 8) },
};
const full = (name: string) => SECRETS[name].prefix + SECRETS[name].random;
const RANDOM_PARTS = Object.values(SECRETS).map(s => s.random);

/** A plain-http URL carrying credentials in its userinfo, query string and fragment. */
const leakyUrl = (host: string, path = '') => `http://svc:${full('password')}@${host}${path}?api_key=${full('github')}&sig=${full('bearer')}#token=${full('slack')}`;

function api(version: Version): Doc {
  const oas2 = version === '2.0';
  const secretProperty = (name: string, secret: string): Doc => ({ type: 'string', example: secret, default: secret, enum: [secret], description: `e.g. ${secret}`, 'x-sample': secret });
  const schema: Doc = {
    type: 'object',
    description: `Authenticate with Authorization: Bearer ${full('bearer')}`,
    properties: {
      token: secretProperty('token', full('github')),
      password: secretProperty('password', full('password')),
      awsKey: secretProperty('awsKey', full('aws')),
      role: { type: 'string', example: full('stripe') },
      stack: { type: 'string', example: `Traceback: key=${full('google')}` },
      note: { type: 'string', example: { nested: [full('slack'), { deeper: full('stripe') }] } },
    },
    example: { token: full('github'), password: full('password') },
  };
  const withBody = (s: Doc) => response(version, `OK, see ${leakyUrl('docs.acme-corp.com')}`, s);
  const operation = (extra: Doc = {}): Doc => ({
    description: `Call with ?access_token=${full('github')}`,
    parameters: [
      { name: 'token', in: 'query', ...(oas2 ? { type: 'string' } : { schema: { type: 'string', example: full('github') } }), ...(oas2 ? {} : { example: full('github') }), description: `e.g. ${full('github')}` },
      { name: 'Authorization', in: 'header', ...(oas2 ? { type: 'string', default: `Bearer ${full('bearer')}` } : { schema: { type: 'string', default: `Bearer ${full('bearer')}` } }) },
      ...(oas2 ? [{ name: 'body', in: 'body', schema }] : []),
    ],
    ...(oas2 ? {} : { requestBody: { content: { 'application/json': { schema, examples: { sample: { summary: full('stripe'), value: { token: full('github') }, externalValue: leakyUrl('examples.acme-corp.com') } } } } } }),
    responses: { '200': withBody(schema), '500': withBody(schema) },
    'x-api-security-exemptions': { 'auth-read-operation-unprotected': '', 'rate-limit-429-missing': `Reason with a key ${full('aws')}` },
    ...extra,
  });
  const flows = oas2
    ? { flow: 'implicit', authorizationUrl: leakyUrl('auth.acme-corp.com', '/authorize'), scopes: { read: full('stripe') } }
    : { flows: { implicit: { authorizationUrl: leakyUrl('auth.acme-corp.com', '/authorize'), scopes: { read: `Read, e.g. ${full('stripe')}` } }, password: { tokenUrl: leakyUrl('auth.acme-corp.com', '/token'), refreshUrl: leakyUrl('auth.acme-corp.com', '/refresh'), scopes: {} } } };
  const schemes: Doc = {
    oauth: { type: 'oauth2', description: `Client secret ${full('stripe')}`, ...flows },
    key: { type: 'apiKey', in: 'query', name: 'api_key', description: `Try ${full('google')}`, 'x-example': full('google') },
    basic: { type: oas2 ? 'basic' : 'http', ...(oas2 ? {} : { scheme: 'basic' }), description: `Basic ${Buffer.from(`admin:${full('password')}`).toString('base64')}` },
    ...(oas2 ? {} : { oidc: { type: 'openIdConnect', openIdConnectUrl: leakyUrl('id.acme-corp.com', '/.well-known/openid-configuration') } }),
  };
  const info = {
    title: 'Leaky',
    version: '1',
    description: `Use ${full('aws')} / ${full('stripe')} to try it`,
    termsOfService: leakyUrl('tos.acme-corp.com'),
    contact: { url: leakyUrl('contact.acme-corp.com'), email: 'ops@acme-corp.com' },
    license: { name: 'MIT', url: leakyUrl('license.acme-corp.com') },
  };
  const paths: Doc = {
    '/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, ...(oas2 ? { type: 'integer' } : { schema: { type: 'integer' } }) }],
      get: operation({ security: [] }),
      post: operation({ security: [{ oauth: ['read', 'write'] }], ...(oas2 ? {} : { callbacks: { done: { 'http://hooks.acme-corp.com/done': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '200': response(version) } } } } } }) }),
      delete: operation({ security: [{ key: [] }, { basic: [] }, {}] }),
    },
    '/admin/users': { put: operation({ tags: ['admin'], security: [{ key: [] }] }) },
  };
  const root: Doc = {
    info,
    externalDocs: { url: leakyUrl('docs.acme-corp.com') },
    'x-api-security-exemptions': { 'auth-scheme-weak': '' },
    'x-config': { apiKey: full('aws'), dsn: leakyUrl('db.acme-corp.com') },
    paths,
  };
  if (oas2) {
    return base(version, { ...root, host: 'api.acme-corp.com', schemes: ['http', 'https'], securityDefinitions: schemes, definitions: { Thing: schema } });
  }
  return base(version, {
    ...root,
    servers: [
      { url: leakyUrl('api.acme-corp.com', '/v1') },
      { url: '{scheme}://api.acme-corp.com/{token}', variables: { scheme: { default: 'http', enum: ['http', 'https'] }, token: { default: full('github'), description: full('bearer') } } },
    ],
    components: { schemas: { Thing: schema }, securitySchemes: schemes },
    ...(version === '3.1' ? { webhooks: { 'http://webhooks.acme-corp.com/events': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '200': response(version) } } } } } : {}),
  });
}

describe.each(VERSIONS)('no output of any rule shows a full secret (%s)', version => {
  it('no message or path of any rule of ours contains a secret (nor the random part of one)', async () => {
    const results = ours(await lintText(JSON.stringify(api(version)), undefined, 'json'));
    // The document trips many rules, so the check covers many kinds of message.
    const rules = new Set(results.map(r => String(r.code)));
    expect(rules.size).toBeGreaterThanOrEqual(15);
    expect([...rules].every(rule => OUR_RULES.includes(rule))).toBe(true);
    expect(rules).toContain('secret-leaked');
    expect(rules).toContain('transport-plain-http');
    const leaks: string[] = [];
    for (const result of results) {
      const printed = [result.message, result.path.join('.'), JSON.stringify(result.path)];
      for (const random of RANDOM_PARTS) {
        if (printed.some(text => text.includes(random))) leaks.push(`${result.code} at ${result.path.join('.')}: ${result.message}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
