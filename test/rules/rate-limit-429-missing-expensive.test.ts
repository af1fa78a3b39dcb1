import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, response, testRule, VERSIONS, type Doc } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { ABUSE, components, documented, EXPENSIVE, MISSING, operation, TOO_MANY, withPaths } from '../fixtures/rate-limits.js';

const message = (method: string, path: string, word: string) =>
  `${method.toUpperCase()} ${path} does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header. It is expensive ("${word}"): without a limit one client can exhaust the service or run up its costs.`;

testRule(EXPENSIVE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a search without a 429, at its responses, as a warning`,
    document: withPaths(version, { '/search': { get: operation(version) }, '/orders': { get: operation(version, true) } }),
    errors: [{ path: ['paths', '/search', 'get', 'responses'], severity: DiagnosticSeverity.Warning, message: message('get', '/search', 'search') }],
  },
  {
    name: `${version}: not a search that documents a 429, an ordinary operation, nor a sign-in (the abuse-prone rule's)`,
    document: withPaths(version, { '/search': { get: operation(version, true) }, '/orders': { get: operation(version) }, '/login': { post: operation(version) } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${EXPENSIVE} (%s)`, version => {
  const EXPENSIVE_OPERATIONS: Array<[string, string, Doc, string]> = [
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

  it.each(EXPENSIVE_OPERATIONS)('flags %s %s without a 429, at its responses, naming the word', async (method, path, more, word) => {
    const d = withPaths(version, { [path]: { [method]: operation(version, false, more) }, '/orders': { get: operation(version, true) } });
    const own = (await lint(d)).filter(r => r.code === EXPENSIVE);
    expect(own.map(r => [r.path.join('.'), r.message, r.severity])).toEqual([[`paths.${path}.${method}.responses`, message(method, path, word), DiagnosticSeverity.Warning]]);
    // An expensive operation is this rule's, not the general one's nor the credential-entry one's.
    expect(await found(MISSING, d)).toEqual([]);
    expect(await found(ABUSE, d)).toEqual([]);
  });

  const ORDINARY: Array<[string, string, Doc, string]> = [
    ['post', '/apis/batch/v1/jobs', {}, '"batch" is not "bulk"'],
    ['get', '/research', {}, '"research" is not "search"'],
    ['get', '/repos/{owner}/sarifs/{id}', { summary: 'Get a SARIF upload' }, 'only the leading verb of the summary counts'],
    ['post', '/v1/shipping_rates', { operationId: 'PostShippingRatesShippingRateToken' }, 'only the leading verb of the operationId counts'],
    ['post', '/orders', { description: 'Search-friendly orders; upload receipts later.' }, 'descriptions are not read'],
    ['post', '/users/{search}', {}, 'path parameters are not literal segments'],
  ];

  it.each(ORDINARY)('does not flag %s %s (%s); the general rule judges it', async (method, path, more) => {
    const d = withPaths(version, { [path]: { [method]: operation(version, false, more) }, '/orders-limited': { get: operation(version, true) } });
    expect(await found(EXPENSIVE, d)).toEqual([]);
    expect(await found(MISSING, d)).toEqual([`paths.${path}.${method}.responses`]);
  });

  it('a sign-in named like a search is a credential entry, reported once, by the abuse-prone rule', async () => {
    const d = withPaths(version, { '/login': { post: operation(version, false, { operationId: 'searchLogin', summary: 'Search-free sign in' }) } });
    expect(await found(ABUSE, d)).toEqual(['paths./login.post.responses']);
    expect(await found(EXPENSIVE, d)).toEqual([]);
  });

  it('does not flag expensive operations that document a 429 (inline, through $ref, or a 4XX/default about rate limiting)', async () => {
    const d = withPaths(
      version,
      {
        '/search': { get: { responses: { '200': response(version), '429': { $ref: version === '2.0' ? '#/responses/TooMany' : '#/components/responses/TooMany' } } } },
        '/exports': { post: { responses: { '200': response(version), '4XX': response(version, 'Client error, including too many requests.') } } },
        '/uploads': { post: { responses: { '200': response(version), default: response(version, 'Error; 429 when rate limited.') } } },
        '/bulk': { post: operation(version, true) },
      },
      components(version, { responses: { TooMany: TOO_MANY(version) } }),
    );
    expect(await found(EXPENSIVE, d)).toEqual([]);
  });

  it('reports expensive operations one by one even when no operation documents a 429', async () => {
    const d = withPaths(version, { '/search': { get: operation(version) }, '/exports': { post: operation(version) }, '/orders': { get: operation(version) } });
    expect(await found(EXPENSIVE, d)).toEqual(['paths./exports.post.responses', 'paths./search.get.responses']);
    expect(await found(MISSING, d)).toEqual(['paths']);
  });

  it('counts an expensive word on a read only where it names the operation itself', async () => {
    const d = withPaths(version, {
      '/export/cve/executions': { get: operation(version) },
      '/export/cve': { post: operation(version) },
      '/search': { get: operation(version) },
      '/reports': { get: operation(version, false, { summary: 'Export all reports' }) },
    });
    expect(await found(EXPENSIVE, d)).toEqual(['paths./export/cve.post.responses', 'paths./reports.get.responses', 'paths./search.get.responses']);
  });

  it('honours exemptions on the operation, the path item and the root', async () => {
    const reason = { [EXPENSIVE]: 'Search is served from a cache behind a CDN that rate limits by client.' };
    const paths = {
      '/search': { get: operation(version, false, { [EXEMPTIONS]: reason }) },
      '/exports': { [EXEMPTIONS]: reason, post: operation(version) },
      '/uploads': { post: operation(version) },
    };
    expect(await found(EXPENSIVE, withPaths(version, paths))).toEqual(['paths./uploads.post.responses']);
    expect(await found(EXPENSIVE, withPaths(version, paths, { [EXEMPTIONS]: reason }))).toEqual([]);
  });

  it('expensiveOperationWords take add and remove; a removed word moves its operations to the general rule', async () => {
    const d = withPaths(version, { '/search': { get: operation(version) }, '/reindex': { post: operation(version) }, '/orders': { get: operation(version, true) }, ...documented(version, 2) });
    expect(await found(EXPENSIVE, d)).toEqual(['paths./search.get.responses']);
    const options = { expensiveOperationWords: { add: ['reindex'], remove: ['search'] } };
    expect(await found(EXPENSIVE, d, options)).toEqual(['paths./reindex.post.responses']);
    expect(await found(MISSING, d, options)).toEqual(['paths./search.get.responses']);
  });

  if (version === '3.1') {
    it('reports an operation of a $ref-ed path item where it is written, and not webhooks', async () => {
      const d = withPaths(
        version,
        { '/search': { $ref: '#/components/pathItems/Search' } },
        { components: { pathItems: { Search: { get: operation(version) } } }, webhooks: { exportDone: { post: operation(version) } } },
      );
      expect(await found(EXPENSIVE, d)).toEqual(['components.pathItems.Search.get.responses']);
    });
  }
});
