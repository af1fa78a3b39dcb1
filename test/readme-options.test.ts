import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRuleset, type ApiSecurityOptions } from '../index.js';
import { lint } from './helpers.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README createRuleset example', () => {
  // The options object the README shows, evaluated as written: every key must be an option the factory knows.
  const block = /export default createRuleset\((\{[\s\S]*?\n\})\);/.exec(readme)?.[1] ?? '';
  const options = Function(`return (${block});`)() as ApiSecurityOptions;

  it('names only options that exist, and the ruleset it builds loads in Spectral', async () => {
    expect(Object.keys(options).length).toBeGreaterThan(15);
    const known = new Set(Object.keys(options));
    // Every option key reaches some rule's functionOptions: building with and without it differs.
    for (const key of known) {
      const withIt = JSON.stringify(createRuleset({ [key]: (options as Record<string, unknown>)[key] } as ApiSecurityOptions), (_, v) => (typeof v === 'function' ? v.name : v));
      const without = JSON.stringify(createRuleset(), (_, v) => (typeof v === 'function' ? v.name : v));
      expect(withIt, `option ${key} changes nothing`).not.toBe(without);
    }
    const results = await lint({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} }, createRuleset(options));
    expect(results.filter(r => String(r.code).startsWith('invalid'))).toEqual([]);
  });
});
