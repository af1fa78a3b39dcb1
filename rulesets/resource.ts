import type { ListOverride } from './options.js';
import type { RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface ResourceOptions {
  /** Placeholder until the family's first rule lands. */
  _?: ListOverride;
}

/** Rate limiting and resource consumption (OWASP API4, API6). */
export function resourceRules(_options: ResourceOptions): RuleDefinitions {
  return {};
}
