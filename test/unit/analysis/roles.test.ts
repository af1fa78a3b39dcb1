// Operation roles on names real APIs use, and on the look-alikes that must stay ordinary.
import { describe, expect, it } from 'vitest';
import { analyse, operationRole, operationRoles, type OperationRole, type RoleVocabulary } from '../../../functions/analysis/index.js';
import { DEFAULT_LISTS } from '../../../functions/core/defaults.js';
import { doc, oneOperation, onlyOperation, type Doc } from './fixtures.js';

const { credentialEntryNames, selfServiceNames, adminMarkers, privilegedNames, publicMetadataNames } = DEFAULT_LISTS;
const VOCABULARY: RoleVocabulary = { credentialEntryNames, selfServiceNames, adminMarkers, privilegedNames, publicMetadataNames };

function roleOf(method: string, pathKey: string, operation: Doc = {}, extra: Doc = {}): { role: OperationRole; because?: string } {
  return operationRole(onlyOperation(oneOperation(method, pathKey, operation, extra)), VOCABULARY);
}

describe('credential entry', () => {
  it.each([
    ['post', '/login'],
    ['post', '/auth/login'],
    ['post', '/api/v1/sign-in'],
    ['post', '/users/signup'],
    ['post', '/register'],
    ['post', '/oauth/token'],
    ['post', '/v2/auth/refresh-token'],
    ['post', '/auth/token/refresh'],
    ['post', '/password/reset'],
    ['post', '/forgot-password'],
    ['post', '/otp/verify'],
    ['post', '/mfa'],
    ['post', '/auth/magic-link'],
    ['put', '/users/password-reset'],
  ])('%s %s', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).toBe('credential-entry');
  });

  it.each([
    ['loginUser', undefined],
    ['signIn', undefined],
    ['auth/sign-up-user', undefined],
    [undefined, 'Sign in with email and password'],
    [undefined, 'Register a new account'],
    ['resetPassword', undefined],
  ])('operationId %s / summary %s', (operationId, summary) => {
    expect(roleOf('post', '/sessions-of-things', { operationId, summary }).role).toBe('credential-entry');
  });

  it('the token URL of a declared OAuth2 flow, wherever it is mounted', () => {
    const document = doc('3.1', {
      paths: { '/connect/issue': { post: { responses: {} } } },
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://id.example.com/connect/issue', scopes: {} } } } } },
    });
    const analysis = analyse(document);
    expect([...operationRoles(analysis, VOCABULARY).values()].map(r => r.role)).toEqual(['credential-entry']);
  });

  it.each([
    // Reading or deleting a token, or a token addressed by id, is not signing in.
    ['get', '/tokens/{id}', {}],
    ['delete', '/oauth/token', {}],
    ['post', '/tokens/{token}', {}],
    // Credential words inside a resource noun name the resource, not the operation.
    ['post', '/v1/identity/verification_sessions', {}],
    ['post', '/v1/accounts/{account}/login_links', {}],
    ['post', '/v1/checkout/sessions', {}],
    ['post', '/v1/linked_accounts/{account}/refresh', {}],
    // A verb followed by an object that is not the caller's credentials.
    ['post', '/hooks', { operationId: 'registerWebhook' }],
    ['post', '/bank_accounts/{id}/verify_ownership', { summary: 'Verify a bank account' }],
    // Sign-in read by GET is not a submitting call.
    ['get', '/user/login', {}],
  ])('not %s %s', (method, pathKey, operation) => {
    expect(roleOf(method, pathKey, operation as Doc).role).not.toBe('credential-entry');
  });
});

describe('self-service', () => {
  it.each([
    ['get', '/me'],
    ['patch', '/v1/me/profile'],
    ['get', '/user'],
    ['post', '/user/emails'],
    ['get', '/users/@me/guilds'],
    ['patch', '/users/me'],
    ['get', '/v2/account'],
    ['put', '/profile/avatar'],
    ['patch', '/app/hook/config'],
  ])('%s %s', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).toBe('self-service');
  });

  it.each([
    // Petstore-style `/user/{username}` addresses anyone's record.
    ['put', '/user/{username}'],
    ['get', '/repos/{owner}/{repo}/community/profile'],
    ['get', '/v1/accounts/{account}'],
    ['get', '/users/{id}/me-too'],
    ['get', '/users'],
    ['post', '/v1/accounts'],
  ])('not %s %s', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).not.toBe('self-service');
  });
});

