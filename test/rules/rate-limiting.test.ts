import { describe, expect, it } from 'vitest';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { DiagnosticSeverity } from '@stoplight/types';
import type { ApiSecurityOptions } from '../../index.js';
import { base, lint, lintWith, response, VERSIONS, type Doc, type Version } from '../helpers.js';

const ABUSE = 'rate-limit-429-missing-abuse-prone';
const MISSING = 'rate-limit-429-missing';
const RETRY = 'rate-limit-retry-after-missing';
const HEADERS = 'rate-limit-headers-missing';
const EXEMPTIONS = 'x-api-security-exemptions';

async function results(doc: Doc, options?: ApiSecurityOptions): Promise<ISpectralDiagnostic[]> {
  return options ? lintWith(options, doc) : lint(doc);
}

/** Sorted dotted paths of one rule's findings, with the default ruleset or one built from options. */
async function found(rule: string, doc: Doc, options?: ApiSecurityOptions): Promise<string[]> {
  return (await results(doc, options)).filter(r => r.code === rule).map(r => r.path.join('.')).sort();
}

async function messagesOf(rule: string, doc: Doc): Promise<string[]> {
  return (await lint(doc)).filter(r => r.code === rule).map(r => r.message);
}

/** Reusable components in each version's place (Swagger 2.0 has no header components). */
function components(version: Version, defs: { responses?: Doc; headers?: Doc; schemas?: Doc; pathItems?: Doc }): Doc {
  if (version === '2.0') {
    return { ...(defs.responses ? { responses: defs.responses } : {}), ...(defs.schemas ? { definitions: defs.schemas } : {}) };
  }
  return { components: defs };
}

function doc(version: Version, paths: Doc, extra: Doc = {}): Doc {
  return base(version, { paths, ...extra });
}

/** A response header in each version's shape. */
function header(version: Version, schema: Doc = { type: 'integer', maximum: 86400 }): Doc {
  return version === '2.0' ? { ...schema } : { schema };
}

/** Response headers by name. */
function headers(version: Version, names: string[]): Doc {
  return Object.fromEntries(names.map(name => [name, header(version)]));
}

/** A response with the given headers. */
function withHeaders(version: Version, description: string, names: string[]): Doc {
  return { ...response(version, description), headers: headers(version, names) };
}

const TOO_MANY = (version: Version): Doc => withHeaders(version, 'Too many requests.', ['Retry-After']);

/** Operations that document a 429, so that most of a description does and the rest are reported one by one. */
function documented(version: Version, count: number): Doc {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`/documented${i}`, { get: op(version, true) }]));
}

/** An operation answering 200 (and 429, when `limited`). */
function op(version: Version, limited = false, more: Doc = {}): Doc {
  return { responses: { '200': response(version), ...(limited ? { '429': TOO_MANY(version) } : {}) }, ...more };
}

