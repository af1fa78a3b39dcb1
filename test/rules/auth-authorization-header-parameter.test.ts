import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, param, testRule, VERSIONS } from '../helpers.js';
import { api, at, get, ref } from '../fixtures/documents.js';

const AUTH_HEADER = 'auth-authorization-header-parameter';

testRule(AUTH_HEADER, VERSIONS.flatMap(version => [
  {
    name: `${version}: an Authorization header parameter, as a hint, at the parameter`,
    document: api(version, { '/things': { get: get(version, [param(version, 'q', 'query'), param(version, 'Authorization', 'header')]) } }),
    errors: [
      {
        path: ['paths', '/things', 'get', 'parameters', '1'],
        severity: DiagnosticSeverity.Hint,
        message: 'Parameter "Authorization" declares the Authorization header as a parameter: declare a security scheme (http bearer, oauth2, …) and require it with `security`, so tools and readers know how callers authenticate.',
      },
    ],
  },
  {
    name: `${version}: not Proxy-Authorization, nor an "authorization" query parameter`,
    document: api(version, { '/things': { get: get(version, [param(version, 'Proxy-Authorization', 'header'), param(version, 'authorization', 'query')]) } }),
    errors: [],
  },
]));

describe.each(VERSIONS)('auth-authorization-header-parameter (%s)', version => {
  it.each(['Authorization', 'authorization', 'AUTHORIZATION'])('flags a "%s" header parameter, as a hint, at the parameter', async name => {
    const doc = api(version, { '/things': { get: get(version, [param(version, 'q', 'query'), param(version, name, 'header')]) } });
    const results = (await lint(doc)).filter(r => r.code === AUTH_HEADER);
    expect(results.map(r => r.path.join('.'))).toEqual(['paths./things.get.parameters.1']);
    expect(results.map(r => r.severity)).toEqual([DiagnosticSeverity.Hint]);
  });

  it('judges a path-level Authorization header once, and a shared component once', async () => {
    const doc = api(
      version,
      {
        '/a': { parameters: [param(version, 'Authorization', 'header')], get: get(version), delete: get(version) },
        '/b': { get: get(version, [ref(version, 'Auth', 'parameters')]) },
        '/c': { get: get(version, [ref(version, 'Auth', 'parameters')]) },
      },
      { parameters: { Auth: param(version, 'Authorization', 'header') } },
    );
    expect(await found(AUTH_HEADER, doc)).toEqual([at(version, 'Auth', 'parameters'), 'paths./a.parameters.0'].sort());
  });

  it.each([
    ['X-Authorization-Id', 'header'],
    ['Proxy-Authorization', 'header'],
    ['authorization', 'query'],
  ])('does not flag "%s" in the %s', async (name, where) => {
    const doc = api(version, { '/things': { get: get(version, [param(version, name, where)]) } });
    expect(await found(AUTH_HEADER, doc)).toEqual([]);
  });
});
