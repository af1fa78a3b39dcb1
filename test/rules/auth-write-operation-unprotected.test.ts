import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, bearerScheme, found, lint, schemes, testRule, VERSIONS, type Doc } from '../helpers.js';
import { bearerDoc, byOperationRule, op, PUBLIC, READ, WRITE } from '../fixtures/security.js';
import { EXEMPTIONS } from '../fixtures/documents.js';

testRule(WRITE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a write without security, and one declared public, when the document documents security elsewhere`,
    document: bearerDoc(version, { '/items': { post: op(version), delete: op(version, { security: [] }), get: op(version, { security: [{ bearer: [] }] }) } }),
    errors: [
      {
        path: ['paths', '/items', 'post'],
        severity: DiagnosticSeverity.Error,
        message: 'POST /items has no security requirement (none on the operation, none at the root): add `security` naming a scheme that callers must satisfy.',
      },
      {
        path: ['paths', '/items', 'delete', 'security'],
        severity: DiagnosticSeverity.Error,
        message: 'DELETE /items is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public.',
      },
    ],
  },
  {
    name: `${version}: not writes that inherit root security or require a scheme, nor an unprotected read`,
    document: bearerDoc(version, { '/items': { post: op(version), put: op(version, { security: [{ bearer: [] }] }), get: op(version, { security: [] }) } }, [{ bearer: [] }]),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${WRITE} (%s)`, version => {
  it('flags a write operation without security when the document documents security elsewhere, at the operation', async () => {
    const d = bearerDoc(version, {
      '/items': { post: op(version), get: op(version, { security: [{ bearer: [] }] }) },
      '/items/{id}': { put: op(version), patch: op(version), delete: op(version) },
    });
    expect(await found(WRITE, d)).toEqual([
      'paths./items.post',
      'paths./items/{id}.delete',
      'paths./items/{id}.patch',
      'paths./items/{id}.put',
    ]);
  });

  it('does not flag write operations that inherit root security', async () => {
    const d = bearerDoc(version, { '/items': { post: op(version), delete: op(version) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({});
  });

  it('does not flag a write operation whose own security requires a scheme (including a combined AND requirement)', async () => {
    const d = base(version, {
      ...schemes(version, { bearer: bearerScheme(version), key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } }),
      paths: { '/items': { post: op(version, { security: [{ bearer: [], key: [] }] }), put: op(version, { security: [{ key: [] }, { bearer: [] }] }) } },
    });
    expect(await byOperationRule(d)).toEqual({});
  });

  it('flags `security: []` on a write operation at its security array, even under root security', async () => {
    const d = bearerDoc(version, { '/items': { post: op(version, { security: [] }), put: op(version) } }, [{ bearer: [] }]);
    expect(await byOperationRule(d)).toEqual({ [WRITE]: ['paths./items.post.security'] });
  });

  it('flags an empty requirement `{}` alone and alongside a scheme (optional authentication)', async () => {
    const d = bearerDoc(version, {
      '/alone': { post: op(version, { security: [{}] }) },
      '/alternative': { delete: op(version, { security: [{ bearer: [] }, {}] }) },
    });
    expect(await byOperationRule(d)).toEqual({ [WRITE]: ['paths./alone.post.security', 'paths./alternative.delete.security'] });
  });

  it('reports an optional root requirement once, at the `{}` where it is written, for all operations inheriting it', async () => {
    const d = bearerDoc(version, { '/items': { post: op(version), put: op(version) }, '/orders': { delete: op(version), get: op(version) } }, [{ bearer: [] }, {}]);
    expect(await found(WRITE, d)).toEqual(['security.1']);
    expect(await found(READ, d)).toEqual(['security.1']);
    const [message] = (await lint(d)).filter(r => r.code === WRITE).map(r => r.message);
    expect(message).toMatch(/^The root `security` includes the empty requirement `\{\}`.* so 3 operation\(s\) that inherit it accept anonymous callers \(PUT \/items, POST \/items, DELETE \/orders\)/);
  });

  it('reports an empty root `security: []` once at the root, and operations that override it are judged on their own', async () => {
    const d = bearerDoc(version, { '/items': { post: op(version), get: op(version) }, '/orders': { post: op(version, { security: [{ bearer: [] }] }) } }, []);
    expect(await found(WRITE, d)).toEqual(['security']);
    expect(await found(PUBLIC, d)).toEqual(['security']);
    expect(await found(READ, d)).toEqual([]);
  });

  it('leaves exempted operations out of the root finding, and drops it when every inheriting operation is exempt', async () => {
    const exempt = { [EXEMPTIONS]: { [WRITE]: 'Anonymous feedback form.' } };
    const some = bearerDoc(version, { '/feedback': { post: op(version, exempt) }, '/items': { post: op(version) } }, [{ bearer: [] }, {}]);
    const [message] = (await lint(some)).filter(r => r.code === WRITE).map(r => r.message);
    expect(message).toContain('1 operation(s) that inherit it accept anonymous callers (POST /items)');
    const all = bearerDoc(version, { '/feedback': { post: op(version, exempt) } }, [{ bearer: [] }, {}]);
    expect(await found(WRITE, all)).toEqual([]);
  });

  it('ignores `security` written on the path item (not an OpenAPI field): the operation is still unprotected', async () => {
    const d = bearerDoc(version, { '/items': { security: [{ bearer: [] }], post: op(version) } });
    expect(await found(WRITE, d)).toEqual(['paths./items.post']);
  });

  it('says which operation is unprotected and why', async () => {
    const d = bearerDoc(version, { '/items': { post: op(version, { security: [] }) } });
    const results = (await lint(d)).filter(r => r.code === WRITE);
    expect(results.map(r => r.message)).toEqual([
      'POST /items is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public.',
    ]);
    expect(results.map(r => r.severity)).toEqual([0]);
  });
});

describe.each(VERSIONS)('%s: credential entry (docs/roles.md)', version => {
  const entries = ['/auth/login', '/sign-up', '/oauth/token', '/password/reset', '/otp/verify'];

  it('a sign-in, sign-up, token, password reset or OTP check declared public or optional is public by necessity', async () => {
    const paths = Object.fromEntries(entries.map((path, i) => [path, { post: op(version, { security: i % 2 === 0 ? [] : [{}, { bearer: [] }] }) }]));
    expect(await found(WRITE, bearerDoc(version, paths, [{ bearer: [] }]))).toEqual([]);
  });

  it('is still reported without any security, and look-alikes are not credential entries', async () => {
    const doc = bearerDoc(version, {
      '/auth/login': { post: op(version) },
      '/tokens/{id}': { put: op(version, { security: [] }) },
      '/v1/identity/verification_sessions': { post: op(version, { security: [] }) },
      '/hooks': { post: op(version, { security: [], operationId: 'registerWebhook' }) },
    }, undefined);
    expect(await found(WRITE, { ...doc, paths: { ...(doc.paths as object), '/orders': { get: op(version, { security: [{ bearer: [] }] }) } } })).toEqual([
      'paths./auth/login.post',
      'paths./hooks.post.security',
      'paths./tokens/{id}.put.security',
      'paths./v1/identity/verification_sessions.post.security',
    ]);
  });

  it('an optional root requirement is reported without the credential entries that inherit it', async () => {
    const results = await lint(bearerDoc(version, { '/auth/login': { post: op(version) }, '/orders': { post: op(version) } }, [{}, { bearer: [] }]));
    const messages = results.filter(r => r.code === WRITE).map(r => r.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('1 operation(s) that inherit it accept anonymous callers (POST /orders)');
  });
});

describe.each(VERSIONS)('%s: writes that carry their own credential', version => {
  const body = (schema: Doc) =>
    version === '2.0' ? { parameters: [{ name: 'body', in: 'body', required: true, schema }] } : { requestBody: { required: true, content: { 'application/json': { schema } } } };

  it('a body that requires a credential, a handed-out presigned URL: not anonymous, not reported', async () => {
    const d = bearerDoc(
      version,
      {
        '/partner/accounts/unmerge': { post: op(version, { security: [], ...body({ type: 'object', required: ['client_id', 'external_auth_token'], properties: { client_id: { type: 'string' }, external_auth_token: { type: 'string' } } }) }) },
        '/<upload_url>': { put: op(version, { security: [] }) },
        '/accounts/merge': { post: op(version, { security: [{}], ...body({ allOf: [{ type: 'object', required: ['client_secret'] }] }) }) },
      },
      [{ bearer: [] }],
    );
    expect(await found(WRITE, d)).toEqual([]);
  });

  it('a body whose credential is optional, or a flag about one, is still anonymous', async () => {
    const d = bearerDoc(
      version,
      {
        '/accounts/merge': { post: op(version, { security: [], ...body({ type: 'object', properties: { password: { type: 'string' } } }) }) },
        '/accounts/flags': { post: op(version, { security: [], ...body({ type: 'object', required: ['has_password'] }) }) },
        '/files/{file_url}': { put: op(version, { security: [] }) },
      },
      [{ bearer: [] }],
    );
    expect(await found(WRITE, d)).toEqual(['paths./accounts/flags.post.security', 'paths./accounts/merge.post.security', 'paths./files/{file_url}.put.security']);
  });

  it('credentialNames is the data rules\' option: a name added there authenticates a body too', async () => {
    const d = bearerDoc(version, { '/claims': { post: op(version, { security: [], ...body({ type: 'object', required: ['claim_ticket'] }) }) } }, [{ bearer: [] }]);
    expect(await found(WRITE, d)).toEqual(['paths./claims.post.security']);
    expect(await found(WRITE, d, { credentialNames: { add: ['claim_ticket'] } })).toEqual([]);
  });
});
