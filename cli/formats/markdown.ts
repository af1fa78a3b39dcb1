// The Markdown format: a summary to post as a pull-request comment. The overall score in the
// title, a table per description and per OWASP category, then the worst findings with links to
// their rules. Messages, paths and rule ids come from the descriptions and the user's ruleset,
// so every one of them is escaped: nothing in them can end a table row, open a link, or inject HTML.

import { DOCS_BASE_URL } from '../../rulesets/owasp.js';
import { baselineCounts, categoryTable, countBySeverity, documentationUrl, documentsOf, rankedFindings, reportScore, scoreText, SEVERITY_LABEL } from '../categories.js';
import type { Report } from '../report.js';

/** At most this many findings are listed: a comment is for what to fix first, and GitHub caps comments at 65,536 characters. */
export const MAX_FINDINGS = 50;

/** A message longer than this is cut: rule messages are capped at 1,000, a user's rules may not be. */
export const MAX_MESSAGE = 300;

/** The page that explains the score, next to the rule pages. */
export const SCORE_DOC_URL = new URL('../score.md', DOCS_BASE_URL).href;

/**
 * Text safe in a Markdown table cell: line breaks and control characters become spaces (they would
 * end the row), `<`, `>` and `&` become entities (no HTML, no entity tricks), the punctuation
 * that starts emphasis, code, links, strikethrough or a new cell is backslash-escaped, and
 * mentions are broken.
 */
export function escapeMarkdown(text: unknown, max = Infinity): string {
  let value = String(text ?? '').replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
  if (value.length > max) value = `${value.slice(0, max - 1)}…`;
  return value
    .replace(/[\\`*_[\]|~!<>&]/g, character =>
      character === '<' ? '&lt;' : character === '>' ? '&gt;' : character === '&' ? '&amp;' : `\\${character}`)
    // A posted comment would notify "@user" and "@org/team" named in a description; a zero-width
    // space after the @ stops that reliably (a backslash escape may not). E-mail addresses stay.
    .replace(/(^|[^\w@])@(?=[A-Za-z0-9])/g, '$1@\u200B');
}

/** A URL safe inside `(…)`: characters that would close the link or break the cell are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()|<>\s"'`\\]/g, character => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function row(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function markdown(report: Report): string {
  const documents = documentsOf(report);
  const lines: string[] = [];
  const overall = reportScore(report);
  lines.push(`## API security posture: ${overall}/100`, '');
  const tool = report?.tool ? `${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}` : 'spectral-api-security';
  lines.push(`${plural(documents.length, 'description')} checked by ${tool} ([how the score is computed](${linkTarget(SCORE_DOC_URL)})).`, '');

  if (documents.length > 0) {
    lines.push(row(['Description', 'Score', 'Errors', 'Warnings', 'Info']), row(['---', '---:', '---:', '---:', '---:']));
    for (const document of documents) {
      const name = escapeMarkdown(document.document);
      if (document.error !== undefined) {
        lines.push(row([name, `not scored: ${escapeMarkdown(document.error, MAX_MESSAGE)}`, '', '', '']));
        continue;
      }
      const counts = countBySeverity(Array.isArray(document.findings) ? document.findings : []);
      lines.push(row([name, scoreText(document.score), counts.error, counts.warn, counts.info]));
    }
    lines.push('');
  }

  const categories = categoryTable(report);
  if (categories.length > 0) {
    lines.push('### By OWASP API Security Top 10 (2023) category', '');
    lines.push(row(['Category', 'Score', 'Errors', 'Warnings', 'Info', 'Hints']), row(['---', '---:', '---:', '---:', '---:', '---:']));
    for (const category of categories) {
      const label = category.category === 'other' ? escapeMarkdown(category.name) : `${category.category} ${escapeMarkdown(category.name)}`;
      lines.push(row([label, category.score, category.counts.error, category.counts.warn, category.counts.info, category.counts.hint]));
    }
    lines.push('');
  }

  const findings = rankedFindings(report);
  lines.push('### Top findings', '');
  if (findings.length === 0) {
    lines.push('No findings.', '');
  } else {
    lines.push(row(['Severity', 'Rule', 'Where', 'Message']), row(['---', '---', '---', '---']));
    for (const { document, finding, line } of findings.slice(0, MAX_FINDINGS)) {
      const url = documentationUrl(report, finding.rule);
      const rule = escapeMarkdown(finding.rule);
      const severity = (SEVERITY_LABEL as Record<string, string>)[finding.severity] ?? escapeMarkdown(finding.severity);
      lines.push(row([
        finding.baselined === true ? `${severity} (baselined)` : severity,
        url ? `[${rule}](${linkTarget(url)})` : rule,
        line === undefined ? escapeMarkdown(document) : `${escapeMarkdown(document)}:${line}`,
        escapeMarkdown(finding.message, MAX_MESSAGE),
      ]));
    }
    lines.push('');
    if (findings.length > MAX_FINDINGS) lines.push(`Showing the first ${MAX_FINDINGS} of ${findings.length} findings.`, '');
  }

  const { baselined, fixed } = baselineCounts(report);
  if (baselined > 0 || fixed > 0) {
    lines.push(`Baseline: ${plural(baselined, 'known finding')} (counted in the score, not failing the run); ${plural(fixed, 'entry', 'entries')} fixed since the baseline was written.`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
