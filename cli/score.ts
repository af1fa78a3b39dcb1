// The posture score (docs/score.md): 100 for a description with no finding, falling with every
// finding by its severity and by how many operations it concerns, relative to the size of the API.

import type { DocumentReport, ReportFinding, SeverityName } from './report.js';

/** What one finding on one operation costs, by severity. */
export const SEVERITY_WEIGHT: Record<SeverityName, number> = { error: 10, warn: 3, info: 1, hint: 0 };

/** How fast the score falls: a penalty of this much per operation takes the score to 100/e ≈ 37. */
export const SCALE = 4;

/** A finding's cost: its severity's weight, times 1 + log2 of the operations it concerns. */
export function findingCost(finding: Pick<ReportFinding, 'severity' | 'operations'>): number {
  const operations = Number.isFinite(finding.operations) && finding.operations > 1 ? finding.operations : 1;
  return (SEVERITY_WEIGHT[finding.severity] ?? 0) * (1 + Math.log2(operations));
}

/** The score of a set of findings in an API of `operationCount` operations: round(100 · e^(−Σcost / max(1, operations) / SCALE)). */
export function scoreOf(findings: ReadonlyArray<Pick<ReportFinding, 'severity' | 'operations'>>, operationCount: number): number {
  const penalty = findings.reduce((sum, finding) => sum + findingCost(finding), 0);
  const size = Number.isFinite(operationCount) && operationCount > 1 ? operationCount : 1;
  return Math.round(100 * Math.exp(-penalty / size / SCALE));
}

/** The overall score: the documents' scores weighed by their operations (unreadable documents left out). */
export function overallScore(documents: ReadonlyArray<Pick<DocumentReport, 'score' | 'operationCount' | 'error'>>): number {
  let weighted = 0;
  let total = 0;
  for (const document of documents) {
    if (document.error !== undefined) continue;
    const weight = Math.max(1, document.operationCount);
    weighted += document.score * weight;
    total += weight;
  }
  return total === 0 ? 100 : Math.round(weighted / total);
}
