// End to end: `spectral-api-security inventory` (the built dist/cli/main.js) run as a separate process
// on generated logs of every format (CLF, combined, JSON lines of nginx, Envoy, Kong and API Gateway,
// HAR), plain and gzip, with malformed lines; formats, SARIF against the 2.1.0 schema, exit codes; and
// a log larger than the heap the process is given.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryReport } from '../../cli/inventory/report.js';
import { ensureBuilt, REPO, type Outcome } from './packed.js';
import { sarifSchemaErrors } from './sarif-schema.js';

const BIN = join(REPO, 'dist/cli/main.js');
let tmp: string;

function cli(args: string[], nodeArgs: string[] = []): Promise<Outcome> {
  return new Promise(resolve => {
    execFile(process.execPath, [...nodeArgs, BIN, ...args], { cwd: tmp, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function inventory(args: string[]): Promise<{ code: number; report: InventoryReport; stderr: string }> {
  const outcome = await cli(['inventory', '--spec', 'spec.yaml', ...args, '-f', 'json']);
  expect(outcome.stdout, outcome.stderr).toMatch(/^\{/);
  return { code: outcome.code, report: JSON.parse(outcome.stdout) as InventoryReport, stderr: outcome.stderr };
}

const SPEC = `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com/v1
paths:
  /users:
    get: {responses: {'200': {description: ok}}}
  /users/{id}:
    get: {responses: {'200': {description: ok}}}
    delete:
      deprecated: true
      responses: {'204': {description: ok}}
  /users/me:
    get: {responses: {'200': {description: ok}}}
  /orders:
    post: {responses: {'201': {description: ok}}}
`;

/** The same traffic in every format: 7 documented requests (1 zombie), 3 shadow, 1 outside, 1 probe answered 404. */
const TRAFFIC: Array<[string, string, number]> = [
  ['GET', '/v1/users', 200],
  ['GET', '/v1/users/42?expand=orders', 200],
  ['get', '/v1/users/me/', 200],
  ['HEAD', '/v1/users/7', 200],
  ['GET', '/v1/users/a%2Fb', 200],
  ['DELETE', '/v1/users/9', 204],
  ['GET', 'https://api.example.com/v1/users', 200],
  ['GET', '/v1/internal/users/42', 200],
  ['GET', '/v1/internal/users/77', 200],
  ['PUT', '/v1/users/42', 200],
  ['GET', '/v10/users', 200],
  ['GET', '/v1/.env', 404],
];
const MALFORMED = 3;

const clf = (combined: boolean) =>
  [
    ...TRAFFIC.map(([m, p, s], i) => `10.0.0.${i} - - [10/Oct/2024:13:55:36 +0000] "${m} ${p} HTTP/1.1" ${s} 512${combined ? ' "-" "curl/8.0"' : ''}`),
    'not a log line',
    '10.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "-" 400 0',
    '10.0.0.1 - - [10/Oct/2024:13:55:36 +0000] "G@T /x HTTP/1.1" 400 0',
  ].join('\n') + '\n';

const jsonLines = (shape: (m: string, p: string, s: number) => unknown) =>
  [...TRAFFIC.map(([m, p, s]) => JSON.stringify(shape(m, p, s))), '{"broken":', '{"message":"no request here"}', '[]'].join('\n') + '\n';

const har = () =>
  JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          ...TRAFFIC.map(([m, p, s]) => ({ request: { method: m, url: p.startsWith('http') ? p : `https://api.example.com${p}`, headers: [] }, response: { status: s, content: { text: 'x'.repeat(100) } } })),
          { request: { url: 'https://api.example.com/no-method' } },
          { request: { method: 'GET' } },
          { request: { method: 'GET', url: '*' } },
        ],
      },
    },
    null,
    2,
  );

const LOGS: Record<string, string> = {
  'access.log': clf(false),
  'combined.log': clf(true),
  'nginx.jsonl': jsonLines((m, p, s) => ({ time_local: 't', remote_addr: '1.2.3.4', request_method: m, request_uri: p, status: String(s) })),
  'envoy.jsonl': jsonLines((m, p, s) => ({ start_time: 't', method: m, path: p, protocol: 'HTTP/1.1', response_code: s })),
  'kong.jsonl': jsonLines((m, p, s) => ({ request: { method: m, uri: p, url: `http://gw${p}` }, response: { status: s }, upstream_uri: '/x' })),
  'apigateway.jsonl': jsonLines((m, p, s) => ({ requestId: 'r', httpMethod: m, path: p, resourcePath: '/{proxy+}', status: String(s) })),
  'capture.har': har(),
};

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'spectral-api-security-inventory-'));
  writeFileSync(join(tmp, 'spec.yaml'), SPEC);
  for (const [name, text] of Object.entries(LOGS)) {
    writeFileSync(join(tmp, name), text);
    // gzip recognised by content, whatever the name says
    writeFileSync(join(tmp, `${name}.gz`), gzipSync(text));
    writeFileSync(join(tmp, `${name}.bin`), gzipSync(text));
  }
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const FORMAT: Record<string, string> = { 'access.log': 'clf', 'combined.log': 'clf', 'capture.har': 'har' };

