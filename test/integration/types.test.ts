// The published type declarations resolve as the JavaScript they describe, for every resolution
// mode TypeScript users have (node10, node16 from CommonJS and from ESM, bundlers), for the package
// and its `/bundle` alias: @arethetypeswrong/cli on the tarball npm would publish.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from './packed.js';

describe('type declarations', () => {
  it('pass @arethetypeswrong/cli in every resolution mode', { timeout: 120_000 }, () => {
    ensureBuilt();
    // The package's exports hide its files; its bin is what `npx attw` runs.
    const attw = join(REPO, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    let output: string;
    try {
      output = execFileSync(process.execPath, [attw, '--pack', '.', '--format', 'json'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      // attw exits 1 when it finds problems; its JSON still says which.
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    const result = JSON.parse(output) as { problems: Record<string, unknown>; analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> } };
    expect(result.problems).toEqual({});
    expect(Object.keys(result.analysis.entrypoints).sort()).toEqual(['.', './bundle', './package.json']);
    expect(Object.keys(result.analysis.entrypoints['.'].resolutions).sort()).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm']);
  });
});
