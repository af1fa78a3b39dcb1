// The package as npm publishes it, unpacked into a temporary project where npm would install it,
// with every other package linked from the repository (no network). Shared by the integration tests
// so each test file packs once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const PACKAGE = 'spectral-api-security';

/** Builds dist/ when any of `required` (paths relative to the repository) is missing. */
export function ensureBuilt(required: readonly string[] = ['dist/cjs/index.js', 'dist/esm/index.js', 'dist/cli/main.js']): void {
  if (required.some(file => !existsSync(join(REPO, file)))) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
}

/** A new temporary project with the packed package in its node_modules; returns its folder. */
export function packedProject(prefix: string): string {
  ensureBuilt();
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: REPO, encoding: 'utf8' }),
  ) as Array<{ filename: string }>;
  mkdirSync(join(tmp, 'unpacked'));
  execFileSync('tar', ['-xzf', join(tmp, packed.filename), '-C', join(tmp, 'unpacked')]);
  mkdirSync(join(tmp, 'node_modules'));
  renameSync(join(tmp, 'unpacked', 'package'), join(tmp, 'node_modules', PACKAGE));
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (entry === PACKAGE || entry.startsWith('.')) continue;
    symlinkSync(join(REPO, 'node_modules', entry), join(tmp, 'node_modules', entry), 'junction');
  }
  return tmp;
}

/** What a command printed and how it exited. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The package's command as npm installed it in a project made by `packedProject`. */
export function installedBin(project: string): string {
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules', PACKAGE, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(project, 'node_modules', PACKAGE, manifest.bin[PACKAGE]);
}
