// The editor case: one Spectral instance per ruleset, kept alive, re-linting a description after
// every edit, as the Spectral language server does. Each iteration lints a fresh Document with a
// one-character change (so no cache keyed on the document survives), alternating the rulesets.
// Run by bench/run.mjs in its own process; prints one JSON line.
//
//   node bench/editor.mjs <project dir> <document> <iterations> <warmup>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [projectDir, file, iterationsArg = '30', warmupArg = '5'] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);
// Everything comes from the benchmark project: the packed package and the CLI's Spectral.
const require = createRequire(join(projectDir, 'package.json'));
const { Spectral, Document } = require('@stoplight/spectral-core');
const Parsers = require('@stoplight/spectral-parsers');
const { apiSecurityRuleset } = require('spectral-api-security');

const text = readFileSync(file, 'utf8');
const marker = '"version": "1.0.0"';
if (!text.includes(marker)) throw new Error(`${file} has no ${marker} to edit`);

const instances = {
  empty: new Spectral(),
  ours: new Spectral(),
};
instances.empty.setRuleset({ rules: {} });
instances.ours.setRuleset(apiSecurityRuleset);

const times = { empty: [], ours: [] };
const findings = {};
let edit = 0;
for (let i = 0; i < warmup + iterations; i++) {
  for (const id of Object.keys(instances)) {
    // A keystroke: the version string changes, everything else stays.
    const source = text.replace(marker, `"version": "1.0.${edit++}"`);
    const start = performance.now();
    const document = new Document(source, Parsers.Json, file);
    const results = await instances[id].run(document);
    const ms = performance.now() - start;
    if (i >= warmup) times[id].push(ms);
    findings[id] = results.length;
  }
}
const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
console.log(
  JSON.stringify({
    iterations,
    warmup,
    medianMs: { empty: median(times.empty), ours: median(times.ours) },
    timesMs: times,
    findings,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
