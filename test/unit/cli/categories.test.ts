import { describe, expect, it } from 'vitest';
import { categoryName, categoryOf, categoryTable, compareCategories, documentationUrl, rankedFindings } from '../../../cli/categories.js';
import type { Report } from '../../../cli/report.js';
import { documentReport, finding, realisticReport } from '../../fixtures/report.js';

function report(documents: Report['documents'], rules: Report['rules'] = {}): Report {
  return { tool: { name: 't', version: '1' }, documents, rules, score: 100, fixed: [] };
}

describe('categories', () => {
  it('reads a category from ids and OWASP tags, anything else is "other"', () => {
    expect(categoryOf('API4')).toBe('API4');
    expect(categoryOf('api04')).toBe('API4');
    expect(categoryOf('OWASP API10:2023 Unsafe Consumption of APIs')).toBe('API10');
    expect(categoryOf('API11')).toBe('API11');
    for (const odd of [undefined, '', 'API0', 'API', 'CWE-306', 'xAPI1', 42, null]) expect(categoryOf(odd)).toBe('other');
  });

  it('names categories from the rule table, the 2023 list, or the id', () => {
    expect(categoryName('API2')).toBe('Broken Authentication');
    expect(categoryName('API7')).toBe('Server Side Request Forgery');
    expect(categoryName('API10')).toBe('Unsafe Consumption of APIs');
    expect(categoryName('API11')).toBe('API11');
    expect(categoryName('other')).toBe('Other rules (no OWASP category)');
  });

  it('orders API1 … API10, then other', () => {
    expect(['other', 'API10', 'API2', 'API1', 'API9'].sort(compareCategories)).toEqual(['API1', 'API2', 'API9', 'API10', 'other']);
  });

  it('counts findings by severity and scores each category with the same formula', () => {
    const table = categoryTable(report([
      documentReport('a.yaml', 10, [
        finding({ rule: 'r1', severity: 'error', owasp: 'API2' }),
        finding({ rule: 'r2', severity: 'warn', owasp: 'API2', baselined: true }),
        finding({ rule: 'r3', severity: 'error', owasp: 'API10', operations: 8 }),
        finding({ rule: 'mine', severity: 'info' }),
      ]),
    ]));
    expect(table).toEqual([
      // 10 + 3 = 13 over 10 operations: 400 / 5.3 = 75.5 → 75
      { category: 'API2', name: 'Broken Authentication', counts: { error: 1, warn: 1, info: 0, hint: 0 }, findings: 2, score: 75 },
      // 40 over 10: 400 / 8 = 50
      { category: 'API10', name: 'Unsafe Consumption of APIs', counts: { error: 1, warn: 0, info: 0, hint: 0 }, findings: 1, score: 50 },
      // 1 over 10: 400 / 4.1 = 97.6 → 97
      { category: 'other', name: 'Other rules (no OWASP category)', counts: { error: 0, warn: 0, info: 1, hint: 0 }, findings: 1, score: 97 },
    ]);
  });

  it("takes a finding's category from its rule when the finding has none", () => {
    const table = categoryTable(report(
      [documentReport('a.yaml', 1, [finding({ rule: 'custom', severity: 'warn' })])],
      { custom: { id: 'custom', description: '', severity: 'warn', owasp: 'API8', cwe: [] } },
    ));
    expect(table.map(row => [row.category, row.findings])).toEqual([['API8', 1]]);
  });

  it('lists the categories of the listed rules at 100 when nothing was found, and weighs documents by operations', () => {
    const table = categoryTable(report(
      [
        documentReport('a.yaml', 10, [finding({ rule: 'r', severity: 'error', owasp: 'API4' })]),
        documentReport('b.yaml', 30, []),
        { document: 'broken.yaml', operationCount: 0, findings: [finding({ rule: 'r', severity: 'error', owasp: 'API5' })], score: 100, error: 'unreadable' },
      ],
      { ours: { id: 'ours', description: '', severity: 'warn', owasp: 'API1', cwe: [] } },
    ));
    // API4: a.yaml 80 on 10 operations, b.yaml 100 on 30: (800 + 3000) / 40 = 95. The unreadable document counts for nothing.
    expect(table.map(row => [row.category, row.findings, row.score])).toEqual([['API1', 0, 100], ['API4', 1, 95]]);
  });

  it('is empty for an empty report and survives odd input', () => {
    expect(categoryTable(report([]))).toEqual([]);
    const rules = { ours: { id: 'ours', description: '', severity: 'warn' as const, owasp: 'API1', cwe: [] } };
    expect(categoryTable(report([{ document: 'broken.yaml', operationCount: 0, findings: [], score: 0, error: 'unreadable' }], rules))).toEqual([]);
    expect(categoryTable({} as Report)).toEqual([]);
    expect(categoryTable(report([{ document: 'x', operationCount: Number.NaN, findings: undefined as never, score: 100 }]))).toEqual([]);
  });

  it('covers every category of the realistic fixture', () => {
    expect(categoryTable(realisticReport()).map(row => row.category)).toEqual(['API1', 'API2', 'API3', 'API4', 'API5', 'API6', 'API7', 'API8', 'API9', 'API10', 'other']);
  });
});

describe('ranked findings', () => {
  it('lists errors first, new before baselined, then by document and line', () => {
    const ranked = rankedFindings(report([
      documentReport('a.yaml', 1, [
        finding({ rule: 'w', severity: 'warn', range: { start: { line: 3, column: 1 }, end: { line: 3, column: 1 } } }),
        finding({ rule: 'e-known', severity: 'error', baselined: true }),
        finding({ rule: 'e2', severity: 'error', range: { start: { line: 9, column: 1 }, end: { line: 9, column: 1 } } }),
        finding({ rule: 'e1', severity: 'error', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } } }),
      ]),
      documentReport('b.yaml', 1, [finding({ rule: 'e0', severity: 'error' }), finding({ rule: 'h', severity: 'hint' })]),
    ]));
    expect(ranked.map(entry => `${entry.document}:${entry.finding.rule}`)).toEqual(['a.yaml:e1', 'a.yaml:e2', 'b.yaml:e0', 'a.yaml:e-known', 'a.yaml:w', 'b.yaml:h']);
  });

  it('gives no line for an odd range', () => {
    const odd = finding({ rule: 'x' });
    (odd as { range: unknown }).range = { start: { line: 'x' } };
    expect(rankedFindings(report([documentReport('a', 1, [odd])]))[0].line).toBeUndefined();
  });
});

describe('documentation links', () => {
  it('keeps http(s) links only', () => {
    const rules = {
      ok: { id: 'ok', description: '', severity: 'warn' as const, cwe: [], helpUri: 'https://example.com/rules/ok.md' },
      js: { id: 'js', description: '', severity: 'warn' as const, cwe: [], helpUri: 'javascript:alert(1)' },
      data: { id: 'data', description: '', severity: 'warn' as const, cwe: [], helpUri: 'data:text/html,<script>' },
      relative: { id: 'relative', description: '', severity: 'warn' as const, cwe: [], helpUri: 'docs/x.md' },
    };
    const r = report([], rules);
    expect(documentationUrl(r, 'ok')).toBe('https://example.com/rules/ok.md');
    for (const id of ['js', 'data', 'relative', 'missing', '__proto__', 'constructor']) expect(documentationUrl(r, id)).toBeUndefined();
  });
});
