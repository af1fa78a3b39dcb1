// Baselines: the findings a team has accepted for now. Written with --write-baseline, read with
// --baseline: findings listed there are reported as known and never fail the run; entries no longer
// found are reported as fixed. Entries are matched by document, rule and fingerprint (fingerprint.ts),
// so moving or reformatting the description keeps them matched.
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from './files.js';
import type { DocumentReport, FixedEntry } from './report.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  document: string;
  rule: string;
  fingerprint: string;
  /** For the people reading the file; matching ignores it. */
  message: string;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

const keyOf = (entry: { document: string; rule: string; fingerprint: string }) => `${entry.document}\u0000${entry.rule}\u0000${entry.fingerprint}`;

export function baselineOf(documents: readonly DocumentReport[]): Baseline {
  const entries = documents.flatMap(document =>
    document.findings.map(finding => ({ document: document.document, rule: finding.rule, fingerprint: finding.fingerprint, message: finding.message })),
  );
  return { version: BASELINE_VERSION, entries };
}

export function writeBaseline(file: string, documents: readonly DocumentReport[]): void {
  try {
    writeFileSync(file, JSON.stringify(baselineOf(documents), null, 2) + '\n');
  } catch (error) {
    throw new InputError(`Cannot write baseline ${file}: ${(error as Error).message}`);
  }
}

/** Reads and checks a baseline file; anything else is an InputError naming the file. */
export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`Cannot read baseline ${file}: ${(error as Error).message}`);
  }
  const entries = (data as { entries?: unknown })?.entries;
  if (typeof data !== 'object' || data === null || !Array.isArray(entries)) throw new InputError(`Baseline ${file} has no "entries" list`);
  const valid = entries.filter(
    (entry): entry is BaselineEntry =>
      typeof entry === 'object' && entry !== null && ['document', 'rule', 'fingerprint'].every(key => typeof (entry as Record<string, unknown>)[key] === 'string'),
  );
  if (valid.length !== entries.length) throw new InputError(`Baseline ${file}: every entry needs a document, rule and fingerprint`);
  return { version: Number((data as { version?: unknown }).version) || BASELINE_VERSION, entries: valid };
}

/**
 * Marks the findings the baseline lists as `baselined` (each entry matches one finding: two identical
 * findings need two entries) and returns the entries of the linted documents that matched none.
 */
export function applyBaseline(documents: DocumentReport[], baseline: Baseline): FixedEntry[] {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) {
    const list = remaining.get(keyOf(entry));
    if (list) list.push(entry);
    else remaining.set(keyOf(entry), [entry]);
  }
  for (const document of documents) {
    for (const finding of document.findings) {
      const list = remaining.get(keyOf({ document: document.document, rule: finding.rule, fingerprint: finding.fingerprint }));
      if (list && list.length > 0) {
        list.pop();
        finding.baselined = true;
      }
    }
  }
  // Only documents of this run can say an entry is fixed: linting one file of many fixes nothing elsewhere.
  const linted = new Set(documents.filter(document => document.error === undefined).map(document => document.document));
  return [...remaining.values()]
    .flat()
    .filter(entry => linted.has(entry.document))
    .map(({ document, rule, fingerprint }) => ({ document, rule, fingerprint }));
}
