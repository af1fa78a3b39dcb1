// Builds what package.json `exports` points at: one CommonJS file, one ESM file, and type declarations.
//
// Each entry is a single bundled file (dependencies stay external) because Spectral's CLI bundles a
// ruleset it loads through `extends` with rollup: one pre-bundled module costs it a fraction of the
// time that dozens of modules do, on every `spectral lint`.
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

const bundle = await rollup({
  input: 'dist/modules/index.js',
  external: id => !id.startsWith('.') && !id.startsWith('/'),
  treeshake: true,
});
await bundle.write({ file: 'dist/cjs/index.js', format: 'cjs', exports: 'named', generatedCode: 'es2015' });
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

// The CommonJS entry only forwards to the bundle by package name. Spectral's CLI bundles a ruleset
// that `extends` a package by resolving it to this file; a bare package import inside it stays
// external to that bundling and is loaded by Node as is, sparing every lint run a second,
// slower bundling of the whole ruleset.
writeFileSync(
  'dist/cjs/entry.js',
  "'use strict';\n// See scripts/build.mjs: forwarding by name keeps Spectral's ruleset bundler from re-bundling the package.\nmodule.exports = require('spectral-api-security/bundle');\n",
);

// The ESM folder says its .js file is a module. The CommonJS folder has no package.json of its own:
// the package root (CommonJS by default) must stay the scope of entry.js for the self-reference.
writeFileSync('dist/esm/package.json', JSON.stringify({ type: 'module' }) + '\n');
