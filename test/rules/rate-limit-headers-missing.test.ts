import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, messagesOf, response, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { components, HEADERS, operation, TOO_MANY, withHeaders, withPaths } from '../fixtures/rate-limits.js';

/** Operations that declare their limits: enough of them that the description mostly does, so gaps are reported one by one. */
function declaring(version: Version, count = 12): Doc {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`/reference${i}`, { get: { responses: { '200': withHeaders(version, 'OK', ['RateLimit', 'RateLimit-Policy']) } } }]));
}

testRule(HEADERS, VERSIONS.flatMap(version => [
  {
    name: `${version}: no response declares any: once, at paths, as info`,
    document: withPaths(version, { '/orders': { get: operation(version, true), post: operation(version) } }),
    errors: [
      {
        path: ['paths'],
        severity: DiagnosticSeverity.Information,
        message: 'No response declares rate-limit headers, so clients of 2 operation(s) cannot see their limits: declare `RateLimit` and `RateLimit-Policy` (or X-RateLimit-*) on successful and 429 responses.',
      },
    ],
  },
  {
    name: `${version}: most responses declare them: the others one by one`,
    document: withPaths(version, { ...declaring(version, 3), '/orders': { get: operation(version) } }),
    errors: [{ path: ['paths', '/orders', 'get', 'responses', '200'], severity: DiagnosticSeverity.Information, message: expect.stringContaining('This 200 response declares no rate-limit headers') }],
  },
  {
    name: `${version}: not responses that declare X-RateLimit-* headers, nor error responses without them`,
    document: withPaths(version, { '/orders': { get: { responses: { '200': withHeaders(version, 'OK', ['X-RateLimit-Limit']), '400': response(version, 'Bad.') } } } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${HEADERS} (%s)`, version => {
  it('when no response declares any, reports once at paths, as info', async () => {
    const d = withPaths(version, { '/orders': { get: operation(version, true), post: operation(version) }, '/orders/{id}': { delete: { responses: { '204': response(version, 'Deleted.') } } } });
    const own = (await lint(d)).filter(r => r.code === HEADERS);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths']);
    expect(own[0].severity).toBe(DiagnosticSeverity.Information);
    expect(own[0].message).toBe(
      'No response declares rate-limit headers, so clients of 3 operation(s) cannot see their limits: declare `RateLimit` and `RateLimit-Policy` (or X-RateLimit-*) on successful and 429 responses.',
    );
  });

  it('the document-level count leaves out exempted operations and those with only error responses', async () => {
    const reason = { [HEADERS]: 'Internal probe.' };
    const d = withPaths(version, {
      '/orders': { get: operation(version), post: operation(version, false, { [EXEMPTIONS]: reason }) },
      '/fail': { get: { responses: { '500': response(version, 'Error.') } } },
    });
    expect((await messagesOf(HEADERS, d))).toEqual([expect.stringContaining('clients of 1 operation(s)')]);
    const allExempt = withPaths(version, { '/orders': { [EXEMPTIONS]: reason, get: operation(version) } });
    expect(await found(HEADERS, allExempt)).toEqual([]);
  });

  it('once most operations declare them, judges 2xx and 429 responses one by one, not 400/401/403/404/500/default', async () => {
    const errors = Object.fromEntries(['400', '401', '403', '404', '4XX', '500', 'default'].map(status => [status, response(version, 'Error.')]));
    const d = withPaths(version, {
      ...declaring(version),
      '/orders': {
        get: { responses: { '200': response(version), '429': TOO_MANY(version), ...errors } },
        post: { responses: { '201': response(version, 'Created.'), '202': response(version, 'Accepted.'), ...errors } },
        delete: { responses: { '204': response(version, 'Deleted.'), ...errors } },
        put: { responses: { '2XX': response(version, 'Done.'), '3XX': response(version, 'Moved.') } },
      },
    });
    const own = (await lint(d)).filter(r => r.code === HEADERS);
    expect(own.map(r => r.path.join('.')).sort()).toEqual([
      'paths./orders.delete.responses.204',
      'paths./orders.get.responses.200',
      'paths./orders.get.responses.429',
      'paths./orders.post.responses.201',
      'paths./orders.post.responses.202',
      'paths./orders.put.responses.2XX',
    ]);
    expect(own.find(r => r.path.join('.') === 'paths./orders.get.responses.200')?.message).toBe(
      'This 200 response declares no rate-limit headers: add `RateLimit` and `RateLimit-Policy` (or the X-RateLimit-* headers the rest of the API uses) so clients can pace themselves.',
    );
  });

  it('limits declared only on an error response still count as declaring them', async () => {
    const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), '401': withHeaders(version, 'Unauthorized.', ['X-RateLimit-Limit']) } } } });
    expect(await found(HEADERS, d)).toEqual(['paths./orders.get.responses.200']);
  });

  it.each([
    [['RateLimit-Policy']],
    [['RateLimit']],
    [['RateLimit', 'RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']],
    [['x-ratelimit-limit']],
    [['X-RATELIMIT-REMAINING']],
    [['ratelimit-remaining']],
    [['RateLimit-Limit', 'RateLimit-Reset']],
    [['X-Rate-Limit-Reset']],
  ])('accepts %j', async names => {
    const d = withPaths(version, { ...declaring(version), '/orders': { get: { responses: { '200': withHeaders(version, 'OK', names), '429': withHeaders(version, 'Slow down.', ['Retry-After', ...names]) } } } });
    expect(await found(HEADERS, d)).toEqual([]);
  });

  it.each([[['Retry-After']], [['X-Request-Id', 'Cache-Control']], [['RateLimiter']], [['X-Quota-Remaining']]])('does not accept %j', async names => {
    const d = withPaths(version, { ...declaring(version), '/orders': { get: { responses: { '200': withHeaders(version, 'OK', names) } } } });
    expect(await found(HEADERS, d)).toEqual(['paths./orders.get.responses.200']);
  });

  it('rateLimitHeaderNames.add accepts X-Quota-*; the default ruleset reports the whole document once', async () => {
    const d = withPaths(version, {
      '/orders': { get: { responses: { '200': withHeaders(version, 'OK', ['X-Quota-Remaining']), '429': withHeaders(version, 'Slow down.', ['Retry-After', 'X-Quota-Reset']) } } },
      '/orders/{id}': { get: operation(version) },
    });
    expect(await found(HEADERS, d, { rateLimitHeaderNames: { add: ['X-Quota-*'] } })).toEqual(['paths./orders/{id}.get.responses.200']);
    expect(await found(HEADERS, d)).toEqual(['paths']);
  });

  it('rateLimitHeaderNames.remove drops a default name', async () => {
    const d = withPaths(version, { ...declaring(version), '/orders': { get: { responses: { '200': withHeaders(version, 'OK', ['X-Rate-Limit-Remaining']) } } } });
    expect(await found(HEADERS, d, { rateLimitHeaderNames: { remove: ['X-Rate-Limit-*'] } })).toEqual(['paths./orders.get.responses.200']);
  });

  it('reports a shared response once, where it is written', async () => {
    const ref = version === '2.0' ? '#/responses/Ok' : '#/components/responses/Ok';
    const paths = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`/things${i}`, { get: { responses: { '200': { $ref: ref } } } }]));
    const d = withPaths(version, { ...declaring(version), ...paths }, components(version, { responses: { Ok: response(version, 'OK') } }));
    expect(await found(HEADERS, d)).toEqual([version === '2.0' ? 'responses.Ok' : 'components.responses.Ok']);
  });

  if (version !== '2.0') {
    it('accepts headers through $ref to components.headers', async () => {
      const d = withPaths(
        version,
        { ...declaring(version), '/orders': { get: { responses: { '200': { description: 'OK', headers: { RateLimit: { $ref: '#/components/headers/RateLimit' } } } } } } },
        { components: { headers: { RateLimit: { schema: { type: 'string', maxLength: 100 } } } } },
      );
      expect(await found(HEADERS, d)).toEqual([]);
    });
  }

  it('one by one, honours operation exemptions', async () => {
    const d = withPaths(version, {
      ...declaring(version),
      '/orders': { get: operation(version, false, { [EXEMPTIONS]: { [HEADERS]: 'Served from cache; never rate limited.' } }), post: operation(version) },
    });
    expect(await found(HEADERS, d)).toEqual(['paths./orders.post.responses.200']);
  });

  if (version === '3.1') {
    it('does not judge webhook responses, nor count their headers', async () => {
      const d = withPaths(version, { '/orders': { get: operation(version) } }, { webhooks: { orderCreated: { post: { responses: { '200': withHeaders(version, 'OK', ['X-RateLimit-Limit']) } } }, orderDeleted: { post: operation(version) } } });
      expect(await found(HEADERS, d)).toEqual(['paths']);
    });
  }
});

describe.each(VERSIONS)(`${HEADERS}: systematic gaps (%s)`, version => {
  it('when fewer than half of the operations declare rate-limit headers, reports the rest once, at paths', async () => {
    const limited = { responses: { '200': withHeaders(version, 'OK', ['RateLimit', 'RateLimit-Policy']) } };
    const d = withPaths(version, { '/a': { get: limited }, '/b': { get: operation(version) }, '/c': { get: operation(version) } });
    const own = (await lint(d)).filter(r => r.code === HEADERS);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths']);
    expect(own[0].message).toMatch(/^Only 1 of 3 operations declare rate-limit headers/);
    const half = withPaths(version, { '/a': { get: limited }, '/b': { get: operation(version) } });
    expect(await found(HEADERS, half)).toEqual(['paths./b.get.responses.200']);
  });
});
