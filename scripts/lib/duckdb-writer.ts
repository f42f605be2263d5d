/**
 * Normalizes validated rows with DuckDB and writes `<table>.parquet` (zstd) and `<table>.csv`.
 * Rows go in through an appender into an all-text/number staging table; the typed table is
 * built with SQL casts so the Parquet types are explicit (DATE, DOUBLE, BIGINT, BOOLEAN).
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { csvSafeSql } from '../../src/lib/csv-safety.ts';
import { SORT_KEYS, type TableName } from '../../src/lib/schema.ts';
import { publishedColumns, type PublishedColumn } from '../../src/lib/contract/tables.ts';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function openDuckDB(): Promise<{ conn: DuckDBConnection; close(): void }> {
  // Two threads at most: the machines have two cores and other jobs run beside us.
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', preserve_insertion_order: 'true' });
  const conn = await instance.connect();
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Staging type: dates arrive as ISO text and are cast in SQL. */
const stagingType = (c: PublishedColumn) => (c.sql === 'DATE' ? 'VARCHAR' : c.sql);

/** ORDER BY: the schema's sort keys (nulls = totals first), then every other column so ties are stable. */
export function orderBy(table: TableName): string {
  const cols = publishedColumns(table).map((c) => c.name);
  const keys = [...SORT_KEYS[table], ...cols.filter((c) => !SORT_KEYS[table].includes(c))];
  return keys.map((k) => `${q(k)} ASC NULLS FIRST`).join(', ');
}

/** CSV text of a column: whole doubles without ".0", dates ISO, booleans true/false, formula-like text neutralised. */
function csvExpr(c: PublishedColumn): string {
  if (c.sql === 'DOUBLE') {
    return `CASE WHEN ${q(c.name)} = trunc(${q(c.name)}) AND abs(${q(c.name)}) < 1e15 THEN CAST(CAST(${q(c.name)} AS BIGINT) AS VARCHAR) ELSE CAST(${q(c.name)} AS VARCHAR) END AS ${q(c.name)}`;
  }
  if (c.sql === 'DATE') return `strftime(${q(c.name)}, '%Y-%m-%d') AS ${q(c.name)}`;
  if (c.sql === 'VARCHAR') return `${csvSafeSql(q(c.name))} AS ${q(c.name)}`;
  return q(c.name);
}

export interface WrittenTable {
  table: TableName;
  rows: number;
  parquet: string;
  csv: string;
}

export async function writeTable(
  conn: DuckDBConnection,
  dir: string,
  table: TableName,
  rows: Record<string, unknown>[],
): Promise<WrittenTable> {
  const cols = publishedColumns(table);
  const staging = `stage_${table}`;
  await conn.run(`DROP TABLE IF EXISTS ${staging}`);
  await conn.run(`CREATE TABLE ${staging} (${cols.map((c) => `${q(c.name)} ${stagingType(c)}`).join(', ')})`);
  const appender = await conn.createAppender(staging);
  for (const row of rows) {
    for (const c of cols) {
      const v = row[c.name];
      if (v === null || v === undefined) appender.appendNull();
      else if (c.sql === 'DOUBLE') appender.appendDouble(v as number);
      else if (c.sql === 'BIGINT') appender.appendBigInt(BigInt(v as number));
      else if (c.sql === 'BOOLEAN') appender.appendBoolean(v as boolean);
      else appender.appendVarchar(String(v));
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();

  // The typed, sorted table: this is what both files are written from.
  const typed = cols.map((c) => (c.sql === 'DATE' ? `CAST(${q(c.name)} AS DATE) AS ${q(c.name)}` : q(c.name))).join(', ');
  await conn.run(`DROP TABLE IF EXISTS ${q(table)}`);
  await conn.run(`CREATE TABLE ${q(table)} AS SELECT ${typed} FROM ${staging} ORDER BY ${orderBy(table)}`);
  await conn.run(`DROP TABLE ${staging}`);
  return writeTableFiles(conn, dir, table, rows.length);
}

/**
 * Writes a table from a frozen release's Parquet file: the same typed, sorted table that
 * `writeTable` builds from rows, so the CSV and Parquet come out as the pipeline writes them.
 * Columns are taken by name, in the contract's order; a missing column is an error.
 */
export async function writeTableFromParquet(conn: DuckDBConnection, dir: string, table: TableName, parquetPath: string): Promise<WrittenTable> {
  const cols = publishedColumns(table);
  await conn.run(`DROP TABLE IF EXISTS ${q(table)}`);
  const select = cols.map((c) => `CAST(${q(c.name)} AS ${c.sql}) AS ${q(c.name)}`).join(', ');
  await conn.run(`CREATE TABLE ${q(table)} AS SELECT ${select} FROM read_parquet(${lit(parquetPath)}) ORDER BY ${orderBy(table)}`);
  const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${q(table)}`);
  return writeTableFiles(conn, dir, table, Number(count.getRowObjectsJson()[0].n));
}

/** Writes `<table>.parquet` and `<table>.csv` from the typed table of that name. */
async function writeTableFiles(conn: DuckDBConnection, dir: string, table: TableName, rows: number): Promise<WrittenTable> {
  const cols = publishedColumns(table);
  const parquet = join(dir, `${table}.parquet`);
  const csv = join(dir, `${table}.csv`);
  // Sorted once above; DuckDB keeps insertion order (preserve_insertion_order, the default) on scan.
  await conn.run(`COPY (SELECT * FROM ${q(table)}) TO ${lit(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
  await conn.run(
    `COPY (SELECT ${cols.map(csvExpr).join(', ')} FROM ${q(table)}) TO ${lit(csv)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`,
  );
  return { table, rows, parquet, csv };
}

/** Every row of a typed table as JSON-friendly objects (dates as ISO text). */
export async function readTableRows(conn: DuckDBConnection, table: TableName): Promise<Record<string, unknown>[]> {
  const cols = publishedColumns(table);
  const select = cols.map((c) => (c.sql === 'DATE' ? `strftime(${q(c.name)}, '%Y-%m-%d') AS ${q(c.name)}` : c.sql === 'BIGINT' ? `CAST(${q(c.name)} AS DOUBLE) AS ${q(c.name)}` : q(c.name))).join(', ');
  return (await conn.runAndReadAll(`SELECT ${select} FROM ${q(table)}`)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Re-read a written Parquet file: row count and column names/types as DuckDB sees them. */
export async function inspectParquet(conn: DuckDBConnection, path: string) {
  const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${lit(path)})`);
  const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
  const columns = described.getRowObjectsJson().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  return { rows: Number(count.getRowObjectsJson()[0].n), columns };
}

/** Re-read a written CSV with DuckDB's strict reader (all text): row count and header. */
export async function inspectCsv(conn: DuckDBConnection, path: string) {
  const src = `read_csv(${lit(path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = true, auto_detect = true)`;
  const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${src}`);
  const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`);
  return {
    rows: Number(count.getRowObjectsJson()[0].n),
    columns: described.getRowObjectsJson().map((r) => String(r.column_name)),
  };
}
