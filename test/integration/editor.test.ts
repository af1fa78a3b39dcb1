// The Spectral VS Code extension's way of loading `.spectral.yaml`, reproduced with the packed package:
// it must find `extends: ["spectral-api-security"]` in the project's node_modules, never on a CDN.
//
// What the extension (stoplightio/vscode-spectral 1.1.4, server/src/linter.ts `Linter.loadRuleset`)
// does, copied here step for step: it migrates the YAML to an ES module (the migrator resolves a
// package name with `require.resolve` from the ruleset's folder), then calls rollup itself with
// `[stdin(migrated), ...runtime(io), commonjs()]`, `treeshake: false`, `format: 'iife'`, and
// evaluates the chunk with `Function('return ' + code)()`. The runtime preset sends every bare
// import it does not provide itself (the `@stoplight/spectral-*` packages) to a CDN, fetched with `io.fetch`.
import { readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FLAWED } from './flawed-findings.js';
import { PACKAGE, REPO, packedProject, removeProject } from './packed.js';

// The 1.1.4 extension ships bundler 1.6.1 with rollup 2.79.2 (its own nested copy here); 1.7.0 is current.
const BUNDLERS = [
  { version: '1.6.1', dir: 'spectral-ruleset-bundler-1.6.1', cdn: 'https://cdn.skypack.dev/' },
  { version: '1.7.0', dir: '@stoplight/spectral-ruleset-bundler', cdn: 'https://esm.sh/' },
];

interface Finding {
  code: string | number;
  path: Array<string | number>;
}

let tmp: string;

beforeAll(() => {
  tmp = packedProject('spectral-api-security-editor-');
  writeFileSync(join(tmp, '.spectral.yaml'), `extends: ["${PACKAGE}"]\n`);
});

afterAll(() => removeProject(tmp));

/** Loads the bundler's modules as the extension does: from one installed copy, with the rollup that copy depends on. */
function loadBundler(dir: string) {
  const requireFromBundler = createRequire(join(REPO, 'node_modules', dir, 'package.json'));
  const bundlerFile = (file: string) => requireFromBundler(join(REPO, 'node_modules', dir, 'dist', file));
  const version = requireFromBundler(join(REPO, 'node_modules', dir, 'package.json')).version as string;
  return {
    version,
    runtime: bundlerFile('presets/runtime.js').runtime,
    commonjs: bundlerFile('plugins/commonjs.js').commonjs,
    stdin: bundlerFile('plugins/stdin.js').stdin,
    rollup: requireFromBundler('rollup'),
    migrateRuleset: requireFromBundler('@stoplight/spectral-ruleset-migrator').migrateRuleset,
    // The builtins plugin hands the bundled ruleset these very modules, so linting must use them too.
    core: requireFromBundler('@stoplight/spectral-core'),
    parsers: requireFromBundler('@stoplight/spectral-parsers'),
  };
}

describe.each(BUNDLERS)('the VS Code extension\'s ruleset loading with bundler $version', ({ version, dir, cdn }) => {
  const fetches: string[] = [];
  const offline = async (url: unknown) => {
    fetches.push(String(url));
    throw new Error(`no network in this test: ${String(url)}`);
  };
  let modules: string[];
  let findings: Finding[];

  beforeAll(async () => {
    vi.stubGlobal('fetch', offline);
    try {
      const bundler = loadBundler(dir);
      expect(bundler.version).toBe(version);
      const io = { fs, fetch: offline };
      const rulesetYaml = join(tmp, '.spectral.yaml');
      const rulesetFile = join(tmp, '.spectral.js');
      const migrated = await bundler.migrateRuleset(rulesetYaml, { format: 'esm', ...io });
      const bundle = await bundler.rollup.rollup({
        input: rulesetFile,
        plugins: [bundler.stdin(migrated, rulesetFile), ...bundler.runtime(io), bundler.commonjs()],
        treeshake: false,
        watch: false,
        perf: false,
        onwarn(warning: { code?: string }, warn: (warning: unknown) => void) {
          if (warning.code !== 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT') warn(warning);
        },
      });
      const [chunk] = (await bundle.generate({ format: 'iife', exports: 'auto' })).output;
      modules = Object.keys(chunk.modules);
      const ruleset = new bundler.core.Ruleset(Function(`return ${chunk.code}`)(), { severity: 'recommended', source: rulesetFile });

      const spectral = new bundler.core.Spectral();
      spectral.setRuleset(ruleset);
      const document = join(tmp, 'examples/flawed.yaml');
      findings = await spectral.run(new bundler.core.Document(readFileSync(document, 'utf8'), bundler.parsers.Yaml, document), {
        ignoreUnknownFormat: true,
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('bundles the package from node_modules without fetching anything', () => {
    expect(fetches).toEqual([]);
    expect(modules.filter(id => id.startsWith(cdn) || /^https?:/.test(id))).toEqual([]);
    expect(modules.some(id => id.startsWith(join(tmp, 'node_modules', PACKAGE, 'dist')))).toBe(true);
  });

  it('reports on examples/flawed.yaml what the CLI reports', () => {
    expect(findings.map(f => `${f.code} ${f.path.join('.')}`).sort()).toEqual(FLAWED);
  });
});