describe('inventory on each log format', { timeout: 60_000 }, () => {
  it.each(Object.keys(LOGS).flatMap(name => [name, `${name}.gz`, `${name}.bin`]))('%s', async name => {
    const { code, report, stderr } = await inventory(['--log', name]);
    expect(code, stderr).toBe(1);
    const base = name.replace(/\.(gz|bin)$/, '');
    expect(report.logs).toEqual([{ file: name, format: FORMAT[base] ?? 'json', gzip: name !== base, requests: TRAFFIC.length, malformed: MALFORMED }]);
    expect(report.coverage).toMatchObject({ operations: 5, operationsSeen: 4, requests: 12, matched: 7, shadow: 3, outside: 1, notServed: 1, malformed: 3 });
    expect(report.shadow.map(g => [g.method, g.basePath + g.path, g.requests, g.example])).toEqual([
      ['GET', '/v1/internal/users/{id}', 2, '/v1/internal/users/42'],
      ['PUT', '/v1/users/{id}', 1, '/v1/users/42'],
    ]);
    expect(report.zombie.map(o => [o.method, o.path, o.requests, o.example])).toEqual([['DELETE', '/users/{id}', 1, '/v1/users/9']]);
    expect(report.unused.map(o => `${o.method} ${o.path}`)).toEqual(['POST /orders']);
    expect(report.outside.map(g => `${g.method} ${g.path}`)).toEqual(['GET /v10/users']);
  });

  it('several logs of different formats add up, each counted on its own', async () => {
    const { report } = await inventory(['--log', 'access.log', '--log', 'kong.jsonl.gz', 'capture.har']);
    expect(report.logs.map(log => [log.file, log.format, log.requests, log.malformed])).toEqual([
      ['access.log', 'clf', 12, 3],
      ['kong.jsonl.gz', 'json', 12, 3],
      ['capture.har', 'har', 12, 3],
    ]);
    expect(report.coverage.requests).toBe(36);
    expect(report.shadow[0].requests).toBe(6);
  });

  it('--log-format and --json-fields override the detection and the field names', async () => {
    writeFileSync(join(tmp, 'custom.jsonl'), '{"verb":"GET","route":{"raw":"/v1/users/me"}}\n{"verb":"POST","route":{"raw":"/v1/orders"}}\n');
    const { code, report } = await inventory(['--log', 'custom.jsonl', '--json-fields', 'method=verb,path=route.raw', '--fail-on', 'none']);
    expect(code).toBe(0);
    expect(report.coverage).toMatchObject({ requests: 2, matched: 2, malformed: 0 });
    const forced = await inventory(['--log', 'nginx.jsonl', '--log-format', 'clf', '--fail-on', 'none']);
    expect(forced.report.coverage).toMatchObject({ requests: 0, malformed: 15 });
  });

  it('--strip-prefix removes a stage prefix; --include-not-found counts 404 probes as endpoints; --min-requests hides rare ones', async () => {
    writeFileSync(join(tmp, 'stage.log'), 'h - - [d] "GET /prod/v1/users HTTP/1.1" 200 1\nh - - [d] "GET /prod/v1/.env HTTP/1.1" 404 1\n');
    const { report } = await inventory(['--log', 'stage.log', '--strip-prefix', '/prod', '--include-not-found']);
    expect(report.coverage).toMatchObject({ matched: 1, shadow: 1, notServed: 0 });
    const min = await inventory(['--log', 'access.log', '--min-requests', '2']);
    expect(min.report.shadow.map(g => g.path)).toEqual(['/internal/users/{id}']);
    expect(min.report.belowMinimum).toBe(1);
  });
});

