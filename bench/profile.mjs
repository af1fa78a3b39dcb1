// Where a Spectral CLI run spends its time: runs `spectral lint` under `node --cpu-prof` and
// summarises the profile by package (self time), by function (self time), and by entry point
// into this package (inclusive time of the outermost frame of ours on each stack).
//
//   node bench/profile.mjs <document> [--ruleset ours|empty|oas|owasp|<file>] [--ref <commit>] [--top 25] [--keep]
//   node bench/profile.mjs --summarise <file.cpuprofile> [--top 25]
//
// The ruleset is loaded from the packed package, as users load it (see bench/project.mjs); with
// --ref, from a clean build of that commit instead of the working tree's dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, createProject, PACKAGE } from './project.mjs';

const BUNDLED = `${PACKAGE} (ruleset bundle)`;
const EVALUATED = "(evaluated code: the CLI's ruleset bundle, compiled JSONPath)";

/**
 * Which code a profile frame belongs to, from its script URL. The Spectral CLI bundles a ruleset
 * it loads by package name with rollup and evaluates the bundle without a URL: such frames (a
 * script, but no URL) are the ruleset's own code, which for `ours` is this package.
 */
export function packageOf({ url, scriptId, functionName }, bundled = true) {
  if (!url) {
    if (String(scriptId) === '0') return '(native)';
    if (/^validate\d+$/.test(functionName)) return 'ajv (compiled validators)';
    return bundled ? BUNDLED : EVALUATED;
  }
  if (url.includes(`/node_modules/${PACKAGE}/`)) return PACKAGE;
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match) return match[1];
  if (url.startsWith('node:')) return 'node (built-in)';
  return url;
}

// Set per profile: whether our code was bundled by the CLI (older builds) or loaded by Node.
let bundledRuleset = true;
const ours = frame => [PACKAGE, BUNDLED].includes(packageOf(frame, bundledRuleset));
const where = ({ url, scriptId, lineNumber }) =>
  url ? `${url.replace(/^.*\/node_modules\//, '')}:${lineNumber + 1}` : String(scriptId) === '0' ? '' : `(evaluated):${lineNumber + 1}`;

/** Summary of a .cpuprofile: total and per-package/per-function self time, and our entry points. */
export function summarise(profile, top = 25) {
  const nodes = new Map(profile.nodes.map(n => [n.id, n]));
  // A package loaded by Node has script URLs; then URL-less scripts are the CLI's own bundle.
  bundledRuleset = !profile.nodes.some(n => n.callFrame.url.includes(`/node_modules/${PACKAGE}/`));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const deltas = profile.timeDeltas ?? [];
  const selfById = new Map();
  // Samples are weighted by the time until the next sample (the V8 convention).
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    selfById.set(profile.samples[i], (selfById.get(profile.samples[i]) ?? 0) + dt);
  }
  const total = [...selfById.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map();
  const byFunction = new Map();
  const entries = new Map();
  const inclusive = new Map();
  let oursInclusive = 0;
  for (const [id, ms] of selfById) {
    const node = nodes.get(id);
    const { functionName } = node.callFrame;
    const name = functionName || '(anonymous)';
    const pkg = ['(garbage collector)', '(program)', '(idle)', '(root)'].includes(name) ? name : packageOf(node.callFrame, bundledRuleset);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const key = `${name}  ${where(node.callFrame)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    // The outermost frame of ours on this stack: the rule function (or analysis step) that led here.
    let outer;
    const onStack = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = nodes.get(cur).callFrame;
      if (!ours(frame)) continue;
      outer = frame;
      onStack.add(`${frame.functionName || '(anonymous)'}  ${where(frame)}`);
    }
    // Inclusive time of each function of ours, counted once per sample however deep it recurses.
    for (const key of onStack) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    if (outer) {
      oursInclusive += ms;
      const entry = `${outer.functionName || '(anonymous)'}  ${where(outer)}`;
      entries.set(entry, (entries.get(entry) ?? 0) + ms);
    }
  }
  const sorted = map => [...map].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return {
    totalMs: Math.round(total),
    oursInclusiveMs: Math.round(oursInclusive),
    byPackage: sorted(byPackage).slice(0, top),
    byFunction: sorted(byFunction).slice(0, top),
    ourEntries: sorted(entries).slice(0, top),
    ourInclusive: sorted(inclusive).slice(0, top),
  };
}

export function formatSummary(summary) {
  const lines = [];
  const pct = ms => `${((100 * ms) / summary.totalMs).toFixed(1)}%`;
  lines.push(`Sampled CPU time: ${summary.totalMs} ms; inside ${PACKAGE} (inclusive of what it calls): ${summary.oursInclusiveMs} ms (${pct(summary.oursInclusiveMs)})`);
  const table = (title, rows) => {
    lines.push('', title);
    for (const row of rows) lines.push(`  ${String(row.ms).padStart(7)} ms ${pct(row.ms).padStart(6)}  ${row.name}`);
  };
  table('Self time by package:', summary.byPackage);
  table('Self time by function:', summary.byFunction);
  table(`Inclusive time by outermost ${PACKAGE} frame:`, summary.ourEntries);
  table(`Inclusive time by ${PACKAGE} function (each counted once per sample):`, summary.ourInclusive);
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const top = Number(value('--top', 25));
  if (args.includes('--summarise')) {
    console.log(formatSummary(summarise(JSON.parse(readFileSync(value('--summarise'), 'utf8')), top)));
    return;
  }
  const withValue = new Set(['--ruleset', '--ref', '--top', '--summarise']);
  const document = args.find((a, i) => !a.startsWith('--') && !withValue.has(args[i - 1]));
  if (!document) {
    console.error('usage: node bench/profile.mjs <document> [--ruleset ours|empty|oas|owasp|<file>] [--top 25] [--keep]');
    process.exit(2);
  }
  const project = createProject({ ref: value('--ref') });
  const ruleset = value('--ruleset', 'ours');
  const rulesetFile = project.rulesets[ruleset] ?? resolve(ruleset);
  const dir = mkdtempSync(join(tmpdir(), 'spectral-api-security-prof-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, CLI, 'lint', resolve(document), '-r', rulesetFile, '-f', 'json', '-o', join(dir, 'out.json')], {
      cwd: project.dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (error) {
    if (error.status !== 1) throw error; // 1 = findings at error severity
  }
  const file = readdirSync(dir).find(f => f.endsWith('.cpuprofile'));
  console.log(formatSummary(summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')), top)));
  if (args.includes('--keep')) console.log(`\nProfile kept: ${join(dir, file)}`);
  else rmSync(dir, { recursive: true, force: true });
  project.cleanup();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
