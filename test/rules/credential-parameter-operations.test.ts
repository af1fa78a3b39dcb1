// Home-made authentication and the rules that judge who may call an operation: an operation that
// takes a credential as a header, cookie or query parameter authenticates its callers, so the
// unprotected-operation rules do not call it anonymous; the parameter rules report how the
// credential travels instead. Operations that take none are judged as before.
import { describe, expect, it } from 'vitest';
import { createRuleset } from '../../index.js';
import { base, byRule, componentRef, lint, param, schemes, VERSIONS, type Doc, type Version } from '../helpers.js';
import { bearerDoc, op, PUBLIC, READ, UNDOCUMENTED, WRITE } from '../fixtures/security.js';

const UNDECLARED = 'auth-credential-parameter-undeclared';
const CREDENTIALS = 'auth-credentials-in-url';
const PRIVILEGED = 'auth-privileged-operation-unprotected';
const RULES = [UNDOCUMENTED, WRITE, READ, PUBLIC, PRIVILEGED, UNDECLARED, CREDENTIALS];

/** A required parameter: a credential the caller must send. */
function required(version: Version, name: string, where: string): Doc {
  return { ...param(version, name, where), required: true };
}

/** A session cookie in 3.x; Swagger 2.0 has no cookie parameters, so an access token in the query there. */
function sessionCredential(version: Version): Doc {
  return version === '2.0' ? required(version, 'access_token', 'query') : required(version, 'JSESSIONID', 'cookie');
}

