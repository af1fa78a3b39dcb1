import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, componentRef, lint, testRule, VERSIONS, type Doc } from '../helpers.js';
import { b64url, BASE62, ENTROPY, fresh, freshAwsKeys, freshPasswords, JWT_SIGNATURE, jwt, LEAKED, PASSWORD, pem, PEM_BODY, property, schemasPath, SECRET_RULES, secretFindings, SECRETS, thingAt, thingPath, withSchemas } from '../fixtures/secrets.js';

testRule(LEAKED, VERSIONS.flatMap(version => [
  {
    name: `${version}: an AWS access key id in an example, at the value`,
    document: property(version, 'note', { example: SECRETS.aws }),
    errors: [
      {
        path: thingPath(version, 'note', 'example'),
        severity: DiagnosticSeverity.Error,
        message: 'An AWS access key id (AKIA…) is published in this API description: rotate the credential, since everyone who has read the description can use it, and replace it with a placeholder such as "<token>".',
      },
    ],
  },
  {
    name: `${version}: a signed JWT inside prose, at the description`,
    document: base(version, { info: { title: 'T', version: '1', description: `Send \`Bearer ${SECRETS.jwt}\`.` }, paths: {} }),
    errors: [{ path: ['info', 'description'], severity: DiagnosticSeverity.Error, message: expect.stringContaining('signed JSON Web Token') }],
  },
  {
    name: `${version}: not AWS's documented example key, a placeholder, nor a UUID`,
    document: property(version, 'note', { example: ['AKIA', 'IOSFODNN7EXAMPLE'].join(''), default: 'Bearer <token>', enum: ['3f2b8c1e-9d4a-4f7b-8e2c-1a5d6b7c8e9f'] }),
    errors: [],
  },
]));

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

