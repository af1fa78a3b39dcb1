import { describe, expect, it } from 'vitest';
import { globBase, isGlob, matchGlob, matchSegment } from '../../../cli/glob.js';

describe('glob', () => {
  it('`*` and `?` stay within a segment', () => {
    expect(matchGlob('*.yaml', 'api.yaml')).toBe(true);
    expect(matchGlob('*.yaml', 'v1/api.yaml')).toBe(false);
    expect(matchGlob('api.y?ml', 'api.yml')).toBe(false);
    expect(matchGlob('api.y?ml', 'api.yaml')).toBe(true);
    expect(matchGlob('?', '/')).toBe(false);
  });

  it('`**` matches zero or more folders', () => {
    expect(matchGlob('**/*.json', 'a.json')).toBe(true);
    expect(matchGlob('**/*.json', 'a/b/c.json')).toBe(true);
    expect(matchGlob('specs/**/openapi.yaml', 'specs/openapi.yaml')).toBe(true);
    expect(matchGlob('specs/**/openapi.yaml', 'specs/x/y/openapi.yaml')).toBe(true);
    expect(matchGlob('specs/**/openapi.yaml', 'other/openapi.yaml')).toBe(false);
    expect(matchGlob('a/**', 'a/b/c')).toBe(true);
  });

  it('stays fast on patterns that make backtracking regular expressions explode', () => {
    const text = 'a'.repeat(5_000);
    const started = Date.now();
    expect(matchSegment('*a*a*a*a*a*a*a*a*a*a*b', text)).toBe(false);
    const deep = Array.from({ length: 200 }, () => 'a').join('/');
    expect(matchGlob('**/**/**/**/**/**/**/b', deep)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('splits a glob into the folder to walk and the pattern below it', () => {
    expect(isGlob('specs/*.yaml')).toBe(true);
    expect(isGlob('specs/api.yaml')).toBe(false);
    expect(globBase('specs/v1/**/*.yaml')).toEqual({ base: 'specs/v1', rest: '**/*.yaml' });
    expect(globBase('*.json')).toEqual({ base: '.', rest: '*.json' });
    expect(globBase('/abs/dir/*.yaml')).toEqual({ base: '/abs/dir', rest: '*.yaml' });
  });
});
