import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, bearerScheme, found, response, schemes, testRule, VERSIONS, type Version } from '../helpers.js';
import { api, get } from '../fixtures/documents.js';
import { oauthScheme } from '../fixtures/security.js';

const ADMIN = 'auth-admin-operation-shared-security';
const ADMIN_SCOPES = { authorizationCode: { read: 'Read', write: 'Write', admin: 'Administer' } };

/** A GET documenting 401, so only the admin rule has something to say about it. */
const ok = (version: Version) => get(version, [], { responses: { '200': response(version), '401': response(version, 'No') } });

/**
 * A description that can tell some callers apart: the root bearer token, and a partner key that
 * one other operation takes instead. With one way in for every operation, the rule reports the
 * description once instead (see 'one way in' below).
 */
function twoWays(version: Version, paths: Record<string, unknown>): Record<string, unknown> {
  const partner = { type: 'apiKey', in: 'header', name: 'X-Partner-Key' };
  return api(version, { ...paths, '/partner/feed': { get: { ...ok(version), security: [{ partner: [] }] } } }, {}, schemes(version, { bearer: bearerScheme(version), partner }));
}

testRule(ADMIN, VERSIONS.flatMap(version => [
  {
    name: `${version}: an admin operation accepting the root security of ordinary ones, at the operation`,
    document: twoWays(version, { '/users': { get: ok(version) }, '/admin/users': { get: ok(version) } }),
    errors: [
      {
        path: ['paths', '/admin/users', 'get'],
        severity: DiagnosticSeverity.Warning,
        message: 'Privileged operation GET /admin/users ("admin") accepts the same security requirements (inherited from the root) as GET /users: require an admin-only scope or scheme so ordinary callers cannot reach it (or, if the API checks a finer permission at run time, name it in the description and exempt the operation with that reason).',
      },
    ],
  },
  {
    name: `${version}: one way in for every operation: once, at the root security, naming the privileged operations`,
    document: api(version, { '/users': { get: ok(version) }, '/admin/users': { get: ok(version) }, '/users/{id}/ban': { post: ok(version) } }),
    errors: [
      {
        path: ['security'],
        severity: DiagnosticSeverity.Warning,
        message:
          '2 privileged operation(s) (GET /admin/users, POST /users/{id}/ban) accept the same credentials as every other operation: the description has one way to authenticate and no scope or role that only administrators hold, so it cannot tell them apart from other callers. Define an admin-only scope or scheme and require it on these operations (or, if the API checks finer permissions at run time, name them in the description and exempt the operations with that reason).',
      },
    ],
  },
  {
    name: `${version}: not an admin operation that requires an extra admin scope, nor a look-alike path`,
    document: base(version, {
      ...schemes(version, { oauth: oauthScheme(version, ADMIN_SCOPES) }),
      security: [{ oauth: ['read'] }],
      paths: { '/users': { get: ok(version) }, '/badminton': { get: ok(version) }, '/admin/users': { get: { ...ok(version), security: [{ oauth: ['read', 'admin'] }] } } },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)('auth-admin-operation-shared-security (%s)', version => {
  it('flags /admin/users inheriting the same root bearer security as /users, at the operation', async () => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, '/admin/users': { get: ok(version), delete: ok(version) } });
    expect(await found(ADMIN, doc)).toEqual(['paths./admin/users.delete', 'paths./admin/users.get']);
  });

  it('flags an admin operation whose own security equals an ordinary operation\'s, at its security', async () => {
    const doc = base(version, {
      ...schemes(version, { bearer: bearerScheme(version), partner: { type: 'apiKey', in: 'header', name: 'X-Partner-Key' } }),
      paths: {
        '/users': { get: { ...ok(version), security: [{ bearer: [] }] } },
        '/admin/users': { get: { ...ok(version), security: [{ bearer: [] }] } },
        '/partner/feed': { get: { ...ok(version), security: [{ partner: [] }] } },
      },
    });
    expect(await found(ADMIN, doc)).toEqual(['paths./admin/users.get.security']);
  });

  it('does not flag an admin operation that requires an extra `admin` scope', async () => {
    const doc = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, ADMIN_SCOPES) }),
      security: [{ oauth: ['read'] }],
      paths: {
        '/users': { get: ok(version) },
        '/admin/users': { get: { ...ok(version), security: [{ oauth: ['read', 'admin'] }] } },
      },
    });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('flags an admin operation requiring the same scopes as an ordinary one, in another order', async () => {
    const doc = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, ADMIN_SCOPES) }),
      paths: {
        '/users': { get: { ...ok(version), security: [{ oauth: ['read', 'write'] }] } },
        '/admin/users': { get: { ...ok(version), security: [{ oauth: ['write', 'read'] }] } },
        '/reports': { get: { ...ok(version), security: [{ oauth: ['read'] }] } },
      },
    });
    expect(await found(ADMIN, doc)).toEqual(['paths./admin/users.get.security']);
  });

  it('does not flag an admin operation secured by an admin-only scheme', async () => {
    const doc = api(version, {
      '/users': { get: ok(version) },
      '/admin/users': { get: { ...ok(version), security: [{ adminKey: [] }] } },
    }, {}, schemes(version, { bearer: bearerScheme(version), adminKey: { type: 'apiKey', in: 'header', name: 'X-Admin-Key' } }));
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it.each(['Admin', 'Internal', 'admin-tools', 'Management'])('tag "%s" marks an operation as administrative', async tag => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, '/reports': { get: { ...ok(version), tags: ['reports', tag] } } });
    expect(await found(ADMIN, doc)).toEqual(['paths./reports.get']);
  });

  it('ordinary tags do not mark an operation as administrative', async () => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, '/reports': { get: { ...ok(version), tags: ['reports', 'Administrivia', 'badminton'] } } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it.each(['/administrators', '/internal/metrics', '/v1/manage/keys', '/ops/health', '/admins/{adminId}'])('path %s counts as administrative', async path => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, [path]: { get: ok(version) } });
    expect(await found(ADMIN, doc)).toEqual([`paths.${path}.get`]);
  });

  it.each(['/badminton', '/managed-databases', '/operations', '/users/{admin}', '/shops'])('path %s does not count as administrative', async path => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, [path]: { get: ok(version) } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('does not flag when no ordinary operation accepts the same requirement', async () => {
    const onlyAdmin = api(version, { '/admin/users': { get: ok(version) }, '/admin/settings': { put: ok(version) } });
    expect(await found(ADMIN, onlyAdmin)).toEqual([]);
    const ordinaryPublic = api(version, { '/users': { get: { ...ok(version), security: [] } }, '/admin/users': { get: ok(version) } });
    expect(await found(ADMIN, ordinaryPublic)).toEqual([]);
  });

  it('does not flag a public or unsecured admin operation (other rules cover those)', async () => {
    const doc = api(version, { '/users': { get: ok(version) }, '/admin/status': { get: { ...ok(version), security: [] } } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('adminMarkers.add adds a marker; the default ruleset does not know it', async () => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, '/staff/reports': { get: ok(version) } });
    expect(await found(ADMIN, doc, { adminMarkers: { add: ['staff'] } })).toEqual(['paths./staff/reports.get']);
    expect(await found(ADMIN, doc)).toEqual([]);
  });
});

