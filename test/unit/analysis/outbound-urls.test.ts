import { describe, expect, it } from 'vitest';
import { isAllowListExtension, namesRedirectAllowList, patternPinsHost, refusesPrivateDestinations } from '../../../functions/analysis/outbound-urls.js';

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

describe('refusesPrivateDestinations', () => {
  it.each([
    'Must be HTTPS. Requests to private IP ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) and localhost are blocked.',
    'URLs that resolve to private, loopback or link-local IP addresses (e.g. 127.0.0.1, 169.254.169.254) are rejected.',
    'URLs pointing at RFC 1918 addresses are refused.',
    'Any public URL. Destinations in RFC1918 ranges, i.e. internal networks, are denied.',
  ])('reads %j as a refusal', description => {
    expect(refusesPrivateDestinations(description)).toBe(true);
  });

  it.each([
    'We call it from our private network. Requests that fail are rejected. See 10.0.0.0/8 for addresses.',
    'Addresses are validated (e.g. 10.0.0.1 is a private one). Invalid URLs are rejected.',
    'RFC 1918 addresses work too.',
  ])('does not read %j as a refusal', description => {
    expect(refusesPrivateDestinations(description)).toBe(false);
  });
});

describe('namesRedirectAllowList', () => {
  it.each([
    'Where the authorization response is sent. It must exactly match one of the redirect URIs registered for the client.',
    "Must match one of the redirect URLs configured in your app's OAuth settings.",
    "It must be listed in the Allowed Logout URLs field of the application's settings.",
    'Must be one of the allowed callback URLs for the application.',
    'Must match exactly the redirect URI registered for the app.',
    'The return URL must be on your allow-listed domains.',
  ])('reads %j as an allow-list', description => {
    expect(namesRedirectAllowList(description)).toBe(true);
  });

  it.each([
    'Any redirect URL is allowed.',
    'The redirect URL configured for the app is used when this is omitted.',
    'Registered users are sent to this URL. The redirect must be https.',
    'Where to redirect after login.',
  ])('does not read %j as an allow-list', description => {
    expect(namesRedirectAllowList(description)).toBe(false);
  });
});
