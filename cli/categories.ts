// The per-category table of the posture report: for each OWASP API Security Top 10 (2023)
// category, the findings by severity and the category's own score (docs/score.md), in the order
// API1…API10, then "other" for rules without a category. The Markdown and HTML formats read it,
// so they cannot disagree; the text format groups by the finding's own category and shares only
// the severities.

import { OWASP } from '../rulesets/owasp.js';
import type { DocumentReport, Report, ReportFinding, SeverityName } from './report.js';
import { overallScore, scoreOf } from './score.js';

/** `API1`…`API10` (any `APIn`), or `other` for a rule without an OWASP category. */
export type CategoryId = string;

export const OTHER = 'other';

export const SEVERITIES: readonly SeverityName[] = ['error', 'warn', 'info', 'hint'];

export type SeverityCounts = Record<SeverityName, number>;

export interface CategoryRow {
  category: CategoryId;
  /** The category's title, e.g. `Broken Authentication`. */
  name: string;
  counts: SeverityCounts;
  /** All findings of the category, baselined ones included. */
  findings: number;
  /** The score formula over this category's findings alone: 100 when it has none. */
  score: number;
}

// The 2023 titles, for the categories no rule of ours is tagged with (our rule table only names
// the categories it covers, but a user's own rules may name any of them).
const TITLES_2023: Record<string, string> = {
  API1: 'Broken Object Level Authorization',
  API2: 'Broken Authentication',
  API3: 'Broken Object Property Level Authorization',
  API4: 'Unrestricted Resource Consumption',
  API5: 'Broken Function Level Authorization',
  API6: 'Unrestricted Access to Sensitive Business Flows',
  API7: 'Server Side Request Forgery',
  API8: 'Security Misconfiguration',
  API9: 'Improper Inventory Management',
  API10: 'Unsafe Consumption of APIs',
};

/** The report's documents, whatever a hand-built or hand-edited report holds there (never throws). */
export function documentsOf(report: Report | undefined): DocumentReport[] {
  return (Array.isArray(report?.documents) ? report.documents : []).filter((document): document is DocumentReport => typeof document === 'object' && document !== null);
}

/** The report's overall score; recomputed from its documents when a hand-built report lacks it. */
export function reportScore(report: Report | undefined): number {
  return typeof report?.score === 'number' && Number.isFinite(report.score) ? report.score : overallScore(documentsOf(report));
}

/** A score as printed: the number, or a dash when a hand-built report holds something else. */
export function scoreText(score: unknown): string {
  return typeof score === 'number' && Number.isFinite(score) ? String(score) : '–';
}

/** `API4` from `API4`, `api4`, `API04` or a tag like `OWASP API4:2023 …`; `other` for anything else. */
export function categoryOf(owasp: unknown): CategoryId {
  if (typeof owasp !== 'string') return OTHER;
  const match = /^(?:OWASP\s+)?API0*(\d{1,2})(?::\d{4}\b.*)?$/i.exec(owasp.trim());
  return match && Number(match[1]) > 0 ? `API${Number(match[1])}` : OTHER;
}

/** The category's title: from our rule table where it has one, else the 2023 list, else the id itself. */
export function categoryName(category: CategoryId): string {
  if (category === OTHER) return 'Other rules (no OWASP category)';
  const tag: string | undefined = (OWASP as Record<string, string>)[category];
  const fromTag = tag?.replace(/^OWASP API\d+:\d{4}\s*/, '');
  return fromTag || TITLES_2023[category] || category;
}

/** The category of a finding: its own, else its rule's (a user's rule may carry it only there). */
export function findingCategory(finding: Pick<ReportFinding, 'owasp' | 'rule'>, rules: Report['rules'] | undefined): CategoryId {
  if (finding.owasp !== undefined) return categoryOf(finding.owasp);
  const rule = rules && Object.prototype.hasOwnProperty.call(rules, finding.rule) ? rules[finding.rule] : undefined;
  return categoryOf(rule?.owasp);
}

/** API1 < API2 < … < API10 < other. */
export function compareCategories(a: CategoryId, b: CategoryId): number {
  const rank = (category: CategoryId) => (category === OTHER ? Number.MAX_SAFE_INTEGER : Number(category.slice(3)));
  return rank(a) - rank(b);
}

export function emptyCounts(): SeverityCounts {
  return { error: 0, warn: 0, info: 0, hint: 0 };
}

/** Counts by severity; a severity outside the four is not counted (it weighs nothing in the score either). */
export function countBySeverity(findings: Iterable<Pick<ReportFinding, 'severity'>>): SeverityCounts {
  const counts = emptyCounts();
  for (const finding of findings) {
    if (finding && SEVERITIES.includes(finding.severity)) counts[finding.severity] += 1;
  }
  return counts;
}

