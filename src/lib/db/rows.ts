/**
 * Turns engine-specific result values into the plain rows every chart function expects: strings,
 * finite numbers, booleans and nulls. Queries are written to return dates as `YYYY-MM-DD` text
 * already; this is the safety net for BIGINT counts (bigint in both engines) and stray dates.
 */
import type { Row } from '../charts/spec.ts';

export function plainValue(v: unknown): Row[string] {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return Number.isNaN(+v) ? null : v.toISOString().slice(0, 10);
  // @duckdb/node-api value objects (dates, decimals, lists) print as their SQL text.
  return String(v);
}

export function plainRow(r: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) out[k] = plainValue(v);
  return out;
}
