import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, relativeUri, sarifLog, securitySeverity } from '../../../cli/formats/sarif.js';
import type { Report, ReportFinding, RuleInfo } from '../../../cli/report.js';

const rule = (id: string, severity: RuleInfo['severity'], extra: Partial<RuleInfo> = {}): RuleInfo => ({ id, description: `${id} description`, severity, cwe: [], ...extra });

const finding = (overrides: Partial<ReportFinding> = {}): ReportFinding => ({
  rule: 'transport-plain-http',
  severity: 'error',
  message: 'Server URL uses plain http',
  path: ['servers', 0, 'url'],
  range: { start: { line: 3, column: 10 }, end: { line: 3, column: 30 } },
  owasp: 'API8',
  operations: 1,
  fingerprint: 'abc123',
  ...overrides,
});

function report(findings: ReportFinding[], extra: Partial<Report> = {}): Report {
  return {
    tool: { name: 'spectral-api-security', version: '1.2.3' },
    documents: [{ document: 'specs/my api.yaml', operationCount: 2, findings, score: 50 }],
    rules: {
      'transport-plain-http': rule('transport-plain-http', 'error', { owasp: 'API8', cwe: ['CWE-319'], helpUri: 'https://example.com/t.md', help: '## Why it matters\n\nSee [the RFC](https://x).' }),
      'oas3-schema': rule('oas3-schema', 'warn'),
    },
    score: 50,
    fixed: [],
    ...extra,
  };
}

type Log = { runs: Array<{ tool: { driver: { rules: any[] } }; results: any[] }> };

describe('SARIF', () => {
  it('security-severity by severity, higher for the rules an attacker uses directly', () => {
    expect(securitySeverity(rule('x', 'error'))).toBe('8.0');
    expect(securitySeverity(rule('x', 'warn'))).toBe('5.0');
    expect(securitySeverity(rule('x', 'info'))).toBe('3.0');
    expect(securitySeverity(rule('x', 'hint'))).toBe('1.0');
    expect(Number(securitySeverity(rule('secret-leaked', 'error')))).toBeGreaterThan(9);
  });

  it('rules carry tags, help as text and Markdown, level; results point at them by index', () => {
    const log = sarifLog(report([finding(), finding({ rule: 'oas3-schema', severity: 'warn', owasp: undefined, fingerprint: 'def' })])) as unknown as Log;
    const [run] = log.runs;
    const ids = run.tool.driver.rules.map(r => r.id);
    expect(ids).toEqual(['oas3-schema', 'transport-plain-http']);
    const plain = run.tool.driver.rules[1];
    expect(plain.properties.tags).toEqual(['security', 'OWASP API8:2023 Security Misconfiguration', 'external/cwe/cwe-319']);
    expect(plain.help.text).toBe('Why it matters\n\nSee the RFC.');
    expect(plain.help.markdown).toContain('[Documentation](https://example.com/t.md)');
    expect(plain.defaultConfiguration.level).toBe('error');
    expect(run.tool.driver.rules[0].properties.tags).toEqual(['security']);
    expect(run.results.map(r => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['transport-plain-http', 1, 'error'],
      ['oas3-schema', 0, 'warning'],
    ]);
    expect(run.results[0].partialFingerprints).toEqual({ [FINGERPRINT_KEY]: 'abc123' });
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'specs/my%20api.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 30 },
    });
    expect(run.results[0].baselineState).toBeUndefined();
  });

  it('baseline state only when a baseline is used', () => {
    const log = sarifLog(report([finding({ baselined: true }), finding({ fingerprint: 'new', baselined: false })])) as unknown as Log;
    expect(log.runs[0].results.map(r => r.baselineState)).toEqual(['unchanged', 'new']);
  });

  it('odd ranges become valid regions', () => {
    const log = sarifLog(report([finding({ range: { start: { line: 0, column: 0 }, end: { line: -4, column: NaN } } })])) as unknown as Log;
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('relative URIs keep `..` and encode what URIs cannot hold', () => {
    expect(relativeUri('../other/a#b.yaml')).toBe('../other/a%23b.yaml');
  });
});
