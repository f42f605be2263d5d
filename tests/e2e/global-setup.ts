/**
 * Runs once before the browser tests. They test the built site, not the sources, so a missing or
 * half-built dist/ must stop them with one clear message instead of forty timeouts.
 * E2E_DIST points the tests at another build (e.g. a private copy while others rebuild dist/).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM } from './harness.ts';

export default function setup() {
  const dist = path.resolve(process.env.E2E_DIST ?? 'dist');
  const need = ['index.html', '_headers', 'duckdb', 'data/observations.parquet'];
  const missing = need.filter((f) => !existsSync(path.join(dist, f)));
  if (!missing.length && !readdirSync(path.join(dist, 'duckdb')).some((f) => /^duckdb-eh\.[0-9a-f]+\.wasm$/.test(f))) missing.push('duckdb/duckdb-eh.<hash>.wasm');
  if (missing.length) {
    throw new Error(
      `browser tests need a built site: ${missing.map((f) => path.join(dist, f)).join(', ')} missing. ` +
        'Run `npm run data && npm run build` first (npm test does both).',
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