describe.each(VERSIONS)(`${ABUSE} (%s)`, version => {
  const ABUSE_PRONE: Array<[string, string, Doc, string]> = [
    ['post', '/login', {}, 'login'],
    ['post', '/auth/sign-in', {}, 'signin'],
    ['post', '/auth/log_on', {}, 'logon'],
    ['post', '/sessions', { operationId: 'signIn' }, 'signin'],
    ['post', '/accounts', { summary: 'Sign up for an account' }, 'signup'],
    ['post', '/users/register', {}, 'register'],
    ['put', '/users/{id}/password', {}, 'password'],
    ['post', '/password-resets', {}, 'password'],
    ['post', '/oauth/token', {}, 'token'],
    ['post', '/me/mfa/verify', {}, 'mfa'],
    ['post', '/otp', {}, 'otp'],
    ['get', '/search', {}, 'search'],
    ['get', '/users', { summary: 'Search users' }, 'search'],
    ['get', '/v1/items', { operationId: 'repos/search-code' }, 'search'],
    ['post', '/reports/exports', {}, 'export'],
    ['post', '/orders/bulk', {}, 'bulk'],
    ['post', '/v1/chat/completions', {}, 'completions'],
    ['post', '/v1/embeddings', {}, 'embeddings'],
    ['post', '/files', { operationId: 'uploadFile' }, 'upload'],
    ['post', '/images', { summary: 'Generate an image' }, 'generate'],
  ];

  it.each(ABUSE_PRONE)('flags %s %s without a 429, at its responses, naming the reason', async (method, path, more, reason) => {
    const d = doc(version, { [path]: { [method]: op(version, false, more) }, '/orders': { get: op(version, true) } });
    const own = (await lint(d)).filter(r => r.code === ABUSE);
    expect(own.map(r => r.path.join('.'))).toEqual([`paths.${path}.${method}.responses`]);
    expect(own[0].message).toBe(
      `${method.toUpperCase()} ${path} does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header. It is abuse-prone ("${reason}"): attackers hammer such operations first.`,
    );
    expect(own[0].severity).toBe(DiagnosticSeverity.Error);
    // An abuse-prone operation is this rule's, not the general one's.
    expect(await found(MISSING, d)).toEqual([]);
  });

  const ORDINARY: Array<[string, string, Doc, string]> = [
    ['get', '/tokens/{id}', {}, 'credential words only count on calls that submit something'],
    ['get', '/login', {}, 'a GET of the login page'],
    ['get', '/password-policy', {}, 'a read'],
    ['post', '/apis/batch/v1/jobs', {}, '"batch" is not "bulk"'],
    ['get', '/research', {}, '"research" is not "search"'],
    ['post', '/tokenizers', {}, '"tokenizers" is not "token"'],
    ['post', '/users/{password}', {}, 'path parameters are not literal segments'],
    ['get', '/repos/{owner}/sarifs/{id}', { summary: 'Get a SARIF upload' }, 'only the leading verb of the summary counts'],
    ['post', '/v1/shipping_rates', { operationId: 'PostShippingRatesShippingRateToken' }, 'only the leading verb of the operationId counts'],
    ['post', '/orders', { description: 'Search-friendly orders; upload receipts later.' }, 'descriptions are not read'],
  ];

  it.each(ORDINARY)('does not flag %s %s (%s); the general rule judges it', async (method, path, more) => {
    const d = doc(version, { [path]: { [method]: op(version, false, more) }, '/orders-limited': { get: op(version, true) } });
    expect(await found(ABUSE, d)).toEqual([]);
    expect(await found(MISSING, d)).toEqual([`paths.${path}.${method}.responses`]);
  });

  it('does not flag abuse-prone operations that document a 429 (inline, through $ref, or a 4XX/default about rate limiting)', async () => {
    const d = doc(
      version,
      {
        '/login': { post: op(version, true) },
        '/search': { get: { responses: { '200': response(version), '429': { $ref: version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany' } } } },
        '/exports': { post: { responses: { '200': response(version), '4XX': response(version, 'Client error, including too many requests.') } } },
        '/uploads': { post: { responses: { '200': response(version), default: response(version, 'Error; 429 when rate limited.') } } },
      },
      components(version, { responses: { TooMany: TOO_MANY(version) } }),
    );
    expect(await found(ABUSE, d)).toEqual([]);
  });

  it('reports abuse-prone operations one by one even when no operation documents a 429', async () => {
    const d = doc(version, {
      '/login': { post: op(version) },
      '/search': { get: op(version) },
      '/orders': { get: op(version), post: op(version) },
    });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post.responses', 'paths./search.get.responses']);
    expect(await found(MISSING, d)).toEqual(['paths']);
    expect((await messagesOf(MISSING, d))[0]).toContain('how 2 operation(s) are rate limited');
  });

  it('an operation without responses is reported at the operation', async () => {
    const d = doc(version, { '/login': { post: { operationId: 'login' } } });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post']);
  });

  it('honours exemptions on the operation, the path item and the root', async () => {
    const reason = { [ABUSE]: 'Login is rate limited by the identity provider in front of the API.' };
    const paths = {
      '/login': { post: op(version, false, { [EXEMPTIONS]: reason }) },
      '/signup': { [EXEMPTIONS]: reason, post: op(version) },
      '/search': { get: op(version) },
    };
    expect(await found(ABUSE, doc(version, paths))).toEqual(['paths./search.get.responses']);
    expect(await found(ABUSE, doc(version, paths, { [EXEMPTIONS]: reason }))).toEqual([]);
  });

  it('credentialFlowWords and expensiveOperationWords take add and remove', async () => {
    const d = doc(version, {
      '/sessions': { post: op(version) },
      '/search': { get: op(version) },
      '/orders': { get: op(version, true) },
      ...documented(version, 2),
    });
    expect(await found(ABUSE, d)).toEqual(['paths./search.get.responses']);
    const options = { credentialFlowWords: { add: ['session'] }, expensiveOperationWords: { remove: ['search'] } };
    expect(await found(ABUSE, d, options)).toEqual(['paths./sessions.post.responses']);
    expect(await found(MISSING, d, options)).toEqual(['paths./search.get.responses']);
  });

  if (version === '3.1') {
    it('reports an operation of a $ref-ed path item where it is written', async () => {
      const d = doc(version, { '/login': { $ref: '#/components/pathItems/Login' } }, { components: { pathItems: { Login: { post: op(version) } } } });
      expect(await found(ABUSE, d)).toEqual(['components.pathItems.Login.post.responses']);
    });

    it('does not judge webhooks (calls the API makes)', async () => {
      const d = doc(version, { '/orders': { get: op(version, true) } }, { webhooks: { login: { post: op(version) }, search: { post: op(version) } } });
      expect(await found(ABUSE, d)).toEqual([]);
    });
  }
});

describe.each(VERSIONS)(`${MISSING} (%s)`, version => {
  it('when no operation documents a 429, reports the ordinary operations once, at paths, as a warning', async () => {
    const d = doc(version, {
      '/orders': { get: op(version), post: op(version) },
      '/orders/{id}': { get: op(version), delete: op(version) },
      '/login': { post: op(version) },
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
    const partly = doc(version, { '/health': { get: op(version, false, { [EXEMPTIONS]: reason }) }, '/orders': { get: op(version), post: op(version) } });
    expect(await found(MISSING, partly)).toEqual(['paths']);
    expect((await messagesOf(MISSING, partly))[0]).toContain('how 2 operation(s)');

    const all = doc(version, { '/health': { [EXEMPTIONS]: reason, get: op(version) }, '/status': { get: op(version, false, { [EXEMPTIONS]: reason }) } });
    expect(await found(MISSING, all)).toEqual([]);
  });

  it('a root exemption silences the document-level finding', async () => {
    const d = doc(version, { '/orders': { get: op(version) } }, { [EXEMPTIONS]: { [MISSING]: 'Limits are documented in the gateway guide.' } });
    expect(await found(MISSING, d)).toEqual([]);
  });

  it('when most operations document a 429, reports the others one by one, at their responses', async () => {
    const d = doc(version, {
      '/orders': { get: op(version, true), post: op(version) },
      '/orders/{id}': { get: op(version), delete: { operationId: 'deleteOrder' } },
      ...documented(version, 3),
    });
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses', 'paths./orders/{id}.delete', 'paths./orders/{id}.get.responses']);
    expect(await messagesOf(MISSING, d)).toContain(
      'POST /orders does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header.',
    );
  });

  it('a 429 on an abuse-prone operation alone is enough to switch to one-by-one reporting', async () => {
    const d = doc(version, { '/login': { post: op(version, true) }, '/orders': { get: op(version) } });
    expect(await found(MISSING, d)).toEqual(['paths./orders.get.responses']);
    expect(await found(ABUSE, d)).toEqual([]);
  });

  it('one by one, honours operation and path item exemptions', async () => {
    const reason = { [MISSING]: 'Served from the CDN; the origin is never hit.' };
    const d = doc(version, {
      '/orders': { get: op(version, true), post: op(version, false, { [EXEMPTIONS]: reason }) },
      '/assets': { [EXEMPTIONS]: reason, get: op(version) },
      '/orders/{id}': { get: op(version) },
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
    const d = doc(version, { '/orders': { get: { responses: { '200': response(version), [status]: response(version, description) } }, post: op(version) } });
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
    const d = doc(version, { '/orders': { get: { responses: { '200': response(version), [status]: response(version, description) } }, post: op(version) } });
    expect(await found(MISSING, d)).toEqual(['paths']);
  });

  it('a default response counts when its schema (through $ref) says it covers rate limiting', async () => {
    const ref = version === '2.0' ? '#/definitions/Error' : '#/components/schemas/Error';
    const d = doc(
      version,
      { '/orders': { get: { responses: { '200': response(version), default: response(version, 'Error.', { $ref: ref }) } }, post: op(version) } },
      components(version, { schemas: { Error: { type: 'object', description: 'Any error; 429 when rate limited.' } } }),
    );
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses']);
  });

  it('a default response counts when its schema is an allOf wrapper whose description mentions throttling', async () => {
    const ref = version === '2.0' ? '#/definitions/Error' : '#/components/schemas/Error';
    const schema = { allOf: [{ $ref: ref }], description: 'Error body; also sent when the caller is throttled.' };
    const d = doc(
      version,
      { '/orders': { get: { responses: { '200': response(version), default: response(version, 'Error.', schema) } }, post: op(version) } },
      components(version, { schemas: { Error: { type: 'object', properties: { code: { type: 'string', maxLength: 20 } } } } }),
    );
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses']);
  });

  it('a 429 through $ref to a shared response counts', async () => {
    const ref = version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany';
    const d = doc(
      version,
      { '/orders': { get: { responses: { '200': response(version), '429': { $ref: ref } } }, post: op(version) } },
      components(version, { responses: { TooMany: TOO_MANY(version) } }),
    );
    expect(await found(MISSING, d)).toEqual(['paths./orders.post.responses']);
  });

  it('does not report a document without operations', async () => {
    expect(await found(MISSING, doc(version, {}))).toEqual([]);
  });

  if (version === '3.1') {
    it('a webhook documenting 429 does not switch to one-by-one reporting, and webhooks are never counted', async () => {
      const d = doc(version, { '/orders': { get: op(version) } }, { webhooks: { orderCreated: { post: op(version, true) }, orderDeleted: { post: op(version) } } });
      expect(await found(MISSING, d)).toEqual(['paths']);
      expect((await messagesOf(MISSING, d))[0]).toContain('how 1 operation(s)');
    });
  }
});

describe.each(VERSIONS)(`${RETRY} (%s)`, version => {
  it('flags a 429 with no headers object at all, at the response', async () => {
    const d = doc(version, { '/orders': { get: { responses: { '200': response(version), '429': response(version, 'Too many requests.') } } } });
    const own = (await lint(d)).filter(r => r.code === RETRY);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths./orders.get.responses.429']);
    expect(own[0].message).toBe('This 429 response does not declare a Retry-After header: add one so clients back off for the right time instead of retrying at once.');
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
  });

  it('flags a 429 and a 503 whose headers do not include Retry-After', async () => {
    const d = doc(version, {
      '/orders': { get: { responses: { '200': response(version), '429': withHeaders(version, 'Slow down.', ['X-RateLimit-Reset', 'X-Retry-After']), '503': withHeaders(version, 'Maintenance.', ['X-Request-Id']) } } },
    });
    expect(await found(RETRY, d)).toEqual(['paths./orders.get.responses.429', 'paths./orders.get.responses.503']);
  });

  it.each(['Retry-After', 'retry-after', 'RETRY-AFTER', 'rEtRy-AfTeR'])('accepts the header written "%s"', async name => {
    const d = doc(version, { '/orders': { get: { responses: { '200': response(version), '429': withHeaders(version, 'Slow down.', [name]), '503': withHeaders(version, 'Maintenance.', [name]) } } } });
    expect(await found(RETRY, d)).toEqual([]);
  });

  it('does not ask it of other statuses (400, 4XX, 500, 5XX, default)', async () => {
    const d = doc(version, {
      '/orders': { get: { responses: Object.fromEntries(['200', '400', '4XX', '500', '5XX', 'default'].map(status => [status, response(version, 'Something.')])) } },
    });
    expect(await found(RETRY, d)).toEqual([]);
  });

  it('reports a shared 429 response once, where it is written, however many operations use it', async () => {
    const ref = version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany';
    const paths = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`/things${i}`, { get: { responses: { '200': response(version), '429': { $ref: ref } } } }]),
    );
    const d = doc(version, paths, components(version, { responses: { TooMany: response(version, 'Too many requests.') } }));
    expect(await found(RETRY, d)).toEqual([version === '2.0' ? 'responses.TooMany' : 'components.responses.TooMany']);
  });

  if (version === '2.0') {
    it('accepts a Swagger 2.0 response header with its type on the header itself', async () => {
      const d = doc(version, { '/orders': { get: { responses: { '200': response(version), '429': { description: 'Slow down.', headers: { 'Retry-After': { type: 'integer', description: 'Seconds.' } } } } } } });
      expect(await found(RETRY, d)).toEqual([]);
    });
  } else {
    it('accepts a Retry-After header through $ref to components.headers', async () => {
      const d = doc(
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
    const d = doc(
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

describe.each(VERSIONS)(`${HEADERS} (%s)`, version => {
  /** A path whose 200 declares rate-limit headers, so the rule judges response by response. */
  /** Operations that declare their limits: enough of them that the description mostly does, so gaps are reported one by one. */
  const declaring = (count = 12): Doc =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`/reference${i}`, { get: { responses: { '200': withHeaders(version, 'OK', ['RateLimit', 'RateLimit-Policy']) } } }]));

  it('when no response declares any, reports once at paths, as info', async () => {
    const d = doc(version, { '/orders': { get: op(version, true), post: op(version) }, '/orders/{id}': { delete: { responses: { '204': response(version, 'Deleted.') } } } });
    const own = (await lint(d)).filter(r => r.code === HEADERS);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths']);
    expect(own[0].severity).toBe(DiagnosticSeverity.Information);
    expect(own[0].message).toBe(
      'No response declares rate-limit headers, so clients of 3 operation(s) cannot see their limits: declare `RateLimit` and `RateLimit-Policy` (or X-RateLimit-*) on successful and 429 responses.',
    );
  });

  it('the document-level count leaves out exempted operations and those with only error responses', async () => {
    const reason = { [HEADERS]: 'Internal probe.' };
    const d = doc(version, {
      '/orders': { get: op(version), post: op(version, false, { [EXEMPTIONS]: reason }) },
      '/fail': { get: { responses: { '500': response(version, 'Error.') } } },
    });
    expect((await messagesOf(HEADERS, d))).toEqual([expect.stringContaining('clients of 1 operation(s)')]);
    const allExempt = doc(version, { '/orders': { [EXEMPTIONS]: reason, get: op(version) } });
    expect(await found(HEADERS, allExempt)).toEqual([]);
  });

  it('once most operations declare them, judges 2xx and 429 responses one by one, not 400/401/403/404/500/default', async () => {
    const errors = Object.fromEntries(['400', '401', '403', '404', '4XX', '500', 'default'].map(status => [status, response(version, 'Error.')]));
    const d = doc(version, {
      ...declaring(),
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
    const d = doc(version, { '/orders': { get: { responses: { '200': response(version), '401': withHeaders(version, 'Unauthorized.', ['X-RateLimit-Limit']) } } } });
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
    const d = doc(version, { ...declaring(), '/orders': { get: { responses: { '200': withHeaders(version, 'OK', names), '429': withHeaders(version, 'Slow down.', ['Retry-After', ...names]) } } } });
    expect(await found(HEADERS, d)).toEqual([]);
  });

  it.each([[['Retry-After']], [['X-Request-Id', 'Cache-Control']], [['RateLimiter']], [['X-Quota-Remaining']]])('does not accept %j', async names => {
    const d = doc(version, { ...declaring(), '/orders': { get: { responses: { '200': withHeaders(version, 'OK', names) } } } });
    expect(await found(HEADERS, d)).toEqual(['paths./orders.get.responses.200']);
  });

  it('rateLimitHeaderNames.add accepts X-Quota-*; the default ruleset reports the whole document once', async () => {
    const d = doc(version, {
      '/orders': { get: { responses: { '200': withHeaders(version, 'OK', ['X-Quota-Remaining']), '429': withHeaders(version, 'Slow down.', ['Retry-After', 'X-Quota-Reset']) } } },
      '/orders/{id}': { get: op(version) },
    });
    expect(await found(HEADERS, d, { rateLimitHeaderNames: { add: ['X-Quota-*'] } })).toEqual(['paths./orders/{id}.get.responses.200']);
    expect(await found(HEADERS, d)).toEqual(['paths']);
  });

  it('rateLimitHeaderNames.remove drops a default name', async () => {
    const d = doc(version, { ...declaring(), '/orders': { get: { responses: { '200': withHeaders(version, 'OK', ['X-Rate-Limit-Remaining']) } } } });
    expect(await found(HEADERS, d, { rateLimitHeaderNames: { remove: ['X-Rate-Limit-*'] } })).toEqual(['paths./orders.get.responses.200']);
  });

  it('reports a shared response once, where it is written', async () => {
    const ref = version === '2.0' ? '#/responses/Ok' : '#/components/responses/Ok';
    const paths = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`/things${i}`, { get: { responses: { '200': { $ref: ref } } } }]));
    const d = doc(version, { ...declaring(), ...paths }, components(version, { responses: { Ok: response(version, 'OK') } }));
    expect(await found(HEADERS, d)).toEqual([version === '2.0' ? 'responses.Ok' : 'components.responses.Ok']);
  });

  if (version !== '2.0') {
    it('accepts headers through $ref to components.headers', async () => {
      const d = doc(
        version,
        { ...declaring(), '/orders': { get: { responses: { '200': { description: 'OK', headers: { RateLimit: { $ref: '#/components/headers/RateLimit' } } } } } } },
        { components: { headers: { RateLimit: { schema: { type: 'string', maxLength: 100 } } } } },
      );
      expect(await found(HEADERS, d)).toEqual([]);
    });
  }

  it('one by one, honours operation exemptions', async () => {
    const d = doc(version, {
      ...declaring(),
      '/orders': { get: op(version, false, { [EXEMPTIONS]: { [HEADERS]: 'Served from cache; never rate limited.' } }), post: op(version) },
    });
    expect(await found(HEADERS, d)).toEqual(['paths./orders.post.responses.200']);
  });

  if (version === '3.1') {
    it('does not judge webhook responses, nor count their headers', async () => {
      const d = doc(version, { '/orders': { get: op(version) } }, { webhooks: { orderCreated: { post: { responses: { '200': withHeaders(version, 'OK', ['X-RateLimit-Limit']) } } }, orderDeleted: { post: op(version) } } });
      expect(await found(HEADERS, d)).toEqual(['paths']);
    });
  }
});

describe('rate-limit rules on hostile input', () => {
  it.each(VERSIONS)('%s: wrong types and odd keys never throw', async version => {
    const d = doc(version, {
      '/a': { get: { responses: { '429': { description: 'x', headers: [] }, '200': { description: 'x', headers: 'RateLimit' }, x: 7 } } },
      '/login': { post: { responses: [] }, get: { responses: null, summary: 42, operationId: ['login'] } },
      '/uploads': { post: { responses: { default: { description: { text: 'rate limit' } } }, summary: 'x'.repeat(100_000) } },
      '/d': 'not a path item',
      '/e': { $ref: '#/paths/~1e' },
    });
    const all = await lint(d);
    expect(all.filter(r => r.code === RETRY).map(r => r.path.join('.'))).toEqual(['paths./a.get.responses.429']);
    expect(all.filter(r => r.code === ABUSE).map(r => r.path.join('.')).sort()).toEqual(['paths./login.post.responses', 'paths./uploads.post.responses']);
  });
});

describe.each(VERSIONS)('abuse-prone classification refinements (%s)', version => {
  it('does not count credential words on token revocation (DELETE) or on reads', async () => {
    const d = doc(version, { '/installation/token': { delete: op(version), get: op(version) }, '/login': { post: op(version) } });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post.responses']);
  });

  it('counts an expensive word on a read only where it names the operation itself', async () => {
    const d = doc(version, {
      '/export/cve/executions': { get: op(version) },
      '/export/cve': { post: op(version) },
      '/search': { get: op(version) },
      '/reports': { get: op(version, false, { summary: 'Export all reports' }) },
    });
    expect(await found(ABUSE, d)).toEqual(['paths./export/cve.post.responses', 'paths./reports.get.responses', 'paths./search.get.responses']);
  });

  it('does not ask OPTIONS or TRACE for a 429', async () => {
    const d = doc(version, { '/items': { options: op(version), trace: op(version), get: op(version, true) }, '/other': { get: op(version) } });
    expect(await found(MISSING, d)).toEqual(['paths./other.get.responses']);
  });
});

describe.each(VERSIONS)('systematic gaps are reported once (%s)', version => {
  it('when fewer than half of the operations document a 429, reports the rest once, at paths, with the count', async () => {
    const d = doc(version, { '/a': { get: op(version, true) }, '/b': { get: op(version) }, '/c': { get: op(version) } });
    const own = (await lint(d)).filter(r => r.code === MISSING);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths']);
    expect(own[0].message).toMatch(/^Only 1 of 3 operations document a 429 \(Too Many Requests\) response, so callers cannot tell how 2 operation\(s\) are rate limited/);
    const half = doc(version, { '/a': { get: op(version, true) }, '/b': { get: op(version) } });
    expect(await found(MISSING, half)).toEqual(['paths./b.get.responses']);
  });

  it('when fewer than half of the operations declare rate-limit headers, reports the rest once, at paths', async () => {
    const limited = { responses: { '200': withHeaders(version, 'OK', ['RateLimit', 'RateLimit-Policy']) } };
    const d = doc(version, { '/a': { get: limited }, '/b': { get: op(version) }, '/c': { get: op(version) } });
    const own = (await lint(d)).filter(r => r.code === HEADERS);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths']);
    expect(own[0].message).toMatch(/^Only 1 of 3 operations declare rate-limit headers/);
    const half = doc(version, { '/a': { get: limited }, '/b': { get: op(version) } });
    expect(await found(HEADERS, half)).toEqual(['paths./b.get.responses.200']);
  });
});
