import type { ListOverride } from './options.js';
import type { RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface SecretsOptions {
  /** Placeholder until the family's first rule lands. */
  _?: ListOverride;
}

/** Secrets leaked in examples, defaults, descriptions and URLs (OWASP API8). */
export function secretsRules(_options: SecretsOptions): RuleDefinitions {
  return {};
}
