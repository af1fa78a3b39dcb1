// A throwaway project that uses the package the way users do: the tarball `npm pack` would
// publish, unpacked into node_modules, and `.spectral.yaml` files that extend it by name. Every
// other dependency (the Spectral CLI, the peer rulesets) is linked from the repository's
// node_modules, so nothing is downloaded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../', import.meta.url));
export const PACKAGE = 'spectral-api-security';
export const CLI = join(REPO, 'node_modules/@stoplight/spectral-cli/dist/index.js');

/** The four rulesets compared, as the `.spectral.yaml` a user would write. */
export const RULESETS = {
  empty: { label: 'empty ruleset', yaml: 'rules: {}\n' },
  oas: { label: 'spectral:oas', yaml: 'extends: ["spectral:oas"]\n' },
  owasp: { label: 'OWASP ruleset', yaml: 'extends: ["@stoplight/spectral-owasp-ruleset"]\n' },
  ours: { label: PACKAGE, yaml: `extends: ["${PACKAGE}"]\n` },
  // The same rules from a JavaScript ruleset that requires the package: Spectral's CLI leaves a bare
  // require to Node instead of bundling the package again (the VS Code extension cannot load it).
  oursJs: { label: `${PACKAGE} (.spectral.js)`, file: '.spectral.js', text: `module.exports = require('${PACKAGE}');\n` },
};

function newestMtime(dir, filter) {
  let newest = { time: 0, file: '' };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = newestMtime(full, filter);
      if (inner.time > newest.time) newest = inner;
    } else if (filter(entry.name)) {
      const time = statSync(full).mtimeMs;
      if (time > newest.time) newest = { time, file: full };
    }
  }
  return newest;
}

/** Throws unless dist/ exists and is at least as new as every TypeScript source it is built from. */
export function checkBuild() {
  const built = join(REPO, 'dist/cjs/index.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first (`npm run bench` does).');
  const oldestBuild = Math.min(...['dist/cjs/index.js', 'dist/esm/index.js'].map(f => statSync(join(REPO, f)).mtimeMs));
  const ts = name => name.endsWith('.ts') && !name.endsWith('.d.ts');
  for (const dir of ['functions', 'rulesets']) {
    const newest = newestMtime(join(REPO, dir), ts);
    if (newest.time > oldestBuild) {
      throw new Error(`dist/ is older than ${relative(REPO, newest.file)}: run \`npm run build\` (or \`npm run bench\`, which builds first).`);
    }
  }
  if (statSync(join(REPO, 'index.ts')).mtimeMs > oldestBuild) throw new Error('dist/ is older than index.ts: run `npm run build`.');
}

/** Versions of everything measured, for the results file. */
export function versions(ref) {
  const version = name => JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', ref ?? 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    dirty = !ref && execFileSync('git', ['status', '--porcelain', '--', 'functions', 'rulesets', 'index.ts'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
  } catch {
    // not a git checkout
  }
  return {
    [PACKAGE]: JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version,
    commit: dirty ? `${commit} (with uncommitted rule changes)` : commit,
    '@stoplight/spectral-cli': version('@stoplight/spectral-cli'),
    '@stoplight/spectral-core': version('@stoplight/spectral-core'),
    '@stoplight/spectral-rulesets': version('@stoplight/spectral-rulesets'),
    '@stoplight/spectral-owasp-ruleset': version('@stoplight/spectral-owasp-ruleset'),
    node: process.version,
  };
}

/**
 * A clean build of a committed revision, in a temporary folder: `git archive` of `ref`, built
 * with the repository's build script. Used with `--ref`, so a benchmark measures exactly one
 * commit whatever is being edited in the working tree meanwhile.
 */
export function buildRevision(ref, dir) {
  const source = join(dir, 'source');
  mkdirSync(source);
  const tar = execFileSync('git', ['archive', '--format=tar', ref], { cwd: REPO, maxBuffer: 512 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', source], { input: tar });
  symlinkSync(join(REPO, 'node_modules'), join(source, 'node_modules'), 'junction');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: source, stdio: ['ignore', 'ignore', 'inherit'] });
  return source;
}

/**
 * Installs the tarball `npm pack` makes of `packFrom` in `dir`/node_modules, as npm would, and
 * links every other package from the repository's node_modules, so nothing is downloaded.
 */
export function installPacked(packFrom, dir) {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: packFrom, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  mkdirSync(join(dir, 'unpacked'));
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', join(dir, 'unpacked')]);
  mkdirSync(join(dir, 'node_modules'));
  renameSync(join(dir, 'unpacked', 'package'), join(dir, 'node_modules', PACKAGE));
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (entry === PACKAGE || entry.startsWith('.')) continue;
    symlinkSync(join(REPO, 'node_modules', entry), join(dir, 'node_modules', entry), 'junction');
  }
}

/**
 * Packs the package and builds the temporary project; `cleanup()` removes it. Without `ref`
 * the working tree's dist/ is packed (it must be up to date); with `ref` a clean build of that
 * commit is.
 */
export function createProject({ check = true, ref } = {}) {
  if (check && !ref) checkBuild();
  if (!existsSync(CLI)) throw new Error(`The Spectral CLI is not installed (${relative(REPO, CLI)}): run \`npm ci\`.`);
  const dir = mkdtempSync(join(tmpdir(), 'spectral-api-security-bench-'));
  const packFrom = ref ? buildRevision(ref, dir) : REPO;
  installPacked(packFrom, dir);
  const rulesets = {};
  for (const [id, { yaml, file = '.spectral.yaml', text = yaml }] of Object.entries(RULESETS)) {
    mkdirSync(join(dir, 'rulesets', id), { recursive: true });
    rulesets[id] = join(dir, 'rulesets', id, file);
    writeFileSync(rulesets[id], text);
  }
  return { dir, rulesets, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
