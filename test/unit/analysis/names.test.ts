import { describe, expect, it } from 'vitest';
import { compact, compactSet, words } from '../../../functions/analysis/index.js';

describe('words', () => {
  it.each([
    ['userId', ['user', 'id']],
    ['user_id', ['user', 'id']],
    ['user-id', ['user', 'id']],
    ['User ID', ['user', 'id']],
    ['HTTPServer', ['http', 'server']],
    ['getHTTPResponseCode', ['get', 'http', 'response', 'code']],
    ['X-API-Key', ['x', 'api', 'key']],
    ['ABC', ['abc']],
    // A digit ends a word only before a capital.
    ['oauth2Token', ['oauth2', 'token']],
    ['item2Name', ['item2', 'name']],
    ['v2api', ['v2api']],
    ['$top', ['top']],
    ['__proto__', ['proto']],
    ['a.b/c:d', ['a', 'b', 'c', 'd']],
  ])('%j gives %j', (name, expected) => {
    expect(words(name)).toEqual(expected);
  });

  it('keeps a word whole: `paid` is not `pa` + `id`, and `Identity` is one word', () => {
    expect(words('paid')).toEqual(['paid']);
    expect(words('Identity')).toEqual(['identity']);
  });

  it.each([[''], ['---'], ['  ']])('%j has no words', name => {
    expect(words(name)).toEqual([]);
  });

  it('gives no words for a value that is not a string (option lists come from users)', () => {
    expect(words(42 as unknown as string)).toEqual([]);
    expect(words(undefined as unknown as string)).toEqual([]);
  });

  it('returns the same frozen list for a name seen before: callers share it', () => {
    const first = words('sharedNameForTheMemo');
    expect(words('sharedNameForTheMemo')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('reads only the first 256 characters of a long name', () => {
    expect(words('a'.repeat(300))).toEqual(['a'.repeat(256)]);
    const camel = words('aB'.repeat(400));
    expect(camel.join('')).toHaveLength(256);
    expect(camel.at(-1)).toBe('b');
  });

  // A plural acronym stays one word: `Ds` of `IDs` is not the start of a new word.
  it.each([
    ['userIDs', ['user', 'ids']],
    ['APIs', ['apis']],
    ['IDsList', ['ids', 'list']],
    ['listURLs', ['list', 'urls']],
    ['HTTPServer', ['http', 'server']],
  ])('a plural acronym stays one word: %j gives %j', (name, expected) => {
    expect(words(name)).toEqual(expected);
  });
});

describe('compact, compactSet', () => {
  it.each([
    ['X-Api-Key', 'xapikey'],
    ['x_api_key', 'xapikey'],
    ['xApiKey', 'xapikey'],
    ['page_size', 'pagesize'],
    ['$top', 'top'],
    ['', ''],
  ])('compact(%j) is %j', (name, expected) => {
    expect(compact(name)).toBe(expected);
  });

  it('compactSet folds human-written names and drops empty and non-string entries', () => {
    const set = compactSet(['page_size', 'pageSize', 'PAGE-SIZE', '---', '', 7 as unknown as string, 'limit']);
    expect([...set].sort()).toEqual(['limit', 'pagesize']);
  });

  it('look-alikes with other words stay apart', () => {
    const set = compactSet(['api_key']);
    expect(set.has(compact('apiKey'))).toBe(true);
    expect(set.has(compact('apiKeys'))).toBe(false);
    expect(set.has(compact('key'))).toBe(false);
  });
});
