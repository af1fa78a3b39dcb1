import type { ListOverride } from './options.js';
import type { RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface TransportOptions {
  /** Placeholder until the family's first rule lands. */
  _?: ListOverride;
}

/** Plain-text transport (OWASP API8). */
export function transportRules(_options: TransportOptions): RuleDefinitions {
  return {};
}
