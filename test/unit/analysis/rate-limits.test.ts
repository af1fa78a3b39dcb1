import { describe, expect, it } from 'vitest';
import { analyse, coverage429, documents429, headerNameMatcher, isRateLimited, mostlyDocumented, tellsWhenToRetry } from '../../../functions/analysis/index.js';
import { doc, json, oneOperation, onlyOperation, operationOf, type Doc } from './fixtures.js';

/** The only operation of a document whose GET /a has these responses. */
const withResponses = (responses: Doc, extra: Doc = {}) => onlyOperation(oneOperation('get', '/a', { responses }, extra));

describe('isRateLimited', () => {
  it.each([
    ['get', true],
    ['post', true],
    ['delete', true],
    ['head', true],
    ['options', false],
    ['trace', false],
  ])('%s: %s', (method, limited) => {
    expect(isRateLimited(onlyOperation(oneOperation(method, '/a', {})))).toBe(limited);
  });

  it('a webhook is a call the API makes, not one it receives', () => {
    const analysis = analyse(doc('3.1', { webhooks: { ping: { post: { responses: {} } } } }));
    expect(isRateLimited(operationOf(analysis, 'post', 'ping', 'webhooks'))).toBe(false);
  });
});

describe('documents429', () => {
  it('a 429 response documents it, whatever it says', () => {
    expect(documents429(withResponses({ '429': { description: 'Error' } }))).toBe(true);
    expect(documents429(withResponses({ '429': { $ref: '#/components/responses/Slow' } }, { components: { responses: { Slow: { description: 'x' } } } }))).toBe(true);
  });

  it.each([
    ['4XX', 'Rate limit exceeded'],
    ['4xx', 'rate-limited: retry later'],
    ['default', 'Too many requests'],
    ['DEFAULT', 'The caller was throttled'],
    ['default', 'Errors, including HTTP 429'],
    ['4XX', 'ratelimit reached'],
  ])('a %s response that says %j documents it', (status, description) => {
    expect(documents429(withResponses({ [status]: { description } }))).toBe(true);
  });

  it.each([
    ['4XX', 'Client error'],
    ['default', 'Accounts have separate limits'],
    ['default', 'Moderate limits apply'],
    ['default', 'Error code 4290'],
    // Only the catch-all responses can stand for a 429.
    ['400', 'Rate limit exceeded'],
    ['5XX', 'Too many requests'],
    ['503', 'Throttled'],
  ])('a %s response that says %j does not', (status, description) => {
    expect(documents429(withResponses({ [status]: { description } }))).toBe(false);
  });

  it('reads the description of the response’s schema too', () => {
    const error = { default: { description: 'Error', content: json({ type: 'object', description: 'Returned when the client is throttled.' }) } };
    expect(documents429(withResponses(error))).toBe(true);
  });

  it('no responses document nothing', () => {
    expect(documents429(withResponses({}))).toBe(false);
  });
});

describe('coverage429, mostlyDocumented', () => {
  it('counts the rate-limited operations and those that document a 429, once per analysis', () => {
    const documented = { responses: { '429': { description: 'Slow down' } } };
    const bare = { responses: { '200': { description: 'OK' } } };
    const analysis = analyse(
      doc('3.1', {
        paths: { '/a': { get: documented, post: bare, options: bare }, '/b': { get: bare } },
        webhooks: { ping: { post: bare } },
      }),
    );
    expect(coverage429(analysis)).toEqual({ documented: 1, total: 3 });
    expect(coverage429(analysis)).toBe(coverage429(analysis));
  });

  it.each([
    [0, 0, false],
    [0, 4, false],
    [1, 3, false],
    [1, 2, true],
    [2, 3, true],
    [5, 5, true],
  ])('%i of %i documented: mostly %s', (documented, total, mostly) => {
    expect(mostlyDocumented({ documented, total })).toBe(mostly);
  });
});

describe('headerNameMatcher', () => {
  const matches = headerNameMatcher(['RateLimit', 'X-RateLimit-Reset*']);
  it.each(['RateLimit', 'ratelimit', 'X-RateLimit-Reset', 'x-ratelimit-reset-after', 'X-RATELIMIT-RESET-REQUESTS'])('matches %s', name => {
    expect(matches(name)).toBe(true);
  });
  it.each(['RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Rese', 'Retry-After', ''])('does not match %s', name => {
    expect(matches(name)).toBe(false);
  });
  it('skips entries that are not strings', () => {
    expect(headerNameMatcher([7 as unknown as string, 'A'])('a')).toBe(true);
  });
});

describe('tellsWhenToRetry', () => {
  const isReset = headerNameMatcher(['X-RateLimit-Reset*']);
  const slow = (headers: Doc, extra: Doc = {}) => withResponses({ '429': { description: 'Slow down.', headers } }, extra).responses[0];
  it('Retry-After (any case) or a reset header tells it; other rate-limit headers do not', () => {
    expect(tellsWhenToRetry(slow({ 'retry-AFTER': {} }), isReset)).toBe(true);
    expect(tellsWhenToRetry(slow({ 'X-Ratelimit-Reset-After': {} }), isReset)).toBe(true);
    expect(tellsWhenToRetry(slow({ 'X-RateLimit-Remaining': {}, 'X-Retry-After': {} }), isReset)).toBe(false);
    expect(tellsWhenToRetry(slow({}), isReset)).toBe(false);
  });
  it('reads headers through a $ref to the response and to components.headers', () => {
    const extra = { components: { responses: { Slow: { description: 'x', headers: { 'X-RateLimit-Reset': { $ref: '#/components/headers/Reset' } } } }, headers: { Reset: { schema: { type: 'integer' } } } } };
    expect(tellsWhenToRetry(withResponses({ '429': { $ref: '#/components/responses/Slow' } }, extra).responses[0], isReset)).toBe(true);
  });
});
