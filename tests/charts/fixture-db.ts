/**
 * Loads a chart fixture (tests/fixtures/charts/<id>.json) into an in-memory DuckDB with the
 * published column types, and returns a query function for runQueries. Same engine and SQL as
 * the build; only the tables are the small cut instead of public/data.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sqlLiteral, type SqlValue } from '../../src/lib/charts/sql.ts';
import type { QueryFn } from '../../src/lib/charts/run.ts';
import { plainRow } from '../../src/lib/db/rows.ts';
import type { ChartFixture } from './make-fixtures.ts';

export function readFixture(id: string): ChartFixture {
  const file = path.join(import.meta.dirname, '..', 'fixtures', 'charts', `${id}.json`);
  if (!existsSync(file)) throw new Error(`no fixture for chart "${id}": run \`npx tsx tests/charts/make-fixtures.ts\` after \`npm run data\``);
  return JSON.parse(readFileSync(file, 'utf8'));
}

export async function fixtureQuery(fx: ChartFixture): Promise<QueryFn> {
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await db.connect();
  for (const [name, t] of Object.entries(fx.tables)) {
    await conn.run(`CREATE TABLE "${name}" (${t.columns.map(([c, ty]) => `"${c}" ${ty}`).join(', ')})`);
    if (!t.rows.length) continue;
    const values = t.rows.map((r) => `(${r.map((v, i) => `CAST(${sqlLiteral(v as SqlValue)} AS ${t.columns[i][1]})`).join(', ')})`);
    await conn.run(`INSERT INTO "${name}" VALUES ${values.join(',\n')}`);
  }
  return async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjects().map((r) => plainRow(r as Record<string, unknown>));
}

/** Makes SVG text comparable across runs and machines: one decimal, no generated ids or class hashes. */
export function normalizeSvg(svg: string): string {
  return svg
    .replace(/-?\d+\.\d+/g, (n) => (Math.round(Number(n) * 10) / 10).toFixed(1))
    .replace(/plot-[0-9a-f]{6}/g, 'plot-X')
    .replace(/(id|clip-path|href)="[^"]*?(\d+)[^"]*"/g, '$1="ID"')
    .replace(/></g, '>\n<');
}
