// What npm shows and ships: one repository URL behind every link, and the files a user needs.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../index.js';
import { DOCS_BASE_URL, REPOSITORY_URL } from '../rulesets/owasp.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('package.json', () => {
  it('declares the one repository every documentation link derives from', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPOSITORY_URL}.git` });
    expect(pkg.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(pkg.bugs).toEqual({ url: `${REPOSITORY_URL}/issues` });
    expect(DOCS_BASE_URL.startsWith(`${REPOSITORY_URL}/`)).toBe(true);
    for (const [id, row] of Object.entries(rules)) expect(row.documentationUrl).toBe(`${DOCS_BASE_URL}${id}.md`);
  });

  it('ships a licence and a changelog that names the current version', () => {
    const files = pkg.files as string[];
    for (const file of ['LICENSE', 'CHANGELOG.md']) {
      expect(files).toContain(file);
      expect(existsSync(new URL(`../${file}`, import.meta.url)), file).toBe(true);
    }
    expect(readFileSync(new URL('../LICENSE', import.meta.url), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8')).toContain(`## ${String(pkg.version)}`);
  });
});
