// End to end: the package as npm publishes it, loaded by the real Spectral CLI the ways
// users load it (YAML `extends` by package name, a JavaScript ruleset importing it, the
// `createRuleset` factory, severity overrides), on the examples shipped in the repository.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules as ruleTable } from '../../index.js';
import { DOCS_BASE_URL } from '../../rulesets/owasp.js';
import { FLAWED } from './flawed-findings.js';
import { PACKAGE, packedProject, removeProject } from './packed.js';

const run = promisify(execFile);
const ALL_RULES_IN_ORDER = Object.keys(ruleTable);
const ALL_RULES = [...ALL_RULES_IN_ORDER].sort();
/** The rules a plain `extends` runs; the others (`recommended: false`) run with `extends: [[ruleset, all]]` or a severity. */
const RECOMMENDED_RULES = Object.entries(ruleTable).filter(([, row]) => row.recommended !== false).map(([id]) => id).sort();
const RESPONSE_RULE = 'resource-response-unbounded';
/** The rules off by default (`recommended: false`). */
const OFF_BY_DEFAULT = [RESPONSE_RULE, 'headers-hsts-missing', 'headers-cache-control-missing'].sort();

interface Diagnostic {
  code: string;
  path: string[];
  severity: number;
  source: string;
}

let tmp: string;
let cliBin: string;

/** Runs `spectral lint` in the temporary project; exit code 1 only means "findings at or above --fail-severity". */
async function spectral(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [cliBin, 'lint', ...args], { cwd: tmp, env: process.env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 1 && failed.stdout) return failed.stdout;
    throw new Error(`spectral ${args.join(' ')} exited with ${failed.code}:\n${failed.stdout}\n${failed.stderr}`);
  }
}

/** Lints documents (relative to the temporary project) and returns the parsed `-f json` output. */
async function lintJson(ruleset: string, documents: string[]): Promise<Diagnostic[]> {
  return JSON.parse(await spectral(['-r', ruleset, '-f', 'json', '--quiet', ...documents])) as Diagnostic[];
}

/** "code dotted.path" for one document's findings, sorted, for exact comparisons. */
function summary(results: Diagnostic[], document: string, codes?: ReadonlySet<string>): string[] {
  return results
    .filter(r => r.source === join(tmp, document) && (!codes || codes.has(r.code)))
    .map(r => `${r.code} ${r.path.join('.')}`)
    .sort();
}

function writeRuleset(dir: string, file: string, text: string): string {
  mkdirSync(join(tmp, dir), { recursive: true });
  writeFileSync(join(tmp, dir, file), text);
  return `${dir}/${file}`;
}


// What the off-by-default `resource-response-unbounded` adds on examples/flawed.yaml with every rule on:
// the values responses return with no upper bound (secure.yaml bounds them all).
// The pages of /orders, /products and /users/{userId}/orders are bounded by `Limit` (maximum 100);
// /users's `limit` has no maximum, so its page is still reported.
const FLAWED_RESPONSE_UNBOUNDED = [
  'resource-response-unbounded components.schemas.Error.properties.code',
  'resource-response-unbounded components.schemas.Error.properties.message',
  'resource-response-unbounded components.schemas.Error.properties.stackTrace',
  'resource-response-unbounded components.schemas.Order.properties.deliveryNote',
  'resource-response-unbounded components.schemas.Order.properties.items',
  'resource-response-unbounded components.schemas.Order.properties.metadata',
  'resource-response-unbounded components.schemas.Order.properties.priority',
  'resource-response-unbounded components.schemas.OrderItem.properties.quantity',
  'resource-response-unbounded components.schemas.Product.properties.name',
  'resource-response-unbounded components.schemas.User.properties.id',
  'resource-response-unbounded components.schemas.User.properties.passwordHash',
  'resource-response-unbounded paths./users.get.responses.200.content.application/json.schema',
];

// What the off-by-default header rules add with every rule on: no Strict-Transport-Security on the
// https API (flawed-no-security.yaml declares headers too), and no `Cache-Control: no-store` on the
// responses that return a password hash or a card number (secure.yaml declares both where needed).
const FLAWED_HEADERS = [
  'headers-cache-control-missing paths./orders.get.responses.200',
  'headers-cache-control-missing paths./orders.post.responses.201',
  'headers-cache-control-missing paths./orders/{orderId}.get.responses.200',
  'headers-cache-control-missing paths./users.get.responses.200',
  'headers-cache-control-missing paths./users/{userId}.get.responses.200',
  'headers-cache-control-missing paths./users/{userId}.patch.responses.200',
  'headers-cache-control-missing paths./users/{userId}/orders.get.responses.200',
  'headers-hsts-missing servers',
];
const HEADER_RULES = new Set(['headers-hsts-missing', 'headers-cache-control-missing']);

