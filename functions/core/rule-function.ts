import { createRulesetFunction } from '@stoplight/spectral-core';
import type { IFunctionResult, RulesetFunctionContext, RulesetFunctionWithValidator } from '@stoplight/spectral-core';
import type { JSONSchema7 } from 'json-schema';
import { analyse, cachedPer, canonicalPath, isExempt, type Analysis, type JsonPath, type Operation, type UseContext } from '../analysis/index.js';
import type { CREDENTIAL_PARAMETER_LISTS, ROLE_LIST_NAMES } from './defaults.js';
import { mergeInlineCopies } from './copies.js';
import { ruleTargets } from './given.js';
import { MAX_PATH_KEY, safeMessage, shown } from './message.js';
import { summariseLargeGroups, type Reported } from './summary.js';

export interface Finding {
  message: string;
  /** Where the flaw is written, from the document root. */
  path: JsonPath;
  /** The operation the finding is about, so its (and its path item's) exemptions apply. */
  operation?: Operation;
  /** Another node whose exemptions apply (a security scheme, for findings about its definition). */
  exemptIn?: object;
  /**
   * For findings on shared schemas: the classes of operations that reach it. The finding is
   * dropped when every one of them is exempt from the rule.
   */
  uses?: Iterable<UseContext>;
}

function everyUseExempt(analysis: Analysis, rule: string, uses: Iterable<UseContext>): boolean {
  let any = false;
  for (const use of uses) {
    any = true;
    if (!use.operation || !isExempt(analysis, rule, use.operation)) return false;
  }
  return any;
}

/** What one rule has done in one lint run. */
interface RunState {
  /** Findings already returned (path and message), so a shared component is reported once. */
  seen: Set<string>;
  /** Every target of the rule was judged at its first call: later calls have nothing to add. */
  judgedAll: boolean;
}

/**
 * Per lint run and rule. Rules given `$.paths[*]` meet a shared component (a `$ref`ed parameter,
 * response or schema) once per path item using it; Spectral would drop the repeats only after
 * locating each of them in the source, which on large descriptions costs more than finding them.
 * Keyed on the run's document inventory, which Spectral creates afresh for every run, so
 * re-linting the same Document reports everything again.
 */
const runs = cachedPer<object, Map<string, RunState>>(() => new Map());

function runState(context: RulesetFunctionContext, rule: string): RunState | undefined {
  const run = context.documentInventory as object | undefined;
  if (typeof run !== 'object' || run === null || !rule) return undefined;
  const byRule = runs(run);
  let state = byRule.get(rule);
  if (!state) byRule.set(rule, (state = { seen: new Set(), judgedAll: false }));
  return state;
}

export interface Check<O> {
  analysis: Analysis;
  options: O;
  /** The node matched by the rule's `given` (unresolved: rules run with `resolved: false`). */
  target: unknown;
  path: JsonPath;
  /** The id of the rule running the check, for checks that summarise several operations' exemptions. */
  rule: string;
}

/**
 * Wraps a check over the shared analysis as a Spectral function: options are validated
 * (and defaulted), exemptions are honoured, duplicates dropped, the same finding in every inline
 * copy of one parameter reported once, and a failure inside a check never escapes into the
 * user's lint run.
 */
