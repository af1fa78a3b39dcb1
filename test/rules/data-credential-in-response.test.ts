import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { componentPath, found, lint, messagesOf, response, testRule, VERSIONS, withFunctionOptions, type Doc, type Version } from '../helpers.js';
import { accepts, api, at, EXEMPTIONS, object, ref, responseAt, responsePath, returns } from '../fixtures/documents.js';

const CREDENTIAL = 'data-credential-in-response';
const PERSONAL = 'data-personal-data-in-response';
const REASON = 'Accepted in this test.';

const str = { type: 'string' };

/** GET /users and GET /users/{id} return the component `User`; POST /users accepts it. */
function usersApi(version: Version, user: Doc, more: Doc = {}): Doc {
  return api(
    version,
    {
      '/users': { get: returns(version, { type: 'array', items: ref(version, 'User') }), post: accepts(version, ref(version, 'User'), ref(version, 'User')) },
      '/users/{id}': { get: returns(version, ref(version, 'User')) },
    },
    { schemas: { User: user, ...more } },
  );
}

/** An OAuth2 client-credentials scheme whose token URL is `tokenUrl`, in each version's shape. */
function oauth(version: Version, tokenUrl: string): Doc {
  return version === '2.0'
    ? { type: 'oauth2', flow: 'application', tokenUrl, scopes: {} }
    : { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: {} } } };
}

