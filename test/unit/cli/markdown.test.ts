import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdown, MAX_FINDINGS, SCORE_DOC_URL } from '../../../cli/formats/markdown.js';
import type { Report } from '../../../cli/report.js';
import { documentReport, finding, HOSTILE, realisticReport } from '../../fixtures/report.js';

function small(): Report {
  const a = documentReport('api/a.yaml', 10, [
    finding({ rule: 'auth-scheme-weak', severity: 'warn', owasp: 'API2', message: 'Weak scheme.', range: { start: { line: 12, column: 3 }, end: { line: 12, column: 9 } } }),
    finding({ rule: 'transport-plain-http', severity: 'error', owasp: 'API8', message: 'Plain http.', range: { start: { line: 4, column: 3 }, end: { line: 4, column: 9 } }, baselined: true }),
  ]);
  return {
    tool: { name: 'spectral-api-security', version: '0.1.0' },
    documents: [a, { document: 'api/broken.yaml', operationCount: 0, findings: [], score: 100, error: 'Unexpected end of YAML' }],
    rules: {
      'auth-scheme-weak': { id: 'auth-scheme-weak', description: '', severity: 'warn', owasp: 'API2', cwe: [], helpUri: 'https://example.com/auth-scheme-weak.md' },
      'transport-plain-http': { id: 'transport-plain-http', description: '', severity: 'error', owasp: 'API8', cwe: [] },
    },
    score: a.score,
    fixed: [{ document: 'api/a.yaml', rule: 'x', fingerprint: 'f' }],
  };
}

describe('Markdown format', () => {
  it('writes the whole summary of a small report', () => {
    // a.yaml: 10 + 3 = 13 over 10 operations: 400 / 5.3 = 75.
    expect(markdown(small())).toBe(`## API security posture: 75/100

2 descriptions checked by spectral-api-security 0.1.0 ([how the score is computed](${SCORE_DOC_URL})).

| Description | Score | Errors | Warnings | Info |
| --- | ---: | ---: | ---: | ---: |
| api/a.yaml | 75 | 1 | 1 | 0 |
| api/broken.yaml | not scored: Unexpected end of YAML |  |  |  |

### By OWASP API Security Top 10 (2023) category

| Category | Score | Errors | Warnings | Info | Hints |
| --- | ---: | ---: | ---: | ---: | ---: |
| API2 Broken Authentication | 93 | 0 | 1 | 0 | 0 |
| API8 Security Misconfiguration | 80 | 1 | 0 | 0 | 0 |

### Top findings

| Severity | Rule | Where | Message |
| --- | --- | --- | --- |
| Error (baselined) | transport-plain-http | api/a.yaml:4 | Plain http. |
| Warning | [auth-scheme-weak](https://example.com/auth-scheme-weak.md) | api/a.yaml:12 | Weak scheme. |

Baseline: 1 known finding (counted in the score, not failing the run); 1 entry fixed since the baseline was written.
`);
  });

  it('says so when there is nothing to report', () => {
    const empty: Report = { tool: { name: 'spectral-api-security', version: '0.1.0' }, documents: [], rules: {}, score: 100, fixed: [] };
    expect(markdown(empty)).toBe(`## API security posture: 100/100

0 descriptions checked by spectral-api-security 0.1.0 ([how the score is computed](${SCORE_DOC_URL})).

### Top findings

No findings.
`);
  });

  it('escapes what descriptions and rulesets write', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeMarkdown('`code` *em* _em_ ~~s~~ [l](u) ![i](u)')).toBe('\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~ \\[l\\](u) \\!\\[i\\](u)');
    expect(escapeMarkdown('one\ntwo\r\nthree\u2028four')).toBe('one two three four');
    expect(escapeMarkdown('&amp; \\')).toBe('&amp;amp; \\\\');
    expect(escapeMarkdown('abcdef', 4)).toBe('abc…');
    expect(escapeMarkdown(undefined)).toBe('');
    expect(escapeMarkdown('@octocat and @org/team, not api-team@example.com')).toBe('@\u200Boctocat and @\u200Borg/team, not api-team@example.com');
  });

  it('keeps hostile strings inside their cell and out of links', () => {
    const report = realisticReport();
    report.documents.push(documentReport(HOSTILE.document, 1, [finding({ rule: HOSTILE.rule, severity: 'error', message: HOSTILE.message })]));
    report.rules[HOSTILE.rule] = { id: HOSTILE.rule, description: '', severity: 'error', cwe: [], helpUri: HOSTILE.helpUri };
    const out = markdown(report);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<svg');
    expect(out).not.toContain('<b>');
    expect(out).not.toMatch(/(?<!\\)\]\(javascript:/);
    const row = out.split('\n').find(line => line.includes('alert(1)'))!;
    // Four cells: every | in the row but the five delimiters is escaped.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    expect(row).toBe('| Error | x-&lt;svg onload=alert(4)&gt; | specs/&lt;b&gt;evil&lt;/b&gt;\\|name\\`.yaml:1 | Property "&lt;script&gt;alert(1)&lt;/script&gt;" \\| \\`code\\` \\[link\\](javascript:alert(2)) &lt;img src=x onerror=alert(3)&gt; second line &amp; "quotes" \'single\' |');
  });

  it(`lists at most ${MAX_FINDINGS} findings, errors first, and says how many there are`, () => {
    const findings = Array.from({ length: 70 }, (_, index) => finding({ rule: `r${index}`, severity: index % 7 === 0 ? 'error' : 'info', range: { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: 2 } } }));
    const report: Report = { tool: { name: 't', version: '1' }, documents: [documentReport('a.yaml', 70, findings)], rules: {}, score: 0, fixed: [] };
    const out = markdown(report);
    const rows = out.split('\n').filter(line => /^\| (Error|Info)/.test(line));
    expect(rows).toHaveLength(MAX_FINDINGS);
    expect(rows.slice(0, 10).every(line => line.startsWith('| Error'))).toBe(true);
    expect(rows[10]).toMatch(/^\| Info/);
    expect(out).toContain(`Showing the first ${MAX_FINDINGS} of 70 findings.`);
  });

  it('percent-encodes link targets that would break out of the link', () => {
    const report = small();
    report.rules['auth-scheme-weak'].helpUri = 'https://example.com/a b)|c';
    expect(markdown(report)).toContain('[auth-scheme-weak](https://example.com/a%20b%29%7Cc)');
  });

  it('never throws on odd input', () => {
    expect(() => markdown({} as Report)).not.toThrow();
    expect(() => markdown({ documents: [null, { document: 'x' }] } as unknown as Report)).not.toThrow();
  });
});
