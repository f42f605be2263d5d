/** Types of tools/duckdb-engine-files.mjs (plain JavaScript so astro.config.mjs can import it). */
export declare const ENGINE_FILES: { readonly wasm: 'duckdb-eh.wasm'; readonly worker: 'duckdb-browser-eh.worker.js' };
export declare const WORKER_PATCH: { from: string; to: string };
export declare function engineDist(): string;
export declare function engineFileBytes(file: string): Buffer;
export declare function hashedEngineName(file: string): string;
