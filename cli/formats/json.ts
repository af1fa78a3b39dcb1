// The Report as it is, for scripts and dashboards.
import type { Report } from '../report.js';

export function json(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
