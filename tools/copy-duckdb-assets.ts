/**
 * Copies the DuckDB-WASM "eh" bundle (wasm + worker) from node_modules into public/duckdb/, so the
 * site serves the engine from its own origin (no CDN). The copies are named by content hash
 * (`duckdb-eh.<hash>.wasm`, `duckdb-browser-eh.<hash>.worker.js`) so they can be cached for a
 * year as immutable (public/_headers): a new engine version is a new URL. astro.config.mjs
 * computes the same names (duckdbAssetNames) and hands them to the browser code
 * (src/lib/db/assets.ts). Older copies are removed. public/duckdb/ is git-ignored; this runs
 * before `astro build` and `astro dev`.
 *
 * Usage: tsx tools/copy-duckdb-assets.ts
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FILES = { wasm: 'duckdb-eh.wasm', worker: 'duckdb-browser-eh.worker.js' } as const;

/** Hashed file names of the engine: `{ wasm, worker }` (same rule as astro.config.mjs). */
export function duckdbAssetNames(): { wasm: string; worker: string; dist: string } {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const hashed = (f: string) => {
    const h = createHash('sha256').update(readFileSync(path.join(dist, f))).digest('hex').slice(0, 10);
    const dot = f.indexOf('.');
    return `${f.slice(0, dot)}.${h}${f.slice(dot)}`;
  };
  return { wasm: hashed(FILES.wasm), worker: hashed(FILES.worker), dist };
}

export function copyDuckdbAssets(outDir = path.join(process.cwd(), 'public', 'duckdb')): string[] {
  const names = duckdbAssetNames();
  mkdirSync(outDir, { recursive: true });
  const copied: string[] = [];
  for (const k of ['wasm', 'worker'] as const) {
    const to = path.join(outDir, names[k]);
    if (existsSync(to)) continue; // the name is the content
    copyFileSync(path.join(names.dist, FILES[k]), to);
    copied.push(names[k]);
  }
  for (const f of readdirSync(outDir)) if (f !== names.wasm && f !== names.worker) rmSync(path.join(outDir, f), { force: true });
  return copied;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const copied = copyDuckdbAssets();
  console.log(copied.length ? `duckdb assets copied: ${copied.join(', ')}` : 'duckdb assets up to date');
}
