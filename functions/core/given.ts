// The nodes a rule's `given` selects, found without Spectral's JSONPath engine, so the rule wrapper
// can judge every target of a rule at once (functions/core/rule-function.ts). Only the plain forms our
// rules use are understood: `$`, `$.a.b`, `$.a.b[*]`; anything else is left to Spectral.

import { cachedPer, type JsonPath } from '../analysis/index.js';

export interface GivenTarget {
  value: unknown;
  path: JsonPath;
}

const PLAIN = /^\$((?:\.[A-Za-z_$][\w$-]{0,127}){0,16})(\[\*\])?$/;

/**
 * The targets of one expression on one document, shared by every rule given it: about twenty rules
 * are given `$.paths[*]`, and the document's maps are Spectral's key-ordering proxies, on which
 * listing the keys of 50,000 path items is slow. Read-only: checks never change a target's path.
 */
const targetsPerRoot = cachedPer<object, Map<string, readonly GivenTarget[] | undefined>>(() => new Map());

function sharedTargetsOf(root: unknown, expression: string): readonly GivenTarget[] | undefined {
  if (typeof root !== 'object' || root === null) return targetsOf(root, expression);
  const byExpression = targetsPerRoot(root);
  if (!byExpression.has(expression)) byExpression.set(expression, targetsOf(root, expression));
  return byExpression.get(expression);
}

/** The targets of one expression; undefined when it is not of a plain form. */
export function targetsOf(root: unknown, expression: string): GivenTarget[] | undefined {
  const parsed = PLAIN.exec(expression);
  if (!parsed) return undefined;
  const keys = parsed[1] ? parsed[1].slice(1).split('.') : [];
  let node = root;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return [];
    node = (node as Record<string, unknown>)[key];
  }
  // Spectral does not call a rule for a missing node.
  if (node === undefined) return [];
  if (!parsed[2]) return [{ value: node, path: keys }];
  if (typeof node !== 'object' || node === null) return [];
  if (Array.isArray(node)) return node.map((value, index) => ({ value, path: [...keys, index] }));
  return Object.keys(node).map(key => ({ value: (node as Record<string, unknown>)[key], path: [...keys, key] }));
}

/**
 * Every target of a rule, in the order Spectral meets them, or undefined when the rule's `given`
 * (or a `field` in its `then`) is of a form only Spectral's engine evaluates.
 */
export function ruleTargets(rule: unknown, root: unknown): readonly GivenTarget[] | undefined {
  const { given, then } = (rule ?? {}) as { given?: unknown; then?: unknown };
  const expressions = Array.isArray(given) ? given : [given];
  if (expressions.length === 0 || !expressions.every(e => typeof e === 'string')) return undefined;
  const thens = Array.isArray(then) ? then : [then];
  if (thens.length !== 1 || (typeof thens[0] === 'object' && thens[0] !== null && 'field' in thens[0] && (thens[0] as { field?: unknown }).field !== undefined)) return undefined;
  if (expressions.length === 1) return sharedTargetsOf(root, expressions[0] as string);
  const out: GivenTarget[] = [];
  for (const expression of expressions as string[]) {
    const targets = sharedTargetsOf(root, expression);
    if (!targets) return undefined;
    for (const target of targets) out.push(target);
  }
  return out;
}
