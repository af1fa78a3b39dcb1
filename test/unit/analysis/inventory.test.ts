import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTS } from '../../../functions/core/defaults.js';
import { describedAsExternal, environmentWordSet, hostEnvironment, internalMarkerMatcher, isPublicTestServer, isRealVersion, valueNamesEnvironment, isVersionParameterName, mediaTypeHasVersion, pathHasVersion, serverUrls } from '../../../functions/analysis/index.js';

const WORDS = environmentWordSet(DEFAULT_LISTS.nonProductionHostWords);

describe('hostEnvironment', () => {
  it.each([
    ['api.staging.example.com', 'word'],
    ['staging2.example.com', 'word'],
    ['qa-01.example.com', 'word'],
    ['non-prod.example.com', 'word'],
    ['api-pre-prod.example.com', 'word'],
    ['pre-prod-api.example.com', 'word'],
    ['api-non-prod.example.com', 'word'],
    ['api-pre-production-eu.example.com', 'word'],
    ['localhost', 'loopback'],
    ['api.localhost', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['[0:0:0:0:0:0:0:1]', 'loopback'],
    ['10.1.2.3', 'private-ip'],
    ['172.20.0.1', 'private-ip'],
    ['192.168.0.1', 'private-ip'],
    ['[fd12:3456::1]', 'private-ip'],
    ['[fe80::1]', 'private-ip'],
    ['169.254.169.254', 'private-ip'],
    ['0.0.0.0', 'loopback'],
    ['[::]', 'loopback'],
    ['orders.internal', 'private-domain'],
    ['printer.home.arpa', 'private-domain'],
    ['buildbox', 'private-domain'],
  ])('%s is %s', (host, kind) => {
    expect(hostEnvironment(host, WORDS)?.kind).toBe(kind);
  });

  it.each(['api.example.com', 'devices.example.com', 'developer.example.com', 'latest.example.com', 'testing-api.com', 'contest.com', 'api.test.com', 'dev.co.uk', 'pre-prod.com', 'product-api.example.com', 'pre-products.example.com', '8.8.8.8', '172.32.0.1', '[2001:db8::1]', '', 'a'.repeat(300)])(
    '%s is not named for an environment',
    host => {
      expect(hostEnvironment(host, WORDS)).toBeUndefined();
    },
  );
});

describe('isPublicTestServer', () => {
  it.each(['https://api.sandbox.example.com', 'https://stoplight.io/mocks/acme/todos/1', 'https://virtserver.swaggerhub.com/a/b/1.0.0', 'https://VirtServer.SwaggerHub.com.', 'http://api.example.com:8080/mock', 'https://a1.mockapi.io', 'https://prism-api.example.com', 'https://example.com/api/mocks/1'])('%s is a sandbox or mock', url => {
    expect(isPublicTestServer(url)).toBe(true);
  });
  it.each(['https://api.example.com/v1', 'https://api.example.com/mockingbird', 'https://api.example.com/?mock', 'https://prism.com', 'https://api.prism.com', 'https://sandbox.com', '/mocks', '', `https://${'mock.'.repeat(100)}com`])('%s is not', url => {
    expect(isPublicTestServer(url)).toBe(false);
  });
});

describe('valueNamesEnvironment', () => {
  it.each(['uat', 'api.staging', 'qa-01', 'localhost:3000', '127.0.0.1', '10.0.0.5:8080', 'orders.internal', '[::1]'])('%s names an environment', value => {
    expect(valueNamesEnvironment(value, WORDS)).toBe(true);
  });
  it.each(['eu-west-1', 'api', 'https', 'acme', 'devices', '8.8.8.8', '', 'a'.repeat(300)])('%s does not', value => {
    expect(valueNamesEnvironment(value, WORDS)).toBe(false);
  });
});

describe('describedAsExternal', () => {
  it.each(['Public sandbox for your integration.', 'Test environment for partners; not for production traffic.', 'No sign-up needed: open to partners.'])('%j offers the server outside', description => {
    expect(describedAsExternal({ url: 'x', description })).toBe(true);
  });
  it.each(['Staging environment. Not for customer use.', 'Pre-production - no external access.', 'Not available to partners or customers.', 'Non-public.', 'Staging, for internal customers only.', 'Test server.'])('%j does not', description => {
    expect(describedAsExternal({ url: 'x', description })).toBe(false);
  });
});

describe('serverUrls', () => {
  it('substitutes every combination of default and enum values, bounded', () => {
    const server = { url: 'https://{env}.example.com/{v}', variables: { env: { default: 'api', enum: ['api', 'dev'] }, v: { default: 'v1', enum: ['v1', 'v2'] } } };
    expect(serverUrls(server, ['servers', 0]).map(u => u.url).sort()).toEqual(['https://api.example.com/v1', 'https://api.example.com/v2', 'https://dev.example.com/v1', 'https://dev.example.com/v2']);
    const many = { url: '{a}{b}{c}', variables: Object.fromEntries(['a', 'b', 'c'].map(n => [n, { enum: Array.from({ length: 100 }, (_, i) => `${n}${i}`) }])) };
    expect(serverUrls(many, []).length).toBeLessThanOrEqual(256);
  });
});

describe('versions', () => {
  it.each(['1.0.0', 'v2', '2024-01-01', '1', 3, '1.x'])('%j is a version', value => expect(isRealVersion(value)).toBe(true));
  it.each(['', 'latest', 'TODO', 'unversioned', 'x.y.z', '${VERSION}', '{{version}}', '@version@', null, undefined, {}, Number.NaN])('%j is not', value => expect(isRealVersion(value)).toBe(false));
  it.each(['/v1', '/api/v2/users', 'https://api.example.com/v1beta1', '/2024-01-01/x', '/api/2.0'])('%s has a version', path => expect(pathHasVersion(path)).toBe(true));
  it.each(['/vendors', '/v/{id}', 'https://v2.example.com/', 'https://api.example.com:8443/', '/users/42'])('%s has none', path => expect(pathHasVersion(path)).toBe(false));
  it('names and media types', () => {
    expect(['Api-Version', 'X-GitHub-Api-Version', 'api-version', 'version', 'Stripe-Version'].every(isVersionParameterName)).toBe(true);
    expect(['conversion', 'versioned_at', 'X-Diversion', 'version_id'].some(isVersionParameterName)).toBe(false);
    expect(mediaTypeHasVersion('application/vnd.github.v3+json')).toBe(true);
    expect(mediaTypeHasVersion('application/json;version=2')).toBe(true);
    expect(mediaTypeHasVersion('application/vnd.api+json')).toBe(false);
    expect(mediaTypeHasVersion('application/vnd.acme.catalog+json;v=2')).toBe(true);
    expect(mediaTypeHasVersion('application/json; v="1.1"')).toBe(true);
    expect(mediaTypeHasVersion('application/json;v=latest')).toBe(false);
    expect(mediaTypeHasVersion('application/json;dev=2')).toBe(false);
  });
});

describe('internalMarkerMatcher', () => {
  const isInternal = internalMarkerMatcher(DEFAULT_LISTS.internalMarkers);
  it('matches a boolean marker and a value marker, without case', () => {
    expect(isInternal({ 'x-internal': true })?.key).toBe('x-internal');
    expect(isInternal({ 'X-Audience': 'Company-Internal' })?.key).toBe('X-Audience');
    expect(isInternal({ 'x-internal': false })).toBeUndefined();
    expect(isInternal({ 'x-audience': 'external-public' })).toBeUndefined();
    expect(isInternal('x-internal')).toBeUndefined();
  });
  it('ignores entries that are not extensions', () => {
    expect(internalMarkerMatcher(['internal', 'description=internal'])({ internal: true, description: 'internal' })).toBeUndefined();
  });
});
