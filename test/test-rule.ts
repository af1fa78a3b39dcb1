// One rule, alone, on whole documents: the shape of Spectral's own ruleset tests (`testRule(id, cases)`),
// so each case states every finding the rule makes on its document, and nothing else may appear.
import type { ISpectralDiagnostic, RulesetDefinition } from '@stoplight/spectral-core';
import type { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { createRuleset, type ApiSecurityOptions, type RuleId } from '../index.js';
import { lint, type Doc } from './helpers.js';

/** `expect.stringContaining(…)` or `expect.stringMatching(…)` (vitest types them as `any`). */
type MessageMatcher = ReturnType<typeof expect.stringContaining>;

/** One finding a case expects: where it is reported, how severe it is, and what it says. */
export interface ExpectedFinding {
  path: string[];
  severity: DiagnosticSeverity;
  message: string | MessageMatcher;
}

export interface RuleCase {
  name: string;
  /** An object (written as YAML) or YAML text. */
  document: Doc | string;
  /** Options for `createRuleset`; the rule is built from them. */
  options?: ApiSecurityOptions;
  /** Every finding of the rule on `document`: `[]` for a look-alike the rule must leave alone. */
  errors: ExpectedFinding[];
}

/**
 * A ruleset with only `ruleId` on, built from `options` the way `createRuleset` builds it. A rule
 * that is off by default (`recommended: false`) runs too: it is under test.
 */
export function onlyRule(ruleId: RuleId, options: ApiSecurityOptions = {}): RulesetDefinition {
  const { formats, rules } = createRuleset(options);
  const { recommended: _offByDefault, ...row } = rules[ruleId];
  return { formats, rules: { [ruleId]: row } } as unknown as RulesetDefinition;
}

/** The rule alone, its function given `functionOptions` in place of the table's: to check what the function accepts. */
export function withFunctionOptions(ruleId: RuleId, functionOptions: unknown): RulesetDefinition {
  const { formats, rules } = createRuleset();
  const row = rules[ruleId];
  return { formats, rules: { [ruleId]: { ...row, then: { ...row.then, functionOptions } } } } as unknown as RulesetDefinition;
}

interface Finding {
  code: string | number;
  path: Array<string | number>;
  severity: DiagnosticSeverity;
  message: unknown;
}

/**
 * Findings in path order, then by message text (a matcher counts as empty), so a case lists them in
 * any order. Two findings at one path pair up reliably only when their messages are stated as text.
 */
function byPath<T extends Finding>(findings: T[]): T[] {
  const key = (f: Finding) => f.path.join('\u0000');
  const text = (f: Finding) => (typeof f.message === 'string' ? f.message : '');
  return [...findings].sort((a, b) => key(a).localeCompare(key(b)) || text(a).localeCompare(text(b)));
}

/** The findings as a case states them. */
function asStated(results: ISpectralDiagnostic[]): Finding[] {
  return results.map(r => ({ code: r.code, path: r.path, severity: r.severity, message: r.message }));
}

/** One `it` per case, inside `describe(ruleId)`: lints each document with the rule alone and compares every finding. */
export function testRule(ruleId: RuleId, cases: RuleCase[]): void {
  describe(ruleId, () => {
    for (const { name, document, options, errors } of cases) {
      it(name, async () => {
        const results = await lint(document, onlyRule(ruleId, options));
        expect(byPath(asStated(results))).toEqual(byPath(errors.map(e => ({ code: ruleId, ...e }))));
      });
    }
  });
}
