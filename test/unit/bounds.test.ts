import { describe, expect, it } from 'vitest';
import { firstWith, hasAny, hasUpperBound, patternBoundsLength, typeOwner, typesOf, type JsonObject, type Located } from '../../functions/analysis/index.js';

/** Members as the schema graph gives them: the schema first, then its `allOf` members, each where it is written. */
function members(...nodes: JsonObject[]): Array<Located<JsonObject>> {
  return nodes.map((node, i) => ({ node, path: i === 0 ? ['s'] : ['s', 'allOf', i - 1] }));
}

describe('patternBoundsLength', () => {
  it.each([
    '^[a-z]{1,10}$',
    '^[A-Z]{2}$',
    '^\\d{3}-\\d{4}$',
    '^[a-z0-9_-]{3,32}$',
    '^(ab|cd){1,4}$',
    '^(?:[a-f0-9]{2}){16}$',
    '^.{0,100}$',
    '^$',
    '^[*+]{1,5}$',
    '^\\+\\d{1,14}$',
    '^a\\*b$',
    '^a\\\\$',
    '^[a-z]{1,10}\\{x\\}$',
    // Lookarounds consume nothing: the quantifiers inside them do not make the match longer.
    '^(?=.*\\d)(?=.*[a-z]).{8,64}$',
    '^(?!.*\\s)[a-z]{1,20}$',
    '^(?<=x*)[a-z]{1,3}$',
    '^(?<!y+)[a-z]{1,3}(?<year>\\d{4})$',
  ])('%s bounds the length', pattern => {
    expect(patternBoundsLength(pattern)).toBe(true);
  });

  it.each([
    ['^[a-z]+$', 'unbounded +'],
    ['^[a-z]*$', 'unbounded *'],
    ['^\\d{3,}$', 'open-ended {n,}'],
    ['^(?:a{1,3})+$', '+ on a group'],
    ['[a-z]{1,10}', 'not anchored'],
    ['^[a-z]{1,10}', 'no end anchor'],
    ['[a-z]{1,10}$', 'no start anchor'],
    ['^[a-z]{1,10}\\$', 'the final $ is a literal dollar'],
    ['^a|b$', 'top-level alternation drops an anchor'],
    ['^a{1,2}|b{1,2}$', 'top-level alternation drops an anchor'],
    ['^a)|b$', 'unbalanced parenthesis before an alternation'],
    ['^{[a-z]+}$', 'a literal brace does not hide the + after it'],
    ['^(?=a)b+$', 'a + after a closed lookahead'],
    ['^(?:x).+$', 'non-capturing group is not a lookaround'],
  ])('%s does not (%s)', pattern => {
    expect(patternBoundsLength(pattern)).toBe(false);
  });

  it.each([[7], [null], [undefined], [{}], [['^a$']], ['^'], ['']])('non-strings and degenerate input (%j) do not bound', value => {
    expect(patternBoundsLength(value)).toBe(false);
  });

  it('refuses patterns longer than 4096 characters', () => {
    expect(patternBoundsLength(`^${'a'.repeat(4094)}$`)).toBe(true);
    expect(patternBoundsLength(`^${'a'.repeat(4095)}$`)).toBe(false);
  });

  it('runs in linear time on hostile patterns', () => {
    const hostile = [
      `^${'{'.repeat(4000)}$`,
      `^${'{1'.repeat(2000)}$`,
      `^${'('.repeat(4000)}$`,
      `^${'(?='.repeat(1300)}$`,
      `^${'\\'.repeat(4001)}a$`,
      `^${'[a-z]{1,9}'.repeat(400)}$`,
    ];
    const start = performance.now();
    for (let round = 0; round < 20; round++) for (const pattern of hostile) patternBoundsLength(pattern);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('typesOf', () => {
  it('collects string and (3.1) array types across allOf members', () => {
    expect([...typesOf(members({ type: 'string' }))]).toEqual(['string']);
    expect([...typesOf(members({ type: ['integer', 'null'] }))]).toEqual(['integer', 'null']);
    expect([...typesOf(members({ allOf: [] }, { type: 'array' }))]).toEqual(['array']);
  });

  it('ignores malformed types', () => {
    expect([...typesOf(members({ type: 42 }, { type: [7, null, 'string'] }, { type: { a: 1 } }))]).toEqual(['string']);
    expect([...typesOf([])]).toEqual([]);
  });
});

describe('firstWith, typeOwner, hasAny', () => {
  const wrapper = { allOf: [{ $ref: '#/Name' }], maxLength: 10 };
  const named = { type: 'string', format: 'email' };

  it('firstWith finds the first member that has the keyword, even when its value is falsy', () => {
    expect(firstWith(members(wrapper, named), 'format')?.path).toEqual(['s', 'allOf', 0]);
    expect(firstWith(members({ maxLength: 0 }, { maxLength: 5 }), 'maxLength')?.node.maxLength).toBe(0);
    expect(firstWith(members(wrapper), 'format')).toBeUndefined();
  });

  it('typeOwner is the member that declares the type, else the schema itself', () => {
    expect(typeOwner(members(wrapper, named)).path).toEqual(['s', 'allOf', 0]);
    expect(typeOwner(members(wrapper)).path).toEqual(['s']);
  });

  it('hasAny counts a keyword on any member, but not a null value', () => {
    expect(hasAny(members(wrapper, named), ['maxLength'])).toBe(true);
    expect(hasAny(members(named), ['maxLength', 'enum'])).toBe(false);
    expect(hasAny(members({ maxLength: null }), ['maxLength'])).toBe(false);
    expect(hasAny(members({ enum: [] }), ['enum'])).toBe(true);
  });

  it('hasAny only counts values that really bound: numbers for max keywords, a list for enum, text or a number for extensions', () => {
    expect(hasAny(members({ maxLength: 'abc' }), ['maxLength'])).toBe(false);
    expect(hasAny(members({ maxItems: 'ten' }), ['maxItems'])).toBe(false);
    expect(hasAny(members({ maxLength: 10 }), ['maxLength'])).toBe(true);
    expect(hasAny(members({ enum: 'a' }), ['enum'])).toBe(false);
    expect(hasAny(members({ const: 0 }), ['const'])).toBe(true);
    expect(hasAny(members({ 'x-max-size': '10 MB' }), ['x-max-size'])).toBe(true);
    expect(hasAny(members({ 'x-max-size': 1048576 }), ['x-max-size'])).toBe(true);
    expect(hasAny(members({ 'x-max-size': ' ' }), ['x-max-size'])).toBe(false);
  });
});

describe('hasUpperBound', () => {
  it.each([
    [{ type: 'integer', maximum: 100 }],
    [{ type: 'integer', maximum: 0 }],
    [{ type: 'number', exclusiveMaximum: 100 }],
    [{ type: 'integer', enum: [10, 50] }],
    [{ type: 'integer', const: 25 }],
    [{ type: 'integer', maximum: 100, exclusiveMaximum: true }],
  ])('%j is bounded', node => {
    expect(hasUpperBound(members(node))).toBe(true);
  });

  it('a maximum in an allOf member bounds the wrapper', () => {
    expect(hasUpperBound(members({ allOf: [{}] }, { type: 'integer', maximum: 10 }))).toBe(true);
  });

  it.each([
    [{ type: 'integer' }],
    [{ type: 'integer', minimum: 1 }],
    [{ type: 'integer', exclusiveMaximum: true }],
    [{ type: 'integer', maximum: '100' }],
    [{ type: 'integer', format: 'int32' }],
  ])('%j is not bounded', node => {
    expect(hasUpperBound(members(node))).toBe(false);
  });
});
