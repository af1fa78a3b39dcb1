// The benchmark: the real Spectral CLI, one child process per run, on the large real-world
// descriptions of ../shared/corpus/real/ and on generated descriptions of growing size, with four
// rulesets side by side: an empty ruleset, spectral:oas, the OWASP ruleset and ours (packed and
// extended by name, as users do). Medians of several runs, wall time and peak RSS; then the
// editor case (one Spectral instance re-linting in-process). Writes results.md, results.json and
// scaling.svg. `npm run bench` builds first; `node bench/run.mjs --help` lists the options.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawScaling } from './chart.mjs';
import { countOperations, GENERATOR_VERSION, writeGenerated } from './generate.mjs';
import { CLI, createProject, PACKAGE, REPO, RULESETS, versions } from './project.mjs';

const HELP = `Usage: npm run bench [-- options]     (or: node bench/run.mjs [options] on a fresh dist/)

  --runs N              runs per ruleset and description (default 3; the median is reported)
  --timeout S           per-run time limit in seconds; a run past it is killed and reported
                        as a timeout (default 300)
  --slow S              a peer ruleset (spectral:oas, OWASP) whose first run on a description
                        takes longer than S seconds is run once there (default 60; 0 = never)
  --quick               fast sanity run: 1 run, one real description, 250 and 1,000 operations,
                        60 s limit, short editor case; results go to a temporary folder
  --rulesets a,b        subset of: empty,ours,oas,owasp (default all four)
  --files a,b           real descriptions to use (file names in the corpus folder)
  --min-bytes N         real descriptions at least this large are "large" (default 1000000)
  --sizes a,b           generated sizes in operations (default 250,1000,4000,16000)
  --corpus DIR          real descriptions folder (default ../shared/corpus/real next to the repo)
  --editor-ops N        size of the editor-case description (default 300)
  --editor-iterations N re-lints measured per ruleset in the editor case (default 30)
  --no-real, --no-generated, --no-editor, --no-alone, --no-chart
                        (--no-alone: skip "our rules alone", the rule functions called
                        in-process without Spectral on every description)
  --alone-into FILE     only measure "our rules alone" for the descriptions of an existing
                        results.json, add them to it and rewrite results.md and scaling.svg
  --ref REV             measure a clean build of a git revision instead of the working tree
  --out DIR             where to write the results (default bench/results, or a temporary
                        folder with --quick)
  --render [FILE]       only rewrite results.md and scaling.svg from a results.json
                        (default bench/results/results.json)
`;

