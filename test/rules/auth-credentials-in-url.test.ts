import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, componentPath, found, param, schemes, testRule, VERSIONS } from '../helpers.js';
import { api, at, get, ref } from '../fixtures/documents.js';

const CREDENTIALS = 'auth-credentials-in-url';

testRule(CREDENTIALS, VERSIONS.flatMap(version => [
  {
    name: `${version}: a credential in the query and in the path, each at its parameter`,
    document: api(version, {
      '/things': { get: get(version, [param(version, 'q', 'query'), param(version, 'api_key', 'query')]) },
      '/things/{token}': { get: get(version, [param(version, 'token', 'path')]) },
    }),
    errors: [
      {
        path: ['paths', '/things', 'get', 'parameters', '1'],
        severity: DiagnosticSeverity.Error,
        message: 'Parameter "api_key" carries a credential in the query, where logs, proxies and browser history keep it: move it to a header declared as a security scheme.',
      },
      {
        path: ['paths', '/things/{token}', 'get', 'parameters', '0'],
        severity: DiagnosticSeverity.Error,
        message: 'Parameter "token" carries a credential in the path, where logs, proxies and browser history keep it: move it to a header declared as a security scheme.',
      },
    ],
  },
  {
    name: `${version}: a shared component parameter, once, at the component`,
    document: api(version, { '/a': { get: get(version, [ref(version, 'Key', 'parameters')]) }, '/b': { delete: get(version, [ref(version, 'Key', 'parameters')]) } }, { parameters: { Key: param(version, 'access_token', 'query') } }),
    errors: [{ path: componentPath(version, 'parameters', 'Key'), severity: DiagnosticSeverity.Error, message: expect.stringContaining('"access_token" carries a credential in the query') }],
  },
  {
    name: `${version}: not page tokens, nor a credential sent in a header`,
    document: api(version, { '/things': { get: get(version, [param(version, 'page_token', 'query'), param(version, 'pageToken', 'query'), param(version, 'api_key', 'header')]) } }),
    errors: [],
  },
]));

const CREDENTIAL_NAMES = ['token', 'access_token', 'api_key', 'apiKey', 'API-Key', 'password', 'client_secret'];
const CREDENTIAL_LOOK_ALIKES = ['page_token', 'next_token', 'pageToken', 'tokenizer', 'passwordPolicy', 'continuationToken', 'tokens', 'keyword', 'secretary', 'api'];

