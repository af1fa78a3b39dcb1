import { describe, expect, it } from 'vitest';
import { asArray, deref, entries, getAt, has, isObject, isUnresolvedRef, parseLocalRef } from '../../../functions/analysis/index.js';

describe('isObject, asArray', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [Object.create(null), true],
    [[], false],
    [null, false],
    [undefined, false],
    ['{}', false],
    [7, false],
  ])('isObject(%j) is %s', (value, expected) => {
    expect(isObject(value)).toBe(expected);
  });

  it('asArray keeps arrays as they are and turns anything else into an empty list', () => {
    const list = [1, 2];
    expect(asArray(list)).toBe(list);
    expect(asArray({ 0: 'a', length: 1 })).toEqual([]);
    expect(asArray('ab')).toEqual([]);
    expect(asArray(undefined)).toEqual([]);
  });
});

describe('entries, has', () => {
  it('entries lists own enumerable keys only: inherited and non-enumerable ones are not written in the document', () => {
    const node = Object.create({ inherited: 1 }) as Record<string, unknown>;
    node.own = 2;
    Object.defineProperty(node, 'hidden', { value: 3, enumerable: false });
    expect(entries(node)).toEqual([['own', 2]]);
  });

  it('entries gives nothing for arrays and scalars', () => {
    expect(entries(['a', 'b'])).toEqual([]);
    expect(entries('ab')).toEqual([]);
    expect(entries(null)).toEqual([]);
  });

  it('has is an own-property test on objects only', () => {
    expect(has({ a: undefined }, 'a')).toBe(true);
    expect(has({}, 'toString')).toBe(false);
    expect(has(Object.create({ a: 1 }), 'a')).toBe(false);
    expect(has(['x'], '0')).toBe(false);
    expect(has(null, 'a')).toBe(false);
    // An object with its own `hasOwnProperty` key cannot fool the test.
    expect(has({ hasOwnProperty: () => true }, 'a')).toBe(false);
  });
});

describe('parseLocalRef', () => {
  it.each([
    ['#', []],
    ['#/', ['']],
    ['#/components/schemas/User', ['components', 'schemas', 'User']],
    // RFC 6901: `~1` is `/` and `~0` is `~`, decoded in that order so `~01` is the text `~1`.
    ['#/paths/~1users~1{id}', ['paths', '/users/{id}']],
    ['#/a~0b', ['a~b']],
    ['#/a~01', ['a~1']],
    // A URI fragment: percent-escapes are decoded first (`%7B` is `{`, `%25` is `%`).
    ['#/paths/~1users~1%7Bid%7D', ['paths', '/users/{id}']],
    ['#/x/100%25', ['x', '100%']],
    // A malformed escape is kept as written instead of failing.
    ['#/x/100%', ['x', '100%']],
    ['#/x/%zz~1', ['x', '%zz/']],
  ])('%s gives %j', (ref, expected) => {
    expect(parseLocalRef(ref)).toEqual(expected);
  });

  it.each([['other.yaml#/a'], ['https://example.com/schema.json'], ['#a/b'], ['#definitions/User'], [''], [42], [null], [{ $ref: '#/a' }]])(
    'external, malformed and non-string references (%j) give undefined',
    ref => {
      expect(parseLocalRef(ref)).toBeUndefined();
    },
  );

  it('returns one frozen path per reference: callers keep it, so nobody may change it', () => {
    const first = parseLocalRef('#/components/schemas/Frozen');
    expect(parseLocalRef('#/components/schemas/Frozen')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('getAt', () => {
  const root = { tags: ['a', 'b'], paths: { '/x': { get: { ok: true } } }, nested: [[0, 1], [2, 3]] };

  it('walks object keys and array indexes, numeric or written as text', () => {
    expect(getAt(root, [])).toBe(root);
    expect(getAt(root, ['paths', '/x', 'get', 'ok'])).toBe(true);
    expect(getAt(root, ['tags', 1])).toBe('b');
    expect(getAt(root, ['tags', '1'])).toBe('b');
    expect(getAt(root, ['nested', '1', 0])).toBe(2);
  });

  it('gives undefined for missing keys, out-of-range or non-numeric indexes, and inherited properties', () => {
    expect(getAt(root, ['paths', '/y'])).toBeUndefined();
    expect(getAt(root, ['tags', '5'])).toBeUndefined();
    expect(getAt(root, ['tags', 'length'])).toBeUndefined();
    expect(getAt(root, ['tags', '-1'])).toBeUndefined();
    expect(getAt(root, ['paths', 'constructor'])).toBeUndefined();
    expect(getAt(root, ['paths', '__proto__'])).toBeUndefined();
    expect(getAt('text', ['length'])).toBeUndefined();
  });
});

describe('deref', () => {
  it('returns a node without $ref as it is, at the path given', () => {
    const node = { type: 'string' };
    expect(deref({}, node, ['here'])).toEqual({ node, path: ['here'] });
    expect(deref({}, 'scalar', ['s'])).toEqual({ node: 'scalar', path: ['s'] });
  });

  it('follows a chain of references to the definition and reports where it is written', () => {
    const user = { type: 'object' };
    const root = { components: { schemas: { Alias: { $ref: '#/components/schemas/Middle' }, Middle: { $ref: '#/components/schemas/User' }, User: user } } };
    const located = deref(root, { $ref: '#/components/schemas/Alias' }, ['paths', '/u', 'schema']);
    expect(located.node).toBe(user);
    expect(located.path).toEqual(['components', 'schemas', 'User']);
  });

  it('stops a cycle at the last node reached instead of looping', () => {
    const root: Record<string, unknown> = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
    const located = deref(root, { $ref: '#/a' }, ['start']);
    expect(located.node).toBe(root.a);
    expect(located.path).toEqual(['a']);
    expect(isUnresolvedRef(located.node)).toBe(true);
  });

  it('stops a self-reference', () => {
    const root: Record<string, unknown> = { self: { $ref: '#/self' } };
    expect(deref(root, root.self, ['self'])).toEqual({ node: root.self, path: ['self'] });
  });

  it.each([
    ['dangling', '#/nowhere'],
    ['external', 'other.yaml#/User'],
    ['malformed', '#User'],
  ])('stops at a %s reference, where it is written', (_kind, ref) => {
    const node = { $ref: ref };
    expect(deref({ User: {} }, node, ['here'])).toEqual({ node, path: ['here'] });
    expect(isUnresolvedRef(node)).toBe(true);
  });

  it('stops after 64 hops: a long chain is left unresolved rather than walked without bound', () => {
    const root: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) root[`r${i}`] = { $ref: `#/r${i + 1}` };
    root.r100 = { type: 'string' };
    const located = deref(root, { $ref: '#/r0' }, ['start']);
    expect(located.path).toEqual(['r63']);
    expect(isUnresolvedRef(located.node)).toBe(true);
    // A chain within the bound resolves.
    expect(deref(root, root.r40, ['r40']).node).toEqual({ type: 'string' });
  });

  it('ignores a $ref that is not a string', () => {
    const node = { $ref: { not: 'a string' } };
    expect(deref({}, node, ['x']).node).toBe(node);
    expect(isUnresolvedRef(node)).toBe(false);
  });
});

describe('isUnresolvedRef', () => {
  it.each([
    [{ $ref: '#/a' }, true],
    [{ $ref: '' }, true],
    [{ type: 'string' }, false],
    [{ $ref: 7 }, false],
    [[{ $ref: '#/a' }], false],
    ['#/a', false],
  ])('%j gives %s', (node, expected) => {
    expect(isUnresolvedRef(node)).toBe(expected);
  });
});
