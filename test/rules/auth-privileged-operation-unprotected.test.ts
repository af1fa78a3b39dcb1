import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, schemes, bearerScheme, testRule, VERSIONS, type Version } from '../helpers.js';
import { bearerDoc, op } from '../fixtures/security.js';

const RULE = 'auth-privileged-operation-unprotected';

/** A 2.0 path parameter carries its type; 3.x has a schema. */
const idParam = (version: Version) => (version === '2.0' ? { name: 'id', in: 'path', required: true, type: 'string', format: 'uuid' } : { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });

testRule(RULE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a ban declared public, at its security`,
    document: bearerDoc(version, { '/users/{id}/ban': { parameters: [idParam(version)], post: op(version, { security: [] }) }, '/users': { get: op(version) } }, [{ bearer: [] }]),
    errors: [
      {
        path: ['paths', '/users/{id}/ban', 'post', 'security'],
        severity: DiagnosticSeverity.Error,
        message: 'POST /users/{id}/ban is privileged ("ban") but is declared public with `security: []`: require a scheme, and a scope or role, that only administrators or staff hold.',
      },
    ],
  },
  {
    name: `${version}: admin operations inheriting an optional root requirement, at each operation`,
    document: bearerDoc(version, { '/admin/users': { get: op(version), delete: op(version) }, '/products': { get: op(version) } }, [{}, { bearer: [] }]),
    errors: ['get', 'delete'].map(method => ({
      path: ['paths', '/admin/users', method],
      severity: DiagnosticSeverity.Error,
      message: `${method.toUpperCase()} /admin/users is privileged ("admin") but accepts callers without credentials (the empty requirement \`{}\`) (inherited from the root \`security\`): require a scheme, and a scope or role, that only administrators or staff hold.`,
    })),
  },
  {
    name: `${version}: in a description without any security, each privileged operation still`,
    document: base(version, { paths: { '/orgs/{org}/members/{username}': { put: op(version) }, '/orgs/{org}/audit-log': { get: op(version) }, '/orgs/{org}/repos': { get: op(version) } } }),
    errors: [
      { path: ['paths', '/orgs/{org}/members/{username}', 'put'], severity: DiagnosticSeverity.Error, message: expect.stringContaining('is privileged ("member") but is in a description that documents no security at all') },
      { path: ['paths', '/orgs/{org}/audit-log', 'get'], severity: DiagnosticSeverity.Error, message: expect.stringContaining('is privileged ("audit_log")') },
    ],
  },
  {
    name: `${version}: not privileged operations that require a scheme, reads of members, look-alike words, dotted API groups`,
    document: bearerDoc(version, {
      '/admin/users': { get: op(version, { security: [{ bearer: [] }] }) },
      '/orgs/{org}/members': { get: op(version, { security: [] }) },
      '/banners': { post: op(version, { security: [] }) },
      '/apis/internal.apiserver.k8s.io/v1/storageversions': { get: op(version, { security: [] }) },
      '/queues/{id}/members': { post: op(version, { security: [] }) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)('%s: the other unprotected rules leave privileged operations to this one', version => {
  it('a public privileged write is reported once, by this rule', async () => {
    const doc = bearerDoc(version, { '/users/{id}/suspend': { parameters: [idParam(version)], post: op(version, { security: [] }) } }, [{ bearer: [] }]);
    expect(await found(RULE, doc)).toEqual(['paths./users/{id}/suspend.post.security']);
    expect(await found('auth-write-operation-unprotected', doc)).toEqual([]);
  });

  it('privilegedNames and adminMarkers tune what is privileged', async () => {
    const doc = bearerDoc(version, { '/staff/queue': { post: op(version, { security: [] }) }, '/v1/moderation': { post: op(version, { security: [] }) } }, [{ bearer: [] }]);
    expect(await found(RULE, doc)).toEqual([]);
    expect(await found(RULE, doc, { adminMarkers: { add: ['staff'] }, privilegedNames: { add: ['moderation'] } })).toEqual(['paths./staff/queue.post.security', 'paths./v1/moderation.post.security']);
  });

  it('an exemption on the operation silences it', async () => {
    const doc = bearerDoc(version, { '/admin/announcements': { get: op(version, { security: [], 'x-api-security-exemptions': { [RULE]: 'Shown to every visitor.' } }) } }, [{ bearer: [] }]);
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('a privileged operation that requires a scheme is not this rule\'s (whether ordinary callers share it is auth-admin-operation-shared-security\'s)', async () => {
    const doc = base(version, { ...schemes(version, { bearer: bearerScheme(version) }), security: [{ bearer: [] }], paths: { '/admin/users': { delete: op(version) } } });
    expect(await found(RULE, doc)).toEqual([]);
  });
});

describe.each(VERSIONS)('%s: privileged operations that carry their own credential', version => {
  it('a body that requires a credential authenticates the caller; an optional one does not', async () => {
    const body = (required: string[]) =>
      version === '2.0'
        ? { parameters: [idParam(version), { name: 'body', in: 'body', required: true, schema: { type: 'object', required, properties: { admin_password: { type: 'string' }, reason: { type: 'string' } } } }] }
        : { parameters: [idParam(version)], requestBody: { content: { 'application/json': { schema: { type: 'object', required, properties: { admin_password: { type: 'string' }, reason: { type: 'string' } } } } } } };
    const d = bearerDoc(
      version,
      { '/users/{id}/ban': { post: op(version, { security: [], ...body(['admin_password']) }) }, '/users/{id}/suspend': { post: op(version, { security: [], ...body(['reason']) }) } },
      [{ bearer: [] }],
    );
    expect(await found(RULE, d)).toEqual(['paths./users/{id}/suspend.post.security']);
  });
});
