import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { mutate, mutations, openApiLike, withPrototypeKeys } from './arbitraries.js';
import { assertStrict, CORPUS_DIR, HAS_CORPUS, LONG_RUN, lintOrDirect, OUR_RULES, RULESETS, runDirect, runs, SEED, timeout, UNGATED } from './harness.js';

/**
 * Property-based tests: arbitrary documents shaped like OpenAPI (every position may hold a value of
 * the wrong type) and random mutations of real descriptions, linted by the real Spectral engine
 * with our ruleset. The property: Spectral finishes and no function of ours throws (the suite runs
 * with SPECTRAL_API_SECURITY_STRICT=1, so a throw rejects the run — see harness.ts).
 *
 * Deterministic: a fixed seed and run count here; `npm run fuzz` (scripts/fuzz.mjs) runs many
 * more with a random seed it prints, and HOSTILE_SEED=<seed> reproduces a failing run.
 */
beforeAll(assertStrict);

const settings = (numRuns: number) => ({ seed: SEED, numRuns });

/** The slowest single lint of a property, so a document that makes a rule crawl fails too (< 5 s each; they take milliseconds). */
const SLOWEST_ALLOWED_MS = 5_000;
async function timedLint<T>(slowest: { ms: number }, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await run();
  slowest.ms = Math.max(slowest.ms, performance.now() - start);
  return value;
}

describe(`generated OpenAPI-shaped documents (seed ${SEED})`, () => {
  it.each(RULESETS)(
    'the %s finishes on every document and no function throws',
    async (_name, rules) => {
      const count = runs(200);
      let withFindings = 0;
      let spectralFailed = 0;
      const fired = new Set<string>();
      const slowest = { ms: 0 };
      await fc.assert(
        fc.asyncProperty(openApiLike, async doc => {
          const run = await timedLint(slowest, () => lintOrDirect(JSON.stringify(doc) ?? 'null', rules, 'json'));
          if (run.spectralFailed) spectralFailed++;
          const own = run.results.filter(r => OUR_RULES.includes(String(r.code)));
          if (own.length > 0) withFindings++;
          for (const result of own) fired.add(String(result.code));
        }),
        settings(count),
      );
      // The generator must reach the rules, not only produce documents nothing looks at: most
      // documents get findings, and most rules fire somewhere. Documents Spectral itself cannot
      // lint (harness.ts: lintOrDirect) must stay rare.
      expect(withFindings).toBeGreaterThan(count / 2);
      expect(fired.size).toBeGreaterThanOrEqual(Math.min(OUR_RULES.length, 20));
      expect(spectralFailed).toBeLessThan(count / 20);
      expect(slowest.ms).toBeLessThan(SLOWEST_ALLOWED_MS);
    },
    timeout(60_000),
  );

  it('documents with keys named like Object.prototype members (__proto__, hasOwnProperty…): our functions never throw, whether Spectral finishes or not', async () => {
    await fc.assert(
      fc.asyncProperty(withPrototypeKeys, async doc => {
        const text = JSON.stringify(doc) ?? 'null';
        // Spectral's own parser and resolver fail on some of these: our functions then run directly on its parse.
        await lintOrDirect(text, UNGATED, 'json');
        // And on the data JSON.parse gives (own `__proto__` properties), which Spectral's parser does not produce.
        runDirect(JSON.parse(text), UNGATED);
      }),
      settings(runs(60)),
    );
  }, timeout(60_000));
});

// ------------------------------------------------------------------------------------------
// Mutations of the real-world corpus.

const SMALL_CORPUS = HAS_CORPUS ? readdirSync(CORPUS_DIR).filter(name => name.startsWith('oai-')).sort() : [];
/** Larger descriptions: harbor in CI (a few runs), twilio too in the longer run. */
const LARGE_CORPUS = HAS_CORPUS ? ['harbor-swagger.yaml', ...(LONG_RUN ? ['twilio-api-v2010.yaml'] : [])] : [];

function load(name: string): unknown {
  const text = readFileSync(join(CORPUS_DIR, name), 'utf8');
  return name.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
}

/** YAML keeps objects shared by a `share` mutation as anchors and aliases, as a hand-written document would. */
const serialise = (doc: unknown) => stringify(doc, { aliasDuplicateObjects: true }) ?? 'null';

describe.skipIf(!HAS_CORPUS)(`mutated real descriptions from ${CORPUS_DIR} (seed ${SEED})`, () => {
  it('the corpus is there', () => {
    expect(SMALL_CORPUS.length).toBeGreaterThan(10);
  });

  it.each(RULESETS)(
    'OAI examples: the %s finishes on every mutation and no function throws',
    async (_name, rules) => {
      const documents = SMALL_CORPUS.map(load);
      const slowest = { ms: 0 };
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: documents.length - 1 }), mutations, async (index, list) => {
          const text = serialise(mutate(documents[index], list));
          await timedLint(slowest, () => lintOrDirect(text, rules, 'yaml'));
        }),
        settings(runs(150)),
      );
      expect(slowest.ms).toBeLessThan(SLOWEST_ALLOWED_MS);
    },
    timeout(60_000),
  );

  it.each(LARGE_CORPUS)(
    '%s: the ruleset finishes on every mutation and no function throws',
    async name => {
      const doc = load(name);
      await fc.assert(
        fc.asyncProperty(mutations, async list => {
          await lintOrDirect(serialise(mutate(doc, list)), RULESETS[0][1], 'yaml');
        }),
        settings(runs(4)),
      );
    },
    timeout(120_000),
  );
});

if (!HAS_CORPUS) {
  describe('mutated real descriptions', () => {
    it.skip(`skipped: the corpus folder ${CORPUS_DIR} does not exist (CI has it at ../shared/corpus/real relative to the repository root)`, () => {});
  });
}
