import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    // says once why the suite skips without Chromium, or fails when HOOKRELAY_REQUIRE_BROWSER=1
    globalSetup: ['test/require-browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // each file starts its own API, relay and Chromium: two files at a time is what 2 cores carry
    maxWorkers: 2,
  },
});
