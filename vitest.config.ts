import { defineConfig } from 'vitest/config';

// Node-side unit, property and integration tests of every package; browser tests use
// web-test-runner and end-to-end tests playwright-core (see scripts/test.mjs).
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    // the widgets' and the React wrappers' tests run in chromium (web-test-runner)
    exclude: ['**/node_modules/**', 'packages/elements/test/**', 'packages/react/test/**'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
  },
});
