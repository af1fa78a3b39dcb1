// The result of one run of the command-line tool over one or more descriptions: what every
// output format (text, JSON, SARIF, Markdown, HTML) and every gate (severity, score, baseline)
// reads. Formats never lint; the runner never formats.

export type SeverityName = 'error' | 'warn' | 'info' | 'hint';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ReportFinding {
  /** Rule id: one of ours, or any other rule of the user's ruleset. */
  rule: string;
  severity: SeverityName;
  message: string;
  /** JSON path of the finding in its document. */
  path: Array<string | number>;
  range: { start: Position; end: Position };
  /** OWASP API Security Top 10 2023 category (`API1`…`API10`) when the rule has one. */
  owasp?: string;
  /**
   * How many operations the finding concerns: 1 for a finding on or inside one operation, the
   * number it names for a document-level finding ("3 operation(s)…"), 1 when nothing says.
   */
  operations: number;
  /** Survives line moves and reformatting: rule, JSON path and the finding's subject. */
  fingerprint: string;
  /** Listed in the baseline given with `--baseline`: reported as known, never failing the run. */
  baselined?: boolean;
}

export interface DocumentReport {
  /** The description's path as the user gave it (relative to the working directory, `/` separators). */
  document: string;
  /** Operations in the description (`paths` and `webhooks`, one per method). */
  operationCount: number;
  findings: ReportFinding[];
  /** Posture score 0–100 (docs/score.md). */
  score: number;
  /** Set when the file could not be read or parsed; then it has no findings and no score of its own. */
  error?: string;
}

export interface RuleInfo {
  id: string;
  description: string;
  severity: SeverityName;
  owasp?: string;
  /** CWE ids, e.g. `CWE-306`. */
  cwe: string[];
  /** The rule's documentation page. */
  helpUri?: string;
  /** Help text in Markdown, from the documentation page. */
  help?: string;
}

export interface FixedEntry {
  document: string;
  rule: string;
  fingerprint: string;
}

export interface Report {
  tool: { name: string; version: string };
  documents: DocumentReport[];
  /** Every rule that produced a finding, and every rule of this package. */
  rules: Record<string, RuleInfo>;
  /** Overall posture score 0–100 across the documents (docs/score.md). */
  score: number;
  /** Baseline entries that no longer occur: fixed since the baseline was written. */
  fixed: FixedEntry[];
}
