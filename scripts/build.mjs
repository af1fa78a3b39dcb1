// Builds the CommonJS, ESM and type declaration outputs that package.json `exports` points at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = args => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', ...args], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run(['--outDir', 'dist/cjs', '--declaration', 'false']);
run(['--outDir', 'dist/esm', '--declaration', 'false', '--module', 'ES2022', '--moduleResolution', 'Bundler']);
run(['--outDir', 'dist/types', '--emitDeclarationOnly']);
// Each output folder says which module system its .js files use, whatever the package root says.
mkdirSync('dist/cjs', { recursive: true });
writeFileSync('dist/cjs/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');
writeFileSync('dist/esm/package.json', JSON.stringify({ type: 'module' }) + '\n');