describe('reports and exit codes', { timeout: 60_000 }, () => {
  it('text: coverage, shadow, zombie, unused and outside sections', async () => {
    const { code, stdout, stderr } = await cli(['inventory', '--spec', 'spec.yaml', '--log', 'combined.log']);
    expect(code).toBe(1);
    expect(stderr).toContain('Found shadow endpoints, zombie endpoints');
    expect(stdout).toContain('Documented operations seen: 4 of 5 (80%)');
    expect(stdout).toContain('Requests to documented operations: 7 of 12 (58.3%)');
    expect(stdout).toContain('Malformed lines or entries skipped: 3');
    expect(stdout).toMatch(/^Shadow endpoints: called, not documented \(2\)\n {2}GET +\/v1\/internal\/users\/\{id\} +2 requests +e\.g\. \/v1\/internal\/users\/42$/m);
    expect(stdout).toMatch(/^Zombie endpoints: documented as deprecated, still called \(1\)\n {2}DELETE +\/users\/\{id\} +1 request/m);
    expect(stdout).toMatch(/^Unused documented operations \(1\)\n {2}POST +\/orders$/m);
  });

  it('sarif: valid 2.1.0; shadow on `paths`, zombie on its operation, unused as a note on its operation', async () => {
    const { code, stdout } = await cli(['inventory', '--spec', 'spec.yaml', '--log', 'access.log', '-f', 'sarif', '-o', 'out.sarif']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const log = JSON.parse(readFileSync(join(tmp, 'out.sarif'), 'utf8'));
    expect(sarifSchemaErrors(log)).toBe('');
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    const where = (rule: string) => results.filter(r => r.ruleId === rule).map(r => [r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]);
    expect(where('inventory-shadow-endpoint')).toEqual([['warning', 'spec.yaml', 5], ['warning', 'spec.yaml', 5]]);
    expect(where('inventory-zombie-endpoint')).toEqual([['warning', 'spec.yaml', 10]]);
    expect(where('inventory-unused-operation')).toEqual([['note', 'spec.yaml', 16]]);
    expect(results[0].message.text).toContain('GET /v1/internal/users/{id} is called (2 requests, e.g. /v1/internal/users/42)');
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['inventory-shadow-endpoint', 'inventory-zombie-endpoint', 'inventory-unused-operation']);
  });

  it('--fail-on chooses what fails: none, unused, zombie', async () => {
    expect((await cli(['inventory', '--spec', 'spec.yaml', '--log', 'access.log', '--fail-on', 'none'])).code).toBe(0);
    writeFileSync(join(tmp, 'clean.log'), 'h - - [d] "GET /v1/users HTTP/1.1" 200 1\n');
    expect((await cli(['inventory', '--spec', 'spec.yaml', '--log', 'clean.log'])).code).toBe(0);
    const unused = await cli(['inventory', '--spec', 'spec.yaml', '--log', 'clean.log', '--fail-on', 'unused']);
    expect(unused.code).toBe(1);
    expect(unused.stderr).toContain('unused operations');
    expect((await cli(['inventory', '--spec', 'spec.yaml', '--log', 'clean.log', '--fail-on', 'zombie,shadow'])).code).toBe(0);
  });

  it('exit 2 for usage errors and unreadable inputs, with the inventory help', async () => {
    for (const args of [[], ['--log', 'access.log'], ['--spec', 'spec.yaml'], ['--spec', 'spec.yaml', '--log', 'access.log', '-f', 'html'], ['--spec', 'spec.yaml', '--log', 'a', '--fail-on', 'all'], ['--spec', 'spec.yaml', '--log', 'a', '--bogus']]) {
      const outcome = await cli(['inventory', ...args]);
      expect(outcome.code, args.join(' ')).toBe(2);
      expect(outcome.stderr).toContain('Usage: spectral-api-security inventory');
    }
    const missing = await cli(['inventory', '--spec', 'spec.yaml', '--log', 'missing.log']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot read log .*missing\.log/);
    writeFileSync(join(tmp, 'not-a-spec.yaml'), 'hello: world\n');
    const notSpec = await cli(['inventory', '--spec', 'not-a-spec.yaml', '--log', 'access.log']);
    expect(notSpec.code).toBe(2);
    expect(notSpec.stderr).toContain('is not an OpenAPI or Swagger description');
  });

  it('help: `inventory --help`, and the lint help names the subcommand', async () => {
    const help = await cli(['inventory', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json-fields');
    const lint = await cli(['--help']);
    expect(lint.stdout).toContain('spectral-api-security inventory --spec <openapi file> --log <file>...');
  });
});

describe('a log larger than the heap', { timeout: 120_000 }, () => {
  it('streams 700,000 lines (about 80 MB) through a process limited to a 32 MB heap', async () => {
    const LINES = 700_000;
    const file = join(tmp, 'big.log');
    const out = createWriteStream(file);
    let chunk = '';
    for (let i = 0; i < LINES; i++) {
      chunk += i % 1000 === 999 ? 'garbage line without a request\n' : `203.0.113.${i % 250} - - [10/Oct/2024:13:55:36 +0000] "GET /v1/${i % 10 === 0 ? 'internal/users' : 'users'}/${i} HTTP/1.1" 200 ${i % 4096} "-" "Mozilla/5.0 (load test)"\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await new Promise<void>(resolve => out.once('drain', () => resolve()));
        chunk = '';
      }
    }
    await new Promise<void>(resolve => out.end(chunk, () => resolve()));
    const bytes = statSync(file).size;
    expect(bytes).toBeGreaterThan(75 * 2 ** 20); // held whole as a JS string it would take twice that (UTF-16)
    const outcome = await cli(['inventory', '--spec', 'spec.yaml', '--log', 'big.log', '-f', 'json', '--fail-on', 'none'], ['--max-old-space-size=32']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const report = JSON.parse(outcome.stdout) as InventoryReport;
    expect(report.coverage).toMatchObject({ requests: LINES - LINES / 1000, malformed: LINES / 1000 });
    expect(report.shadow.map(g => [g.path, g.requests])).toEqual([['/internal/users/{id}', 70_000]]);
  });
});
