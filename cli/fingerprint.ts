// A finding's identity across runs, for baselines and code-scanning alerts (SARIF partialFingerprints).
// Built from what the finding is about, never from where it is printed: the rule, the JSON path and
// the message's subject. Lines and columns are left out, so moving or reindenting the YAML (or
// converting it to the same content in JSON) keeps every fingerprint; two identical findings on
// different paths still differ through the path.
import { createHash } from 'node:crypto';

/** Numbers vary without the finding changing ("3 operation(s)" becomes 4; "line 12" moves): masked. */
export function normalizeMessage(message: string): string {
  return String(message)
    .replace(/\b(?:lines?|col(?:umn)?s?)\s*[:#]?\s*\d+(?:\s*[:,-]\s*\d+)*/gi, 'line #')
    .replace(/\d+(?:\.\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** sha256 (hex, first 32 characters) of rule id, JSON path and normalized message. */
export function fingerprint(rule: string, path: ReadonlyArray<string | number>, message: string): string {
  // JSON.stringify keeps `["a.b"]` and `["a","b"]` apart, which a dotted join would not.
  const subject = JSON.stringify([String(rule), path.map(segment => String(segment)), normalizeMessage(message)]);
  return createHash('sha256').update(subject).digest('hex').slice(0, 32);
}
