import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CWE, cweOf } from '../../../cli/cwe.js';
import { rules } from '../../../index.js';

describe('CWE map', () => {
  it('names one or more CWE ids for every rule of the ruleset, and nothing else', () => {
    expect(Object.keys(CWE).sort()).toEqual(Object.keys(rules).sort());
    for (const [rule, ids] of Object.entries(CWE)) {
      expect(ids.length, rule).toBeGreaterThan(0);
      for (const id of ids) expect(id, rule).toMatch(/^CWE-\d+$/);
      expect(new Set(ids).size, rule).toBe(ids.length);
    }
  });

  it('rules of other rulesets have none; the answer is a copy', () => {
    expect(cweOf('oas3-schema')).toEqual([]);
    expect(cweOf('__proto__')).toEqual([]);
    cweOf('secret-leaked').push('CWE-0');
    expect(CWE['secret-leaked']).toEqual(['CWE-798']);
  });

  it('every rule has a documentation page with the sections SARIF help is made of', () => {
    for (const rule of Object.keys(rules)) {
      const page = readFileSync(new URL(`../../../docs/rules/${rule}.md`, import.meta.url), 'utf8');
      expect(page, rule).toContain('\n## Why it matters\n');
      expect(page, rule).toContain('\n## What it flags\n');
    }
  });
});
