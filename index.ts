import { apiSecurityRuleset } from './rulesets/api-security.js';

export { createRuleset, apiSecurityRuleset, rules } from './rulesets/api-security.js';
export type { ApiSecurityOptions, ApiSecurityRuleset, RuleId } from './rulesets/api-security.js';
export type { RuleRow, Severity } from './rulesets/rule.js';
export type { ListOverride } from './rulesets/options.js';
export { DEFAULT_LISTS } from './functions/core/defaults.js';
export { OWASP } from './rulesets/owasp.js';
export * as functions from './functions/index.js';

export default apiSecurityRuleset;
