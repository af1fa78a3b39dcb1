import { describe, expect, it } from 'vitest';
import { displayUrl, isLoopbackHost, urlSchemeAndHost } from '../../../functions/analysis/index.js';

describe('isLoopbackHost', () => {
  it.each([['localhost'], ['LOCALHOST'], ['localhost.'], ['api.localhost'], ['[::1]'], ['127.0.0.1'], ['127.10.20.30']])('%s is loopback', host => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    ['localhost.evil.com'],
    ['evillocalhost'],
    ['127.0.0.1.evil.com'],
    ['128.0.0.1'],
    ['127.0.0'],
    ['0.0.0.0'],
    ['::1'],
    ['example.com'],
    [''],
  ])('%s is not', host => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  // The long form of the IPv6 loopback address is the same host as `[::1]` (a URL parser normalises it so).
  it('[0:0:0:0:0:0:0:1] is loopback', () => {
    expect(new URL('http://[0:0:0:0:0:0:0:1]/').hostname).toBe('[::1]');
    expect(isLoopbackHost('[0:0:0:0:0:0:0:1]')).toBe(true);
  });

  it.each([
    ['[0::1]', true],
    ['[0000:0000::0001]', true],
    ['[::ffff:127.0.0.1]', true],
    ['[::ffff:7f00:1]', true],
    ['[::2]', false],
    ['[1::1]', false],
    ['[::ffff:10.0.0.1]', false],
    ['[::1::1]', false],
    ['[::1:2:3:4:5:6:7:8]', false],
    ['[::ffff:127.0.0.300]', false],
    ['[ff02::1]', false],
  ])('IPv6 %s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('urlSchemeAndHost', () => {
  it.each([
    ['http://api.example.com/v1', 'http', 'api.example.com'],
    ['HTTPS://Example.COM', 'https', 'Example.COM'],
    ['  ws://host:8080/socket  ', 'ws', 'host'],
    ['http://user:secret@host.example:8443/x', 'http', 'host.example'],
    ['http://[::1]:8080/x', 'http', '[::1]'],
    ['http://[2001:db8::1]/', 'http', '[2001:db8::1]'],
    // The host follows the last `@`: the rest is userinfo.
    ['http://localhost@evil.com', 'http', 'evil.com'],
    ['http://localhost:80@evil.com/', 'http', 'evil.com'],
    // Browsers read `\` as `/` in http(s) URLs, so the authority ends there.
    ['http://evil.com\\@localhost', 'http', 'evil.com'],
    // `?` and `#` end the authority: an `@` after them is not userinfo.
    ['http://localhost?@evil.com', 'http', 'localhost'],
    ['http://localhost#@evil.com', 'http', 'localhost'],
    ['http://localhost/@evil.com', 'http', 'localhost'],
    ['svn+ssh://repo.example', 'svn+ssh', 'repo.example'],
  ])('%s has scheme %s and host %s', (url, scheme, host) => {
    expect(urlSchemeAndHost(url)).toEqual({ scheme, host });
  });

  it('agrees with the WHATWG URL parser on the userinfo and backslash tricks', () => {
    for (const url of ['http://localhost@evil.com', 'http://evil.com\\@localhost', 'http://localhost:80@evil.com/']) {
      expect(urlSchemeAndHost(url)?.host).toBe(new URL(url).hostname);
    }
  });

  it.each([['/v1'], ['api.example.com/v1'], ['//host/path'], ['localhost:8080'], ['{scheme}://host'], [''], [7], [null], [{ url: 'http://x' }]])(
    'relative URLs and non-strings (%j) give undefined',
    value => {
      expect(urlSchemeAndHost(value)).toBeUndefined();
    },
  );

  // The authority is read whole: a long userinfo cannot hide the `@` that ends it
  // (`http://localhost:<2,100 digits>@evil.com/` goes to evil.com, not to loopback).
  it('a long userinfo does not make evil.com read as localhost', () => {
    const url = `http://localhost:${'1'.repeat(2100)}@evil.com/`;
    expect(new URL(url).hostname).toBe('evil.com');
    expect(urlSchemeAndHost(url)?.host).not.toBe('localhost');
  });

  // For http(s), browsers (WHATWG) read `http:\\evil.com` and `http:/evil.com` as http://evil.com/.
  it.each([['http:\\\\evil.com/v1'], ['http:/evil.com/v1']])('%s is an absolute http URL to evil.com', url => {
    expect(new URL(url).hostname).toBe('evil.com');
    expect(urlSchemeAndHost(url)).toEqual({ scheme: 'http', host: 'evil.com' });
  });
});

describe('displayUrl', () => {
  it.each([
    ['https://api.example.com/v1', 'https://api.example.com/v1'],
    // Userinfo may be a password, a query or fragment a key or a token: none is shown.
    ['https://user:pa55@api.example.com/v1', 'https://api.example.com/v1'],
    ['https://api.example.com/v1?api_key=abc123', 'https://api.example.com/v1?…'],
    ['https://api.example.com/v1#access_token=abc', 'https://api.example.com/v1#…'],
    ['https://u:p@h/x?k=v#f', 'https://h/x?…'],
    // A trailing `?` hides nothing.
    ['https://api.example.com/v1?', 'https://api.example.com/v1?'],
    // Runtime expressions keep their `#`: it is part of the expression, not a fragment.
    ['{$request.body#/callbackUrl}', '{$request.body#/callbackUrl}'],
    ['https://{$request.body#/host}/hook?token=x', 'https://{$request.body#/host}/hook?…'],
    // An `@` after the authority is path, not userinfo.
    ['https://api.example.com/users/@me', 'https://api.example.com/users/@me'],
    ['  /relative?secret=1  ', '/relative?…'],
  ])('%s is shown as %s', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it('cuts long URLs at `max` characters', () => {
    const long = `https://example.com/${'a'.repeat(200)}`;
    expect(displayUrl(long)).toBe(`${long.slice(0, 100)}…`);
    expect(displayUrl(long, 30)).toBe(`${long.slice(0, 30)}…`);
    expect(displayUrl('https://example.com/', 30)).toBe('https://example.com/');
  });

  it('drops userinfo only from the authority of a URL with a scheme', () => {
    // `://` further in than a scheme can be is not a scheme separator.
    const notScheme = `${'x'.repeat(40)}://user@host`;
    expect(displayUrl(notScheme)).toBe(notScheme);
  });
});
