import { defineConfig } from 'vitest/config';

/**
 * What runs after the build: browser tests (Playwright drives Chromium against dist/, served by tests/browser/setup.ts)
 * and build tests (tests/build/: a second build, for publishing, checked file by file).
 */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts', 'tests/build/**/*.test.ts'],
    globalSetup: ['tests/browser/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
