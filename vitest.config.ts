import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and fuzz tests run many cases, so the default 5 s is too short.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