describe('privileged', () => {
  it.each([
    ['get', '/admin/users', 'admin'],
    ['post', '/internal/reindex', 'internal'],
    ['post', '/scim/v2/organizations/{org}/Users', 'scim'],
    ['get', '/scim/v2/Groups', 'scim'],
    ['post', '/users/{id}/ban', 'ban'],
    ['post', '/accounts/{id}/suspend', 'suspend'],
    ['post', '/users/{id}/impersonate', 'impersonate'],
    ['put', '/users/{id}/roles', 'role'],
    ['put', '/orgs/{org}/members/{username}', 'member'],
    ['post', '/users/{id}/grant', 'grant'],
    ['get', '/orgs/{org}/audit-log', 'audit_log'],
    ['get', '/debug', 'debug'],
    ['post', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', 'cluster_role_binding'],
  ])('%s %s (%s)', (method, pathKey, because) => {
    expect(roleOf(method, pathKey)).toEqual({ role: 'privileged', because });
  });

  it.each([
    ['post', '/v1/refunds', 'refund'],
    ['post', '/v1/payouts', 'payout'],
    ['patch', '/tenants/{tenant}/settings', 'settings'],
    ['put', '/orgs/{org}/limits', 'limit'],
    ['post', '/v1/products', 'product'],
    ['delete', '/v1/prices/{price}', 'price'],
    ['put', '/configurations', 'configuration'],
  ])('platform-wide %s %s (%s)', (method, pathKey, because) => {
    expect(roleOf(method, pathKey)).toEqual({ role: 'privileged', because, platformWide: true });
  });

  it('an admin tag or scope', () => {
    expect(roleOf('get', '/reports', { tags: ['Admin API'] })).toEqual({ role: 'privileged', because: 'admin' });
    expect(roleOf('get', '/reports', { tags: ['enterprise-admin'] })).toEqual({ role: 'privileged', because: 'admin' });
    expect(roleOf('get', '/reports', { tags: ['User Management'] })).toEqual({ role: 'privileged', because: 'management' });
    // Tags that merely start with a marker word group other things.
    expect(roleOf('get', '/apis/internal.apiserver.k8s.io/v1alpha1/storageversions', { tags: ['internalApiserver_v1alpha1'] })).toEqual({ role: 'ordinary' });
    expect(roleOf('get', '/reports', { tags: ['Admin reports'] })).toEqual({ role: 'ordinary' });
    const scoped = oneOperation('get', '/reports', { security: [{ oauth: ['reports:admin'] }] });
    expect(operationRole(onlyOperation(scoped), VOCABULARY)).toEqual({ role: 'privileged', because: 'admin' });
  });

  it('a staff verb leading the operationId or summary of a write', () => {
    expect(roleOf('post', '/users/{id}/actions', { operationId: 'banUser' })).toEqual({ role: 'privileged', because: 'ban' });
    expect(roleOf('post', '/accounts/{id}/state', { summary: 'Suspend an account' })).toEqual({ role: 'privileged', because: 'suspend' });
  });

  it.each([
    // Dotted segments are API group names, not words: Kubernetes' `internal.apiserver.k8s.io` group is not an admin area.
    ['get', '/apis/internal.apiserver.k8s.io/v1alpha1/storageversions'],
    // Reading roles, members, settings or products is not managing them.
    ['get', '/orgs/{org}/members'],
    ['get', '/v1/products'],
    ['get', '/users/{id}/roles'],
    // The caller's own settings.
    ['patch', '/user/settings'],
    ['put', '/me/settings'],
    // Running or configuring one resource is its owner's business, not the platform's.
    ['put', '/v2/databases/{id}/maintenance'],
    ['patch', '/databases/{id}/config'],
    ['post', '/v1/issuing/authorizations/{authorization}/approve'],
    ['put', '/databases/{id}/replicas/{name}/promote'],
    ['delete', '/orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock'],
    ['put', '/repos/{owner}/{repo}/issues/{issue_number}/lock'],
    ['patch', '/projects/{id}/settings'],
    // A marker that is not a segment's first word names an attribute, not an area.
    ['get', '/repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins'],
    // An OAuth app's grant, and the calling app's own configuration.
    ['delete', '/applications/{client_id}/grant'],
    ['patch', '/app/hook/config'],
    // Members of a queue are calls, not people.
    ['post', '/2010-04-01/Accounts/{AccountSid}/Queues/{QueueSid}/Members/{CallSid}.json'],
    // Words inside other words.
    ['post', '/banners'],
    ['post', '/managers-guide'],
    ['get', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs'],
  ])('not %s %s', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).not.toBe('privileged');
  });
});

