/**
 * Copies the DuckDB-WASM "eh" bundle (wasm + worker) from node_modules into public/duckdb/, so the
 * site serves the engine from its own origin (no CDN). public/duckdb/ is git-ignored; this runs
 * before `astro build` and `astro dev`. Skips files that are already identical in size and age.
 *
 * Usage: tsx tools/copy-duckdb-assets.ts
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FILES = ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'];

export function copyDuckdbAssets(outDir = path.join(process.cwd(), 'public', 'duckdb')): string[] {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  mkdirSync(outDir, { recursive: true });
  const copied: string[] = [];
  for (const f of FILES) {
    const from = path.join(dist, f);
    const to = path.join(outDir, f);
    const a = statSync(from);
    if (existsSync(to)) {
      const b = statSync(to);
      if (b.size === a.size && b.mtimeMs >= a.mtimeMs) continue;
    }
    copyFileSync(from, to);
    copied.push(f);
  }
  return copied;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const copied = copyDuckdbAssets();
  console.log(copied.length ? `duckdb assets copied: ${copied.join(', ')}` : 'duckdb assets up to date');
}
