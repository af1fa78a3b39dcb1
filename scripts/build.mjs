// Builds what package.json `exports` points at: one CommonJS file, one ESM file, and type declarations.
//
// Each entry is a single bundled file (dependencies stay external) because Spectral bundles a
// ruleset it loads through `extends` with rollup: one pre-bundled module costs it a fraction of the
// time that dozens of modules do, on every `spectral lint`.
//
// `extends: ["spectral-api-security"]` resolves to the CommonJS file, in the CLI and in the VS Code
// extension alike (both resolve the name with `require.resolve`). The extension bundles it with
// every import inlined: a bare import it does not provide itself goes to a CDN (cdn.skypack.dev,
// esm.sh), which fails offline and loads whatever version the CDN holds. So the file must hold the
// whole ruleset, and import nothing but the Spectral packages the extension provides.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rollup } from 'rollup';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const run = args => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', ...args], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run(['--outDir', 'dist/modules', '--declaration', 'false', '--module', 'ES2022', '--moduleResolution', 'Bundler']);
run(['--outDir', 'dist/types', '--emitDeclarationOnly']);
// The same declarations inside dist/esm, whose package.json says `type: module`: TypeScript reads
// them as ESM for `import`, as it reads dist/types as CommonJS for `require` (one set for both
// "masquerades", as @arethetypeswrong/cli says).
run(['--outDir', 'dist/esm/types', '--emitDeclarationOnly']);

// What @stoplight/spectral-ruleset-bundler's builtins plugin hands a ruleset instead of fetching it.
const PROVIDED_BY_SPECTRAL = new Set([
  '@stoplight/spectral-core',
  '@stoplight/spectral-formats',
  '@stoplight/spectral-functions',
  '@stoplight/spectral-parsers',
  '@stoplight/spectral-ref-resolver',
  '@stoplight/spectral-rulesets',
  '@stoplight/spectral-runtime',
]);

const bundle = await rollup({
  input: 'dist/modules/index.js',
  external: id => !id.startsWith('.') && !id.startsWith('/'),
  treeshake: true,
});
const { output } = await bundle.write({ file: 'dist/cjs/index.js', format: 'cjs', exports: 'named', generatedCode: 'es2015' });
await bundle.write({ file: 'dist/esm/index.js', format: 'es', generatedCode: 'es2015' });
await bundle.close();

// The command-line tool (package.json `bin`): the main program and the worker each thread lints in.
// Both reach the ruleset through the package's own CommonJS bundle instead of inlining it again.
const cli = await rollup({
  input: { main: 'dist/modules/cli/main.js', worker: 'dist/modules/cli/worker.js' },
  external: id => !id.startsWith('.') && !id.startsWith('/'),
  plugins: [
    {
      name: 'package-bundle',
      resolveId: (source, importer) =>
        importer && importer.replace(/\\/g, '/').includes('/dist/modules/cli/') && source === '../index.js' ? { id: '../cjs/index.js', external: true } : null,
      // The bin runs as a program: its file starts with a shebang.
      renderChunk: (code, chunk) => (chunk.isEntry && chunk.name === 'main' ? `#!/usr/bin/env node\n${code}` : null),
    },
  ],
  treeshake: true,
});
await cli.write({
  dir: 'dist/cli',
  format: 'cjs',
  exports: 'auto',
  generatedCode: 'es2015',
  chunkFileNames: '[name].js',
});
await cli.close();
chmodSync('dist/cli/main.js', 0o755);
rmSync('dist/modules', { recursive: true, force: true });

const fetched = output.flatMap(chunk => (chunk.type === 'chunk' ? chunk.imports : [])).filter(id => !PROVIDED_BY_SPECTRAL.has(id));
if (fetched.length > 0) {
  throw new Error(`dist/cjs/index.js imports ${fetched.join(', ')}: Spectral's editor bundler would fetch it from a CDN. Only ${[...PROVIDED_BY_SPECTRAL].join(', ')} can stay external.`);
}

// The ESM folder says its .js file is a module; the CommonJS file keeps the package root's default.
writeFileSync('dist/esm/package.json', JSON.stringify({ type: 'module' }) + '\n');
