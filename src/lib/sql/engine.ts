/// <reference types="astro/client" />
/**
 * The SQL console's own DuckDB-WASM: a dedicated database (not the charts' shared one, whose
 * configuration is locked before its tables are loaded), filled with every published table and
 * then sealed (./seal.ts). Served from the site's origin like the charts' engine; the Parquet is
 * decoded with the charts' hyparquet → Arrow path (lib/db/browser.ts), so nothing is fetched
 * from another host and no extension is needed.
 *
 * User SQL reaches `run` only after ./guard.ts accepted it; `rawQuery` skips that check and is
 * there for the browser test that proves the engine refuses on its own.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC } from 'apache-arrow';
import { dataBase, parquetToArrow } from '../db/browser.ts';
import { cellText, type ResultSet } from './format.ts';
import { CONSOLE_TABLES, SEAL_CHECK, SEAL_STATEMENTS, isSealed } from './seal.ts';

export interface EngineProgress {
  phase: 'engine' | 'table' | 'sealing' | 'ready';
  name?: string;
  loaded: number;
  total: number;
}

export interface ConsoleEngine {
  /** Runs one statement and keeps at most `maxRows` rows. */
  run(sql: string, maxRows: number): Promise<ResultSet>;
  /** Runs SQL without the statement check (tests only). */
  rawQuery(sql: string): Promise<ResultSet>;
  tables: readonly string[];
}

function base(): string {
  const b = import.meta.env.BASE_URL ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
}

async function fetchTable(url: string, name: string, progress: (p: EngineProgress) => void): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${name} (${res.status})`);
  const total = Number(res.headers.get('content-length') ?? 0);
  progress({ phase: 'table', name, loaded: 0, total });
  const buf = await res.arrayBuffer();
  progress({ phase: 'table', name, loaded: buf.byteLength, total: buf.byteLength });
  return buf;
}

interface ArrowLike {
  schema: { fields: { name: string; type: { typeId: number } }[] };
  numRows: number;
  getChildAt(i: number): { get(j: number): unknown } | null;
}

function toResult(batches: ArrowLike[], schema: ArrowLike['schema'] | null, maxRows: number, more: boolean): ResultSet {
  const fields = schema?.fields ?? batches[0]?.schema.fields ?? [];
  const rows: (string | null)[][] = [];
  for (const b of batches) {
    const cols = fields.map((_, i) => b.getChildAt(i));
    for (let j = 0; j < b.numRows && rows.length < maxRows; j++) {
      rows.push(fields.map((f, i) => cellText(cols[i]?.get(j), f.type.typeId)));
    }
  }
  return { columns: fields.map((f) => f.name), rows, truncated: more || batches.reduce((n, b) => n + b.numRows, 0) > rows.length };
}

export async function openConsoleEngine(progress: (p: EngineProgress) => void = () => {}): Promise<ConsoleEngine> {
  const dir = new URL(`${base()}duckdb/`, location.href).href;
  const worker = new Worker(`${dir}duckdb-browser-eh.worker.js`);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${dir}duckdb-eh.wasm`, null, (p) => progress({ phase: 'engine', loaded: p.bytesLoaded, total: p.bytesTotal }));
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  // Nothing may be fetched from another host while the tables load.
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  const from = dataBase();
  await Promise.all(
    CONSOLE_TABLES.map(async (name) => {
      const buffer = await fetchTable(`${from}${name}.parquet`, name, progress);
      await conn.insertArrowFromIPCStream(tableToIPC(await parquetToArrow(buffer), 'stream'), { name, create: true });
    }),
  );
  progress({ phase: 'sealing', loaded: 0, total: 0 });
  for (const stmt of SEAL_STATEMENTS) await conn.query(stmt);
  const check = (await conn.query(SEAL_CHECK)).toArray()[0]?.toJSON() as Record<string, unknown> | undefined;
  if (!isSealed(check)) throw new Error('the query engine could not be sealed; the console stays closed');
  progress({ phase: 'ready', loaded: 0, total: 0 });

  let busy: Promise<unknown> = Promise.resolve();
  // One statement at a time on the one connection.
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = busy.then(f, f);
    busy = next.catch(() => undefined);
    return next;
  };

  async function stream(sql: string, maxRows: number): Promise<ResultSet> {
    const reader = await conn.send(sql, true);
    const batches: ArrowLike[] = [];
    let rows = 0;
    let more = false;
    for await (const batch of reader as AsyncIterable<ArrowLike>) {
      if (rows >= maxRows) {
        more = true;
        break;
      }
      batches.push(batch);
      rows += batch.numRows;
    }
    // Stop the engine producing rows nobody will see.
    if (more) await conn.cancelSent().catch(() => false);
    return toResult(batches, (reader as unknown as { schema?: ArrowLike['schema'] }).schema ?? null, maxRows, more);
  }

  return {
    tables: CONSOLE_TABLES,
    run: (sql, maxRows) => serial(() => stream(sql, maxRows)),
    rawQuery: (sql) => serial(() => stream(sql, 10_000)),
  };
}
