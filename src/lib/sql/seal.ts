/**
 * How the SQL console's DuckDB is sealed, once its tables are loaded and before any user SQL
 * runs. Shared by the browser engine (./engine.ts) and the test that runs the same statements on
 * duckdb-wasm in Node (tests/downloads/downloads-sql.test.ts), so the test proves what ships.
 *
 *  - enable_external_access=false: no file, URL or database can be opened (read_csv of a URL or a
 *    local path, ATTACH, COPY … TO, EXPORT) — refused by DuckDB itself with a Permission Error.
 *  - autoinstall/autoload_known_extensions=false: no extension is fetched from a third-party host.
 *  - lock_configuration=true: no later SET can undo any of this.
 */
export const SEAL_STATEMENTS = [
  'SET enable_external_access = false',
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET lock_configuration = true',
] as const;

/** A query that must return exactly this row once sealed (checked before the console opens). */
export const SEAL_CHECK = `SELECT
  current_setting('enable_external_access') AS external,
  current_setting('autoinstall_known_extensions') AS autoinstall,
  current_setting('autoload_known_extensions') AS autoload,
  current_setting('lock_configuration') AS locked`;

export function isSealed(row: Record<string, unknown> | undefined): boolean {
  const off = (v: unknown) => v === false || v === 'false';
  const on = (v: unknown) => v === true || v === 'true';
  return !!row && off(row.external) && off(row.autoinstall) && off(row.autoload) && on(row.locked);
}

/** The published tables the console loads (same names as in the Parquet files). */
export const CONSOLE_TABLES = ['observations', 'series', 'regularizations', 'rule_changes', 'sources', 'countries'] as const;
