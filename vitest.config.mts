import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Functions swallow their own errors for users; tests must see them.
    env: { SPECTRAL_API_SECURITY_STRICT: '1' },
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
