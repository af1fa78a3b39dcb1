import { entries, has, isObject, type JsonObject, type JsonPath } from './json.js';
import { quote } from '../core/message.js';

/**
 * In-spec exemptions: `x-api-security-exemptions` on the root, a path item or an
 * operation maps rule ids to the reason the team accepts the finding, e.g.
 *   x-api-security-exemptions:
 *     auth-read-operation-unprotected: Health probe for the load balancer; returns no data.
 * An entry without a non-empty reason exempts nothing and is itself reported.
 */
export const EXEMPTIONS_KEY = 'x-api-security-exemptions';

export interface ExemptionProblem {
  path: JsonPath;
  message: string;
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
      problems: [{ path, message: `"${EXEMPTIONS_KEY}" must map rule ids to the reason for each exemption, e.g. "auth-read-operation-unprotected: Public status page".` }],
    };
  }
  const rules = new Map<string, string>();
  const problems: ExemptionProblem[] = [];
  for (const [rule, reason] of entries(raw)) {
    if (typeof reason === 'string' && reason.trim().length > 0) rules.set(rule, reason.trim());
    else problems.push({ path: [...path, rule], message: `Exemption from ${quote(rule)} has no reason: write why the finding is accepted, or remove the exemption (it has no effect until it has a reason).` });
  }
  return { rules, problems };
}
