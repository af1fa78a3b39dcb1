// Where our rules' time goes, rule by rule: lints a description in-process with the packed
// package's default ruleset, each rule function wrapped in a timer.
//
// The shared structures (the analysis, the schema graph, the text walk) are built by whichever
// rule needs them first and cached on the parsed document. So each run lints the same Document
// twice: the first pass ("cold") is what a lint costs, the second ("warm") finds the structures
// built and shows each rule's own work; the difference, rule by rule, shows who paid for what.
// Unless --no-empty, the same text is also linted with an empty ruleset, for Spectral's own share.
//
//   node bench/rules.mjs <document> [--runs 3] [--ref <commit>] [--no-empty]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createProject, PACKAGE } from './project.mjs';

const args = process.argv.slice(2);
const value = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const withValue = new Set(['--runs', '--ref']);
const documentArg = args.find((a, i) => !a.startsWith('--') && !withValue.has(args[i - 1]));
if (!documentArg) {
  console.error('usage: node bench/rules.mjs <document> [--runs 3] [--ref <commit>] [--no-empty]');
  process.exit(2);
}
const file = resolve(documentArg);
const runs = Number(value('--runs', 3));
const project = createProject({ ref: value('--ref') });
const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
try {
  const require = createRequire(join(project.dir, 'package.json'));
  const { Spectral, Document } = require('@stoplight/spectral-core');
  const Parsers = require('@stoplight/spectral-parsers');
  const { apiSecurityRuleset } = require(PACKAGE);

  const spent = new Map();
  const rules = {};
  for (const [id, rule] of Object.entries(apiSecurityRuleset.rules)) {
    const original = rule.then.function;
    const timed = function (...input) {
      const start = performance.now();
      try {
        return original.apply(this, input);
      } finally {
        spent.set(id, (spent.get(id) ?? 0) + performance.now() - start);
      }
    };
    timed.validator = original.validator;
    rules[id] = { ...rule, then: { ...rule.then, function: timed } };
  }
  const ours = new Spectral();
  ours.setRuleset({ ...apiSecurityRuleset, rules });
  const empty = new Spectral();
  empty.setRuleset({ rules: {} });
  const text = readFileSync(file, 'utf8');
  const parser = /\.json$/i.test(file) ? Parsers.Json : Parsers.Yaml;

  const samples = [];
  for (let run = 0; run < runs; run++) {
    let emptyMs = NaN;
    if (!args.includes('--no-empty')) {
      const document = new Document(text, parser, file);
      const start = performance.now();
      await empty.run(document);
      emptyMs = performance.now() - start;
    }
    const document = new Document(text, parser, file);
    const pass = async () => {
      spent.clear();
      const start = performance.now();
      const results = await ours.run(document);
      return { ms: performance.now() - start, rules: new Map(spent), findings: results.length };
    };
    const cold = await pass();
    const warm = await pass();
    samples.push({ emptyMs, cold, warm });
    const inside = p => [...p.rules.values()].reduce((a, b) => a + b, 0);
    process.stderr.write(
      `run ${run + 1}/${runs}: empty ruleset ${emptyMs.toFixed(0)} ms; ours cold ${cold.ms.toFixed(0)} ms (rules ${inside(cold).toFixed(0)} ms), ` +
        `warm ${warm.ms.toFixed(0)} ms (rules ${inside(warm).toFixed(0)} ms); ${cold.findings} findings\n`,
    );
  }
  const ids = Object.keys(rules);
  const rows = ids
    .map(id => ({
      id,
      cold: median(samples.map(s => s.cold.rules.get(id) ?? 0)),
      warm: median(samples.map(s => s.warm.rules.get(id) ?? 0)),
    }))
    .sort((a, b) => b.cold - a.cold);
  const sum = key => rows.reduce((a, r) => a + r[key], 0);
  const coldRun = median(samples.map(s => s.cold.ms));
  const emptyRun = median(samples.map(s => s.emptyMs));
  console.log(`${file}: medians over ${runs} runs, spectral.run after parsing (${samples[0].cold.findings} findings)`);
  if (!Number.isNaN(emptyRun)) console.log(`  empty ruleset:                    ${emptyRun.toFixed(0).padStart(7)} ms`);
  console.log(`  ours:                             ${coldRun.toFixed(0).padStart(7)} ms`);
  console.log(`    inside our rule functions:      ${sum('cold').toFixed(0).padStart(7)} ms (own work ${sum('warm').toFixed(0)} ms, building shared structures ${(sum('cold') - sum('warm')).toFixed(0)} ms)`);
  if (!Number.isNaN(emptyRun)) {
    console.log(`    Spectral around our rules:      ${(coldRun - sum('cold') - emptyRun).toFixed(0).padStart(7)} ms (given paths, results: ranges, sorting, dedup)`);
  }
  console.log("  per rule (cold = as linted; warm = the same document again: what is not cached on the document):");
  console.log('       cold       warm  rule');
  for (const r of rows) if (r.cold >= 0.5) console.log(`  ${r.cold.toFixed(1).padStart(7)} ms ${r.warm.toFixed(1).padStart(7)} ms  ${r.id}`);
} finally {
  project.cleanup();
}
