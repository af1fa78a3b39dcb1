import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE, MAX_PATH_KEY, MAX_QUOTED_NAME, quote, redactSecrets, safeMessage } from '../../functions/core/message.js';
import { ALPHANUMERIC, randomChars } from '../fixtures/random.js';
import { base, response, VERSIONS, type Doc, type Version } from '../helpers.js';
import { assertStrict, lintOrDirect, lintText, ours, UNGATED } from './harness.js';

/**
 * What our messages may carry, whatever the document holds:
 * - no more than four characters of a credential, wherever it was pasted: in a value, in a URL's
 *   path, in a server variable, or as a key (path keys, scheme, requirement, scope, property,
 *   parameter and exemption names, callback and webhook URLs);
 * - no endless names: every message is at most MAX_MESSAGE characters, quoted names at most
 *   MAX_QUOTED_NAME (URLs MAX_QUOTED_URL);
 * - no JavaScript internals from a document value that names an Object.prototype member.
 * The credentials are assembled at run time, so this file holds nothing a secret scanner would flag.
 */
beforeAll(assertStrict);

/** A GitHub token with a valid checksum (base62 CRC32 of the 30 random characters), computed here independently. */
function githubToken(random30: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < random30.length; i++) {
    crc ^= random30.charCodeAt(i);
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  let value = (crc ^ 0xffffffff) >>> 0;
  let check = '';
  for (let i = 0; i < 6; i++) {
    check = ALPHANUMERIC[value % 62] + check;
    value = Math.floor(value / 62);
  }
  return `${['gh', 'p_'].join('')}${random30}${check}`;
}

const SECRETS = {
  github: githubToken(randomChars(ALPHANUMERIC, 30, 11)),
  stripe: `${['sk', '_live_'].join('')}${randomChars(ALPHANUMERIC, 28, 12)}`,
  aws: `${['AK', 'IA'].join('')}${randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 13)}`,
  google: `${['AI', 'za'].join('')}${randomChars(ALPHANUMERIC, 35, 14)}`,
  slack: `${['xo', 'xb-'].join('')}${randomChars('0123456789', 12, 15)}-${randomChars(ALPHANUMERIC, 24, 16)}`,
};

/** Every run of five characters of a secret: a message may show four at most. */
function leakedIn(message: string): string[] {
  const out: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (let i = 0; i + 5 <= secret.length; i++) {
      if (message.includes(secret.slice(i, i + 5))) {
        out.push(`${name} (${secret.slice(i, i + 5)})`);
        break;
      }
    }
  }
  return out;
}

