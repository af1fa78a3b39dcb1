import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from '@stoplight/types';
import type { ApiSecurityOptions } from '../../index.js';
import { base, bearerScheme, componentRef, lint, lintWith, pathParam, response, schemes, VERSIONS, type Doc, type Version } from '../helpers.js';

const CREDENTIALS = 'auth-credentials-in-url';
const AUTH_HEADER = 'auth-authorization-header-parameter';
const GUESSABLE = 'auth-object-id-guessable';
const UNAUTHORIZED = 'auth-unauthorized-response-undocumented';
const ADMIN = 'auth-admin-operation-shared-security';

/** Sorted dotted paths of one rule's findings, with the default ruleset or one built from options. */
async function found(rule: string, doc: Doc | string, options?: ApiSecurityOptions): Promise<string[]> {
  const results = options ? await lintWith(options, doc) : await lint(doc);
  return results.filter(r => r.code === rule).map(r => r.path.join('.')).sort();
}

/** A parameter in each version's shape: 2.0 non-body parameters carry their type themselves. */
function param(version: Version, name: string, where: string, schema: Doc = { type: 'string' }): Doc {
  if (where === 'path') return pathParam(version, name, schema);
  return version === '2.0' ? { name, in: where, ...schema } : { name, in: where, schema };
}

/** Where a component is written, as a dotted path (`components.parameters.X` or `parameters.X`). */
function componentPath(version: Version, kind: 'schemas' | 'parameters' | 'responses', name: string): string {
  return componentRef(version, kind, name).slice(2).split('/').join('.');
}

/** Components of a kind, wrapped as root keys for the version. */
function components(version: Version, kind: 'schemas' | 'parameters' | 'responses', defs: Doc): Doc {
  if (version === '2.0') return { [{ schemas: 'definitions', parameters: 'parameters', responses: 'responses' }[kind]]: defs };
  return { components: { [kind]: defs } };
}

/** A document secured at the root with a bearer-like scheme; `extra` may add root keys (components are merged). */
function secured(version: Version, paths: Doc, extra: Doc = {}): Doc {
  const security = schemes(version, { bearer: bearerScheme(version) });
  const doc: Doc = { ...security, security: [{ bearer: [] }], paths, ...extra };
  if (version !== '2.0' && extra.components) {
    doc.components = { ...(security.components as Doc), ...(extra.components as Doc) };
  }
  return base(version, doc);
}

/** A GET operation with the given parameters and a 200 response. */
function get(version: Version, parameters: Doc[] = [], more: Doc = {}): Doc {
  return { parameters, responses: { '200': response(version) }, ...more };
}

const CREDENTIAL_NAMES = ['token', 'access_token', 'api_key', 'apiKey', 'API-Key', 'password', 'client_secret'];
const CREDENTIAL_LOOK_ALIKES = ['page_token', 'next_token', 'pageToken', 'tokenizer', 'passwordPolicy', 'continuationToken', 'tokens', 'keyword', 'secretary', 'api'];

