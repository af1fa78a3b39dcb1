import * as zlib from 'node:zlib';
import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { analyse, textPath, textValues } from '../../functions/analysis/index.js';
import { leakedSecrets } from '../../functions/index.js';
import { base, componentRef, lint, lintWith, VERSIONS, type Doc, type Version } from '../helpers.js';
import type { ApiSecurityOptions } from '../../index.js';
import { randomChars } from '../fixtures/random.js';

/**
 * secret-leaked, secret-high-entropy-value, secret-test-key (functions/secrets/leaked-secrets.ts,
 * functions/secrets/*, functions/analysis/text.ts). Every assertion lists the findings of all
 * three rules, so a case also proves the other two stay silent.
 *
 * Credentials are assembled at run time from pieces, so this file never contains a string a
 * secret scanner (or GitHub push protection) would take for a real credential.
 */
const LEAKED = 'secret-leaked';
const ENTROPY = 'secret-high-entropy-value';
const TEST_KEY = 'secret-test-key';
const RULES = [LEAKED, ENTROPY, TEST_KEY];

type Results = Awaited<ReturnType<typeof lint>>;

function ours(results: Results): string[] {
  return results.filter(r => RULES.includes(String(r.code))).map(r => `${r.code} ${r.path.join('.')}`).sort();
}

/** Findings of the three rules as "rule-id dotted.path", sorted. */
async function found(doc: Doc | string, options?: ApiSecurityOptions): Promise<string[]> {
  return ours(options ? await lintWith(options, doc) : await lint(doc));
}

// ------------------------------------------------------------------------------------------
// Credentials, built from pieces.

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** CRC-32 (IEEE), bit by bit: Node's zlib.crc32 where it exists (Node ≥ 20.15), else this independent loop. */
function crc32(text: string): number {
  const native = (zlib as { crc32?: (data: string) => number }).crc32;
  if (native) return native(text);
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'latin1')) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A token in GitHub's format with a valid checksum, computed independently of the code under test. */
function checksummed(prefix: string, random30: string): string {
  let value = crc32(random30);
  let digits = '';
  for (let i = 0; i < 6; i++) {
    digits = BASE62[value % 62] + digits;
    value = Math.floor(value / 62);
  }
  return `${prefix}_${random30}${digits}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PEM_BODY = Array.from({ length: 6 }, (_, i) => randomChars(B64, 64, 11 + i)).join('\n');
const pem = (label: string, body = PEM_BODY) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const PASSWORD = ['Zr8Kq2Wm', 'X4tPv9Lc'].join('');
const JWT_SIGNATURE = randomChars(`${BASE62}-_`, 43, 7);
const jwt = (header: object, payload: object, signature = JWT_SIGNATURE) => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;

const AWS_KEY = ['AKIA', 'ZQ3TX7GEWR5NPLBK'].join('');
const SECRETS = {
  aws: AWS_KEY,
  awsSession: ['ASIA', 'R5NPLBKZQ3TX7GEW'].join(''),
  githubClassic: checksummed('ghp', 'Vq3Xz8LmN2pR7sT4wY9bC6dF1gH5jK'),
  githubOAuth: checksummed('gho', 'Lm9Qw2Er7Ty4Ui8Op3As6Df1Gh5Jk0'),
  githubFineGrained: ['github_pat_', randomChars(BASE62, 22, 3), '_', randomChars(BASE62, 59, 4)].join(''),
  npm: checksummed('npm', 'Tq7Wm3Zx9Kp2Lr8Vb4Nc6Hd1Fg5Sj0'),
  slack: ['xox', 'b-2094850321-6410594783-', 'Wq8ZrT3kLm9NpXv2Bc7DfGh4'].join(''),
  stripeLive: ['sk_', 'live_', '51Mz', 'Q8bLk3R9vXw2Tn7PqYc4Hd6Fg1Jz0Rw'].join(''),
  stripeRestricted: ['rk_', 'live_', '51Mz', 'Tn7PqYc4Hd6Fg1Jz0RwQ8bLk3R9vXw2'].join(''),
  google: ['AIza', 'SyD4q9Xk2Lm7Nv3Bw8Rt5Yh1Jc6Pz0Qe-4_'].join(''),
  sendgrid: ['SG.', randomChars(`${BASE62}-_`, 22, 5), '.', randomChars(`${BASE62}-_`, 43, 6)].join(''),
  pem: pem('RSA PRIVATE KEY'),
  pemPkcs8: pem('PRIVATE KEY'),
  pemOpenSsh: pem('OPENSSH PRIVATE KEY'),
  jwt: jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'usr_8c41d2', scope: 'billing:write', iat: 1700000000 }),
  urlUserinfo: `postgres://billing:${PASSWORD}@db.acme-corp.com:5432/billing`,
  basic: `Basic ${Buffer.from(`svc-billing:${PASSWORD}`).toString('base64')}`,
};

