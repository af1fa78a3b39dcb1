// Benchmark of `spectral-api-security inventory`: generates an access log of N lines (default 10
// million, Combined Log Format) against a real description (default the GitHub REST description of
// the corpus) into the temporary folder, runs the built command on it once, and prints lines per
// second and the command's peak memory (maxRSS).
//
//   nice node bench/inventory.mjs [--lines 10000000] [--spec file] [--format clf|json] [--keep]
//
// The mix: 85% documented operations (parameters filled with ids and words), 6% shadow endpoints
// (undocumented paths with ids, and undocumented methods on documented paths), 3% deprecated
// operations (zombies), 3% probes answered 404, 2% outside any base path is not possible with a root
// server so those are more shadow, 1% malformed lines. Seeded, so two runs write the same log.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const LINES = Number(option('--lines', '10000000'));
const SPEC = option('--spec', '/work/shared/corpus/real/github-api.json');
const FORMAT = option('--format', 'clf');
const KEEP = args.includes('--keep');
const BIN = join(REPO, 'dist/cli/main.js');
if (!existsSync(BIN)) throw new Error('Run `npm run build` first');

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = list => list[Math.floor(random() * list.length)];

const description = JSON.parse(readFileSync(SPEC, 'utf8'));
const operations = [];
for (const [path, item] of Object.entries(description.paths ?? {})) {
  for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
    if (item[method]) operations.push({ method: method.toUpperCase(), path, deprecated: item[method].deprecated === true });
  }
}
const current = operations.filter(operation => !operation.deprecated);
const deprecated = operations.filter(operation => operation.deprecated);
const WORDS = ['octocat', 'hello-world', 'main', 'spectral', 'api', 'docs', 'v2', 'release'];
const fill = path => path.replace(/\{[^{}]*\}/g, () => (random() < 0.5 ? String(Math.floor(random() * 1e6)) : pick(WORDS)));
const SHADOW = [
  () => `/internal/users/${Math.floor(random() * 1e5)}`,
  () => `/internal/metrics`,
  () => `/admin/debug/vars`,
  () => `/v0/export/${Math.floor(random() * 1e9).toString(16).padStart(8, '0')}-1f2e-4c3b-9a8d-${Math.floor(random() * 1e12).toString(16).padStart(12, '0')}`,
];

function request() {
  const r = random();
  if (r < 0.85) {
    const operation = pick(current);
    return [operation.method, fill(operation.path) + (random() < 0.2 ? '?page=2&per_page=100' : ''), 200];
  }
  if (r < 0.91) {
    if (random() < 0.7) return [pick(['GET', 'POST']), pick(SHADOW)(), 200];
    const operation = pick(current);
    return ['PURGE', fill(operation.path), 200];
  }
  if (r < 0.94 && deprecated.length > 0) {
    const operation = pick(deprecated);
    return [operation.method, fill(operation.path), 200];
  }
  return ['GET', pick(['/wp-login.php', '/.env', '/phpmyadmin/index.php', '/cgi-bin/test']), 404];
}

const log = join(tmpdir(), `inventory-bench-${LINES}.${FORMAT === 'json' ? 'jsonl' : 'log'}`);
const startGen = Date.now();
if (!existsSync(log)) {
  const out = createWriteStream(log, { highWaterMark: 1 << 22 });
  let buffer = '';
  for (let i = 0; i < LINES; i++) {
    if (random() < 0.01) buffer += pick(['-', '', '127.0.0.1 - - [garbage', '{"broken": ', 'GET']) + '\n';
    else {
      const [method, path, status] = request();
      buffer +=
        FORMAT === 'json'
          ? `{"time_local":"10/Oct/2024:13:55:36 +0000","remote_addr":"203.0.113.${i % 250}","request_method":"${method}","request_uri":"${path}","status":"${status}","body_bytes_sent":"${512 + (i % 4096)}","http_user_agent":"bench/1.0"}\n`
          : `203.0.113.${i % 250} - - [10/Oct/2024:13:55:36 +0000] "${method} ${path} HTTP/1.1" ${status} ${512 + (i % 4096)} "-" "Mozilla/5.0 (bench)"\n`;
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise(resolve => out.once('drain', resolve));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise(resolve => out.on('finish', resolve));
  console.log(`generated ${LINES.toLocaleString('en-US')} lines in ${((Date.now() - startGen) / 1000).toFixed(1)} s`);
}
const bytes = statSync(log).size;

// The command's own peak memory, written by a preload as it exits.
const preload = join(tmpdir(), 'inventory-bench-rss.cjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");
const start = process.hrtime.bigint();
const run = spawnSync(process.execPath, ['--require', preload, BIN, 'inventory', '--spec', SPEC, '--log', log, '-f', 'json', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
const report = JSON.parse(run.stdout);
const maxRss = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1] ?? 0) * 1024;
const c = report.coverage;
console.log(`log: ${log} (${(bytes / 2 ** 30).toFixed(2)} GiB, ${LINES.toLocaleString('en-US')} lines, ${FORMAT})`);
console.log(`description: ${SPEC} (${report.coverage.operations} operations)`);
console.log(`time: ${seconds.toFixed(1)} s, ${Math.round(LINES / seconds).toLocaleString('en-US')} lines/s, ${(bytes / 2 ** 20 / seconds).toFixed(0)} MiB/s`);
console.log(`peak memory (maxRSS): ${(maxRss / 2 ** 20).toFixed(0)} MiB`);
console.log(`requests ${c.requests}, matched ${c.matched}, shadow ${c.shadow}, not served ${c.notServed}, malformed ${c.malformed}; ` +
  `${report.shadow.length} shadow endpoints, ${report.zombie.length} zombies, operations seen ${c.operationsSeen}/${c.operations}`);
if (!KEEP) rmSync(log);