describe.each(VERSIONS)('auth-credentials-in-url (%s)', version => {
  it.each(CREDENTIAL_NAMES)('flags "%s" in the query, at the parameter', async name => {
    const doc = api(version, { '/things': { get: get(version, [param(version, 'q', 'query'), param(version, name, 'query')]) } });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.1']);
  });

  it.each(CREDENTIAL_NAMES)('flags "%s" in the path, at the parameter', async name => {
    const doc = api(version, { [`/things/{${name}}`]: { get: get(version, [param(version, name, 'path')]) } });
    expect(await found(CREDENTIALS, doc)).toEqual([`paths./things/{${name}}.get.parameters.0`]);
  });

  const safeLocations = version === '2.0' ? ['header'] : ['header', 'cookie'];
  it.each(safeLocations.flatMap(where => CREDENTIAL_NAMES.map(name => [where, name])))('does not flag a %s parameter "%s"', async (where, name) => {
    const doc = api(version, { '/things': { get: get(version, [param(version, name, where)]) } });
    expect(await found(CREDENTIALS, doc)).toEqual([]);
  });

  it.each(CREDENTIAL_LOOK_ALIKES)('does not flag the look-alike "%s" in the query or the path', async name => {
    const doc = api(version, {
      '/things': { get: get(version, [param(version, name, 'query')]) },
      [`/things/{${name}}`]: { get: get(version, [param(version, name, 'path')]) },
    });
    expect(await found(CREDENTIALS, doc)).toEqual([]);
  });

  it('reports a shared component parameter once, at the component, however many operations use it', async () => {
    const token = ref(version, 'AccessToken', 'parameters');
    const doc = api(
      version,
      {
        '/a': { get: get(version, [token]) },
        '/b': { get: get(version, [token]), delete: get(version, [token]) },
      },
      { parameters: { AccessToken: param(version, 'access_token', 'query') } },
    );
    expect(await found(CREDENTIALS, doc)).toEqual([at(version, 'AccessToken', 'parameters')]);
  });

  it('does not report an unused component parameter (only what operations use is judged)', async () => {
    const doc = api(
      version,
      { '/a': { get: get(version) } },
      { parameters: { AccessToken: param(version, 'access_token', 'query') } },
    );
    expect(await found(CREDENTIALS, doc)).toEqual([]);
  });

  it('judges path-level parameters, once for the path item', async () => {
    const doc = api(version, {
      '/things/{api_key}': {
        parameters: [param(version, 'api_key', 'path')],
        get: get(version),
        delete: get(version),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things/{api_key}.parameters.0']);
  });

  it('an operation-level parameter with the same name and location replaces the path-level one', async () => {
    const doc = api(version, {
      '/things': {
        parameters: [param(version, 'token', 'query')],
        // A different definition (a copy differing only in its description would be reported once, with the count).
        get: get(version, [param(version, 'token', 'query', { type: 'string', maxLength: 64, description: 'overrides' })]),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.0']);
  });

  it('an operation that overrides and one that inherits are each reported where their parameter is written', async () => {
    const doc = api(version, {
      '/things': {
        parameters: [param(version, 'token', 'query')],
        // A different definition (a copy differing only in its description would be reported once, with the count).
        get: get(version, [param(version, 'token', 'query', { type: 'string', maxLength: 64, description: 'overrides' })]),
        delete: get(version),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.0', 'paths./things.parameters.0']);
  });

  it('a header parameter with the same name does not override a path-level query parameter', async () => {
    const doc = api(version, {
      '/things': {
        parameters: [param(version, 'token', 'query')],
        get: get(version, [param(version, 'token', 'header')]),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.parameters.0']);
  });

  it('a query parameter that repeats an API key scheme in the query is left to auth-apikey-in-url (reported once, at the scheme); another name is still reported', async () => {
    const doc = base(version, {
      ...schemes(version, { partnerKey: { type: 'apiKey', in: 'query', name: 'api_key' } }),
      security: [{ partnerKey: [] }],
      paths: { '/things': { get: get(version, [param(version, 'api_key', 'query'), param(version, 'apiKey', 'header'), param(version, 'token', 'query')]) } },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.2']);
    expect(await found('auth-apikey-in-url', doc)).toEqual([`${componentPath(version, 'securitySchemes', 'partnerKey').join('.')}.in`]);
  });

  it('credentialParameterNames.add adds a name; the default ruleset does not flag it', async () => {
    const doc = api(version, { '/things': { get: get(version, [param(version, 'sig', 'query'), param(version, 'token', 'query')]) } });
    expect(await found(CREDENTIALS, doc, { credentialParameterNames: { add: ['sig'] } })).toEqual([
      'paths./things.get.parameters.0',
      'paths./things.get.parameters.1',
    ]);
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.1']);
  });

  it('credentialParameterNames.remove drops a default name', async () => {
    const doc = api(version, { '/things': { get: get(version, [param(version, 'token', 'query'), param(version, 'password', 'query')]) } });
    expect(await found(CREDENTIALS, doc, { credentialParameterNames: { remove: ['token'] } })).toEqual(['paths./things.get.parameters.1']);
  });
});

describe.each(VERSIONS)('%s: capability URLs', version => {
  it('a secret path parameter is a credential in the URL whatever the name list says; cursors, object keys and collection items are not', async () => {
    const doc = api(version, {
      '/webhooks/{webhook_id}/{webhook_token}': { get: get(version, [param(version, 'webhook_id', 'path'), param(version, 'webhook_token', 'path')]) },
      '/uploads/{upload_id}/{signature}': { put: get(version, [param(version, 'upload_id', 'path'), param(version, 'signature', 'path')]) },
      '/pages/{page_token}': { get: get(version, [param(version, 'page_token', 'path')]) },
      '/config/{key}': { get: get(version, [param(version, 'key', 'path')]) },
      '/tokens/{token}': { get: get(version, [param(version, 'token', 'path')]) },
    });
    expect(await found(CREDENTIALS, doc)).toEqual([
      'paths./uploads/{upload_id}/{signature}.put.parameters.1',
      'paths./webhooks/{webhook_id}/{webhook_token}.get.parameters.1',
    ]);
  });
});
