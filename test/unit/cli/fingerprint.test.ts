import { describe, expect, it } from 'vitest';
import { fingerprint, normalizeMessage } from '../../../cli/fingerprint.js';

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
});
