import { leadingWords, literalSegments, words } from './names.js';
import type { Operation } from './operations.js';
import { SUBMIT_METHODS } from './spec.js';

/** Words of a phrase plus each adjacent pair joined, so `sign-in`, `signIn` and `signin` all give `signin`. */
function vocabulary(text: string): string[] {
  const list = words(text);
  const out = [...list];
  for (let i = 0; i + 1 < list.length; i++) out.push(list[i] + list[i + 1]);
  return out;
}

function matches(candidates: string[], set: ReadonlySet<string>): string | undefined {
  for (const word of candidates) {
    if (set.has(word)) return word;
    if (word.length > 3 && word.endsWith('s') && set.has(word.slice(0, -1))) return word.slice(0, -1);
    if (word.length > 4 && word.endsWith('es') && set.has(word.slice(0, -2))) return word.slice(0, -2);
  }
  return undefined;
}

/** The leading verb of an operationId or summary, and its pair (`Sign in`, `logIn`). */
function leadingVerb(text: unknown): string[] {
  const list = leadingWords(text);
  return list.length > 1 ? [list[0], list[0] + list[1]] : [...list];
}

/**
 * The expensive or bulk word that makes an operation abuse-prone by volume (search, export,
 * upload…), or undefined. Matched on the words of the literal path segments, and on the leading
 * verb of the operationId and the summary only: ids like `PostShippingRatesShippingRateToken`
 * and summaries like "Get a SARIF upload" name things, not the work. (Credential entry, the
 * other kind of abuse-prone operation, is an operation role: roles.ts.)
 */
export function expensiveOperationReason(operation: Operation, expensiveWords: ReadonlySet<string>): string | undefined {
  const segments = literalSegments(operation.pathKey);
  const leading = [...leadingVerb(operation.node.operationId), ...leadingVerb(operation.node.summary)];
  const submits = SUBMIT_METHODS.has(operation.method);
  // On reads, an expensive word counts only where it names the operation itself (the last literal
  // segment, or the leading verb): `GET /export/cve/executions` lists past exports, it is not one.
  const expensiveCandidates = submits ? [...segments.flatMap(vocabulary), ...leading] : [...vocabulary(segments[segments.length - 1] ?? ''), ...leading];
  return matches(expensiveCandidates, expensiveWords);
}
