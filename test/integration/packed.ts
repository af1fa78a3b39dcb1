// The package as npm publishes it, unpacked into a temporary project where npm would install it,
// with every other package linked from the repository (no network), and the repository's
// examples/ copied in. Shared by the integration tests so each test file packs once; the packing
// itself is the benchmark's (bench/project.mjs), so both measure and test the same thing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script without type declarations
import * as project from '../../bench/project.mjs';

export const REPO: string = project.REPO;
export const PACKAGE: string = project.PACKAGE;
const installPacked: (packFrom: string, dir: string) => void = project.installPacked;

/** Builds dist/ when any of `required` (paths relative to the repository) is missing. */
export function ensureBuilt(required: readonly string[] = ['dist/cjs/index.js', 'dist/esm/index.js', 'dist/cli/main.js']): void {
  if (required.some(file => !existsSync(join(REPO, file)))) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
}

/** A new temporary project with the packed package in its node_modules and examples/ copied in; returns its folder. */
export function packedProject(prefix: string): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  installPacked(REPO, dir);
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

export function removeProject(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** What a command printed and how it exited. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The package's command as npm installed it in a project made by `packedProject`. */
export function installedBin(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', PACKAGE, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(dir, 'node_modules', PACKAGE, manifest.bin[PACKAGE]);
}
