import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../functions/analysis/index.js';

describe('decodeBase64', () => {
  it.each([
    ['aGVsbG8=', 'hello'],
    // Padding is optional, and a whole run of it is dropped.
    ['aGVsbG8', 'hello'],
    ['aGVsbG8==', 'hello'],
    ['dXNlcjpwYXNz', 'user:pass'],
    ['', ''],
    ['====', ''],
    // Bytes come back as Latin-1 characters, one per byte.
    ['/w==', '\xff'],
    ['+/+/', '\xfb\xff\xbf'],
  ])('standard %j decodes to %j', (text, decoded) => {
    expect(decodeBase64(text)).toBe(decoded);
  });

  it('the url alphabet uses - and _ where the standard one uses + and /', () => {
    expect(decodeBase64('-_-_', 'url')).toBe('\xfb\xff\xbf');
    expect(decodeBase64('eyJhbGciOiJIUzI1NiJ9', 'url')).toBe('{"alg":"HS256"}');
    expect(decodeBase64('-_-_')).toBeUndefined();
    expect(decodeBase64('+/+/', 'url')).toBeUndefined();
  });

  it.each([['aGVs bG8='], ['aGVs\nbG8='], ['aG=Vs'], ['aGVsbG8*'], ['é'], ['😀'], ['Basic dXNlcjpwYXNz']])('%j holds a character outside the alphabet: undefined', text => {
    expect(decodeBase64(text)).toBeUndefined();
  });

  it('is linear on a long run of padding after a character outside the alphabet', () => {
    const hostile = `a=b${'='.repeat(100_000)}`;
    const start = performance.now();
    expect(decodeBase64(hostile)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(500);
  });
});