testRule(CREDENTIAL, VERSIONS.flatMap(version => [
  {
    name: `${version}: a password a shared schema returns, once, at the property`,
    document: usersApi(version, object({ id: str, name: str, password: str })),
    errors: [
      {
        path: [...componentPath(version, 'schemas', 'User'), 'properties', 'password'],
        severity: DiagnosticSeverity.Error,
        message: 'Property "password" returns a credential (password) in responses: remove it from response schemas or mark it `writeOnly: true`; a key or secret the API issues may be returned only once, by the operation that creates it.',
      },
    ],
  },
  {
    name: `${version}: a client secret an inline GET response returns`,
    document: api(version, { '/me': { get: returns(version, object({ id: str, client_secret: str })) } }),
    errors: [{ path: [...responsePath(version, '/me', 'get'), 'properties', 'client_secret'], severity: DiagnosticSeverity.Error, message: expect.stringContaining('"client_secret"') }],
  },
  {
    name: `${version}: not a writeOnly password, a hasPassword flag, a page token, nor a password only requests carry`,
    document: api(version, {
      '/me': { get: returns(version, object({ password: { type: 'string', writeOnly: true }, hasPassword: { type: 'boolean' }, next_page_token: str })) },
      '/login': { post: accepts(version, object({ username: str, password: str }), object({ ok: { type: 'boolean' } })) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${CREDENTIAL} (%s)`, version => {
  const User = (version2: Version) => at(version2, 'User');

  it('flags a password returned by a shared schema once, at the property declaration, as an error', async () => {
    const doc = usersApi(version, object({ id: str, name: str, password: str }));
    const results = (await lint(doc)).filter(r => r.code === CREDENTIAL);
    expect(results.map(r => r.path.join('.'))).toEqual([`${User(version)}.properties.password`]);
    expect(results[0].severity).toBe(DiagnosticSeverity.Error);
    expect(results[0].message).toContain('"password"');
    expect(results[0].message).toContain('writeOnly');
  });

  it.each(['password', 'passwd', 'userPassword', 'password_hash', 'PasswordHash', 'new-password', 'client_secret', 'clientSecret', 'webhookSecret', 'private_key', 'privateKeyPem', 'api_key', 'apiKey', 'APIKEY', 'x-api-key', 'pin', 'pin_code', 'cvv', 'cvc', 'securityAnswer', 'security_question_answer', 'otp', 'mfa_secret', 'totpSecret', 'refresh_token', 'accessToken', 'auth_token'])(
    'flags "%s" in a GET response',
    async name => {
      const doc = api(version, { '/me': { get: returns(version, object({ id: str, [name]: str })) } });
      expect(await found(CREDENTIAL, doc)).toEqual([`${responseAt(version, '/me', 'get')}.properties.${name}`]);
    },
  );

  it.each([
    ['hasPassword', { type: 'boolean' }],
    ['passwordSet', { type: 'boolean' }],
    ['password_set', str],
    ['passwordChangedAt', { type: 'string', format: 'date-time' }],
    ['passwordExpired', { type: 'boolean' }],
    ['password_expires_at', str],
    ['passwordRequired', str],
    ['isPinEnabled', str],
    ['passwordPolicy', object({ minLength: { type: 'integer' } })],
    ['password_min_length', { type: 'integer' }],
    ['compass', str],
    ['passage', str],
    ['spinner', str],
    ['pinned', { type: 'boolean' }],
    ['secretary', str],
    ['secretName', str],
    ['secret_ref', object({ name: str })],
    ['api_key_id', str],
    ['apiKeyName', str],
    ['private_key_fingerprint', str],
    ['token', str],
    ['next_page_token', str],
    ['token_type', str],
    ['cvc_check', str],
    ['secrets', { type: 'string', enum: ['read', 'write'] }],
    ['secrets', { type: 'array', items: object({ name: str, created_at: str }) }],
    ['webhook_secret', { type: 'string', example: '********' }],
    ['api_key', { type: 'string', example: '"****abcd"' }],
  ])('does not flag the look-alike "%s" (%j)', async (name, schema) => {
    const doc = api(version, { '/me': { get: returns(version, object({ id: str, [name]: schema as Doc })) } });
    expect(await found(CREDENTIAL, doc)).toEqual([]);
  });

  it('does not flag a writeOnly password, written on the property, beside a $ref or in an allOf member', async () => {
    const doc = usersApi(
      version,
      object({
        password: { type: 'string', writeOnly: true },
        pin: version === '3.1' ? { ...ref(version, 'Secret'), writeOnly: true } : { allOf: [ref(version, 'Secret'), { writeOnly: true }] },
        apiKey: ref(version, 'WriteOnlySecret'),
      }),
      { Secret: str, WriteOnlySecret: { type: 'string', writeOnly: true } },
    );
    expect(await found(CREDENTIAL, doc)).toEqual([]);
  });

  it('flags a password in an allOf branch of a response schema, where the branch is written', async () => {
    const doc = usersApi(version, { allOf: [ref(version, 'Base'), object({ password: str })] }, { Base: object({ id: str }) });
    expect(await found(CREDENTIAL, doc)).toEqual([`${User(version)}.allOf.1.properties.password`]);
  });

  it('flags a password declared in a component that an allOf composes, at the component', async () => {
    const doc = usersApi(version, { allOf: [ref(version, 'Credentials'), object({ id: str })] }, { Credentials: object({ password: str }) });
    expect(await found(CREDENTIAL, doc)).toEqual([`${at(version, 'Credentials')}.properties.password`]);
  });

  it('flags credentials in oneOf alternatives, nested objects and array items', async () => {
    const schema = {
      oneOf: [object({ kind: str, secret: str }), object({ login: object({ password: str }), keys: { type: 'array', items: object({ private_key: str }) } })],
    };
    const doc = api(version, { '/things': { get: returns(version, schema) } });
    const where = responseAt(version, '/things', 'get');
    expect(await found(CREDENTIAL, doc)).toEqual([
      `${where}.oneOf.0.properties.secret`,
      `${where}.oneOf.1.properties.keys.items.properties.private_key`,
      `${where}.oneOf.1.properties.login.properties.password`,
    ]);
  });

  it('flags any property with format: password unless writeOnly', async () => {
    const doc = api(version, {
      '/a': { get: returns(version, object({ credential: { type: 'string', format: 'password' }, hidden: { type: 'string', format: 'password', writeOnly: true } })) },
    });
    expect(await found(CREDENTIAL, doc)).toEqual([`${responseAt(version, '/a', 'get')}.properties.credential`]);
  });

  it('does not flag credentials in request-only schemas or in a 2.0/3.x parameter', async () => {
    const doc = api(version, { '/login': { post: accepts(version, object({ username: str, password: str }), object({ ok: { type: 'boolean' } })) } });
    expect(await found(CREDENTIAL, doc)).toEqual([]);
  });

  it('a schema used in requests and responses is judged on its response use', async () => {
    const doc = api(
      version,
      { '/users/{id}': { put: accepts(version, ref(version, 'User')), get: returns(version, ref(version, 'User')) } },
      { schemas: { User: object({ password: str }) } },
    );
    expect(await found(CREDENTIAL, doc)).toEqual([`${User(version)}.properties.password`]);
  });

  describe('tokens and issued secrets', () => {
    const Token = object({ access_token: str, refresh_token: str, token_type: str, expires_in: { type: 'integer' } });

    it('does not flag a token endpoint (path ending in /token) returning access_token, even on GET', async () => {
      const doc = api(
        version,
        { '/oauth/token': { post: accepts(version, object({ grant_type: str }), ref(version, 'Token')), get: returns(version, ref(version, 'Token')) } },
        { schemas: { Token } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([]);
    });

    it('recognises the token URL the security scheme declares as the token endpoint', async () => {
      const doc = api(
        version,
        { '/connect/issue': { get: returns(version, ref(version, 'Token')) }, '/session': { get: returns(version, ref(version, 'Session')) } },
        { schemas: { Token, Session: object({ access_token: str }) } },
        version === '2.0' ? { securityDefinitions: { oauth: oauth(version, 'https://auth.example.com/connect/issue') } } : { components: { securitySchemes: { oauth: oauth(version, 'https://auth.example.com/connect/issue') } } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([`${at(version, 'Session')}.properties.access_token`]);
    });

    it('flags tokens that a read returns, even when a token endpoint returns the same schema', async () => {
      const doc = api(
        version,
        { '/oauth/token': { post: accepts(version, object({ grant_type: str }), ref(version, 'Token')) }, '/me/session': { get: returns(version, ref(version, 'Token')) } },
        { schemas: { Token } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([`${at(version, 'Token')}.properties.access_token`, `${at(version, 'Token')}.properties.refresh_token`]);
    });

    it('does not flag a key, secret or token returned only by the writes that issue or rotate it', async () => {
      const doc = api(
        version,
        {
          '/keys': { post: accepts(version, object({ name: str }), ref(version, 'NewKey')) },
          '/keys/{id}/rotate': { put: accepts(version, object({}), ref(version, 'NewKey')) },
          '/keys/{id}': { delete: returns(version, ref(version, 'NewKey')) },
        },
        { schemas: { NewKey: object({ id: str, api_key: str, secret: str }) } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([]);
    });

    it('flags a key that a read returns again', async () => {
      const doc = api(
        version,
        { '/keys': { post: accepts(version, object({ name: str }), ref(version, 'Key')) }, '/keys/{id}': { get: returns(version, ref(version, 'Key')) } },
        { schemas: { Key: object({ id: str, api_key: str }) } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([`${at(version, 'Key')}.properties.api_key`]);
    });

    it('does not flag a key whose description says it is returned only on creation, though the reads share its schema (inline, $ref, allOf)', async () => {
      const doc = api(
        version,
        {
          '/keys': { post: accepts(version, object({ name: str }), ref(version, 'Key')), get: returns(version, { type: 'array', items: ref(version, 'Key') }) },
          '/keys/{id}': { get: returns(version, { allOf: [ref(version, 'Key')] }) },
          '/tokens/{id}': { get: returns(version, ref(version, 'Token')) },
          '/hooks/{id}': { get: returns(version, ref(version, 'Hook')) },
        },
        {
          schemas: {
            Key: object({ id: str, api_key: { type: 'string', description: 'The key. Only returned at creation.' } }),
            Token: object({ id: str, access_token: ref(version, 'TokenValue') }),
            TokenValue: { type: 'string', description: 'We return the value only once, when it is first generated: it will not be shown again.' },
            Hook: object({ id: str, secret: { type: 'string', description: 'Signs deliveries; returned by every read.' }, password: { type: 'string', description: 'Only returned once upon creation.' } }),
          },
        },
      );
      // A password is never issued, so creation-only prose does not excuse returning it.
      expect(await found(CREDENTIAL, doc)).toEqual([`${at(version, 'Hook')}.properties.password`, `${at(version, 'Hook')}.properties.secret`]);
    });

    it('flags a password even when only a POST returns it (passwords are never issued back)', async () => {
      const doc = api(version, { '/users': { post: accepts(version, object({ name: str }), object({ id: str, password: str })) } });
      expect(await found(CREDENTIAL, doc)).toEqual([`${responseAt(version, '/users', 'post')}.properties.password`]);
    });
  });

  describe('exemptions', () => {
    const doc = (userExtra: Doc = {}, getExtra: Doc = {}, listExtra: Doc = {}, passwordExtra: Doc = {}) =>
      api(
        version,
        { '/users': { get: returns(version, ref(version, 'User'), listExtra) }, '/users/{id}': { get: returns(version, ref(version, 'User'), getExtra) } },
        { schemas: { User: object({ id: str, password: { type: 'string', ...passwordExtra } }, userExtra) } },
      );
    const exempt = { [EXEMPTIONS]: { [CREDENTIAL]: REASON } };

    it('is silenced when every operation returning the schema is exempt', async () => {
      expect(await found(CREDENTIAL, doc({}, exempt, exempt))).toEqual([]);
    });

    it('stays when one operation returning the schema is not exempt', async () => {
      expect(await found(CREDENTIAL, doc({}, exempt))).toEqual([`${User(version)}.properties.password`]);
    });

    it('is silenced by an exemption on the schema or on the property', async () => {
      expect(await found(CREDENTIAL, doc(exempt))).toEqual([]);
      expect(await found(CREDENTIAL, doc({}, {}, {}, exempt))).toEqual([]);
    });

    it('is silenced by a root exemption; an exemption of another rule does nothing', async () => {
      expect(await found(CREDENTIAL, { ...doc(), [EXEMPTIONS]: { [CREDENTIAL]: REASON } })).toEqual([]);
      expect(await found(CREDENTIAL, doc({ [EXEMPTIONS]: { [PERSONAL]: REASON } }))).toEqual([`${User(version)}.properties.password`]);
    });

    it('an exemption without a reason exempts nothing', async () => {
      expect(await found(CREDENTIAL, doc({}, { [EXEMPTIONS]: { [CREDENTIAL]: '' } }, { [EXEMPTIONS]: { [CREDENTIAL]: '' } }))).toEqual([`${User(version)}.properties.password`]);
    });
  });

  it('credentialNames: add and remove words', async () => {
    const doc = api(version, { '/me': { get: returns(version, object({ unlockCode: str, pin: str })) } });
    const where = `${responseAt(version, '/me', 'get')}.properties`;
    expect(await found(CREDENTIAL, doc)).toEqual([`${where}.pin`]);
    expect(await found(CREDENTIAL, doc, { credentialNames: { add: ['unlock_code'], remove: ['pin'] } })).toEqual([`${where}.unlockCode`]);
  });

  describe('names inside names', () => {
    it.each([
      'signingPrivateKey', 'accessTokenValue', 'passwd', 'pwd', 'pin_code', 'secret_key', 'privkey', 'secretAccessKey', 'private_key_data',
      'password_new', 'card_security_code', 'recovery_codes', 'password_reset_token', 'passcode',
    ])('flags "%s" in a shared schema a GET returns, through a $ref', async name => {
      const doc = usersApi(version, object({ id: str, [name]: ref(version, 'Text') }), { Text: str });
      expect(await found(CREDENTIAL, doc)).toEqual([`${User(version)}.properties.${name}`]);
    });

    it.each([
      ['has_password', { type: 'boolean' }],
      ['password_changed_at', str],
      ['passwordSet', { type: 'boolean' }],
      ['token_count', { type: 'integer' }],
      ['access_token_url', str],
      ['token_expires_in', { type: 'integer' }],
      ['key_name', str],
      ['password_hint', str],
      ['client_secret_expires_at', { type: 'integer' }],
      ['api_key_prefix', str],
      ['num_api_keys', { type: 'integer' }],
      ['max_pin_attempts', { type: 'integer' }],
      ['public_api_key', str],
      ['tokenized_password', str],
    ])('does not flag the metadata "%s" (%j) in an allOf member', async (name, schema) => {
      const doc = usersApi(version, { allOf: [ref(version, 'Base'), object({ [name]: schema as Doc })] }, { Base: object({ id: str }) });
      expect(await found(CREDENTIAL, doc)).toEqual([]);
    });

    it('does not flag a schema that describes the shape of a credential (a pattern, a policy)', async () => {
      const doc = api(
        version,
        { '/providers': { get: returns(version, object({ credential_pattern: ref(version, 'CredentialPattern'), policy: ref(version, 'PasswordPolicy') })) } },
        { schemas: { CredentialPattern: object({ access_key_type: str, access_secret_data: str }), PasswordPolicy: object({ password_value: str }) } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([]);
    });
  });

  describe('private keys returned as PEM', () => {
    const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAuEPzOUE+kiEH1WLiMeBytTEF856j0hOVcSUSUkZxKvqczkWM\n-----END RSA PRIVATE KEY-----\n';

    it('flags an app\'s pem that a read returns, and not the create that issues it once', async () => {
      const doc = api(
        version,
        {
          '/app': { get: returns(version, ref(version, 'App')) },
          '/app-manifests/{code}/conversions': { post: accepts(version, object({}), { allOf: [ref(version, 'Base'), object({ pem: str, client_secret: str })] }) },
        },
        { schemas: { App: object({ id: str, name: str, pem: { type: 'string', example: PEM } }), Base: object({ id: str }) } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([`${at(version, 'App')}.properties.pem`]);
      expect(await messagesOf(CREDENTIAL, doc)).toEqual([
        'Property "pem" returns a credential (pem, a PEM private key) in responses: remove it from response schemas or mark it `writeOnly: true`; a key or secret the API issues may be returned only once, by the operation that creates it.',
      ]);
    });

    it.each(['pem', 'key_pem', 'private_key_pem', 'privateKeyPem'])('flags "%s" in an inline GET response', async name => {
      const doc = api(version, { '/keys/current': { get: returns(version, object({ id: str, [name]: str })) } });
      expect(await found(CREDENTIAL, doc)).toEqual([`${responseAt(version, '/keys/current', 'get')}.properties.${name}`]);
    });

    it('flags any string whose example, pattern or description says it is a PEM private key, named as it may be', async () => {
      const doc = usersApi(
        version,
        object({
          key: { type: 'string', example: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n' },
          access_key: ref(version, 'KeyText'),
          tls: { allOf: [ref(version, 'Described')] },
        }),
        { KeyText: { type: 'string', pattern: '^-----BEGIN (RSA |EC )?PRIVATE KEY-----' }, Described: { type: 'string', description: 'The PEM-encoded private key for client authentication.' } },
      );
      const results = (await lint(doc)).filter(r => r.code === CREDENTIAL);
      expect(results.map(r => r.path.join('.')).sort()).toEqual([`${User(version)}.properties.access_key`, `${User(version)}.properties.key`, `${User(version)}.properties.tls`]);
      expect(results[0].message).toContain('(PEM private key)');
      expect(results.map(r => r.message).join()).not.toContain('MII');
    });

    it('does not flag certificates and public keys, by name or by value', async () => {
      const cert = { type: 'string', example: '-----BEGIN CERTIFICATE-----\nMIIDJzCCAg+gAwIBAgICBnUwDQYJ\n-----END CERTIFICATE-----\n' };
      const doc = usersApi(
        version,
        object({ certificate: cert, cert_pem: str, ca_pem: str, public_key_pem: str, chain_pem: str, public_key: { type: 'string', example: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----' }, cert: ref(version, 'Certificate') }),
        { Certificate: object({ pem: str, fingerprint: { type: 'string', description: 'Private key fingerprint.' } }) },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([]);
    });

    it('does not flag a pem whose schema says it holds a certificate or a public key', async () => {
      const doc = api(
        version,
        { '/servers/{id}': { get: returns(version, ref(version, 'Server')) }, '/keys/{id}': { get: returns(version, object({ pem: { type: 'string', description: 'The public key, PEM-encoded.' } })) } },
        { schemas: { Server: object({ pem: { type: 'string', example: '-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----' }, key_pem: { type: 'string', description: 'The server certificate in PEM format.' } }) } },
      );
      expect(await found(CREDENTIAL, doc)).toEqual([]);
    });

    it('does not flag a writeOnly private key', async () => {
      const doc = usersApi(version, object({ pem: { type: 'string', writeOnly: true }, key: { type: 'string', example: PEM, writeOnly: true } }));
      expect(await found(CREDENTIAL, doc)).toEqual([]);
    });
  });

  it('never echoes an example value in its message', async () => {
    const doc = api(version, { '/me': { get: returns(version, object({ password: { type: 'string', example: 'hunter2-very-secret' } })) } });
    const messages = await messagesOf(CREDENTIAL, doc);
    expect(messages).toHaveLength(1);
    expect(messages[0]).not.toContain('hunter2');
  });

  it('survives cycles and malformed schemas', async () => {
    const doc = api(
      version,
      { '/a': { get: returns(version, ref(version, 'Node')) }, '/b': { get: { responses: { '200': response(version, 'OK', { $ref: '#/nowhere' }) } } } },
      { schemas: { Node: object({ child: ref(version, 'Node'), secret: str, broken: 'nope' as unknown as Doc, list: { type: 'array', items: 42 } }) } },
    );
    expect(await found(CREDENTIAL, doc)).toEqual([`${at(version, 'Node')}.properties.secret`]);
  });
});

describe('sensitiveData function', () => {
  it('rejects unknown options when the ruleset loads', async () => {
    await expect(lint(api('3.1', {}), withFunctionOptions(CREDENTIAL, { check: 'nope' }))).rejects.toThrow();
  });
});