export function analysisFunction<O extends object>(
  name: string,
  optionsSchema: JSONSchema7,
  defaults: O,
  check: (input: Check<O>) => Iterable<Finding>,
): RulesetFunctionWithValidator<unknown, Partial<O> | null> {
  const fn = {
    [name](target: unknown, options: Partial<O> | null, context: RulesetFunctionContext): IFunctionResult[] {
      try {
        const rule = (context.rule as { name?: string } | undefined)?.name ?? '';
        const state = runState(context, rule);
        // Checked first: a rule given `$.paths[*]` is called once per path item, every call after the first is a no-op.
        if (state?.judgedAll) return [];
        const analysis = analyse(context.document.data, context.document);
        const merged = { ...defaults, ...(options ?? {}) } as O;
        // The first call of a run judges every target of the rule, so the rule's findings can be
        // seen whole (and thousands under one map reported once); otherwise just this target.
        const all = state ? ruleTargets(context.rule, context.document.data) : undefined;
        if (state && all) state.judgedAll = true;
        const targets = all ?? [{ value: target, path: [...context.path] }];
        // Judged all at once, repeats can only meet within this call: a set of this call's, dropped with
        // it, rather than keys of every finding kept for the rest of the run (on 50,000 path items
        // hundreds of MB, which every later collection of the run walks again).
        const seen = all || !state ? new Set<string>() : state.seen;
        const results: IFunctionResult[] = [];
        for (const current of targets) {
          try {
            for (const finding of check({ analysis, options: merged, target: current.value, path: current.path, rule })) {
              if (isExempt(analysis, rule, finding.operation, finding.exemptIn)) continue;
              if (finding.uses && everyUseExempt(analysis, rule, finding.uses)) continue;
              const message = safeMessage(finding.message);
              // A finding inside a YAML alias belongs where the anchor is written: once, and locatable.
              const path = canonicalPath(analysis.aliases, analysis.root, finding.path);
              const key = `${path.join('\u0001')}\u0000${message}`;
              if (seen.has(key)) continue;
              seen.add(key);
              results.push({ message, path });
            }
          } catch (error) {
            // One target the check cannot read costs its own findings only, not the other targets'.
            if (process.env.SPECTRAL_API_SECURITY_STRICT === '1') throw error;
          }
        }
        return summariseLargeGroups(mergeInlineCopies(results as Reported[], analysis), analysis.root);
      } catch (error) {
        // Untrusted documents must never break a user's lint run; the test suite runs strict to surface bugs.
        if (process.env.SPECTRAL_API_SECURITY_STRICT === '1') throw error;
        return [];
      }
    },
  }[name];
  return createRulesetFunction<unknown, Partial<O> | null>({ input: null, options: { ...optionsSchema } }, fn);
}

/** JSON Schema for a list of strings option. */
export const stringList = (description: string): JSONSchema7 => ({ type: 'array', items: { type: 'string' }, description });

/** The option schemas of the role vocabulary, for functions that read operation roles. */
export function roleOptionSchemas(): Record<(typeof ROLE_LIST_NAMES)[number], JSONSchema7> {
  return {
    credentialEntryNames: stringList('Names that make a submitting operation a credential entry (sign-in, sign-up, token, password reset…).'),
    selfServiceNames: stringList("Path names of the caller's own resources (me, user, account, profile…)."),
    adminMarkers: stringList('Words that mark a path segment, tag or scope as administrative.'),
    privilegedNames: stringList('Last path segments that make an operation privileged (staff actions, role and member management, settings, catalogue, audit).'),
    publicMetadataNames: stringList('Path names of public metadata reads (health, status, version, openapi…).'),
  };
}

/** The option schemas of the lists that tell a credential taken as a parameter. */
export function credentialParameterOptionSchemas(): Record<(typeof CREDENTIAL_PARAMETER_LISTS)[number], JSONSchema7> {
  return {
    credentialParameterNames: stringList('Query parameter names that carry credentials.'),
    credentialHeaderNames: stringList('Header and cookie parameter names that carry credentials.'),
    sessionCookieNames: stringList('Cookie names that hold a session.'),
  };
}

export function objectOptions(properties: Record<string, JSONSchema7>): JSONSchema7 {
  return { type: ['object', 'null'], properties, additionalProperties: false };
}

export function describe(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${shown(operation.pathKey, MAX_PATH_KEY)}`;
}

/** A few operations by name, for a message that stands for many: the first three and how many more. */
export function sample(operations: readonly Operation[]): string {
  const named = operations.slice(0, 3).map(describe).join(', ');
  return operations.length > 3 ? `${named} and ${operations.length - 3} more` : named;
}
