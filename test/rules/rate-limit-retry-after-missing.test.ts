import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, response, testRule, VERSIONS } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { components, RETRY, withHeaders, withPaths } from '../fixtures/rate-limits.js';

testRule(RETRY, VERSIONS.flatMap(version => [
  {
    name: `${version}: a 429 without Retry-After, at the response`,
    document: withPaths(version, { '/orders': { get: { responses: { '200': response(version), '429': withHeaders(version, 'Slow down.', ['X-Retry-After']) } } } }),
    errors: [
      {
        path: ['paths', '/orders', 'get', 'responses', '429'],
        severity: DiagnosticSeverity.Warning,
        message: 'This 429 response does not declare a Retry-After header: add one so clients back off for the right time instead of retrying at once.',
      },
    ],
  },
  {
    name: `${version}: not a 429 declaring retry-after (any case), nor a 400 without it`,
    document: withPaths(version, { '/orders': { get: { responses: { '400': response(version, 'Bad.'), '429': withHeaders(version, 'Slow down.', ['retry-after']) } } } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${RETRY} (%s)`, version => {
  it('flags a 429 with no headers object at all, at the response', async () => {
    const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), '429': response(version, 'Too many requests.') } } } });
    const own = (await lint(d)).filter(r => r.code === RETRY);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths./orders.get.responses.429']);
    expect(own[0].message).toBe('This 429 response does not declare a Retry-After header: add one so clients back off for the right time instead of retrying at once.');
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
  });

  it('flags a 429 and a 503 whose headers say neither when to retry nor when the quota resets', async () => {
    const d = withPaths(version, {
      '/orders': {
        get: {
          responses: {
            '200': response(version),
            '429': withHeaders(version, 'Slow down.', ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'RateLimit-Policy', 'X-Retry-After', 'X-Reset']),
            '503': withHeaders(version, 'Maintenance.', ['X-Request-Id']),
          },
        },
      },
    });
    expect(await found(RETRY, d)).toEqual(['paths./orders.get.responses.429', 'paths./orders.get.responses.503']);
  });

  // A reset header tells the client when to come back too; Retry-After stays the standard one (docs page).
  it.each(['X-RateLimit-Reset', 'x-ratelimit-reset-after', 'X-RateLimit-Reset-Requests', 'RateLimit-Reset', 'ratelimit-reset', 'X-Rate-Limit-Reset', 'RateLimit'])(
    'accepts the rate-limit reset header "%s" on a 429 and a 503 in place of Retry-After',
    async name => {
      const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), '429': withHeaders(version, 'Slow down.', ['X-RateLimit-Limit', name]), '503': withHeaders(version, 'Maintenance.', [name]) } } } });
      expect(await found(RETRY, d)).toEqual([]);
    },
  );

  it('accepts a reset header declared on a shared response component, and flags the shared one without', async () => {
    const ref = (name: string) => ({ $ref: version === '2.0' ? `#/responses/${name}` : `#/components/responses/${name}` });
    const d = withPaths(
      version,
      { '/a': { get: { responses: { '200': response(version), '429': ref('Limited') } } }, '/b': { get: { responses: { '200': response(version), '429': ref('Bare') } } } },
      components(version, { responses: { Limited: withHeaders(version, 'Too many requests.', ['X-RateLimit-Reset']), Bare: withHeaders(version, 'Too many requests.', ['X-RateLimit-Remaining']) } }),
    );
    expect(await found(RETRY, d)).toEqual([version === '2.0' ? 'responses.Bare' : 'components.responses.Bare']);
  });

  it('rateLimitResetHeaderNames.add and .remove change which reset headers count', async () => {
    const d = withPaths(version, {
      '/a': { get: { responses: { '429': withHeaders(version, 'Slow down.', ['X-Quota-Reset']) } } },
      '/b': { get: { responses: { '429': withHeaders(version, 'Slow down.', ['X-RateLimit-Reset']) } } },
    });
    expect(await found(RETRY, d)).toEqual(['paths./a.get.responses.429']);
    expect(await found(RETRY, d, { rateLimitResetHeaderNames: { add: ['X-Quota-Reset'], remove: ['X-RateLimit-Reset*'] } })).toEqual(['paths./b.get.responses.429']);
  });

  it.each(['Retry-After', 'retry-after', 'RETRY-AFTER', 'rEtRy-AfTeR'])('accepts the header written "%s"', async name => {
    const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), '429': withHeaders(version, 'Slow down.', [name]), '503': withHeaders(version, 'Maintenance.', [name]) } } } });
    expect(await found(RETRY, d)).toEqual([]);
  });

  it('does not ask it of other statuses (400, 4XX, 500, 5XX, default)', async () => {
    const d = withPaths(version, {
      '/orders': { get: { responses: Object.fromEntries(['200', '400', '4XX', '500', '5XX', 'default'].map(status => [status, response(version, 'Something.')])) } },
    });
    expect(await found(RETRY, d)).toEqual([]);
  });

  it('reports a shared 429 response once, where it is written, however many operations use it', async () => {
    const ref = version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany';
    const paths = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`/things${i}`, { get: { responses: { '200': response(version), '429': { $ref: ref } } } }]),
    );
    const d = withPaths(version, paths, components(version, { responses: { TooMany: response(version, 'Too many requests.') } }));
    expect(await found(RETRY, d)).toEqual([version === '2.0' ? 'responses.TooMany' : 'components.responses.TooMany']);
  });

  if (version === '2.0') {
    it('accepts a Swagger 2.0 response header with its type on the header itself', async () => {
      const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), '429': { description: 'Slow down.', headers: { 'Retry-After': { type: 'integer', description: 'Seconds.' } } } } } } });
      expect(await found(RETRY, d)).toEqual([]);
    });

    it('accepts a Swagger 2.0 reset header with its type on the header itself', async () => {
      const d = withPaths(version, { '/orders': { get: { responses: { '200': response(version), '429': { description: 'Slow down.', headers: { 'X-Rate-Limit-Reset': { type: 'integer', description: 'Epoch seconds.' } } } } } } });
      expect(await found(RETRY, d)).toEqual([]);
    });
  } else {
    it('accepts a reset header through $ref to components.headers', async () => {
      const d = withPaths(
        version,
        { '/orders': { get: { responses: { '200': response(version), '429': { description: 'Slow down.', headers: { 'X-RateLimit-Reset-After': { $ref: '#/components/headers/ResetAfter' } } } } } } },
        { components: { headers: { ResetAfter: { description: 'Seconds until the bucket refills.', schema: { type: 'number', maximum: 3600 } } } } },
      );
      expect(await found(RETRY, d)).toEqual([]);
    });

    it('accepts a Retry-After header through $ref to components.headers', async () => {
      const d = withPaths(
        version,
        { '/orders': { get: { responses: { '200': response(version), '429': { description: 'Slow down.', headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } } } } },
        { components: { headers: { RetryAfter: { description: 'Seconds to wait.', schema: { type: 'integer', maximum: 3600 } } } } },
      );
      expect(await found(RETRY, d)).toEqual([]);
    });
  }

  it('honours operation exemptions; a shared response used by a non-exempt operation is still reported', async () => {
    const ref = version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany';
    const reason = { [RETRY]: 'The gateway adds Retry-After; the origin cannot know it.' };
    const d = withPaths(
      version,
      {
        '/a': { get: { responses: { '429': response(version, 'Inline.') }, [EXEMPTIONS]: reason } },
        '/b': { get: { responses: { '429': { $ref: ref } }, [EXEMPTIONS]: reason } },
        '/c': { get: { responses: { '429': { $ref: ref } } } },
      },
      components(version, { responses: { TooMany: response(version, 'Too many requests.') } }),
    );
    expect(await found(RETRY, d)).toEqual([version === '2.0' ? 'responses.TooMany' : 'components.responses.TooMany']);
  });
});