// A signed download link: `sig` is a credential only to teams that say so through `createRuleset`.
// Otherwise designed cleanly (bounded, rate limited), so `sig` is all a ruleset can report on it.
const SIGNED_URL = `openapi: 3.1.0
info: {title: Files, version: 1.0.0}
security: [{apiKey: []}]
paths:
  /files/{fileId}/download:
    get:
      parameters:
        - {name: fileId, in: path, required: true, schema: {type: string, format: uuid}}
        - {name: sig, in: query, required: true, schema: {type: string, maxLength: 128}}
      responses:
        '200': {description: The file., headers: {RateLimit: {schema: {type: string, maxLength: 256}}}}
        '401': {description: Missing or invalid credentials.}
        '403': {description: Not allowed.}
        '429': {description: Too many requests., headers: {Retry-After: {schema: {type: integer, maximum: 86400}}, RateLimit: {schema: {type: string, maxLength: 256}}}}
components:
  securitySchemes:
    apiKey: {type: apiKey, in: header, name: X-API-Key}
`;

const DOCUMENTS = ['examples/flawed.yaml', 'examples/secure.yaml', 'examples/flawed-no-security.yaml', 'signed-url.yaml'];

beforeAll(() => {
  // The tarball npm would publish, unpacked where npm would install it (packed.ts).
  tmp = packedProject('spectral-api-security-cli-');
  cliBin = join(tmp, 'node_modules/@stoplight/spectral-cli/dist/index.js');
  writeFileSync(join(tmp, 'signed-url.yaml'), SIGNED_URL);
});

afterAll(() => removeProject(tmp));

describe('the packed package', () => {
  it('ships every file its package.json points at, and resolves by name to the unpacked copy', () => {
    const root = join(tmp, 'node_modules', PACKAGE);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    // Export targets, through nested conditions (`import: { types, default }`).
    const targetsOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targetsOf) : []);
    const targets = [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin as Record<string, string>), ...targetsOf(manifest.exports)];
    expect(targets).toContain('./dist/esm/types/index.d.ts');
    expect(targets.filter(target => !existsSync(join(root, target)))).toEqual([]);
    // How Spectral (CLI and editor) resolves `extends: [spectral-api-security]` from a ruleset in
    // `tmp`: to the whole bundle, whose only bare imports are packages the editor's bundler provides
    // (any other would be fetched from a CDN; see test/integration/editor.test.ts).
    const require = createRequire(join(tmp, 'x.js'));
    expect(require.resolve(PACKAGE, { paths: [tmp] })).toBe(join(root, 'dist/cjs/index.js'));
    expect(require.resolve(`${PACKAGE}/bundle`, { paths: [tmp] })).toBe(join(root, 'dist/cjs/index.js'));
    const bundle = readFileSync(join(root, 'dist/cjs/index.js'), 'utf8');
    expect([...new Set(bundle.match(/require\(['"][^'"]+['"]\)/g))].sort()).toEqual([
      "require('@stoplight/spectral-core')",
      "require('@stoplight/spectral-formats')",
    ]);
    expect(Object.keys(require(join(root, 'dist/cjs/index.js')).default.rules)).toEqual(ALL_RULES_IN_ORDER);
  });
});

