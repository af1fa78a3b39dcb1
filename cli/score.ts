// The posture score (docs/score.md): 100 for a description with no finding, falling with every
// finding by its severity and by how many operations it concerns, relative to the size of the API.
// Every format and the score gate read these numbers; none computes its own.

import type { DocumentReport, ReportFinding, SeverityName } from './report.js';

/** What one finding on one operation costs, by severity. */
export const SEVERITY_WEIGHT: Record<SeverityName, number> = { error: 10, warn: 3, info: 1, hint: 0 };

/**
 * How fast the score falls: a penalty of this much per operation halves it (100 → 50). The curve
 * is 100 · SCALE / (SCALE + penalty per operation) rather than an exponential: an exponential sinks
 * a badly flawed API to 0, where fixing half of its findings would still show 0, while this curve
 * keeps every fix visible (a report like examples/flawed.yaml's scores 21; with half its penalty, 34).
 */
export const SCALE = 4;

/** A count of operations, read as at least 1: an API without operations (or a count gone NaN) is judged as one. */
function atLeastOne(count: number): number {
  return typeof count === 'number' && Number.isFinite(count) && count > 1 ? count : 1;
}

/** The weight of a severity; 0 for anything else (a severity read from a hand-edited file could be `constructor`). */
export function severityWeight(severity: unknown): number {
  return typeof severity === 'string' && Object.prototype.hasOwnProperty.call(SEVERITY_WEIGHT, severity)
    ? SEVERITY_WEIGHT[severity as SeverityName]
    : 0;
}

/** A finding's cost: its severity's weight, times 1 + log2 of the operations it concerns. */
export function findingCost(finding: Pick<ReportFinding, 'severity' | 'operations'>): number {
  const operations = atLeastOne(finding.operations);
  return severityWeight(finding.severity) * (1 + Math.log2(operations));
}

/**
 * The score of a set of findings in an API of `operationCount` operations:
 * ⌊100 · SCALE / (SCALE + Σcost / max(1, operations))⌋. Rounded down, so 100 means nothing at all
 * weighs against the API (hints weigh nothing), never "a little, rounded away".
 */
export function scoreOf(findings: ReadonlyArray<Pick<ReportFinding, 'severity' | 'operations'>>, operationCount: number): number {
  const penalty = (Array.isArray(findings) ? findings : []).reduce((sum, finding) => sum + (finding ? findingCost(finding) : 0), 0);
  const size = atLeastOne(operationCount);
  // The epsilon keeps a value that is whole in exact arithmetic (80) from flooring to 79.
  return Math.floor((100 * SCALE) / (SCALE + penalty / size) + 1e-9);
}

/**
 * The overall score: the documents' scores weighed by their operations (unreadable documents left
 * out), rounded down like each score, so it is 100 only when every document is.
 */
export function overallScore(documents: ReadonlyArray<Pick<DocumentReport, 'score' | 'operationCount' | 'error'>>): number {
  let weighted = 0;
  let total = 0;
  for (const document of documents) {
    if (!document || document.error !== undefined || !Number.isFinite(document.score)) continue;
    const weight = atLeastOne(document.operationCount);
    weighted += document.score * weight;
    total += weight;
  }
  return total === 0 ? 100 : Math.floor(weighted / total + 1e-9);
}
