import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, lint, testRule, VERSIONS } from '../helpers.js';
import { BASE62, ENTROPY, fresh, LEAKED, property, SECRET_RULES, secretFindings, SECRETS, thingAt, thingPath, withSchemas } from '../fixtures/secrets.js';

testRule(ENTROPY, VERSIONS.flatMap(version => [
  {
    name: `${version}: a generated-looking example of a password, at the value`,
    document: property(version, 'password', { example: 'q7Vt2XkP9mZr4WbN8cLd3HsJ' }),
    errors: [
      {
        path: thingPath(version, 'password', 'example'),
        severity: DiagnosticSeverity.Warning,
        message: 'A high-entropy value of "password" (q7Vt…) is published in this API description: if it is a real secret, rotate it now, since everyone who has read the description can use it; either way, replace it with a placeholder such as "<secret>".',
      },
    ],
  },
  {
    name: `${version}: not a human-chosen password, a placeholder, nor a generated value of a page token`,
    document: withSchemas(version, { Thing: { type: 'object', properties: { password: { example: 'secret123' }, api_key: { example: 'YOUR_API_KEY' }, page_token: { example: 'q7Vt2XkP9mZr4WbN8cLd3HsJ' } } } }),
    errors: [],
  },
]));

describe.each(VERSIONS)('secret-high-entropy-value (%s)', version => {
  const VALUE = 'q7Vt2XkP9mZr4WbN8cLd3HsJ';

  it.each(['password', 'client_secret', 'clientSecret', 'api_key', 'X-API-Key', 'apiKey', 'private_key', 'db_password', 'webhook_secret', 'access_token', 'refresh_token', 'secret_access_key'])(
    'flags a generated-looking example of "%s", with warn severity',
    async name => {
      const results = (await lint(property(version, name, { example: VALUE }))).filter(r => SECRET_RULES.includes(String(r.code)));
      expect(results.map(r => `${r.code} ${r.path.join('.')}`)).toEqual([`${ENTROPY} ${thingAt(version, name, 'example')}`]);
      expect(results[0].severity).toBe(DiagnosticSeverity.Warning);
      expect(results[0].message).toContain(`"${name}"`);
    },
  );

  it('reads the name from the property, the parameter, the header, the server variable, or the key of an example object', async () => {
    // A value of its own at every place: one value written at several places is reported once.
    const value = fresh(random => random(BASE62, 24));
    const common = { 'x-config': { auth: { client_secret: value() } } };
    if (version === '2.0') {
      const doc = base(version, {
        ...common,
        paths: {
          '/a': {
            post: {
              parameters: [
                { name: 'api_key', in: 'header', type: 'string', 'x-example': value(), default: value() },
                { name: 'body', in: 'body', schema: { type: 'object', example: { password: value(), user: { password: value() }, keys: [{ secret: value() }] } } },
              ],
              responses: { '200': { description: 'OK', headers: { 'X-Session-Token': { type: 'string', default: value() } }, examples: { 'application/json': { access_token: value() } } } },
            },
          },
        },
        definitions: { Creds: { type: 'object', properties: { password: { type: 'string', enum: [value()] } } } },
      });
      expect(await secretFindings(doc)).toEqual([
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
      servers: [{ url: 'https://{region}.acme-corp.com', variables: { region: { default: 'eu' }, api_key: { default: value() } } }],
      paths: {
        '/a': {
          post: {
            parameters: [
              { name: 'api_key', in: 'header', schema: { type: 'string', default: value() }, example: value(), examples: { one: { value: value() } } },
              { name: 'X-Api-Key', in: 'header', content: { 'text/plain': { schema: { type: 'string' }, example: value() } } },
            ],
            requestBody: { content: { 'application/json': { schema: { type: 'object' }, example: { password: value(), user: { password: value() }, keys: [{ secret: value() }] } } } },
            responses: { '200': { description: 'OK', headers: { 'X-Session-Token': { schema: { type: 'string', example: value() } } } } },
          },
        },
      },
      components: { schemas: { Creds: { type: 'object', properties: { password: { type: 'string', enum: [value()] } } } }, examples: { Login: { value: { refresh_token: value() } } } },
    });
    expect(await secretFindings(doc)).toEqual([
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
    expect(await secretFindings(property(version, name, { example: value }))).toEqual([]);
  });

  it.each([
    ['page_token', VALUE], ['next_token', VALUE], ['token', VALUE], ['temp_clone_token', VALUE], ['etag', 'W/"e3b0c44298fc1c149afbf4c8996fb92427ae41e4"'],
    ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'], ['hashed_token', 'e3b0c44298fc1c149afbf4c8996fb924'],
    ['hashed_secret', 'e3b0c44298fc1c149afbf4c8996fb924'], ['password_hash', '$2b$12$KIXQJ4aN0b1eLq3o7qTQ8uV9gP0rS2tU4vW6xY8zA0bC2dE4fG6hi'],
    ['public_key', VALUE], ['id', VALUE], ['secretary', VALUE], ['keyboard', VALUE], ['description', VALUE],
  ])('does not flag a generated-looking value of the non-secret name "%s"', async (name, value) => {
    expect(await secretFindings(property(version, name, { example: value }))).toEqual([]);
  });

  it('does not judge free text or URLs by name', async () => {
    expect(await secretFindings(property(version, 'client_secret', { description: VALUE }))).toEqual([]);
  });

  it('leaves a value with a recognised format to secret-leaked, once', async () => {
    expect(await secretFindings(property(version, 'api_key', { example: SECRETS.stripeLive }))).toEqual([`${LEAKED} ${thingAt(version, 'api_key', 'example')}`]);
    expect(await secretFindings(property(version, 'api_key', { example: ['AKIA', 'IOSFODNN7EXAMPLE'].join('') }))).toEqual([]);
    expect(await secretFindings(property(version, 'access_token', { example: ['ghu_', '16C7e42F292c6912E7710c838347Ae178B4a'].join('') }))).toEqual([]);
  });

  it('secretNames adds and removes names; secretPlaceholders adds placeholders', async () => {
    const doc = withSchemas(version, { Thing: { type: 'object', properties: { pin_code: { example: `${VALUE}1` }, password: { example: `${VALUE}2` }, token: { example: `${VALUE}3` } } } });
    expect(await secretFindings(doc)).toEqual([`${ENTROPY} ${thingAt(version, 'password', 'example')}`]);
    expect(await secretFindings(doc, { secretNames: { add: ['pin_code', 'token'], remove: ['password'] } })).toEqual([
      `${ENTROPY} ${thingAt(version, 'pin_code', 'example')}`,
      `${ENTROPY} ${thingAt(version, 'token', 'example')}`,
    ]);
    expect(await secretFindings(doc, { secretPlaceholders: { add: ['q7Vt'] } })).toEqual([]);
  });
});
