// Our rules alone: the packed package's rule functions called directly on a parsed description,
// without Spectral (no $ref resolution, no result locations, no output), the way Spectral calls
// them: every rule with a severity, on the nodes its `given` path matches in the raw document
// (our rules all read the unresolved document), with its options. This isolates the cost of our
// rules from Spectral's own cost, which on large documents is larger and much noisier.
// Run by bench/run.mjs in a child process per description; prints one JSON line.
//
//   node bench/alone.mjs <project dir> <document> [runs]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nodes a given path matches: `$`, `$.a`, `$.a.b`, `$.a[*]`, `$.a.b[*]` (all our rules use). */
export function match(root, given) {
  const parsed = /^\$((?:\.[A-Za-z$_][\w$-]*)*)(\[\*\])?$/.exec(given);
  if (!parsed) throw new Error(`given path not supported here: ${given}`);
  const keys = parsed[1] ? parsed[1].slice(1).split('.') : [];
  let node = root;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return [];
    node = node[key];
  }
  if (!parsed[2]) return [{ value: node, path: keys }];
  if (typeof node !== 'object' || node === null) return [];
  return Object.keys(node).map(key => ({ value: node[key], path: [...keys, Array.isArray(node) ? Number(key) : key] }));
}

/** Runs every recommended rule of the ruleset `runs` times on a fresh parse of `file`. */
export function measureAlone(apiSecurityRuleset, Parsers, file, runs) {
  const rules = Object.entries(apiSecurityRuleset.rules).filter(([, rule]) => rule.recommended !== false && rule.severity !== 'off');
  const text = readFileSync(file, 'utf8');
  const parse = () => (/\.json$/i.test(file) ? JSON.parse(text) : Parsers.Yaml.parse(text).data);
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const data = parse(); // a fresh object: nothing cached from the previous run
    const document = { data, source: file };
    const documentInventory = { document }; // one per run, as Spectral creates one per lint
    const perRule = {};
    let findings = 0;
    const start = performance.now();
    for (const [name, rule] of rules) {
      const ruleStart = performance.now();
      if (rule.formats && !rule.formats.some(format => format(data, file))) continue;
      for (const given of [].concat(rule.given)) {
        for (const { value, path } of match(data, given)) {
          const then = rule.then;
          const results = then.function(value, then.functionOptions ?? null, { document, documentInventory, rule: { name }, path, given: [] });
          findings += results?.length ?? 0;
        }
      }
      perRule[name] = performance.now() - ruleStart;
    }
    samples.push({ ms: performance.now() - start, findings, perRule });
  }
  const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const perRule = Object.fromEntries(rules.map(([name]) => [name, median(samples.map(s => s.perRule[name] ?? 0))]));
  return {
    runs,
    medianMs: median(samples.map(s => s.ms)),
    timesMs: samples.map(s => +s.ms.toFixed(1)),
    findings: samples[0].findings,
    rules: rules.length,
    topRules: Object.entries(perRule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, ms]) => ({ rule: name, ms: +ms.toFixed(1) })),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [projectDir, file, runs = '3'] = process.argv.slice(2);
  const require = createRequire(join(projectDir, 'package.json'));
  const { apiSecurityRuleset } = require('spectral-api-security');
  console.log(JSON.stringify(measureAlone(apiSecurityRuleset, require('@stoplight/spectral-parsers'), file, Number(runs))));
}
