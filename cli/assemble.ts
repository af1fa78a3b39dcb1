// Turns what the workers found into the Report every format reads: rule information (ours from the
// rule table, CWE map and documentation pages; others' from the ruleset loaded), scores, baseline.
import { rules as packageRules } from '../index.js';
import { applyBaseline, type Baseline } from './baseline.js';
import { cweOf } from './cwe.js';
import { ruleHelp } from './help.js';
import { ENGINE_RULES } from './engine-rules.js';
import type { LintedDocument, LoadedRule } from './lint.js';
import { owaspOf } from './owasp.js';
import type { DocumentReport, Report, RuleInfo, SeverityName } from './report.js';
import { overallScore, scoreOf } from './score.js';

function ruleInfos(loaded: readonly LoadedRule[], documents: readonly LintedDocument[], docsFolder: string): Record<string, RuleInfo> {
  const infos: Record<string, RuleInfo> = {};
  const add = (id: string, description: string, severity: SeverityName, tags: readonly string[], helpUri?: string) => {
    const help = ruleHelp(docsFolder, id);
    const owasp = owaspOf(tags);
    infos[id] = { id, description, severity, ...(owasp ? { owasp } : {}), cwe: cweOf(id), ...(helpUri ? { helpUri } : {}), ...(help ? { help } : {}) };
  };
  for (const [id, row] of Object.entries(packageRules)) add(id, row.description, row.severity, row.tags, row.documentationUrl);
  // The ruleset actually run wins: a team's severity override is what its findings carry.
  const byId = new Map(loaded.map(rule => [rule.id, rule]));
  for (const rule of loaded) {
    const ours = infos[rule.id];
    if (ours) ours.severity = rule.severity;
  }
  for (const finding of documents.flatMap(document => document.findings)) {
    if (infos[finding.rule]) continue;
    const rule = byId.get(finding.rule);
    if (rule) add(rule.id, rule.description, rule.severity, rule.tags, rule.documentationUrl);
    else add(finding.rule, ENGINE_RULES[finding.rule] ?? finding.rule, finding.severity, []);
  }
  return infos;
}

export interface AssembleOptions {
  tool: { name: string; version: string };
  docsFolder: string;
  baseline?: Baseline;
}

export function assemble(linted: readonly LintedDocument[], loaded: readonly LoadedRule[], options: AssembleOptions): Report {
  const documents: DocumentReport[] = linted.map(document => ({
    document: document.document,
    operationCount: document.operationCount,
    findings: document.findings,
    // The score is the description's posture: known (baselined) flaws are still flaws.
    score: document.error === undefined ? scoreOf(document.findings, document.operationCount) : 0,
    ...(document.error !== undefined ? { error: document.error } : {}),
  }));
  const fixed = options.baseline ? applyBaseline(documents, options.baseline) : [];
  return {
    tool: options.tool,
    documents,
    rules: ruleInfos(loaded, linted, options.docsFolder),
    score: overallScore(documents),
    fixed,
  };
}
