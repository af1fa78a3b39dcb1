import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, messagesOf, response, testRule, VERSIONS } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { ABUSE, components, documented, MISSING, operation, TOO_MANY, withPaths } from '../fixtures/rate-limits.js';

testRule(MISSING, VERSIONS.flatMap(version => [
  {
    name: `${version}: no operation documents a 429: once, at paths`,
    document: withPaths(version, { '/orders': { get: operation(version), post: operation(version) } }),
    errors: [
      {
        path: ['paths'],
        severity: DiagnosticSeverity.Warning,
        message: 'No operation documents a 429 (Too Many Requests) response, so callers cannot tell how 2 operation(s) are rate limited: define the limits and add a 429 response (with Retry-After) to each operation, or to a shared response component.',
      },
    ],
  },
  {
    name: `${version}: most operations document a 429: the others one by one, at their responses`,
    document: withPaths(version, { '/orders': { get: operation(version, true), post: operation(version) }, ...documented(version, 2) }),
    errors: [
      {
        path: ['paths', '/orders', 'post', 'responses'],
        severity: DiagnosticSeverity.Warning,
        message: 'POST /orders does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header.',
      },
    ],
  },
  {
    name: `${version}: not operations that document a 429 (inline or as a 4XX about rate limits), nor an abuse-prone one (the other rule's)`,
    document: withPaths(version, {
      '/orders': { get: operation(version, true), post: { responses: { '200': response(version), '4XX': response(version, 'Too many requests: slow down.') } } },
      '/login': { post: operation(version) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${MISSING} (%s)`, version => {
  it('when no operation documents a 429, reports the ordinary operations once, at paths, as a warning', async () => {
    const d = withPaths(version, {
      '/orders': { get: operation(version), post: operation(version) },
      '/orders/{id}': { get: operation(version), delete: operation(version) },
      '/login': { post: operation(version) },
    });
    const own = (await lint(d)).filter(r => r.code === MISSING);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths']);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(own[0].message).toBe(
      'No operation documents a 429 (Too Many Requests) response, so callers cannot tell how 4 operation(s) are rate limited: define the limits and add a 429 response (with Retry-After) to each operation, or to a shared response component.',
    );
  });

  it('leaves exempted operations out of the count, and says nothing when every ordinary operation is exempt', async () => {
    const reason = { [MISSING]: 'Health probe, served from the edge cache.' };
    const partly = withPaths(version, { '/health': { get: operation(version, false, { [EXEMPTIONS]: reason }) }, '/orders': { get: operation(version), post: operation(version) } });
    expect(await found(MISSING, partly)).toEqual(['paths']);
    expect((await messagesOf(MISSING, partly))[0]).toContain('how 2 operation(s)');

    const all = withPaths(version, { '/health': { [EXEMPTIONS]: reason, get: operation(version) }, '/status': { get: operation(version, false, { [EXEMPTIONS]: reason }) } });
    expect(await found(MISSING, all)).toEqual([]);
  });

  it('a root exemption silences the document-level finding', async () => {
    const d = withPaths(version, { '/orders': { get: operation(version) } }, { [EXEMPTIONS]: { [MISSING]: 'Limits are documented in the gateway guide.' } });
    expect(await found(MISSING, d)).toEqual([]);
  });

  it('when most operations document a 429, reports the others one by one, at their responses', async () => {
    const d = withPaths(version, {
      '/orders': { get: operation(version, true), post: operation(version) },
      '/orders/{id}': { get: operation(version), delete: { operationId: 'deleteOrder' } },
      ...documented(version, 3),
    });
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses', 'paths./orders/{id}.delete', 'paths./orders/{id}.get.responses']);
    expect(await messagesOf(MISSING, d)).toContain(
      'POST /orders does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header.',
    );
  });

  it('a 429 on an abuse-prone operation alone is enough to switch to one-by-one reporting', async () => {
    const d = withPaths(version, { '/login': { post: operation(version, true) }, '/orders': { get: operation(version) } });
    expect(await found(MISSING, d)).toEqual(['paths./orders.get.responses']);
    expect(await found(ABUSE, d)).toEqual([]);
  });

  it('one by one, honours operation and path item exemptions', async () => {
    const reason = { [MISSING]: 'Served from the CDN; the origin is never hit.' };
    const d = withPaths(version, {
      '/orders': { get: operation(version, true), post: operation(version, false, { [EXEMPTIONS]: reason }) },
      '/assets': { [EXEMPTIONS]: reason, get: operation(version) },
      '/orders/{id}': { get: operation(version) },
      ...documented(version, 3),
    });
    expect(await found(MISSING, d)).toEqual(['paths./orders/{id}.get.responses']);
  });

  it.each([
    ['4XX', 'Too many requests: slow down.'],
    ['4xx', 'Rate-limited, or otherwise rejected.'],
    ['4XX', 'Returned with status 429 when the quota is used up.'],
    ['4XX', 'The request was throttled.'],
    ['default', 'Any error, including RATE LIMIT exceeded.'],
    ['default', 'Error (ratelimit or server).'],
  ])('a %s response that says "%s" counts as documenting 429', async (status, description) => {
    const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), [status]: response(version, description) } }, post: operation(version) } });
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses']);
  });

  it.each([
    ['4XX', 'Client error.'],
    ['default', 'Unexpected error.'],
    ['default', 'Separate limits apply to each tenant.'],
    ['default', 'Moderate limits on payload size.'],
    ['400', 'Too many requests in one batch.'],
    ['5XX', 'Rate limiter unavailable.'],
  ])('a %s response that says "%s" does not count', async (status, description) => {
    const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), [status]: response(version, description) } }, post: operation(version) } });
    expect(await found(MISSING, d)).toEqual(['paths']);
  });

  it('a default response counts when its schema (through $ref) says it covers rate limiting', async () => {
    const ref = version === '2.0' ? '#/definitions/Error' : '#/components/schemas/Error';
    const d = withPaths(
      version,
      { '/orders': { get: { responses: { '200': response(version), default: response(version, 'Error.', { $ref: ref }) } }, post: operation(version) } },
      components(version, { schemas: { Error: { type: 'object', description: 'Any error; 429 when rate limited.' } } }),
    );
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses']);
  });

  it('a default response counts when its schema is an allOf wrapper whose description mentions throttling', async () => {
    const ref = version === '2.0' ? '#/definitions/Error' : '#/components/schemas/Error';
    const schema = { allOf: [{ $ref: ref }], description: 'Error body; also sent when the caller is throttled.' };
    const d = withPaths(
      version,
      { '/orders': { get: { responses: { '200': response(version), default: response(version, 'Error.', schema) } }, post: operation(version) } },
      components(version, { schemas: { Error: { type: 'object', properties: { code: { type: 'string', maxLength: 20 } } } } }),
    );
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses']);
  });

  it('a 429 through $ref to a shared response counts', async () => {
    const ref = version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany';
    const d = withPaths(
      version,
      { '/orders': { get: { responses: { '200': response(version), '429': { $ref: ref } } }, post: operation(version) } },
      components(version, { responses: { TooMany: TOO_MANY(version) } }),
    );
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses']);
  });

  it('does not report a document without operations', async () => {
    expect(await found(MISSING, withPaths(version, {}))).toEqual([]);
  });

  if (version === '3.1') {
    it('a webhook documenting 429 does not switch to one-by-one reporting, and webhooks are never counted', async () => {
      const d = withPaths(version, { '/orders': { get: operation(version) } }, { webhooks: { orderCreated: { post: operation(version, true) }, orderDeleted: { post: operation(version) } } });
      expect(await found(MISSING, d)).toEqual(['paths']);
      expect((await messagesOf(MISSING, d))[0]).toContain('how 1 operation(s)');
    });
  }
});

describe.each(VERSIONS)(`${MISSING}: systematic gaps and methods (%s)`, version => {
  it('when fewer than half of the operations document a 429, reports the rest once, at paths, with the count', async () => {
    const d = withPaths(version, { '/a': { get: operation(version, true) }, '/b': { get: operation(version) }, '/c': { get: operation(version) } });
    const own = (await lint(d)).filter(r => r.code === MISSING);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths']);
    expect(own[0].message).toMatch(/^Only 1 of 3 operations document a 429 \(Too Many Requests\) response, so callers cannot tell how 2 operation\(s\) are rate limited/);
    const half = withPaths(version, { '/a': { get: operation(version, true) }, '/b': { get: operation(version) } });
    expect(await found(MISSING, half)).toEqual(['paths./b.get.responses']);
  });

  it('does not ask OPTIONS or TRACE for a 429', async () => {
    const d = withPaths(version, { '/items': { options: operation(version), trace: operation(version), get: operation(version, true) }, '/other': { get: operation(version) } });
    expect(await found(MISSING, d)).toEqual(['paths./other.get.responses']);
  });
});
