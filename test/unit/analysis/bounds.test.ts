// What test/unit/bounds.test.ts does not cover yet: values that look like bounds but are not.

import { describe, expect, it } from 'vitest';
import { alternativesEnumerate, hasAny, hasUpperBound } from '../../../functions/analysis/index.js';
import { members } from './fixtures.js';

describe('hasAny with extension values', () => {
  it.each([[Infinity], [NaN], [true], [false], [['10 MB']], [{ max: 10 }], ['']])('x-max-size: %j does not bound', value => {
    expect(hasAny(members({ 'x-max-size': value }), ['x-max-size'])).toBe(false);
  });

  it.each([[0], [10], ['10 MB'], ['  1 GiB ']])('x-max-size: %j bounds', value => {
    expect(hasAny(members({ 'x-max-size': value }), ['x-max-size'])).toBe(true);
  });

  it('reads an extension in an allOf member, and only the keys asked for', () => {
    expect(hasAny(members({ type: 'string' }, { 'x-max-size': '1 MB' }), ['maxLength', 'x-max-size'])).toBe(true);
    expect(hasAny(members({ 'x-max-size': '1 MB' }), ['maxLength'])).toBe(false);
    expect(hasAny(members({ 'x-max-size': '1 MB' }), [])).toBe(false);
  });

  it('a max keyword must be a finite number', () => {
    expect(hasAny(members({ maxLength: Infinity }), ['maxLength'])).toBe(false);
    expect(hasAny(members({ maxItems: NaN }), ['maxItems'])).toBe(false);
  });
});

describe('hasUpperBound', () => {
  it('an enum must be a list and a const may be any value but null', () => {
    expect(hasUpperBound(members({ type: 'integer', enum: 'ten' }))).toBe(false);
    expect(hasUpperBound(members({ type: 'integer', const: 0 }))).toBe(true);
  });

  // YAML's `.inf` and `.nan` (Infinity, NaN) are numbers but bound nothing.
  it.each([[Infinity], [NaN]])('maximum: %s does not bound', maximum => {
    expect(hasUpperBound(members({ type: 'integer', maximum }))).toBe(false);
  });
});

describe('alternativesEnumerate', () => {
  const at = (node: Record<string, unknown>) => [{ node, path: ['s'] }];
  it('every oneOf/anyOf alternative a const or an enum, also through $ref', () => {
    const root = { components: { schemas: { One: { const: 1 } } } };
    expect(alternativesEnumerate(root, at({ oneOf: [{ const: 0 }, { $ref: '#/components/schemas/One' }] }))).toBe(true);
    expect(alternativesEnumerate({}, at({ anyOf: [{ enum: ['a', 'b'] }, { const: null }] }))).toBe(true);
  });

  it('not an open alternative, an empty or odd list, nor a huge one', () => {
    expect(alternativesEnumerate({}, at({ oneOf: [{ const: 0 }, { type: 'integer' }] }))).toBe(false);
    expect(alternativesEnumerate({}, at({ oneOf: [] }))).toBe(false);
    expect(alternativesEnumerate({}, at({ oneOf: { const: 1 } }))).toBe(false);
    expect(alternativesEnumerate({}, at({ oneOf: [null, 7] }))).toBe(false);
    expect(alternativesEnumerate({}, at({ oneOf: Array.from({ length: 1001 }, (_, i) => ({ const: i })) }))).toBe(false);
    expect(alternativesEnumerate({}, at({ oneOf: [{ $ref: '#/nowhere' }] }))).toBe(false);
  });
});
