/// <reference types="astro/client" />
/**
 * DuckDB-WASM in the browser, created once, on first use, from files the site serves itself
 * (`<base>duckdb/`, copied by tools/copy-duckdb-assets.ts). Nothing here may reach another origin:
 *
 *  - duckdb-wasm 1.32 has no built-in Parquet reader; `read_parquet` would download an extension
 *    from extensions.duckdb.org. So Parquet is decoded in JavaScript with hyparquet (zstd via
 *    hyparquet-compressors), turned into an Arrow table and inserted under the file's name.
 *  - Extension autoloading and autoinstall are switched off, then the configuration is locked so
 *    no later statement can switch them back on.
 *
 * Progress (bytes of the engine and of each table) is reported through `onProgress` so the page
 * can say what is loading while the pre-rendered chart stays readable.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { decompressZstd } from 'hyparquet-compressors';
import { Bool, DateDay, Float64, Int32, Int64, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Row } from '../charts/spec.ts';
import { plainRow } from './rows.ts';
import { engineFiles } from './assets.ts';

export interface LoadProgress {
  /** What is loading: the engine (wasm), a table, or done. */
  phase: 'engine' | 'table' | 'ready';
  /** Table name for phase 'table'. */
  name?: string;
  loaded: number;
  /** 0 when the size is not known. */
  total: number;
}
export type ProgressFn = (p: LoadProgress) => void;

interface Engine {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
}

let engine: Promise<Engine> | null = null;
const tables = new Map<string, Promise<void>>();
const listeners = new Set<ProgressFn>();
const emit = (p: LoadProgress) => listeners.forEach((f) => f(p));

/** Site base path with a trailing slash (Astro's BASE_URL). */
function base(): string {
  const b = import.meta.env.BASE_URL ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
}

/** Subscribe to loading progress; returns an unsubscribe function. */
export function onProgress(fn: ProgressFn): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Where the page's Parquet tables live: `<meta name="atlas-data-base" content="…/">` when the page
 * sets one (a pinned embed points it at `/releases/<id>/`), else the latest data at `<base>data/`.
 */
export function dataBase(): string {
  const meta = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[name="atlas-data-base"]');
  const b = meta?.content || `${base()}data/`;
  return b.endsWith('/') ? b : `${b}/`;
}

/**
 * A page in a sandboxed iframe without allow-same-origin has an opaque origin and may not start a
 * worker from a URL; a blob worker that imports the script may (the files are served with CORS).
 */
function startWorker(url: string): Worker {
  try {
    return new Worker(url);
  } catch {
    const blob = new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' });
    return new Worker(URL.createObjectURL(blob));
  }
}

async function start(): Promise<Engine> {
  const files = engineFiles(base());
  const worker = startWorker(files.worker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // The worker compiles the wasm while it streams in (WebAssembly.instantiateStreaming: the file
  // is served as application/wasm), and a repeat visit takes it, compiled, from the browser's code
  // cache (the served worker is patched for that: tools/duckdb-engine-files.mjs).
  // Marks and measures (atlas-engine-*) say where the time goes, for the bench and a profiler.
  performance.mark('atlas-engine-start');
  await db.instantiate(files.wasm, null, (p) => emit({ phase: 'engine', loaded: p.bytesLoaded, total: p.bytesTotal }));
  performance.measure('atlas-engine-instantiate', 'atlas-engine-start');
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  // No extension may be fetched, ever: they would come from a third-party host.
  await conn.query(`SET autoinstall_known_extensions = false`);
  await conn.query(`SET autoload_known_extensions = false`);
  await conn.query(`SET lock_configuration = true`);
  performance.measure('atlas-engine-open', 'atlas-engine-start');
  return { db, conn };
}

/** The engine, started on first call. */
export function browserDb(): Promise<Engine> {
  engine ??= start().catch((e) => {
    engine = null; // let a later interaction retry
    throw e;
  });
  return engine;
}

/** Fetches a file from our origin, reporting bytes as they arrive. */
async function fetchBytes(url: string, onBytes: (loaded: number, total: number) => void): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`could not load ${url} (${res.status})`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.byteLength));
  return out.buffer;
}

