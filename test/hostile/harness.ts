// Shared by the hostile-input suite: linting that fails loudly when one of our functions throws,
// the ruleset with and without format gating, and the seed and run count of property tests.
import { Document, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ruleset, { rules as ruleTable, type RuleId, type RuleRow } from '../../index.js';
import { targetsOf } from '../../functions/core/given.js';

export type Results = ISpectralDiagnostic[];

function makeDocument(text: string, format: 'json' | 'yaml', source = format === 'json' ? 'openapi.json' : 'openapi.yaml'): Document {
  return (format === 'json' ? new Document(text, Json, source) : new Document(text, Yaml, source)) as unknown as Document;
}

/** The ids of every rule of ours. */
export const OUR_RULES: readonly string[] = Object.keys(ruleTable);

/** Rules of ours by id, as `runDirect` reads them (the ungated ones have no `formats`). */
export interface RuleTable {
  rules: Partial<Record<RuleId, Omit<RuleRow, 'formats'>>>;
}

/** A ruleset of ours as Spectral takes it, with its rule table typed: the ruleset, or the ungated one. */
export type OurRuleset = RulesetDefinition & RuleTable;

/**
 * The ruleset with every format restriction removed: Spectral runs our rules only on documents it
 * recognises as OpenAPI 2.0/3.0/3.1, so hostile roots (`openapi: 3`, `swagger: [2]`, no version at
 * all) would otherwise never reach our functions. Without `formats`, every rule runs on every document.
 */
export const UNGATED: OurRuleset = (() => {
  const rules = Object.fromEntries(Object.entries(ruleTable).map(([id, { formats: _formats, ...rest }]) => [id, rest]));
  // Spectral's own type of a rule does not know our functions' signature.
  return { rules } as unknown as OurRuleset;
})();

export const RULESETS: ReadonlyArray<[string, OurRuleset]> = [
  ['ruleset', ruleset],
  ['ungated ruleset', UNGATED],
];

/**
 * Our functions swallow their own errors for users unless SPECTRAL_API_SECURITY_STRICT=1
 * (functions/core/rule-function.ts); vitest.config.mts sets it. Without it a throw would pass
 * silently, so every hostile test checks it first.
 */
export function assertStrict(): void {
  if (process.env.SPECTRAL_API_SECURITY_STRICT !== '1') {
    throw new Error('SPECTRAL_API_SECURITY_STRICT must be 1 (vitest.config.mts sets it): otherwise our functions swallow their errors and this suite proves nothing');
  }
}

/**
 * How Spectral reports a function that throws (spectral-core/dist/runner/lintNode.js wraps it as
 * `Function "<name>" threw an exception: <message>`; nimma collects the callback errors and
 * `Spectral.run` rejects with `AggregateError("Error running Nimma")`): the run rejects, so a throw
 * cannot go unnoticed. This turns the rejection into one readable error for fast-check's report.
 */
function explain(error: unknown): Error {
  const inner = (error as { errors?: unknown[] })?.errors;
  const details = Array.isArray(inner) ? inner.map(e => (e instanceof Error ? e.message : String(e))).join('; ') : '';
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`Spectral run failed: ${message}${details ? ` — ${details}` : ''}`, { cause: error });
}

/**
 * Lints text with the real Spectral engine and checks the shape of every result of ours. Rejects
 * (failing the test) when any function throws.
 */
export async function lintText(text: string, rules: RulesetDefinition = ruleset, format: 'json' | 'yaml' = 'yaml', source = format === 'json' ? 'openapi.json' : 'openapi.yaml'): Promise<Results> {
  const spectral = new Spectral();
  spectral.setRuleset(rules);
  let results: Results;
  try {
    results = await spectral.run(makeDocument(text, format, source));
  } catch (error) {
    throw explain(error);
  }
  for (const result of results) {
    if (!OUR_RULES.includes(String(result.code))) continue;
    if (typeof result.message !== 'string' || result.message.length === 0 || !Array.isArray(result.path)) {
      throw new Error(`malformed result from ${String(result.code)}: ${JSON.stringify(result)}`);
    }
  }
  return results;
}

/** The nodes a rule's `given` selects, found as the rule wrapper finds them (functions/core/given.ts). */
function given(data: unknown, expression: string): Array<{ value: unknown; path: Array<string | number> }> {
  const targets = targetsOf(data, expression);
  if (!targets) throw new Error(`unsupported given path ${expression}`);
  return targets;
}

/** How Spectral calls a rule function (the rule table types it as `unknown`). */
type RuleFunction = (target: unknown, options: unknown, context: unknown) => unknown;

/**
 * Runs every rule's function of ours directly on parsed data, as Spectral would call it (same
 * `given` targets, options and context fields our functions read), without Spectral's parser,
 * resolver or JSONPath engine: for documents Spectral itself cannot process. Throws when a function does.
 */
export function runDirect(data: unknown, rules: RuleTable = ruleset): Array<{ code: string; message: string; path: Array<string | number> }> {
  const out: Array<{ code: string; message: string; path: Array<string | number> }> = [];
  // One inventory for the whole run, as Spectral creates one per lint.
  const documentInventory = {};
  for (const [id, row] of Object.entries(rules.rules)) {
    const run = row.then.function as RuleFunction;
    for (const expression of Array.isArray(row.given) ? row.given : [row.given]) {
      for (const target of given(data, expression)) {
        const context = { document: { data }, documentInventory, rule: { name: id, given: row.given, then: [row.then] }, path: target.path };
        const results = run(target.value, row.then.functionOptions ?? null, context) as Array<{ message: string; path?: Array<string | number> }> | undefined;
        for (const result of results ?? []) out.push({ code: id, message: result.message, path: result.path ?? target.path });
      }
    }
  }
  return out;
}