function parseArgs(argv) {
  const flags = new Set(['--quick', '--no-real', '--no-generated', '--no-editor', '--no-alone', '--no-chart', '--help', '-h']);
  if (argv[0] === '--render') return { render: resolve(argv[1] ?? join(REPO, 'bench', 'results', 'results.json')) };
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (flags.has(arg)) values[arg] = true;
    else if (arg.startsWith('--') && i + 1 < argv.length) values[arg] = argv[++i];
    else throw new Error(`Unknown argument ${arg}\n\n${HELP}`);
  }
  const quick = Boolean(values['--quick']);
  const list = (key, fallback) => (values[key] ? String(values[key]).split(',').map(s => s.trim()).filter(Boolean) : fallback);
  const number = (key, fallback) => {
    if (values[key] === undefined) return fallback;
    const n = Number(values[key]);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${key} needs a number`);
    return n;
  };
  const rulesets = list('--rulesets', ['empty', 'ours', 'oas', 'owasp']);
  for (const id of rulesets) if (!RULESETS[id]) throw new Error(`Unknown ruleset ${id} (use ${Object.keys(RULESETS).join(', ')})`);
  return {
    help: Boolean(values['--help'] || values['-h']),
    quick,
    runs: Math.max(1, Math.floor(number('--runs', quick ? 1 : 3))),
    timeoutSeconds: number('--timeout', quick ? 60 : 300),
    slowSeconds: number('--slow', 60),
    rulesets,
    files: list('--files', null),
    minBytes: number('--min-bytes', 1_000_000),
    sizes: list('--sizes', quick ? ['250', '1000'] : ['250', '1000', '4000', '16000']).map(Number),
    corpus: resolve(values['--corpus'] ?? join(REPO, '..', 'shared', 'corpus', 'real')),
    editorOps: number('--editor-ops', 300),
    editorIterations: number('--editor-iterations', quick ? 5 : 30),
    real: !values['--no-real'],
    generated: !values['--no-generated'],
    editor: !values['--no-editor'] && rulesets.includes('ours') && rulesets.includes('empty'),
    alone: !values['--no-alone'] && rulesets.includes('ours'),
    aloneInto: values['--alone-into'] ? resolve(values['--alone-into']) : undefined,
    chart: !values['--no-chart'],
    ref: values['--ref'],
    out: resolve(values['--out'] ?? (quick ? join(tmpdir(), 'spectral-api-security-bench-quick') : join(REPO, 'bench', 'results'))),
  };
}

const median = values => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = ms => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const clock = ms => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};
const mb = kb => (kb === null || kb === undefined ? 'n/a' : `${Math.round(kb / 1024).toLocaleString('en-US')} MB`);
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true']).status === 0;

/** Peak RSS by polling /proc (the fallback when /usr/bin/time is missing): VmHWM of the process. */
function pollPeak(pid, state) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    if (match) state.peakKb = Math.max(state.peakKb ?? 0, Number(match[1]));
  } catch {
    // the process has ended
  }
}

/**
 * One CLI run in its own process group: wall time measured here, peak RSS from /usr/bin/time
 * (or /proc). Past the time limit the whole group is killed and the run is a timeout.
 */
export function measure({ project, ruleset, file, timeoutSeconds, onHeartbeat }) {
  const scratch = join(project.dir, 'runs');
  mkdirSync(scratch, { recursive: true });
  const output = join(scratch, 'output.json');
  const timeFile = join(scratch, 'time.txt');
  rmSync(output, { force: true });
  rmSync(timeFile, { force: true });
  const lint = [CLI, 'lint', file, '-r', project.rulesets[ruleset], '-f', 'json', '-o', output];
  const [command, args] = HAS_TIME ? [TIME, ['-f', '%e %M', '-o', timeFile, process.execPath, ...lint]] : [process.execPath, lint];
  return new Promise(done => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: project.dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const poll = { peakKb: null };
    let timedOut = false;
    const poller = HAS_TIME ? null : setInterval(() => pollPeak(child.pid, poll), 50);
    const heartbeat = setInterval(() => onHeartbeat?.(performance.now() - start), 30_000);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutSeconds * 1000);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - start;
      clearTimeout(timer);
      clearInterval(heartbeat);
      if (poller) clearInterval(poller);
      if (timedOut) return done({ status: 'timeout', wallMs, peakKb: null });
      let peakKb = poll.peakKb;
      if (HAS_TIME && existsSync(timeFile)) {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const match = /^([\d.]+) (\d+)$/.exec(last);
        if (match) peakKb = Number(match[2]);
      }
      // Exit code 1 only means "findings at error severity".
      if ((code !== 0 && code !== 1) || signal || !existsSync(output)) {
        return done({ status: 'error', wallMs, peakKb, error: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' / ')}` });
      }
      let findings = null;
      let unresolvedRefs = 0;
      try {
        const results = JSON.parse(readFileSync(output, 'utf8'));
        findings = results.length;
        unresolvedRefs = results.filter(r => r.code === 'invalid-ref' && /ENOTFOUND|FetchError/.test(r.message)).length;
      } catch (error) {
        return done({ status: 'error', wallMs, peakKb, error: `unreadable output: ${error.message}` });
      }
      rmSync(output, { force: true });
      done({ status: 'ok', wallMs, peakKb, findings, unresolvedRefs });
    });
  });
}

function realTargets(options, log) {
  if (!options.real) return [];
  if (!existsSync(options.corpus)) {
    log(`Real descriptions: skipped, ${options.corpus} does not exist (pass --corpus DIR to point at them).`);
    return [];
  }
  const files = readdirSync(options.corpus)
    .filter(f => /\.(ya?ml|json)$/.test(f))
    .filter(f => (options.files ? options.files.includes(f) : statSync(join(options.corpus, f)).size >= options.minBytes))
    .sort();
  const chosen = options.quick && !options.files ? files.slice().sort((a, b) => statSync(join(options.corpus, a)).size - statSync(join(options.corpus, b)).size).slice(0, 1) : files;
  if (chosen.length === 0) log(`Real descriptions: none in ${options.corpus} match.`);
  return chosen.map(f => {
    const file = join(options.corpus, f);
    return { kind: 'real', name: f, file, bytes: statSync(file).size, operations: countRealOperations(file) };
  });
}

