// The longer run of the property-based hostile-input tests (test/hostile/property.test.ts):
// many more generated documents and corpus mutations than CI runs, with a random seed that is
// printed so a failure can be reproduced.
//
//   npm run fuzz                           # random seed, 20x the CI run counts (4,000 documents per ruleset)
//   npm run fuzz -- --seed 1234 --scale 50 # reproduce a seed, or run longer
//
// The seed and scale reach the tests as HOSTILE_SEED and HOSTILE_SCALE (test/hostile/harness.ts);
// with a scale above 1 the larger corpus descriptions (twilio) are mutated too.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : process.env[`HOSTILE_${name.toUpperCase()}`];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) {
    console.error(`--${name} must be a positive integer, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return number;
}

const seed = option('seed', randomInt(1, 2 ** 31 - 1));
const scale = option('scale', 20);
console.log(`fuzz: seed ${seed}, scale ${scale}x (reproduce with: npm run fuzz -- --seed ${seed} --scale ${scale})`);

// vitest's own command line, found through its package.json (its exports hide the file itself).
const require = createRequire(import.meta.url);
const vitestPackage = require.resolve('vitest/package.json');
const vitest = join(dirname(vitestPackage), require(vitestPackage).bin.vitest);
const result = spawnSync(process.execPath, [vitest, 'run', 'test/hostile/property.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, HOSTILE_SEED: String(seed), HOSTILE_SCALE: String(scale), SPECTRAL_API_SECURITY_STRICT: '1' },
});
if (result.status !== 0) console.error(`fuzz: FAILED with seed ${seed} (reproduce with: npm run fuzz -- --seed ${seed} --scale ${scale})`);
else console.log(`fuzz: passed (seed ${seed}, scale ${scale}x)`);
process.exit(result.status ?? 1);
