/**
 * Runs a spec's queries for a state with whichever engine is passed in (Node at build time,
 * DuckDB-WASM in the browser). Engine-agnostic on purpose: the SQL text is identical in both.
 */
import type { ChartRows, ChartSpec, Row } from './spec.ts';
import { bindParams, paramNames } from './sql.ts';

export type QueryFn = (sql: string) => Promise<Row[]>;

/** The parameters a dataset's SQL needs: spec constants first, overridden by state fields. */
export function queryParams(spec: ChartSpec, state: Record<string, unknown>): Record<string, unknown> {
  return { ...spec.constants, ...state };
}

/** The SQL text of one dataset for a state. */
export function datasetSql(spec: ChartSpec, dataset: string, state: Record<string, unknown>): string {
  return bindParams(spec.datasets[dataset].query, queryParams(spec, state));
}

/**
 * A key that changes exactly when some query's result could change: the values of the state
 * fields used as SQL parameters. View-only fields (scale, mode, layers) leave it unchanged.
 */
export function queryKey(spec: ChartSpec, state: Record<string, unknown>): string {
  const used = new Set(Object.values(spec.datasets).flatMap((d) => paramNames(d.query)));
  return JSON.stringify([...used].sort().map((k) => [k, state[k] ?? spec.constants[k] ?? null]));
}

export async function runQueries(spec: ChartSpec, state: Record<string, unknown>, query: QueryFn): Promise<ChartRows> {
  const out: ChartRows = {};
  // Sequential: both engines serialise statements on one connection anyway.
  for (const name of Object.keys(spec.datasets)) out[name] = await query(datasetSql(spec, name, state));
  return out;
}
