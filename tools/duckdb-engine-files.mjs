/**
 * The DuckDB-WASM engine files the site serves, as bytes and content-hashed names: one home for
 * tools/copy-duckdb-assets.ts (which writes them into public/duckdb/) and astro.config.mjs (which
 * hands the names to the browser code). Plain .mjs so the Astro config can import it.
 *
 * The worker is served with one change. duckdb-wasm 1.32's worker reports download progress by
 * piping the wasm response through a TransformStream into a *new* Response. A constructed Response
 * has no URL and no HTTP-cache entry behind it, so Chromium can never keep V8's compiled code for
 * it. The patched worker hands the fetched response itself to `WebAssembly.instantiateStreaming`
 * and counts progress on a clone of its body (progress events are unchanged), which is the
 * precondition for the browser's wasm code cache. Measured in headless Chromium here, that cache
 * stayed empty with or without the patch (V8 writes it only once enough code is optimised): the
 * repeat-visit gain comes from the decoded-table cache (src/lib/db/browser.ts) and the HTTP cache.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ENGINE_FILES = { wasm: 'duckdb-eh.wasm', worker: 'duckdb-browser-eh.worker.js' };

/** duckdb-wasm 1.32.0's minified code that wraps the response, and what replaces it. */
export const WORKER_PATCH = {
  from: 'return new Response((g=c.body)==null?void 0:g.pipeThrough(m),c)',
  to: 'return(g=c.clone().body)==null||g.pipeThrough(m).pipeTo(new WritableStream).catch(()=>{}),c',
};

/** Folder of the installed duckdb-wasm bundles. */
export function engineDist() {
  return path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
}

/** Bytes of an engine file as served (the worker patched, see above). */
export function engineFileBytes(file) {
  const full = path.join(engineDist(), file);
  const bytes = readFileSync(full);
  if (file !== ENGINE_FILES.worker) return bytes;
  const text = bytes.toString('utf8');
  const at = text.indexOf(WORKER_PATCH.from);
  if (at < 0 || text.indexOf(WORKER_PATCH.from, at + 1) >= 0)
    throw new Error(`${full}: expected exactly one "${WORKER_PATCH.from}" (the wasm progress wrapper of duckdb-wasm 1.32); the package changed, update tools/duckdb-engine-files.mjs`);
  return Buffer.from(text.slice(0, at) + WORKER_PATCH.to + text.slice(at + WORKER_PATCH.from.length), 'utf8');
}

/** `duckdb-eh.<hash>.wasm`: the name carries a hash of the bytes served, so it can be cached as immutable. */
export function hashedEngineName(file) {
  const h = createHash('sha256').update(engineFileBytes(file)).digest('hex').slice(0, 10);
  const dot = file.indexOf('.');
  return `${file.slice(0, dot)}.${h}${file.slice(dot)}`;
}
