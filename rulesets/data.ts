import type { ListOverride } from './options.js';
import type { RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface DataExposureOptions {
  /** Placeholder until the family's first rule lands. */
  _?: ListOverride;
}

/** Data exposure and mass assignment (OWASP API3), error details (API8). */
export function dataExposureRules(_options: DataExposureOptions): RuleDefinitions {
  return {};
}
