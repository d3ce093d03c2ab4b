import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // each file starts its own API and relay processes: two files at a time is what 2 cores carry
    maxWorkers: 2,
  },
});
