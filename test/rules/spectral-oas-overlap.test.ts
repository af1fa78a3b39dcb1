// Where the undefined-scheme and undefined-scope rules and spectral:oas `operation-security-defined`
// agree, and where ours deliberately say nothing (OpenID Connect scopes, OAS 3.1 roles).
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { base, found, schemes, VERSIONS, type Doc } from '../helpers.js';
import { byOperationRule, oauthScheme, op, SCHEME_UNDEFINED, SCOPE_UNDEFINED } from '../fixtures/security.js';

describe('overlap with spectral:oas operation-security-defined', () => {
  const spectralOas = { extends: [[oas, 'all']] } as unknown as RulesetDefinition;
  const theirs = (rule: string, d: Doc) => found(rule, d, spectralOas);
  const ours = (d: Doc) => byOperationRule(d);

  it.each(['3.0', '3.1'] as const)('OpenID Connect scopes (%s): theirs reports, ours does not', async version => {
    const d = base(version, {
      components: { securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' } } },
      security: [{ oidc: ['openid'] }],
      paths: { '/a': { get: op(version, { security: [{ oidc: ['profile'] }] }) } },
    });
    expect(await theirs('oas3-operation-security-defined', d)).toEqual(['paths./a.get.security.0.oidc.0', 'security.0.oidc.0']);
    expect(await ours(d)).toEqual({});
  });

  it('OAS 3.1 role names on an http bearer scheme: theirs reports, ours does not', async () => {
    const d = base('3.1', {
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      paths: { '/a': { delete: op('3.1', { security: [{ bearer: ['admin'] }] }) } },
    });
    expect(await theirs('oas3-operation-security-defined', d)).toEqual(['paths./a.delete.security.0.bearer.0']);
    expect(await ours(d)).toEqual({});
  });

  it.each(VERSIONS)('undefined schemes and OAuth2 scopes (%s): both report, at the same paths', async version => {
    const d = base(version, {
      ...schemes(version, { oauth: oauthScheme(version, { authorizationCode: { read: 'Read' } }) }),
      security: [{ missing: [] }],
      paths: { '/a': { get: op(version, { security: [{ oauth: ['read', 'write'] }] }) } },
    });
    const rule = version === '2.0' ? 'oas2-operation-security-defined' : 'oas3-operation-security-defined';
    expect(await theirs(rule, d)).toEqual(['paths./a.get.security.0.oauth.1', 'security.0.missing']);
    expect(await ours(d)).toEqual({ [SCHEME_UNDEFINED]: ['security.0.missing'], [SCOPE_UNDEFINED]: ['paths./a.get.security.0.oauth.1'] });
  });
});
