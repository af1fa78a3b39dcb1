import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../cli/args.js';
import { applyBaseline, baselineOf, readBaseline } from '../../../cli/baseline.js';
import { InputError } from '../../../cli/files.js';
import type { DocumentReport, ReportFinding } from '../../../cli/report.js';

const finding = (rule: string, fingerprint: string): ReportFinding => ({
  rule,
  severity: 'error',
  message: `${rule} message`,
  path: [],
  range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  operations: 1,
  fingerprint,
});
const doc = (document: string, findings: ReportFinding[]): DocumentReport => ({ document, operationCount: 1, findings, score: 0 });

describe('baseline', () => {
  it('marks listed findings, one entry per finding, and reports the entries no longer found in the linted documents', () => {
    const before = [doc('a.yaml', [finding('r1', 'f1'), finding('r1', 'f1'), finding('r2', 'f2')]), doc('b.yaml', [finding('r3', 'f3')])];
    const baseline = baselineOf(before);
    expect(baseline.entries).toHaveLength(4);
    const after = [doc('a.yaml', [finding('r1', 'f1'), finding('r1', 'f1'), finding('r1', 'f1'), finding('r4', 'f4')])];
    const fixed = applyBaseline(after, baseline);
    expect(after[0].findings.map(f => f.baselined ?? false)).toEqual([true, true, false, false]);
    // b.yaml was not linted this time: its entry is not "fixed".
    expect(fixed).toEqual([{ document: 'a.yaml', rule: 'r2', fingerprint: 'f2' }]);
  });

  it('reading: a clear InputError for a missing, broken or malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
    expect(() => readBaseline(join(dir, 'none.json'))).toThrow(InputError);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => readBaseline(join(dir, 'broken.json'))).toThrow(/Cannot read baseline/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: 1, entries: [{ rule: 'x' }] }));
    expect(() => readBaseline(join(dir, 'bad.json'))).toThrow(/every entry needs/);
    writeFileSync(join(dir, 'null.json'), 'null');
    expect(() => readBaseline(join(dir, 'null.json'))).toThrow(/no "entries"/);
  });
});

describe('arguments', () => {
  it('defaults, short and long forms, `--opt=value`', () => {
    expect(parseArgs(['a.yaml'])).toMatchObject({ inputs: ['a.yaml'], format: 'text', failSeverity: 'error', allowRemoteRefs: false });
    expect(parseArgs(['-f', 'sarif', '-o', 'x.sarif', '--fail-severity=warn', '--min-score', '80', '--allow-remote-refs', 'a', 'b'])).toMatchObject({
      inputs: ['a', 'b'],
      format: 'sarif',
      output: 'x.sarif',
      failSeverity: 'warn',
      minScore: 80,
      allowRemoteRefs: true,
    });
    expect(parseArgs(['--', '-odd-name.yaml']).inputs).toEqual(['-odd-name.yaml']);
  });

  it('usage errors name the problem', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['-f', 'xml', 'a'])).toThrow(/-f must be one of text, json, sarif, markdown, html/);
    expect(() => parseArgs(['--min-score', '101', 'a'])).toThrow(/0 to 100/);
    expect(() => parseArgs(['--min-score', '-1', 'a'])).toThrow(UsageError);
    expect(() => parseArgs(['-o'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--bogus', 'a'])).toThrow(/Unknown option --bogus/);
    expect(() => parseArgs(['-f', 'json', '-f', 'text', 'a'])).toThrow(/given twice/);
    expect(() => parseArgs(['--baseline', 'b.json', '--write-baseline', 'b.json', 'a'])).toThrow(/same file/);
  });
});
