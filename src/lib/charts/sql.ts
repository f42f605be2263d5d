/**
 * Binds named parameters into a spec's SQL text. Both engines (@duckdb/node-api at build time,
 * DuckDB-WASM in the browser) receive the exact same string, so a chart cannot draw differently
 * in the two places because of binding differences. Values come from a zod-validated state, and
 * every literal is still escaped here, so text from a URL can never become SQL.
 */
export type SqlValue = string | number | boolean | null | readonly (string | number)[];

const PARAM_RE = /\$([a-z_][a-z0-9_]*)/gi;

/** Names of the `$params` used by a query, in order of first use. */
export function paramNames(sql: string): string[] {
  const names: string[] = [];
  for (const m of sql.matchAll(PARAM_RE)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/** A SQL literal for one value: strings single-quoted (quotes doubled), arrays as DuckDB lists. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot bind non-finite number ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (Array.isArray(value)) {
    // An empty list needs a type, or DuckDB cannot pick list_contains' overload.
    if (value.length === 0) return '[]::VARCHAR[]';
    return `[${value.map((v) => sqlLiteral(v)).join(', ')}]`;
  }
  throw new Error(`cannot bind value of type ${typeof value}`);
}

/**
 * Replaces each `$name` with the literal of `params[name]`. A name missing from `params` is a bug
 * in the spec, so it throws rather than running a different query.
 */
export function bindParams(sql: string, params: Record<string, unknown>): string {
  return sql.replace(PARAM_RE, (_, name: string) => {
    if (!(name in params)) throw new Error(`query parameter $${name} has no value`);
    return sqlLiteral(params[name] as SqlValue);
  });
}
