import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Functions swallow their own errors for users; tests must see them.
    env: { SPECTRAL_API_SECURITY_STRICT: '1' },
    // One process per test file: the timing tests (test/hostile/large-maps) compare their own process's CPU time.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