describe('public metadata', () => {
  it.each([
    ['get', '/health'],
    ['get', '/healthz'],
    ['head', '/v1/ping'],
    ['get', '/status'],
    ['get', '/version'],
    ['get', '/openapi.json'],
    ['get', '/api/swagger.yaml'],
    ['get', '/.well-known/openid-configuration'],
    ['get', '/.well-known/jwks.json'],
    ['get', '/oauth2/keys'],
    ['get', '/v1/openid/certs'],
  ])('%s %s', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).toBe('public-metadata');
  });

  it.each([
    ['post', '/health'],
    ['get', '/orders/{id}/status'],
    ['get', '/repos/{owner}/{repo}/pages/health'],
    ['get', '/status/history'],
    ['get', '/versions/{id}'],
    ['post', '/oauth2/keys'],
    ['get', '/users/keys'],
    ['get', '/account/oauth2/keys'],
  ])('not %s %s', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).not.toBe('public-metadata');
  });
});

describe('ordinary', () => {
  it.each([
    ['get', '/products'],
    ['get', '/pets/{petId}'],
    ['post', '/orders'],
    ['get', '/tokens/{id}'],
    ['delete', '/repos/{owner}/{repo}'],
  ])('%s %s', (method, pathKey) => {
    expect(roleOf(method, pathKey)).toEqual({ role: 'ordinary' });
  });
});

describe('operationRoles', () => {
  it('judges every operation once per vocabulary and document', () => {
    const analysis = analyse(doc('3.1', { paths: { '/login': { post: { responses: {} } }, '/me': { get: { responses: {} } } } }));
    const first = operationRoles(analysis, VOCABULARY);
    expect([...first.values()].map(r => r.role)).toEqual(['credential-entry', 'self-service']);
    expect(operationRoles(analysis, VOCABULARY)).toBe(first);
    const narrower = operationRoles(analysis, { ...VOCABULARY, credentialEntryNames: [] });
    expect([...narrower.values()].map(r => r.role)).toEqual(['ordinary', 'self-service']);
  });

  it('takes words added by the user', () => {
    const staff = analyse(doc('3.1', { paths: { '/staff/queue': { post: { responses: {} } } } }));
    expect([...operationRoles(staff, VOCABULARY).values()][0].role).toBe('ordinary');
    expect([...operationRoles(staff, { ...VOCABULARY, adminMarkers: [...VOCABULARY.adminMarkers, 'staff'] }).values()][0].role).toBe('privileged');
  });
});

describe('credential entry under an object', () => {
  it.each([
    ['post', '/app/installations/{installation_id}/access_tokens', 'a token issued for an installation, to its app'],
    ['post', '/applications/{client_id}/token', 'an OAuth app checking one of its tokens'],
    ['patch', '/applications/{client_id}/token', 'an OAuth app resetting one of its tokens'],
    ['post', '/users/{userId}/password-reset', 'a reset triggered for one user by someone else'],
  ])('%s %s is not a credential entry (%s)', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).not.toBe('credential-entry');
  });

  it.each([
    ['post', '/realms/{realm}/protocol/openid-connect/token'],
    ['post', '/tenants/{tenantId}/login'],
    ['post', '/{tenant}/oauth/token'],
    ['post', '/v2/orgs/{org}/sign-in'],
  ])('%s %s is: signing in under a tenant or realm is still signing in', (method, pathKey) => {
    expect(roleOf(method, pathKey).role).toBe('credential-entry');
  });

  it('the token URL of a declared OAuth2 flow is a credential entry wherever it is', () => {
    const document = oneOperation('post', '/clients/{clientId}/token', {}, {
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/clients/{clientId}/token', scopes: {} } } } } },
    });
    const analysis = analyse(document);
    expect(operationRoles(analysis, VOCABULARY).get(analysis.operations[0])?.role).toBe('credential-entry');
  });
});
