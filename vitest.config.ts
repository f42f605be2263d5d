import { defineConfig } from 'vitest/config';

// One `vitest run` runs everything: the unit, ETL and chart tests first, then the browser tests
// against the built site (dist/). `sequence.groupOrder` makes the second group wait for the first.
export default defineConfig({
  test: {
    // DuckDB writes real Parquet files in the ETL tests; allow for a slow shared machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time on a 2-core machine; each file starts its own server and browser.
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
