import { describe, expect, it } from 'vitest';
import { fingerprint, normalizeMessage, stablePath } from '../../../cli/fingerprint.js';

describe('fingerprint', () => {
  it('is a hex sha256 prefix of rule, path and message', () => {
    expect(fingerprint('transport-plain-http', ['servers', 1, 'url'], 'Server URL "http://a" uses plain http')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('ignores numbers in the message (counts, line references) but not the rule, the path or the words', () => {
    const base = fingerprint('rate-limit-429-missing', ['paths'], 'No 429: 11 operation(s) (see line 40)');
    expect(fingerprint('rate-limit-429-missing', ['paths'], 'No 429: 12 operation(s) (see line 52)')).toBe(base);
    expect(fingerprint('rate-limit-headers-missing', ['paths'], 'No 429: 11 operation(s) (see line 40)')).not.toBe(base);
    expect(fingerprint('rate-limit-429-missing', ['webhooks'], 'No 429: 11 operation(s) (see line 40)')).not.toBe(base);
    expect(fingerprint('rate-limit-429-missing', ['paths'], 'No 503: 11 operation(s) (see line 40)')).toBe(base);
    expect(fingerprint('rate-limit-429-missing', ['paths'], 'No Retry-After: 11 operation(s)')).not.toBe(base);
  });

  it('two identical findings on different paths differ; path segments are not confused by dots', () => {
    const message = 'String has no `maxLength`';
    expect(fingerprint('resource-string-unbounded', ['components', 'schemas', 'A', 'properties', 'name'], message)).not.toBe(
      fingerprint('resource-string-unbounded', ['components', 'schemas', 'B', 'properties', 'name'], message),
    );
    expect(fingerprint('r', ['a.b'], 'm')).not.toBe(fingerprint('r', ['a', 'b'], 'm'));
    expect(fingerprint('r', [0], 'm')).toBe(fingerprint('r', ['0'], 'm'));
  });

  it('normalizes whitespace and line/column references', () => {
    expect(normalizeMessage('at line 12, column 4:  x\n y')).toBe('at line #, line #: x y');
    expect(normalizeMessage('3 operations')).toBe('# operations');
  });

  it('names list items by what they are, so inserting an item keeps the others\' fingerprints', () => {
    const before = { servers: [{ url: 'https://a' }, { url: 'http://b' }], paths: { '/x': { get: { parameters: [{ name: 'token', in: 'query' }], security: [{ oauth2: ['read', 'write'] }] } } } };
    const after = { servers: [{ url: 'http://new' }, { url: 'https://a' }, { url: 'http://b' }], paths: { '/x': { get: { parameters: [{ name: 'id', in: 'path' }, { name: 'token', in: 'query' }], security: [{}, { oauth2: ['write', 'read'] }] } } } };
    expect(fingerprint('t', ['servers', 2, 'url'], 'm', after)).toBe(fingerprint('t', ['servers', 1, 'url'], 'm', before));
    expect(fingerprint('t', ['servers', 0, 'url'], 'm', after)).not.toBe(fingerprint('t', ['servers', 0, 'url'], 'm', before));
    expect(fingerprint('c', ['paths', '/x', 'get', 'parameters', 1], 'm', after)).toBe(fingerprint('c', ['paths', '/x', 'get', 'parameters', 0], 'm', before));
    expect(stablePath(['paths', '/x', 'get', 'security', 1, 'oauth2', 0], after)).toEqual(['paths', '/x', 'get', 'security', '{oauth2}', 'oauth2', '="write"']);
    // Nothing names it, or no document: the index.
    expect(stablePath(['a', 1], { a: [{}, { x: 1 }] })).toEqual(['a', '#1']);
    expect(stablePath(['a', 1, 'b'])).toEqual(['a', '1', 'b']);
    expect(stablePath(['__proto__', 0], JSON.parse('{"__proto__": [1]}'))).toEqual(['__proto__', '=1']);
  });
});
