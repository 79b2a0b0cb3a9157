import { defineConfig } from 'vitest/config';

/** Browser tests: Playwright drives Chromium against the built site (dist/), served by tests/browser/setup.ts. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