/**
 * One row per category that has a finding, or a rule in `report.rules` (so a category our rules
 * cover and the descriptions pass shows as 100, while a category that no rule covers does not
 * show as a misleading 100). A category's score is the score formula over its findings in
 * each readable document, weighed across documents by their operations like the overall score.
 */
export function categoryTable(report: Report): CategoryRow[] {
  const documents = documentsOf(report).filter(document => document.error === undefined);
  // Nothing was read, so nothing was judged: no category may claim 100.
  if (documents.length === 0) return [];
  const categories = new Set<CategoryId>();
  for (const rule of Object.values(report?.rules ?? {})) {
    if (rule) categories.add(categoryOf(rule.owasp));
  }
  // Findings grouped by category, then by document (the score is computed per document).
  const byCategory = new Map<CategoryId, ReportFinding[][]>();
  documents.forEach((document, index) => {
    for (const finding of Array.isArray(document.findings) ? document.findings : []) {
      if (!finding) continue;
      const category = findingCategory(finding, report.rules);
      categories.add(category);
      const perDocument = byCategory.get(category) ?? documents.map(() => []);
      perDocument[index].push(finding);
      byCategory.set(category, perDocument);
    }
  });
  return [...categories].sort(compareCategories).map(category => {
    const perDocument = byCategory.get(category) ?? documents.map(() => []);
    const all = perDocument.flat();
    const score = overallScore(documents.map((document, index) => ({
      operationCount: document.operationCount,
      score: scoreOf(perDocument[index], document.operationCount),
    })));
    return { category, name: categoryName(category), counts: countBySeverity(all), findings: all.length, score };
  });
}

// What the summary formats (Markdown, HTML) share besides the table: severity labels, the order
// findings are listed in, and which links are safe to print.

export const SEVERITY_LABEL: Record<SeverityName, string> = { error: 'Error', warn: 'Warning', info: 'Info', hint: 'Hint' };

/** A finding with the document it is in and its category, as the summary formats list it. */
export interface ListedFinding {
  document: string;
  finding: ReportFinding;
  category: CategoryId;
  /** 1-based line, when the finding has a usable one. */
  line?: number;
}

/** The finding's 1-based start line, or undefined when the range is missing or odd. */
export function lineOf(finding: Pick<ReportFinding, 'range'>): number | undefined {
  const line = finding?.range?.start?.line;
  return typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined;
}

function severityRank(severity: unknown): number {
  const rank = SEVERITIES.indexOf(severity as SeverityName);
  return rank < 0 ? SEVERITIES.length : rank;
}

/**
 * Every finding of the readable documents, the worst first: by severity, new before baselined
 * (a reviewer acts on the new ones), then in document order and by line. The sort is stable, so
 * findings on one line keep the order the linter gave them.
 */
export function rankedFindings(report: Report): ListedFinding[] {
  const listed: ListedFinding[] = [];
  const documents = documentsOf(report);
  documents.forEach(document => {
    if (document.error !== undefined || !Array.isArray(document.findings)) return;
    for (const finding of document.findings) {
      if (!finding) continue;
      listed.push({ document: String(document.document), finding, category: findingCategory(finding, report.rules), line: lineOf(finding) });
    }
  });
  const documentIndex = new Map(documents.map((document, index) => [String(document.document), index]));
  return listed.sort((a, b) =>
    severityRank(a.finding.severity) - severityRank(b.finding.severity)
    || Number(a.finding.baselined === true) - Number(b.finding.baselined === true)
    || documentIndex.get(a.document)! - documentIndex.get(b.document)!
    || (a.line ?? 0) - (b.line ?? 0));
}

/** The rule's documentation link when it is an http(s) URL: a user's ruleset could name `javascript:` links. */
export function documentationUrl(report: Report, rule: string): string | undefined {
  const info = report?.rules && Object.prototype.hasOwnProperty.call(report.rules, rule) ? report.rules[rule] : undefined;
  const uri = info?.helpUri;
  if (typeof uri !== 'string') return undefined;
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** How many findings are baselined, and how many baseline entries were fixed. */
export function baselineCounts(report: Report): { baselined: number; fixed: number } {
  let baselined = 0;
  for (const document of documentsOf(report)) {
    for (const finding of Array.isArray(document.findings) ? document.findings : []) {
      if (finding?.baselined === true) baselined += 1;
    }
  }
  return { baselined, fixed: Array.isArray(report?.fixed) ? report.fixed.length : 0 };
}
