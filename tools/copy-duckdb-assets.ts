/**
 * Copies the DuckDB-WASM "eh" bundle (wasm + worker) from node_modules into public/duckdb/, so the
 * site serves the engine from its own origin (no CDN). The copies are named by content hash
 * (`duckdb-eh.<hash>.wasm`, `duckdb-browser-eh.<hash>.worker.js`) so they can be cached for a
 * year as immutable (public/_headers): a new engine version is a new URL. astro.config.mjs
 * computes the same names (duckdbAssetNames) and hands them to the browser code
 * (src/lib/db/assets.ts). The worker is served patched so a repeat visit reuses the compiled wasm
 * (tools/duckdb-engine-files.mjs). Older copies are removed. public/duckdb/ is git-ignored; this runs
 * before `astro build` and `astro dev`.
 *
 * Usage: tsx tools/copy-duckdb-assets.ts
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_FILES, engineDist, engineFileBytes, hashedEngineName } from './duckdb-engine-files.mjs';

/** Hashed file names of the engine: `{ wasm, worker }` (the names astro.config.mjs gives the browser code). */
export function duckdbAssetNames(): { wasm: string; worker: string; dist: string } {
  return { wasm: hashedEngineName(ENGINE_FILES.wasm), worker: hashedEngineName(ENGINE_FILES.worker), dist: engineDist() };
}

export function copyDuckdbAssets(outDir = path.join(process.cwd(), 'public', 'duckdb')): string[] {
  const names = duckdbAssetNames();
  mkdirSync(outDir, { recursive: true });
  const copied: string[] = [];
  for (const k of ['wasm', 'worker'] as const) {
    const to = path.join(outDir, names[k]);
    if (existsSync(to)) continue; // the name is the content
    writeFileSync(to, engineFileBytes(ENGINE_FILES[k]));
    copied.push(names[k]);
  }
  for (const f of readdirSync(outDir)) if (f !== names.wasm && f !== names.worker) rmSync(path.join(outDir, f), { force: true });
  return copied;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const copied = copyDuckdbAssets();
  console.log(copied.length ? `duckdb assets copied: ${copied.join(', ')}` : 'duckdb assets up to date');
}
