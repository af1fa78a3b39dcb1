import type { RulesetDefinition } from '@stoplight/spectral-core';
import { authRules } from './auth.js';
import { dataExposureRules, type DataExposureOptions } from './data.js';
import type { AuthOptions } from './options.js';
import { resourceRules, type ResourceOptions } from './resource.js';
import { ALL_FORMATS } from './rule.js';
import { secretsRules, type SecretsOptions } from './secrets.js';
import { transportRules, type TransportOptions } from './transport.js';

/** Options for `createRuleset`: one object for the whole ruleset, every field optional. */
export type ApiSecurityOptions = AuthOptions & ResourceOptions & DataExposureOptions & SecretsOptions & TransportOptions;

/** Builds the ruleset from one options object; `createRuleset()` is the default ruleset. */
export function createRuleset(options: ApiSecurityOptions = {}): RulesetDefinition {
  const rules = {
    ...authRules(options),
    ...resourceRules(options),
    ...dataExposureRules(options),
    ...secretsRules(options),
    ...transportRules(options),
  };
  return { formats: ALL_FORMATS, rules } as unknown as RulesetDefinition;
}

export const apiSecurityRuleset = createRuleset();
