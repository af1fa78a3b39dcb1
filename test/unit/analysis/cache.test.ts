import { describe, expect, it } from 'vitest';
import { cachedPer, perDocument } from '../../../functions/analysis/index.js';

describe('cachedPer', () => {
  it('builds once per key object, with the input of the first call', () => {
    const calls: Array<[object, string | undefined]> = [];
    const get = cachedPer<object, string, string>((key, input) => {
      calls.push([key, input]);
      return `built from ${input}`;
    });
    const key = {};
    expect(get(key, 'first')).toBe('built from first');
    expect(get(key, 'second')).toBe('built from first');
    expect(calls).toEqual([[key, 'first']]);
  });

  it('keys by identity: an equal object is another key', () => {
    let builds = 0;
    const get = cachedPer<object, number>(() => ++builds);
    const a = { same: true };
    expect(get(a)).toBe(1);
    expect(get({ same: true })).toBe(2);
    expect(get(a)).toBe(1);
  });

  it('caches a value that is undefined too', () => {
    let builds = 0;
    const get = cachedPer<object, undefined>(() => {
      builds++;
      return undefined;
    });
    const key = {};
    get(key);
    get(key);
    expect(builds).toBe(1);
  });

  it('lets two caches keep their own values for one key', () => {
    const key = {};
    expect(cachedPer(() => 'a')(key)).toBe('a');
    expect(cachedPer(() => 'b')(key)).toBe('b');
  });
});

describe('perDocument', () => {
  it('builds once per owner and key', () => {
    const shared = perDocument<string[]>();
    const owner = {};
    const other = {};
    let builds = 0;
    const build = () => [`build ${++builds}`];
    const first = shared(owner, 'words=a,b', build);
    expect(shared(owner, 'words=a,b', build)).toBe(first);
    expect(shared(owner, 'words=c', build)).toEqual(['build 2']);
    expect(shared(other, 'words=a,b', build)).toEqual(['build 3']);
    expect(builds).toBe(3);
  });
});