/** [label, value, what the message calls it]. */
const DETECTORS: Array<[string, string, string]> = [
  ['an AWS access key id', SECRETS.aws, 'AWS access key id'],
  ['an AWS temporary (ASIA) access key id', SECRETS.awsSession, 'AWS access key id'],
  ['a classic GitHub token with a valid checksum', SECRETS.githubClassic, 'GitHub personal access token'],
  ['a GitHub OAuth token with a valid checksum', SECRETS.githubOAuth, 'GitHub OAuth access token'],
  ['a fine-grained GitHub token', SECRETS.githubFineGrained, 'GitHub fine-grained personal access token'],
  ['an npm token with a valid checksum', SECRETS.npm, 'npm access token'],
  ['a Slack bot token', SECRETS.slack, 'Slack token'],
  ['a Stripe live secret key', SECRETS.stripeLive, 'Stripe live secret key'],
  ['a Stripe live restricted key', SECRETS.stripeRestricted, 'Stripe live restricted key'],
  ['a Google API key', SECRETS.google, 'Google API key'],
  ['a SendGrid API key', SECRETS.sendgrid, 'SendGrid API key'],
  ['an RSA private key', SECRETS.pem, 'private key'],
  ['a PKCS#8 private key', SECRETS.pemPkcs8, 'private key'],
  ['an OpenSSH private key', SECRETS.pemOpenSsh, 'private key'],
  ['a private key written with \\n escapes', SECRETS.pem.replace(/\n/g, '\\n'), 'private key'],
  ['a signed JWT', SECRETS.jwt, 'signed JSON Web Token'],
  ['a password in a URL', SECRETS.urlUserinfo, 'password in the userinfo of a URL'],
  ['HTTP Basic credentials', SECRETS.basic, 'HTTP Basic credentials'],
];

// ------------------------------------------------------------------------------------------
// Documents.

const schemasPath = (version: Version) => (version === '2.0' ? 'definitions' : 'components.schemas');

/** A document with `schemas` as components (definitions in 2.0) and no operation. */
function withSchemas(version: Version, schemas: Doc, extra: Doc = {}): Doc {
  const components = version === '2.0' ? { definitions: schemas } : { components: { schemas } };
  return base(version, { paths: {}, ...components, ...extra });
}

/** A string property `name` with `keywords` (example, default, enum…) in a `Thing` schema. */
function property(version: Version, name: string, keywords: Doc): Doc {
  return withSchemas(version, { Thing: { type: 'object', properties: { [name]: { type: 'string', ...keywords } } } });
}

const at = (version: Version, ...below: string[]) => [schemasPath(version), 'Thing', 'properties', ...below].join('.');

