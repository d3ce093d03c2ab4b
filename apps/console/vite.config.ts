import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dev server forwards the API's paths to a local API, so the session cookie stays same-origin.
const apiTarget = process.env.HOOKRELAY_API_URL ?? 'http://localhost:3000';
const apiPaths = ['/v1', '/console/links', '/docs', '/health'];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget }])),
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // scripts/check-bundle-size.mjs reads which chunks the first page loads from it.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    environmentOptions: { jsdom: { url: 'http://console.test/' } },
    include: ['src/**/*.spec.{ts,tsx}', 'test/**/*.spec.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    testTimeout: 15_000,
  },
});
