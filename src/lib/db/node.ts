/**
 * Build-time queries over the published Parquet files with @duckdb/node-api. One in-memory
 * database per process, opened on first use, with one view per published table
 * (`observations`, `series`, …) loaded into memory, so spec SQL reads the same table names as in
 * the browser.
 *
 * Node-only: never import this from a module that reaches the browser.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Row } from '../charts/spec.ts';
import { plainRow } from './rows.ts';
import { publishedDataDir } from '../contract/files.ts';

/** Where the published tables live; DATA_DIR overrides (tests point it at a fixture folder). */
export const dataDir = publishedDataDir;

/** One connection per data folder (the latest data, and each frozen release a pinned embed reads). */
const connections = new Map<string, Promise<DuckDBConnection>>();

async function open(dir: string): Promise<DuckDBConnection> {
  // Extensions are never fetched: the build must not touch the network.
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await db.connect();
  if (!existsSync(dir)) throw new Error(`no published data at ${dir}: run \`npm run data\` first`);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort()) {
    const table = file.replace(/\.parquet$/, '');
    const p = path.join(dir, file).replaceAll("'", "''");
    // Loaded once into memory: a build runs thousands of queries, and a view would decode the
    // Parquet file again for each one.
    await conn.run(`CREATE OR REPLACE TABLE "${table}" AS SELECT * FROM read_parquet('${p}')`);
  }
  return conn;
}

/** The shared connection to the tables of `dir` (default `dataDir()`). */
export function nodeConnection(dir = dataDir()): Promise<DuckDBConnection> {
  let c = connections.get(dir);
  if (!c) {
    c = open(dir);
    c.catch(() => connections.delete(dir));
    connections.set(dir, c);
  }
  return c;
}

/** Runs one SQL statement and returns plain rows. */
export async function queryNode(sql: string, dir = dataDir()): Promise<Row[]> {
  const conn = await nodeConnection(dir);
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjects().map((r) => plainRow(r as Record<string, unknown>));
}