// ------------------------------------------------------------------------------------------
describe.each(VERSIONS)('secret-leaked (%s)', version => {
  it.each(DETECTORS)('flags %s in an example, at the value', async (_label, secret) => {
    expect(await found(property(version, 'note', { example: secret }))).toEqual([`${LEAKED} ${at(version, 'note', 'example')}`]);
  });

  it.each(DETECTORS)('flags %s inside prose, and names it in the message', async (_label, secret, kind) => {
    const doc = base(version, { info: { title: 'T', version: '1', description: `Call it like this:\n\n    curl -H "X-Key: ${secret}" …\n\nThat is all.` }, paths: {} });
    const results = (await lint(doc)).filter(r => RULES.includes(String(r.code)));
    expect(results.map(r => `${r.code} ${r.path.join('.')}`)).toEqual([`${LEAKED} info.description`]);
    expect(results[0].message).toContain(kind);
    expect(results[0].severity).toBe(DiagnosticSeverity.Error);
  });

  it('scans every kind of position, including components no operation uses', async () => {
    const aws = SECRETS.aws;
    const url = `https://deploy:${PASSWORD}@api.acme-corp.com/v1`;
    const thing = {
      type: 'object',
      properties: {
        a: { type: 'string', example: aws },
        b: { type: 'string', default: aws },
        c: { type: 'string', enum: ['none', aws] },
        d: { type: 'string', const: aws },
        e: { type: 'string', description: `Defaults to ${aws}.` },
        f: { type: 'string', 'x-example': aws },
        g: { type: 'array', items: { type: 'string', example: aws } },
      },
      example: { nested: [{ deeper: { list: ['x', aws] } }] },
      externalDocs: { url },
    };
    const common = {
      info: { title: 'T', version: '1', description: `Key: ${aws}` },
      'x-deploy': { credentials: { key: aws }, hosts: ['a', aws] },
      tags: [{ name: 't', description: aws, externalDocs: { url } }],
      externalDocs: { url },
    };
    if (version === '2.0') {
      const doc = base(version, {
        ...common,
        securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key', description: aws } },
        paths: {
          '/a': {
            get: {
              description: aws,
              parameters: [{ name: 'q', in: 'query', type: 'string', 'x-example': aws, default: aws }],
              responses: { '200': { description: 'OK', examples: { 'application/json': { nested: [{ key: aws }] } }, headers: { 'X-H': { type: 'string', default: aws } } } },
              'x-code-samples': [{ lang: 'shell', source: `curl -u ${aws}` }],
            },
          },
        },
        definitions: { Thing: thing },
      });
      expect(await found(doc)).toEqual([
        'definitions.Thing.example.nested.0.deeper.list.1',
        'definitions.Thing.externalDocs.url',
        'definitions.Thing.properties.a.example',
        'definitions.Thing.properties.b.default',
        'definitions.Thing.properties.c.enum.1',
        'definitions.Thing.properties.d.const',
        'definitions.Thing.properties.e.description',
        'definitions.Thing.properties.f.x-example',
        'definitions.Thing.properties.g.items.example',
        'externalDocs.url',
        'info.description',
        'paths./a.get.description',
        'paths./a.get.parameters.0.default',
        'paths./a.get.parameters.0.x-example',
        'paths./a.get.responses.200.examples.application/json.nested.0.key',
        'paths./a.get.responses.200.headers.X-H.default',
        'paths./a.get.x-code-samples.0.source',
        'securityDefinitions.key.description',
        'tags.0.description',
        'tags.0.externalDocs.url',
        'x-deploy.credentials.key',
        'x-deploy.hosts.1',
      ].map(p => `${LEAKED} ${p}`).sort());
      return;
    }
    const doc = base(version, {
      ...common,
      servers: [{ url, description: aws, variables: { key: { default: aws, enum: [aws, 'none'] } } }],
      paths: {
        '/a': {
          servers: [{ url }],
          get: {
            description: aws,
            parameters: [{ name: 'q', in: 'query', example: aws, schema: { type: 'string', default: aws } }],
            responses: {
              '200': {
                description: 'OK',
                headers: { 'X-H': { schema: { type: 'string' }, example: aws } },
                content: { 'application/json': { examples: { ok: { summary: aws, value: { nested: [{ key: aws }] } } } } },
                links: { next: { operationId: 'x', server: { url } } },
              },
            },
            'x-code-samples': [{ lang: 'shell', source: `curl -u ${aws}` }],
          },
        },
      },
      components: {
        schemas: { Thing: thing, Other: { type: 'string', examples: ['fine', aws] } },
        examples: { Stored: { value: aws }, Remote: { externalValue: url } },
        securitySchemes: {
          key: { type: 'apiKey', in: 'header', name: 'X-Key', description: aws },
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `https://svc:${PASSWORD}@auth.acme-corp.com/token`, scopes: {} } } },
        },
      },
    });
    expect(await found(doc)).toEqual([
      'components.examples.Remote.externalValue',
      'components.examples.Stored.value',
      'components.schemas.Other.examples.1',
      'components.schemas.Thing.example.nested.0.deeper.list.1',
      'components.schemas.Thing.externalDocs.url',
      'components.schemas.Thing.properties.a.example',
      'components.schemas.Thing.properties.b.default',
      'components.schemas.Thing.properties.c.enum.1',
      'components.schemas.Thing.properties.d.const',
      'components.schemas.Thing.properties.e.description',
      'components.schemas.Thing.properties.f.x-example',
      'components.schemas.Thing.properties.g.items.example',
      'components.securitySchemes.key.description',
      'components.securitySchemes.oauth.flows.clientCredentials.tokenUrl',
      'externalDocs.url',
      'info.description',
      'paths./a.get.description',
      'paths./a.get.parameters.0.example',
      'paths./a.get.parameters.0.schema.default',
      'paths./a.get.responses.200.content.application/json.examples.ok.summary',
      'paths./a.get.responses.200.content.application/json.examples.ok.value.nested.0.key',
      'paths./a.get.responses.200.headers.X-H.example',
      'paths./a.get.responses.200.links.next.server.url',
      'paths./a.get.x-code-samples.0.source',
      'paths./a.servers.0.url',
      'servers.0.description',
      'servers.0.url',
      'servers.0.variables.key.default',
      'servers.0.variables.key.enum.0',
      'tags.0.description',
      'tags.0.externalDocs.url',
      'x-deploy.credentials.key',
      'x-deploy.hosts.1',
    ].map(p => `${LEAKED} ${p}`).sort());
  });

  it('reports a value written once in a component once, however many operations use it, at the component', async () => {
    const ref = { $ref: componentRef(version, 'schemas', 'Thing') };
    const response = version === '2.0' ? { description: 'OK', schema: ref } : { description: 'OK', content: { 'application/json': { schema: ref } } };
    const doc = base(version, {
      paths: { '/a': { get: { responses: { '200': response } } }, '/b': { get: { responses: { '200': response } }, delete: { responses: { '200': response } } } },
      ...(version === '2.0' ? { definitions: { Thing: { type: 'object', example: { key: SECRETS.slack } } } } : { components: { schemas: { Thing: { type: 'object', example: { key: SECRETS.slack } } } } }),
    });
    expect(await found(doc)).toEqual([`${LEAKED} ${schemasPath(version)}.Thing.example.key`]);
  });

  it('scans allOf, oneOf, anyOf and not branches, and additionalProperties', async () => {
    const doc = withSchemas(version, {
      Thing: {
        allOf: [{ $ref: componentRef(version, 'schemas', 'Base') }, { properties: { a: { example: SECRETS.google } } }],
        oneOf: [{ properties: { b: { example: SECRETS.google } } }],
        anyOf: [{ properties: { c: { default: SECRETS.google } } }],
        not: { enum: [SECRETS.google] },
        additionalProperties: { example: SECRETS.google },
      },
      Base: { properties: { d: { example: SECRETS.google } } },
    });
    const s = schemasPath(version);
    expect(await found(doc)).toEqual([
      `${s}.Base.properties.d.example`,
      `${s}.Thing.additionalProperties.example`,
      `${s}.Thing.allOf.1.properties.a.example`,
      `${s}.Thing.anyOf.0.properties.c.default`,
      `${s}.Thing.not.enum.0`,
      `${s}.Thing.oneOf.0.properties.b.example`,
    ].map(p => `${LEAKED} ${p}`));
  });

  it('reports two different secrets in one string twice, at the same path', async () => {
    const results = (await lint(property(version, 'note', { description: `${SECRETS.aws} and ${SECRETS.stripeLive}` }))).filter(r => r.code === LEAKED);
    expect(results.map(r => r.path.join('.'))).toEqual([at(version, 'note', 'description'), at(version, 'note', 'description')]);
    expect(results.map(r => r.message.split(' (')[0]).sort()).toEqual(['A Stripe live secret key', 'An AWS access key id']);
  });

  it('reads keys (a credential pasted as a name is published too), but not $refs, patterns, formats or required lists', async () => {
    const doc = withSchemas(version, {
      [SECRETS.aws]: { type: 'string' },
      Thing: { type: 'object', properties: { [SECRETS.aws]: { type: 'string', pattern: SECRETS.aws, format: SECRETS.aws, title: SECRETS.aws } }, required: [SECRETS.aws] },
    });
    const schemas = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(await found(doc)).toEqual([`${LEAKED} ${schemas}.${SECRETS.aws}`, `${LEAKED} ${schemas}.Thing.properties.${SECRETS.aws}`]);
  });

  it('leaves ordinary long keys alone', async () => {
    const doc = withSchemas(version, {
      CustomerBankAccountVerification: { type: 'object', properties: { AKIAIOSFODNN7EXAMPLE_count: { type: 'integer' }, 'user:name@example.com': { type: 'string' }, verificationAttemptsRemaining: { type: 'integer' } } },
    });
    expect(await found(doc)).toEqual([]);
  });

  /** [label, value, also left alone under a secret name such as `api_key`]. */
  const LOOK_ALIKES: Array<[string, string, boolean]> = [
    ['Bearer <token>', 'Bearer <token>', true],
    ['a JWT-shaped string whose payload is not JSON', `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub": broken')}.${JWT_SIGNATURE}`, true],
    ['a JWT-shaped string whose header is not JSON', `${b64url('{alg: HS256}')}.${b64url('{"sub":"usr_8c41d2"}')}.${JWT_SIGNATURE}`, false],
    ['an unsigned JWT (alg none)', jwt({ alg: 'none' }, { sub: 'usr_8c41d2' }, ''), true],
    ['a JWT with a placeholder signature', jwt({ alg: 'HS256' }, { sub: 'usr_8c41d2' }, 'signature-goes-here-xxxxxxxxxxxxxxx'), true],
    ["jwt.io's default token", jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', iat: 1516239022 }, 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'), true],
    ["AWS's documented example key id", ['AKIA', 'IOSFODNN7EXAMPLE'].join(''), true],
    ['an AWS-shaped id with sequential characters', ['AKIA', 'ABCDEFGHIJKLMNOP'].join(''), true],
    ['an AWS-shaped id of repeated characters', ['AKIA', 'AAAAAAAAAAAAAAAA'].join(''), true],
    ["GitHub's documentation token (its checksum does not match)", ['ghu_', '16C7e42F292c6912E7710c838347Ae178B4a'].join(''), true],
    ['a GitHub-shaped token with a wrong checksum', `${SECRETS.githubClassic.slice(0, -1)}${SECRETS.githubClassic.endsWith('A') ? 'B' : 'A'}`, true],
    ['a masked Stripe key', ['sk_', 'live_', 'xxxxxxxxxxxxxxxxxxxxxxxx'].join(''), true],
    ['a Stripe key placeholder', ['sk_', 'live_', 'YOUR_SECRET_KEY_HERE_123'].join(''), true],
    ['a Slack token placeholder', ['xox', 'b-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx'].join(''), true],
    ['an elided private key', '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg...\\n-----END PRIVATE KEY-----', true],
    ['a private key made of filler', pem('RSA PRIVATE KEY', 'A'.repeat(64)), true],
    ['a public key', pem('PUBLIC KEY'), true],
    ['a certificate', pem('CERTIFICATE'), true],
    ['https://user:<password>@host', 'https://user:<password>@api.acme-corp.com', true],
    ['https://user:{password}@host', 'https://user:{password}@api.acme-corp.com', true],
    ['https://user:${PASSWORD}@host', 'https://user:${PASSWORD}@api.acme-corp.com', true],
    ['a percent-encoded <password>', 'https://user:%3Cpassword%3E@api.acme-corp.com', true],
    ['https://user:password@host', 'https://user:password@api.acme-corp.com', true],
    ['https://admin:admin@host', 'https://admin:admin@api.acme-corp.com', true],
    ['https://user:****@host', 'https://user:****@api.acme-corp.com', true],
    ['credentials for a documentation host (example.com)', `https://billing:${PASSWORD}@db.example.com`, true],
    ['credentials for loopback', `postgres://billing:${PASSWORD}@localhost:5432/db`, true],
    ['https://api.example.com', 'https://api.example.com', true],
    ['a URL with a port and an @ in the path', 'https://api.acme-corp.com:8443/users/@me', true],
    ['an e-mail address', 'billing:ops@acme-corp.com', true],
    ['Basic <credentials>', 'Basic <credentials>', true],
    ['Basic of username:password', `Basic ${Buffer.from('username:password').toString('base64')}`, true],
    ['a UUID', '3f2b8c1e-9d4a-4f7b-8e2c-1a5d6b7c8e9f', true],
    ['a SHA-256 hash', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', false],
    ['a Stripe publishable key', ['pk_', 'live_', '51MzQ8bLk3R9vXw2Tn7PqYc4Hd6Fg1Jz0Rw'].join(''), true],
    ['a Twilio API key SID (an identifier)', ['SK', '2a5f9c3e7b1d4f6a8c0e2b4d6f8a1c3e'].join(''), true],
  ];

  it.each(LOOK_ALIKES)('does not flag %s, in prose or as an example', async (_label, value, underSecretName) => {
    const properties: Doc = { note: { type: 'string', example: value, default: value, enum: [value] } };
    if (underSecretName) properties.api_key = { type: 'string', example: value };
    const doc = withSchemas(version, { Thing: { type: 'object', description: `Example: ${value}`, properties } });
    expect(await found(doc)).toEqual([]);
  });

  it('a hash or an unknown dotted value under a secret name is left to secret-high-entropy-value', async () => {
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(await found(property(version, 'api_key', { example: hash }))).toEqual([`${ENTROPY} ${at(version, 'api_key', 'example')}`]);
  });

  it('flags a secret that sits beside a placeholder in the same string', async () => {
    expect(await found(property(version, 'note', { description: `Send \`Bearer <token>\`, e.g. Bearer ${SECRETS.jwt}` }))).toEqual([`${LEAKED} ${at(version, 'note', 'description')}`]);
  });

  it('never shows more than four characters of a secret in a message', async () => {
    const all = Object.values(SECRETS);
    const doc = withSchemas(version, {
      Thing: { type: 'object', properties: Object.fromEntries(all.map((secret, i) => [`p${i}`, { type: 'string', example: secret }])) },
      Secrets: { type: 'object', properties: { client_secret: { type: 'string', example: 'q7Vt2XkP9mZr4WbN8cLd3HsJ' }, test: { type: 'string', example: ['sk_', 'test_', 'Zr8Kq2WmX4tPv9LcQ7Vt2XkP'].join('') } } },
    });
    const results = (await lint(doc)).filter(r => RULES.includes(String(r.code)));
    expect(results.length).toBe(all.length + 2);
    const credentials = [...all, PASSWORD, 'q7Vt2XkP9mZr4WbN8cLd3HsJ', 'Zr8Kq2WmX4tPv9LcQ7Vt2XkP', SECRETS.basic.slice(6), PEM_BODY.slice(0, 64)];
    for (const { message } of results) {
      expect(message).toMatch(/\(.{0,4}…\)/);
      expect(message).toMatch(/rotate|roll/);
      expect(message).toMatch(/placeholder/);
      for (const secret of credentials) {
        // No five consecutive characters of any secret's random part appear in a message.
        for (let i = 4; i + 5 <= secret.length; i++) expect(message.includes(secret.slice(i, i + 5)), `${message} shows part of ${secret}`).toBe(false);
      }
    }
  });

  it('shows at most a quarter of a short password', async () => {
    const results = (await lint(property(version, 'note', { example: 'https://u:Xk9q2Lm7@api.acme-corp.com' }))).filter(r => r.code === LEAKED);
    expect(results.map(r => r.message.slice(0, r.message.indexOf(')') + 1))).toEqual(['A password in the userinfo of a URL (Xk…)']);
  });
});

