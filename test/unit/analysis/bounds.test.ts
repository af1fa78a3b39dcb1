// What test/unit/bounds.test.ts does not cover yet: values that look like bounds but are not.

import { describe, expect, it } from 'vitest';
import { hasAny, hasUpperBound } from '../../../functions/analysis/index.js';
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