type ColumnKind = 'date' | 'bool' | 'f64' | 'i32' | 'i64' | 'utf8';

/** Arrow kind of each top-level Parquet column (flat tables only, which is what we publish). */
function columnKinds(buffer: ArrayBuffer): { name: string; kind: ColumnKind }[] {
  const meta = parquetMetadata(buffer);
  return meta.schema.slice(1).map((el) => {
    const logical = el.logical_type?.type;
    let kind: ColumnKind = 'utf8';
    if (logical === 'DATE' || el.converted_type === 'DATE') kind = 'date';
    else if (el.type === 'BOOLEAN') kind = 'bool';
    else if (el.type === 'DOUBLE' || el.type === 'FLOAT') kind = 'f64';
    else if (el.type === 'INT32' && !logical) kind = 'i32';
    else if (el.type === 'INT64' && (!logical || logical === 'INTEGER')) kind = 'i64';
    return { name: el.name, kind };
  });
}

/**
 * One Arrow vector from decoded values, built from typed arrays with makeData. Arrow's builders
 * (vectorFromArray) compile a null check with `new Function`, which the site's CSP forbids.
 */
function vectorOf(kind: ColumnKind, values: unknown[]): Vector {
  const n = values.length;
  const valid = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else valid[i >> 3] |= 1 << (i & 7);
  });
  const common = { length: n, nullCount, nullBitmap: nullCount ? valid : undefined };
  switch (kind) {
    case 'f64':
      return makeVector(makeData({ type: new Float64(), ...common, data: Float64Array.from(values, (v) => (v == null ? 0 : Number(v))) }));
    case 'i32':
      return makeVector(makeData({ type: new Int32(), ...common, data: Int32Array.from(values, (v) => (v == null ? 0 : Number(v))) }));
    case 'i64':
      return makeVector(makeData({ type: new Int64(), ...common, data: BigInt64Array.from(values, (v) => (v == null ? 0n : BigInt(v as number | bigint))) }));
    case 'date':
      // hyparquet is asked for raw day numbers (see `parsers` below).
      return makeVector(makeData({ type: new DateDay(), ...common, data: Int32Array.from(values, (v) => (v == null ? 0 : Number(v))) }));
    case 'bool': {
      const bits = new Uint8Array((n + 7) >> 3);
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3] |= 1 << (i & 7);
      });
      return makeVector(makeData({ type: new Bool(), ...common, data: bits }));
    }
    default: {
      const enc = new TextEncoder();
      const parts = values.map((v) => (v == null ? new Uint8Array(0) : enc.encode(v instanceof Date ? v.toISOString() : String(v))));
      const offsets = new Int32Array(n + 1);
      parts.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.byteLength));
      const data = new Uint8Array(offsets[n]);
      parts.forEach((b, i) => data.set(b, offsets[i]));
      return makeVector(makeData({ type: new Utf8(), ...common, valueOffsets: offsets, data }));
    }
  }
}

/** Decodes a Parquet file into an Arrow table with the same column types. */
export async function parquetToArrow(buffer: ArrayBuffer): Promise<Table> {
  const columns = columnKinds(buffer);
  const rows = (await parquetReadObjects({
    file: buffer,
    compressors: { ZSTD: (input: Uint8Array) => decompressZstd(input) },
    parsers: {
      dateFromDays: (days: number) => days,
      // Keep JSON text columns (breaks_json, comparability_json) as text, as DuckDB stores them.
      jsonFromBytes: (bytes: Uint8Array) => new TextDecoder().decode(bytes),
    },
  })) as Record<string, unknown>[];
  const vectors: Record<string, Vector> = {};
  for (const c of columns) vectors[c.name] = vectorOf(c.kind, rows.map((r) => r[c.name] ?? null));
  return new Table(vectors);
}

/** Release of the latest data (`<base>data/`), set at build time from its release.json (astro.config.mjs). */
const LATEST_RELEASE = String(import.meta.env.PUBLIC_DATA_RELEASE ?? '');

/** Cache Storage of decoded tables (Arrow IPC), so a repeat visit skips fetching and decoding Parquet. */
const TABLE_CACHE = 'atlas-tables';
/** Header that stamps a cached table with the release it was decoded from. */
export const RELEASE_HEADER = 'x-atlas-release';

