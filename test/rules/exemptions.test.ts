// `x-api-security-exemptions` on the operation, the path item and the root: what each silences, and
// that an exemption silences only the rule it names. The operation rules serve as the example; each
// rule's own file checks the scopes that rule honours.
import { describe, expect, it } from 'vitest';
import { base, schemes, VERSIONS } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { bearerDoc, byOperationRule, oauthScheme, op, PUBLIC, READ, SCHEME_UNDEFINED, SCOPE_UNDEFINED, UNDOCUMENTED, unprotectedDoc, WRITE } from '../fixtures/security.js';

describe.each(VERSIONS)('exemptions of the operation rules (%s)', version => {
  it('without exemptions, every write operation is flagged (baseline)', async () => {
    expect(await byOperationRule(unprotectedDoc(version))).toEqual({ [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'] });
  });

  it('an operation exemption with a reason silences that operation only', async () => {
    const d = unprotectedDoc(version, { op: { [EXEMPTIONS]: { [WRITE]: 'Webhook receiver authenticated by HMAC signature.' } } });
    expect(await byOperationRule(d)).toEqual({ [WRITE]: ['paths./a.delete', 'paths./b.post'] });
  });

  it('a path item exemption with a reason silences the operations of that path item only', async () => {
    const d = unprotectedDoc(version, { item: { [EXEMPTIONS]: { [WRITE]: 'Sandbox endpoint, no real data.' } } });
    expect(await byOperationRule(d)).toEqual({ [WRITE]: ['paths./b.post'] });
  });

  it('a root exemption with a reason silences the rule everywhere', async () => {
    const d = unprotectedDoc(version, { root: { [EXEMPTIONS]: { [WRITE]: 'Internal mock server.' } } });
    expect(await byOperationRule(d)).toEqual({});
  });

  it('an exemption of one rule does not silence another', async () => {
    const d = unprotectedDoc(version, { root: { [EXEMPTIONS]: { [READ]: 'Public catalogue.', [PUBLIC]: 'Reviewed.' } }, op: { [EXEMPTIONS]: { [SCHEME_UNDEFINED]: 'Defined by the gateway.' } } });
    expect(await byOperationRule(d)).toEqual({ [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'] });
  });

  it('exempts the read rules and the public hint per operation', async () => {
    const d = bearerDoc(version, {
      '/health': { get: op(version, { [EXEMPTIONS]: { [READ]: 'Load balancer probe; returns no data.' } }) },
      '/status': { get: op(version, { security: [], [EXEMPTIONS]: { [PUBLIC]: 'Public status page.' } }) },
      '/items': { get: op(version), head: op(version, { security: [] }) },
    });
    expect(await byOperationRule(d)).toEqual({ [PUBLIC]: ['paths./items.head.security'], [READ]: ['paths./items.get'] });
  });

  it('a root exemption silences the undocumented-security finding', async () => {
    const d = base(version, { [EXEMPTIONS]: { [UNDOCUMENTED]: 'Authentication is enforced by the service mesh.' }, paths: { '/a': { post: op(version) } } });
    expect(await byOperationRule(d)).toEqual({});
  });

  it('an operation exemption silences an undefined scheme in that operation, but not one required at the root', async () => {
    const d = bearerDoc(version, {
      '/a': { get: op(version, { security: [{ gateway: [] }], [EXEMPTIONS]: { [SCHEME_UNDEFINED]: 'Defined by the API gateway.' } }) },
      '/b': { get: op(version, { security: [{ gateway: [] }] }) },
    }, [{ gateway: [] }]);
    expect(await byOperationRule(d)).toEqual({ [SCHEME_UNDEFINED]: ['paths./b.get.security.0.gateway', 'security.0.gateway'] });
  });

  it('a path item exemption silences an undefined scope in its operations', async () => {
    const d = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { read: 'Read' } }) }),
      paths: {
        '/a': { [EXEMPTIONS]: { [SCOPE_UNDEFINED]: 'Scope issued by a partner server.' }, get: op(version, { security: [{ oauth: ['partner'] }] }) },
        '/b': { get: op(version, { security: [{ oauth: ['partner'] }] }) },
      },
    });
    expect(await byOperationRule(d)).toEqual({ [SCOPE_UNDEFINED]: ['paths./b.get.security.0.oauth.0'] });
  });
});
