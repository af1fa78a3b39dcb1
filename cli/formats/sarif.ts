// SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps…): one run; every rule with its
// descriptions, help from its documentation page, CWE and OWASP tags and a `security-severity`
// (which is what makes a scanner list an alert as a security alert, ranked critical/high/medium/low);
// every result with a relative location, a fingerprint that survives line moves, and its baseline state.
import { markdownToText } from '../help.js';
import { owaspName } from '../owasp.js';
import type { Report, RuleInfo, SeverityName } from '../report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/spectral-api-security/spectral-api-security';
export const FINGERPRINT_KEY = 'apiSecurity/v1';

const LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };

/** By severity; GitHub reads ≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0 medium, otherwise low. */
const SECURITY_SEVERITY: Record<SeverityName, number> = { error: 8.0, warn: 5.0, info: 3.0, hint: 1.0 };

/** Where the flaw gives an attacker more than its severity says: a usable secret, an open admin function. */
const SECURITY_SEVERITY_BY_RULE: Record<string, number> = {
  'secret-leaked': 9.5,
  'auth-privileged-operation-unprotected': 9.0,
  'auth-security-undocumented': 8.5,
  'auth-write-operation-unprotected': 8.5,
};

/** Rules that judge by names and roles (guesses a reviewer should confirm) are medium precision. */
const MEDIUM_PRECISION = /^(?:data-|mass-assignment-privileged-property|auth-object-id-guessable|auth-read-operation-|auth-admin-operation-shared-security|rate-limit-429-missing-|secret-high-entropy-value)/;

export function securitySeverity(rule: RuleInfo): string {
  return (SECURITY_SEVERITY_BY_RULE[rule.id] ?? SECURITY_SEVERITY[rule.severity] ?? 5.0).toFixed(1);
}

function tagsOf(rule: RuleInfo): string[] {
  const owasp = owaspName(rule.owasp);
  return ['security', ...(owasp ? [owasp] : []), ...rule.cwe.map(cwe => `external/cwe/${cwe.toLowerCase()}`)];
}

/** A path the way SARIF wants a relative URI: `/` separators, each segment percent-encoded. */
export function relativeUri(document: string): string {
  return document
    .split('/')
    .map(segment => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** A region has lines and columns ≥ 1 and never ends before it starts. */
function region(range: { start: { line: number; column: number }; end: { line: number; column: number } }) {
  const startLine = Math.max(1, Math.trunc(range.start.line) || 1);
  const startColumn = Math.max(1, Math.trunc(range.start.column) || 1);
  let endLine = Math.max(startLine, Math.trunc(range.end.line) || startLine);
  let endColumn = Math.max(1, Math.trunc(range.end.column) || 1);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  if (endLine < startLine) endLine = startLine;
  return { startLine, startColumn, endLine, endColumn };
}

export function sarifLog(report: Report): Record<string, unknown> {
  const ruleIds = Object.keys(report.rules).sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const baselineUsed = report.fixed.length > 0 || report.documents.some(document => document.findings.some(finding => finding.baselined !== undefined));
  const rules = ruleIds.map(id => {
    const rule = report.rules[id];
    const help = rule.help ?? rule.description;
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase()),
      shortDescription: { text: rule.description || id },
      fullDescription: { text: rule.description || id },
      ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
      help: { text: markdownToText(help) || id, markdown: rule.helpUri ? `${help}\n\n[Documentation](${rule.helpUri})` : help },
      defaultConfiguration: { level: LEVEL[rule.severity] ?? 'warning' },
      properties: {
        tags: tagsOf(rule),
        'security-severity': securitySeverity(rule),
        precision: MEDIUM_PRECISION.test(id) ? 'medium' : 'high',
        ...(rule.cwe.length > 0 ? { cwe: rule.cwe } : {}),
      },
    };
  });
  const results = report.documents.flatMap(document =>
    document.findings.map(finding => ({
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule) ?? -1,
      level: LEVEL[finding.severity] ?? 'warning',
      message: { text: finding.message || finding.rule },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(document.document), uriBaseId: '%SRCROOT%' },
            region: region(finding.range),
          },
          ...(finding.path.length > 0 ? { logicalLocations: [{ fullyQualifiedName: finding.path.join('.'), kind: 'member' }] } : {}),
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
      ...(baselineUsed ? { baselineState: finding.baselined ? 'unchanged' : 'new' } : {}),
      properties: { operations: finding.operations, ...(finding.owasp ? { owasp: finding.owasp } : {}) },
    })),
  );
  const notifications = report.documents
    .filter(document => document.error !== undefined)
    .map(document => ({ level: 'error', message: { text: document.error }, locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(document.document), uriBaseId: '%SRCROOT%' } } }] }));
  return sarifEnvelope(report.tool, {
    rules,
    results,
    invocation: { executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) },
    properties: { score: report.score, fixed: report.fixed },
  });
}

/** One SARIF 2.1.0 log of one run of this tool: what the lint and the inventory reports share. */
export function sarifEnvelope(
  tool: { name: string; version: string },
  run: { rules: unknown[]; results: unknown[]; invocation: Record<string, unknown>; properties: Record<string, unknown> },
): Record<string, unknown> {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: INFORMATION_URI, rules: run.rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder the tool was run in.' } } },
        invocations: [run.invocation],
        results: run.results,
        properties: run.properties,
      },
    ],
  };
}

export function sarif(report: Report): string {
  return JSON.stringify(sarifLog(report), null, 2) + '\n';
}
