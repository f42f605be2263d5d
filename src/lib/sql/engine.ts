/// <reference types="astro/client" />
/**
 * The SQL console's own DuckDB-WASM: a dedicated database (not the charts' shared one, whose
 * configuration is locked before its tables are loaded), filled with every published table and
 * then sealed (./seal.ts). Served from the site's origin like the charts' engine; the tables come
 * through the charts' loader (lib/db/browser.ts publishedTable: Parquet decoded with hyparquet to
 * Arrow, kept per data release in Cache Storage), so nothing is fetched from another host, no
 * extension is needed, and a repeat visit decodes nothing.
 *
 * The seal, layer by layer:
 *  1. `check` classifies the statement with DuckDB's own lexer (`db.tokenize`, ./guard.ts) and
 *     refuses writes, settings, ATTACH, file functions and more than one statement;
 *  2. DuckDB refuses file, URL and database access and any later SET (./seal.ts);
 *  3. the published tables are restored before every console statement: the engine keeps each
 *     table's Arrow bytes and a fingerprint (row count and a hash of every row), and anything
 *     that changed them through the engine object (DROP, CREATE OR REPLACE, INSERT, a TEMP table
 *     or view that shadows a name) is dropped and the table reloaded before the statement runs.
 * `rawQuery` skips layers 1 and 3 and is there for the browser test that proves the engine
 * refuses on its own and that the console's tables come back.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { dataBase, publishedTable } from '../db/browser.ts';
import { engineFiles } from '../db/assets.ts';
import { cellText, type ResultSet } from './format.ts';
import { checkSql, type GuardResult } from './guard.ts';
import { CONSOLE_TABLES, SEAL_CHECK, SEAL_STATEMENTS, isSealed } from './seal.ts';

export interface EngineProgress {
  phase: 'engine' | 'table' | 'sealing' | 'ready';
  name?: string;
  loaded: number;
  total: number;
}

export interface ConsoleEngine {
  /** The statement check on DuckDB's lexer (./guard.ts). */
  check(sql: string): Promise<GuardResult>;
  /** Restores the published tables, then runs one statement and keeps at most `maxRows` rows. */
  run(sql: string, maxRows: number): Promise<ResultSet>;
  /** Runs SQL without the statement check (tests only). */
  rawQuery(sql: string): Promise<ResultSet>;
  /** Stops the engine at once, whatever it is running (the worker is terminated; open a new one). */
  terminate(): Promise<void>;
  tables: readonly string[];
}

function base(): string {
  const b = import.meta.env.BASE_URL ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
}

/**
 * Arrow IPC bytes of each table, once loaded in this page: a restarted engine (after Cancel) takes
 * them from memory, not from the cache again.
 */
const loaded = new Map<string, Uint8Array>();

/**
 * One published table as Arrow IPC: from memory, else through the charts' release-stamped table
 * cache (lib/db/browser.ts publishedTable: a repeat visit, or a visit after a chart page loaded
 * the same tables, decodes nothing).
 */
