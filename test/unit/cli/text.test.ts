// The text format's layout: messages wrapped under their finding, at the width given.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDTH, text, wrap } from '../../../cli/formats/text.js';
import { realisticReport } from '../../fixtures/report.js';

describe('wrap', () => {
  it('fills lines up to the width after the indent, keeping words whole', () => {
    expect(wrap('one two three four five six seven', '  ', 22)).toEqual(['  one two three four', '  five six seven']);
    // A line never gets narrower than 20 characters, however deep the indent.
    expect(wrap('one two three four five', ' '.repeat(30), 40)).toEqual([`${' '.repeat(30)}one two three four`, `${' '.repeat(30)}five`]);
    expect(wrap('a https://example.com/a/very/long/url b', '', 20)).toEqual(['a', 'https://example.com/a/very/long/url', 'b']);
    expect(wrap('  spaced\n\tout  ', '>', 80)).toEqual(['>spaced out']);
    expect(wrap('', '  ', 80)).toEqual([]);
  });
});

describe('text', () => {
  it(`keeps every line but the documentation links within ${DEFAULT_WIDTH} columns, or the width given`, () => {
    const report = realisticReport();
    for (const width of [DEFAULT_WIDTH, 72]) {
      // The findings; the summary's tables below them keep their columns whole.
      const findings = text(report, width).split('\nSummary\n')[0].split('\n');
      expect(findings.filter(line => line.length > width && !line.includes('↳ http'))).toEqual([]);
    }
    const lines = text(report).split('\n');
    const header = lines.findIndex(line => /^ {4}\d+:\d+ +error +auth-write-operation-unprotected$/.test(line));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^ {10,}POST \/orders /);
  });
});
