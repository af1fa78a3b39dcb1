// The HTML format: one self-contained page that opens offline, from a CI artifact or an e-mail.
// No external script, font, stylesheet or image: the CSS and a small filter script are inline,
// allowed by a Content-Security-Policy that names their SHA-256 hashes and nothing else, and the
// chart is an SVG written here, so the page reads completely without JavaScript. Everything taken
// from the report (messages, paths, rule ids of the user's ruleset, error texts) is escaped.

import { createHash } from 'node:crypto';
import {
  baselineCounts,
  categoryTable,
  countBySeverity,
  documentationUrl,
  documentsOf,
  rankedFindings,
  reportScore, scoreText,
  SEVERITIES,
  SEVERITY_LABEL,
  type CategoryRow,
} from '../categories.js';
import type { Report, SeverityName } from '../report.js';
import { SCORE_DOC_URL } from './markdown.js';

/** Text or a double-quoted attribute value, escaped. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, character => `&#${character.charCodeAt(0)};`);
}

/**
 * Every colour of the page. Text colours reach 4.5:1 against the white page and the grey table
 * headers (WCAG 1.4.3), bar colours 3:1 (1.4.11); every bar also carries its count in text and a
 * tooltip, so colour is never the only cue. test/unit/cli/html.test.ts checks the ratios.
 */
export const PALETTE = {
  page: '#ffffff',
  header: '#f6f8fa',
  line: '#d0d7de',
  text: { body: '#1f2328', muted: '#57606a', link: '#0a58ca', good: '#1a7f37', fair: '#9a5b00', poor: '#b3261e', error: '#b3261e', warn: '#9a5b00', info: '#1a5fb4', hint: '#5f6368' },
  bar: { error: '#b3261e', warn: '#c77c02', info: '#1a5fb4', hint: '#80868b' },
} as const;