describe.each(VERSIONS)('auth-credentials-in-url (%s)', version => {
  it.each(CREDENTIAL_NAMES)('flags "%s" in the query, at the parameter', async name => {
    const doc = secured(version, { '/things': { get: get(version, [param(version, 'q', 'query'), param(version, name, 'query')]) } });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.1']);
  });

  it.each(CREDENTIAL_NAMES)('flags "%s" in the path, at the parameter', async name => {
    const doc = secured(version, { [`/things/{${name}}`]: { get: get(version, [param(version, name, 'path')]) } });
    expect(await found(CREDENTIALS, doc)).toEqual([`paths./things/{${name}}.get.parameters.0`]);
  });

  const safeLocations = version === '2.0' ? ['header'] : ['header', 'cookie'];
  it.each(safeLocations.flatMap(where => CREDENTIAL_NAMES.map(name => [where, name])))('does not flag a %s parameter "%s"', async (where, name) => {
    const doc = secured(version, { '/things': { get: get(version, [param(version, name, where)]) } });
    expect(await found(CREDENTIALS, doc)).toEqual([]);
  });

  it.each(CREDENTIAL_LOOK_ALIKES)('does not flag the look-alike "%s" in the query or the path', async name => {
    const doc = secured(version, {
      '/things': { get: get(version, [param(version, name, 'query')]) },
      [`/things/{${name}}`]: { get: get(version, [param(version, name, 'path')]) },
    });
    expect(await found(CREDENTIALS, doc)).toEqual([]);
  });

  it('reports a shared component parameter once, at the component, however many operations use it', async () => {
    const ref = { $ref: componentRef(version, 'parameters', 'AccessToken') };
    const doc = secured(
      version,
      {
        '/a': { get: get(version, [ref]) },
        '/b': { get: get(version, [ref]), delete: get(version, [ref]) },
      },
      components(version, 'parameters', { AccessToken: param(version, 'access_token', 'query') }),
    );
    expect(await found(CREDENTIALS, doc)).toEqual([componentPath(version, 'parameters', 'AccessToken')]);
  });

  it('does not report an unused component parameter (only what operations use is judged)', async () => {
    const doc = secured(
      version,
      { '/a': { get: get(version) } },
      components(version, 'parameters', { AccessToken: param(version, 'access_token', 'query') }),
    );
    expect(await found(CREDENTIALS, doc)).toEqual([]);
  });

  it('judges path-level parameters, once for the path item', async () => {
    const doc = secured(version, {
      '/things/{api_key}': {
        parameters: [param(version, 'api_key', 'path')],
        get: get(version),
        delete: get(version),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things/{api_key}.parameters.0']);
  });

  it('an operation-level parameter with the same name and location replaces the path-level one', async () => {
    const doc = secured(version, {
      '/things': {
        parameters: [param(version, 'token', 'query')],
        get: get(version, [param(version, 'token', 'query', { type: 'string', description: 'overrides' })]),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.0']);
  });

  it('an operation that overrides and one that inherits are each reported where their parameter is written', async () => {
    const doc = secured(version, {
      '/things': {
        parameters: [param(version, 'token', 'query')],
        get: get(version, [param(version, 'token', 'query', { type: 'string', description: 'overrides' })]),
        delete: get(version),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.0', 'paths./things.parameters.0']);
  });

  it('a header parameter with the same name does not override a path-level query parameter', async () => {
    const doc = secured(version, {
      '/things': {
        parameters: [param(version, 'token', 'query')],
        get: get(version, [param(version, 'token', 'header')]),
      },
    });
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.parameters.0']);
  });

  it('credentialParameterNames.add adds a name; the default ruleset does not flag it', async () => {
    const doc = secured(version, { '/things': { get: get(version, [param(version, 'sig', 'query'), param(version, 'token', 'query')]) } });
    expect(await found(CREDENTIALS, doc, { credentialParameterNames: { add: ['sig'] } })).toEqual([
      'paths./things.get.parameters.0',
      'paths./things.get.parameters.1',
    ]);
    expect(await found(CREDENTIALS, doc)).toEqual(['paths./things.get.parameters.1']);
  });

  it('credentialParameterNames.remove drops a default name', async () => {
    const doc = secured(version, { '/things': { get: get(version, [param(version, 'token', 'query'), param(version, 'password', 'query')]) } });
    expect(await found(CREDENTIALS, doc, { credentialParameterNames: { remove: ['token'] } })).toEqual(['paths./things.get.parameters.1']);
  });
});

describe.each(VERSIONS)('auth-authorization-header-parameter (%s)', version => {
  it.each(['Authorization', 'authorization', 'AUTHORIZATION'])('flags a "%s" header parameter, as a hint, at the parameter', async name => {
    const doc = secured(version, { '/things': { get: get(version, [param(version, 'q', 'query'), param(version, name, 'header')]) } });
    const results = (await lint(doc)).filter(r => r.code === AUTH_HEADER);
    expect(results.map(r => r.path.join('.'))).toEqual(['paths./things.get.parameters.1']);
    expect(results.map(r => r.severity)).toEqual([DiagnosticSeverity.Hint]);
  });

  it('judges a path-level Authorization header once, and a shared component once', async () => {
    const doc = secured(
      version,
      {
        '/a': { parameters: [param(version, 'Authorization', 'header')], get: get(version), delete: get(version) },
        '/b': { get: get(version, [{ $ref: componentRef(version, 'parameters', 'Auth') }]) },
        '/c': { get: get(version, [{ $ref: componentRef(version, 'parameters', 'Auth') }]) },
      },
      components(version, 'parameters', { Auth: param(version, 'Authorization', 'header') }),
    );
    expect(await found(AUTH_HEADER, doc)).toEqual([componentPath(version, 'parameters', 'Auth'), 'paths./a.parameters.0'].sort());
  });

  it.each([
    ['X-Authorization-Id', 'header'],
    ['Proxy-Authorization', 'header'],
    ['authorization', 'query'],
  ])('does not flag "%s" in the %s', async (name, where) => {
    const doc = secured(version, { '/things': { get: get(version, [param(version, name, where)]) } });
    expect(await found(AUTH_HEADER, doc)).toEqual([]);
  });
});

const ID_NAMES = ['id', 'userId', 'user_id', 'user-id', 'UserID'];

describe.each(VERSIONS)('auth-object-id-guessable (%s)', version => {
  const integer = version === '3.1' ? { type: ['integer', 'null'] } : { type: 'integer', format: 'int64' };

  it.each(ID_NAMES)('flags the integer path parameter "%s" at the parameter', async name => {
    const doc = secured(version, { [`/users/{${name}}`]: { get: get(version, [param(version, name, 'path', { type: 'integer' })]) } });
    expect(await found(GUESSABLE, doc)).toEqual([`paths./users/{${name}}.get.parameters.0`]);
  });

  it(`flags an integer written in this version's own way (${JSON.stringify(integer)})`, async () => {
    const doc = secured(version, { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', integer)]) } });
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('flags a shared component parameter once, at the component', async () => {
    const ref = { $ref: componentRef(version, 'parameters', 'UserId') };
    const doc = secured(
      version,
      { '/users/{userId}': { get: get(version, [ref]), delete: get(version, [ref]) }, '/users/{userId}/posts': { get: get(version, [ref]) } },
      components(version, 'parameters', { UserId: param(version, 'userId', 'path', { type: 'integer' }) }),
    );
    expect(await found(GUESSABLE, doc)).toEqual([componentPath(version, 'parameters', 'UserId')]);
  });

  it('judges a path-level parameter once, and an operation-level override replaces it', async () => {
    const doc = secured(version, {
      '/users/{id}': {
        parameters: [param(version, 'id', 'path', { type: 'integer' })],
        get: get(version),
        delete: get(version),
      },
      '/orders/{id}': {
        parameters: [param(version, 'id', 'path', { type: 'integer' })],
        get: get(version, [param(version, 'id', 'path', { type: 'string', format: 'uuid' })]),
      },
    });
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{id}.parameters.0']);
  });

  it.each(['paid', 'valid', 'uuid', 'identity', 'idx', 'width'])('does not flag the integer path parameter "%s" (not an id word)', async name => {
    const doc = secured(version, { [`/things/{${name}}`]: { get: get(version, [param(version, name, 'path', { type: 'integer' })]) } });
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });

  it.each([
    ['a string id', { type: 'string' }],
    ['a uuid id', { type: 'string', format: 'uuid' }],
    ['a number (not integer) id', { type: 'number' }],
    ['an untyped id', {}],
  ])('does not flag %s', async (_label, schema) => {
    const doc = secured(version, { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', schema)]) } });
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });

  it('does not flag integer ids in the query or a header', async () => {
    const doc = secured(version, {
      '/users': { get: get(version, [param(version, 'userId', 'query', { type: 'integer' }), param(version, 'id', 'header', { type: 'integer' })]) },
    });
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });
});

// Swagger 2.0 non-body parameters have no `schema`, so `$ref` to a schema and `allOf` are OpenAPI 3.x only.
describe.each(['3.0', '3.1'] as const)('auth-object-id-guessable through schemas (%s)', version => {
  const schemaRef = (name: string) => ({ $ref: componentRef(version, 'schemas', name) });

  it('flags an id whose schema is a $ref to an integer schema, at the parameter', async () => {
    const doc = secured(
      version,
      { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', schemaRef('UserId'))]) } },
      components(version, 'schemas', { UserId: { type: 'integer', format: 'int64' } }),
    );
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('flags an id whose schema is an allOf with an integer branch behind a $ref', async () => {
    const doc = secured(
      version,
      { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', { allOf: [schemaRef('Id'), { description: 'the user' }] })]) } },
      components(version, 'schemas', { Id: { type: 'integer' } }),
    );
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('flags an id declared with `content` instead of `schema`', async () => {
    const doc = secured(version, {
      '/users/{userId}': { get: get(version, [{ name: 'userId', in: 'path', required: true, content: { 'text/plain': { schema: { type: 'integer' } } } }]) },
    });
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('does not flag a $ref or allOf that resolves to a uuid string', async () => {
    const doc = secured(
      version,
      {
        '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', schemaRef('Uuid'))]) },
        '/orders/{orderId}': { get: get(version, [param(version, 'orderId', 'path', { allOf: [schemaRef('Uuid')] })]) },
      },
      components(version, 'schemas', { Uuid: { type: 'string', format: 'uuid' } }),
    );
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });

  it('survives a cyclic $ref / allOf without flagging', async () => {
    const doc = secured(
      version,
      { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', { allOf: [schemaRef('A')] })]) } },
      components(version, 'schemas', { A: { allOf: [schemaRef('B')] }, B: { allOf: [schemaRef('A')] } }),
    );
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });
});

describe.each(VERSIONS)('auth-unauthorized-response-undocumented (%s)', version => {
  it('flags a secured operation with only a 200, at its responses', async () => {
    const doc = secured(version, { '/things': { get: get(version) } });
    expect(await found(UNAUTHORIZED, doc)).toEqual(['paths./things.get.responses']);
  });

  it('flags an operation secured by its own security (no root security)', async () => {
    const doc = base(version, {
      ...schemes(version, { bearer: bearerScheme(version) }),
      paths: { '/things': { get: get(version, [], { security: [{ bearer: [] }] }), post: get(version) } },
    });
    expect(await found(UNAUTHORIZED, doc)).toEqual(['paths./things.get.responses']);
  });

  it.each(['401', '403', '4XX', '4xx', 'default'])('does not flag a secured operation documenting %s', async code => {
    const doc = secured(version, { '/things': { get: { responses: { '200': response(version), [code]: response(version, 'Denied') } } } });
    expect(await found(UNAUTHORIZED, doc)).toEqual([]);
  });

  it('counts a 401 written as a $ref to a shared response', async () => {
    const doc = secured(
      version,
      { '/things': { get: { responses: { '200': response(version), '401': { $ref: componentRef(version, 'responses', 'Unauthorized') } } } } },
      components(version, 'responses', { Unauthorized: response(version, 'Unauthorized') }),
    );
    expect(await found(UNAUTHORIZED, doc)).toEqual([]);
  });

  it('does not count a 400, 404 or 5XX as documenting 401/403', async () => {
    const doc = secured(version, {
      '/things': { get: { responses: { '200': response(version), '400': response(version, 'Bad'), '404': response(version, 'Gone'), '5XX': response(version, 'Err') } } },
    });
    expect(await found(UNAUTHORIZED, doc)).toEqual(['paths./things.get.responses']);
  });

  it('does not flag a public operation (`security: []`), an optional one, or an unsecured document', async () => {
    const publicOp = secured(version, { '/things': { get: get(version, [], { security: [] }), post: get(version, [], { security: [{}, { bearer: [] }] }) } });
    expect(await found(UNAUTHORIZED, publicOp)).toEqual([]);
    const unsecured = base(version, { paths: { '/things': { get: get(version) } } });
    expect(await found(UNAUTHORIZED, unsecured)).toEqual([]);
  });

  it('reads numeric response codes written unquoted in YAML', async () => {
    const head = version === '2.0' ? "swagger: '2.0'" : `openapi: ${version === '3.0' ? '3.0.3' : '3.1.0'}`;
    const scheme = version === '2.0'
      ? 'securityDefinitions:\n  bearer:\n    type: apiKey\n    in: header\n    name: Authorization'
      : 'components:\n  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer';
    const yaml = [
      head,
      'info:\n  title: t\n  version: "1"',
      scheme,
      'security:\n  - bearer: []',
      'paths:',
      '  /ok:\n    get:\n      responses:\n        200:\n          description: ok\n        401:\n          description: no',
      '  /missing:\n    get:\n      responses:\n        200:\n          description: ok\n        404:\n          description: gone',
    ].join('\n');
    expect(await found(UNAUTHORIZED, yaml)).toEqual(['paths./missing.get.responses']);
  });
});

function oauthScheme(version: Version): Doc {
  const scopes = { read: 'Read', write: 'Write', admin: 'Administer' };
  return version === '2.0'
    ? { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', scopes }
    : { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', scopes } } };
}

describe.each(VERSIONS)('auth-admin-operation-shared-security (%s)', version => {
  const ok = () => get(version, [], { responses: { '200': response(version), '401': response(version, 'No') } });

  it('flags /admin/users inheriting the same root bearer security as /users, at the operation', async () => {
    const doc = secured(version, { '/users': { get: ok() }, '/admin/users': { get: ok(), delete: ok() } });
    expect(await found(ADMIN, doc)).toEqual(['paths./admin/users.delete', 'paths./admin/users.get']);
  });

  it('flags an admin operation whose own security equals an ordinary operation\'s, at its security', async () => {
    const doc = base(version, {
      ...schemes(version, { bearer: bearerScheme(version) }),
      paths: {
        '/users': { get: { ...ok(), security: [{ bearer: [] }] } },
        '/admin/users': { get: { ...ok(), security: [{ bearer: [] }] } },
      },
    });
    expect(await found(ADMIN, doc)).toEqual(['paths./admin/users.get.security']);
  });

  it('does not flag an admin operation that requires an extra `admin` scope', async () => {
    const doc = base(version, {
      ...schemes(version, { oauth: oauthScheme(version) }),
      security: [{ oauth: ['read'] }],
      paths: {
        '/users': { get: ok() },
        '/admin/users': { get: { ...ok(), security: [{ oauth: ['read', 'admin'] }] } },
      },
    });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('flags an admin operation requiring the same scopes as an ordinary one, in another order', async () => {
    const doc = base(version, {
      ...schemes(version, { oauth: oauthScheme(version) }),
      paths: {
        '/users': { get: { ...ok(), security: [{ oauth: ['read', 'write'] }] } },
        '/admin/users': { get: { ...ok(), security: [{ oauth: ['write', 'read'] }] } },
      },
    });
    expect(await found(ADMIN, doc)).toEqual(['paths./admin/users.get.security']);
  });

  it('does not flag an admin operation secured by an admin-only scheme', async () => {
    const doc = secured(version, {
      '/users': { get: ok() },
      '/admin/users': { get: { ...ok(), security: [{ adminKey: [] }] } },
    }, schemes(version, { bearer: bearerScheme(version), adminKey: { type: 'apiKey', in: 'header', name: 'X-Admin-Key' } }));
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it.each(['Admin', 'Internal', 'admin-tools', 'Management'])('tag "%s" marks an operation as administrative', async tag => {
    const doc = secured(version, { '/users': { get: ok() }, '/reports': { get: { ...ok(), tags: ['reports', tag] } } });
    expect(await found(ADMIN, doc)).toEqual(['paths./reports.get']);
  });

  it('ordinary tags do not mark an operation as administrative', async () => {
    const doc = secured(version, { '/users': { get: ok() }, '/reports': { get: { ...ok(), tags: ['reports', 'Administrivia', 'badminton'] } } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it.each(['/administrators', '/internal/metrics', '/v1/manage/keys', '/ops/health', '/admins/{adminId}'])('path %s counts as administrative', async path => {
    const doc = secured(version, { '/users': { get: ok() }, [path]: { get: ok() } });
    expect(await found(ADMIN, doc)).toEqual([`paths.${path}.get`]);
  });

  it.each(['/badminton', '/managed-databases', '/operations', '/users/{admin}', '/shops'])('path %s does not count as administrative', async path => {
    const doc = secured(version, { '/users': { get: ok() }, [path]: { get: ok() } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('does not flag when no ordinary operation accepts the same requirement', async () => {
    const onlyAdmin = secured(version, { '/admin/users': { get: ok() }, '/admin/settings': { put: ok() } });
    expect(await found(ADMIN, onlyAdmin)).toEqual([]);
    const ordinaryPublic = secured(version, { '/users': { get: { ...ok(), security: [] } }, '/admin/users': { get: ok() } });
    expect(await found(ADMIN, ordinaryPublic)).toEqual([]);
  });

  it('does not flag a public or unsecured admin operation (other rules cover those)', async () => {
    const doc = secured(version, { '/users': { get: ok() }, '/admin/status': { get: { ...ok(), security: [] } } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('adminMarkers.add adds a marker; the default ruleset does not know it', async () => {
    const doc = secured(version, { '/users': { get: ok() }, '/staff/reports': { get: ok() } });
    expect(await found(ADMIN, doc, { adminMarkers: { add: ['staff'] } })).toEqual(['paths./staff/reports.get']);
    expect(await found(ADMIN, doc)).toEqual([]);
  });
});

describe.each(VERSIONS)('wrong types do not crash these rules (%s)', version => {
  it('ignores non-list parameters, non-object responses and non-string names', async () => {
    const doc = secured(version, {
      '/a': { parameters: 'x', get: { parameters: 'x', responses: [] } },
      '/b/{id}': {
        parameters: [42, null, 'x', { name: 42, in: 'query' }, { name: 'token', in: 7 }, { name: 'id', in: 'path', schema: 'integer' }],
        get: { parameters: [{ name: ['token'], in: 'query' }, { $ref: 42 }, { $ref: '#/nowhere' }], responses: 'x', tags: 'Admin' },
      },
      '/admin/c': { get: { responses: { '200': 'x', '401': null }, tags: [1, null], security: 'x' } },
      '/c': 'x',
      '/d': null,
    });
    const results = await lint(doc);
    const paths = (rule: string) => results.filter(r => r.code === rule).map(r => r.path.join('.')).sort();
    expect(paths(CREDENTIALS)).toEqual([]);
    expect(paths(AUTH_HEADER)).toEqual([]);
    expect(paths(GUESSABLE)).toEqual([]);
    // Secured through the root and no usable 401/403 (a null 401 is no response): each is reported at its responses key.
    expect(paths(UNAUTHORIZED)).toEqual(['paths./a.get.responses', 'paths./admin/c.get.responses', 'paths./b/{id}.get.responses']);
    // `security: 'x'` is not an array, so `/admin/c` inherits the root's bearer, exactly what `/a` and `/b/{id}` accept.
    expect(paths(ADMIN)).toEqual(['paths./admin/c.get']);
  });
});
