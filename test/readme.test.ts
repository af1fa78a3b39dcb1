import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules, type RuleId } from '../index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ruleIds = Object.keys(rules) as RuleId[];

describe('README', () => {
  it('has the two newcomer commands CI runs', () => {
    expect(readme).toContain('npm install && npm run example');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it.each(ruleIds)('lists %s with its page, severity and OWASP category', id => {
    const row = readme.split('\n').find(line => line.startsWith(`| [\`${id}\`](docs/rules/${id}.md) |`));
    expect(row, `no README row for ${id}`).toBeDefined();
    const [, , severity, owasp] = row!.split('|').map(cell => cell.trim());
    expect(severity).toBe(rules[id].severity);
    expect(rules[id].tags[0]).toContain(`${owasp}:2023`);
  });

  it('lists no rule that does not exist', () => {
    const listed = [...readme.matchAll(/^\| \[`([a-z0-9-]+)`\]\(docs\/rules\//gm)].map(m => m[1]);
    expect(listed.sort()).toEqual([...ruleIds].sort());
  });
});