describe.each(VERSIONS)('auth-admin-operation-shared-security, privileged by role (%s)', version => {
  it.each([
    ['post', '/users/{id}/ban'],
    ['put', '/orgs/{org}/members/{username}'],
    ['put', '/users/{id}/roles'],
    ['post', '/v1/refunds'],
    ['patch', '/tenants/{tenant}/settings'],
    ['get', '/orgs/{org}/audit-log'],
  ])('%s %s is privileged', async (method, path) => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, [path]: { [method]: ok(version) } });
    expect(await found(ADMIN, doc)).toEqual([`paths.${path}.${method}`]);
  });

  it.each([
    ['get', '/orgs/{org}/members'],
    ['get', '/users/{id}/roles'],
    ['post', '/queues/{id}/members'],
    ['get', '/apis/internal.apiserver.k8s.io/v1alpha1/storageversions'],
    ['put', '/me/settings'],
  ])('%s %s is not', async (method, path) => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, [path]: { [method]: ok(version) } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('with one way in, running the platform (refunds, products, settings) is the one kind of caller\'s own business: not named', async () => {
    const doc = api(version, { '/users': { get: ok(version) }, '/v1/refunds': { post: ok(version) }, '/settings': { put: ok(version) } });
    expect(await found(ADMIN, doc)).toEqual([]);
    const withRoles = api(version, { '/users': { get: ok(version) }, '/v1/refunds': { post: ok(version) }, '/users/{id}/roles': { put: ok(version) } });
    expect(await found(ADMIN, withRoles)).toEqual(['security']);
  });

  it('an operation on the same resource does not count as the ordinary one (a dedicated scope for it)', async () => {
    const scoped = { ...ok(version), security: [{ bearer: [] }, { partner: [] }] };
    const doc = twoWays(version, { '/users': { get: ok(version) }, '/commands/{id}/permissions': { put: scoped }, '/commands/permissions': { get: scoped } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('a tag that only starts with a marker (a Kubernetes API group) does not mark the operation', async () => {
    const doc = twoWays(version, { '/users': { get: ok(version) }, '/storageversions': { get: { ...ok(version), tags: ['internalApiserver_v1alpha1'] } } });
    expect(await found(ADMIN, doc)).toEqual([]);
  });

  it('an exempted privileged operation leaves the one-way-in finding, or drops it when it was the only one', async () => {
    const paths = { '/users': { get: ok(version) }, '/admin/users': { get: ok(version) }, '/admin/keys': { get: { ...ok(version), 'x-api-security-exemptions': { [ADMIN]: 'Lists key names only.' } } } };
    expect(await found(ADMIN, api(version, paths))).toEqual(['security']);
    const only = { '/users': { get: ok(version) }, '/admin/keys': paths['/admin/keys'] };
    expect(await found(ADMIN, api(version, only))).toEqual([]);
  });
});
