import { entries, has, isObject, type JsonObject, type JsonPath } from './json.js';
import { cachedPer } from './cache.js';

/**
 * In-spec exemptions: `x-api-security-exemptions` on the root, a path item or an
 * operation maps rule ids to the reason the team accepts the finding, e.g.
 *   x-api-security-exemptions:
 *     auth-read-operation-unprotected: Health probe for the load balancer; returns no data.
 * An entry without a non-empty reason exempts nothing and is itself reported.
 */
export const EXEMPTIONS_KEY = 'x-api-security-exemptions';

/** A malformed exemption: a map without a reason for `rule`, or (no `rule`) a value that is not a map. */
export interface ExemptionProblem {
  path: JsonPath;
  rule?: string;
}

export interface ExemptionScope {
  /** Rule ids this scope exempts, each with a reason. */
  rules: ReadonlyMap<string, string>;
  problems: ExemptionProblem[];
}

const EMPTY: ExemptionScope = { rules: new Map(), problems: [] };

export function readExemptions(owner: unknown, ownerPath: JsonPath): ExemptionScope {
  if (!has(owner, EXEMPTIONS_KEY)) return EMPTY;
  const raw = (owner as JsonObject)[EXEMPTIONS_KEY];
  const path = [...ownerPath, EXEMPTIONS_KEY];
  if (!isObject(raw)) {
    return {
      rules: new Map(),
      problems: [{ path }],
    };
  }
  const rules = new Map<string, string>();
  const problems: ExemptionProblem[] = [];
  for (const [rule, reason] of entries(raw)) {
    if (typeof reason === 'string' && reason.trim().length > 0) rules.set(rule, reason.trim());
    else problems.push({ path: [...path, rule], rule });
  }
  return { rules, problems };
}

/** The exemptions of a document: the root's, and those of each path item, operation and security scheme. */
export interface Exemptions {
  root: ExemptionScope;
  /** Keyed by the path item, operation or security scheme object. */
  byNode: WeakMap<object, ExemptionScope>;
  all: ExemptionScope[];
}

interface Holder {
  node: JsonObject;
  path: JsonPath;
}

/**
 * Reads every exemption the analysis knows where to look for. Objects it does not register
 * (schemas, parameters…) are read on demand by `exemptionReason`.
 */
export function collectExemptions(root: JsonObject, holders: Iterable<Holder>): Exemptions {
  const rootScope = readExemptions(root, []);
  const byNode = new WeakMap<object, ExemptionScope>();
  const all: ExemptionScope[] = [rootScope];
  for (const { node, path } of holders) {
    if (byNode.has(node)) continue;
    const scope = readExemptions(node, path);
    byNode.set(node, scope);
    all.push(scope);
  }
  return { root: rootScope, byNode, all };
}

/** Exemptions of objects the analysis did not register, read once each. */
const unregistered = cachedPer<object, ExemptionScope>(node => readExemptions(node, []));

interface Exempted {
  node: object;
  pathItem: object;
}

/** The reason a rule is exempted for a node (a schema, a security scheme…), an operation (or its path item), or the whole document. */
export function exemptionReason(scope: { exemptions: Exemptions }, rule: string, operation?: Exempted, node?: object): string | undefined {
  const { exemptions } = scope;
  const own = node ? (exemptions.byNode.get(node) ?? unregistered(node)).rules.get(rule) : undefined;
  if (own !== undefined) return own;
  if (operation) {
    const own = exemptions.byNode.get(operation.node)?.rules.get(rule);
    if (own !== undefined) return own;
    const item = exemptions.byNode.get(operation.pathItem)?.rules.get(rule);
    if (item !== undefined) return item;
  }
  return exemptions.root.rules.get(rule);
}

export function isExempt(scope: { exemptions: Exemptions }, rule: string, operation?: Exempted, node?: object): boolean {
  return exemptionReason(scope, rule, operation, node) !== undefined;
}