/**
 * The release a data base holds: a pinned release folder names it (`…/releases/<id>/`), the
 * latest data is the build's release. Empty when unknown (then nothing is cached).
 */
export function releaseOf(from: string): string {
  const pinned = /\/releases\/([^/]+)\/$/.exec(new URL(from, location.href).pathname);
  if (pinned) return decodeURIComponent(pinned[1]);
  return new URL(from, location.href).pathname === new URL(`${base()}data/`, location.href).pathname ? LATEST_RELEASE : '';
}

/** The table cache, or null where the page may not use one (opaque origin, no Cache Storage). */
async function tableCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(TABLE_CACHE);
  } catch {
    return null;
  }
}

/**
 * Arrow IPC bytes of a published table `<from><name>.parquet`: from the cache when it holds this
 * release's copy, else fetched, decoded and stored (replacing any other release's copy under the
 * same URL). The one home of the table cache: the charts' engine and the SQL console's (lib/sql/
 * engine.ts) both read tables through here, so a table decoded on one page is not decoded on
 * another. Each table leaves a trace for tests and the bench: a mark `atlas-cached:<name>`, or a
 * measure `atlas-decode:<name>` (the time spent decoding).
 *
 * `after`: nothing is fetched or decoded before it settles (the charts pass their engine: a page
 * whose engine never arrives spends no bytes on tables, and decoding on the page's thread does not
 * compete with a reader's first click). `onBytes`: bytes of the download as they arrive.
 */
export async function publishedTable(
  name: string,
  opts: { from?: string; after?: Promise<unknown>; onBytes?: (loaded: number, total: number) => void } = {},
): Promise<Uint8Array> {
  const from = opts.from ?? dataBase();
  const url = new URL(`${from}${name}.parquet`, location.href).href;
  const release = releaseOf(from);
  await opts.after;
  const cache = release ? await tableCache() : null;
  const hit = await cache?.match(url).catch(() => undefined);
  if (hit && hit.headers.get(RELEASE_HEADER) === release) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    performance.mark(`atlas-cached:${name}`);
    return bytes;
  }
  const buffer = await fetchBytes(url, opts.onBytes ?? ((loaded, total) => emit({ phase: 'table', name, loaded, total })));
  performance.mark(`atlas-decode-start:${name}`);
  // IPC bytes, not the Table object: duckdb-wasm bundles its own apache-arrow version.
  const ipc = tableToIPC(await parquetToArrow(buffer), 'stream');
  performance.measure(`atlas-decode:${name}`, `atlas-decode-start:${name}`);
  if (cache)
    void cache
      .put(url, new Response(ipc.slice(), { headers: { 'content-type': 'application/vnd.apache.arrow.stream', [RELEASE_HEADER]: release } }))
      .catch(() => undefined); // a full or refused cache only costs the next visit a decode
  return ipc;
}

/**
 * Loads published tables (once each) from `<from><name>.parquet` into the engine (default: the
 * page's data base, see dataBase()). One page reads one data base: tables are named by table only.
 * A table decoded once is kept, per release, in Cache Storage (publishedTable).
 */
export async function ensureTables(names: string[], from: string = dataBase()): Promise<void> {
  const ready = browserDb();
  await Promise.all([
    ready,
    ...names.map((name) => {
      if (!tables.has(name)) {
        const p = (async () => {
          const ipc = await publishedTable(name, { from, after: ready });
          const { conn } = await ready;
          performance.mark(`atlas-insert-start:${name}`);
          await conn.insertArrowFromIPCStream(ipc, { name, create: true });
          performance.measure(`atlas-insert:${name}`, `atlas-insert-start:${name}`);
        })();
        p.catch(() => tables.delete(name));
        tables.set(name, p);
      }
      return tables.get(name)!;
    }),
  ]);
  emit({ phase: 'ready', loaded: 0, total: 0 });
}

/** Runs one SQL statement and returns plain rows (the same shape as the build-time engine). */
export async function queryBrowser(sql: string): Promise<Row[]> {
  const { conn } = await browserDb();
  const result = await conn.query(sql);
  return result.toArray().map((r: { toJSON(): Record<string, unknown> }) => plainRow(r.toJSON()));
}
