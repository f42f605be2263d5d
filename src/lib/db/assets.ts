/// <reference types="astro/client" />
/**
 * URLs of the DuckDB-WASM engine files the site serves from `<base>duckdb/`, named by content
 * hash (scripts/copy-duckdb-assets.ts; the names are defined at build time by astro.config.mjs)
 * so they are cached as immutable.
 */
const WASM = String(import.meta.env.PUBLIC_DUCKDB_WASM ?? 'duckdb-eh.wasm');
const WORKER = String(import.meta.env.PUBLIC_DUCKDB_WORKER ?? 'duckdb-browser-eh.worker.js');

export function engineFiles(base: string): { dir: string; wasm: string; worker: string } {
  const b = base.endsWith('/') ? base : `${base}/`;
  const dir = new URL(`${b}duckdb/`, location.href).href;
  return { dir, wasm: `${dir}${WASM}`, worker: `${dir}${WORKER}` };
}

/** Uncompressed size of the engine's wasm, set at build time (astro.config.mjs). */
const WASM_BYTES = Number(import.meta.env.PUBLIC_DUCKDB_WASM_BYTES ?? 0);

/**
 * Engine download progress as bytes on the wire of bytes on the wire. DuckDB counts the bytes it
 * reads, which are decompressed, while Content-Length (its total) is the compressed size when
 * the host compresses: the share of the decompressed size gives the compressed bytes received.
 */
export function wireProgress(loaded: number, total: number): { loaded: number; total: number } {
  if (!(total > 0)) return { loaded, total: Math.max(WASM_BYTES, loaded) };
  if (WASM_BYTES > total) return { loaded: Math.min(total, (loaded / WASM_BYTES) * total), total };
  return { loaded: Math.min(loaded, total), total };
}
