import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests run against the built site with their own runner.
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // DuckDB writes real Parquet files in the ETL tests; allow for a slow shared machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
