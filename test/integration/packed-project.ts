// A temporary project with the package installed from the tarball `npm pack` makes, so that
// integration tests load exactly what npm would publish, through the same resolution users get.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script without type declarations
import * as project from '../../bench/project.mjs';

export const REPO: string = project.REPO;
export const PACKAGE: string = project.PACKAGE;
const installPacked: (packFrom: string, dir: string) => void = project.installPacked;

/** Creates the project (with the repository's examples/ copied in) and returns its directory. */
export function packedProject(prefix: string): string {
  if (!existsSync(join(REPO, 'dist/cjs/index.js')) || !existsSync(join(REPO, 'dist/esm/index.js'))) {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  installPacked(REPO, dir);
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

export function removeProject(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