describe.each(VERSIONS)('%s: operations that take a credential as a parameter', version => {
  it('in a description with schemes, an operation without security that takes one is not anonymous; one that takes none still is', async () => {
    const doc = bearerDoc(version, {
      '/a': { post: op(version, { parameters: [required(version, 'X-Api-Key', 'header')] }) },
      '/b': { post: op(version), get: op(version, { parameters: [sessionCredential(version)] }) },
      '/c': { get: op(version, { parameters: [required(version, 'X-Request-Id', 'header')] }) },
    });
    expect(await byRule(RULES, doc)).toEqual({
      [WRITE]: ['paths./b.post'],
      [READ]: ['paths./c.get'],
      [UNDECLARED]: version === '2.0' ? ['paths./a.post.parameters.0'] : ['paths./a.post.parameters.0', 'paths./b.get.parameters.0'],
      ...(version === '2.0' ? { [CREDENTIALS]: ['paths./b.get.parameters.0'] } : {}),
    });
  });

  it('an operation declared public or optional that takes one is not reported as public (through $ref and path-level parameters)', async () => {
    const keyRef = { $ref: componentRef(version, 'parameters', 'Key') };
    const doc = bearerDoc(
      version,
      {
        '/items': { get: op(version, { security: [], parameters: [keyRef] }), post: op(version, { security: [{}], parameters: [keyRef] }) },
        '/orders': { parameters: [required(version, 'x-auth-token', 'header')], delete: op(version, { security: [] }) },
        '/products': { get: op(version, { security: [] }) },
      },
      [{ bearer: [] }],
      version === '2.0' ? { parameters: { Key: required(version, 'X-API-Key', 'header') } } : {},
    );
    if (version !== '2.0') (doc.components as Doc).parameters = { Key: required(version, 'X-API-Key', 'header') };
    expect(await byRule(RULES, doc)).toEqual({
      [PUBLIC]: ['paths./products.get.security'],
      [UNDECLARED]: [componentRef(version, 'parameters', 'Key').slice(2).split('/').join('.'), 'paths./orders.parameters.0'].sort(),
    });
  });

  it('an optional root requirement counts only the inheriting operations that take no credential', async () => {
    const doc = bearerDoc(
      version,
      { '/a': { post: op(version, { parameters: [required(version, 'X-Api-Key', 'header')] }) }, '/b': { post: op(version) }, '/c': { delete: op(version) } },
      [{}, { bearer: [] }],
    );
    const messages = (await lint(doc)).filter(r => r.code === WRITE).map(r => r.message);
    expect(messages).toEqual([expect.stringContaining('so 2 operation(s) that inherit it accept anonymous callers (POST /b, DELETE /c)')]);
  });

  it('privileged operations that take one are not anonymous, with or without schemes; those that take none still are', async () => {
    const key = required(version, 'X-Api-Key', 'header');
    const withSchemes = bearerDoc(version, { '/users/{id}/ban': { post: op(version, { security: [], parameters: [key] }) }, '/users/{id}/suspend': { post: op(version, { security: [] }) } }, [{ bearer: [] }]);
    expect(await byRule([PRIVILEGED], withSchemes)).toEqual({ [PRIVILEGED]: ['paths./users/{id}/suspend.post.security'] });
    const without = base(version, { paths: { '/admin/users': { delete: op(version, { parameters: [key] }) }, '/admin/stats': { get: op(version) } } });
    expect(await byRule([PRIVILEGED], without)).toEqual({ [PRIVILEGED]: ['paths./admin/stats.get'] });
  });

  it('an optional query credential is not the caller\'s: the operation is still judged (and the parameter reported as in the URL)', async () => {
    const doc = bearerDoc(version, { '/packages/{name}/restore': { post: op(version, { parameters: [param(version, 'token', 'query')] }) } });
    expect(await byRule([WRITE, UNDECLARED, CREDENTIALS], doc)).toEqual({ [WRITE]: ['paths./packages/{name}/restore.post'], [CREDENTIALS]: ['paths./packages/{name}/restore.post.parameters.0'] });
  });

  it('an optional credential parameter leaves the operation open to anonymous callers: judged as before', async () => {
    const doc = bearerDoc(version, { '/a': { post: op(version, { parameters: [param(version, 'X-Api-Key', 'header')] }) } });
    expect(await byRule([WRITE, UNDECLARED], doc)).toEqual({ [WRITE]: ['paths./a.post'], [UNDECLARED]: ['paths./a.post.parameters.0'] });
  });

  it('the echo of an API key scheme the operation names, even optionally (`{}`), changes nothing: its security says who may call', async () => {
    const doc = base(version, {
      ...schemes(version, { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } }),
      paths: { '/a': { post: op(version, { security: [{}, { key: [] }], parameters: [required(version, 'X-API-Key', 'header')] }) } },
    });
    expect(await byRule([WRITE, UNDECLARED], doc)).toEqual({ [WRITE]: ['paths./a.post.security'] });
  });

  it('the echo of an API key scheme the operation does not require authenticates it; the parameter is reported with the scheme to require', async () => {
    const doc = base(version, {
      ...schemes(version, { key: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } }),
      paths: { '/locations': { post: op(version, { parameters: [required(version, 'X-Auth-Token', 'header')] }), get: op(version) } },
    });
    expect(await byRule([WRITE, READ, UNDECLARED], doc)).toEqual({ [READ]: ['paths./locations.get'], [UNDECLARED]: ['paths./locations.post.parameters.0'] });
    const messages = (await lint(doc)).filter(r => r.code === UNDECLARED).map(r => r.message);
    expect(messages).toEqual([
      'Header parameter "X-Auth-Token" repeats the API key scheme "key", which an operation that takes it does not require: require the scheme with `security` (root or per operation) and drop the parameter, so gateways, SDK generators and reviewers see how callers authenticate.',
    ]);
  });

  it('the lists decide: a header the defaults do not know leaves the operation judged as anonymous until it is added', async () => {
    const doc = bearerDoc(version, { '/a': { post: op(version, { parameters: [required(version, 'X-Vault-Token', 'header')] }) } });
    expect(await byRule([WRITE, UNDECLARED], doc)).toEqual({ [WRITE]: ['paths./a.post'] });
    expect(await byRule([WRITE, UNDECLARED], doc, createRuleset({ credentialHeaderNames: { add: ['X-Vault-Token'] } }))).toEqual({ [UNDECLARED]: ['paths./a.post.parameters.0'] });
  });
});