/** Secrets pasted as names and into URLs, where no value scan looks, in each version's shape. */
function keyed(version: Version): Doc {
  const oas2 = version === '2.0';
  const { github, stripe, aws, google, slack } = SECRETS;
  const schema: Doc = { type: 'object', properties: { [google]: { type: 'string' }, [`${stripe}_count`]: { type: 'integer' } } };
  const body = oas2 ? { parameters: [{ name: 'body', in: 'body', schema }] } : { requestBody: { content: { 'application/json': { schema } } } };
  const schemes: Doc = oas2
    ? { [github]: { type: 'basic' }, oauth: { type: 'oauth2', flow: 'implicit', authorizationUrl: 'https://auth.acme-corp.com/authorize', scopes: { read: 'Read' } } }
    : { [github]: { type: 'http', scheme: 'basic' }, oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://auth.acme-corp.com/authorize', scopes: { read: 'Read' } } } } };
  const paths: Doc = {
    [`/v1/${stripe}/things/{id}`]: {
      get: {
        security: [{ [aws]: [] }, { oauth: [slack] }],
        parameters: [{ name: 'id', in: 'path', required: true, ...(oas2 ? { type: 'integer' } : { schema: { type: 'integer' } }) }],
        responses: { '200': response(version, 'OK', schema) },
        'x-api-security-exemptions': { [google]: '' },
      },
      post: {
        security: [{ [github]: [] }],
        ...body,
        responses: { '200': response(version) },
        ...(oas2 ? {} : { callbacks: { done: { [`http://hooks.acme-corp.com/${github}/done`]: { post: { responses: { '200': response(version) } } } } } }),
      },
    },
  };
  if (oas2) return base(version, { host: 'api.acme-corp.com', basePath: `/v1/${stripe}`, schemes: ['http'], securityDefinitions: schemes, paths });
  return base(version, {
    servers: [
      { url: `http://api.corp.net/v1/${stripe}/x` },
      { url: '{scheme}://api.corp.net/{key}', variables: { scheme: { default: 'http', enum: ['http', 'https'] }, key: { default: github } } },
      { url: `{proto}://api.corp.net/`, variables: { proto: { default: `http`, enum: ['https', `http`] } } },
    ],
    components: { securitySchemes: schemes, schemas: { [aws]: schema } },
    paths,
    ...(version === '3.1' ? { webhooks: { [`http://webhooks.acme-corp.com/${stripe}`]: { post: { responses: { '200': response(version) } } } } } : {}),
  });
}

describe.each(VERSIONS)('secrets in keys and URL paths (%s)', version => {
  it('no message shows more than four characters of any planted secret, and secret-leaked finds the ones pasted as keys', async () => {
    const results = ours(await lintText(JSON.stringify(keyed(version)), undefined, 'json'));
    const rules = new Set(results.map(r => String(r.code)));
    // The names are printed by many rules: the check covers them.
    for (const rule of ['auth-security-scheme-undefined', 'auth-oauth-scope-undefined', 'transport-plain-http', 'security-exemption-reason-missing', 'auth-scheme-weak']) expect(rules).toContain(rule);
    const leaks = results.flatMap(r => leakedIn(r.message).map(secret => `${r.code}: ${secret} in ${r.message}`));
    expect(leaks).toEqual([]);
    // Keys are scanned: the AWS and Google keys are written only as names (a security requirement, a
    // schema, properties, an exemption) and are found; each credential once, however many places hold it.
    const found = results.filter(r => r.code === 'secret-leaked').map(r => /\((.{4})…\)/.exec(r.message)?.[1]);
    expect(found.sort()).toEqual(['AIza', 'AKIA', 'ghp_', 'sk_l']);
  });
});

describe('the masking step', () => {
  it('masks every credential shape, even those secret-leaked judges made up (bad checksum, placeholder words)', () => {
    const madeUp = `${SECRETS.github.slice(0, -1)}${SECRETS.github.endsWith('A') ? 'B' : 'A'}`;
    const text = `a ${SECRETS.github} b ${madeUp} c ${SECRETS.stripe}/d e=${SECRETS.aws}&f http://u:${randomChars(ALPHANUMERIC, 14, 21)}@db.acme-corp.com`;
    expect(leakedIn(redactSecrets(text))).toEqual([]);
    expect(redactSecrets(text)).toContain('ghp_…');
    expect(redactSecrets('no secret in /v1/users/{id}')).toBe('no secret in /v1/users/{id}');
  });

  it('masks before it cuts, so a secret straddling the cap is not shown half', () => {
    const name = `${'n'.repeat(MAX_QUOTED_NAME - 10)}/${SECRETS.stripe}`;
    expect(leakedIn(quote(name))).toEqual([]);
    expect(quote('x'.repeat(10_000)).length).toBe(MAX_QUOTED_NAME + 3);
  });

  it('keeps `{{…}}` in a value out of Spectral\'s template engine, shown as written', () => {
    for (const text of ['"{{ version }}"', '#{{1+1}}', '{{{{x}}}}']) {
      const out = safeMessage(text);
      expect(out).not.toMatch(/\{\{/);
      expect(out.replace(/\u200B/g, '')).toBe(text);
    }
    expect(safeMessage('/users/{id}')).toBe('/users/{id}');
  });

  it('caps a message and its endless words', () => {
    expect(safeMessage(`word ${'y'.repeat(50_000)} end`).length).toBeLessThanOrEqual(MAX_MESSAGE + 1);
    expect(safeMessage('a '.repeat(10_000)).length).toBe(MAX_MESSAGE + 1);
  });
});

/** Names and values of 100,000 characters everywhere a rule quotes one. */
function longNames(version: Version): Doc {
  const oas2 = version === '2.0';
  const long = (label: string) => `${label}${'x'.repeat(100_000)}`;
  const schemes: Doc = oas2
    ? { [long('scheme')]: { type: 'basic' }, key: { type: 'apiKey', in: 'query', name: long('apikey') } }
    : { [long('scheme')]: { type: 'http', scheme: 'basic' }, key: { type: 'apiKey', in: 'query', name: 'k' }, oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `http://auth.acme-corp.com/${long('token')}`, scopes: {} } } } };
  const parameter = (name: string, where: string) => ({ name, in: where, ...(where === 'path' ? { required: true } : {}), ...(oas2 ? { type: 'integer' } : { schema: { type: 'integer' } }) });
  const path = `/items/{${long('id')}}/${long('segment')}`;
  const paths: Doc = {
    [path]: {
      get: {
        security: [{ [long('undefined')]: [] }, { oauth: [long('scope')] }],
        parameters: [parameter(long('id'), 'path'), parameter(`limit${'x'.repeat(100_000)}`, 'query'), parameter(`${long('email')}_email`, 'query')],
        responses: { '200': response(version, 'OK', { type: 'object', properties: { [`${long('p')}_password`]: { type: 'string' } } }) },
        'x-api-security-exemptions': { [long('rule')]: '' },
      },
      ...(oas2 ? {} : { post: { requestBody: { content: { [`application/octet-stream;${long('media')}`]: {} } }, responses: { '200': response(version) }, callbacks: { c: { [`http://hooks.acme-corp.com/${long('callback')}`]: { post: { responses: { '200': response(version) } } } } } } }),
    },
  };
  if (oas2) return base(version, { host: long('host'), schemes: ['http'], securityDefinitions: schemes, paths });
  return base(version, { servers: [{ url: `http://${long('server')}.acme-corp.com/` }, { url: '{s}://h.acme-corp.com', variables: { s: { default: `http`, enum: [long('value'), 'http'] } } }], components: { securitySchemes: schemes }, paths });
}