function countRealOperations(file) {
  try {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) return countOperations(JSON.parse(text));
    // Count method keys under `paths` without a YAML dependency at run time: indentation based.
    const lines = text.split('\n');
    let inPaths = false;
    let pathIndent = -1;
    let methodIndent = -1;
    let count = 0;
    for (const line of lines) {
      if (/^paths:\s*$/.test(line)) {
        inPaths = true;
        continue;
      }
      if (inPaths && /^\S/.test(line)) break;
      if (!inPaths || !line.trim() || line.trim().startsWith('#')) continue;
      const indent = line.length - line.trimStart().length;
      if (pathIndent < 0) pathIndent = indent;
      if (indent === pathIndent) continue;
      if (methodIndent < 0) methodIndent = indent;
      if (indent === methodIndent && /^\s*['"]?(get|put|post|delete|options|head|patch|trace)['"]?:/.test(line)) count++;
    }
    return count;
  } catch {
    return null;
  }
}

async function generatedTargets(options, log) {
  if (!options.generated) return [];
  const dir = join(tmpdir(), 'spectral-api-security-bench-docs', `v${GENERATOR_VERSION}`);
  const targets = [];
  for (const size of options.sizes) {
    const file = join(dir, `generated-${size}.json`);
    if (!existsSync(file)) {
      log(`Generating ${size.toLocaleString('en-US')} operations -> ${file}`);
      await writeGenerated(size, file);
    }
    targets.push({ kind: 'generated', name: `generated ${size.toLocaleString('en-US')} ops`, file, bytes: statSync(file).size, operations: size });
  }
  return targets;
}

function summarise(runs) {
  const ok = runs.filter(r => r.status === 'ok');
  const timeouts = runs.filter(r => r.status === 'timeout').length;
  const errors = runs.filter(r => r.status === 'error');
  const peaks = ok.map(r => r.peakKb).filter(v => v !== null);
  return {
    status: ok.length ? 'ok' : timeouts ? 'timeout' : errors.length ? 'error' : 'not run',
    runs: runs.length,
    medianSeconds: ok.length ? median(ok.map(r => r.wallMs)) / 1000 : null,
    medianPeakMB: peaks.length ? median(peaks) / 1024 : null,
    minSeconds: ok.length ? Math.min(...ok.map(r => r.wallMs)) / 1000 : null,
    maxSeconds: ok.length ? Math.max(...ok.map(r => r.wallMs)) / 1000 : null,
    findings: ok.length ? ok[ok.length - 1].findings : null,
    unresolvedRefs: ok.length ? ok[ok.length - 1].unresolvedRefs : 0,
    timeouts,
    errors: errors.map(r => r.error),
    raw: runs.map(r => ({ status: r.status, seconds: +(r.wallMs / 1000).toFixed(3), peakMB: r.peakKb === null ? null : +(r.peakKb / 1024).toFixed(1) })),
  };
}

function ratio(a, b) {
  return a !== null && a !== undefined && b ? a / b : null;
}

/** Ratios of ours to the empty and OWASP rulesets; with an OWASP timeout, a bound. */
function ratios(rulesets, timeoutSeconds) {
  const ours = rulesets.ours;
  const empty = rulesets.empty;
  const owasp = rulesets.owasp;
  const out = {};
  if (ours?.medianSeconds && empty?.medianSeconds) {
    out.oursToEmptyTime = ratio(ours.medianSeconds, empty.medianSeconds);
    out.oursToEmptyMemory = ratio(ours.medianPeakMB, empty.medianPeakMB);
  }
  if (rulesets.oursJs?.medianSeconds && empty?.medianSeconds) out.oursJsToEmptyTime = ratio(rulesets.oursJs.medianSeconds, empty.medianSeconds);
  if (ours?.medianSeconds && owasp) {
    if (owasp.medianSeconds) {
      out.oursToOwaspTime = ratio(ours.medianSeconds, owasp.medianSeconds);
      out.oursToOwaspMemory = ratio(ours.medianPeakMB, owasp.medianPeakMB);
    } else if (owasp.status === 'timeout') {
      out.oursToOwaspTime = ours.medianSeconds / timeoutSeconds;
      out.oursToOwaspTimeIsBound = true; // OWASP took longer than the limit: the real ratio is smaller
    }
  }
  return out;
}

/** Our rule functions called in-process without Spectral (bench/alone.mjs), in a child process. */
function rulesAlone(project, target, options, log) {
  const child = spawnSync(process.execPath, [join(REPO, 'bench', 'alone.mjs'), project.dir, target.file, String(options.runs)], {
    encoding: 'utf8',
    timeout: options.timeoutSeconds * 1000 * options.runs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) {
    const error = String(child.error?.message ?? child.stderr).trim().split('\n').slice(-3).join(' / ');
    log(`Our rules alone on ${target.name}: failed (${error})`);
    return { error };
  }
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  result.msPerOperation = target.operations ? result.medianMs / target.operations : null;
  log(
    `Our rules alone on ${target.name.padEnd(26)} ${seconds(result.medianMs).padStart(8)}` +
      (result.msPerOperation !== null ? `  ${result.msPerOperation.toFixed(2)} ms per operation` : '') +
      `  (slowest: ${result.topRules.slice(0, 3).map(r => `${r.rule} ${r.ms.toFixed(0)} ms`).join(', ')})`,
  );
  return result;
}

async function editorCase(project, options, log) {
  const file = join(tmpdir(), 'spectral-api-security-bench-docs', `v${GENERATOR_VERSION}`, `generated-${options.editorOps}.json`);
  if (!existsSync(file)) await writeGenerated(options.editorOps, file);
  log(`Editor case: ${options.editorOps} operations, ${options.editorIterations} re-lints per ruleset in one process (plus 5 warm-up)...`);
  const child = spawnSync(process.execPath, [join(REPO, 'bench', 'editor.mjs'), project.dir, file, String(options.editorIterations), '5'], {
    encoding: 'utf8',
    timeout: options.timeoutSeconds * 1000 * 2,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) {
    log(`Editor case failed: ${child.error?.message ?? child.stderr}`);
    return { error: String(child.error?.message ?? child.stderr).slice(-2000) };
  }
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  result.operations = options.editorOps;
  result.ratio = result.medianMs.ours / result.medianMs.empty;
  log(`Editor case: empty ${result.medianMs.empty.toFixed(0)} ms, ours ${result.medianMs.ours.toFixed(0)} ms (x${result.ratio.toFixed(2)})`);
  return result;
}

/** Least-squares slope of log(extra time) against log(operations): 1 = linear growth. */
export function growthExponent(points) {
  const usable = points.filter(p => p.extraSeconds > 0);
  if (usable.length < 2) return null;
  const xs = usable.map(p => Math.log(p.operations));
  const ys = usable.map(p => Math.log(p.extraSeconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : null;
}

const TARGET_FILES = ['stripe-spec3.yaml', 'github-api.json', 'kubernetes-swagger.json', 'digitalocean.yaml'];

export function judgeTargets(results) {
  const targets = [];
  const real = new Map(results.real.map(r => [r.name, r]));
  for (const name of TARGET_FILES) {
    const r = real.get(name);
    const t = r?.ratios?.oursToEmptyTime;
    const m = r?.ratios?.oursToEmptyMemory;
    targets.push({
      target: `${name}: ours at most 1.5x the empty ruleset's wall time and peak memory`,
      met: t !== undefined && m !== undefined && t !== null && m !== null ? t <= 1.5 && m <= 1.5 : null,
      detail: t === undefined || t === null ? 'not measured' : `time x${t.toFixed(3)}, memory x${m?.toFixed(3) ?? 'n/a'}`,
    });
  }
  const stripe = real.get('stripe-spec3.yaml');
  const owaspRatio = stripe?.ratios?.oursToOwaspTime;
  targets.push({
    target: 'stripe-spec3.yaml: ours at least 10x faster than the OWASP ruleset',
    met: owaspRatio ? 1 / owaspRatio >= 10 : null,
    detail: owaspRatio
      ? `${stripe.ratios.oursToOwaspTimeIsBound ? 'at least ' : ''}${(1 / owaspRatio).toFixed(1)}x faster${stripe.ratios.oursToOwaspTimeIsBound ? ' (OWASP ran past the limit)' : ''}`
      : 'not measured',
  });
  // Judged on our rules alone (no Spectral around them): in the CLI, Spectral's own time on the
  // largest documents (minutes, mostly $ref resolution) varies by more than our whole cost.
  // The CLI difference (ours minus empty) is reported beside it.
  const sizes = g => g.operations.toLocaleString('en-US');
  const alone = results.generated.filter(g => g.alone?.medianMs && g.operations >= 1000);
  const aloneExponent = growthExponent(alone.map(g => ({ operations: g.operations, extraSeconds: g.alone.medianMs / 1000 })));
  const cli = results.generated.filter(g => g.ourCost?.extraSeconds !== undefined && g.operations >= 1000);
  const cliExponent = growthExponent(cli.map(g => ({ operations: g.operations, extraSeconds: g.ourCost.extraSeconds })));
  const perOp = (list, value) => list.map(g => `${sizes(g)}: ${value(g).toFixed(2)}`).join(', ');
  const cliDetail =
    cliExponent === null
      ? ''
      : `In the CLI (ours minus empty, medians): exponent ${cliExponent.toFixed(2)}; ms per operation ${perOp(results.generated.filter(g => g.ourCost), g => g.ourCost.msPerOperation)}.`;
  targets.push({
    target: 'generated series: time per operation of our rules flat (no worse than linear growth)',
    met: aloneExponent === null ? (cliExponent === null ? null : cliExponent <= 1.1) : aloneExponent <= 1.1,
    detail:
      aloneExponent === null
        ? cliExponent === null
          ? 'not measured'
          : `growth exponent ${cliExponent.toFixed(2)} over ${cli.map(sizes).join(', ')} operations (1 = linear; met at <= 1.1). ${cliDetail}`
        : `our rules alone: growth exponent ${aloneExponent.toFixed(2)} over ${alone.map(sizes).join(', ')} operations (1 = linear; met at <= 1.1); ms per operation ${perOp(
            results.generated.filter(g => g.alone?.medianMs),
            g => g.alone.msPerOperation,
          )}. ${cliDetail}`,
  });
  return targets;
}

function cell(r) {
  if (!r) return '–';
  if (r.status === 'timeout') return `timeout (> ${r.limit} s)`;
  if (r.status === 'skipped') return `not run (${r.reason})`;
  if (r.status === 'error') return 'error ²';
  if (!r.medianSeconds) return '–';
  const note = r.runs === 1 && r.plannedRuns > 1 ? ' ¹' : '';
  return `${seconds(r.medianSeconds * 1000)} · ${r.medianPeakMB === null ? 'n/a' : `${Math.round(r.medianPeakMB).toLocaleString('en-US')} MB`}${note}`;
}

function ratioCell(value, memory, bound) {
  if (value === null || value === undefined) return '–';
  return `${bound ? '< ' : ''}${value.toFixed(2)}x time${memory ? ` · ${memory.toFixed(2)}x mem` : ''}`;
}

function markdown(results) {
  const { options } = results;
  const labels = results.rulesetLabels;
  const order = results.rulesetOrder;
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push(
    `Spectral CLI ${results.versions['@stoplight/spectral-cli']} (spectral-core ${results.versions['@stoplight/spectral-core']}), Node ${results.versions.node}, ` +
      `${PACKAGE} ${results.versions[PACKAGE]} at ${results.versions.commit}, spectral:oas from @stoplight/spectral-rulesets ${results.versions['@stoplight/spectral-rulesets']}, ` +
      `@stoplight/spectral-owasp-ruleset ${results.versions['@stoplight/spectral-owasp-ruleset']}.`,
  );
  lines.push(
    `Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGB} GB; load average ${results.machine.loadBefore.join(' / ')} at the start and ${results.machine.loadAfter.join(' / ')} at the end. ${results.date}.`,
  );
  lines.push(
    `Each cell: median wall time · median peak RSS of \`spectral lint <file> -r <ruleset> -f json -o <file>\` run as a child process, over ${options.runs} run${options.runs > 1 ? 's' : ''} ` +
      `(rulesets interleaved run by run); a run longer than ${options.timeoutSeconds} s is killed and reported as a timeout. ` +
      (options.slowSeconds ? `¹ one run only: a peer ruleset whose first run takes over ${options.slowSeconds} s is not repeated on that description. ` : '') +
      `Ours is the packed package extended by name (\`extends: ["${PACKAGE}"]\`); the empty ruleset is \`rules: {}\`. Total benchmark time ${clock(results.totalMs)}.`,
  );
  lines.push('');
  const head = `| description | operations | size | ${order.map(id => labels[id]).join(' | ')} | ours ÷ empty | ours ÷ OWASP |`;
  const rule = `|---|---:|---:|${order.map(() => '---:').join('|')}|---:|---:|`;
  const row = t =>
    `| ${t.name} | ${t.operations?.toLocaleString('en-US') ?? '?'} | ${(t.bytes / 1e6).toFixed(1)} MB | ${order.map(id => cell(t.rulesets[id])).join(' | ')} | ${ratioCell(t.ratios.oursToEmptyTime, t.ratios.oursToEmptyMemory)} | ${ratioCell(t.ratios.oursToOwaspTime, t.ratios.oursToOwaspMemory, t.ratios.oursToOwaspTimeIsBound)} |`;
  const errorNotes = targets =>
    targets.flatMap(t =>
      order
        .filter(id => t.rulesets[id]?.status === 'error')
        .map(id => `² ${labels[id]} on ${t.name}: the CLI failed (${String(t.rulesets[id].errors?.[0] ?? 'unknown error').replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 300)}).`),
    );
  if (results.real.length) {
    lines.push('## Real-world descriptions', '', head, rule, ...results.real.map(row), '');
    for (const note of errorNotes(results.real)) lines.push(note, '');
    const refs = results.real.filter(t => Object.values(t.rulesets).some(r => r.unresolvedRefs));
    for (const t of refs) {
      const n = Math.max(...Object.values(t.rulesets).map(r => r.unresolvedRefs ?? 0));
      lines.push(
        `${t.name}: the resolver tried to fetch ${n} https \`$ref\`s written inside example values (no network here: they fail at once with ENOTFOUND and are reported as \`invalid-ref\` by every ruleset, so the comparison is unaffected).`,
        '',
      );
    }
  } else {
    lines.push('## Real-world descriptions', '', results.realSkipped ?? 'Not run.', '');
  }
  if (results.generated.length) {
    lines.push('## Generated descriptions (OpenAPI 3.1, `bench/generate.mjs`)', '', head, rule, ...results.generated.map(row), '');
    for (const note of errorNotes(results.generated)) lines.push(note, '');
    lines.push(
      'Cost of our rules: in the CLI, ours minus the empty ruleset (medians); alone, our rule functions called in-process without Spectral (median; see below).',
      '',
    );
    lines.push(
      '| operations | CLI: extra wall time | CLI: ms per operation | CLI: extra peak memory | our rules alone | alone: ms per operation | findings |',
      '|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const g of results.generated) {
      const c = g.ourCost;
      const a = g.alone?.medianMs ? g.alone : null;
      lines.push(
        `| ${g.operations.toLocaleString('en-US')} | ${c ? `${c.extraSeconds.toFixed(2)} s` : '–'} | ${c ? c.msPerOperation.toFixed(2) : '–'} | ${c && c.extraMB !== null ? `${Math.round(c.extraMB)} MB` : '–'} | ${a ? seconds(a.medianMs) : '–'} | ${a ? a.msPerOperation.toFixed(2) : '–'} | ${g.rulesets.ours?.findings?.toLocaleString('en-US') ?? '–'} |`,
      );
    }
    lines.push('', results.options.chart !== false ? '![Scaling](scaling.svg)' : '', '');
  }
  const withAlone = [...results.real, ...results.generated].filter(t => t.alone);
  if (withAlone.length) {
    lines.push('## Our rules alone', '');
    lines.push(
      `The package's rule functions called directly on the parsed description, in one process, the way Spectral calls them (every rule with a severity, on the nodes its \`given\` path matches in the raw document), without Spectral around them: no \`$ref\` resolution, no result locations, no output. Median of ${results.aloneMeasured ? results.options.runs : options.runs} runs (\`bench/alone.mjs\`). ` +
        `Spectral's own work caused by our rules (a source location for every finding, the JSON output) comes on top; the CLI columns include it.` +
        (results.aloneMeasured ? ` Measured separately, ${results.aloneMeasured.date}, at ${results.aloneMeasured.commit}: \`${results.aloneMeasured.command}\`.` : ''),
      '',
    );
    lines.push('| description | operations | our rules alone | ms per operation | CLI: ours − empty | slowest rules |', '|---|---:|---:|---:|---:|---|');
    for (const t of withAlone) {
      const a = t.alone;
      const extra = t.rulesets.ours?.medianSeconds && t.rulesets.empty?.medianSeconds ? t.rulesets.ours.medianSeconds - t.rulesets.empty.medianSeconds : null;
      lines.push(
        a.error
          ? `| ${t.name} | ${t.operations?.toLocaleString('en-US') ?? '?'} | failed | – | – | ${a.error.replace(/\|/g, '\\|').slice(0, 200)} |`
          : `| ${t.name} | ${t.operations?.toLocaleString('en-US') ?? '?'} | ${seconds(a.medianMs)} | ${a.msPerOperation?.toFixed(2) ?? '–'} | ${extra === null ? '–' : `${extra.toFixed(2)} s`} | ${a.topRules
              .slice(0, 3)
              .map(r => `${r.rule} ${r.ms.toFixed(0)} ms`)
              .join(', ')} |`,
      );
    }
    lines.push('');
  }
  if (results.editor) {
    lines.push('## Editor case', '');
    if (results.editor.error) lines.push(`Failed: ${results.editor.error}`);
    else {
      lines.push(
        `One Spectral instance per ruleset in one process re-lints a ${results.editor.operations}-operation generated description after a one-character edit (a new Document each time), ` +
          `${results.editor.iterations} times after ${results.editor.warmup} warm-ups, rulesets alternating. Median: empty ruleset ${results.editor.medianMs.empty.toFixed(0)} ms, ` +
          `ours ${results.editor.medianMs.ours.toFixed(0)} ms (x${results.editor.ratio.toFixed(2)}, +${(results.editor.medianMs.ours - results.editor.medianMs.empty).toFixed(0)} ms per re-lint).`,
      );
    }
    lines.push('');
  }
  lines.push('## Targets', '', '| target | met | measured |', '|---|---|---|');
  for (const t of results.targets) lines.push(`| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} | ${t.detail} |`);
  lines.push('');
  lines.push('Command: `' + results.command + '`', '');
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  if (options.aloneInto) {
    // Adds "our rules alone" to an existing results.json (same descriptions), then re-renders.
    const results = JSON.parse(readFileSync(options.aloneInto, 'utf8'));
    const log = message => process.stderr.write(`${message}\n`);
    const ref = options.ref;
    log(`Packing ${PACKAGE}${ref ? ` (clean build of ${ref})` : ''} into a temporary project...`);
    const project = createProject({ ref });
    const began = performance.now();
    try {
      const docs = join(tmpdir(), 'spectral-api-security-bench-docs', `v${GENERATOR_VERSION}`);
      for (const entry of [...results.real, ...results.generated]) {
        const file = entry.kind === 'real' ? join(resolve(REPO, results.options.corpus), entry.file) : join(docs, `generated-${entry.operations}.json`);
        if (entry.kind === 'generated' && !existsSync(file)) await writeGenerated(entry.operations, file);
        entry.alone = rulesAlone(project, { ...entry, file }, { ...results.options, runs: options.runs }, log);
      }
    } finally {
      project.cleanup();
    }
    results.aloneMeasured = {
      date: new Date().toISOString(),
      command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`,
      commit: versions(ref).commit,
      seconds: Math.round((performance.now() - began) / 1000),
    };
    results.targets = judgeTargets(results);
    const dir = dirname(options.aloneInto);
    writeFileSync(options.aloneInto, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(dir, 'results.md'), markdown(results));
    if (results.generated.length) writeFileSync(join(dir, 'scaling.svg'), drawScaling(results));
    log(`Added our rules alone to ${options.aloneInto}; rewrote results.md and scaling.svg.`);
    return;
  }
  if (options.render) {
    // Redraws results.md and scaling.svg next to an existing results.json (no measuring).
    const results = JSON.parse(readFileSync(options.render, 'utf8'));
    results.targets = judgeTargets(results);
    const dir = dirname(options.render);
    writeFileSync(join(dir, 'results.md'), markdown(results));
    if (results.generated.length) writeFileSync(join(dir, 'scaling.svg'), drawScaling(results));
    process.stderr.write(`Rewrote ${join(dir, 'results.md')}${results.generated.length ? ' and scaling.svg' : ''} from ${options.render}.\n`);
    return;
  }
  const began = performance.now();
  const log = message => process.stderr.write(`${message}\n`);
  const order = Object.keys(RULESETS).filter(id => options.rulesets.includes(id));
  // Runs are interleaved in this order within each round: the two being compared side by side first.
  const runOrder = [...['empty', 'ours', 'oas', 'owasp'], ...Object.keys(RULESETS)].filter((id, index, all) => all.indexOf(id) === index && options.rulesets.includes(id));
  log(`Packing ${PACKAGE}${options.ref ? ` (clean build of ${options.ref})` : ''} into a temporary project...`);
  const project = createProject({ ref: options.ref });
  const results = {
    date: new Date().toISOString(),
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    options: { ...options, corpus: relative(REPO, options.corpus) || '.', out: relative(REPO, options.out) },
    versions: versions(options.ref),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      loadBefore: loadavg().map(v => v.toFixed(2)),
      peakMemory: HAS_TIME ? '/usr/bin/time %M (max RSS)' : '/proc/<pid>/status VmHWM, polled',
    },
    rulesetOrder: order,
    rulesetLabels: Object.fromEntries(order.map(id => [id, RULESETS[id].label])),
    real: [],
    generated: [],
  };
  try {
    const real = realTargets(options, log);
    if (options.real && real.length === 0) results.realSkipped = existsSync(options.corpus) ? 'No large description found.' : `Skipped: ${options.corpus} does not exist.`;
    const generated = await generatedTargets(options, log);
    const targets = [...real, ...generated];
    const total = targets.length * runOrder.length * options.runs;
    let done = 0;
    log(`${targets.length} descriptions x ${runOrder.length} rulesets x up to ${options.runs} runs; per-run limit ${options.timeoutSeconds} s.`);
    const timedOutAt = {}; // generated series: a peer past the limit is not run on larger sizes
    for (const target of targets) {
      const runs = Object.fromEntries(runOrder.map(id => [id, []]));
      const skipped = {};
      for (let round = 0; round < options.runs; round++) {
        for (const id of runOrder) {
          done++;
          const tag = `[${String(done).padStart(String(total).length)}/${total}] ${clock(performance.now() - began)}  ${target.name.padEnd(26)} ${RULESETS[id].label.padEnd(21)} run ${round + 1}/${options.runs}`;
          if (skipped[id]) continue;
          if (target.kind === 'generated' && timedOutAt[id] !== undefined && timedOutAt[id] < target.operations) {
            skipped[id] = `timed out at ${timedOutAt[id].toLocaleString('en-US')} ops`;
            log(`${tag}  not run: ${skipped[id]}`);
            continue;
          }
          const previous = runs[id];
          if (previous.some(r => r.status !== 'ok')) {
            skipped[id] = 'stopped';
            continue;
          }
          const peer = id === 'oas' || id === 'owasp';
          if (peer && options.slowSeconds && previous.length === 1 && previous[0].wallMs > options.slowSeconds * 1000) {
            skipped[id] = 'slow';
            log(`${tag}  one run only (the first took ${seconds(previous[0].wallMs)} > ${options.slowSeconds} s)`);
            continue;
          }
          const result = await measure({
            project,
            ruleset: id,
            file: target.file,
            timeoutSeconds: options.timeoutSeconds,
            onHeartbeat: ms => log(`${tag}  ... still running (${clock(ms)})`),
          });
          previous.push(result);
          if (result.status === 'timeout' && target.kind === 'generated') timedOutAt[id] = Math.min(timedOutAt[id] ?? Infinity, target.operations);
          const what =
            result.status === 'ok'
              ? `${seconds(result.wallMs).padStart(8)}  ${mb(result.peakKb).padStart(9)}  ${result.findings} findings`
              : result.status === 'timeout'
                ? `TIMEOUT after ${options.timeoutSeconds} s (killed)`
                : `ERROR ${result.error}`;
          log(`${tag}  ${what}`);
        }
      }
      const entry = {
        kind: target.kind,
        name: target.name,
        file: target.kind === 'real' ? basename(target.file) : undefined,
        operations: target.operations,
        bytes: target.bytes,
        rulesets: {},
      };
      for (const id of order) {
        if (runs[id].length === 0 && skipped[id]) {
          entry.rulesets[id] = { status: 'skipped', reason: skipped[id], runs: 0 };
          continue;
        }
        entry.rulesets[id] = { ...summarise(runs[id]), plannedRuns: options.runs, limit: options.timeoutSeconds };
      }
      entry.ratios = ratios(entry.rulesets, options.timeoutSeconds);
      const ours = entry.rulesets.ours;
      const empty = entry.rulesets.empty;
      if (target.kind === 'generated' && ours?.medianSeconds && empty?.medianSeconds) {
        const extraSeconds = ours.medianSeconds - empty.medianSeconds;
        entry.ourCost = {
          extraSeconds,
          msPerOperation: (extraSeconds * 1000) / target.operations,
          extraMB: ours.medianPeakMB !== null && empty.medianPeakMB !== null ? ours.medianPeakMB - empty.medianPeakMB : null,
        };
      }
      const r = entry.ratios;
      log(
        `== ${target.name}: ${order.map(id => `${id} ${cell(entry.rulesets[id])}`).join(', ')}` +
          (r.oursToEmptyTime ? `; ours/empty x${r.oursToEmptyTime.toFixed(2)} time, x${r.oursToEmptyMemory?.toFixed(2)} memory` : '') +
          (r.oursJsToEmptyTime ? `; .spectral.js/empty x${r.oursJsToEmptyTime.toFixed(2)} time` : '') +
          (r.oursToOwaspTime ? `; ours/OWASP ${r.oursToOwaspTimeIsBound ? '< ' : ''}x${r.oursToOwaspTime.toFixed(3)}` : ''),
      );
      (target.kind === 'real' ? results.real : results.generated).push(entry);
    }
    if (options.alone) {
      log(`Our rules alone (rule functions called in-process, no Spectral), median of ${options.runs} runs in one process:`);
      for (const entry of [...results.real, ...results.generated]) {
        const target = [...real, ...generated].find(t => t.name === entry.name);
        entry.alone = rulesAlone(project, target, options, log);
      }
    }
    if (options.editor) results.editor = await editorCase(project, options, log);
  } finally {
    project.cleanup();
  }
  results.machine.loadAfter = loadavg().map(v => v.toFixed(2));
  results.totalMs = performance.now() - began;
  results.targets = judgeTargets(results);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(options.out, 'results.md'), markdown(results));
  if (options.chart && results.generated.length) writeFileSync(join(options.out, 'scaling.svg'), drawScaling(results));
  log('');
  log(markdown(results));
  log(`Wrote ${relative(process.cwd(), join(options.out, 'results.md'))}, results.json${options.chart && results.generated.length ? ', scaling.svg' : ''} (total ${clock(results.totalMs)}).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
