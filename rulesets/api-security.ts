import type { RulesetDefinition } from '@stoplight/spectral-core';
import type { ListOption } from '../functions/core/defaults.js';
import { authRules, type AuthOptions } from './auth.js';
import { dataExposureRules, type DataExposureOptions } from './data.js';
import { resolveLists } from './options.js';
import { resourceRules, type ResourceOptions } from './resource.js';
import { ALL_FORMATS, type RuleRow } from './rule.js';
import { secretsRules, type SecretsOptions } from './secrets.js';
import { transportRules, type TransportOptions } from './transport.js';

/** Options for `createRuleset`: one object for the whole ruleset, every field optional. */
export type ApiSecurityOptions = AuthOptions & ResourceOptions & DataExposureOptions & SecretsOptions & TransportOptions;

// Every option of createRuleset is a list option under its one name, and every list option is an option: the compiler checks both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const ONE_VOCABULARY: Same<keyof ApiSecurityOptions, ListOption> = true;
void ONE_VOCABULARY;

/** The id of every rule of the ruleset. */
export type RuleId = keyof ReturnType<typeof authRules> | keyof ReturnType<typeof resourceRules> | keyof ReturnType<typeof dataExposureRules> | keyof ReturnType<typeof secretsRules> | keyof ReturnType<typeof transportRules>;

/** The ruleset as Spectral takes it, with its rules typed for teams (and tests) that read or override one. */
export type ApiSecurityRuleset = RulesetDefinition & { formats: unknown[]; rules: Record<RuleId, RuleRow> };

/** Builds the ruleset from one options object; `createRuleset()` is the default ruleset. */
export function createRuleset(options: ApiSecurityOptions = {}): ApiSecurityRuleset {
  const lists = resolveLists(options);
  const rules = {
    ...authRules(lists),
    ...resourceRules(lists),
    ...dataExposureRules(lists),
    ...secretsRules(lists),
    ...transportRules(lists),
  };
  return { formats: ALL_FORMATS, rules } as unknown as ApiSecurityRuleset;
}

export const apiSecurityRuleset = createRuleset();

/** The default ruleset's rules, by id. */
export const rules: Record<RuleId, RuleRow> = apiSecurityRuleset.rules;