const { text, bar } = PALETTE;
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: ${text.body}; background: ${PALETTE.page}; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 32px 0 8px; border-bottom: 1px solid ${PALETTE.line}; padding-bottom: 4px; }
a { color: ${text.link}; }
header { display: flex; gap: 24px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
.score { font-size: 2.6em; font-weight: 700; margin: 0; line-height: 1; }
.score small { font-size: 0.45em; font-weight: 400; color: ${text.muted}; }
.good { color: ${text.good}; } .fair { color: ${text.fair}; } .poor { color: ${text.poor}; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
caption { text-align: left; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid ${PALETTE.line}; vertical-align: top; }
th { background: ${PALETTE.header}; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.message { white-space: pre-wrap; overflow-wrap: anywhere; }
td.document, td.rule, th.document { overflow-wrap: break-word; }
tr[hidden] { display: none; }
.sev { font-weight: 600; }
.sev-error { color: ${text.error}; } .sev-warn { color: ${text.warn}; } .sev-info { color: ${text.info}; } .sev-hint { color: ${text.hint}; }
.baselined { color: ${text.muted}; font-weight: 400; }
.legend { display: flex; gap: 16px; list-style: none; padding: 0; margin: 8px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; }
.fill-error { background: ${bar.error}; fill: ${bar.error}; } .fill-warn { background: ${bar.warn}; fill: ${bar.warn}; }
.fill-info { background: ${bar.info}; fill: ${bar.info}; } .fill-hint { background: ${bar.hint}; fill: ${bar.hint}; }
svg.chart { width: 100%; max-width: 860px; height: auto; font: 13px system-ui, sans-serif; }
svg.chart text { fill: ${text.body}; }
form.filters { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
select { font: inherit; padding: 2px 4px; }
.note { color: ${text.muted}; }
`;

// The filter: hides the rows of the other categories and severities. It reads data attributes
// (never the rows' text) and touches only rows whose state changes, so thousands of rows stay fast.
// The form is hidden until this runs, so a page opened without JavaScript shows no dead controls.
const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var table = document.getElementById('findings');
  if (!form || !table || !table.tBodies.length) return;
  var category = document.getElementById('filter-category');
  var severity = document.getElementById('filter-severity');
  var shown = document.getElementById('shown');
  var rows = table.tBodies[0].rows;
  function apply() {
    var c = category.value, s = severity.value, count = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var visible = (!c || row.getAttribute('data-category') === c) && (!s || row.getAttribute('data-severity') === s);
      if (row.hidden === visible) row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = 'Showing ' + count + ' of ' + rows.length + ' findings.';
  }
  category.addEventListener('change', apply);
  severity.addEventListener('change', apply);
  form.hidden = false;
  apply();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Only the inline style and script above may run; nothing may be fetched, framed, or submitted. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; base-uri 'none'; form-action 'none'`;

const COLUMN: Record<SeverityName, string> = { error: 'Errors', warn: 'Warnings', info: 'Info', hint: 'Hints' };

function scoreClass(score: number): string {
  return score >= 90 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

function categoryLabel(row: Pick<CategoryRow, 'category' | 'name'>): string {
  return row.category === 'other' ? row.name : `${row.category} ${row.name}`;
}

function link(url: string | undefined, text: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

// Chart geometry, in SVG user units (the SVG scales to the page width).
const CHART = { label: 380, bars: 400, total: 60, row: 30, bar: 18, top: 8 };

/**
 * Findings per category as horizontal bars stacked by severity, one `<g class="bar">` per category
 * with findings, each segment a `<rect>` with its count in `data-count` and a `<title>` tooltip,
 * and the total in text at the end of the bar.
 */
export function chart(rows: readonly CategoryRow[]): string {
  const present = rows.filter(row => row.findings > 0);
  if (present.length === 0) return '<p>No findings in any category.</p>';
  const max = Math.max(...present.map(row => SEVERITIES.reduce((sum, severity) => sum + row.counts[severity], 0)), 1);
  const width = CHART.label + CHART.bars + CHART.total;
  const height = CHART.top * 2 + present.length * CHART.row;
  const groups = present.map((row, index) => {
    const y = CHART.top + index * CHART.row;
    let x = CHART.label;
    const segments = SEVERITIES.filter(severity => row.counts[severity] > 0).map(severity => {
      const count = row.counts[severity];
      const w = (count / max) * CHART.bars;
      const rect = `<rect class="fill-${severity}" data-severity="${severity}" data-count="${count}" x="${x.toFixed(1)}" y="${y + (CHART.row - CHART.bar) / 2}" width="${w.toFixed(1)}" height="${CHART.bar}"><title>${escapeHtml(`${row.category}: ${count} ${SEVERITY_LABEL[severity].toLowerCase()}`)}</title></rect>`;
      x += w;
      return rect;
    });
    const total = SEVERITIES.reduce((sum, severity) => sum + row.counts[severity], 0);
    const baseline = y + CHART.row / 2 + 4;
    return `<g class="bar" data-category="${escapeHtml(row.category)}" data-total="${total}">`
      + `<text x="0" y="${baseline}">${escapeHtml(categoryLabel(row))}</text>${segments.join('')}`
      + `<text class="total" x="${(x + 6).toFixed(1)}" y="${baseline}">${total}</text></g>`;
  });
  const summary = present.map(row => `${row.category}: ${row.findings}`).join(', ');
  return `<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="chart-title">Findings per OWASP category, by severity</title><desc id="chart-desc">${escapeHtml(summary)}</desc>${groups.join('')}</svg>`;
}

function legend(): string {
  return `<ul class="legend" aria-hidden="true">${SEVERITIES.map(severity => `<li><span class="swatch fill-${severity}"></span>${SEVERITY_LABEL[severity]}</li>`).join('')}</ul>`;
}

function documentsSection(report: Report): string {
  const documents = documentsOf(report);
  if (documents.length === 0) return '<p>No descriptions were checked.</p>';
  const body = documents.map(document => {
    const name = `<th scope="row" class="document">${escapeHtml(document.document)}</th>`;
    if (document.error !== undefined) {
      return `<tr>${name}<td colspan="6">Not scored: could not be read (${escapeHtml(document.error)})</td></tr>`;
    }
    const counts = countBySeverity(Array.isArray(document.findings) ? document.findings : []);
    return `<tr>${name}<td class="num ${scoreClass(document.score)}">${scoreText(document.score)}</td><td class="num">${escapeHtml(document.operationCount)}</td>`
      + SEVERITIES.map(severity => `<td class="num">${counts[severity]}</td>`).join('') + '</tr>';
  });
  return `<table><caption class="note">Score 0–100 per description; operations weigh the overall score.</caption><thead><tr><th scope="col">Description</th><th scope="col" class="num">Score</th><th scope="col" class="num">Operations</th>`
    + SEVERITIES.map(severity => `<th scope="col" class="num">${COLUMN[severity]}</th>`).join('')
    + `</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function categoriesSection(rows: readonly CategoryRow[]): string {
  if (rows.length === 0) return '<p>No categories to show.</p>';
  const body = rows.map(row => `<tr><th scope="row">${escapeHtml(categoryLabel(row))}</th><td class="num ${scoreClass(row.score)}">${row.score}</td>`
    + SEVERITIES.map(severity => `<td class="num">${row.counts[severity]}</td>`).join('') + '</tr>');
  return `${legend()}${chart(rows)}<table><thead><tr><th scope="col">Category</th><th scope="col" class="num">Score</th>`
    + SEVERITIES.map(severity => `<th scope="col" class="num">${COLUMN[severity]}</th>`).join('')
    + `</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function findingsSection(report: Report, rows: readonly CategoryRow[]): string {
  const findings = rankedFindings(report);
  if (findings.length === 0) return '<p>No findings.</p>';
  const categoryOptions = rows.filter(row => row.findings > 0)
    .map(row => `<option value="${escapeHtml(row.category)}">${escapeHtml(`${categoryLabel(row)} (${row.findings})`)}</option>`);
  const severityCounts = countBySeverity(findings.map(entry => entry.finding));
  const severityOptions = SEVERITIES.filter(severity => severityCounts[severity] > 0)
    .map(severity => `<option value="${severity}">${SEVERITY_LABEL[severity]} (${severityCounts[severity]})</option>`);
  const filters = '<form id="filters" class="filters" aria-label="Filter the findings" hidden>'
    + `<label for="filter-category">Category</label><select id="filter-category"><option value="">All categories</option>${categoryOptions.join('')}</select>`
    + `<label for="filter-severity">Severity</label><select id="filter-severity"><option value="">All severities</option>${severityOptions.join('')}</select>`
    + `<p id="shown" class="note" aria-live="polite">Showing ${findings.length} of ${findings.length} findings.</p></form>`;
  const body = findings.map(({ document, finding, category, line }) => {
    const severity = String(finding.severity);
    const label = (SEVERITY_LABEL as Record<string, string>)[severity] ?? severity;
    const baselined = finding.baselined === true ? ' <span class="baselined">(baselined)</span>' : '';
    return `<tr data-category="${escapeHtml(category)}" data-severity="${escapeHtml(severity)}">`
      + `<td class="document">${escapeHtml(document)}</td><td class="num">${line ?? ''}</td>`
      + `<td><span class="sev sev-${escapeHtml(severity)}">${escapeHtml(label)}</span>${baselined}</td>`
      + `<td class="rule">${link(documentationUrl(report, finding.rule), String(finding.rule))}</td>`
      + `<td>${category === 'other' ? '' : escapeHtml(category)}</td><td class="message">${escapeHtml(finding.message)}</td></tr>`;
  });
  return `${filters}<table id="findings"><thead><tr><th scope="col">Description</th><th scope="col" class="num">Line</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">OWASP</th><th scope="col">Message</th></tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}

function baselineNote(report: Report): string {
  const { baselined, fixed } = baselineCounts(report);
  if (baselined === 0 && fixed === 0) return '';
  return `<p class="note">Baseline: ${baselined} known finding${baselined === 1 ? '' : 's'} (counted in the score, not failing the run); ${fixed} entr${fixed === 1 ? 'y' : 'ies'} fixed since the baseline was written.</p>`;
}

export function html(report: Report): string {
  const overall = reportScore(report);
  const documents = documentsOf(report);
  const rows = categoryTable(report);
  const total = rankedFindings(report).length;
  const tool = report?.tool ? `${report.tool.name} ${report.tool.version}` : 'spectral-api-security';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>API security posture: ${escapeHtml(overall)}/100</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<div><h1>API security posture</h1>
<p class="note">${documents.length} description${documents.length === 1 ? '' : 's'}, ${total} finding${total === 1 ? '' : 's'}. Checked by ${escapeHtml(tool)}. <a href="${escapeHtml(SCORE_DOC_URL)}">How the score is computed</a>.</p></div>
<p class="score ${scoreClass(overall)}"><span class="visually-hidden">Overall score: </span>${escapeHtml(overall)}<small>/100</small></p>
</header>
<main>
<section aria-labelledby="documents-heading"><h2 id="documents-heading">Descriptions</h2>
${documentsSection(report)}
${baselineNote(report)}</section>
<section aria-labelledby="categories-heading"><h2 id="categories-heading">By OWASP API Security Top 10 (2023) category</h2>
${categoriesSection(rows)}</section>
<section aria-labelledby="findings-heading"><h2 id="findings-heading">Findings</h2>
${findingsSection(report, rows)}</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