describe.each(VERSIONS)('message length (%s)', version => {
  it(`no message exceeds ${MAX_MESSAGE} characters, nor quotes a name of more than ${MAX_PATH_KEY} (path keys; names ${MAX_QUOTED_NAME}, URLs 100), when names and values are 100,000 characters long`, async () => {
    const results = ours(await lintText(JSON.stringify(longNames(version)), undefined, 'json'));
    expect(new Set(results.map(r => r.code)).size).toBeGreaterThanOrEqual(8);
    const tooLong = results.filter(r => r.message.length > MAX_MESSAGE + 1).map(r => `${r.code}: ${r.message.length}`);
    expect(tooLong).toEqual([]);
    // No run of the filler longer than the longest cap (a path key's).
    const filler = results.filter(r => r.message.includes('x'.repeat(MAX_PATH_KEY + 1))).map(r => `${r.code}: ${r.message.slice(0, 80)}`);
    expect(filler).toEqual([]);
  });
});

/** Document values that name Object.prototype members, where rules look values up in tables. */
function prototypeNames(version: Version): Doc {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
  const paths: Doc = { '/things': { get: { security: names.map(name => ({ [name]: [] })), responses: { '200': response(version) } } } };
  if (version === '2.0') {
    return base(version, { host: 'api.acme-corp.com', schemes: [...names, 'http'], securityDefinitions: { constructor: { type: 'basic' }, toString: { type: 'oauth2', flow: 'constructor', authorizationUrl: 'https://a.acme-corp.com', scopes: {} } }, paths });
  }
  return base(version, {
    servers: [...names.map(name => ({ url: `${name}://api.acme-corp.com` })), { url: '{s}://api.acme-corp.com', variables: { s: { default: 'constructor', enum: names } } }],
    components: { securitySchemes: { constructor: { type: 'http', scheme: 'constructor' }, valueOf: { type: 'http', scheme: '__proto__' }, toString: { type: 'oauth2', flows: { constructor: { tokenUrl: 'https://a.acme-corp.com', scopes: {} } } } } },
    paths,
  });
}

describe.each(VERSIONS)('document values that name Object.prototype members (%s)', version => {
  it.each([['the ruleset', undefined], ['the ungated ruleset', UNGATED]] as const)('%s: no message shows [object Object], a function or undefined', async (_label, rules) => {
    const { results } = await lintOrDirect(JSON.stringify(prototypeNames(version)), rules, 'json');
    const mine = results.filter(r => typeof r.message === 'string');
    expect(mine.length).toBeGreaterThan(0);
    const odd = mine.filter(r => /\[object Object\]|function Object|native code|undefined/.test(r.message)).map(r => `${r.code}: ${r.message}`);
    expect(odd).toEqual([]);
  });
});