describe('Spectral CLI with the packed package', { timeout: 60_000 }, () => {
  /** The findings of the plain `.spectral.yaml`, which the other ways of loading the package must reproduce. */
  let byYaml: Diagnostic[];
  beforeAll(async () => {
    byYaml = await lintJson(writeRuleset('yaml', '.spectral.yaml', 'extends: ["spectral-api-security"]\n'), DOCUMENTS);
  });

  it('(a) `.spectral.yaml` extending the package by name: every recommended rule fires on the flawed examples, nothing on the secure one', () => {
    expect(summary(byYaml, 'examples/flawed.yaml')).toEqual(FLAWED);
    expect(summary(byYaml, 'examples/flawed-no-security.yaml')).toEqual(['auth-security-undocumented ']);
    expect(summary(byYaml, 'examples/secure.yaml')).toEqual([]);
    expect(summary(byYaml, 'signed-url.yaml')).toEqual([]);
    // Between them the two flawed examples exercise every recommended rule of the ruleset; the others do not run.
    expect([...new Set(byYaml.map(r => r.code))].sort()).toEqual(RECOMMENDED_RULES);
    expect(ALL_RULES.filter(id => !RECOMMENDED_RULES.includes(id))).toEqual(OFF_BY_DEFAULT);
  });

  it('`extends: [[package, all]]` also runs the off-by-default rules; the secure example stays clean', async () => {
    const ruleset = writeRuleset('all', '.spectral.yaml', 'extends: [["spectral-api-security", "all"]]\n');
    const results = await lintJson(ruleset, ['examples/flawed.yaml', 'examples/secure.yaml', 'examples/flawed-no-security.yaml']);
    expect(summary(results, 'examples/flawed.yaml', new Set(RECOMMENDED_RULES))).toEqual(FLAWED);
    expect(summary(results, 'examples/flawed.yaml', new Set([RESPONSE_RULE]))).toEqual(FLAWED_RESPONSE_UNBOUNDED);
    expect(summary(results, 'examples/flawed.yaml', HEADER_RULES)).toEqual(FLAWED_HEADERS);
    expect(summary(results, 'examples/flawed.yaml').length).toBe(FLAWED.length + FLAWED_RESPONSE_UNBOUNDED.length + FLAWED_HEADERS.length);
    expect(summary(results, 'examples/flawed-no-security.yaml')).toEqual(['auth-security-undocumented ', 'headers-hsts-missing servers']);
    expect(summary(results, 'examples/secure.yaml')).toEqual([]);
  });

  it('the secure example\'s public /health probe is public metadata, quiet even without its exemption; a public /products read is not', async () => {
    const secure = readFileSync(join(tmp, 'examples/secure.yaml'), 'utf8');
    const withoutExemption = secure.replace(/^ {6}x-api-security-exemptions:\n {8}auth-read-operation-public: .*\n/m, '');
    expect(withoutExemption).not.toBe(secure);
    writeFileSync(join(tmp, 'secure-unexempted.yaml'), withoutExemption);
    const renamed = withoutExemption.replace(/^  \/health:\n/m, '  /catalogue-preview:\n');
    expect(renamed).not.toBe(withoutExemption);
    writeFileSync(join(tmp, 'secure-unexempted-renamed.yaml'), renamed);
    const results = await lintJson('yaml/.spectral.yaml', ['secure-unexempted.yaml', 'secure-unexempted-renamed.yaml']);
    expect(summary(results, 'secure-unexempted.yaml')).toEqual([]);
    expect(summary(results, 'secure-unexempted-renamed.yaml')).toEqual(['auth-read-operation-public paths./catalogue-preview.get.security']);
  });

  it('(b) a JavaScript ruleset importing the package (ESM syntax) gives the same findings', async () => {
    const ruleset = writeRuleset('esm', '.spectral.js', `import ruleset from '${PACKAGE}';\nexport default ruleset;\n`);
    const results = await lintJson(ruleset, DOCUMENTS);
    for (const document of DOCUMENTS) expect(summary(results, document)).toEqual(summary(byYaml, document));
  });

  it('(b) a CommonJS ruleset `module.exports = require(...)` gives the same findings', async () => {
    const ruleset = writeRuleset('cjs', '.spectral.js', `module.exports = require('${PACKAGE}');\n`);
    const results = await lintJson(ruleset, DOCUMENTS);
    for (const document of DOCUMENTS) expect(summary(results, document)).toEqual(summary(byYaml, document));
  });

  it('(c) a ruleset built with `createRuleset` applies its options and keeps the defaults', async () => {
    const ruleset = writeRuleset(
      'factory',
      '.spectral.js',
      [
        `import { createRuleset } from '${PACKAGE}';`,
        "export default createRuleset({ credentialParameterNames: { add: ['sig'] }, transportAllowedHosts: { add: ['sandbox.example.com'] } });",
        '',
      ].join('\n'),
    );
    const results = await lintJson(ruleset, DOCUMENTS);
    expect(summary(results, 'signed-url.yaml')).toEqual(['auth-credentials-in-url paths./files/{fileId}/download.get.parameters.1']);
    // An option of another family: the flawed example's plain-http sandbox is now an allowed host.
    expect(summary(results, 'examples/flawed.yaml')).toEqual(FLAWED.filter(f => !f.startsWith('transport-plain-http ')));
    expect(summary(results, 'examples/secure.yaml')).toEqual([]);
  });

  it('(e) a JavaScript ruleset can override one rule\'s functionOptions, reusing the exported function', async () => {
    const ruleset = writeRuleset(
      'rule-options',
      '.spectral.js',
      [
        `import ruleset, { functions } from '${PACKAGE}';`,
        'const base = ruleset.rules["auth-credentials-in-url"];',
        'export default {',
        '  extends: [ruleset],',
        '  rules: {',
        '    "auth-credentials-in-url": { ...base, then: { function: functions.credentialParameters, functionOptions: { check: "url", credentialParameterNames: ["sig"] } } },',
        '  },',
        '};',
        '',
      ].join('\n'),
    );
    const results = await lintJson(ruleset, DOCUMENTS);
    expect(summary(results, 'signed-url.yaml')).toEqual(['auth-credentials-in-url paths./files/{fileId}/download.get.parameters.1']);
    // The list replaced the defaults for this rule only: the flawed example's `access_token` is no longer a credential name.
    expect(summary(results, 'examples/flawed.yaml')).toEqual(FLAWED.filter(f => !f.startsWith('auth-credentials-in-url ')));
  });

  it('(d) a YAML ruleset extending the package can turn a rule off and change a severity', async () => {
    const ruleset = writeRuleset(
      'override',
      '.spectral.yaml',
      'extends: ["spectral-api-security"]\nrules:\n  auth-read-operation-public: off\n  auth-object-id-guessable: error\n',
    );
    const results = await lintJson(ruleset, ['examples/flawed.yaml']);
    expect(summary(results, 'examples/flawed.yaml')).toEqual(FLAWED.filter(f => !f.startsWith('auth-read-operation-public ')));
    const severity = (code: string, list: Diagnostic[]) => list.filter(r => r.code === code).map(r => r.severity);
    expect(severity('auth-object-id-guessable', results)).toEqual([0]);
    expect(severity('auth-object-id-guessable', byYaml)).toEqual([2]);
  });

  it('`-f sarif` writes a SARIF 2.1.0 log describing every rule with a description and help link', async () => {
    const log = JSON.parse(await spectral(['-r', 'yaml/.spectral.yaml', '-f', 'sarif', '--quiet', 'examples/flawed.yaml']));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [runLog] = log.runs;
    expect(runLog.tool.driver.name).toBe('spectral');
    const rules = runLog.tool.driver.rules as Array<{ id: string; shortDescription?: { text?: string }; helpUri?: string }>;
    expect(rules.map(rule => rule.id).sort()).toEqual(ALL_RULES);
    for (const rule of rules) {
      expect(rule.shortDescription?.text, rule.id).toMatch(/\S/);
      expect(rule.helpUri, rule.id).toBe(`${DOCS_BASE_URL}${rule.id}.md`);
    }
    const results = runLog.results as Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: any[] }>;
    expect(results.map(r => r.ruleId).sort()).toEqual(FLAWED.map(f => f.split(' ')[0]).sort());
    for (const result of results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note', 'none']).toContain(result.level);
      expect(result.message.text).toMatch(/\S/);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe('examples/flawed.yaml');
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
    }
  });

  it('next to `spectral:oas`, no finding of ours repeats one of its findings, but for the named overlaps', async () => {
    const ruleset = writeRuleset('with-oas', '.spectral.yaml', 'extends: ["spectral:oas", "spectral-api-security"]\n');
    const results = await lintJson(ruleset, ['examples/flawed.yaml', 'examples/secure.yaml', 'examples/flawed-no-security.yaml']);
    const ours = new Set(ALL_RULES);
    const theirs = results.filter(r => !ours.has(r.code));
    const at = (r: Diagnostic) => `${r.source}\u0000${r.path.join('.')}`;
    const collisions = results
      .filter(r => ours.has(r.code))
      .flatMap(r => theirs.filter(t => at(t) === at(r)).map(t => `${r.code} = ${t.code} at ${r.path.join('.')}`))
      .sort();
    // Both rules check security requirements against the declared schemes; ours is OWASP-tagged and
    // only checks OAuth2 scopes. spectral:oas (1.23) checks scopes too, so the scope finding overlaps as well.
    expect(collisions).toEqual([
      'auth-oauth-scope-undefined = oas3-operation-security-defined at paths./orders/{orderId}.get.security.0.oauth2.1',
      'auth-security-scheme-undefined = oas3-operation-security-defined at paths./orders/{orderId}.delete.security.0.bearerAuth',
    ]);
    // The examples are valid descriptions: spectral:oas reports only those two.
    expect(theirs.map(r => `${r.code} ${r.path.join('.')}`).sort()).toEqual([
      'oas3-operation-security-defined paths./orders/{orderId}.delete.security.0.bearerAuth',
      'oas3-operation-security-defined paths./orders/{orderId}.get.security.0.oauth2.1',
    ]);
    // Extending both changes nothing in what we report.
    for (const document of ['examples/flawed.yaml', 'examples/secure.yaml', 'examples/flawed-no-security.yaml']) {
      expect(summary(results, document, ours)).toEqual(summary(byYaml, document));
    }
  });
});
