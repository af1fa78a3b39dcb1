// The HTML report in a real headless Chromium: it must render offline (no request at all), run
// its filter under its own Content-Security-Policy without a script error, draw the chart without
// JavaScript, and show hostile strings as text. It also writes docs/report.png, the screenshot
// the README shows. Chromium comes from CHROMIUM_PATH or /usr/bin/chromium; CI installs it, so a
// missing browser fails the test instead of skipping it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryTable } from '../../cli/categories.js';
import { html } from '../../cli/formats/html.js';
import type { Report } from '../../cli/report.js';
import { documentReport, finding, HOSTILE, realisticReport, reportOf } from '../fixtures/report.js';
import { installedBin, packedProject, removeProject } from './packed.js';

// The page's globals, inside page.evaluate callbacks (the test tsconfig has no DOM library).
declare const document: any;

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOT = new URL('../../docs/report.png', import.meta.url);

/** The realistic report, plus a description whose findings carry hostile strings. */
function hostileReport(): Report {
  const base = realisticReport();
  const hostile = documentReport(HOSTILE.document, 3, [
    finding({ rule: HOSTILE.rule, severity: 'error', message: HOSTILE.message, owasp: 'API9', range: { start: { line: 7, column: 1 }, end: { line: 7, column: 2 } } }),
    finding({ rule: 'auth-scheme-weak', severity: 'warn', message: '</td></tr><tr><td>injected row', owasp: 'API2' }),
  ]);
  const report = reportOf([...base.documents, hostile], { rules: base.rules, fixed: base.fixed });
  report.rules[HOSTILE.rule] = { id: HOSTILE.rule, description: HOSTILE.message, severity: 'error', owasp: 'API9', cwe: [], helpUri: HOSTILE.helpUri };
  return report;
}

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH to its executable.`);
    }
    dir = mkdtempSync(join(tmpdir(), 'report-browser-'));
    browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new'] });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the report as a file, the way a user opens a CI artifact, with every other request refused and recorded. */
  async function open(report: Report, name: string): Promise<Opened> {
    const file = join(dir, name);
    writeFileSync(file, html(report));
    return openFile(file);
  }

  async function openFile(file: string): Promise<Opened> {
    const url = pathToFileURL(file).href;
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(`pageerror: ${String(error)}`));
    page.on('console', message => {
      if (message.type() === 'error' || message.type() === 'warn') errors.push(`console.${message.type()}: ${message.text()}`);
    });
    await page.setRequestInterception(true);
    page.on('request', request => {
      if (request.url() === url) return void request.continue();
      requests.push(request.url());
      void request.abort();
    });
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  it('renders offline: chart, table, filter, and hostile strings as text', async () => {
    const report = hostileReport();
    const { page, requests, errors } = await open(report, 'hostile.html');

    // The chart: one bar group per category with findings, each segment's count as in the category table.
    const expected = categoryTable(report).filter(row => row.findings > 0);
    const bars: Array<{ category: string; total: string; label: string; segments: Record<string, string> }> = await page.evaluate(() =>
      [...document.querySelectorAll('svg.chart g.bar')].map((group: any) => ({
        category: group.getAttribute('data-category'),
        total: group.querySelector('text.total').textContent,
        label: group.querySelector('text').textContent,
        segments: Object.fromEntries([...group.querySelectorAll('rect')].map((rect: any) => [rect.getAttribute('data-severity'), rect.getAttribute('data-count')])),
      })));
    expect(bars.map(bar => bar.category)).toEqual(expected.map(row => row.category));
    expect(bars.map(bar => bar.category)).toEqual(['API1', 'API2', 'API3', 'API4', 'API5', 'API6', 'API8', 'API9', 'other']);
    for (const [index, row] of expected.entries()) {
      expect(bars[index].total).toBe(String(row.findings));
      const counts = Object.fromEntries(Object.entries(row.counts).filter(([, count]) => count > 0).map(([severity, count]) => [severity, String(count)]));
      expect(bars[index].segments, row.category).toEqual(counts);
    }
    // API2 by hand: 7 errors, 6 warnings (one hostile), 2 hints in the fixture.
    expect(bars[1].segments).toEqual({ error: '7', warn: '6', hint: '2' });

    // The table: one row per finding of a readable description; the injected markup made no row.
    const total = report.documents.reduce((sum, doc) => sum + doc.findings.length, 0);
    expect(total).toBe(43);
    const rowCount = async (): Promise<number> => page.evaluate(() => document.querySelectorAll('#findings tbody tr').length);
    const visibleCategories = async (): Promise<string[]> => page.evaluate(() =>
      [...document.querySelectorAll('#findings tbody tr')].filter((row: any) => !row.hidden && row.offsetParent !== null).map((row: any) => row.getAttribute('data-category')));
    expect(await rowCount()).toBe(total);
    expect(await visibleCategories()).toHaveLength(total);

    // The filter was shown by the script (the CSP let it run), and filters by category, then severity.
    expect(await page.evaluate(() => document.getElementById('filters').hidden)).toBe(false);
    await page.select('#filter-category', 'API4');
    const api4 = expected.find(row => row.category === 'API4')!;
    expect(await visibleCategories()).toEqual(Array(api4.findings).fill('API4'));
    expect(await page.evaluate(() => document.getElementById('shown').textContent)).toBe(`Showing ${api4.findings} of ${total} findings.`);
    await page.select('#filter-severity', 'info');
    expect(await visibleCategories()).toEqual(Array(api4.counts.info).fill('API4'));
    await page.select('#filter-category', '');
    await page.select('#filter-severity', '');
    expect(await visibleCategories()).toHaveLength(total);

    // Hostile strings are text: no element, no script ran, the javascript: link is not a link.
    const hostile = await page.evaluate(() => {
      const row = [...document.querySelectorAll('#findings tbody tr')].find((tr: any) => tr.getAttribute('data-category') === 'API9');
      return {
        message: row.querySelector('td.message').textContent,
        document: row.querySelector('td.document').textContent,
        rule: row.children[3].textContent,
        ruleLinks: row.children[3].querySelectorAll('a').length,
        injected: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        title: document.title,
      };
    });
    expect(hostile.message).toBe(HOSTILE.message);
    expect(hostile.document).toBe(HOSTILE.document);
    expect(hostile.rule).toBe(HOSTILE.rule);
    expect(hostile.ruleLinks).toBe(0);
    expect(hostile.injected).toBe(1);
    expect(hostile.images).toBe(0);
    expect(hostile.title).toBe(`API security posture: ${report.score}/100`);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 30_000);

  it('filters 5,000 rows quickly', async () => {
    const severities = ['error', 'warn', 'info', 'hint'] as const;
    const findings = Array.from({ length: 5_000 }, (_, index) => finding({
      rule: `rule-${index % 40}`,
      severity: severities[index % 4],
      owasp: `API${(index % 10) + 1}`,
      range: { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: 2 } },
    }));
    const { page, requests, errors } = await open(reportOf([documentReport('big.yaml', 2_000, findings)]), 'big.html');
    const started = Date.now();
    await page.select('#filter-category', 'API7');
    const visible: number = await page.evaluate(() => [...document.querySelectorAll('#findings tbody tr')].filter((row: any) => !row.hidden).length);
    expect(visible).toBe(500);
    await page.select('#filter-severity', 'info');
    // API7 is every index ≡ 6 (mod 10), info every index ≡ 2 (mod 4): index ≡ 6 (mod 20), 250 of them.
    expect(await page.evaluate(() => document.getElementById('shown').textContent)).toBe('Showing 250 of 5000 findings.');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 30_000);

  it('draws the chart and the table without JavaScript, filter hidden', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setContent(html(realisticReport()), { waitUntil: 'load' });
    const seen = await page.evaluate(() => ({
      bars: document.querySelectorAll('svg.chart g.bar').length,
      rows: document.querySelectorAll('#findings tbody tr').length,
      filterHidden: document.getElementById('filters').hidden,
    }));
    // (With the page's JavaScript off, evaluate still runs: it comes through the DevTools protocol.)
    expect(seen).toEqual({ bars: 8, rows: 41, filterHidden: true });
    await page.close();
  }, 30_000);

  it('the report the packed command writes for the examples: chart and table match its JSON report', async () => {
    const project = packedProject('report-browser-command-');
    try {
      const command = (args: string[]) => execFileSync(process.execPath, [installedBin(project), 'examples/flawed.yaml', 'examples/flawed-no-security.yaml', '--fail-severity', 'off', ...args], { cwd: project, encoding: 'utf8' });
      command(['-f', 'html', '-o', 'posture.html']);
      const report = JSON.parse(command(['-f', 'json'])) as Report;
      const { page, requests, errors } = await openFile(join(project, 'posture.html'));
      const seen = await page.evaluate(() => ({
        bars: [...document.querySelectorAll('svg.chart g.bar')].map((group: any) => [group.getAttribute('data-category'), group.querySelector('text.total').textContent]),
        rows: document.querySelectorAll('#findings tbody tr').length,
      }));
      const categories = categoryTable(report).filter(row => row.findings > 0);
      expect(seen.bars).toEqual(categories.map(row => [row.category, String(row.findings)]));
      expect(seen.rows).toBe(report.documents.reduce((sum, doc) => sum + doc.findings.length, 0));
      expect(seen.rows).toBeGreaterThan(30);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    } finally {
      removeProject(project);
    }
  }, 60_000);

  it('writes docs/report.png from the realistic report', async () => {
    const { page, requests, errors } = await open(realisticReport(), 'report.html');
    await page.screenshot({ path: SCREENSHOT.pathname as `${string}.png`, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 30_000);
});
