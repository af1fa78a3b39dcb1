import { describe, expect, it } from 'vitest';
import { isAllowListExtension, patternPinsHost } from '../../../functions/analysis/outbound-urls.js';

describe('patternPinsHost', () => {
  it.each([
    '^https://hooks\\.example\\.com/',
    '^https://hooks\\.example\\.com$',
    '^https:\\/\\/hooks\\.example\\.com\\/',
    '^https?://hooks\\.example\\.com/',
    '^https://hooks\\.example\\.com:8443/',
    '^https://hooks\\.example\\.com(:\\d+)?/',
    '^https://([a-z0-9-]+\\.)?example\\.com/',
    '^https://[a-z0-9-]+\\.example\\.com(/|$)',
    '^https://(eu|us)\\.example\\.com/',
    '^https://(?:[a-z0-9-]+\\.)?example\\.com/',
    '^https://example\\.com(/.*)?$',
    '^https://hooks\\.example\\.com/?$',
    '^(https://a\\.example\\.com/|https://b\\.example\\.com/)',
  ])('pins %s to a host', pattern => {
    expect(patternPinsHost(pattern, false)).toBe(true);
  });

  it.each([
    '^https://',
    '^https?://.*$',
    '^https://.+',
    'https://hooks\\.example\\.com/',
    '^https://hooks\\.example\\.com/|.*',
    '^https://hooks.example.com/',
    '^https://[a-z.]+/',
    '^https://hooks\\.example\\.com',
    '^https://example\\.com.evil\\.io/',
    '^https://[^/]+\\.com/',
    '^https://[a-z]+example\\.com/',
    // The host part can hold text that ends a host: `evil.com/x.example.com`, `evil.com?.example.com`.
    '^https://(.*\\.)?example\\.com/',
    '^https://.+\\.example\\.com/',
    '^https://[^/]*\\.example\\.com/',
    '^https://[a-z:]+\\.example\\.com/',
    // No required end after the host: `example.com.evil.net`.
    '^https?://(www\\.)?example\\.com/?.*$',
    '^https://example\\.com(/|.*)',
    '^https://example\\.com/*.*',
    '^/(?!/)',
    '^[a-z]+://',
    '',
  ])('does not pin %j', pattern => {
    expect(patternPinsHost(pattern, false)).toBe(false);
  });

  it.each(['^/(?!/)', '^\\/(?!\\/)', '^/(?![/\\\\])', '^/account/'])('accepts the same-site path %s for redirects', pattern => {
    expect(patternPinsHost(pattern, true)).toBe(true);
  });

  it('accepts a leading group only when each alternative is pinned or same-site', () => {
    expect(patternPinsHost('^(https://example\\.com/.*|/(?!/).*)$', true)).toBe(true);
    expect(patternPinsHost('^(https://example\\.com/.*|/.*)$', true)).toBe(false);
  });

  it.each(['^/', '^//', '^/.*', '^/\\/'])('does not take %s as same-site (it allows //evil.com)', pattern => {
    expect(patternPinsHost(pattern, true)).toBe(false);
  });

  it('reads a hostile pattern in linear time', () => {
    const start = Date.now();
    expect(patternPinsHost(`^https://${'(a'.repeat(900)}`, false)).toBe(false);
    expect(patternPinsHost(`^https://${'[\\'.repeat(900)}`, false)).toBe(false);
    expect(Date.now() - start).toBeLessThan(200);
  });
});

describe('isAllowListExtension', () => {
  it.each(['x-allowed-hosts', 'x-allowed-domains', 'x-allowedOrigins', 'x-url-allowlist', 'x-whitelist', 'x-trusted-hosts', 'x-permitted-urls'])('%s documents an allow-list', key => {
    expect(isAllowListExtension(key)).toBe(true);
  });
  it.each(['x-allowed', 'x-hosts', 'x-allow-empty', 'allowed-hosts', 'x-trusted', 'x-example'])('%s does not', key => {
    expect(isAllowListExtension(key)).toBe(false);
  });
});