// ------------------------------------------------------------------------------------------
describe.each(VERSIONS)('exemptions (%s)', version => {
  const secret = SECRETS.stripeLive;
  function doc(exemptions: { root?: boolean; item?: boolean; operation?: boolean; schema?: boolean; scheme?: boolean }): Doc {
    const mark = (on: boolean | undefined) => (on ? { 'x-api-security-exemptions': { [LEAKED]: 'Revoked sandbox key kept for the tutorial.' } } : {});
    const ref = { $ref: componentRef(version, 'schemas', 'Thing') };
    const parameter = version === '2.0' ? { name: 'q', in: 'query', type: 'string', 'x-example': secret } : { name: 'q', in: 'query', schema: { type: 'string' }, example: secret };
    const response = version === '2.0' ? { description: 'OK', schema: ref } : { description: 'OK', content: { 'application/json': { schema: ref } } };
    const thing = { type: 'object', example: { key: secret }, ...mark(exemptions.schema) };
    const scheme = { type: 'apiKey', in: 'header', name: 'X-Key', description: `e.g. ${secret}`, ...mark(exemptions.scheme) };
    return base(version, {
      ...mark(exemptions.root),
      paths: {
        '/a': {
          ...mark(exemptions.item),
          description: secret,
          parameters: [parameter],
          get: { description: secret, responses: { '200': response }, ...mark(exemptions.operation) },
        },
      },
      ...(version === '2.0' ? { definitions: { Thing: thing }, securityDefinitions: { key: scheme } } : { components: { schemas: { Thing: thing }, securitySchemes: { key: scheme } } }),
    });
  }
  const s = schemasPath(version);
  const scheme = version === '2.0' ? 'securityDefinitions.key.description' : 'components.securitySchemes.key.description';
  const parameterExample = version === '2.0' ? 'paths./a.parameters.0.x-example' : 'paths./a.parameters.0.example';
  const everything = [`${s}.Thing.example.key`, scheme, 'paths./a.description', 'paths./a.get.description', parameterExample].map(p => `${LEAKED} ${p}`).sort();

  it('reports every place without exemptions', async () => {
    expect(await found(doc({}))).toEqual(everything);
  });

  it('a root exemption silences everything', async () => {
    expect(await found(doc({ root: true }))).toEqual([]);
  });

  it('an operation exemption silences what is written in the operation, not the component it uses', async () => {
    expect(await found(doc({ operation: true }))).toEqual(everything.filter(f => !f.endsWith('paths./a.get.description')));
  });

  it('a path item exemption silences the path item and its operations', async () => {
    expect(await found(doc({ item: true }))).toEqual([`${LEAKED} ${s}.Thing.example.key`, `${LEAKED} ${scheme}`]);
  });

  it('an exemption on a schema or a security scheme silences what is written in it', async () => {
    expect(await found(doc({ schema: true, scheme: true }))).toEqual(everything.filter(f => !f.includes('Thing') && !f.endsWith(scheme)));
  });

  it('an exemption from another rule exempts nothing', async () => {
    const other = doc({});
    (other as Record<string, unknown>)['x-api-security-exemptions'] = { [ENTROPY]: 'Not this rule.' };
    expect(await found(other)).toEqual(everything);
  });
});