describe.each(VERSIONS)('secret-leaked (%s)', version => {
  it.each(DETECTORS)('flags %s in an example, at the value', async (_label, secret) => {
    expect(await secretFindings(property(version, 'note', { example: secret }))).toEqual([`${LEAKED} ${thingAt(version, 'note', 'example')}`]);
  });

  it.each(DETECTORS)('flags %s inside prose, and names it in the message', async (_label, secret, kind) => {
    const doc = base(version, { info: { title: 'T', version: '1', description: `Call it like this:\n\n    curl -H "X-Key: ${secret}" …\n\nThat is all.` }, paths: {} });
    const results = (await lint(doc)).filter(r => SECRET_RULES.includes(String(r.code)));
    expect(results.map(r => `${r.code} ${r.path.join('.')}`)).toEqual([`${LEAKED} info.description`]);
    expect(results[0].message).toContain(kind);
    expect(results[0].severity).toBe(DiagnosticSeverity.Error);
  });

  it('scans every kind of position, including components no operation uses', async () => {
    const aws = freshAwsKeys();
    const password = freshPasswords();
    const url = () => `https://deploy:${password()}@api.acme-corp.com/v1`;
    const thing = {
      type: 'object',
      properties: {
        a: { type: 'string', example: aws() },
        b: { type: 'string', default: aws() },
        c: { type: 'string', enum: ['none', aws()] },
        d: { type: 'string', const: aws() },
        e: { type: 'string', description: `Defaults to ${aws()}.` },
        f: { type: 'string', 'x-example': aws() },
        g: { type: 'array', items: { type: 'string', example: aws() } },
      },
      example: { nested: [{ deeper: { list: ['x', aws()] } }] },
      externalDocs: { url: url() },
    };
    const common = {
      info: { title: 'T', version: '1', description: `Key: ${aws()}` },
      'x-deploy': { credentials: { key: aws() }, hosts: ['a', aws()] },
      tags: [{ name: 't', description: aws(), externalDocs: { url: url() } }],
      externalDocs: { url: url() },
    };
    if (version === '2.0') {
      const doc = base(version, {
        ...common,
        securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key', description: aws() } },
        paths: {
          '/a': {
            get: {
              description: aws(),
              parameters: [{ name: 'q', in: 'query', type: 'string', 'x-example': aws(), default: aws() }],
              responses: { '200': { description: 'OK', examples: { 'application/json': { nested: [{ key: aws() }] } }, headers: { 'X-H': { type: 'string', default: aws() } } } },
              'x-code-samples': [{ lang: 'shell', source: `curl -u ${aws()}` }],
            },
          },
        },
        definitions: { Thing: thing },
      });
      expect(await secretFindings(doc)).toEqual([
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
      servers: [{ url: url(), description: aws(), variables: { key: { default: aws(), enum: [aws(), 'none'] } } }],
      paths: {
        '/a': {
          servers: [{ url: url() }],
          get: {
            description: aws(),
            parameters: [{ name: 'q', in: 'query', example: aws(), schema: { type: 'string', default: aws() } }],
            responses: {
              '200': {
                description: 'OK',
                headers: { 'X-H': { schema: { type: 'string' }, example: aws() } },
                content: { 'application/json': { examples: { ok: { summary: aws(), value: { nested: [{ key: aws() }] } } } } },
                links: { next: { operationId: 'x', server: { url: url() } } },
              },
            },
            'x-code-samples': [{ lang: 'shell', source: `curl -u ${aws()}` }],
          },
        },
      },
      components: {
        schemas: { Thing: thing, Other: { type: 'string', examples: ['fine', aws()] } },
        examples: { Stored: { value: aws() }, Remote: { externalValue: url() } },
        securitySchemes: {
          key: { type: 'apiKey', in: 'header', name: 'X-Key', description: aws() },
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `https://svc:${password()}@auth.acme-corp.com/token`, scopes: {} } } },
        },
      },
    });
    expect(await secretFindings(doc)).toEqual([
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
    expect(await secretFindings(doc)).toEqual([`${LEAKED} ${schemasPath(version)}.Thing.example.key`]);
  });

  it('scans allOf, oneOf, anyOf and not branches, and additionalProperties', async () => {
    const google = fresh(random => `AIza${random(`${BASE62}-_`, 35)}`);
    const doc = withSchemas(version, {
      Thing: {
        allOf: [{ $ref: componentRef(version, 'schemas', 'Base') }, { properties: { a: { example: google() } } }],
        oneOf: [{ properties: { b: { example: google() } } }],
        anyOf: [{ properties: { c: { default: google() } } }],
        not: { enum: [google()] },
        additionalProperties: { example: google() },
      },
      Base: { properties: { d: { example: google() } } },
    });
    const s = schemasPath(version);
    expect(await secretFindings(doc)).toEqual([
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
    expect(results.map(r => r.path.join('.'))).toEqual([thingAt(version, 'note', 'description'), thingAt(version, 'note', 'description')]);
    expect(results.map(r => r.message.split(' (')[0]).sort()).toEqual(['A Stripe live secret key', 'An AWS access key id']);
  });

  it('reads keys (a credential pasted as a name is published too), but not $refs, patterns, formats or required lists', async () => {
    // Each its own credential: a pattern or title read by mistake would be a finding of its own, not a copy of another.
    const key = freshAwsKeys();
    const [first, second, unread] = [key(), key(), key()];
    const doc = withSchemas(version, {
      [first]: { type: 'string' },
      Thing: { type: 'object', properties: { [second]: { type: 'string', pattern: unread, format: unread, title: unread } }, required: [unread] },
    });
    const schemas = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(await secretFindings(doc)).toEqual([`${LEAKED} ${schemas}.${first}`, `${LEAKED} ${schemas}.Thing.properties.${second}`]);
  });

  it('leaves ordinary long keys alone', async () => {
    const doc = withSchemas(version, {
      CustomerBankAccountVerification: { type: 'object', properties: { AKIAIOSFODNN7EXAMPLE_count: { type: 'integer' }, 'user:name@example.com': { type: 'string' }, verificationAttemptsRemaining: { type: 'integer' } } },
    });
    expect(await secretFindings(doc)).toEqual([]);
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
    expect(await secretFindings(doc)).toEqual([]);
  });

  it('a hash or an unknown dotted value under a secret name is left to secret-high-entropy-value', async () => {
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(await secretFindings(property(version, 'api_key', { example: hash }))).toEqual([`${ENTROPY} ${thingAt(version, 'api_key', 'example')}`]);
  });

  it('flags a secret that sits beside a placeholder in the same string', async () => {
    expect(await secretFindings(property(version, 'note', { description: `Send \`Bearer <token>\`, e.g. Bearer ${SECRETS.jwt}` }))).toEqual([`${LEAKED} ${thingAt(version, 'note', 'description')}`]);
  });

  it('never shows more than four characters of a secret in a message', async () => {
    const all = Object.values(SECRETS);
    const doc = withSchemas(version, {
      Thing: { type: 'object', properties: Object.fromEntries(all.map((secret, i) => [`p${i}`, { type: 'string', example: secret }])) },
      Secrets: { type: 'object', properties: { client_secret: { type: 'string', example: 'q7Vt2XkP9mZr4WbN8cLd3HsJ' }, test: { type: 'string', example: ['sk_', 'test_', 'Zr8Kq2WmX4tPv9LcQ7Vt2XkP'].join('') } } },
    });
    const results = (await lint(doc)).filter(r => SECRET_RULES.includes(String(r.code)));
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

describe.each(VERSIONS)(`${LEAKED}: exemptions (%s)`, version => {
  function doc(exemptions: { root?: boolean; item?: boolean; operation?: boolean; schema?: boolean; scheme?: boolean }): Doc {
    // A key of its own at every place: one key written at several places is reported once (see below).
    const key = fresh(random => ['sk_', 'live_', random(BASE62, 24)].join(''));
    const mark = (on: boolean | undefined) => (on ? { 'x-api-security-exemptions': { [LEAKED]: 'Revoked sandbox key kept for the tutorial.' } } : {});
    const ref = { $ref: componentRef(version, 'schemas', 'Thing') };
    const parameter = version === '2.0' ? { name: 'q', in: 'query', type: 'string', 'x-example': key() } : { name: 'q', in: 'query', schema: { type: 'string' }, example: key() };
    const response = version === '2.0' ? { description: 'OK', schema: ref } : { description: 'OK', content: { 'application/json': { schema: ref } } };
    const thing = { type: 'object', example: { key: key() }, ...mark(exemptions.schema) };
    const scheme = { type: 'apiKey', in: 'header', name: 'X-Key', description: `e.g. ${key()}`, ...mark(exemptions.scheme) };
    return base(version, {
      ...mark(exemptions.root),
      paths: {
        '/a': {
          ...mark(exemptions.item),
          description: key(),
          parameters: [parameter],
          get: { description: key(), responses: { '200': response }, ...mark(exemptions.operation) },
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
    expect(await secretFindings(doc({}))).toEqual(everything);
  });

  it('a root exemption silences everything', async () => {
    expect(await secretFindings(doc({ root: true }))).toEqual([]);
  });

  it('an operation exemption silences what is written in the operation, not the component it uses', async () => {
    expect(await secretFindings(doc({ operation: true }))).toEqual(everything.filter(f => !f.endsWith('paths./a.get.description')));
  });

  it('a path item exemption silences the path item and its operations', async () => {
    expect(await secretFindings(doc({ item: true }))).toEqual([`${LEAKED} ${s}.Thing.example.key`, `${LEAKED} ${scheme}`]);
  });

  it('an exemption on a schema or a security scheme silences what is written in it', async () => {
    expect(await secretFindings(doc({ schema: true, scheme: true }))).toEqual(everything.filter(f => !f.includes('Thing') && !f.endsWith(scheme)));
  });

  it('an exemption from another rule exempts nothing', async () => {
    const other = doc({});
    (other as Record<string, unknown>)['x-api-security-exemptions'] = { [ENTROPY]: 'Not this rule.' };
    expect(await secretFindings(other)).toEqual(everything);
  });
});

describe.each(VERSIONS)('one credential written at several places (%s)', version => {
  const s = schemasPath(version);
  const messages = async (doc: Doc) => (await lint(doc)).filter(r => SECRET_RULES.includes(String(r.code))).map(r => ({ at: `${r.code} ${r.path.join('.')}`, message: r.message }));

  it('is reported once per rule, at its first place, with how many other places hold it and the first of them', async () => {
    const doc = withSchemas(version, {
      Connection: { type: 'object', properties: { uri: { type: 'string', example: SECRETS.urlUserinfo }, password: { type: 'string', example: PASSWORD } } },
      Replica: { type: 'object', properties: { uri: { type: 'string', example: SECRETS.urlUserinfo }, password: { type: 'string', example: PASSWORD } } },
      User: { type: 'object', properties: { password: { type: 'string', example: PASSWORD } }, example: { password: PASSWORD, uri: SECRETS.urlUserinfo } },
    });
    expect(await messages(doc)).toEqual([
      {
        at: `${LEAKED} ${s}.Connection.properties.uri.example`,
        message: `A password in the userinfo of a URL (Zr8K…) is published in this API description, here and in 2 other places (first \`${s}.Replica.properties.uri.example\`): rotate the credential, since everyone who has read the description can use it, and replace every copy with a placeholder such as "<token>".`,
      },
      {
        at: `${ENTROPY} ${s}.Connection.properties.password.example`,
        message: `A high-entropy value of "password" (Zr8K…) is published in this API description, here and in 3 other places (first \`${s}.Replica.properties.password.example\`): if it is a real secret, rotate it now, since everyone who has read the description can use it; either way, replace every copy with a placeholder such as "<secret>".`,
      },
    ]);
  });

  it('names the one other place when there is one, and reports different credentials apart', async () => {
    const other = freshAwsKeys()();
    const doc = withSchemas(version, { Thing: { type: 'object', properties: { a: { type: 'string', example: SECRETS.aws }, b: { type: 'string', default: SECRETS.aws }, c: { type: 'string', example: other } } } });
    const found = await messages(doc);
    expect(found.map(f => f.at)).toEqual([`${LEAKED} ${thingAt(version, 'a', 'example')}`, `${LEAKED} ${thingAt(version, 'c', 'example')}`]);
    expect(found[0].message).toContain(`published in this API description, here and in 1 other place (\`${thingAt(version, 'b', 'default')}\`): rotate`);
    expect(found[1].message).toContain('published in this API description: rotate');
  });

  it('is one private key whether written with line breaks or \\n escapes, indented or not; two keys are two', async () => {
    const indented = SECRETS.pem.split('\n').map(line => `    ${line}`).join('\n');
    const doc = base(version, {
      info: { title: 'T', version: '1', description: `Upload it:\n\n${indented}` },
      paths: {},
      ...(version === '2.0' ? { definitions: {} } : { components: { schemas: {} } }),
      'x-samples': [{ source: `curl -d '{"key": "${SECRETS.pem.replace(/\n/g, '\\n')}"}'` }, { key: SECRETS.pem }, { other: pem('RSA PRIVATE KEY', PEM_BODY.split('').reverse().join('')) }],
    });
    const found = await messages(doc);
    expect(found.map(f => f.at)).toEqual([`${LEAKED} info.description`, `${LEAKED} x-samples.2.other`]);
    expect(found[0].message).toContain('here and in 2 other places (first `x-samples.0.source`)');
  });

  it('is reported at its first place that is not exempt, counting the places that are not', async () => {
    const exempt = { 'x-api-security-exemptions': { [LEAKED]: 'The demo database of the tutorial, on purpose.' } };
    const doc = withSchemas(version, {
      A: { type: 'object', ...exempt, properties: { uri: { type: 'string', example: SECRETS.urlUserinfo } } },
      B: { type: 'object', properties: { uri: { type: 'string', example: SECRETS.urlUserinfo } } },
      C: { type: 'object', properties: { uri: { type: 'string', example: SECRETS.urlUserinfo } } },
    });
    const found = await messages(doc);
    expect(found.map(f => f.at)).toEqual([`${LEAKED} ${s}.B.properties.uri.example`]);
    expect(found[0].message).toContain(`here and in 1 other place (\`${s}.C.properties.uri.example\`)`);
    const all = withSchemas(version, { A: { type: 'object', ...exempt, properties: { uri: { type: 'string', example: SECRETS.urlUserinfo }, copy: { type: 'string', default: SECRETS.urlUserinfo } } } });
    expect(await messages(all)).toEqual([]);
  });

  it('never shows the credential in the place it names, also when the credential is written as a key', async () => {
    const doc = withSchemas(version, {
      Thing: { type: 'object', properties: { [SECRETS.aws]: { type: 'string' } } },
      Other: { type: 'object', properties: { [SECRETS.aws]: { type: 'string' } } },
    });
    const found = await messages(doc);
    expect(found.map(f => f.at)).toEqual([`${LEAKED} ${s}.Thing.properties.${SECRETS.aws}`]);
    expect(found[0].message).toContain(`(first \`${s}.Other.properties.AKIA…\`)`.replace('(first ', '('));
    for (let i = 4; i + 5 <= SECRETS.aws.length; i++) expect(found[0].message.includes(SECRETS.aws.slice(i, i + 5))).toBe(false);
  });
});
