import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chart, CONTENT_SECURITY_POLICY, escapeHtml, html, PALETTE } from '../../../cli/formats/html.js';
import { categoryTable } from '../../../cli/categories.js';
import type { Report } from '../../../cli/report.js';
import { documentReport, finding, HOSTILE, realisticReport } from '../../fixtures/report.js';

function withHostile(): Report {
  const report = realisticReport();
  report.documents.push(documentReport(HOSTILE.document, 1, [finding({ rule: HOSTILE.rule, severity: 'error', message: HOSTILE.message, owasp: 'API9' })]));
  report.rules[HOSTILE.rule] = { id: HOSTILE.rule, description: HOSTILE.message, severity: 'error', cwe: [], helpUri: HOSTILE.helpUri };
  return report;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255).map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

describe('HTML format', () => {
  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('never writes a hostile string unescaped', () => {
    const out = html(withHostile());
    expect(out).not.toContain('<script>alert(1)</script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<svg onload');
    expect(out).not.toContain('<b>evil');
    expect(out).not.toMatch(/href="(?!https?:)/);
    expect(out).toContain('Property &#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34;');
    // Exactly one script element: the report's own filter.
    expect(out.match(/<script/g)).toHaveLength(1);
  });

  it('is self-contained: nothing to fetch', () => {
    const out = html(realisticReport());
    expect(out).not.toMatch(/<link\b|<img\b|<iframe\b|<object\b|<embed\b|\bsrc=|@import|url\(/i);
    // The only URLs in attributes are links the reader may follow (rules, the score page) and the SVG namespace.
    const attributes = [...out.matchAll(/\s([a-z:-]+)="(?:https?:|\/\/|data:|file:)/gi)].map(match => match[1]);
    expect(new Set(attributes)).toEqual(new Set(['href', 'xmlns']));
  });

  it('allows exactly its own inline style and script by hash', () => {
    const out = html(realisticReport());
    const style = /<style>([\s\S]*?)<\/style>/.exec(out)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(out)![1];
    expect(CONTENT_SECURITY_POLICY).toBe(`default-src 'none'; style-src ${sha256(style)}; script-src ${sha256(script)}; base-uri 'none'; form-action 'none'`);
    expect(out).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    expect(out).not.toMatch(/\sstyle="|\son[a-z]+=/);
  });

  it('draws one bar group per category with findings, segments by severity', () => {
    const svg = chart(categoryTable(realisticReport()));
    const groups = [...svg.matchAll(/<g class="bar" data-category="([^"]+)" data-total="(\d+)">/g)].map(m => `${m[1]}=${m[2]}`);
    expect(groups).toEqual(['API1=1', 'API2=14', 'API3=5', 'API4=10', 'API5=2', 'API6=1', 'API8=7', 'other=1']);
    const api2 = /<g class="bar" data-category="API2"[\s\S]*?<\/g>/.exec(svg)![0];
    expect([...api2.matchAll(/data-severity="(\w+)" data-count="(\d+)"/g)].map(m => `${m[1]}:${m[2]}`)).toEqual(['error:7', 'warn:5', 'hint:2']);
    expect(chart([])).toBe('<p>No findings in any category.</p>');
  });

  it('labels the filter controls and gives every row its category and severity', () => {
    const out = html(realisticReport());
    expect(out).toContain('<label for="filter-category">Category</label><select id="filter-category">');
    expect(out).toContain('<label for="filter-severity">Severity</label><select id="filter-severity">');
    expect(out.match(/<tr data-category="API\d+|<tr data-category="other"/g)).toHaveLength(41);
    expect(out).toContain('<option value="API4">API4 Unrestricted Resource Consumption (10)</option>');
    expect(out).toContain('<th scope="col">Message</th>');
  });

  it('shows unreadable descriptions, baselined findings and fixed entries', () => {
    const out = html(realisticReport());
    expect(out).toContain('Not scored: could not be read (Unexpected end of YAML at line 88)');
    expect(out.match(/\(baselined\)/g)).toHaveLength(2);
    expect(out).toContain('Baseline: 2 known findings (counted in the score, not failing the run); 1 entry fixed since the baseline was written.');
  });

  it('renders an empty report and odd input without throwing', () => {
    const empty = html({ tool: { name: 'spectral-api-security', version: '0.1.0' }, documents: [], rules: {}, score: 100, fixed: [] });
    expect(empty).toContain('<title>API security posture: 100/100</title>');
    expect(empty).toContain('No descriptions were checked.');
    expect(empty).toContain('<p>No findings.</p>');
    expect(() => html({} as Report)).not.toThrow();
    expect(() => html({ documents: [null, { document: 'x', findings: [null] }] } as unknown as Report)).not.toThrow();
  });

  it('has text colours of 4.5:1 and bar colours of 3:1 against the page and the table headers', () => {
    for (const background of [PALETTE.page, PALETTE.header]) {
      for (const [name, colour] of Object.entries(PALETTE.text)) expect(contrast(colour, background), `text ${name} on ${background}`).toBeGreaterThanOrEqual(4.5);
      for (const [name, colour] of Object.entries(PALETTE.bar)) expect(contrast(colour, background), `bar ${name} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });
});
