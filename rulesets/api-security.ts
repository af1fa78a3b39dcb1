import type { RulesetDefinition } from '@stoplight/spectral-core';
import type { ListOption } from '../functions/core/defaults.js';
import { authRules, type AuthOptions } from './auth.js';
import { dataExposureRules, type DataExposureOptions } from './data.js';
import { outboundRules, type OutboundOptions } from './outbound.js';
import { headersRules } from './headers.js';
import { inventoryRules, type InventoryOptions } from './inventory.js';
import { resolveLists, validateOptions } from './options.js';
import { resourceRules, type ResourceOptions } from './resource.js';
import { ALL_FORMATS, type RuleRow } from './rule.js';
import { secretsRules, type SecretsOptions } from './secrets.js';
import { transportRules, type TransportOptions } from './transport.js';

/** The word-list options of `createRuleset`, each `{ add, remove }`. */
export type ListOptions = AuthOptions & ResourceOptions & DataExposureOptions & SecretsOptions & TransportOptions & OutboundOptions & InventoryOptions;

/** Options for `createRuleset`: one object for the whole ruleset, every field optional. */
export interface ApiSecurityOptions extends ListOptions {
  /**
   * Where the rules' documentation pages live (each rule's `documentationUrl` is this plus
   * `<rule-id>.md`): for a fork, a mirror or an intranet copy of the docs. Defaults to the
   * repository that package.json declares.
   */
  documentationBaseUrl?: string;
}

// Every list option of createRuleset is a list under its one name, and every list is an option: the compiler checks both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const ONE_VOCABULARY: Same<keyof ListOptions, ListOption> = true;
void ONE_VOCABULARY;

/** The id of every rule of the ruleset. */
export type RuleId = keyof ReturnType<typeof authRules> | keyof ReturnType<typeof resourceRules> | keyof ReturnType<typeof dataExposureRules> | keyof ReturnType<typeof secretsRules> | keyof ReturnType<typeof transportRules> | keyof ReturnType<typeof outboundRules> | keyof ReturnType<typeof headersRules> | keyof ReturnType<typeof inventoryRules>;

/** The ruleset as Spectral takes it, with its rules typed for teams (and tests) that read or override one. */
export type ApiSecurityRuleset = RulesetDefinition & { formats: unknown[]; rules: Record<RuleId, RuleRow> };

/** Builds the ruleset from one options object; `createRuleset()` is the default ruleset. */
export function createRuleset(options: ApiSecurityOptions = {}): ApiSecurityRuleset {
  validateOptions(options);
  const lists = resolveLists(options);
  const rules = {
    ...authRules(lists),
    ...resourceRules(lists),
    ...dataExposureRules(lists),
    ...secretsRules(lists),
    ...transportRules(lists),
    ...outboundRules(lists),
    ...headersRules(lists),
    ...inventoryRules(lists),
  };
  if (options.documentationBaseUrl !== undefined) {
    const base = options.documentationBaseUrl.endsWith('/') ? options.documentationBaseUrl : `${options.documentationBaseUrl}/`;
    for (const [id, row] of Object.entries(rules)) (row as RuleRow).documentationUrl = `${base}${id}.md`;
  }
  return { formats: ALL_FORMATS, rules } as unknown as ApiSecurityRuleset;
}

export const apiSecurityRuleset = createRuleset();

/** The default ruleset's rules, by id. */
export const rules: Record<RuleId, RuleRow> = apiSecurityRuleset.rules;
