// The CI recipes the README shows (recipes/, .pre-commit-hooks.yaml) run as written: their
// commands, with `npx … spectral-api-security@latest` pointing at the packed package, in a project
// whose OpenAPI descriptions live under openapi/, and their steps wired to each other's files.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installedBin, packedProject, REPO, type Outcome } from './packed.js';

let tmp: string;
let bin: string;


/** Runs one shell command of a recipe in the project, the published package replaced by the packed one. */
function shell(command: string): Promise<Outcome> {
  const local = command.replace(/npx --yes spectral-api-security@latest/g, `node '${bin}'`);
  expect(local, 'every npx call of the recipe is to the package').not.toMatch(/\bnpx\b/);
  return new Promise(resolve => {
    execFile('bash', ['-euo', 'pipefail', '-c', local], { cwd: tmp, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const output = (command: string) => /-o (\S+)/.exec(command)?.[1];

beforeAll(() => {
  tmp = packedProject('spectral-api-security-recipes-');
  bin = installedBin(tmp);
  mkdirSync(join(tmp, 'openapi', 'orders'), { recursive: true });
  copyFileSync(join(REPO, 'examples/secure.yaml'), join(tmp, 'openapi/shop.yaml'));
  copyFileSync(join(REPO, 'examples/flawed.yaml'), join(tmp, 'openapi/orders/legacy.yaml'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Adds a flaw the baseline does not know: a write operation that anyone may call. */
function addFlaw(): void {
  const file = join(tmp, 'openapi/shop.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^paths:\n/m, 'paths:\n  /coupons:\n    post:\n      security: []\n      responses:\n        \'201\':\n          description: Created.\n'));
}

describe('recipes', { timeout: 180_000 }, () => {
  it('GitHub Actions: lint with the baseline, SARIF uploaded with if: always(), the Markdown posted on pull requests', async () => {
    const workflow = parse(read('recipes/github-actions.yml')) as { permissions: Record<string, string>; jobs: { lint: { steps: Array<Record<string, unknown>> } } };
    expect(workflow.permissions['security-events']).toBe('write');
    const steps = workflow.jobs.lint.steps;
    const runs = steps.filter(step => typeof step.run === 'string').map(step => step.run as string);
    const [lint, summary] = runs;
    const upload = steps.find(step => String(step.uses).startsWith('github/codeql-action/upload-sarif'));
    const comment = steps.find(step => String(step.uses).includes('pull-request-comment'));
    expect(upload?.if).toBe('always()');
    expect((upload?.with as Record<string, string>).sarif_file).toBe(output(lint));
    expect(String(comment?.if)).toMatch(/^always\(\)/);
    expect((comment?.with as Record<string, string>).path).toBe(output(summary));

    // Adopting: the baseline the workflow reads accepts today's findings.
    const baseline = /--baseline (\S+)/.exec(lint)?.[1] as string;
    expect((await shell(`npx --yes spectral-api-security@latest "openapi/**/*.yaml" --write-baseline ${baseline}`)).code).toBe(0);
    expect((await shell(lint)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, output(lint) as string), 'utf8')).version).toBe('2.1.0');

    addFlaw();
    const failing = await shell(lint);
    expect(failing.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(tmp, output(lint) as string), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; baselineState: string }> }> };
    const known = (JSON.parse(readFileSync(join(tmp, baseline), 'utf8')) as { entries: unknown[] }).entries.length;
    expect(sarif.runs[0].results.filter(r => r.baselineState === 'unchanged')).toHaveLength(known);
    expect(sarif.runs[0].results.filter(r => r.baselineState === 'new').map(r => r.ruleId)).toContain('auth-write-operation-unprotected');
    // The summary step never fails the job itself, so the comment always has a body.
    expect((await shell(summary)).code).toBe(0);
    expect(readFileSync(join(tmp, output(summary) as string), 'utf8')).toContain('auth-write-operation-unprotected');
  });

  it('GitLab CI: the HTML report and the SARIF kept as artifacts, the job failing on new findings', async () => {
    const job = (parse(read('recipes/gitlab-ci.yml')) as Record<string, { script: string[]; artifacts: { when: string; paths: string[] } }>)['api-security'];
    expect(job.artifacts.when).toBe('always');
    expect(job.script.map(output)).toEqual(job.artifacts.paths);
    const [report, lint] = job.script;
    expect((await shell(report)).code).toBe(0);
    expect(readFileSync(join(tmp, output(report) as string), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect((await shell(lint)).code).toBe(1);
    expect(existsSync(join(tmp, output(lint) as string))).toBe(true);
  });

  it('pre-commit: the hook runs the package\'s command on the descriptions a commit touches', async () => {
    const [hook] = parse(read('.pre-commit-hooks.yaml')) as Array<{ id: string; entry: string; language: string; files: string }>;
    const manifest = JSON.parse(read('package.json')) as { bin: Record<string, string> };
    expect(hook.language).toBe('node');
    expect(Object.keys(manifest.bin)).toContain(hook.entry);
    // pre-commit reads `files` as a Python regular expression; `(?i)` is its case-insensitive flag.
    const files = new RegExp(hook.files.replace(/^\(\?i\)/, ''), hook.files.startsWith('(?i)') ? 'i' : '');
    for (const name of ['openapi.yaml', 'specs/petstore-api.json', 'api/Swagger.YML']) expect(files.test(name), name).toBe(true);
    for (const name of ['package.json', 'docs/readme.md', '.github/workflows/ci.yaml']) expect(files.test(name), name).toBe(false);
    expect((await shell(`npx --yes spectral-api-security@latest openapi/orders/legacy.yaml`)).code).toBe(1);
  });
});