/** Parses text the way Spectral does (its Document), without linting. */
export function parseLikeSpectral(text: string, format: 'json' | 'yaml' = 'yaml'): unknown {
  return makeDocument(text, format).data;
}

/** True when the failure of a run is a rule function's exception (Spectral wraps those as `Function "…" threw an exception`). */
export function thrownByAFunction(error: unknown): boolean {
  const seen = new Set<unknown>();
  const stack = [error];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined || current === null || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof Error && /Function ".*" threw an exception/.test(current.message)) return true;
    const { errors, cause } = current as { errors?: unknown[]; cause?: unknown };
    if (Array.isArray(errors)) stack.push(...errors);
    stack.push(cause);
  }
  return false;
}

/** The same rules (same `given`, `resolved`, formats) with functions that do nothing: Spectral's parser, resolver and JSONPath engine without our code. */
function withoutOurFunctions(rules: OurRuleset): RulesetDefinition {
  const table: RuleTable = rules;
  const noop = Object.fromEntries(Object.entries(table.rules).map(([id, row]) => [id, { ...row, then: { function: () => [] } }]));
  return { ...('formats' in rules ? { formats: rules.formats } : {}), rules: noop } as unknown as RulesetDefinition;
}

/**
 * Paths of nodes that throw when merely inspected (`Array.isArray`, listing their keys): revoked
 * proxies, or proxies whose traps break the language's invariants. Parsed JSON and YAML never
 * contain such things; Spectral's resolver leaves them behind on some documents.
 */
function brokenNodes(data: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const stack: Array<{ node: unknown; path: string }> = [{ node: data, path: '$' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    let children: Array<[string, unknown]>;
    try {
      Array.isArray(node);
      children = Object.entries(node);
    } catch {
      out.push(path);
      continue;
    }
    for (const [key, value] of children) stack.push({ node: value, path: `${path}.${key}` });
  }
  return out;
}

/**
 * Spectral on the text with our functions replaced by ones that do nothing: its parser, resolver
 * and JSONPath engine (nimma) visiting the same `given` paths, without our code. Reports whether it
 * finished, and whether it left broken nodes (revoked proxies…) in the document it hands to rule
 * functions (its resolver's immer drafts leak into the data on documents with `__proto__` keys).
 */
export async function spectralAlone(text: string, format: 'json' | 'yaml' = 'yaml', rules: OurRuleset = ruleset): Promise<{ finished: boolean; corruptsDocument: boolean }> {
  const spectral = new Spectral();
  spectral.setRuleset(withoutOurFunctions(rules));
  const document = makeDocument(text, format);
  let finished = true;
  try {
    await spectral.run(document);
  } catch {
    finished = false;
  }
  return { finished, corruptsDocument: brokenNodes(document.data).length > 0 };
}

/**
 * Lints with Spectral; when the run fails, decides whose failure it is:
 * - Spectral alone (our rules with do-nothing functions) fails too: the document is one the engine
 *   itself cannot process (its resolver on `__proto__` keys or very deep nesting, its JSONPath
 *   engine on objects whose prototype a `__proto__` key replaced);
 * - a function of ours threw on a proxy (revoked, or with broken traps) and Spectral alone leaves
 *   such nodes in the document: the engine handed our functions a corrupted document (no
 *   JavaScript code can read a revoked proxy);
 * - anything else — a function's exception, or a failure Spectral does not have without our
 *   functions — is ours and is rethrown, failing the test.
 * In the first two cases our functions then run directly on a fresh parse, and must not throw either.
 */
export async function lintOrDirect(text: string, rules: OurRuleset = ruleset, format: 'json' | 'yaml' = 'yaml'): Promise<{ spectralFailed: boolean; results: Array<{ code: string | number; message: string; path: Array<string | number> }> }> {
  try {
    return { spectralFailed: false, results: await lintText(text, rules, format) };
  } catch (error) {
    const alone = await spectralAlone(text, format, rules);
    const engine = thrownByAFunction(error) ? alone.corruptsDocument && /proxy/.test(innermostMessage(error)) : !alone.finished;
    if (!engine) throw error;
    return { spectralFailed: true, results: runDirect(parseLikeSpectral(text, format), rules) };
  }
}

/** The message of the deepest `cause` (or aggregated error) of a failure. */
function innermostMessage(error: unknown): string {
  let current = error;
  for (let i = 0; i < 20; i++) {
    const next = (current as { cause?: unknown; errors?: unknown[] })?.cause ?? (current as { errors?: unknown[] })?.errors?.[0];
    if (next === undefined || next === null) break;
    current = next;
  }
  return current instanceof Error ? current.message : String(current);
}

export function ours(results: Results): Results {
  return results.filter(r => OUR_RULES.includes(String(r.code)));
}

// ------------------------------------------------------------------------------------------
// Property-test configuration: deterministic in CI, overridable by scripts/fuzz.mjs.

/** HOSTILE_SEED and HOSTILE_SCALE (a multiplier of every run count) are set by `npm run fuzz`; a fixed seed and modest counts otherwise. */
export const SEED = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : 20_240_611;
export const SCALE = process.env.HOSTILE_SCALE ? Math.max(1, Number(process.env.HOSTILE_SCALE)) : 1;
export const runs = (ci: number): number => Math.round(ci * SCALE);
/** True under `npm run fuzz`: the longer run also mutates the larger corpus descriptions. */
export const LONG_RUN = SCALE > 1;
/** A test timeout that grows with the run count. */
export const timeout = (ciMs: number): number => Math.round(ciMs * SCALE);

// ------------------------------------------------------------------------------------------
// The real-world corpus (../shared/corpus/real relative to the repository root), when present.

export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
export const HAS_CORPUS = existsSync(CORPUS_DIR);