async function tableBytes(from: string, name: string, progress: (p: EngineProgress) => void): Promise<Uint8Array> {
  let bytes = loaded.get(`${from}${name}`);
  if (!bytes) {
    progress({ phase: 'table', name, loaded: 0, total: 0 });
    bytes = await publishedTable(name, { from, onBytes: (n, total) => progress({ phase: 'table', name, loaded: Math.min(n, total || n), total: 0 }) });
    loaded.set(`${from}${name}`, bytes);
  }
  progress({ phase: 'table', name, loaded: bytes.byteLength, total: bytes.byteLength });
  return bytes;
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
  const files = engineFiles(base());
  const worker = new Worker(files.worker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(files.wasm, null, (p) => progress({ phase: 'engine', loaded: p.bytesLoaded, total: p.bytesTotal }));
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  // Nothing may be fetched from another host while the tables load.
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  const from = dataBase();
  const ipc = new Map<string, Uint8Array>();
  await Promise.all(
    CONSOLE_TABLES.map(async (name) => {
      const bytes = await tableBytes(from, name, progress);
      ipc.set(name, bytes);
      // insertArrowFromIPCStream may take ownership of the buffer: hand it a copy.
      await conn.insertArrowFromIPCStream(bytes.slice(), { name, create: true });
    }),
  );
  const fingerprints = new Map<string, string>();
  for (const name of CONSOLE_TABLES) fingerprints.set(name, await fingerprint(conn, name));
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

  /** Layer 3: every object that is not a published table goes; a changed table is reloaded. */
  async function restore() {
    // ATTACH ':memory:' needs no file access: detach any database but the console's own.
    const dbs = (await conn.query("SELECT database_name AS name FROM duckdb_databases() WHERE NOT internal AND database_name NOT IN ('memory', 'temp')")).toArray();
    for (const d of dbs) await conn.query(`DETACH DATABASE IF EXISTS ${quote(String((d.toJSON() as { name: string }).name))}`);
    const objects = (await conn.query(CATALOG)).toArray().map((r) => r.toJSON() as Record<string, string>);
    const published = new Set<string>(CONSOLE_TABLES);
    for (const o of objects) {
      const mine = o.database === 'memory' && o.schema === 'main' && o.kind === 'table' && published.has(o.name);
      if (mine) continue;
      const full = `${quote(o.database)}.${quote(o.schema)}.${quote(o.name)}`;
      const what = { view: 'VIEW', table: 'TABLE', macro: 'MACRO', table_macro: 'MACRO TABLE' }[o.kind] ?? 'TABLE';
      await conn.query(`DROP ${what} IF EXISTS ${full}${o.kind.includes('macro') ? '' : ' CASCADE'}`);
    }
    for (const name of CONSOLE_TABLES) {
      const present = objects.some((o) => o.database === 'memory' && o.schema === 'main' && o.kind === 'table' && o.name === name);
      if (present && (await fingerprint(conn, name).catch(() => null)) === fingerprints.get(name)) continue;
      await conn.query(`DROP TABLE IF EXISTS main.${quote(name)}`);
      await conn.insertArrowFromIPCStream(ipc.get(name)!.slice(), { name, create: true });
    }
  }

  return {
    tables: CONSOLE_TABLES,
    check: async (sql) => checkSql(sql, await db.tokenize(sql)),
    run: (sql, maxRows) =>
      serial(async () => {
        await restore();
        return stream(sql, maxRows);
      }),
    rawQuery: (sql) => serial(() => stream(sql, 10_000)),
    terminate: async () => {
      await db.terminate().catch(() => undefined);
      worker.terminate();
    },
  };
}

const quote = (name: string) => `"${String(name).replace(/"/g, '""')}"`;

/** Every table, view and macro the user could create or reach, in any attached database or schema (temp included). */
const CATALOG = `SELECT database_name AS database, schema_name AS schema, table_name AS name, 'table' AS kind
  FROM duckdb_tables() WHERE NOT internal
  UNION ALL
  SELECT database_name, schema_name, view_name, 'view' FROM duckdb_views() WHERE NOT internal
  UNION ALL
  SELECT DISTINCT database_name, schema_name, function_name, function_type FROM duckdb_functions()
  WHERE NOT internal AND function_type IN ('macro', 'table_macro')`;

/** Row count and an order-independent hash of every row: any change to a table changes it. */
async function fingerprint(conn: duckdb.AsyncDuckDBConnection, name: string): Promise<string> {
  const row = (await conn.query(`SELECT count(*)::VARCHAR AS n, coalesce(bit_xor(hash(t)), 0)::VARCHAR AS h FROM main.${quote(name)} AS t`)).toArray()[0]?.toJSON() as
    | { n: string; h: string }
    | undefined;
  return `${row?.n}:${row?.h}`;
}