// ------------------------------------------------------------------------------------------
describe.each(VERSIONS)('secret-high-entropy-value (%s)', version => {
  const VALUE = 'q7Vt2XkP9mZr4WbN8cLd3HsJ';

  it.each(['password', 'client_secret', 'clientSecret', 'api_key', 'X-API-Key', 'apiKey', 'private_key', 'db_password', 'webhook_secret', 'access_token', 'refresh_token', 'secret_access_key'])(
    'flags a generated-looking example of "%s", with warn severity',
    async name => {
      const results = (await lint(property(version, name, { example: VALUE }))).filter(r => RULES.includes(String(r.code)));
      expect(results.map(r => `${r.code} ${r.path.join('.')}`)).toEqual([`${ENTROPY} ${at(version, name, 'example')}`]);
      expect(results[0].severity).toBe(DiagnosticSeverity.Warning);
      expect(results[0].message).toContain(`"${name}"`);
    },
  );

  it('reads the name from the property, the parameter, the header, the server variable, or the key of an example object', async () => {
    const common = { 'x-config': { auth: { client_secret: VALUE } } };
    if (version === '2.0') {
      const doc = base(version, {
        ...common,
        paths: {
          '/a': {
            post: {
              parameters: [
                { name: 'api_key', in: 'header', type: 'string', 'x-example': VALUE, default: VALUE },
                { name: 'body', in: 'body', schema: { type: 'object', example: { password: VALUE, user: { password: VALUE }, keys: [{ secret: VALUE }] } } },
              ],
              responses: { '200': { description: 'OK', headers: { 'X-Session-Token': { type: 'string', default: VALUE } }, examples: { 'application/json': { access_token: VALUE } } } },
            },
          },
        },
        definitions: { Creds: { type: 'object', properties: { password: { type: 'string', enum: [VALUE] } } } },
      });
      expect(await found(doc)).toEqual([
        'definitions.Creds.properties.password.enum.0',
        'paths./a.post.parameters.0.default',
        'paths./a.post.parameters.0.x-example',
        'paths./a.post.parameters.1.schema.example.keys.0.secret',
        'paths./a.post.parameters.1.schema.example.password',
        'paths./a.post.parameters.1.schema.example.user.password',
        'paths./a.post.responses.200.examples.application/json.access_token',
        'paths./a.post.responses.200.headers.X-Session-Token.default',
        'x-config.auth.client_secret',
      ].map(p => `${ENTROPY} ${p}`));
      return;
    }
    const doc = base(version, {
      ...common,
      servers: [{ url: 'https://{region}.acme-corp.com', variables: { region: { default: 'eu' }, api_key: { default: VALUE } } }],
      paths: {
        '/a': {
          post: {
            parameters: [
              { name: 'api_key', in: 'header', schema: { type: 'string', default: VALUE }, example: VALUE, examples: { one: { value: VALUE } } },
              { name: 'X-Api-Key', in: 'header', content: { 'text/plain': { schema: { type: 'string' }, example: VALUE } } },
            ],
            requestBody: { content: { 'application/json': { schema: { type: 'object' }, example: { password: VALUE, user: { password: VALUE }, keys: [{ secret: VALUE }] } } } },
            responses: { '200': { description: 'OK', headers: { 'X-Session-Token': { schema: { type: 'string', example: VALUE } } } } },
          },
        },
      },
      components: { schemas: { Creds: { type: 'object', properties: { password: { type: 'string', enum: [VALUE] } } } }, examples: { Login: { value: { refresh_token: VALUE } } } },
    });
    expect(await found(doc)).toEqual([
      'components.examples.Login.value.refresh_token',
      'components.schemas.Creds.properties.password.enum.0',
      'paths./a.post.parameters.0.example',
      'paths./a.post.parameters.0.examples.one.value',
      'paths./a.post.parameters.0.schema.default',
      'paths./a.post.parameters.1.content.text/plain.example',
      'paths./a.post.requestBody.content.application/json.example.keys.0.secret',
      'paths./a.post.requestBody.content.application/json.example.password',
      'paths./a.post.requestBody.content.application/json.example.user.password',
      'paths./a.post.responses.200.headers.X-Session-Token.schema.example',
      'servers.0.variables.api_key.default',
      'x-config.auth.client_secret',
    ].map(p => `${ENTROPY} ${p}`));
  });

  const NOT_SECRETS: Array<[string, string, string]> = [
    ['a short human-chosen password', 'password', 'secret123'],
    ['a short strong-looking password', 'password', 'Tr0ub4dor&3'],
    ['a sample password with a placeholder word', 'password', 'MyS3cur3Passw0rd!2024'],
    ['a passphrase of words', 'passphrase', 'correct horse battery staple'],
    ['one letter case only, however long', 'password', 'correcthorsebatterystaple'],
    ['repeated characters', 'client_secret', 'aaaaaaaaaaaaaaaaaaaaaaaa'],
    ['low-entropy filler', 'client_secret', 'abababab12121212abab1212'],
    ['a sequential value', 'api_key', 'abcdefghijklmnop1234567890'],
    ['a placeholder', 'api_key', 'YOUR_API_KEY'],
    ['a dashed placeholder', 'api_key', 'your-api-key-goes-here'],
    ['a template', 'api_key', '${API_KEY}'],
    ['a masked value', 'client_secret', 'sk_****************************'],
    ['Swagger UI\'s "string"', 'password', 'string'],
    ['changeme', 'password', 'changeme'],
    ['an ellipsis', 'client_secret', 'q7Vt2XkP9mZr...'],
    ['a UUID', 'api_key', '3f2b8c1e-9d4a-4f7b-8e2c-1a5d6b7c8e9f'],
    ['a short hex value', 'api_key', '9f86d081884c7d65'],
    ['a URL', 'client_secret', 'https://vault.acme-corp.com/v1/secret/data/billing'],
    ['a date', 'password', '2024-05-01T10:00:00Z'],
  ];

  it.each(NOT_SECRETS)('does not flag %s', async (_label, name, value) => {
    expect(await found(property(version, name, { example: value }))).toEqual([]);
  });

  it.each([
    ['page_token', VALUE], ['next_token', VALUE], ['token', VALUE], ['temp_clone_token', VALUE], ['etag', 'W/"e3b0c44298fc1c149afbf4c8996fb92427ae41e4"'],
    ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'], ['hashed_token', 'e3b0c44298fc1c149afbf4c8996fb924'],
    ['hashed_secret', 'e3b0c44298fc1c149afbf4c8996fb924'], ['password_hash', '$2b$12$KIXQJ4aN0b1eLq3o7qTQ8uV9gP0rS2tU4vW6xY8zA0bC2dE4fG6hi'],
    ['public_key', VALUE], ['id', VALUE], ['secretary', VALUE], ['keyboard', VALUE], ['description', VALUE],
  ])('does not flag a generated-looking value of the non-secret name "%s"', async (name, value) => {
    expect(await found(property(version, name, { example: value }))).toEqual([]);
  });

  it('does not judge free text or URLs by name', async () => {
    expect(await found(property(version, 'client_secret', { description: VALUE }))).toEqual([]);
  });

  it('leaves a value with a recognised format to secret-leaked, once', async () => {
    expect(await found(property(version, 'api_key', { example: SECRETS.stripeLive }))).toEqual([`${LEAKED} ${at(version, 'api_key', 'example')}`]);
    expect(await found(property(version, 'api_key', { example: ['AKIA', 'IOSFODNN7EXAMPLE'].join('') }))).toEqual([]);
    expect(await found(property(version, 'access_token', { example: ['ghu_', '16C7e42F292c6912E7710c838347Ae178B4a'].join('') }))).toEqual([]);
  });

  it('secretNames adds and removes names; secretPlaceholders adds placeholders', async () => {
    const doc = withSchemas(version, { Thing: { type: 'object', properties: { pin_code: { example: VALUE }, password: { example: VALUE }, token: { example: VALUE } } } });
    expect(await found(doc)).toEqual([`${ENTROPY} ${at(version, 'password', 'example')}`]);
    expect(await found(doc, { secretNames: { add: ['pin_code', 'token'], remove: ['password'] } })).toEqual([
      `${ENTROPY} ${at(version, 'pin_code', 'example')}`,
      `${ENTROPY} ${at(version, 'token', 'example')}`,
    ]);
    expect(await found(doc, { secretPlaceholders: { add: ['q7Vt'] } })).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------
describe.each(VERSIONS)('secret-test-key (%s)', version => {
  const testKey = ['sk_', 'test_', '51MzQ8bLk3R9vXw2Tn7PqYc4'].join('');
  const restrictedTestKey = ['rk_', 'test_', '51MzTn7PqYc4Hd6Fg1Jz0RwQ'].join('');

  it('flags Stripe test-mode secret and restricted keys as hints, and only as hints', async () => {
    const results = (await lint(withSchemas(version, { Thing: { type: 'object', properties: { api_key: { example: testKey }, note: { description: `Use ${restrictedTestKey}` } } } }))).filter(r =>
      RULES.includes(String(r.code)),
    );
    expect(results.map(r => `${r.code} ${r.path.join('.')}`).sort()).toEqual([
      `${TEST_KEY} ${at(version, 'api_key', 'example')}`,
      `${TEST_KEY} ${at(version, 'note', 'description')}`,
    ]);
    expect(results.map(r => r.severity)).toEqual([DiagnosticSeverity.Hint, DiagnosticSeverity.Hint]);
    expect(results.map(r => r.message.split(' (')[0]).sort()).toEqual(['A Stripe test-mode restricted key', 'A Stripe test-mode secret key']);
  });

  it("does not flag Stripe's own documentation key or test-key placeholders", async () => {
    const doc = property(version, 'note', { enum: [['sk_', 'test_', '4eC39HqLyjWDarjtT1zdp7dc'].join(''), ['sk_', 'test_', 'your_test_key_here_12345'].join(''), ['sk_', 'test_', '<key>'].join('')] });
    expect(await found(doc)).toEqual([]);
  });

  it('is exempted on its own id', async () => {
    const doc = withSchemas(version, { Thing: { type: 'object', properties: { api_key: { example: testKey } } } }, { 'x-api-security-exemptions': { [TEST_KEY]: 'Stripe test key of a sandbox account, published on purpose.' } });
    expect(await found(doc)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------
describe('the text walk', () => {
  it('collects values with their paths and the names they belong to', () => {
    const doc = base('3.1', {
      paths: {},
      components: { schemas: { S: { properties: { api_key: { example: { nested: ['aaaaaaaa'], short: 'a' }, default: 'bbbbbbbb' } } } } },
      'x-tool': { password: 'cccccccc' },
    });
    const values = textValues(analyse(doc)).filter(v => v.kind !== 'key').map(v => [textPath(v).join('.'), v.kind, v.key ?? null]);
    // Strings shorter than 8 characters cannot be a known credential and are not kept.
    expect(values).toEqual([
      ['components.schemas.S.properties.api_key.default', 'default', 'api_key'],
      ['components.schemas.S.properties.api_key.example.nested.0', 'example', 'nested'],
      ['x-tool.password', 'extension', 'password'],
    ]);
  });

  it('collects keys as long as the shortest credential, or holding an @, wherever they are written', () => {
    const doc = base('3.1', {
      paths: { '/accounts/{accountId}/bankAccounts': { get: { security: [{ longRequirementName: [] }], responses: {} } } },
      components: { schemas: { S: { properties: { shortName: {}, 'a://b:secret@h.io': {}, verificationAttempts: { example: { nestedLongKeyName: 1 } } } } } },
    });
    const keys = textValues(analyse(doc)).filter(v => v.kind === 'key').map(v => textPath(v).join('.'));
    expect(keys).toEqual([
      'paths./accounts/{accountId}/bankAccounts',
      'paths./accounts/{accountId}/bankAccounts.get.security.0.longRequirementName',
      'components.schemas.S.properties.verificationAttempts',
      'components.schemas.S.properties.a://b:secret@h.io',
      'components.schemas.S.properties.verificationAttempts.example.nestedLongKeyName',
    ]);
  });
});

describe('hostile input', () => {
  function deep(levels: number, leaf: unknown): unknown {
    let node: unknown = leaf;
    for (let i = 0; i < levels; i++) node = { [`k${i % 7}`]: node };
    return node;
  }

  it('a 1 MB description, a 100,000-item enum and long token-like runs: no throw, done in seconds', async () => {
    const doc = base('3.1', {
      info: { title: 'T', version: '1', description: `${'a'.repeat(1_000_000)} ${SECRETS.aws}` },
      paths: {},
      components: {
        schemas: {
          Big: { type: 'string', enum: Array.from({ length: 100_000 }, (_, i) => `value-${i}`).concat([SECRETS.google]) },
          Huge: { type: 'string', description: `${'eyJ'.repeat(200_000)}.${'x'.repeat(100_000)}` },
          Tokens: { type: 'string', description: `${'AKIA'.repeat(100_000)} ${'postgres://u:'.repeat(20_000)} ${'-----BEGIN PRIVATE KEY-----'.repeat(5_000)}` },
        },
      },
    });
    const started = Date.now();
    const results = await found(JSON.stringify(doc));
    expect(Date.now() - started).toBeLessThan(5_000);
    // The AWS key 1 MB into the description is found: values are scanned whole.
    expect(results).toEqual([`${LEAKED} components.schemas.Big.enum.100000`, `${LEAKED} info.description`]);
  });

  it('a 5,000-deep example object is walked without recursion', () => {
    const doc = base('3.1', { paths: {}, components: { schemas: { Deep: { type: 'object', example: deep(5_000, SECRETS.slack) } } } });
    const started = Date.now();
    const values = textValues(analyse(doc)).filter(v => v.kind !== 'key');
    expect(values).toHaveLength(1); // titles are not collected: the deep leaf is the only value
    expect(textPath(values[values.length - 1])).toHaveLength(5_000 + 4);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('the rule function reports the 5,000-deep secret and never throws on malformed input', () => {
    const run = (data: unknown) =>
      (leakedSecrets as unknown as (t: unknown, o: unknown, c: unknown) => Array<{ path: unknown[] }>)(data, { check: 'leaked' }, { document: { data }, path: [], rule: { name: LEAKED } });
    const doc = base('3.1', { paths: {}, components: { schemas: { Deep: { type: 'object', example: deep(5_000, SECRETS.slack) } } } });
    expect(run(doc).map(r => r.path.length)).toEqual([5_004]);
    const cyclic: Record<string, unknown> = { openapi: '3.1.0', paths: {} };
    cyclic.components = { schemas: { Loop: cyclic, list: [cyclic] } };
    cyclic['x-self'] = cyclic;
    for (const data of [null, 42, 'text', [], { openapi: 3 }, { paths: [] }, { components: 'x' }, { examples: 5 }, cyclic]) expect(() => run(data)).not.toThrow();
  });
});
