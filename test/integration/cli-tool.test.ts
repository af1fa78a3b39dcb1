// End to end: the `spectral-api-security` command as npm installs it (the packed package's `bin`),
// run as a separate process in a temporary project: formats, SARIF against the 2.1.0 schema, gates,
// exit codes, the baseline round trip, remote `$ref`s and folders of descriptions.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { rules as ruleTable } from '../../index.js';
import type { Report } from '../../cli/report.js';
import { installedBin, PACKAGE, packedProject, REPO, type Outcome } from './packed.js';
import { sarifSchemaErrors } from './sarif-schema.js';

const RECOMMENDED = Object.entries(ruleTable).filter(([, row]) => row.recommended !== false).map(([id]) => id);

let tmp: string;
let bin: string;


/** Runs the installed command; never throws on a non-zero exit. */
function tool(args: string[], cwd = tmp): Promise<Outcome> {
  return new Promise(resolve => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function report(args: string[], cwd = tmp): Promise<{ code: number; report: Report; stderr: string }> {
  const outcome = await tool([...args, '-f', 'json'], cwd);
  expect(outcome.stdout, outcome.stderr).toMatch(/^\{/);
  return { code: outcome.code, report: JSON.parse(outcome.stdout) as Report, stderr: outcome.stderr };
}

const write = (file: string, text: string) => {
  mkdirSync(join(tmp, file, '..'), { recursive: true });
  writeFileSync(join(tmp, file), text);
};

beforeAll(() => {
  tmp = packedProject('spectral-api-security-tool-');
  bin = installedBin(tmp);
  // The examples without their .spectral.yaml: the command runs the package's own ruleset from `tmp`.
  cpSync(join(REPO, 'examples'), join(tmp, 'examples'), { recursive: true });
  rmSync(join(tmp, 'examples/.spectral.yaml'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the command', { timeout: 120_000 }, () => {
  it('is the package bin, an executable script with a shebang', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('text: findings grouped by OWASP category with `line:col severity rule message`, each rule\'s link once, and a summary', async () => {
    const { code, stdout } = await tool(['examples/flawed.yaml', 'examples/secure.yaml']);
    expect(code).toBe(1);
    expect(stdout).toContain('examples/flawed.yaml  (14 operations, score');
    expect(stdout).toContain('  API2:2023 Broken Authentication\n');
    expect(stdout).toContain('  API8:2023 Security Misconfiguration\n');
    // Location, severity and rule on a line, the message wrapped below it: nothing but links passes 100 columns.
    expect(stdout).toMatch(/^ {4}\d+:\d+ +error +auth-write-operation-unprotected\n {10,}POST \/orders /m);
    expect(stdout.split('\n').filter(line => line.length > 100 && !line.includes('↳ https://'))).toEqual([]);
    for (const id of RECOMMENDED.filter(id => id !== 'auth-security-undocumented')) {
      expect(stdout.split(`docs/rules/${id}.md`).length - 1, id).toBe(1);
    }
    expect(stdout).toMatch(/examples\/secure\.yaml  \(16 operations, score 100\/100\)\n  No findings\./);
    expect(stdout).toMatch(/^Summary\n/m);
    expect(stdout).toMatch(/^Document +Operations +error +warn +info +hint +known +score$/m);
    expect(stdout).toMatch(/^examples\/secure\.yaml +16 +0 +0 +0 +0 +0 +100$/m);
    expect(stdout).toMatch(/^Overall \(2 documents\) +30 +\d+/m);
  });

  it('markdown and html: the posture report of the same run, written to -o, gated like the others', async () => {
    const md = await tool(['examples/flawed.yaml', 'examples/secure.yaml', '-f', 'markdown', '-o', 'posture.md']);
    expect(md.code).toBe(1);
    const markdown = readFileSync(join(tmp, 'posture.md'), 'utf8');
    const overall = (await report(['examples/flawed.yaml', 'examples/secure.yaml'])).report.score;
    expect(markdown).toContain(`${overall}/100`);
    expect(markdown).toMatch(/\| examples\/secure\.yaml \| 100 \|/);
    expect(markdown).toContain('(https://github.com/spectral-api-security/spectral-api-security/blob/main/docs/rules/auth-write-operation-unprotected.md)');
    const page = await tool(['examples/flawed.yaml', '-f', 'html', '-o', 'posture.html', '--fail-severity', 'off']);
    expect(page.code).toBe(0);
    const html = readFileSync(join(tmp, 'posture.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']https?:/i);
    expect(html).toContain('auth-write-operation-unprotected');
  });

  it('json: the Report, with the same findings as `spectral lint` with the package\'s ruleset', async () => {
    const { code, report: result } = await report(['examples/flawed.yaml', 'examples/flawed-no-security.yaml']);
    expect(code).toBe(1);
    const [flawed, noSecurity] = result.documents;
    expect(flawed.document).toBe('examples/flawed.yaml');
    expect(flawed.operationCount).toBe(14);
    expect(noSecurity.findings.map(f => f.rule)).toEqual(['auth-security-undocumented']);
    expect(noSecurity.findings[0].operations).toBe(2);
    expect([...new Set(result.documents.flatMap(d => d.findings.map(f => f.rule)))].sort()).toEqual([...RECOMMENDED].sort());
    for (const finding of flawed.findings) {
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(finding.owasp).toMatch(/^API\d+$/);
      expect(finding.range.start.line).toBeGreaterThanOrEqual(1);
    }
    expect(result.rules['transport-plain-http'].cwe).toEqual(['CWE-319']);
    expect(result.rules['transport-plain-http'].help).toContain('## Why it matters');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.fixed).toEqual([]);

    // The same engine and ruleset as Spectral's CLI: the same findings at the same places.
    const spectralCli = join(tmp, 'node_modules/@stoplight/spectral-cli/dist/index.js');
    write('by-name/.spectral.yaml', 'extends: ["spectral-api-security"]\n');
    const cli = await new Promise<string>(resolve =>
      execFile(process.execPath, [spectralCli, 'lint', '-r', 'by-name/.spectral.yaml', '-f', 'json', '--quiet', 'examples/flawed.yaml'], { cwd: tmp, maxBuffer: 64 << 20 }, (_, stdout) => resolve(stdout)),
    );
    const theirs = (JSON.parse(cli) as Array<{ code: string; path: string[]; range: { start: { line: number } } }>).map(r => `${r.code} ${r.path.join('.')} ${r.range.start.line + 1}`).sort();
    expect(flawed.findings.map(f => `${f.rule} ${f.path.join('.')} ${f.range.start.line}`).sort()).toEqual(theirs);
  });

  it('sarif: valid SARIF 2.1.0, security-grade rules (security-severity, CWE and OWASP tags, help) and results', async () => {
    const { code, stdout } = await tool(['examples/flawed.yaml', 'examples/flawed-no-security.yaml', '-f', 'sarif', '-o', 'out.sarif']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const log = JSON.parse(readFileSync(join(tmp, 'out.sarif'), 'utf8'));
    expect(sarifSchemaErrors(log)).toBe('');

    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe(PACKAGE);
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const ids = driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(ruleTable)));
    for (const rule of driver.rules) {
      expect(rule.properties['security-severity'], rule.id).toMatch(/^\d+\.\d$/);
      expect(rule.properties.tags, rule.id).toContain('security');
      expect(rule.shortDescription.text, rule.id).toMatch(/\S/);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties.precision);
      if (rule.id in ruleTable) {
        expect(rule.properties.tags.some((tag: string) => /^OWASP API\d+:2023 /.test(tag)), rule.id).toBe(true);
        expect(rule.properties.tags.some((tag: string) => /^external\/cwe\/cwe-\d+$/.test(tag)), rule.id).toBe(true);
        expect(rule.helpUri).toBe(ruleTable[rule.id as keyof typeof ruleTable].documentationUrl);
        expect(rule.help.markdown, rule.id).toContain('## Why it matters');
        expect(rule.help.markdown, rule.id).toContain('## What it flags');
        expect(rule.help.text, rule.id).not.toContain('](');
      }
    }
    const unprotected = driver.rules.find((rule: { id: string }) => rule.id === 'auth-security-undocumented');
    expect(unprotected.properties.tags).toEqual(['security', 'OWASP API2:2023 Broken Authentication', 'external/cwe/cwe-306']);

    const results = log.runs[0].results;
    expect(results.length).toBe(RECOMMENDED.length);
    for (const result of results) {
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.message.text).toMatch(/\S/);
      expect(result.partialFingerprints['apiSecurity/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(result.baselineState).toBeUndefined();
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation).toEqual({ uri: expect.stringMatching(/^examples\/flawed(-no-security)?\.yaml$/), uriBaseId: '%SRCROOT%' });
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.endLine).toBeGreaterThanOrEqual(location.region.startLine);
    }
  });

  it('gates: --fail-severity, --min-score, and exit code 2 for usage errors and unreadable input', async () => {
    expect((await tool(['examples/secure.yaml'])).code).toBe(0);
    expect((await tool(['examples/flawed.yaml', '--fail-severity', 'off'])).code).toBe(0);
    // flawed-no-security.yaml has one error and nothing below it.
    expect((await tool(['examples/flawed-no-security.yaml'])).code).toBe(1);
    expect((await tool(['examples/flawed-no-security.yaml', '--fail-severity=hint'])).code).toBe(1);
    write('warn-only.yaml', readFileSync(join(tmp, 'examples/secure.yaml'), 'utf8').replace(/^( *)maxLength: 128\n/m, ''));
    const warnOnly = await report(['warn-only.yaml', '--fail-severity', 'off']);
    const severities = warnOnly.report.documents[0].findings.map(f => f.severity);
    expect(severities.length).toBeGreaterThan(0);
    expect(severities).not.toContain('error');
    expect((await tool(['warn-only.yaml'])).code).toBe(0);
    expect((await tool(['warn-only.yaml', '--fail-severity', 'warn'])).code).toBe(1);

    expect((await tool(['examples/secure.yaml', '--min-score', '100'])).code).toBe(0);
    const low = await tool(['examples/flawed.yaml', '--fail-severity', 'off', '--min-score', '50']);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/Overall score \d+ is below --min-score 50/);

    for (const args of [['-f', 'xml', 'examples/secure.yaml'], ['--min-score', 'high', 'examples/secure.yaml'], ['--no-such-option', 'examples/secure.yaml'], []]) {
      const outcome = await tool(args);
      expect(outcome.code, args.join(' ')).toBe(2);
      expect(outcome.stderr, args.join(' ')).toMatch(/\S/);
      expect(outcome.stderr).not.toMatch(/^\s+at /m);
    }
    const missing = await tool(['no-such.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read no-such.yaml');
    symlinkSync(join(tmp, 'nowhere.yaml'), join(tmp, 'dangling.yaml'));
    expect((await tool(['dangling.yaml'])).code).toBe(2);
    write('broken-baseline.json', '{"entries": 3}');
    expect((await tool(['examples/secure.yaml', '--baseline', 'broken-baseline.json'])).code).toBe(2);
  });

  it('baseline: known findings never fail; a new flaw does; moving and reindenting keeps them known; a fix is listed as fixed', async () => {
    const original = readFileSync(join(tmp, 'examples/flawed.yaml'), 'utf8');
    write('base/api.yaml', original);
    const written = await tool(['base/api.yaml', '--write-baseline', 'base/baseline.json']);
    expect(written.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(tmp, 'base/baseline.json'), 'utf8'));
    expect(baseline.version).toBe(1);
    expect(baseline.entries.length).toBe(RECOMMENDED.length - 1);
    expect(Object.keys(baseline.entries[0]).sort()).toEqual(['document', 'fingerprint', 'message', 'rule']);

    const known = await report(['base/api.yaml', '--baseline', 'base/baseline.json']);
    expect(known.code).toBe(0);
    expect(known.report.documents[0].findings.every(f => f.baselined)).toBe(true);

    // A new flaw: a server on plain http, inserted first. Only it fails the run: the sandbox server's
    // findings move from servers.1 to servers.2 but are recognised by the server's URL.
    const withFlaw = original.replace(/^servers:\n/m, 'servers:\n  - url: http://eu.api.example.com\n');
    expect(withFlaw).not.toBe(original);
    write('base/api.yaml', withFlaw);
    const flawed = await report(['base/api.yaml', '--baseline', 'base/baseline.json']);
    expect(flawed.code).toBe(1);
    expect(flawed.report.documents[0].findings.filter(f => !f.baselined).map(f => `${f.rule} ${f.path.join('.')}`)).toEqual(['transport-plain-http servers.0.url']);
    // In SARIF, the new finding is "new", the others "unchanged".
    const sarif = JSON.parse((await tool(['base/api.yaml', '--baseline', 'base/baseline.json', '-f', 'sarif'])).stdout);
    const states = sarif.runs[0].results.map((r: { baselineState: string }) => r.baselineState);
    expect(states.filter((s: string) => s === 'new')).toHaveLength(1);
    expect(states.filter((s: string) => s === 'unchanged')).toHaveLength(baseline.entries.length);

    // The original content reindented (4 spaces) below twenty new comment lines: every line moved, nothing new.
    const reformatted = '# moved\n'.repeat(20) + parseDocument(original).toString({ indent: 4 });
    expect(reformatted.split('\n')[30]).not.toBe(original.split('\n')[10]);
    write('base/api.yaml', reformatted);
    const moved = await report(['base/api.yaml', '--baseline', 'base/baseline.json']);
    expect(moved.code).toBe(0);
    expect(moved.report.documents[0].findings.filter(f => !f.baselined)).toEqual([]);
    expect(moved.report.fixed).toEqual([]);

    // Fixing one: the Stripe test key in the sandbox server's description becomes a placeholder. Listed as fixed; nothing fails.
    const withoutKey = reformatted.replace('sk_test_jIpkQCyycrHCFmilZ71s', 'sk_test_<your key>');
    expect(withoutKey).not.toBe(reformatted);
    write('base/api.yaml', withoutKey);
    const fixed = await report(['base/api.yaml', '--baseline', 'base/baseline.json']);
    expect(fixed.code).toBe(0);
    expect(fixed.report.documents[0].findings.filter(f => !f.baselined)).toEqual([]);
    expect(fixed.report.fixed.map(entry => `${entry.document} ${entry.rule}`)).toEqual(['base/api.yaml secret-test-key']);
    const textOutput = await tool(['base/api.yaml', '--baseline', 'base/baseline.json']);
    expect(textOutput.stdout).toContain('Fixed since the baseline (1):');
    expect(textOutput.stdout).toContain('(known, in the baseline)');
  });

  it('remote $ref: never fetched without --allow-remote-refs (reported instead), fetched with it; the examples\' resolver keeps Spectral\'s CLI offline too', async () => {
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.setHeader('content-type', 'application/json');
      response.end('{"id": 1}');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/repos/octo/hello.json`;
      write(
        'remote/api.yaml',
        `openapi: 3.1.0\ninfo: {title: Repos, version: 1.0.0}\npaths:\n  /repos:\n    get:\n      responses:\n        '200':\n          description: A repository.\n          content:\n            application/json:\n              example:\n                $ref: ${url}\n`,
      );
      const offline = await report(['remote/api.yaml']);
      expect(requests).toEqual([]);
      const refused = offline.report.documents[0].findings.filter(f => f.rule === 'remote-ref-not-followed');
      expect(refused).toHaveLength(1);
      expect(refused[0].severity).toBe('warn');
      expect(refused[0].message).toContain(url);

      await report(['remote/api.yaml', '--allow-remote-refs']);
      expect(requests).toEqual(['/repos/octo/hello.json']);

      // Spectral's CLI with the resolver of examples/no-remote-refs.js: no request either.
      requests.length = 0;
      const spectralCli = join(tmp, 'node_modules/@stoplight/spectral-cli/dist/index.js');
      write('remote/.spectral.yaml', 'extends: ["spectral-api-security"]\n');
      const cli = await new Promise<string>(resolve =>
        execFile(
          process.execPath,
          [spectralCli, 'lint', '-r', 'remote/.spectral.yaml', '--resolver', 'examples/no-remote-refs.js', '-f', 'json', '--quiet', 'remote/api.yaml'],
          { cwd: tmp },
          (_, stdout) => resolve(stdout),
        ),
      );
      expect(requests).toEqual([]);
      const invalid = (JSON.parse(cli) as Array<{ code: string; message: string }>).filter(r => r.code === 'invalid-ref');
      expect(invalid.map(r => r.message).join('\n')).toContain('Remote $ref not followed');
    } finally {
      server.close();
    }
  });

  it('folders and globs: descriptions only (a top-level openapi or swagger key), node_modules and hidden folders skipped', async () => {
    const secure = readFileSync(join(tmp, 'examples/secure.yaml'), 'utf8');
    write('specs/a.yaml', secure);
    write('specs/nested/deeper/b.json', JSON.stringify({ swagger: '2.0', info: { title: 'B', version: '1' }, paths: {} }));
    write('specs/nested/indented.yml', `---\n  ${secure.split('\n').join('\n  ')}`);
    write('specs/notes.yaml', 'title: not an API description\nopenapi_version: 3\n');
    write('specs/package.json', '{"name": "x", "version": "1.0.0"}');
    write('specs/node_modules/dep/api.yaml', secure);
    write('specs/.cache/api.yaml', secure);
    const folder = await report(['specs']);
    expect(folder.report.documents.map(d => d.document)).toEqual(['specs/a.yaml', 'specs/nested/deeper/b.json', 'specs/nested/indented.yml']);
    expect(folder.report.documents[0].score).toBe(100);
    // No progress line when stderr is not a terminal (CI logs, pipes).
    expect(folder.stderr).not.toContain('[1/3]');
    // With a terminal (util-linux `script` gives one, where it is installed): one line per file, rewritten in place.
    const script = await new Promise<string | undefined>(resolve =>
      execFile('script', ['-qc', `"${process.execPath}" "${bin}" specs -f json -o specs-report.json`, '/dev/null'], { cwd: tmp }, (error, stdout) => resolve(error && !stdout ? undefined : stdout)),
    );
    if (script !== undefined) {
      expect(script).toContain('\r[1/3] specs/');
      expect(script).toContain('\r[3/3] specs/');
    }

    const glob = await report(['specs/**/*.json']);
    expect(glob.report.documents.map(d => d.document)).toEqual(['specs/nested/deeper/b.json']);
    const star = await report(['specs/*.y?ml']);
    expect(star.report.documents.map(d => d.document)).toEqual(['specs/a.yaml']);
    const none = await tool(['specs/**/*.txt']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No description matches specs/**/*.txt');
  });

  it('the project\'s .spectral.yaml (or -r) is the ruleset: its overrides apply', async () => {
    write('project/.spectral.yaml', 'extends: ["spectral-api-security"]\nrules:\n  transport-plain-http: off\n  auth-object-id-guessable: error\n');
    cpSync(join(tmp, 'examples/flawed.yaml'), join(tmp, 'project/flawed.yaml'));
    const own = await report(['flawed.yaml'], join(tmp, 'project'));
    const rules = own.report.documents[0].findings.map(f => f.rule);
    expect(rules).not.toContain('transport-plain-http');
    expect(own.report.documents[0].findings.find(f => f.rule === 'auth-object-id-guessable')?.severity).toBe('error');
    expect(own.report.rules['auth-object-id-guessable'].severity).toBe('error');
    const byOption = await report(['project/flawed.yaml', '-r', 'project/.spectral.yaml']);
    expect(byOption.report.documents[0].findings.map(f => f.rule)).toEqual(rules);
    const missing = await tool(['project/flawed.yaml', '-r', 'project/none.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read ruleset project/none.yaml');
    // A ruleset that does not load, with one file (linted in-process) and two (worker threads): exit 2, the reason on stderr.
    write('project/broken.yaml', 'extends: ["no-such-ruleset-package"]\n');
    for (const files of [['project/flawed.yaml'], ['project/flawed.yaml', 'examples/secure.yaml']]) {
      const broken = await tool([...files, '-r', 'project/broken.yaml']);
      expect(broken.code, files.join(' ')).toBe(2);
      expect(broken.stderr).toMatch(/^Cannot load the ruleset: .*no-such-ruleset-package.*$/m);
      expect(broken.stderr).not.toContain('Require stack');
    }
  });
});
