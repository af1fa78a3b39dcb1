import { describe, expect, it } from 'vitest';
import { findingCost, overallScore, SCALE, scoreOf, SEVERITY_WEIGHT } from '../../../cli/score.js';
import type { SeverityName } from '../../../cli/report.js';
import { categoryTable } from '../../../cli/categories.js';
import { documentReport, finding, realisticReport, reportOf } from '../../fixtures/report.js';

// Quoted in docs/score.md and cli/score.ts.
const FLAWED_SCORE = 21;
const FLAWED_HALF_SCORE = 34;

const one = (severity: SeverityName, operations = 1) => ({ severity, operations });

// Every expected number below is worked out by hand from docs/score.md:
// cost = weight × (1 + log2 operations); score = ⌊100 · 4 / (4 + Σcost / operations of the API)⌋.
describe('score', () => {
  it('has the documented constants', () => {
    expect(SEVERITY_WEIGHT).toEqual({ error: 10, warn: 3, info: 1, hint: 0 });
    expect(SCALE).toBe(4);
  });

  it('is 100 without findings, and with hints only', () => {
    expect(scoreOf([], 10)).toBe(100);
    expect(scoreOf([one('hint'), one('hint', 50)], 10)).toBe(100);
  });

  it('one error on one operation of a 10-operation API: 400 / (4 + 10/10) = 80', () => {
    expect(findingCost(one('error'))).toBe(10);
    expect(scoreOf([one('error')], 10)).toBe(80);
  });

  it('one document-level error naming 8 operations of 10: cost 10 × (1 + 3) = 40, 400 / (4 + 4) = 50', () => {
    expect(findingCost(one('error', 8))).toBe(40);
    expect(scoreOf([one('error', 8)], 10)).toBe(50);
  });

  it('a warning naming 8 operations of 10: cost 12, 400 / 5.2 = 76.9 → 76 (rounded down)', () => {
    expect(scoreOf([one('warn', 8)], 10)).toBe(76);
  });

  it('adds findings: an error and two warnings on single operations of 4: cost 16, 400 / 8 = 50', () => {
    expect(scoreOf([one('error'), one('warn'), one('warn')], 4)).toBe(50);
  });

  it('is below 100 for any weighed finding, however large the API: one info in 1,000 operations is 99', () => {
    expect(scoreOf([one('info')], 1000)).toBe(99);
  });

  it('counts baselined findings like any other (the baseline stops failures, not the score)', () => {
    expect(scoreOf([{ ...one('error'), baselined: true } as ReturnType<typeof one>], 10)).toBe(80);
  });

  it('reads odd input defensively: no operations, NaN counts, unknown severities', () => {
    expect(scoreOf([one('warn')], 0)).toBe(57); // judged as 1 operation: 400 / 7
    expect(scoreOf([one('warn')], Number.NaN)).toBe(57);
    expect(findingCost(one('error', Number.NaN))).toBe(10);
    expect(findingCost(one('error', -3))).toBe(10);
    expect(findingCost({ severity: 'constructor' as SeverityName, operations: 1 })).toBe(0);
    expect(scoreOf([null as never, one('error')], 10)).toBe(80);
    expect(scoreOf(undefined as never, 10)).toBe(100);
  });

  it('bottoms out at 0, never below', () => {
    const many = Array.from({ length: 10_000 }, () => one('error', 1_000));
    expect(scoreOf(many, 1)).toBe(0);
  });
});

describe('overall score', () => {
  it('is 100 for an empty report', () => {
    expect(overallScore([])).toBe(100);
  });

  it('weighs documents by their operations: 80 on 10 and 100 on 30 give (800 + 3000) / 40 = 95', () => {
    expect(overallScore([{ score: 80, operationCount: 10 }, { score: 100, operationCount: 30 }])).toBe(95);
  });

  it('leaves unreadable documents out', () => {
    expect(overallScore([{ score: 80, operationCount: 10 }, { score: 100, operationCount: 0, error: 'Unexpected end of YAML' }])).toBe(80);
    expect(overallScore([{ score: 100, operationCount: 0, error: 'unreadable' }])).toBe(100);
  });

  it('counts a document without operations as one, and rounds down', () => {
    // (50 × 1 + 100 × 2) / 3 = 83.3 → 83
    expect(overallScore([{ score: 50, operationCount: 0 }, { score: 100, operationCount: 2 }])).toBe(83);
    // 99 × 1 + 100 × 999 averages 99.999: still not 100
    expect(overallScore([{ score: 99, operationCount: 1 }, { score: 100, operationCount: 999 }])).toBe(99);
  });
});

describe('docs/score.md', () => {
  it('computes the reference values', () => {
    const table = [1, 10, 100].map(operations => (['error', 'warn', 'info'] as const).map(severity => scoreOf([one(severity)], operations)));
    expect(table).toEqual([[28, 57, 80], [80, 93, 97], [97, 99, 99]]);
  });

  it('computes the worked example', () => {
    const example = documentReport('example.yaml', 10, [
      finding({ rule: 'auth-write-operation-unprotected', severity: 'error', owasp: 'API2' }),
      finding({ rule: 'rate-limit-429-missing', severity: 'warn', owasp: 'API4', operations: 8 }),
      finding({ rule: 'auth-object-id-guessable', severity: 'info', owasp: 'API1' }),
      finding({ rule: 'auth-read-operation-public', severity: 'hint', owasp: 'API2' }),
    ]);
    expect(example.score).toBe(63);
    const report = reportOf([example], { rules: {} });
    expect(categoryTable(report).map(row => `${row.category} ${row.score}`)).toEqual(['API1 97', 'API2 80', 'API4 76']);
    expect(overallScore([example, { score: 90, operationCount: 40 }])).toBe(84);
  });

  it('gives the flawed example (the report fixture mirroring examples/flawed.yaml) the score the page quotes', () => {
    const flawed = realisticReport().documents[0];
    expect(flawed.findings).toHaveLength(39);
    expect(flawed.score).toBe(FLAWED_SCORE);
    const halved = flawed.findings.reduce((sum, f) => sum + findingCost(f), 0) / 2 / flawed.operationCount;
    expect(Math.floor(400 / (4 + halved))).toBe(FLAWED_HALF_SCORE);
  });
});
