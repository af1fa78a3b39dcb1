// For people in a terminal: each document's findings grouped by OWASP category, each rule's
// documentation link once, and a summary table (findings by severity, scores) at the end.
import { owaspName } from '../owasp.js';
import { SEVERITIES } from '../categories.js';
import type { DocumentReport, Report, ReportFinding, SeverityName } from '../report.js';

/** Where messages wrap: the terminal's width when main.ts knows it, else what reads well in a CI log. */
export const DEFAULT_WIDTH = 100;

/**
 * Words of `text` in lines of at most `width` characters after `indent` (a word longer than the
 * line, a URL say, stands alone on its line rather than being cut).
 */
export function wrap(text: string, indent: string, width: number): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(w => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > room) {
      lines.push(indent + line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(indent + line);
  return lines;
}
const OTHER = 'Other';

/** API2 before API10, the rest (no category) last. */
function categoryOrder(category: string): number {
  const number = /^API(\d+)$/.exec(category)?.[1];
  return number === undefined ? Number.MAX_SAFE_INTEGER : Number(number);
}

function categoryTitle(category: string): string {
  return owaspName(category)?.replace(/^OWASP /, '') ?? (category === OTHER ? 'Other findings' : category);
}

function groups(findings: readonly ReportFinding[]): Array<[string, ReportFinding[]]> {
  const byCategory = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const category = finding.owasp ?? OTHER;
    const list = byCategory.get(category);
    if (list) list.push(finding);
    else byCategory.set(category, [finding]);
  }
  return [...byCategory.entries()].sort(([a], [b]) => categoryOrder(a) - categoryOrder(b) || (a < b ? -1 : 1));
}

function documentSection(document: DocumentReport, report: Report, linked: Set<string>, width: number): string[] {
  const lines = [`${document.document}  (${document.operationCount} operation${document.operationCount === 1 ? '' : 's'}, score ${document.score}/100)`];
  if (document.error !== undefined) return [...lines, `  ${document.error}`, ''];
  if (document.findings.length === 0) return [...lines, '  No findings.', ''];
  for (const [category, findings] of groups(document.findings)) {
    lines.push('', `  ${categoryTitle(category)}`);
    const column = Math.max(...findings.map(f => `${f.range.start.line}:${f.range.start.column}`.length));
    // Location, severity and rule on one line; the message below it, wrapped, with the rule's link once.
    const indent = ' '.repeat(4 + column + 2);
    for (const finding of findings) {
      const at = `${finding.range.start.line}:${finding.range.start.column}`.padEnd(column);
      const known = finding.baselined ? '  (known, in the baseline)' : '';
      lines.push(`    ${at}  ${finding.severity.padEnd(5)}  ${finding.rule}${known}`);
      lines.push(...wrap(finding.message, indent, width));
      const link = report.rules[finding.rule]?.helpUri;
      if (link && !linked.has(finding.rule)) {
        linked.add(finding.rule);
        lines.push(`${indent}↳ ${link}`);
      }
    }
  }
  return [...lines, ''];
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)));
  // First column left-aligned (names), numbers right-aligned.
  return rows.map(row => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd());
}

function summary(report: Report): string[] {
  const header = ['Document', 'Operations', ...SEVERITIES, 'known', 'score'];
  const count = (findings: readonly ReportFinding[], severity: SeverityName) => String(findings.filter(f => f.severity === severity && !f.baselined).length);
  const rows = report.documents.map(document => [
    document.document,
    String(document.operationCount),
    ...SEVERITIES.map(severity => count(document.findings, severity)),
    String(document.findings.filter(f => f.baselined).length),
    document.error === undefined ? String(document.score) : 'n/a',
  ]);
  const all = report.documents.flatMap(document => document.findings);
  const total = [
    `Overall (${report.documents.length} document${report.documents.length === 1 ? '' : 's'})`,
    String(report.documents.reduce((sum, document) => sum + document.operationCount, 0)),
    ...SEVERITIES.map(severity => count(all, severity)),
    String(all.filter(f => f.baselined).length),
    String(report.score),
  ];
  const lines = ['Summary', '', ...table([header, ...rows, total])];
  if (report.fixed.length > 0) {
    lines.push('', `Fixed since the baseline (${report.fixed.length}):`);
    for (const entry of report.fixed) lines.push(`  ${entry.document}  ${entry.rule}  ${entry.fingerprint}`);
  }
  return lines;
}

export function text(report: Report, width = DEFAULT_WIDTH): string {
  const linked = new Set<string>();
  const lines = report.documents.flatMap(document => documentSection(document, report, linked, width));
  return [...lines, ...summary(report)].join('\n') + '\n';
}
